//! # nutgraf-rouge
//!
//! ROUGE scores computed the way Google's `rouge-score` package (0.1.2)
//! computes them, so figures can be compared with published ones:
//!
//! - ROUGE-N (`rouge1` .. `rouge4`): clipped n-gram overlap.
//! - ROUGE-L (`rougeL`): longest common subsequence of the whole texts.
//! - ROUGE-Lsum (`rougeLsum`): summary-level union LCS over sentences, which
//!   are the lines of the text (split on `\n`).
//!
//! Texts are tokenized like `rouge-score`'s default tokenizer (lowercase,
//! `[a-z0-9]+` runs, optionally NLTK's Porter stemmer on tokens longer than
//! three characters; see [`tokenize()`]). F-measure is `2PR / (P + R)`, and 0
//! when both are 0; an empty side scores 0 everywhere. With several
//! references, [`Rouge::score_multi`] keeps, per metric, the reference with the
//! best F-measure (the first one on ties), with that reference's P and R.
//! `tests/parity.rs` checks all of this against the Python package.
//!
//! ```
//! use nutgraf_rouge::{Metric, Rouge, RougeConfig};
//!
//! let rouge = Rouge::new(RougeConfig { metrics: vec![Metric::Rouge1, Metric::RougeL], stemmer: true });
//! let scores = rouge.score("The cat sat on the mat.", "The cat was sitting on the mat.");
//! // Tokens: the cat sat on the mat / the cat wa sit on the mat ("was" is too short to stem).
//! let r1 = scores[&Metric::Rouge1];
//! assert_eq!(r1.precision, 5.0 / 6.0);
//! assert_eq!(r1.recall, 5.0 / 7.0);
//! assert!((scores[&Metric::RougeL].fmeasure - 10.0 / 13.0).abs() < 1e-12);
//! ```
//!
//! Corpus-level figures: [`Rouge::score_corpus`] scores pairs in parallel
//! (same results at any thread count) and [`aggregate`] gives means with
//! bootstrap confidence intervals.

mod aggregate;
mod lcs;
pub mod porter;
mod tokenize;

pub use aggregate::{aggregate, AggregateScore, BootstrapConfig};
pub use tokenize::tokenize;

use foldhash::fast::FixedState;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use tokenize::{Tokenizer, Tokens, Vocab};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RougeError {
    /// A metric name that is not one of [`Metric::NAMES`].
    #[error("unknown ROUGE metric {name:?}; expected one of: rouge1, rouge2, rouge3, rouge4, rougeL, rougeLsum")]
    UnknownMetric {
        /// The name given.
        name: String,
    },
    /// `score_multi` was given no reference.
    #[error("at least one reference is needed")]
    NoReferences,
    /// Bad bootstrap settings.
    #[error("invalid bootstrap configuration: {0}")]
    InvalidBootstrap(String),
    /// Per-document scores passed to [`aggregate`] do not all have the same metrics.
    #[error("metric {0} is missing from some of the scores being aggregated")]
    MissingMetric(Metric),
}

/// A ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// Unigram overlap.
    #[serde(rename = "rouge1")]
    Rouge1,
    /// Bigram overlap.
    #[serde(rename = "rouge2")]
    Rouge2,
    /// Trigram overlap.
    #[serde(rename = "rouge3")]
    Rouge3,
    /// 4-gram overlap.
    #[serde(rename = "rouge4")]
    Rouge4,
    /// Longest common subsequence of the whole texts.
    #[serde(rename = "rougeL")]
    RougeL,
    /// Summary-level LCS over the lines of the texts.
    #[serde(rename = "rougeLsum")]
    RougeLsum,
}

impl Metric {
    /// Every metric, in a fixed order.
    pub const ALL: [Metric; 6] = [
        Metric::Rouge1,
        Metric::Rouge2,
        Metric::Rouge3,
        Metric::Rouge4,
        Metric::RougeL,
        Metric::RougeLsum,
    ];

    /// The `rouge-score` names, in the order of [`Metric::ALL`].
    pub const NAMES: [&'static str; 6] = [
        "rouge1",
        "rouge2",
        "rouge3",
        "rouge4",
        "rougeL",
        "rougeLsum",
    ];

