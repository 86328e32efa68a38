//! `nutgraf eval`: ROUGE (nutgraf-rouge, scored like Google's
//! `rouge-score`) of summaries against references, with corpus means and
//! bootstrap 95% intervals; or, with `--corpus`, summarize a reference
//! corpus and score it in one step.
//!
//! `--sentences-from-reference` (the BBC protocol) gives each document as
//! many sentences as its reference has. The summarizer runs once per
//! document with a budget large enough for any reference and the first `n`
//! picks are kept: selection is greedy, so they are exactly what a budget of
//! `n` sentences would pick.

use crate::batch::{thousands, Job, Sink};
use crate::input::{DocId, Failure, Record};
use crate::output::to_json;
use crate::summarize_cmd::prepare_text;
use nutgraf::rouge::{aggregate, AggregateScore, BootstrapConfig, Metric, Rouge, Scores};
use nutgraf::summarize::{Order, Summarizer, Summary};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The metrics reported.
pub const METRICS: [Metric; 3] = [Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum];

/// Where the summaries to score come from.
pub enum Source {
    /// Read from a field of each record.
    Field(String),
    /// Made by summarizing the text field.
    Summarize {
        /// The summarizer (boxed: it is much larger than a field name).
        summarizer: Box<Summarizer>,
        /// JSONL field of the text.
        text_field: String,
        /// JSONL field of the headline.
        title_field: Option<String>,
        /// As many sentences as the reference has.
        from_reference: bool,
    },
}

/// The validated settings of `nutgraf eval`.
pub struct EvalJob {
    /// Where summaries come from.
    pub source: Source,
    /// JSONL field of the reference.
    pub reference_field: String,
    /// The scorer.
    pub rouge: Rouge,
}

/// One document to score.
pub struct EvalItem {
    id: DocId,
    summary: Either,
    reference: Vec<String>,
}

/// A summary given, or a text to summarize.
enum Either {
    Given(Vec<String>),
    Text(String, Option<String>),
}

/// The scores of one document.
pub struct Scored {
    id: DocId,
    summary: Option<Vec<String>>,
    scores: Scores,
}

impl Job for EvalJob {
    type Item = EvalItem;
    type Output = Scored;
    const DONE: &'static str = "scored";

    fn prepare(&self, mut record: Record) -> Result<EvalItem, Failure> {
        let summary = match &self.source {
            Source::Field(field) => Either::Given(record.take_sentences(field)?),
            Source::Summarize {
                text_field,
                title_field,
                ..
            } => {
                let (text, title) = prepare_text(&mut record, text_field, title_field.as_deref())?;
                Either::Text(text, title)
            }
        };
        let reference = record.take_sentences(&self.reference_field)?;
        if reference.is_empty() {
            return Err(record.fail(format!(
                "empty reference in field {:?}",
                self.reference_field
            )));
        }
        Ok(EvalItem {
            id: record.id,
            summary,
            reference,
        })
    }

    fn process(&self, mut items: Vec<EvalItem>) -> Vec<Result<Scored, Failure>> {
        let summaries: Vec<Vec<String>> = match &self.source {
            Source::Field(_) => items
                .iter_mut()
                .map(|item| match &mut item.summary {
                    Either::Given(sentences) => std::mem::take(sentences),
                    Either::Text(..) => Vec::new(),
                })
                .collect(),
            Source::Summarize {
                summarizer,
                from_reference,
                ..
            } => {
                // Parse and summarize each document in one go (see
                // `SummarizeJob::process`); only the sentences are kept.
                let keep_order = summarizer.config().order;
                items
                    .par_iter()
                    .map(|item| match &item.summary {
                        Either::Text(text, title) => {
                            let doc = summarizer.parse_titled(text, title.as_deref());
                            let summary = summarizer.summarize_document(&doc);
                            let keep = from_reference.then_some(item.reference.len());
                            sentences_of(summary, keep, keep_order)
                        }
                        Either::Given(_) => Vec::new(),
                    })
                    .collect()
            }
        };
        let pairs: Vec<(&Vec<String>, &Vec<String>)> = summaries
            .iter()
            .zip(&items)
            .map(|(summary, item)| (summary, &item.reference))
            .collect();
        let scores = self.rouge.score_corpus(&pairs);
        let keep_summary = matches!(self.source, Source::Summarize { .. });
        items
            .into_iter()
            .zip(summaries)
            .zip(scores)
            .map(|((item, summary), scores)| {
                Ok(Scored {
                    id: item.id,
                    summary: keep_summary.then_some(summary),
                    scores,
                })
            })
            .collect()
    }

