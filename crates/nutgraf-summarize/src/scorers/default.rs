//! nutgraf's own scorer: what news readers and summary writers reward,
//! combined linearly with weights fitted on development data.
//!
//! Each candidate sentence gets ten [features](Features), each normalised
//! *within the document* (ranks, shares or flags in `[0, 1]`) so that no
//! feature depends on how long the document is or which corpus it came
//! from. The score is their weighted sum ([`DefaultScorer::weights`],
//! default [`WEIGHTS`]).
//!
//! | feature | value | why it might matter |
//! |---|---|---|
//! | `position` | `1 / √(k + 1)` for the `k`-th candidate (0-based) | lead bias: news puts the point first |
//! | `centrality` | percentile rank of LexRank-style PageRank on the tf-idf cosine graph | sentences that share the story's vocabulary |
//! | `forward` | percentile rank of PacSum's forward centrality `Σ_{j>k} cos(k, j)` | the lead states what later sentences elaborate |
//! | `backward` | percentile rank of `Σ_{j<k} cos(k, j)` | a sentence repeating what came before adds little |
//! | `length` | percentile rank of the word count | long sentences carry more of the story |
//! | `quote` | share of the words inside double quotation marks | summaries paraphrase; quotes are colour |
//! | `density` | content words / all words | dense sentences carry facts |
//! | `title` | share of the headline's content stems in the sentence (0 without a headline) | the headline says what matters |
//! | `novelty` | `1 −` the largest cosine to an earlier candidate | repeats (e.g. captions restating the lead) add nothing |
//! | `fragment` | 1 when the sentence has fewer than [`FRAGMENT_WORDS`] words | teasers ("But will he face death?"), page debris |
//!
//! The graph features reuse [`crate::similarity`]: a sparse, inverted-index
//! graph (no dense `n × n` matrix) and deterministic PageRank, so the scorer
//! stays linear-ish in the number of sentences and gives the same scores at
//! any thread count.
//!
//! **Fitted weights.** [`WEIGHTS`] come from
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example fit_default
//! ```
//!
//! which fits them on the CNN/DailyMail development file
//! (`../shared/data/cnndm_test_frank.jsonl.gz`, 250 articles, 3-sentence
//! summaries) by steepest coordinate ascent, from Lead, on the mean of
//! ROUGE-1 and ROUGE-2 F1 of the summaries the [`crate::Summarizer`] selects, then
//! prints the weights, the dev scores, 5-fold cross-validation figures and
//! a BBC check. `docs/default-scorer.md` records the figures. Only the
//! position, forward-centrality, quote and fragment weights came out
//! non-zero: on this data the other features did not raise ROUGE by the
//! fit's minimum gain. They are computed anyway and kept in the model so
//! that a refit on more data can use them.
//!
//! The scorer does not look at the requested summary length or at how a
//! corpus joins its paragraphs.

use crate::similarity::{pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight};
use crate::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// Number of features.
pub const FEATURE_COUNT: usize = 10;

/// Feature names, in the order of [`Features::values`] and [`WEIGHTS`].
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "position",
    "centrality",
    "forward",
    "backward",
    "length",
    "quote",
    "density",
    "title",
    "novelty",
    "fragment",
];

/// Fitted weights, in the order of [`FEATURE_NAMES`]. Produced by
/// `cargo run --release -p nutgraf-summarize --example fit_default`
/// (see the module docs and `docs/default-scorer.md`).
pub const WEIGHTS: [f64; FEATURE_COUNT] = [1.0, 0.0, 0.2, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, -0.4];

/// Sentences with fewer word tokens than this are fragments.
pub const FRAGMENT_WORDS: usize = 8;

/// The normalised features of one candidate sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    /// In the order of [`FEATURE_NAMES`]; every value lies in `[0, 1]`.
    pub values: [f64; FEATURE_COUNT],
}

/// nutgraf's default news scorer (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultScorer {
    /// One weight per feature, in the order of [`FEATURE_NAMES`].
    pub weights: [f64; FEATURE_COUNT],
    /// Bounds of the sparse similarity graph on long documents.
    pub graph: GraphOptions,
    /// PageRank settings of the centrality feature.
    pub pagerank: PageRankOptions,
}

impl Default for DefaultScorer {
    fn default() -> Self {
        DefaultScorer {
            weights: WEIGHTS,
            graph: GraphOptions::default(),
            pagerank: PageRankOptions::default(),
        }
    }
}