    /// The `rouge-score` name, e.g. `"rougeLsum"`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Rouge1 => "rouge1",
            Metric::Rouge2 => "rouge2",
            Metric::Rouge3 => "rouge3",
            Metric::Rouge4 => "rouge4",
            Metric::RougeL => "rougeL",
            Metric::RougeLsum => "rougeLsum",
        }
    }

    /// The n of ROUGE-N, or `None` for the LCS metrics.
    pub fn ngram(self) -> Option<usize> {
        match self {
            Metric::Rouge1 => Some(1),
            Metric::Rouge2 => Some(2),
            Metric::Rouge3 => Some(3),
            Metric::Rouge4 => Some(4),
            Metric::RougeL | Metric::RougeLsum => None,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Metric {
    type Err = RougeError;

    /// Parses a `rouge-score` name (case-sensitive, like `rouge-score`).
    ///
    /// ```
    /// use nutgraf_rouge::Metric;
    /// assert_eq!("rougeLsum".parse::<Metric>().unwrap(), Metric::RougeLsum);
    /// let err = "rouge-l".parse::<Metric>().unwrap_err();
    /// assert!(err.to_string().contains("rouge1, rouge2, rouge3, rouge4, rougeL, rougeLsum"));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| RougeError::UnknownMetric {
                name: s.to_string(),
            })
    }
}

/// Precision, recall and F-measure of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Matches over the summary's size.
    pub precision: f64,
    /// Matches over the reference's size.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    /// Builds a score from match and size counts, as `rouge-score` does.
    fn from_counts(hits: usize, summary_size: usize, reference_size: usize) -> Score {
        let precision = hits as f64 / summary_size.max(1) as f64;
        let recall = hits as f64 / reference_size.max(1) as f64;
        Score {
            precision,
            recall,
            fmeasure: fmeasure(precision, recall),
        }
    }
}

/// `rouge-score`'s F-measure: `2PR / (P + R)`, or 0 when `P + R` is 0.
pub fn fmeasure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// The scores of one summary, by metric.
pub type Scores = BTreeMap<Metric, Score>;

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RougeConfig {
    /// Metrics to compute (duplicates are ignored).
    pub metrics: Vec<Metric>,
    /// Stem tokens longer than three characters with NLTK's Porter stemmer
    /// (`use_stemmer=True` in `rouge-score`).
    pub stemmer: bool,
}

impl Default for RougeConfig {
    /// ROUGE-1, ROUGE-2 and ROUGE-Lsum with stemming: the figures news
    /// summarization papers report (add [`Metric::RougeL`] for sentence-level
    /// LCS).
    fn default() -> Self {
        RougeConfig {
            metrics: vec![Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum],
            stemmer: true,
        }
    }
}

/// Something that can be scored: a text whose lines are its sentences.
///
/// A `str`/`String` is split on `\n`; a slice or `Vec` of strings is treated
/// exactly like its elements joined with `\n`.
pub trait Text {
    /// Calls `f` on each line, in order.
    fn for_each_line(&self, f: &mut dyn FnMut(&str));
}

impl Text for str {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        self.split('\n').for_each(f);
    }
}

impl Text for String {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        self.as_str().for_each_line(f);
    }
}

impl<T: AsRef<str>> Text for [T] {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        for sentence in self {
            sentence.as_ref().for_each_line(f);
        }
    }
}

impl<T: AsRef<str>> Text for Vec<T> {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        self.as_slice().for_each_line(f);
    }
}

impl<T: AsRef<str>, const N: usize> Text for [T; N] {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        self.as_slice().for_each_line(f);
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        (**self).for_each_line(f);
    }
}

/// A ROUGE scorer. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Rouge {
    metrics: Vec<Metric>,
    stemmer: bool,
}

impl Rouge {
    /// A scorer for `config`.
    pub fn new(config: RougeConfig) -> Rouge {
        let mut metrics = Vec::with_capacity(config.metrics.len());
        for m in config.metrics {
            if !metrics.contains(&m) {
                metrics.push(m);
            }
        }
        Rouge {
            metrics,
            stemmer: config.stemmer,
        }
    }

    /// A scorer from `rouge-score` metric names, e.g. `["rouge1", "rougeLsum"]`.
    ///
    /// ```
    /// use nutgraf_rouge::Rouge;
    /// assert!(Rouge::from_names(&["rouge1", "rougeL"], true).is_ok());
    /// assert!(Rouge::from_names(&["rouge5"], true).is_err());
    /// ```
    pub fn from_names<S: AsRef<str>>(names: &[S], stemmer: bool) -> Result<Rouge, RougeError> {
        let metrics = names
            .iter()
            .map(|n| n.as_ref().parse())
            .collect::<Result<Vec<Metric>, _>>()?;
        Ok(Rouge::new(RougeConfig { metrics, stemmer }))
    }

