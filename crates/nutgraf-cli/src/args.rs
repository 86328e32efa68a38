//! Raw command-line flags (clap derive). They are validated into the
//! commands' own configs in the command modules; nothing here holds a
//! default value of the summarizer — those come from
//! `SummarizerConfig::default()` and are written into the help text by
//! [`command`].

use crate::input::InputFormat;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  Summarize a news page (captions, credits and related-story lines are never quoted):
    nutgraf summarize page.txt
  See how nutgraf reads the page (roles of its blocks, its sentences):
    nutgraf parse page.txt
  Summarize a gzipped JSONL corpus, three sentences each, as JSONL:
    nutgraf summarize --format jsonl --text-field article --sentences 3 corpus.jsonl.gz > out.jsonl
  Score summaries against references (ROUGE-1/2/Lsum with 95% intervals):
    nutgraf eval --corpus corpus.jsonl.gz --text-field article \\
        --reference-field reference --sentences 3";

/// Fast extractive summaries of news: parse pages, summarize corpora,
/// evaluate with ROUGE.
#[derive(Debug, Parser)]
#[command(name = "nutgraf", version, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show a document's structure: blocks with roles, metadata, sentences.
    #[command(after_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
    /// Summarize text files, directories, JSONL corpora or stdin.
    #[command(after_help = SUMMARIZE_EXAMPLES)]
    Summarize(SummarizeArgs),
    /// Score summaries against references with ROUGE.
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  nutgraf completions bash > ~/.local/share/bash-completion/completions/nutgraf"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

const PARSE_EXAMPLES: &str = "\
Examples:
  nutgraf parse page.txt
  nutgraf parse --format json page.txt
  nutgraf parse --format jsonl --text-field article corpus.jsonl.gz | head -1";

const SUMMARIZE_EXAMPLES: &str = "\
Inputs:
  A text file is one document. A directory is read recursively in sorted
  order (hidden files skipped; --glob filters). Files ending in .jsonl or
  .ndjson (optionally .gz) hold one JSON object per line. Gzip is detected by
  its magic bytes. `-` or no input reads stdin (JSONL when it starts with `{`).

Examples:
  nutgraf summarize page.txt
  nutgraf summarize --sentences 2 --order rank --scores --format jsonl page.txt
  nutgraf summarize --glob '*.txt' --format markdown articles/
  nutgraf summarize --format jsonl --text-field article --id-field id --sentences 3 \\
      cnndm.jsonl.gz > summaries.jsonl
  cat page.txt | nutgraf summarize --words 60
  Three machines, one third of a corpus each (0-based; concatenate in order):
    nutgraf summarize --format jsonl --shard 1/3 corpus.jsonl.gz > part-1.jsonl

Exit status: 0 when every document was summarized, 1 when some failed,
2 on a fatal error (bad arguments, unwritable output).";

const EVAL_EXAMPLES: &str = "\
Examples:
  Score existing summaries (a list of sentences or a newline-joined string):
    nutgraf eval --summary-field summary --reference-field reference scored.jsonl
  Summarize a corpus and score it in one step:
    nutgraf eval --corpus cnndm.jsonl.gz --text-field article \\
        --reference-field reference --sentences 3
  The BBC protocol (as many sentences as each reference has):
    nutgraf eval --corpus bbc.jsonl.gz --text-field article --title-field title \\
        --sentences-from-reference";

/// Output format of `summarize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Sentences one per line; a `==> id <==` header per document when there are several.
    Text,
    /// One JSON object per document and line.
    Jsonl,
    /// One JSON array of those objects.
    Json,
    /// A Markdown section per document, sentences as a list.
    Markdown,
}

/// Output format of `parse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// Human-readable: metadata, then blocks with their roles and numbered sentences.
    Text,
    /// One JSON object per document and line, with byte and character spans.
    Jsonl,
    /// A JSON array of those objects.
    Json,
}

/// Summary sentence order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// As they appear in the document.
    Document,
    /// Best first.
    Rank,
}

/// Where the documents come from.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Text files, directories, JSONL corpora (.jsonl, .jsonl.gz); `-` or none for stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// How to read files: by extension (auto), each file one document (text), or JSONL.
    #[arg(long, value_enum, default_value = "auto", value_name = "FORMAT")]
    pub input_format: InputFormat,
    /// Only read files of directories whose relative path matches (repeatable, e.g. '*.txt').
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// JSONL field holding the document text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub text_field: String,
    /// JSONL field holding the document id [default: id, falling back to file:line when absent].
    #[arg(long, value_name = "FIELD")]
    pub id_field: Option<String>,
    /// JSONL field holding the headline (passed to the parser as the title).
    #[arg(long, value_name = "FIELD")]
    pub title_field: Option<String>,
}

/// How to run a batch.
#[derive(Debug, Args)]
#[command(next_help_heading = "Batch")]
pub struct RunArgs {
    /// Worker threads [default: one per CPU].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Stop at the first document that fails.
    #[arg(long)]
    pub strict: bool,
    /// Write a record with the id and error of each failed document, so none is silently dropped.
    #[arg(long)]
    pub keep_errors: bool,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Documents read and processed together (bounds memory; the first chunks are smaller so work starts early).
    #[arg(long, default_value_t = 1024, value_name = "N", hide_short_help = true)]
    pub chunk_size: usize,
    /// Never show the progress bar (it only shows when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

/// The algorithm names, for help and completions.
fn algorithm_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(nutgraf::summarize::Algorithm::ALL.map(|a| a.name()))
}

