//! `nutgraf summarize`: the summarizer's flags validated into a
//! [`SummarizerConfig`], and each chunk of documents summarized with the
//! summarizer's batch call, then rendered in the chosen format.

use crate::args::{OrderArg, SummarizerArgs, SummaryFormat};
use crate::batch::Job;
use crate::input::{DocId, Failure, Record};
use crate::output::{one_line, to_json, CharOffsets};
use anyhow::{Context, Result};
use nutgraf::parse::Document;
use nutgraf::summarize::{Algorithm, Budget, Order, Summarizer, SummarizerConfig, Summary};
use rayon::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;

/// Builds the summarizer config from the flags: every unset flag keeps the
/// value of `SummarizerConfig::default()`.
pub fn summarizer_config(
    args: &SummarizerArgs,
    threads: Option<usize>,
) -> Result<SummarizerConfig> {
    let mut config = match &args.config {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read --config {}", path.display()))?;
            serde_json::from_str::<SummarizerConfig>(&json)
                .with_context(|| format!("invalid --config {}", path.display()))?
        }
        None => SummarizerConfig::default(),
    };
    if let Some(name) = &args.algorithm {
        config.algorithm = name.parse::<Algorithm>().context("invalid --algorithm")?;
    }
    if let Some(n) = args.sentences {
        config.budget = Budget::Sentences(n);
    }
    if let Some(r) = args.ratio {
        config.budget = Budget::Ratio(r);
    }
    if let Some(n) = args.words {
        config.budget = Budget::Words(n);
    }
    if let Some(n) = args.chars {
        config.budget = Budget::Chars(n);
    }
    if let Some(order) = args.order {
        config.order = match order {
            OrderArg::Document => Order::Document,
            OrderArg::Rank => Order::Rank,
        };
    }
    if let Some(lambda) = args.mmr_lambda {
        config.redundancy = Some(lambda);
    }
    if args.trigram_blocking {
        config.trigram_blocking = true;
    }
    if let Some(language) = &args.language {
        config.language = language.parse().context("invalid --language")?;
    }
    if !args.hints.is_empty() {
        config.hints = args.hints.clone();
    }
    if args.title.is_some() {
        config.title = args.title.clone();
    }
    if let Some(weight) = args.hint_weight {
        config.hint_weight = weight;
    }
    if args.no_structure {
        config.detect_structure = false;
    }
    if threads.is_some() {
        config.threads = threads;
    }
    if let Err(err) = config.validate() {
        let flag = flag_of(err.field());
        return Err(anyhow::Error::new(err).context(format!("invalid {flag}")));
    }
    Ok(config)
}

/// The command-line flag of a config field, for error messages.
pub fn flag_of(field: &str) -> &'static str {
    match field {
        "budget" => "budget",
        "budget.ratio" => "--ratio",
        "redundancy" => "--mmr-lambda",
        "threads" => "--threads",
        "algorithm" => "--algorithm",
        "language" => "--language",
        "order" => "--order",
        "hint_weight" => "--hint-weight",
        _ => "--config",
    }
}

/// The validated settings of `nutgraf summarize`.
pub struct SummarizeJob {
    /// The summarizer (owns its thread pool).
    pub summarizer: Summarizer,
    /// JSONL field of the text.
    pub text_field: String,
    /// JSONL field of the headline.
    pub title_field: Option<String>,
    /// Output format.
    pub format: SummaryFormat,
    /// Add sentence scores.
    pub scores: bool,
    /// Add sentence offsets.
    pub offsets: bool,
    /// Several documents: frame each one (text format).
    pub headers: bool,
}

/// One document to summarize.
pub struct SummarizeItem {
    id: DocId,
    text: String,
    title: Option<String>,
}