    /// The metrics computed, in order.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Scores `summary` against one `reference`.
    pub fn score<S: Text + ?Sized, R: Text + ?Sized>(&self, summary: &S, reference: &R) -> Scores {
        self.with_workspace(|ws| self.score_with(ws, summary, std::slice::from_ref(&reference)))
            .unwrap_or_default()
    }

    /// Scores `summary` against several references: per metric, the score
    /// against the reference with the highest F-measure (the first of equals).
    ///
    /// ```
    /// use nutgraf_rouge::{Metric, Rouge, RougeConfig};
    /// let rouge = Rouge::new(RougeConfig { metrics: vec![Metric::Rouge1], stemmer: false });
    /// let best = rouge.score_multi("a b", &["c d", "a b c d"]).unwrap();
    /// // Second reference: 2 of 2 summary tokens match, 2 of 4 reference tokens.
    /// assert_eq!(best[&Metric::Rouge1].recall, 0.5);
    /// assert!(rouge.score_multi("a b", &[] as &[&str]).is_err());
    /// ```
    pub fn score_multi<S: Text + ?Sized, R: Text>(
        &self,
        summary: &S,
        references: &[R],
    ) -> Result<Scores, RougeError> {
        self.with_workspace(|ws| self.score_with(ws, summary, references))
    }

    /// Scores many (summary, reference) pairs in parallel on the current
    /// rayon pool. The output is in input order and does not depend on the
    /// number of threads.
    pub fn score_corpus<S: Text + Sync, R: Text + Sync>(&self, pairs: &[(S, R)]) -> Vec<Scores> {
        pairs
            .par_iter()
            .map(|(summary, reference)| self.score(summary, reference))
            .collect()
    }

    /// Like [`Rouge::score_corpus`], with several references per summary
    /// (see [`Rouge::score_multi`]).
    pub fn score_corpus_multi<S, R, V>(&self, items: &[(S, V)]) -> Result<Vec<Scores>, RougeError>
    where
        S: Text + Sync,
        R: Text + Sync,
        V: AsRef<[R]> + Sync,
    {
        items
            .par_iter()
            .map(|(summary, references)| self.score_multi(summary, references.as_ref()))
            .collect()
    }

    /// Runs `f` with this thread's reusable [`Workspace`] (taken out of
    /// its slot meanwhile, so a nested call simply gets a fresh one).
    fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> T) -> T {
        let mut ws = WORKSPACE
            .try_with(Cell::take)
            .ok()
            .flatten()
            .unwrap_or_else(|| Workspace::new(self.stemmer));
        ws.tokenizer.stem = self.stemmer;
        let result = f(&mut ws);
        // Don't keep the memory of an exceptionally long text around. Storing
        // fails only while the thread shuts down; then the workspace is dropped.
        if ws.lcs.heap_bytes() <= KEEP_SCRATCH_BYTES {
            let _ = WORKSPACE.try_with(|slot| slot.set(Some(ws)));
        }
        result
    }

    fn score_with<S: Text + ?Sized, R: Text>(
        &self,
        ws: &mut Workspace,
        summary: &S,
        references: &[R],
    ) -> Result<Scores, RougeError> {
        if references.is_empty() {
            return Err(RougeError::NoReferences);
        }
        ws.vocab.clear();
        ws.tokenize(summary, true);
        let mut best = Scores::new();
        for reference in references {
            ws.tokenize(reference, false);
            for &metric in &self.metrics {
                let score = ws.score(metric);
                // Keep the first reference with the highest F (numpy's argmax).
                let better = match best.get(&metric) {
                    Some(b) => score.fmeasure > b.fmeasure,
                    None => true,
                };
                if better {
                    best.insert(metric, score);
                }
            }
        }
        Ok(best)
    }
}

/// A thread keeps its LCS scratch space between calls only up to this size.
const KEEP_SCRATCH_BYTES: usize = 64 << 20;

thread_local! {
    /// One workspace per thread, kept between calls: its buffers and stem
    /// cache make later calls cheaper. Nothing in it affects results.
    static WORKSPACE: Cell<Option<Workspace>> = const { Cell::new(None) };
}

