//! The `nutgraf` command line.
//!
//! `main()` only calls [`run`], which the Python wheel calls too. The shape
//! follows ripgrep: clap parses raw flags ([`args`]), each command validates
//! them into its own config, errors print their cause chain, and a closed
//! pipe (`nutgraf … | head`) ends quietly with status 0.
//!
//! Exit status: 0 when every document went through, 1 when some failed
//! (each is reported on stderr with file, line and id), 2 on a fatal error
//! (bad arguments, unwritable output).

pub mod args;
pub mod batch;
mod eval_cmd;
pub mod input;
pub mod output;
mod parse_cmd;
pub mod shard;
mod summarize_cmd;

use anyhow::{bail, Context, Result};
use args::{
    Cli, Command, EvalArgs, InputArgs, ParseArgs, ParseFormat, RunArgs, SummarizeArgs,
    SummaryFormat,
};
use batch::{BatchOptions, Job, Sink, Tally};
use clap::{CommandFactory, FromArgMatches};
use input::{IdField, Reader, ReaderOptions};
use nutgraf::parse::{Language, ParseOptions};
use nutgraf::rouge::{BootstrapConfig, Rouge, RougeConfig};
use nutgraf::summarize::{Budget, Summarizer, SummarizerConfig};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

/// Exit status: every document went through.
pub const EXIT_OK: i32 = 0;
/// Exit status: some documents failed.
pub const EXIT_FAILED_DOCUMENTS: i32 = 1;
/// Exit status: a fatal error.
pub const EXIT_FATAL: i32 = 2;

/// Runs the command line with the given arguments (including the program
/// name) and returns the process exit status.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(err) => {
            // --help and --version are "errors" that exit 0.
            let _ = err.print();
            return if err.use_stderr() {
                EXIT_FATAL
            } else {
                EXIT_OK
            };
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return EXIT_FATAL;
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => EXIT_OK,
        Err(err) => {
            let mut stderr = io::stderr().lock();
            let _ = writeln!(stderr, "nutgraf: {err}");
            for cause in err.chain().skip(1) {
                let _ = writeln!(stderr, "  caused by: {cause}");
            }
            EXIT_FATAL
        }
    }
}

/// The clap command, with default values read from the library's
/// `Default` impls written into the help text (so they are declared in one
/// place only).
pub fn command() -> clap::Command {
    let parse_language = ParseOptions::default().language;
    Cli::command()
        .mut_subcommand("parse", |cmd| {
            add_default(cmd, "language", parse_language.to_string())
        })
        .mut_subcommand("summarize", summarizer_defaults)
        .mut_subcommand("eval", summarizer_defaults)
}

/// Writes `SummarizerConfig::default()`'s values into the help of the
/// summarizer flags.
fn summarizer_defaults(cmd: clap::Command) -> clap::Command {
    let config = SummarizerConfig::default();
    let (budget_flag, budget) = match config.budget {
        Budget::Sentences(n) => ("sentences", n.to_string()),
        Budget::Ratio(r) => ("ratio", r.to_string()),
        Budget::Words(n) => ("words", n.to_string()),
        Budget::Chars(n) => ("chars", n.to_string()),
    };
    let on_off = |on: bool| if on { "on" } else { "off" }.to_string();
    let cmd = add_default(cmd, "algorithm", config.algorithm.to_string());
    let cmd = add_default(cmd, budget_flag, budget);
    let cmd = add_default(cmd, "order", config.order.to_string());
    let cmd = add_default(
        cmd,
        "mmr_lambda",
        config
            .redundancy
            .map_or_else(|| "off".to_string(), |l| l.to_string()),
    );
    let cmd = add_default(cmd, "trigram_blocking", on_off(config.trigram_blocking));
    let cmd = add_default(cmd, "hint_weight", config.hint_weight.to_string());
    add_default(cmd, "language", config.language.to_string())
}

fn add_default(cmd: clap::Command, arg: &str, value: String) -> clap::Command {
    cmd.mut_arg(arg, |a| {
        let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
        a.help(format!("{help} [default: {value}]"))
    })
}

fn dispatch(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Parse(args) => parse_command(args),
        Command::Summarize(args) => summarize_command(args),
        Command::Eval(args) => eval_command(args),
        Command::Completions { shell } => {
            let mut cmd = command();
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut cmd, "nutgraf", &mut out);
            out.flush()?;
            Ok(EXIT_OK)
        }
    }
}

