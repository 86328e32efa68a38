//! # nutgraf
//!
//! Fast extractive summaries of news as people actually have it: scraped
//! pages with metadata lines, headlines, datelines, captions, photo credits,
//! related-story lines and menus. nutgraf works out which parts are the
//! story and quotes only those.
//!
//! This crate is the one to depend on. It re-exports the three parts of the
//! project and adds short entry points for the three common jobs:
//!
//! | job | entry point | building block |
//! |---|---|---|
//! | summarize one article | [`summarize()`] | [`Summarizer::summarize`] |
//! | summarize a corpus in parallel | [`summarize_many()`] | [`Summarizer::summarize_many`] |
//! | evaluate against references | [`rouge()`], [`rouge_corpus()`] | [`Rouge`], [`rouge::aggregate`] |
//!
//! The underlying crates are available as modules: [`mod@parse`] (the
//! document model: blocks with roles, sentences, tokens, all as byte spans
//! into the original text), [`mod@summarize`] (scorers, selection, budgets,
//! batches) and [`mod@rouge`] (ROUGE-N/L/Lsum scored like Google's
//! `rouge-score`).
//!
//! ## Summarize one article
//!
//! ```
//! use nutgraf::{Algorithm, Budget, Options};
//!
//! let article = "The storm hit the coast on Monday, flooding the harbour and the old town. \
//!     Rescue teams reached the stranded villages by boat on Tuesday. \
//!     Officials expect the water to recede by Friday.";
//! let options = Options {
//!     algorithm: Algorithm::Lead,
//!     budget: Budget::Sentences(2),
//!     ..Options::default()
//! };
//! let summary = nutgraf::summarize(article, &options)?;
//! assert_eq!(summary.len(), 2);
//! assert_eq!(
//!     summary.sentences[1].text,
//!     "Rescue teams reached the stranded villages by boat on Tuesday."
//! );
//! // Each sentence carries its byte span in the input and its score.
//! let first = &summary.sentences[0];
//! assert_eq!(&article[first.span.range()], first.text);
//! # Ok::<(), nutgraf::ConfigError>(())
//! ```
//!
//! ## Summarize a corpus in parallel
//!
//! ```
//! use nutgraf::{Budget, Options};
//!
//! let articles = vec![
//!     "Shares rose on Monday after the bank cut rates. Traders had expected the move. \
//!      Analysts said more cuts could follow in the spring.",
//!     "The museum reopened after a two-year renovation. Visitors queued from early morning. \
//!      The new wing shows modern art from the region.",
//! ];
//! let options = Options {
//!     budget: Budget::Sentences(1),
//!     threads: Some(2),
//!     ..Options::default()
//! };
//! // One summary per article, in input order, the same at any thread count.
//! let summaries = nutgraf::summarize_many(&articles, &options)?;
//! assert_eq!(summaries.len(), 2);
//! assert!(summaries.iter().all(|s| s.len() == 1));
//! # Ok::<(), nutgraf::ConfigError>(())
//! ```
//!
//! For many calls, build a [`Summarizer`] once and reuse it: it validates
//! the options and starts its thread pool a single time.
//!
//! ## Evaluate against references
//!
//! ```
//! use nutgraf::Metric;
//!
//! // One pair: ROUGE-1/2/L/Lsum with stemming, as `rouge-score` computes them.
//! let scores = nutgraf::rouge("the cat sat on the mat", "the cat sat on a mat");
//! let r1 = scores[&Metric::Rouge1];
//! assert_eq!(r1.recall, 5.0 / 6.0);
//!
//! // A corpus: means with bootstrap 95% intervals.
//! let pairs = [("the cat sat", "the cat sat"), ("a dog ran", "the cat sat")];
//! let corpus = nutgraf::rouge_corpus(&pairs)?;
//! let f = corpus[&Metric::Rouge1].mean.fmeasure;
//! assert_eq!(f, 0.5);
//! # Ok::<(), nutgraf::rouge::RougeError>(())
//! ```
//!
//! The `examples/` folder has complete programs for the three jobs
//! (`cargo run --release -p nutgraf --example summarize_corpus -- corpus.jsonl.gz`).