/// Reusable buffers for scoring, so that scoring many pairs allocates
/// (almost) nothing after the first few.
#[derive(Debug)]
struct Workspace {
    tokenizer: Tokenizer,
    vocab: Vocab,
    summary: Tokens,
    reference: Tokens,
    ngrams: HashMap<u128, (u32, u32), FixedState>,
    counts: Vec<u32>,
    lcs: lcs::LcsScratch,
}

impl Workspace {
    fn new(stemmer: bool) -> Self {
        Workspace {
            tokenizer: Tokenizer::new(stemmer),
            vocab: Vocab::default(),
            summary: Tokens::default(),
            reference: Tokens::default(),
            ngrams: HashMap::with_hasher(FixedState::default()),
            counts: Vec::new(),
            lcs: lcs::LcsScratch::default(),
        }
    }

    fn tokenize<T: Text + ?Sized>(&mut self, text: &T, is_summary: bool) {
        let Workspace {
            tokenizer,
            vocab,
            summary,
            reference,
            ..
        } = self;
        let out = if is_summary { summary } else { reference };
        out.clear();
        text.for_each_line(&mut |line| tokenizer.push_line(line, vocab, out));
    }

    fn score(&mut self, metric: Metric) -> Score {
        match metric.ngram() {
            Some(1) => self.rouge_1(),
            Some(n) => self.rouge_n(n),
            None if metric == Metric::RougeL => self.rouge_l(),
            None => self.rouge_lsum(),
        }
    }

    /// ROUGE-1 with dense per-id counts.
    fn rouge_1(&mut self) -> Score {
        let (sum, reference) = (&self.summary.ids, &self.reference.ids);
        self.counts.clear();
        self.counts.resize(self.vocab.len(), 0);
        for &t in reference {
            self.counts[t as usize] += 1;
        }
        let mut overlap = 0;
        for &t in sum {
            // Each summary token matches while unmatched reference copies remain.
            let left = &mut self.counts[t as usize];
            if *left > 0 {
                *left -= 1;
                overlap += 1;
            }
        }
        Score::from_counts(overlap, sum.len(), reference.len())
    }

    /// ROUGE-N for n in 2..=4: n-grams of ids packed into one `u128` key.
    fn rouge_n(&mut self, n: usize) -> Score {
        let pack = |gram: &[u32]| {
            gram.iter()
                .fold(0u128, |key, &t| (key << 32) | u128::from(t))
        };
        self.ngrams.clear();
        for gram in self.reference.ids.windows(n) {
            self.ngrams.entry(pack(gram)).or_default().0 += 1;
        }
        for gram in self.summary.ids.windows(n) {
            self.ngrams.entry(pack(gram)).or_default().1 += 1;
        }
        let overlap: usize = self.ngrams.values().map(|&(r, s)| r.min(s) as usize).sum();
        let count = |len: usize| (len + 1).saturating_sub(n);
        Score::from_counts(
            overlap,
            count(self.summary.ids.len()),
            count(self.reference.ids.len()),
        )
    }

    fn rouge_l(&mut self) -> Score {
        let lcs = lcs::lcs_len(
            &self.reference.ids,
            &self.summary.ids,
            self.vocab.len(),
            &mut self.lcs,
        );
        Score::from_counts(lcs, self.summary.ids.len(), self.reference.ids.len())
    }