fn summarize_command(args: SummarizeArgs) -> Result<i32> {
    let out = &args.output;
    if out.offsets && !matches!(out.format, SummaryFormat::Jsonl | SummaryFormat::Json) {
        bail!("--offsets needs --format jsonl or json");
    }
    if out.scores && out.format == SummaryFormat::Text {
        bail!("--scores needs --format jsonl, json or markdown");
    }
    check_threads(args.run.threads)?;
    let config = summarize_cmd::summarizer_config(&args.summarizer, args.run.threads)?;
    if let Some(shard) = args.shard {
        check_shardable(&args, shard)?;
    }
    let mut reader = open_reader(&args.input, &args.input.inputs)?;
    if config.title.is_some() && reader.may_yield_many() {
        bail!("--title is for a single document; use --title-field for a JSONL corpus");
    }
    if let Some(shard) = args.shard {
        // A first pass counts the documents, so each shard is a contiguous block.
        let total = open_reader(&args.input, &args.input.inputs)?.count();
        reader.restrict(shard.range(total));
    }
    let job = summarize_cmd::SummarizeJob {
        summarizer: Summarizer::new(config).context("invalid summarizer settings")?,
        text_field: args.input.text_field.clone(),
        title_field: args.input.title_field.clone(),
        format: out.format,
        scores: out.scores,
        offsets: out.offsets,
        headers: reader.may_yield_many(),
    };
    let framing = match out.format {
        SummaryFormat::Text => output::Framing::Text,
        SummaryFormat::Jsonl => output::Framing::Jsonl,
        SummaryFormat::Json => output::Framing::Json,
        SummaryFormat::Markdown => output::Framing::Markdown,
    };
    let mut sink = output::RenderedSink::new(framing);
    run_batch(reader, &job, &mut sink, &args.run)
}

/// `--shard` needs inputs that can be read twice (a counting pass, then
/// the real one) and an output format whose shards concatenate.
fn check_shardable(args: &SummarizeArgs, shard: shard::Shard) -> Result<()> {
    let inputs = &args.input.inputs;
    if inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-") {
        bail!(
            "--shard {shard} needs files or directories: stdin cannot be counted \
             before it is read (split the stream upstream instead)"
        );
    }
    if args.output.format == SummaryFormat::Json {
        bail!(
            "--shard {shard} cannot write --format json: JSON arrays do not concatenate; \
             use --format jsonl"
        );
    }
    Ok(())
}

fn eval_command(args: EvalArgs) -> Result<i32> {
    check_threads(args.run.threads)?;
    if args.bootstrap == 0 {
        bail!("--bootstrap must be at least 1");
    }
    let (inputs, source) = match &args.corpus {
        Some(corpus) => {
            if !args.input.inputs.is_empty() {
                bail!(
                    "give the corpus with --corpus only (extra inputs: {:?})",
                    args.input.inputs
                );
            }
            let mut config = summarize_cmd::summarizer_config(&args.summarizer, args.run.threads)?;
            if args.sentences_from_reference {
                // Greedy selection: the first n picks of an unlimited run are
                // the picks of a run limited to n (see eval_cmd's docs).
                config.budget = Budget::Sentences(usize::MAX);
            }
            let source = eval_cmd::Source::Summarize {
                summarizer: Box::new(
                    Summarizer::new(config).context("invalid summarizer settings")?,
                ),
                text_field: args.input.text_field.clone(),
                title_field: args.input.title_field.clone(),
                from_reference: args.sentences_from_reference,
            };
            (vec![corpus.clone()], source)
        }
        None => {
            if args.sentences_from_reference || args.summarizer.any_set() {
                bail!("summarizer options (--sentences, --algorithm, --sentences-from-reference, …) need --corpus");
            }
            let source = eval_cmd::Source::Field(args.summary_field.clone());
            (args.input.inputs.clone(), source)
        }
    };
    let reader = open_reader(&args.input, &inputs)?;
    let job = eval_cmd::EvalJob {
        source,
        reference_field: args.reference_field.clone(),
        rouge: Rouge::new(RougeConfig {
            metrics: eval_cmd::METRICS.to_vec(),
            stemmer: true,
        }),
    };
    let bootstrap = BootstrapConfig {
        n_samples: args.bootstrap,
        ..BootstrapConfig::default()
    };
    let mut sink = eval_cmd::EvalSink::new(args.per_document, bootstrap);
    run_batch(reader, &job, &mut sink, &args.run)
}