/// Every option of the summarizer. Unset options take their value from
/// `SummarizerConfig::default()`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Summarizer")]
pub struct SummarizerArgs {
    /// Scoring algorithm.
    #[arg(long, short = 'a', value_name = "NAME", value_parser = algorithm_names())]
    pub algorithm: Option<String>,
    /// Budget: this many sentences.
    #[arg(long, short = 'n', value_name = "N", group = "budget")]
    pub sentences: Option<usize>,
    /// Budget: this fraction of the selectable sentences (0 < R <= 1).
    #[arg(long, value_name = "R", group = "budget")]
    pub ratio: Option<f64>,
    /// Budget: at most this many words.
    #[arg(long, value_name = "N", group = "budget")]
    pub words: Option<usize>,
    /// Budget: at most this many characters.
    #[arg(long, value_name = "N", group = "budget")]
    pub chars: Option<usize>,
    /// Order of the summary sentences.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub order: Option<OrderArg>,
    /// Maximal marginal relevance: 1 = relevance only, lower = less redundancy.
    #[arg(long, value_name = "L")]
    pub mmr_lambda: Option<f64>,
    /// Skip a sentence sharing a word trigram with one already chosen.
    #[arg(long)]
    pub trigram_blocking: bool,
    /// Language for stemming and stop words (name or ISO code).
    #[arg(long, short = 'l', value_name = "LANG")]
    pub language: Option<String>,
    /// A term the summary should favour (repeatable).
    #[arg(long = "hint", value_name = "TERM")]
    pub hints: Vec<String>,
    /// Headline of a single document read from a text file or stdin.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Weight of the --hint boost (added to a relevance in [0, 1]).
    #[arg(long, value_name = "W")]
    pub hint_weight: Option<f64>,
    /// Treat every paragraph as story text (no headline/caption/boilerplate detection).
    #[arg(long)]
    pub no_structure: bool,
    /// Start from this JSON summarizer config (SummarizerConfig fields, e.g.
    /// {"lexrank": {"threshold": 0.2}}); flags given override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl SummarizerArgs {
    /// True when any summarizer flag was given.
    pub fn any_set(&self) -> bool {
        self.algorithm.is_some()
            || self.sentences.is_some()
            || self.ratio.is_some()
            || self.words.is_some()
            || self.chars.is_some()
            || self.order.is_some()
            || self.mmr_lambda.is_some()
            || self.trigram_blocking
            || self.language.is_some()
            || !self.hints.is_empty()
            || self.title.is_some()
            || self.hint_weight.is_some()
            || self.no_structure
            || self.config.is_some()
    }
}

/// `nutgraf parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ParseFormat,
    /// Language for stemming and stop words (name or ISO code).
    #[arg(long, short = 'l', value_name = "LANG")]
    pub language: Option<String>,
    /// Headline of a single document read from a text file or stdin.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Input flags.
    #[command(flatten)]
    pub input: InputArgs,
    /// Batch flags.
    #[command(flatten)]
    pub run: RunArgs,
}

/// `nutgraf summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Input flags.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output flags.
    #[command(flatten)]
    pub output: SummaryOutputArgs,
    /// Summarizer flags.
    #[command(flatten)]
    pub summarizer: SummarizerArgs,
    /// Batch flags.
    #[command(flatten)]
    pub run: RunArgs,
    /// Summarize only shard I of N (0-based): a contiguous block of the
    /// documents, so the outputs of shards 0..N concatenated in order equal
    /// one unsharded run's. Counts the documents first; files only.
    #[arg(long, value_name = "I/N", help_heading = "Batch")]
    pub shard: Option<crate::shard::Shard>,
}

/// How `summarize` writes its results.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct SummaryOutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: SummaryFormat,
    /// Add each sentence's score (jsonl, json, markdown).
    #[arg(long)]
    pub scores: bool,
    /// Add each sentence's byte and character offsets in the input text (jsonl, json).
    #[arg(long)]
    pub offsets: bool,
}

/// `nutgraf eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Summarize the text field of this reference corpus and score the result
    /// (instead of reading summaries from the inputs).
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// JSONL field holding the summary to score (list of sentences or newline-joined string).
    #[arg(long, default_value = "summary", value_name = "FIELD")]
    pub summary_field: String,
    /// JSONL field holding the reference (list of sentences or newline-joined string).
    #[arg(long, default_value = "reference", value_name = "FIELD")]
    pub reference_field: String,
    /// With --corpus: give each document as many sentences as its reference has.
    #[arg(long, conflicts_with_all = ["sentences", "ratio", "words", "chars"])]
    pub sentences_from_reference: bool,
    /// Also write each document's scores as JSONL (to stdout, the table then goes to stderr).
    #[arg(long)]
    pub per_document: bool,
    /// Bootstrap resamples for the 95% intervals.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub bootstrap: usize,
    /// Input flags.
    #[command(flatten)]
    pub input: InputArgs,
    /// Summarizer flags.
    #[command(flatten)]
    pub summarizer: SummarizerArgs,
    /// Batch flags.
    #[command(flatten)]
    pub run: RunArgs,
}
