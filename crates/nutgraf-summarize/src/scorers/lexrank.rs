//! LexRank: eigenvector centrality on a graph of tf-idf cosine similarities.
//!
//! G. Erkan and D. R. Radev, "LexRank: Graph-based Lexical Centrality as
//! Salience in Text Summarization", *JAIR* 22, 2004.
//!
//! Sentences (the candidates) are tf-idf vectors over non-stop stems; every
//! pair is compared by the idf-modified cosine. Three centralities from the
//! paper ([`LexRankVariant`]):
//! - **Degree**: the number of sentences whose cosine exceeds the threshold
//!   (section 3.1);
//! - **Thresholded**: those links, unweighted, each row divided by
//!   its degree, ranked by PageRank (section 3.2, "LexRank");
//! - **Continuous**: every positive cosine as a weighted link, rows
//!   normalized, ranked by PageRank (section 3.3). This, with smooth idf,
//!   is what `algorithm = lexrank` runs by default ([`crate::config::LexRankConfig`]);
//!   `LexRank::default()` below is the paper's thresholded form.
//!
//! As in the paper and sumy, each sentence is similar to itself (cosine 1),
//! so it counts in its own degree and has a self-link. The jump probability
//! is the paper's `d = 0.15` (PageRank damping 0.85); the default threshold
//! is 0.1, the paper's best and sumy's default.
//!
//! Idf comes from the candidates themselves, each sentence one "document"
//! as in sumy, or from a background corpus ([`LexRank::background`], a
//! [`DocumentFrequencies`], as the paper and the `lexrank` package do). The
//! formula is [`LexRank::idf_formula`]: by default the paper's `ln(N / df)`;
//! [`IdfFormula::Smooth`] keeps words found in every sentence in the
//! cosines. Departures from sumy's `LexRankSummarizer` (miso-belica/sumy):
//! sumy uses `ln(N / (1 + df))`, which is zero or negative for words in
//! (nearly) every sentence, and no damping at all, stopping its power method
//! when the change falls under 0.1; we keep the paper's idf and damping and
//! iterate to a 1e-6 tolerance. sumy's term frequencies are divided by each
//! sentence's maximum, which cannot change a cosine, so raw counts are used.
//! Documents of more than [`GraphOptions::exact_up_to`] (1,000) sentences
//! get a bounded graph: each sentence's heaviest neighbours, plus the weight
//! of the rest, which [`pagerank`] spreads so that continuous LexRank ranks
//! close to the exact graph (the thresholded and degree variants keep only
//! the neighbours; see [`crate::similarity`] and `docs/scaling.md`).

use crate::similarity::{pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight};
use crate::vectors::{sentence_terms, DocumentFrequencies, Idf, IdfFormula, TermFilter};
use crate::{Scorer, ScoringContext, SummarizerConfig};
use nutgraf_parse::Document;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Which LexRank centrality to compute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LexRankVariant {
    /// Degree in the thresholded graph.
    Degree,
    /// PageRank on the thresholded, unweighted graph.
    #[default]
    Thresholded,
    /// PageRank on the cosine-weighted graph.
    Continuous,
}

/// The LexRank scorer.
#[derive(Clone, Debug, PartialEq)]
pub struct LexRank {
    /// Which centrality.
    pub variant: LexRankVariant,
    /// Cosine above which two sentences are linked (Degree, Thresholded).
    pub threshold: f64,
    /// Idf from a background corpus; `None` = from the document's
    /// sentences.
    pub background: Option<Arc<DocumentFrequencies>>,
    /// How document frequencies become idf.
    pub idf_formula: IdfFormula,
    /// Which tokens are terms.
    pub filter: TermFilter,
    /// PageRank settings (damping 0.85 = jump probability 0.15).
    pub pagerank: PageRankOptions,
    /// Bounds of the sparse graph on long documents.
    pub graph: GraphOptions,
}

impl Default for LexRank {
    fn default() -> Self {
        LexRank {
            variant: LexRankVariant::Thresholded,
            threshold: 0.1,
            background: None,
            idf_formula: IdfFormula::Plain,
            filter: TermFilter::CONTENT,
            pagerank: PageRankOptions::default(),
            graph: GraphOptions::default(),
        }
    }
}

impl LexRank {
    /// LexRank set up from a [`SummarizerConfig`]'s LexRank, graph and
    /// PageRank knobs (idf from the document's sentences).
    pub fn from_config(config: &SummarizerConfig) -> Self {
        LexRank {
            variant: if config.lexrank.continuous {
                LexRankVariant::Continuous
            } else {
                LexRankVariant::Thresholded
            },
            threshold: config.lexrank.threshold,
            idf_formula: config.lexrank.idf,
            pagerank: config.pagerank,
            graph: config.graph,
            ..LexRank::default()
        }
    }
}

impl Scorer for LexRank {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let n = context.candidates.len();
        let terms = sentence_terms(doc, context.candidates, &self.filter);
        let idf = match &self.background {
            Some(df) => df.idf_for(doc, self.idf_formula),
            None => Idf::from_sentences(&terms, doc.vocabulary.stems.len(), self.idf_formula),
        };
        // A sentence whose tf-idf vector is zero has no cosine with anything,
        // itself included.
        let has_vector: Vec<bool> = terms
            .iter()
            .map(|t| t.terms.iter().any(|&w| idf.get(w) > 0.0))
            .collect();
        let cosine = similarity_graph(&terms, PairWeight::Cosine(&idf), &self.graph);

        let threshold = self.threshold;
        let thresholded = || {
            with_self_loops(
                &cosine.filter_map(|_, _, w| (w > threshold).then_some(1.0)),
                &has_vector,
                1.0,
            )
        };
        let mut scores = match self.variant {
            LexRankVariant::Degree => {
                let g = thresholded();
                (0..n).map(|i| g.row(i).0.len() as f64).collect()
            }
            LexRankVariant::Thresholded => pagerank(&thresholded(), &self.pagerank, None),
            LexRankVariant::Continuous => {
                // The cosine graph is not needed once the loops are in.
                let looped = with_self_loops(&cosine, &has_vector, 1.0);
                drop(cosine);
                pagerank(&looped, &self.pagerank, None)
            }
        };
        for (s, &v) in scores.iter_mut().zip(&has_vector) {
            if !v || !s.is_finite() {
                *s = 0.0;
            }
        }
        scores
    }
}

/// `graph` plus an edge `i → i` of `weight` for every `i` with `has_vector`.
fn with_self_loops(
    graph: &crate::similarity::SimilarityGraph,
    has_vector: &[bool],
    weight: f64,
) -> crate::similarity::SimilarityGraph {
    graph.with_diagonal(|i| {
        has_vector
            .get(i)
            .copied()
            .unwrap_or(false)
            .then_some(weight)
    })
}