fn check_threads(threads: Option<usize>) -> Result<()> {
    if threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    Ok(())
}

fn parse_command(args: ParseArgs) -> Result<i32> {
    let mut options = ParseOptions::default();
    if let Some(language) = &args.language {
        options.language = parse_language(language)?;
    }
    options.title = args.title.clone();
    check_threads(args.run.threads)?;
    let reader = open_reader(&args.input, &args.input.inputs)?;
    if args.title.is_some() && reader.may_yield_many() {
        bail!("--title is for a single document; use --title-field for a JSONL corpus");
    }
    let job = parse_cmd::ParseJob {
        format: args.format,
        options,
        text_field: args.input.text_field.clone(),
        title_field: args.input.title_field.clone(),
        headers: reader.may_yield_many(),
    };
    let framing = match args.format {
        ParseFormat::Text => output::Framing::Text,
        ParseFormat::Jsonl => output::Framing::Jsonl,
        ParseFormat::Json => output::Framing::Json,
    };
    let mut sink = output::RenderedSink::new(framing);
    run_batch(reader, &job, &mut sink, &args.run)
}

fn parse_language(name: &str) -> Result<Language> {
    Ok(name.parse::<Language>()?)
}

/// Validates the input flags and opens the inputs.
fn open_reader(args: &InputArgs, inputs: &[PathBuf]) -> Result<Reader> {
    if inputs.is_empty() && io::stdin().is_terminal() {
        bail!("no input: give files or directories, or pipe text to stdin (see --help)");
    }
    let globs = if args.glob.is_empty() {
        None
    } else {
        let mut builder = globset::GlobSetBuilder::new();
        for glob in &args.glob {
            builder.add(globset::Glob::new(glob).with_context(|| format!("bad --glob {glob:?}"))?);
        }
        Some(builder.build()?)
    };
    let id_field = match &args.id_field {
        Some(name) => IdField {
            name: name.clone(),
            required: true,
        },
        None => IdField {
            name: "id".to_string(),
            required: false,
        },
    };
    Ok(Reader::new(
        inputs,
        ReaderOptions {
            format: args.input_format,
            globs,
            id_field,
        },
    ))
}

/// Runs a job over the reader with the batch flags, prints the closing
/// line, and turns the tally into an exit status.
fn run_batch<J: Job>(
    reader: Reader,
    job: &J,
    sink: &mut dyn Sink<J::Output>,
    run: &RunArgs,
) -> Result<i32> {
    let workers = match job.summarizer() {
        Some(summarizer) => batch::Workers::Summarizer(summarizer),
        None => batch::Workers::Pool(thread_pool(run.threads)?),
    };
    let many = reader.may_yield_many();
    let mut out = open_output(run)?;
    let options = BatchOptions {
        chunk_size: run.chunk_size,
        strict: run.strict,
        keep_errors: run.keep_errors,
        progress: !run.no_progress,
    };
    let tally = batch::run(reader, job, &workers, sink, &mut out, &options)
        .context("cannot write the output")?;
    finish(tally, J::DONE, many)
}

/// Prints the closing line (for several documents, or when some failed)
/// and picks the exit status.
fn finish(tally: Tally, done: &str, many: bool) -> Result<i32> {
    if many || tally.failed > 0 {
        let _ = writeln!(io::stderr(), "nutgraf: {}", tally.line(done));
    }
    Ok(if tally.failed > 0 {
        EXIT_FAILED_DOCUMENTS
    } else {
        EXIT_OK
    })
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    check_threads(threads)?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .thread_name(|i| format!("nutgraf-{i}"))
        .build()
        .context("cannot start the worker threads")
}

fn open_output(run: &RunArgs) -> Result<BufWriter<Box<dyn Write>>> {
    let sink: Box<dyn Write> = match &run.output {
        Some(path) if path.as_os_str() != "-" => Box::new(
            File::create(path)
                .with_context(|| format!("cannot create output file {}", path.display()))?,
        ),
        _ => Box::new(io::stdout()),
    };
    Ok(BufWriter::with_capacity(1 << 16, sink))
}

/// True when the error comes from writing to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