pub use nutgraf_parse as parse;
pub use nutgraf_rouge as rouge;
pub use nutgraf_summarize as summarize;

pub use nutgraf_parse::{Document, Language, ParseOptions, Role, Span};
pub use nutgraf_rouge::{
    AggregateScore, BootstrapConfig, Metric, Rouge, RougeConfig, Score, Scores,
};
pub use nutgraf_summarize::{
    Algorithm, Budget, ConfigError, Order, Summarizer, SummarizerConfig, Summary, SummarySentence,
};

use std::collections::BTreeMap;

/// Summarization options: every knob of [`SummarizerConfig`], whose
/// `Default` holds the default of each.
pub type Options = SummarizerConfig;

/// Summarizes one text (a plain article or a scraped news page).
///
/// Builds a [`Summarizer`] for `options` and runs it once; the error
/// names the first invalid option.
///
/// ```
/// let summary = nutgraf::summarize(
///     "The council approved the budget on Monday. Schools get more money. \
///      Parents welcomed the decision.",
///     &nutgraf::Options::default(),
/// )?;
/// assert!(!summary.is_empty());
/// # Ok::<(), nutgraf::ConfigError>(())
/// ```
pub fn summarize(text: &str, options: &Options) -> Result<Summary, ConfigError> {
    Ok(Summarizer::new(options.clone())?.summarize(text))
}

/// Summarizes many texts in parallel (on `options.threads` workers); one
/// summary per text, in input order, identical at any thread count.
///
/// ```
/// let texts = ["One fact. Another fact.", "A second story. With two sentences."];
/// let summaries = nutgraf::summarize_many(&texts, &nutgraf::Options::default())?;
/// assert_eq!(summaries.len(), 2);
/// # Ok::<(), nutgraf::ConfigError>(())
/// ```
pub fn summarize_many<S: AsRef<str> + Sync>(
    texts: &[S],
    options: &Options,
) -> Result<Vec<Summary>, ConfigError> {
    Ok(Summarizer::new(options.clone())?.summarize_many(texts))
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum (with Porter stemming, the
/// [`RougeConfig`] default) of `summary` against `reference`. Either side
/// may be a string (sentences on separate lines, for ROUGE-Lsum) or a list
/// of sentences.
///
/// ```
/// use nutgraf::Metric;
/// let summary = ["Rates were cut.", "Shares rose."];
/// let scores = nutgraf::rouge(&summary[..], "Shares rose after rates were cut.");
/// // Every summary word is in the reference; "after" is missing from the summary.
/// assert_eq!(scores[&Metric::Rouge1].precision, 1.0);
/// assert_eq!(scores[&Metric::Rouge1].recall, 5.0 / 6.0);
/// ```
pub fn rouge<S, R>(summary: &S, reference: &R) -> Scores
where
    S: rouge::Text + ?Sized,
    R: rouge::Text + ?Sized,
{
    Rouge::new(RougeConfig::default()).score(summary, reference)
}

/// Corpus ROUGE: every (summary, reference) pair scored in parallel with
/// the [`RougeConfig`] default, then per-metric means with bootstrap 95%
/// intervals ([`BootstrapConfig`] default: 1,000 resamples, fixed seed).
///
/// ```
/// use nutgraf::Metric;
/// let pairs = [("a b", "a b"), ("a b", "c d")];
/// let corpus = nutgraf::rouge_corpus(&pairs)?;
/// let r2 = corpus[&Metric::Rouge2];
/// assert_eq!(r2.mean.fmeasure, 0.5);
/// assert!(r2.low.fmeasure <= r2.mean.fmeasure && r2.mean.fmeasure <= r2.high.fmeasure);
/// # Ok::<(), nutgraf::rouge::RougeError>(())
/// ```
pub fn rouge_corpus<S, R>(
    pairs: &[(S, R)],
) -> Result<BTreeMap<Metric, AggregateScore>, rouge::RougeError>
where
    S: rouge::Text + Sync,
    R: rouge::Text + Sync,
{
    let scores = Rouge::new(RougeConfig::default()).score_corpus(pairs);
    rouge::aggregate(&scores, &BootstrapConfig::default())
}