    fn rouge_lsum(&mut self) -> Score {
        // Sentences with no token contribute nothing, and totals of 0 score 0.
        let hits = lcs::union_lcs_hits(
            self.reference.lines(),
            self.summary.lines(),
            self.vocab.len(),
            &mut self.lcs,
        );
        Score::from_counts(hits, self.summary.ids.len(), self.reference.ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(metrics: &[Metric], stemmer: bool) -> Rouge {
        Rouge::new(RougeConfig {
            metrics: metrics.to_vec(),
            stemmer,
        })
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn rouge_n_by_hand() {
        let rouge = scorer(&[Metric::Rouge1, Metric::Rouge2, Metric::Rouge3], false);
        // summary:   the cat the cat sat        (5 tokens)
        // reference: the cat sat on the mat     (6 tokens)
        let s = rouge.score("the cat the cat sat", "the cat sat on the mat");
        // Unigrams: the min(2,2)=2, cat min(2,1)=1, sat 1 -> 4.
        assert_eq!(s[&Metric::Rouge1].precision, 4.0 / 5.0);
        assert_eq!(s[&Metric::Rouge1].recall, 4.0 / 6.0);
        assert!(close(
            s[&Metric::Rouge1].fmeasure,
            2.0 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0)
        ));
        // Bigrams: summary {the cat x2, cat the, cat sat}; reference {the cat, cat sat, sat on, on the, the mat}.
        // Overlap: the cat min(2,1)=1, cat sat 1 -> 2 of 4 and 2 of 5.
        assert_eq!(s[&Metric::Rouge2].precision, 2.0 / 4.0);
        assert_eq!(s[&Metric::Rouge2].recall, 2.0 / 5.0);
        // Trigrams: only "the cat sat" is shared: 1 of 3 and 1 of 4.
        assert_eq!(s[&Metric::Rouge3].precision, 1.0 / 3.0);
        assert_eq!(s[&Metric::Rouge3].recall, 1.0 / 4.0);
    }

    #[test]
    fn rouge_l_by_hand() {
        let rouge = scorer(&[Metric::RougeL], false);
        // LCS of "a b c d e" and "a x c y e z" is "a c e": 3.
        let s = rouge.score("a x c y e z", "a b c d e")[&Metric::RougeL];
        assert_eq!(s.precision, 3.0 / 6.0);
        assert_eq!(s.recall, 3.0 / 5.0);
    }

    #[test]
    fn rouge_lsum_by_hand() {
        let rouge = scorer(&[Metric::RougeLsum, Metric::RougeL], false);
        // Reference lines: "a b c" / "d e"; summary lines: "d e" / "a b".
        // Line "a b c": union of LCS with "d e" ({}) and "a b" ({a, b}) -> 2 hits.
        // Line "d e": with "d e" -> {d, e} -> 2 hits. Total 4 of 4 summary, 4 of 5 reference.
        let s = rouge.score("d e\na b", "a b c\nd e");
        assert_eq!(s[&Metric::RougeLsum].precision, 1.0);
        assert_eq!(s[&Metric::RougeLsum].recall, 4.0 / 5.0);
        // Sentence order matters to plain ROUGE-L: LCS("d e a b", "a b c d e") = 2.
        assert_eq!(s[&Metric::RougeL].precision, 2.0 / 4.0);
    }

    #[test]
    fn lsum_does_not_double_count() {
        let rouge = scorer(&[Metric::RougeLsum], false);
        // Reference "a" / "a" (two a's); summary "a" (one a). Both reference lines
        // match the summary's "a", but only one summary "a" exists: 1 hit.
        let s = rouge.score("a", "a\na")[&Metric::RougeLsum];
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn empty_and_punctuation_only_inputs_score_zero() {
        let rouge = Rouge::new(RougeConfig {
            metrics: Metric::ALL.to_vec(),
            stemmer: true,
        });
        for (sum, reference) in [
            ("", "a b"),
            ("a b", ""),
            ("...!", "a b"),
            ("", ""),
            ("\n\n", "a\nb"),
        ] {
            let s = rouge.score(sum, reference);
            assert_eq!(s.len(), 6);
            for (metric, score) in s {
                assert_eq!(
                    score,
                    Score::default(),
                    "{metric} for {sum:?} vs {reference:?}"
                );
            }
        }
    }

    #[test]
    fn short_texts_have_no_long_ngrams() {
        let rouge = scorer(&[Metric::Rouge4], false);
        // 3 tokens: no 4-gram on either side; counts are clamped to 1 -> 0/1.
        assert_eq!(
            rouge.score("a b c", "a b c")[&Metric::Rouge4],
            Score::default()
        );
    }

    #[test]
    fn sentence_slices_equal_joined_text() {
        let rouge = Rouge::new(RougeConfig {
            metrics: Metric::ALL.to_vec(),
            stemmer: true,
        });
        let sentences = ["Stocks rallied on Monday.", "Bonds fell."];
        let reference = vec![
            "Bonds fell sharply.".to_string(),
            "Stocks rallied.".to_string(),
        ];
        assert_eq!(
            rouge.score(&sentences, &reference),
            rouge.score(
                "Stocks rallied on Monday.\nBonds fell.",
                "Bonds fell sharply.\nStocks rallied."
            )
        );
    }

    #[test]
    fn multi_keeps_best_f_per_metric_and_first_on_ties() {
        let rouge = scorer(&[Metric::Rouge1, Metric::Rouge2], false);
        // vs "a b x y": R1 P=2/2 R=2/4 F=2/3; R2 P=1/1 R=1/3 F=1/2.
        // vs "b a":     R1 P=1   R=1   F=1;   R2 ("a b" vs "b a") = 0.
        let s = rouge.score_multi("a b", &["a b x y", "b a"]).unwrap();
        assert_eq!(s[&Metric::Rouge1].recall, 1.0);
        assert_eq!(s[&Metric::Rouge2].recall, 1.0 / 3.0);
        // Equal F, different P/R: the first reference wins.
        // "a b" vs "a": P=1/2 R=1 F=2/3; vs "a b c d": P=1 R=1/2 F=2/3.
        let rouge = scorer(&[Metric::Rouge1], false);
        let s = rouge.score_multi("a b", &["a", "a b c d"]).unwrap();
        assert_eq!(s[&Metric::Rouge1].recall, 1.0);
        let s = rouge.score_multi("a b", &["a b c d", "a"]).unwrap();
        assert_eq!(s[&Metric::Rouge1].recall, 0.5);
    }

    #[test]
    fn very_long_single_lines() {
        // 8200 distinct tokens: long enough for ROUGE-L's fallback recurrence.
        let words: Vec<String> = (0..8200).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let reversed: Vec<&str> = words.iter().rev().map(String::as_str).collect();
        let same = scorer(&[Metric::RougeLsum], false).score(&text, &text);
        assert_eq!(same[&Metric::RougeLsum].fmeasure, 1.0);
        let rouge = scorer(&[Metric::RougeL, Metric::RougeLsum], false);
        // Reversed distinct tokens share a subsequence of length 1 only.
        let rev = rouge.score(&reversed.join(" "), &text);
        assert_eq!(rev[&Metric::RougeL].precision, 1.0 / 8200.0);
        assert_eq!(rev[&Metric::RougeLsum].recall, 1.0 / 8200.0);
    }

    #[test]
    fn reused_workspaces_do_not_leak_between_calls() {
        let stem = scorer(&[Metric::Rouge1], true);
        let plain = scorer(&[Metric::Rouge1], false);
        // "dogs" stems to "dog" only with the stemmer on.
        for _ in 0..3 {
            assert_eq!(stem.score("dogs", "dog")[&Metric::Rouge1].fmeasure, 1.0);
            assert_eq!(plain.score("dogs", "dog")[&Metric::Rouge1].fmeasure, 0.0);
        }
    }

    /// A text that scores something while it is being read.
    struct Nested<'a>(&'a Rouge);

    impl Text for Nested<'_> {
        fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
            let inner = self.0.score("x y", "x z");
            assert_eq!(inner[&Metric::Rouge1].precision, 0.5);
            f("a b");
        }
    }

