//! # nutgraf-summarize
//!
//! Scores the sentences of a [`nutgraf_parse::Document`] and selects an
//! extractive summary.
//!
//! ```
//! use nutgraf_summarize::{Algorithm, Budget, Summarizer, SummarizerConfig};
//!
//! let config = SummarizerConfig {
//!     algorithm: Algorithm::Lead,
//!     budget: Budget::Sentences(1),
//!     ..SummarizerConfig::default()
//! };
//! let summarizer = Summarizer::new(config).unwrap();
//! let summary = summarizer.summarize("The storm hit the coast on Monday. Nobody was hurt.");
//! assert_eq!(summary.text(), "The storm hit the coast on Monday.");
//! ```
//!
//! The pieces, in the order a summary is made:
//!
//! * [`config`]: [`SummarizerConfig`], every knob with its default.
//! * [`scorers`]: one [`Scorer`] per [`Algorithm`], chosen by
//!   [`scorers::scorer_for`]. Graph scorers build on [`vectors`] (term
//!   counts, idf, tf-idf) and [`similarity`] (sparse similarity graphs,
//!   PageRank).
//! * [`select`]: budget, hints, MMR, trigram blocking, near-duplicates.
//! * [`summary`]: the [`Summary`] handed back.
//!
//! ## Threads
//!
//! Each [`Summarizer`] owns a rayon thread pool of
//! [`SummarizerConfig::threads`] workers and runs everything inside it:
//! documents of a batch in parallel, and similarity rows of a large document
//! in parallel. It never uses rayon's global pool, so a host application's
//! own rayon work is left alone. Output is byte-identical at any thread
//! count: parallel work uses indexed iterators and fixed summation orders.

mod algorithm;
mod batch;
pub mod config;
mod error;
mod scorer;
pub mod scorers;
pub mod select;
pub mod similarity;
pub mod summary;
pub mod vectors;

pub use algorithm::{Algorithm, UnknownAlgorithm};
pub use config::{Budget, Order, SummarizerConfig};
pub use error::ConfigError;
pub use scorer::{Scorer, ScoringContext};
pub use summary::{Summary, SummarySentence, SummaryStats};

use nutgraf_parse::{parse, Document, ParseOptions};
use select::{hint_coverage, relevance, select, sentence_length, SelectOptions};
use std::sync::Arc;

/// A configured summarizer: immutable, cheap to clone, shareable across
/// threads (`Send + Sync`).
#[derive(Clone)]
pub struct Summarizer {
    config: SummarizerConfig,
    parse_options: ParseOptions,
    scorer: Arc<dyn Scorer>,
    pool: Arc<rayon::ThreadPool>,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("config", &self.config)
            .field("threads", &self.pool.current_num_threads())
            .finish_non_exhaustive()
    }
}

impl Summarizer {
    /// Validates `config`, builds its scorer and starts its thread pool.
    pub fn new(config: SummarizerConfig) -> Result<Summarizer, ConfigError> {
        config.validate()?;
        let threads = config.threads.unwrap_or(0);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("nutgraf-{i}"))
            .build()
            .map_err(|e| ConfigError::ThreadPool {
                threads,
                message: e.to_string(),
            })?;
        Ok(Summarizer {
            parse_options: config.parse_options(),
            scorer: Arc::from(scorers::scorer_for(&config)),
            pool: Arc::new(pool),
            config,
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &SummarizerConfig {
        &self.config
    }

    /// Number of worker threads of this summarizer's pool.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Runs `op` on this summarizer's threads, so a caller can parallelise
    /// its own per-document work (reading, parsing, rendering) with rayon
    /// on the same pool instead of starting a second one.
    pub fn install<R: Send>(&self, op: impl FnOnce() -> R + Send) -> R {
        self.pool.install(op)
    }

    /// Parses `text` with the config's language, title and structure
    /// options, then summarizes it.
    pub fn summarize(&self, text: &str) -> Summary {
        self.pool
            .install(|| self.summarize_in_pool(&parse(text, &self.parse_options)))
    }

    /// Like [`Summarizer::summarize`], with a headline supplied from outside
    /// the text (a corpus's title field); `None` falls back to the config's
    /// title.
    pub fn summarize_titled(&self, text: &str, title: Option<&str>) -> Summary {
        self.pool
            .install(|| self.summarize_in_pool(&self.parse_titled(text, title)))
    }

    /// Parses `text` as [`Summarizer::summarize_titled`] would.
    pub fn parse_titled(&self, text: &str, title: Option<&str>) -> Document {
        match title {
            Some(title) => parse(
                text,
                &ParseOptions {
                    title: Some(title.to_string()),
                    ..self.parse_options.clone()
                },
            ),
            None => parse(text, &self.parse_options),
        }
    }

    /// Summarizes an already parsed document.
    pub fn summarize_document(&self, doc: &Document) -> Summary {
        self.pool.install(|| self.summarize_in_pool(doc))
    }

    /// The work of one document; must run inside `self.pool`.
    fn summarize_in_pool(&self, doc: &Document) -> Summary {
        let candidates: Vec<usize> = doc
            .selectable_sentences()
            .filter(|&i| !doc.sentences[i].tokens.is_empty())
            .collect();
        let raw: Vec<f64> = if candidates.is_empty() {
            Vec::new()
        } else {
            let scores = self.scorer.score(
                doc,
                &ScoringContext {
                    candidates: &candidates,
                },
            );
            // A scorer returning the wrong number of scores or non-finite
            // ones must not break the summary: missing scores rank last.
            (0..candidates.len())
                .map(|k| scores.get(k).copied().unwrap_or(f64::NAN))
                .collect()
        };
        let mut rel = relevance(&raw);
        if !self.config.hints.is_empty() {
            let coverage = hint_coverage(doc, &candidates, &self.config.hints);
            for (r, c) in rel.iter_mut().zip(coverage) {
                *r += self.config.hint_weight * c;
            }
        }
        let selection = select(
            doc,
            &candidates,
            &rel,
            &SelectOptions {
                budget: self.config.budget,
                redundancy: self.config.redundancy,
                trigram_blocking: self.config.trigram_blocking,
                near_duplicate_threshold: self.config.near_duplicate_threshold,
            },
        );

        let mut stats = SummaryStats {
            sentence_count: doc.sentences.len(),
            candidate_count: candidates.len(),
            word_count: candidates
                .iter()
                .map(|&i| doc.sentences.get(i).map_or(0, |s| s.tokens.len()))
                .sum(),
            over_budget: selection.over_budget,
            algorithm: self.config.algorithm,
            ..SummaryStats::default()
        };
        let mut sentences: Vec<SummarySentence> = selection
            .picked
            .iter()
            .enumerate()
            .map(|(k, &pos)| {
                let index = candidates[pos];
                let sentence = &doc.sentences[index];
                let (words, chars) = sentence_length(doc, index);
                stats.selected_words += words;
                stats.selected_chars += chars;
                SummarySentence {
                    index,
                    text: doc
                        .text
                        .get(sentence.span.range())
                        .unwrap_or("")
                        .to_string(),
                    span: sentence.span,
                    score: raw
                        .get(pos)
                        .copied()
                        .filter(|s| s.is_finite())
                        .unwrap_or(0.0),
                    rank: k + 1,
                }
            })
            .collect();
        if self.config.order == Order::Document {
            sentences.sort_by_key(|s| s.index);
        }
        Summary { sentences, stats }
    }
}
