//! TextRank: PageRank over a graph of sentences linked by shared words.
//!
//! R. Mihalcea and P. Tarau, "TextRank: Bringing Order into Texts",
//! *EMNLP 2004*, section 4 (sentence extraction).
//!
//! Nodes are the candidate sentences; two sentences are linked with the
//! weight [`TextRankWeighting`] gives them; the score is weighted PageRank
//! with damping 0.85 (the paper's value).
//!
//! - [`TextRankWeighting::Overlap`] (default) is the paper's similarity,
//!   `|S_i ∩ S_j| / (log |S_i| + log |S_j|)` (distinct shared words over the
//!   logs of the sentence lengths), as summa (summanlp/textrank) computes it.
//! - [`TextRankWeighting::Bm25`] is the variant of Barrios et al. (2016) that
//!   gensim's `summarize` (3.x) used, with gensim's k1 = 1.5, b = 0.75,
//!   ε = 0.25 and its way of turning the asymmetric BM25 score into one
//!   undirected edge (see [`crate::similarity`]).
//!
//! Preprocessing follows summa: stop words dropped, words stemmed, tokens
//! without letters (numbers) dropped ([`TermFilter`] with both skips on).
//! Like summa, a sentence with no link at all scores 0 (summa removes such
//! nodes before ranking). Departures: summa solves for the principal
//! eigenvector of the Google matrix with a dense eigensolver; we run
//! [`pagerank`]'s power iteration on the sparse graph (same fixed point up to
//! the tolerance, and linear in the number of edges). Documents of more than
//! [`GraphOptions::exact_up_to`] (1,000) sentences get a bounded graph: each
//! sentence's heaviest neighbours, plus the weight of the rest, which
//! [`pagerank`] spreads so the ranking stays close to the exact graph's
//! (overlap weight; the BM25 variant keeps only the neighbours; see
//! [`crate::similarity`] and `docs/scaling.md`). summa's fallback for a graph with no edges at all (a
//! complete graph of weight 1, i.e. equal scores) is the all-zero scores
//! here, which rank the same way.

use crate::config::TextRankWeight;
use crate::similarity::{
    pagerank, similarity_graph, Bm25Params, GraphOptions, PageRankOptions, PairWeight,
};
use crate::vectors::{sentence_terms, TermFilter};
use crate::{Scorer, ScoringContext, SummarizerConfig};
use nutgraf_parse::Document;
use serde::{Deserialize, Serialize};

/// How TextRank weighs the link between two sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextRankWeighting {
    /// Mihalcea & Tarau's normalized word overlap (summa).
    #[default]
    Overlap,
    /// BM25 as in gensim's TextRank summarizer.
    Bm25,
}

/// The TextRank scorer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextRank {
    /// Edge weighting.
    pub weighting: TextRankWeighting,
    /// BM25 parameters (used by [`TextRankWeighting::Bm25`]).
    pub bm25: Bm25Params,
    /// Which tokens are words.
    pub filter: TermFilter,
    /// PageRank settings (damping 0.85).
    pub pagerank: PageRankOptions,
    /// Bounds of the sparse graph on long documents.
    pub graph: GraphOptions,
}

impl Default for TextRank {
    fn default() -> Self {
        TextRank {
            weighting: TextRankWeighting::Overlap,
            bm25: Bm25Params::default(),
            filter: TermFilter {
                skip_stop_words: true,
                skip_numbers: true,
            },
            pagerank: PageRankOptions::default(),
            graph: GraphOptions::default(),
        }
    }
}

impl TextRank {
    /// TextRank set up from a [`SummarizerConfig`]'s TextRank, graph and
    /// PageRank knobs.
    pub fn from_config(config: &SummarizerConfig) -> Self {
        TextRank {
            weighting: match config.textrank.weight {
                TextRankWeight::Overlap => TextRankWeighting::Overlap,
                TextRankWeight::Bm25 => TextRankWeighting::Bm25,
            },
            bm25: config.textrank.bm25,
            pagerank: config.pagerank,
            graph: config.graph,
            ..TextRank::default()
        }
    }

    /// gensim's BM25 variant with otherwise default settings.
    pub fn bm25() -> Self {
        TextRank {
            weighting: TextRankWeighting::Bm25,
            ..TextRank::default()
        }
    }
}

impl Scorer for TextRank {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let terms = sentence_terms(doc, context.candidates, &self.filter);
        let weight = match self.weighting {
            TextRankWeighting::Overlap => PairWeight::Overlap,
            TextRankWeighting::Bm25 => PairWeight::Bm25(self.bm25),
        };
        let graph = similarity_graph(&terms, weight, &self.graph);
        let mut scores = pagerank(&graph, &self.pagerank, None);
        // Unlinked sentences score 0, as in summa (a sentence whose links
        // were all left out by the long-document bounds is still linked).
        for (i, s) in scores.iter_mut().enumerate() {
            if (graph.row(i).0.is_empty() && graph.dropped(i) == 0.0) || !s.is_finite() {
                *s = 0.0;
            }
        }
        scores
    }
}