    #[test]
    fn scoring_inside_a_text_works() {
        let rouge = scorer(&[Metric::Rouge1], false);
        let s = rouge.score(&Nested(&rouge), "a c");
        assert_eq!(s[&Metric::Rouge1].precision, 0.5);
    }

    #[test]
    fn metric_names_round_trip() {
        for (m, name) in Metric::ALL.iter().zip(Metric::NAMES) {
            assert_eq!(m.name(), name);
            assert_eq!(name.parse::<Metric>().unwrap(), *m);
            assert_eq!(serde_json::to_string(m).unwrap(), format!("\"{name}\""));
        }
        assert!(matches!(
            "ROUGE1".parse::<Metric>(),
            Err(RougeError::UnknownMetric { .. })
        ));
    }

    #[test]
    fn scores_serialize_with_metric_names() {
        let rouge = scorer(&[Metric::RougeL], false);
        let json = serde_json::to_string(&rouge.score("a", "a")).unwrap();
        assert_eq!(
            json,
            r#"{"rougeL":{"precision":1.0,"recall":1.0,"fmeasure":1.0}}"#
        );
    }

    #[test]
    fn corpus_scoring_is_the_same_at_any_thread_count() {
        let rouge = Rouge::new(RougeConfig::default());
        let pairs: Vec<(String, String)> = (0..200)
            .map(|i| {
                (
                    format!(
                        "word{} shared text number {}\nsecond line {}",
                        i % 7,
                        i,
                        i % 3
                    ),
                    format!("shared text {}\nnumber {} second word{}", i % 5, i, i % 11),
                )
            })
            .collect();
        let sequential: Vec<Scores> = pairs.iter().map(|(s, r)| rouge.score(s, r)).collect();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let parallel = pool.install(|| rouge.score_corpus(&pairs));
            assert_eq!(parallel, sequential, "{threads} threads");
        }
    }
}