impl DefaultScorer {
    /// The features of every candidate, in candidate order. Candidates that
    /// are not sentences of `doc` get all-zero features.
    pub fn features(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<Features> {
        self.compute(doc, context, true)
    }

    /// [`DefaultScorer::features`]; without `centrality` the PageRank step
    /// (the costliest one on long documents) is skipped and the feature
    /// is 0.
    fn compute(
        &self,
        doc: &Document,
        context: &ScoringContext<'_>,
        centrality: bool,
    ) -> Vec<Features> {
        let candidates = context.candidates;
        let n = candidates.len();
        if n == 0 {
            return Vec::new();
        }
        let valid = |i: usize| i < doc.sentences.len();

        // Similarity graph over content words (tf-idf cosine, sentence idf).
        let terms = sentence_terms(doc, candidates, &TermFilter::CONTENT);
        let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
        let graph = similarity_graph(&terms, PairWeight::Cosine(&idf), &self.graph);
        let rank = if centrality {
            pagerank(&graph, &self.pagerank, None)
        } else {
            vec![0.0; n]
        };
        let mut forward = vec![0.0; n];
        let mut backward = vec![0.0; n];
        let mut novelty = vec![1.0; n];
        for k in 0..n {
            let (cols, ws) = graph.row(k);
            for (&j, &w) in cols.iter().zip(ws) {
                if (j as usize) > k {
                    forward[k] += w;
                } else {
                    backward[k] += w;
                    novelty[k] = f64::min(novelty[k], 1.0 - w);
                }
            }
        }
        let centrality = percentile_ranks(&rank);
        let forward = percentile_ranks(&forward);
        let backward = percentile_ranks(&backward);

        let lengths: Vec<f64> = candidates
            .iter()
            .map(|&i| {
                if valid(i) {
                    doc.sentences[i].tokens.len() as f64
                } else {
                    0.0
                }
            })
            .collect();
        let length = percentile_ranks(&lengths);

        let mut in_title = vec![false; doc.vocabulary.stems.len()];
        for &stem in &doc.title_stems {
            if let Some(flag) = in_title.get_mut(stem as usize) {
                *flag = true;
            }
        }
        let title_len = doc
            .title_stems
            .iter()
            .filter(|&&s| (s as usize) < in_title.len())
            .count();

        (0..n)
            .map(|k| {
                let i = candidates[k];
                if !valid(i) {
                    return Features::default();
                }
                let tokens = doc.sentence_tokens(i);
                let content = tokens.iter().filter(|t| !t.stop).count();
                let density = if tokens.is_empty() {
                    0.0
                } else {
                    content as f64 / tokens.len() as f64
                };
                let title = if title_len == 0 {
                    0.0
                } else {
                    let mut stems: Vec<u32> = tokens
                        .iter()
                        .filter(|t| !t.stop && in_title.get(t.stem as usize) == Some(&true))
                        .map(|t| t.stem)
                        .collect();
                    stems.sort_unstable();
                    stems.dedup();
                    stems.len() as f64 / title_len as f64
                };
                let quote = quoted_share(doc, i);
                Features {
                    values: [
                        1.0 / ((k + 1) as f64).sqrt(),
                        centrality[k],
                        forward[k],
                        backward[k],
                        length[k],
                        quote,
                        density,
                        title,
                        novelty[k].clamp(0.0, 1.0),
                        f64::from(u8::from(tokens.len() < FRAGMENT_WORDS)),
                    ]
                    .map(|v| if v.is_finite() { v } else { 0.0 }),
                }
            })
            .collect()
    }

    /// The score of one feature vector under these weights.
    pub fn combine(&self, features: &Features) -> f64 {
        let s: f64 = features
            .values
            .iter()
            .zip(&self.weights)
            .map(|(x, w)| x * w)
            .sum();
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }
}

impl Scorer for DefaultScorer {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        // The centrality weight is 0 in the fitted model: skip PageRank then.
        self.compute(doc, context, self.weights[1] != 0.0)
            .iter()
            .map(|f| self.combine(f))
            .collect()
    }
}

/// For each value, the share of the *other* values strictly below it plus
/// half of those equal to it (mid-rank percentile, in `[0, 1]`); 0.5 for a
/// single value.
fn percentile_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n <= 1 {
        return vec![0.5; n];
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    values
        .iter()
        .map(|v| {
            let below = sorted.partition_point(|x| x < v);
            let equal = sorted.partition_point(|x| x <= v) - below - 1;
            (below as f64 + 0.5 * equal as f64) / (n - 1) as f64
        })
        .collect()
}

/// Share of a sentence's word tokens that lie inside double quotation marks
/// (straight, curly or guillemets). An unclosed quote runs to the end of the
/// sentence, since quotes often span sentences.
fn quoted_share(doc: &Document, sentence: usize) -> f64 {
    let s = &doc.sentences[sentence];
    let tokens = doc.sentence_tokens(sentence);
    if tokens.is_empty() {
        return 0.0;
    }
    let Some(text) = doc.text.get(s.span.range()) else {
        return 0.0;
    };
    // Byte ranges (relative to the sentence) inside quotes.
    let mut inside = Vec::new();
    let mut open: Option<usize> = None;
    for (pos, c) in text.char_indices() {
        match c {
            '"' => match open.take() {
                Some(start) => inside.push(start..pos),
                None => open = Some(pos),
            },
            '“' | '«' | '„' => open = Some(pos),
            '”' | '»' => {
                inside.push(open.take().unwrap_or(0)..pos);
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        inside.push(start..text.len());
    }
    let quoted = tokens
        .iter()
        .filter(|t| {
            let at = t.span.start.saturating_sub(s.span.start);
            inside.iter().any(|r| r.contains(&at))
        })
        .count();
    quoted as f64 / tokens.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_mid_ranks() {
        assert_eq!(percentile_ranks(&[3.0, 1.0, 2.0]), vec![1.0, 0.0, 0.5]);
        assert_eq!(percentile_ranks(&[2.0, 2.0]), vec![0.5, 0.5]);
        assert_eq!(percentile_ranks(&[7.0]), vec![0.5]);
        assert!(percentile_ranks(&[]).is_empty());
    }
}