    fn summarizer(&self) -> Option<&Summarizer> {
        match &self.source {
            Source::Summarize { summarizer, .. } => Some(summarizer),
            Source::Field(_) => None,
        }
    }
}

/// The summary's sentences; with `keep = Some(n)`, only the first `n` picks
/// (by rank), in the configured order.
fn sentences_of(summary: Summary, keep: Option<usize>, order: Order) -> Vec<String> {
    let mut picked = summary.sentences;
    if let Some(n) = keep {
        picked.retain(|s| s.rank <= n);
    }
    match order {
        Order::Document => picked.sort_by_key(|s| s.index),
        Order::Rank => picked.sort_by_key(|s| s.rank),
    }
    picked.into_iter().map(|s| s.text).collect()
}

/// Collects scores; writes per-document JSONL on request and the table at
/// the end.
pub struct EvalSink {
    /// Write one JSON line per document.
    pub per_document: bool,
    /// Bootstrap settings.
    pub bootstrap: BootstrapConfig,
    /// Where the table goes (stdout, or stderr when stdout carries JSONL).
    pub table_to_stderr: bool,
    scores: Vec<Scores>,
}

impl EvalSink {
    /// A sink.
    pub fn new(per_document: bool, bootstrap: BootstrapConfig) -> Self {
        EvalSink {
            per_document,
            bootstrap,
            table_to_stderr: per_document,
            scores: Vec::new(),
        }
    }
}

/// A document's scores as written in JSONL.
#[derive(Serialize)]
struct ScoredView<'a> {
    id: &'a DocId,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a [String]>,
    #[serde(flatten)]
    scores: &'a Scores,
}

impl Sink<Scored> for EvalSink {
    fn write(&mut self, out: &mut dyn Write, scored: &Scored) -> io::Result<()> {
        if self.per_document {
            let view = ScoredView {
                id: &scored.id,
                summary: scored.summary.as_deref(),
                scores: &scored.scores,
            };
            writeln!(out, "{}", to_json(&view, false))?;
        }
        self.scores.push(scored.scores.clone());
        Ok(())
    }

    fn write_failure(&mut self, out: &mut dyn Write, failure: &Failure) -> io::Result<()> {
        if self.per_document {
            writeln!(
                out,
                "{}",
                to_json(&crate::output::failure_json(failure), false)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let table = match aggregate(&self.scores, &self.bootstrap) {
            Ok(means) => render_table(self.scores.len(), &means),
            Err(err) => format!("cannot aggregate: {err}\n"),
        };
        if self.table_to_stderr {
            out.flush()?;
            io::stderr().write_all(table.as_bytes())
        } else {
            out.write_all(table.as_bytes())
        }
    }
}

/// The table: one row per metric, precision/recall/F as percentages with
/// their 95% bootstrap intervals.
pub fn render_table(documents: usize, means: &BTreeMap<Metric, AggregateScore>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "ROUGE over {} documents (mean and 95% bootstrap interval, %)",
        thousands(documents as u64)
    );
    let _ = writeln!(
        out,
        "{:<10} {:>24} {:>24} {:>24}",
        "metric", "precision", "recall", "f-measure"
    );
    for metric in METRICS {
        let Some(a) = means.get(&metric) else {
            continue;
        };
        let cell = |mean: f64, low: f64, high: f64| {
            format!(
                "{:.2} [{:.2}, {:.2}]",
                100.0 * mean,
                100.0 * low,
                100.0 * high
            )
        };
        let _ = writeln!(
            out,
            "{:<10} {:>24} {:>24} {:>24}",
            metric.name(),
            cell(a.mean.precision, a.low.precision, a.high.precision),
            cell(a.mean.recall, a.low.recall, a.high.recall),
            cell(a.mean.fmeasure, a.low.fmeasure, a.high.fmeasure),
        );
    }
    out
}