/// Takes the text and title of a record; an empty text is a failure.
pub fn prepare_text(
    record: &mut Record,
    text_field: &str,
    title_field: Option<&str>,
) -> Result<(String, Option<String>), Failure> {
    let text = record.take_text(text_field)?;
    if text.trim().is_empty() {
        return Err(record.fail("empty document"));
    }
    let title = match title_field {
        Some(field) => record.take_optional_string(field)?,
        None => None,
    };
    Ok((text, title))
}

impl Job for SummarizeJob {
    type Item = SummarizeItem;
    type Output = String;
    const DONE: &'static str = "summarized";

    fn prepare(&self, mut record: Record) -> Result<SummarizeItem, Failure> {
        let (text, title) =
            prepare_text(&mut record, &self.text_field, self.title_field.as_deref())?;
        Ok(SummarizeItem {
            id: record.id,
            text,
            title,
        })
    }

    fn process(&self, items: Vec<SummarizeItem>) -> Vec<Result<String, Failure>> {
        // Each document is parsed, summarized and rendered in one go, so its
        // parse (tokens, vocabulary) is dropped before the next one starts:
        // memory stays at a few documents per thread, not a whole chunk.
        items
            .par_iter()
            .map(|item| {
                let doc = self
                    .summarizer
                    .parse_titled(&item.text, item.title.as_deref());
                let summary = self.summarizer.summarize_document(&doc);
                Ok(self.render(&item.id, &doc, &summary))
            })
            .collect()
    }

    fn summarizer(&self) -> Option<&Summarizer> {
        Some(&self.summarizer)
    }
}

/// A summary as written in JSON.
#[derive(Serialize)]
struct SummaryView<'a> {
    id: &'a DocId,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    summary: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scores: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offsets: Option<Vec<OffsetView>>,
}

/// Where a summary sentence lies in the input text.
#[derive(Serialize)]
struct OffsetView {
    /// Index of the sentence in the parsed document (see `nutgraf parse`).
    sentence: usize,
    /// Half-open byte range `[start, end]`.
    bytes: [usize; 2],
    /// Half-open character (Unicode scalar value) range.
    chars: [usize; 2],
}

impl SummarizeJob {
    fn render(&self, id: &DocId, doc: &Document, summary: &Summary) -> String {
        let mut out = String::new();
        match self.format {
            SummaryFormat::Text => {
                if self.headers {
                    let _ = writeln!(out, "==> {id} <==");
                }
                for s in &summary.sentences {
                    let _ = writeln!(out, "{}", one_line(&s.text));
                }
                if self.headers {
                    out.push('\n');
                }
            }
            SummaryFormat::Markdown => {
                let heading = match &doc.metadata.title {
                    Some(title) => title.clone(),
                    None => id.to_string(),
                };
                let _ = writeln!(out, "## {heading}\n");
                for s in &summary.sentences {
                    if self.scores {
                        let _ = writeln!(out, "- {} _(score {:.4})_", one_line(&s.text), s.score);
                    } else {
                        let _ = writeln!(out, "- {}", one_line(&s.text));
                    }
                }
                out.push('\n');
            }
            SummaryFormat::Jsonl | SummaryFormat::Json => {
                let offsets = self.offsets.then(|| {
                    let mut chars = CharOffsets::new(&doc.text);
                    summary
                        .sentences
                        .iter()
                        .map(|s| OffsetView {
                            sentence: s.index,
                            bytes: [s.span.start, s.span.end],
                            chars: [chars.at(s.span.start), chars.at(s.span.end)],
                        })
                        .collect()
                });
                let view = SummaryView {
                    id,
                    title: doc.metadata.title.as_deref(),
                    summary: summary.sentences.iter().map(|s| s.text.as_str()).collect(),
                    scores: self
                        .scores
                        .then(|| summary.sentences.iter().map(|s| s.score).collect()),
                    offsets,
                };
                if self.format == SummaryFormat::Jsonl {
                    out = to_json(&view, false);
                    out.push('\n');
                } else {
                    out = to_json(&view, true);
                }
            }
        }
        out
    }
}
