//! Sentence similarity graphs and PageRank on them, without dense matrices.
//!
//! The graph scorers (TextRank, LexRank, PACSUM) all need "how similar is
//! every sentence to every other". Done naively that is n² pair
//! computations and an n×n matrix: fine for a 30-sentence article, hopeless
//! for a 100,000-sentence document. This module builds the same graph
//! sparsely:
//!
//! 1. **Inverted index.** For every term, the list of sentences containing it
//!    (its *postings*), in sentence order. Two sentences can only have a
//!    non-zero weight if they share a term, so row `i` only visits the
//!    sentences found in the postings of `i`'s terms.
//! 2. **Rows in parallel.** Each row is computed independently with rayon's
//!    indexed iterators (`into_par_iter().map(..).collect()`), on whatever
//!    pool the caller installed. Within a row, the weight of pair `(i, j)`
//!    is accumulated term by term in ascending term order, so the floating
//!    point sum — and the whole graph — is bit-identical at any thread
//!    count. The pair weights are also exactly symmetric: row `j` adds the
//!    same products in the same order as row `i`. So an exact graph of the
//!    cosine or the overlap weight computes each pair only once, from its
//!    earlier sentence, and fills both rows from it, in column order
//!    without sorting (`similarity/symmetric.rs`); the result is the same
//!    graph, bit for bit.
//! 3. **Bounds that keep it linear on long documents** ([`GraphOptions`]).
//!    Documents with at most `exact_up_to` sentences (default 1,000, far
//!    beyond any news article) get the exact graph; the two bounds below
//!    only apply to longer ones, so ordinary articles are never affected.
//!    * `max_term_df` (default 50): a term found in more than this many
//!      sentences is a *hub*: it does not make two sentences neighbours on
//!      its own (its postings are not walked), but it still adds its share
//!      to the weight of every pair found through another shared term, so
//!      the weights of the pairs kept are exact. Hubs are the common words
//!      of a huge document ("said" in a 100,000-sentence file); walking
//!      their postings is what makes the all-pairs step quadratic. With it,
//!      the walk visits at most `max_term_df` postings per term occurrence:
//!      work ≤ `max_term_df ×` (number of term occurrences), linear in the
//!      document. What is lost: pairs sharing *only* hub terms. For a
//!      cosine, such a pair weighs at most `‖a_H‖ · ‖b_H‖`, the norms of the
//!      two sentences' hub parts (Cauchy–Schwarz); hubs are the terms of
//!      lowest idf, so that is the weakest kind of link.
//!    * `max_neighbours` (default 16): each row keeps at most this many
//!      neighbours, the heaviest ones, ties broken by the lower column
//!      index. This bounds memory at `n × max_neighbours` edges (12 bytes
//!      each). What is lost: the lightest edges of a sentence with more
//!      than 16 neighbours. A capped graph may be asymmetric (i keeps j but
//!      j drops i); [`pagerank`] treats the graph as directed, so that is
//!      fine.
//!
//!    Neither bound loses the *amount* of similarity a sentence has: for
//!    the cosine and the overlap weight, each row's sum over all other
//!    sentences is computed exactly without visiting pairs (see
//!    `full_row_sums`), and what the bounds left out is kept per row
//!    ([`SimilarityGraph::dropped`]). [`pagerank`] routes that share of the
//!    walk so that the ranking follows the exact graph's: centrality in a
//!    long document comes mostly from many weak links, and a graph of top
//!    neighbours alone ranks quite differently. Measured by
//!    `examples/graph_bounds.rs` against the exact graph (LexRank and
//!    TextRank scores of a 10,000-sentence news document): the bounded
//!    top 10 keeps 9–10 of the exact top 10 and about 90–95 of the top 100,
//!    where the capped graph without the left-out weight kept at most 3 of
//!    the top 10 on 3,000 sentences (`docs/scaling.md`).
//!
//! ## Pair weights ([`PairWeight`])
//!
//! * **Cosine** of tf-idf vectors (LexRank, PACSUM): `Σ_t a_t b_t / (|a||b|)`
//!   with `a_t = tf × idf`.
//! * **Overlap** (Mihalcea & Tarau 2004, TextRank):
//!   `|{t : t ∈ S_i and t ∈ S_j}| / (ln |S_i| + ln |S_j|)`, where `|S|` is
//!   the number of tokens kept by the [`TermFilter`](crate::vectors::TermFilter)
//!   and the numerator counts distinct shared terms. When the denominator is
//!   not positive (two one-word sentences) the weight is 0.
//! * **BM25** as gensim's (3.x) TextRank summarizer uses it: the score of
//!   sentence `j` as a document for sentence `i` as a query,
//!   `s(i→j) = Σ_{t∈i} q_t · idf_t · f_tj (k1+1) / (f_tj + k1 (1 − b + b |S_j| / avgdl))`
//!   where `q_t` is the count of `t` in `i` (gensim loops over query tokens
//!   with repeats), `idf_t = ln(N − df + 0.5) − ln(df + 0.5)`, and negative
//!   idfs are replaced by `epsilon × mean idf`. gensim then stores one
//!   undirected edge per pair, taking the first non-zero of `s(i→j)`,
//!   `s(j→i)` with `i < j`; we do the same, so the graph is symmetric.
//!
//! Weights that are not greater than [`GraphOptions::min_weight`] (and
//! non-finite ones) are dropped. Self-loops are never stored; LexRank-style
//! self-similarity can be added by the scorer if it wants it.
//!
//! ## PageRank ([`pagerank`])
//!
//! Weighted power iteration on the (possibly directed) graph, pull-based so
//! each node's new score is a sum over its in-neighbours in ascending order
//! (computed in parallel, deterministic). Details on the function.

use crate::vectors::{term_bound, tfidf_norm, Idf, TermCounts};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

mod forward;
mod symmetric;
pub use forward::forward_sums;

/// BM25 parameters; `Default` holds gensim's values.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bm25Params {
    /// Term-frequency saturation (gensim: 1.5).
    pub k1: f64,
    /// Length normalization (gensim: 0.75).
    pub b: f64,
    /// Negative idfs become `epsilon × mean idf` (gensim: 0.25).
    pub epsilon: f64,
}

impl Default for Bm25Params {
    fn default() -> Self {
        Bm25Params {
            k1: 1.5,
            b: 0.75,
            epsilon: 0.25,
        }
    }
}

/// How the weight of a pair of sentences is computed (see the module docs).
#[derive(Clone, Copy, Debug)]
pub enum PairWeight<'a> {
    /// Cosine of tf-idf vectors, with this idf table.
    Cosine(&'a Idf),
    /// Mihalcea & Tarau's normalized word overlap.
    Overlap,
    /// gensim's symmetrized BM25.
    Bm25(Bm25Params),
}

/// Limits of the sparse all-pairs step (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GraphOptions {
    /// Documents with at most this many sentences get the exact graph: the
    /// two bounds below only apply to longer ones.
    pub exact_up_to: usize,
    /// Terms in more than this many sentences do not link sentences.
    pub max_term_df: usize,
    /// Keep at most this many neighbours per row (`None`: keep all).
    pub max_neighbours: Option<usize>,
    /// Keep only edges whose weight is greater than this.
    pub min_weight: f64,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            exact_up_to: 1000,
            max_term_df: 50,
            max_neighbours: Some(16),
            min_weight: 0.0,
        }
    }
}

impl GraphOptions {
    /// No limits: the exact graph (quadratic on huge documents).
    pub const EXACT: GraphOptions = GraphOptions {
        exact_up_to: usize::MAX,
        max_term_df: usize::MAX,
        max_neighbours: None,
        min_weight: 0.0,
    };
}

/// A sparse weighted graph over sentences `0..n` in compressed-row form:
/// row `i` lists its neighbours in ascending column order with their
/// weights. No self-loops unless added with [`SimilarityGraph::from_rows`].
///
/// A graph built by [`similarity_graph`] with its bounds engaged also
/// remembers, per row, the total weight of the edges the bounds left out
/// ([`SimilarityGraph::dropped`]), which [`pagerank`] uses to route that
/// share of the walk (see there).
#[derive(Clone, Debug, Default)]
pub struct SimilarityGraph {
    offsets: Vec<usize>,
    columns: Vec<u32>,
    weights: Vec<f64>,
    /// Per row, the weight left out by the bounds; empty when nothing was
    /// left out or it is not known.
    dropped: Vec<f64>,
    /// Known to be its own transpose, bit for bit (built by
    /// `symmetric::symmetric_graph`, or from such a graph by
    /// [`SimilarityGraph::with_diagonal`] or
    /// [`SimilarityGraph::transpose`]); [`pagerank`] then reads it as its
    /// own incoming graph instead of transposing it. False when unknown.
    symmetric: bool,
}

/// Equal graphs have the same edges and left-out weights; whether the
/// symmetry is known does not matter.
impl PartialEq for SimilarityGraph {
    fn eq(&self, other: &Self) -> bool {
        self.offsets == other.offsets
            && self.columns == other.columns
            && self.weights == other.weights
            && self.dropped == other.dropped
    }
}

impl SimilarityGraph {
    /// Builds a graph from per-row `(column, weight)` lists. Each row is
    /// sorted by column; for a repeated column the last weight wins; columns
    /// `>= rows.len()` are dropped.
    pub fn from_rows(rows: Vec<Vec<(u32, f64)>>) -> SimilarityGraph {
        let n = rows.len();
        let mut graph = SimilarityGraph {
            offsets: Vec::with_capacity(n + 1),
            columns: Vec::new(),
            weights: Vec::new(),
            dropped: Vec::new(),
            symmetric: false,
        };
        graph.offsets.push(0);
        for mut row in rows {
            row.retain(|&(c, _)| (c as usize) < n);
            row.sort_by_key(|&(c, _)| c);
            let mut k = 0;
            while k < row.len() {
                let mut last = k;
                while last + 1 < row.len() && row[last + 1].0 == row[k].0 {
                    last += 1;
                }
                graph.columns.push(row[last].0);
                graph.weights.push(row[last].1);
                k = last + 1;
            }
            graph.offsets.push(graph.columns.len());
        }
        graph
    }

    /// Number of nodes (sentences).
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored (directed) edges.
    pub fn edge_count(&self) -> usize {
        self.columns.len()
    }

    /// Neighbours of `i` (ascending) and their weights; empty if `i` is out
    /// of range.
    pub fn row(&self, i: usize) -> (&[u32], &[f64]) {
        if i >= self.len() {
            return (&[], &[]);
        }
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.columns[range.clone()], &self.weights[range])
    }

    /// Weight of edge `i → j` (0 if absent).
    pub fn weight(&self, i: usize, j: usize) -> f64 {
        let (cols, ws) = self.row(i);
        match u32::try_from(j).ok().map(|j| cols.binary_search(&j)) {
            Some(Ok(k)) => ws[k],
            _ => 0.0,
        }
    }

    /// Sum of each row's weights (summed in column order).
    pub fn row_sums(&self) -> Vec<f64> {
        (0..self.len())
            .map(|i| self.row(i).1.iter().sum())
            .collect()
    }

    /// A graph with each edge's weight replaced by `f(i, j, w)`, dropping
    /// edges for which it returns `None` (e.g. LexRank's threshold). What
    /// `f` would make of the edges the bounds left out is unknown, so the
    /// result has no [`SimilarityGraph::dropped`] weights.
    pub fn filter_map(&self, f: impl Fn(usize, usize, f64) -> Option<f64>) -> SimilarityGraph {
        let mut out = SimilarityGraph {
            offsets: Vec::with_capacity(self.offsets.len()),
            columns: Vec::new(),
            weights: Vec::new(),
            dropped: Vec::new(),
            symmetric: false,
        };
        out.offsets.push(0);
        for i in 0..self.len() {
            let (cols, ws) = self.row(i);
            for (&c, &w) in cols.iter().zip(ws) {
                if let Some(w) = f(i, c as usize, w) {
                    out.columns.push(c);
                    out.weights.push(w);
                }
            }
            out.offsets.push(out.columns.len());
        }
        out
    }

    /// The graph with a self-loop `i → i` of weight `diagonal(i)` for every
    /// `i` where it is `Some` (replacing any self-loop already there), built
    /// row by row in compressed form: one new graph, no per-row lists.
    pub fn with_diagonal(&self, diagonal: impl Fn(usize) -> Option<f64>) -> SimilarityGraph {
        let n = self.len();
        let mut out = SimilarityGraph {
            offsets: Vec::with_capacity(n + 1),
            columns: Vec::with_capacity(self.columns.len() + n),
            weights: Vec::with_capacity(self.columns.len() + n),
            dropped: self.dropped.clone(),
            // A self-loop is its own reverse.
            symmetric: self.symmetric,
        };
        out.offsets.push(0);
        for i in 0..n {
            let (cols, ws) = self.row(i);
            let d = diagonal(i);
            let mut placed = d.is_none();
            for (&c, &w) in cols.iter().zip(ws) {
                if let Some(dw) = d.filter(|_| !placed && c as usize >= i) {
                    out.columns.push(i as u32);
                    out.weights.push(dw);
                    placed = true;
                    if c as usize == i {
                        continue;
                    }
                }
                out.columns.push(c);
                out.weights.push(w);
            }
            if let Some(dw) = d.filter(|_| !placed) {
                out.columns.push(i as u32);
                out.weights.push(dw);
            }
            out.offsets.push(out.columns.len());
        }
        out
    }

    /// The graph with every edge reversed; rows stay sorted by column. The
    /// dropped weights are not carried over.
    pub fn transpose(&self) -> SimilarityGraph {
        let n = self.len();
        let mut counts = vec![0usize; n + 1];
        for &c in &self.columns {
            counts[c as usize + 1] += 1;
        }
        for k in 1..=n {
            counts[k] += counts[k - 1];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut columns = vec![0u32; self.columns.len()];
        let mut weights = vec![0.0; self.columns.len()];
        // Rows are visited in ascending order, so each reversed row comes out
        // sorted by its (new) column.
        for i in 0..n {
            let (cols, ws) = self.row(i);
            for (&c, &w) in cols.iter().zip(ws) {
                let slot = next[c as usize];
                columns[slot] = i as u32;
                weights[slot] = w;
                next[c as usize] += 1;
            }
        }
        SimilarityGraph {
            offsets,
            columns,
            weights,
            dropped: Vec::new(),
            symmetric: self.symmetric,
        }
    }

    /// Total weight of the edges of row `i` that the bounds of
    /// [`similarity_graph`] left out (0 when none, or when unknown).
    pub fn dropped(&self, i: usize) -> f64 {
        self.dropped.get(i).copied().unwrap_or(0.0)
    }

    /// True when every edge `i → j` has an edge `j → i` of the same weight.
    pub fn is_symmetric(&self) -> bool {
        let t = self.transpose();
        t.columns == self.columns && t.weights == self.weights
    }
}

/// Every sentence's terms flattened into one list, with the two factors
/// each term brings to a pair weight (see [`Factors::build`]).
struct Factors {
    /// Sentence `i`'s entries are `start[i]..start[i + 1]`.
    start: Vec<usize>,
    /// Term ids, ascending within each sentence.
    terms: Vec<u32>,
    /// Factor of the term when its sentence is the row.
    own: Vec<f64>,
    /// Factor of the term when its sentence is the column.
    val: Vec<f64>,
    /// ln(token count) of each sentence (the overlap denominator); empty
    /// for the other weights.
    ln_lens: Vec<f64>,
    kind: Kind,
    /// All factors are >= 0, so partial sums are lower bounds of weights.
    non_negative: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cosine,
    Overlap,
    Bm25,
}

impl Factors {
    /// The weight of pair (i, j) is built from `own_i(t) · val_j(t)` summed
    /// over shared terms t:
    /// * cosine: both factors are the unit-length tf-idf weight;
    /// * overlap: both are 1 (the sum counts shared terms);
    /// * BM25: `own` is the query count `q_t`, `val` the document part
    ///   `idf_t · f (k1 + 1) / (f + k1 (1 − b + b |S| / avgdl))`; the reverse
    ///   score s(j→i) sums `own_j(t) · val_i(t)`.
    fn build(sentences: &[TermCounts], weight: PairWeight<'_>) -> Factors {
        let mut f = Factors {
            start: Vec::with_capacity(sentences.len() + 1),
            terms: Vec::new(),
            own: Vec::new(),
            val: Vec::new(),
            ln_lens: match weight {
                PairWeight::Overlap => sentences.iter().map(|s| (s.len as f64).ln()).collect(),
                _ => Vec::new(),
            },
            kind: match weight {
                PairWeight::Cosine(_) => Kind::Cosine,
                PairWeight::Overlap => Kind::Overlap,
                PairWeight::Bm25(_) => Kind::Bm25,
            },
            non_negative: false,
        };
        f.start.push(0);
        f.terms
            .reserve_exact(sentences.iter().map(|s| s.terms.len()).sum());
        for s in sentences {
            f.terms.extend_from_slice(&s.terms);
            f.start.push(f.terms.len());
        }
        match weight {
            PairWeight::Cosine(idf) => {
                f.own.reserve_exact(f.terms.len());
                f.val.reserve_exact(f.terms.len());
                for s in sentences {
                    // Zero-idf terms keep a factor of 0.
                    let norm = tfidf_norm(s, idf);
                    for (&t, &c) in s.terms.iter().zip(&s.counts) {
                        let w = cosine_factor(c, idf.get(t), norm);
                        f.own.push(w);
                        f.val.push(w);
                    }
                }
            }
            PairWeight::Overlap => {
                f.own = vec![1.0; f.terms.len()];
                f.val = vec![1.0; f.terms.len()];
            }
            PairWeight::Bm25(p) => {
                let idf = bm25_idf(sentences, p.epsilon);
                let n = sentences.len();
                let total_len: f64 = sentences.iter().map(|s| s.len as f64).sum();
                let avgdl = if n > 0 { total_len / n as f64 } else { 0.0 };
                for s in sentences {
                    let len_ratio = if avgdl > 0.0 {
                        s.len as f64 / avgdl
                    } else {
                        0.0
                    };
                    for (&t, &c) in s.terms.iter().zip(&s.counts) {
                        let tf = c as f64;
                        f.own.push(tf);
                        f.val.push(
                            idf[t as usize] * tf * (p.k1 + 1.0)
                                / (tf + p.k1 * (1.0 - p.b + p.b * len_ratio)),
                        );
                    }
                }
            }
        }
        f.non_negative = f.own.iter().chain(&f.val).all(|&x| x >= 0.0);
        f
    }

    fn range(&self, i: usize) -> std::ops::Range<usize> {
        self.start[i]..self.start[i + 1]
    }
}

/// gensim's BM25 idf over the sentences: `ln(N − df + 0.5) − ln(df + 0.5)`,
/// negative values replaced by `epsilon ×` the mean idf. Indexed by term id.
fn bm25_idf(sentences: &[TermCounts], epsilon: f64) -> Vec<f64> {
    let df = document_frequencies(sentences);
    let n = sentences.len() as f64;
    let mut idf = vec![0.0; df.len()];
    let (mut sum, mut count) = (0.0, 0usize);
    for (t, &d) in df.iter().enumerate() {
        if d > 0 {
            let d = d as f64;
            idf[t] = (n - d + 0.5).ln() - (d + 0.5).ln();
            sum += idf[t];
            count += 1;
        }
    }
    let mean = if count > 0 { sum / count as f64 } else { 0.0 };
    for v in &mut idf {
        if *v < 0.0 {
            *v = epsilon * mean;
        }
    }
    idf
}

/// Number of sentences containing each term id.
fn document_frequencies(sentences: &[TermCounts]) -> Vec<usize> {
    let vocab = term_bound(sentences);
    let mut df = vec![0usize; vocab];
    for s in sentences {
        for &t in &s.terms {
            df[t as usize] += 1;
        }
    }
    df
}

/// One posting: a sentence containing the term, with the term's factors
/// in that sentence.
#[derive(Clone, Copy)]
struct Posting {
    sentence: u32,
    own: f64,
    val: f64,
}

/// One hub term of a sentence: its hub number (hub terms are numbered in
/// ascending term order, so ascending hub numbers are ascending terms) and
/// its factors in that sentence.
#[derive(Clone, Copy)]
struct HubEntry {
    hub: u32,
    own: f64,
    val: f64,
}

/// Per-term postings, sorted by sentence, for the terms that link
/// sentences: in at least 2 and at most `max_df` sentences. Terms above
/// `max_df` are *hubs*: they find no candidates but still add their share
/// to pairs found through other terms.
struct InvertedIndex {
    offsets: Vec<usize>,
    postings: Vec<Posting>,
    /// By term id: 1 + the term's hub number, or 0 for a term that is not a
    /// hub.
    hub_of_term: Vec<u32>,
    /// Number of hub terms.
    hubs: usize,
    /// Per sentence: Euclidean norms of the `own` and `val` factors of its
    /// hub terms, and how many hub terms it has. By Cauchy–Schwarz the hub
    /// share of pair (i, j) is at most `hub_own[i] × hub_val[j]`.
    hub_own: Vec<f64>,
    hub_val: Vec<f64>,
    hub_count: Vec<u32>,
    /// Per sentence, its hub terms by ascending hub number, stored together
    /// so that reading a candidate's hub terms is one short sequential read
    /// (on a 100,000-sentence document, scattered reads here were most of
    /// the graph's time): sentence i's are `hub_start[i]..hub_start[i + 1]`.
    hub_start: Vec<usize>,
    hub_entries: Vec<HubEntry>,
}

impl InvertedIndex {
    fn build(sentences: &[TermCounts], factors: &Factors, max_df: usize) -> InvertedIndex {
        let df = document_frequencies(sentences);
        let vocab = df.len();
        let keep = |d: usize| d >= 2 && d <= max_df;
        let mut offsets = vec![0usize; vocab + 1];
        for t in 0..vocab {
            offsets[t + 1] = offsets[t] + if keep(df[t]) { df[t] } else { 0 };
        }
        let mut hub_of_term = vec![0u32; vocab];
        let mut hubs = 0usize;
        for (t, &d) in df.iter().enumerate() {
            if d > max_df {
                hubs += 1;
                hub_of_term[t] = hubs as u32;
            }
        }
        let empty = Posting {
            sentence: 0,
            own: 0.0,
            val: 0.0,
        };
        let mut postings = vec![empty; offsets[vocab]];
        let mut next = offsets.clone();
        let n = sentences.len();
        let (mut hub_own, mut hub_val, mut hub_count) = (vec![0.0; n], vec![0.0; n], vec![0; n]);
        let mut hub_start = Vec::with_capacity(n + 1);
        let mut hub_entries = Vec::new();
        hub_start.push(0);
        for i in 0..n {
            for k in factors.range(i) {
                let t = factors.terms[k] as usize;
                let (own, val) = (factors.own[k], factors.val[k]);
                if hub_of_term[t] > 0 {
                    hub_own[i] += own * own;
                    hub_val[i] += val * val;
                    hub_count[i] += 1;
                    hub_entries.push(HubEntry {
                        hub: hub_of_term[t] - 1,
                        own,
                        val,
                    });
                } else if keep(df[t]) {
                    postings[next[t]] = Posting {
                        sentence: i as u32,
                        own,
                        val,
                    };
                    next[t] += 1;
                }
            }
            hub_start.push(hub_entries.len());
        }
        InvertedIndex {
            offsets,
            postings,
            hub_of_term,
            hubs,
            hub_own: hub_own.into_iter().map(f64::sqrt).collect(),
            hub_val: hub_val.into_iter().map(f64::sqrt).collect(),
            hub_count,
            hub_start,
            hub_entries,
        }
    }

    fn postings(&self, term: u32) -> &[Posting] {
        let t = term as usize;
        if t + 1 >= self.offsets.len() {
            return &[];
        }
        &self.postings[self.offsets[t]..self.offsets[t + 1]]
    }

    /// The hub number of `term`, if it is a hub.
    fn hub(&self, term: u32) -> Option<u32> {
        match self.hub_of_term.get(term as usize) {
            Some(&h) if h > 0 => Some(h - 1),
            _ => None,
        }
    }

    fn hubs_of(&self, i: usize) -> &[HubEntry] {
        &self.hub_entries[self.hub_start[i]..self.hub_start[i + 1]]
    }
}

/// A row's running sums for one other sentence. `stamp` is 1 + the row
/// that last touched the slot, so slots never need resetting; the sums sit
/// next to it so that one posting touches one cache line.
#[derive(Clone, Copy, Default)]
struct Slot {
    stamp: u32,
    forward: f64,
    backward: f64,
}

/// Per-thread scratch space for the rows of one chunk.
struct Scratch {
    /// By sentence.
    slots: Vec<Slot>,
    touched: Vec<u32>,
    /// The row's own hub terms, ascending.
    row_hubs: Vec<HubEntry>,
    /// (sentence, forward sum, backward sum) of each candidate of the row.
    candidates: Vec<(u32, f64, f64)>,
    bounds: Vec<f64>,
    /// The finished row: (column, weight), ascending by column.
    out: Vec<(u32, f64)>,
    /// By hub number: 1 + position in `row_hubs` of the row's entry for
    /// that hub, or 0.
    hub_mark: Vec<u32>,
}

impl Scratch {
    fn new(n: usize, hubs: usize) -> Scratch {
        Scratch {
            slots: vec![Slot::default(); n],
            touched: Vec::new(),
            row_hubs: Vec::new(),
            candidates: Vec::new(),
            bounds: Vec::new(),
            out: Vec::new(),
            hub_mark: vec![0; hubs],
        }
    }
}

/// The rows of one chunk in compressed form.
struct Part {
    lengths: Vec<usize>,
    columns: Vec<u32>,
    weights: Vec<f64>,
}

/// Builds the sparse similarity graph of `sentences` (see the module docs).
/// Runs rows in parallel on the current rayon pool; the result does not
/// depend on the number of threads.
///
/// An exact graph (at most [`GraphOptions::exact_up_to`] sentences) of the
/// cosine or the overlap weight with `min_weight >= 0` is built by
/// `symmetric::symmetric_graph`, which computes each pair once; every other
/// graph row by row (`graph_by_rows`). Both give the same graph, bit for bit
/// (compared in `tests`).
pub fn similarity_graph(
    sentences: &[TermCounts],
    weight: PairWeight<'_>,
    options: &GraphOptions,
) -> SimilarityGraph {
    if sentences.len() <= options.exact_up_to
        && options.min_weight >= 0.0
        && !matches!(weight, PairWeight::Bm25(_))
    {
        symmetric::symmetric_graph(sentences, weight, options.min_weight)
    } else {
        graph_by_rows(sentences, weight, options)
    }
}

/// The general builder: every row computed on its own, in parallel chunks.
fn graph_by_rows(
    sentences: &[TermCounts],
    weight: PairWeight<'_>,
    options: &GraphOptions,
) -> SimilarityGraph {
    let n = sentences.len();
    let bounded = n > options.exact_up_to;
    let exact;
    let options = if !bounded {
        exact = GraphOptions {
            min_weight: options.min_weight,
            ..GraphOptions::EXACT
        };
        &exact
    } else {
        options
    };
    let factors = Factors::build(sentences, weight);
    let index = InvertedIndex::build(sentences, &factors, options.max_term_df);

    // Rows in chunks, one scratch space per chunk (a scratch space is O(n),
    // so not per row; and not `map_init`, which may call its init once per
    // split job). About 8 chunks per thread balance the load. Each chunk
    // writes its rows straight into flat arrays.
    let chunk = n.div_ceil(8 * rayon::current_num_threads().max(1)).max(64);
    let parts: Vec<Part> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut scratch = Scratch::new(n, index.hubs);
            let rows = c * chunk..n.min((c + 1) * chunk);
            let mut part = Part {
                lengths: Vec::with_capacity(rows.len()),
                columns: Vec::new(),
                weights: Vec::new(),
            };
            for i in rows {
                row(i, &factors, &index, options, &mut scratch);
                part.lengths.push(scratch.out.len());
                part.columns.extend(scratch.out.iter().map(|&(c, _)| c));
                part.weights.extend(scratch.out.iter().map(|&(_, w)| w));
            }
            part
        })
        .collect();
    drop(index);

    // Concatenate the parts, freeing each once copied, so the peak is about
    // one graph plus one part rather than two graphs.
    let edges: usize = parts.iter().map(|p| p.columns.len()).sum();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut parts = parts.into_iter();
    let (mut columns, mut weights) = match parts.next() {
        Some(first) => {
            for len in first.lengths {
                offsets.push(offsets[offsets.len() - 1] + len);
            }
            (first.columns, first.weights)
        }
        None => (Vec::new(), Vec::new()),
    };
    columns.reserve_exact(edges - columns.len());
    weights.reserve_exact(edges - weights.len());
    for part in parts {
        for len in part.lengths {
            offsets.push(offsets[offsets.len() - 1] + len);
        }
        columns.extend_from_slice(&part.columns);
        weights.extend_from_slice(&part.weights);
    }
    let mut graph = SimilarityGraph {
        offsets,
        columns,
        weights,
        dropped: Vec::new(),
        symmetric: false,
    };
    if bounded && options.min_weight <= 0.0 && factors.non_negative {
        if let Some(full) = full_row_sums(&factors) {
            graph.dropped = (0..n)
                .map(|i| (full[i] - graph.row(i).1.iter().sum::<f64>()).max(0.0))
                .collect();
        }
    }
    graph
}

/// Each row's weight summed over *all* other sentences, computed without
/// visiting pairs: for a cosine, `Σ_j a·b_j = a·(Σ_j b_j)`, so one sum of
/// all unit vectors gives every row sum; for the overlap weight
/// `Σ_t Σ_{j∋t} 1/(ln|S_i| + ln|S_j|)`, sentences holding a term are
/// grouped by length, so each term costs one step per distinct length.
/// `None` for BM25 (not separable this way).
fn full_row_sums(f: &Factors) -> Option<Vec<f64>> {
    let n = f.start.len().saturating_sub(1);
    let vocab = f.terms.iter().max().map_or(0, |&t| t as usize + 1);
    match f.kind {
        Kind::Cosine => {
            let mut total = vec![0.0f64; vocab];
            for (&t, &v) in f.terms.iter().zip(&f.val) {
                total[t as usize] += v;
            }
            Some(
                (0..n)
                    .into_par_iter()
                    .map(|i| {
                        let (mut all, mut own) = (0.0, 0.0);
                        for k in f.range(i) {
                            all += f.own[k] * total[f.terms[k] as usize];
                            own += f.own[k] * f.val[k];
                        }
                        (all - own).max(0.0)
                    })
                    .collect(),
            )
        }
        Kind::Overlap => {
            // (term, ln length) of every entry, grouped by term, then by the
            // sentence's length (its ln, compared exactly).
            let mut keyed: Vec<(u32, u64)> = (0..n)
                .flat_map(|i| {
                    f.range(i)
                        .map(move |k| (f.terms[k], f.ln_lens[i].to_bits()))
                })
                .collect();
            keyed.sort_unstable();
            // Per term: (ln length, count) runs, in `runs[run_start[t]..run_start[t + 1]]`.
            let mut run_start = vec![0usize; vocab + 1];
            let mut runs: Vec<(f64, f64)> = Vec::new();
            let mut k = 0;
            while k < keyed.len() {
                let (t, bits) = keyed[k];
                let mut end = k + 1;
                while end < keyed.len() && keyed[end] == (t, bits) {
                    end += 1;
                }
                runs.push((f64::from_bits(bits), (end - k) as f64));
                run_start[t as usize + 1] = runs.len();
                k = end;
            }
            for t in 0..vocab {
                run_start[t + 1] = run_start[t + 1].max(run_start[t]);
            }
            let inverse = |d: f64| if d > 0.0 { 1.0 / d } else { 0.0 };
            Some(
                (0..n)
                    .into_par_iter()
                    .map(|i| {
                        let li = f.ln_lens[i];
                        let mut all = 0.0;
                        for k in f.range(i) {
                            let t = f.terms[k] as usize;
                            for &(lj, count) in &runs[run_start[t]..run_start[t + 1]] {
                                all += count * inverse(li + lj);
                            }
                        }
                        // Sentence i met itself once per term.
                        (all - f.range(i).len() as f64 * inverse(2.0 * li)).max(0.0)
                    })
                    .collect(),
            )
        }
        Kind::Bm25 => None,
    }
}

/// The factor a term brings to a cosine pair weight: its tf-idf weight
/// `count × idf` over the sentence's tf-idf `norm`, 0 when the norm is not
/// positive. One definition for [`Factors::build`] and [`forward_sums`].
#[inline]
pub(crate) fn cosine_factor(count: u32, idf: f64, norm: f64) -> f64 {
    if norm > 0.0 {
        count as f64 * idf / norm
    } else {
        0.0
    }
}

/// Computes row `i` into `scratch.out`. Each pair's sum runs over the
/// shared linking terms in ascending order, then over the shared hub terms
/// in ascending order: the same order in row `i` and row `j`, whatever the
/// thread.
fn row(
    i: usize,
    f: &Factors,
    index: &InvertedIndex,
    options: &GraphOptions,
    scratch: &mut Scratch,
) {
    let bm25 = f.kind == Kind::Bm25;
    let stamp = i as u32 + 1;
    scratch.row_hubs.clear();
    for k in f.range(i) {
        let t = f.terms[k];
        let (own, val) = (f.own[k], f.val[k]);
        if let Some(hub) = index.hub(t) {
            scratch.row_hubs.push(HubEntry { hub, own, val });
            continue;
        }
        for p in index.postings(t) {
            let j = p.sentence as usize;
            if j == i {
                continue;
            }
            let slot = &mut scratch.slots[j];
            if slot.stamp != stamp {
                *slot = Slot {
                    stamp,
                    forward: 0.0,
                    backward: 0.0,
                };
                scratch.touched.push(p.sentence);
            }
            slot.forward += own * p.val;
            if bm25 {
                slot.backward += p.own * val;
            }
        }
    }

    // Collect the candidates.
    scratch.candidates.clear();
    for &j in &scratch.touched {
        let slot = scratch.slots[j as usize];
        scratch.candidates.push((j, slot.forward, slot.backward));
    }
    scratch.touched.clear();

    let overlap_denominator = |j: usize| f.ln_lens[i] + f.ln_lens[j];
    // Pruning before the hub terms are added: when only the top k survive
    // and every factor is >= 0, a candidate whose weight cannot reach the
    // k-th largest partial weight, even with the largest possible hub
    // shares, cannot be kept. Skips the hub look-ups for most candidates
    // of a huge document; the weights kept are unchanged.
    if let Some(k) = options.max_neighbours {
        let prunable = f.non_negative && f.kind != Kind::Bm25 && k > 0;
        if prunable && !scratch.row_hubs.is_empty() && scratch.candidates.len() > k {
            // Upper bound of the hub share of pair (i, j), with a little
            // slack so rounding can never prune a pair that belongs.
            let hub_share = |j: usize| -> f64 {
                let b = match f.kind {
                    Kind::Cosine => index.hub_own[i] * index.hub_val[j],
                    _ => index.hub_count[i].min(index.hub_count[j]) as f64,
                };
                b * (1.0 + 1e-9) + 1e-12
            };
            let partial = |&(j, fwd, _): &(u32, f64, f64)| -> (f64, f64) {
                let share = hub_share(j as usize);
                match f.kind {
                    Kind::Overlap => {
                        let d = overlap_denominator(j as usize);
                        if d > 0.0 {
                            (fwd / d, (fwd + share) / d)
                        } else {
                            (0.0, 0.0)
                        }
                    }
                    _ => (fwd, fwd + share),
                }
            };
            scratch.bounds.clear();
            scratch
                .bounds
                .extend(scratch.candidates.iter().map(|c| partial(c).0));
            scratch
                .bounds
                .select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
            let threshold = scratch.bounds[k - 1];
            scratch.candidates.retain(|c| partial(c).1 >= threshold);
        }
    }

    scratch.out.clear();
    for (pos, h) in scratch.row_hubs.iter().enumerate() {
        scratch.hub_mark[h.hub as usize] = pos as u32 + 1;
    }
    for &(j, mut fwd, mut bwd) in &scratch.candidates {
        let ju = j as usize;
        if !scratch.row_hubs.is_empty() {
            // Shared hub terms, ascending: j's hub terms that the row marked.
            for e in index.hubs_of(ju) {
                let mark = scratch.hub_mark[e.hub as usize];
                if mark > 0 {
                    let mine = &scratch.row_hubs[mark as usize - 1];
                    fwd += mine.own * e.val;
                    if bm25 {
                        bwd += e.own * mine.val;
                    }
                }
            }
        }
        let w = match f.kind {
            Kind::Cosine => fwd,
            Kind::Overlap => {
                let denom = overlap_denominator(ju);
                if denom > 0.0 {
                    fwd / denom
                } else {
                    0.0
                }
            }
            Kind::Bm25 => {
                // gensim: the first non-zero of s(lo→hi), s(hi→lo).
                let (lo_hi, hi_lo) = if i < ju { (fwd, bwd) } else { (bwd, fwd) };
                if lo_hi != 0.0 {
                    lo_hi
                } else {
                    hi_lo
                }
            }
        };
        if w.is_finite() && w > options.min_weight {
            scratch.out.push((j, w));
        }
    }
    for h in &scratch.row_hubs {
        scratch.hub_mark[h.hub as usize] = 0;
    }

    let out = &mut scratch.out;
    if let Some(k) = options.max_neighbours {
        if out.len() > k {
            // Heaviest first, lower column first among equals.
            let by_weight =
                |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if k == 0 {
                out.clear();
            } else {
                out.select_nth_unstable_by(k - 1, by_weight);
                out.truncate(k);
            }
        }
    }
    out.sort_unstable_by_key(|&(c, _)| c);
}

/// Power-iteration settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageRankOptions {
    /// Probability of following an edge rather than teleporting (0.85).
    pub damping: f64,
    /// Stop when the L1 change between iterations is below
    /// `n × tolerance` (networkx's rule; 1e-6).
    pub tolerance: f64,
    /// Stop after this many iterations at most (100).
    pub max_iterations: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            damping: 0.85,
            tolerance: 1e-6,
            max_iterations: 100,
        }
    }
}

/// Weighted PageRank of `graph` by power iteration.
///
/// A random walker at node `j` follows edge `j → i` with probability
/// `w(j,i) / Σ_k w(j,k)`; with probability `1 − damping` (and always from
/// a node with no positive out-weight) it jumps to a node drawn from the
/// teleport distribution: `personalization` normalized to sum 1, or uniform
/// when it is `None`, has the wrong length, or has no positive finite mass.
/// Non-positive or non-finite edge weights and personalization entries count
/// as 0. The result sums to 1 (TextRank's unnormalized `(1 − d) + d·Σ…` form
/// is the same ranking scaled by `n`).
///
/// **Left-out weight.** When the bounds of [`similarity_graph`] dropped
/// edges, row `j`'s out-weight is its *full* weight (kept plus
/// [`SimilarityGraph::dropped`]), so the kept edges keep their exact
/// transition probabilities, and the remaining share of the walk, which the
/// missing edges would have carried, is spread over the nodes in proportion
/// to the weight each is missing on its incoming side: `D_i` = full weight
/// of `i` − weight of its kept incoming edges (the weights are symmetric,
/// so a node's full incoming weight is its full row weight). That spread is
/// exact whenever `rank_j / out_j` is the same for every `j` — true of the
/// stationary walk on a symmetric graph, whose ranks are proportional to
/// the weighted degrees — and close to it with damping. Without it, a
/// capped graph would rank by the top few neighbours of each sentence and
/// lose most of what makes a sentence central (the many weak links).
///
/// Deterministic: every node's new score sums its in-neighbours in
/// ascending order, computed with indexed parallel iterators on the current
/// rayon pool; global sums run sequentially in node order.
pub fn pagerank(
    graph: &SimilarityGraph,
    options: &PageRankOptions,
    personalization: Option<&[f64]>,
) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let clean = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let teleport: Vec<f64> = {
        let uniform = vec![1.0 / n as f64; n];
        match personalization {
            Some(p) if p.len() == n => {
                let total: f64 = p.iter().map(|&x| clean(x)).sum();
                if total > 0.0 && total.is_finite() {
                    p.iter().map(|&x| clean(x) / total).collect()
                } else {
                    uniform
                }
            }
            _ => uniform,
        }
    };
    let mut out_weight: Vec<f64> = (0..n)
        .map(|i| graph.row(i).1.iter().map(|&w| clean(w)).sum())
        .collect();
    // Left-out weight (see above): per row, what the bounds dropped, and
    // where that share of the walk lands (`sink`, summing to 1).
    let dropped: Vec<f64> = (0..n).map(|i| clean(graph.dropped(i))).collect();
    let has_dropped = dropped.iter().any(|&d| d > 0.0);
    let mut sink: Option<Vec<f64>> = None;
    if has_dropped {
        let mut kept_in = vec![0.0; n];
        for i in 0..n {
            let (cols, ws) = graph.row(i);
            for (&c, &w) in cols.iter().zip(ws) {
                kept_in[c as usize] += clean(w);
            }
        }
        for (o, d) in out_weight.iter_mut().zip(&dropped) {
            *o += d;
        }
        let missing: Vec<f64> = (0..n)
            .map(|i| (out_weight[i] - kept_in[i]).max(0.0))
            .collect();
        let total: f64 = missing.iter().sum();
        if total > 0.0 && total.is_finite() {
            sink = Some(missing.iter().map(|m| m / total).collect());
        }
    }
    // Incoming edges with transition probabilities w(j,i)/out(j). A graph
    // known to be symmetric is its own transpose.
    let mut incoming = if graph.symmetric {
        graph.clone()
    } else {
        graph.transpose()
    };
    for i in 0..n {
        let range = incoming.offsets[i]..incoming.offsets[i + 1];
        for e in range {
            let j = incoming.columns[e] as usize;
            let w = clean(incoming.weights[e]);
            incoming.weights[e] = if w > 0.0 { w / out_weight[j] } else { 0.0 };
        }
    }
    let damping = if options.damping.is_finite() {
        options.damping.clamp(0.0, 1.0)
    } else {
        0.85
    };

    // Nodes with no positive out-weight, ascending (summed in node order
    // each iteration).
    let dangling_nodes: Vec<usize> = (0..n).filter(|&j| out_weight[j] <= 0.0).collect();
    // Rayon only where it can split the work (it never splits below two
    // runs of `MIN_LEN` nodes); every node's score is computed alone, so
    // the split does not change it.
    const MIN_LEN: usize = 256;
    let parallel = n >= 2 * MIN_LEN && rayon::current_num_threads() > 1;

    let mut rank = teleport.clone();
    let mut next = vec![0.0; n];
    for _ in 0..options.max_iterations {
        let mut dangling: f64 = dangling_nodes.iter().map(|&j| rank[j]).sum();
        // The share carried by left-out edges: to the sink, or, when no
        // node misses any incoming weight, teleported like dangling mass.
        let residual: f64 = if has_dropped {
            (0..n)
                .filter(|&j| out_weight[j] > 0.0)
                .map(|j| rank[j] * dropped[j] / out_weight[j])
                .sum()
        } else {
            0.0
        };
        if sink.is_none() {
            dangling += residual;
        }
        let current: &[f64] = &rank;
        let step = Step {
            incoming: &incoming,
            teleport: &teleport,
            sink: sink.as_deref(),
            dangling,
            residual,
            damping,
        };
        if parallel {
            next.par_iter_mut()
                .with_min_len(MIN_LEN)
                .enumerate()
                .for_each(|(i, slot)| *slot = step.score(current, i));
        } else {
            for (i, slot) in next.iter_mut().enumerate() {
                *slot = step.score(current, i);
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < options.tolerance * n as f64 {
            break;
        }
    }
    rank
}

/// What one [`pagerank`] iteration needs besides the current ranks.
struct Step<'a> {
    /// Incoming edges with their transition probabilities.
    incoming: &'a SimilarityGraph,
    teleport: &'a [f64],
    sink: Option<&'a [f64]>,
    dangling: f64,
    residual: f64,
    damping: f64,
}

impl Step<'_> {
    /// Node `i`'s next rank. Always inlined, so the sequential loop pays no
    /// call per node (as the closure it replaces did).
    #[inline(always)]
    fn score(&self, rank: &[f64], i: usize) -> f64 {
        let (js, ps) = self.incoming.row(i);
        let flow = flow_in(js, ps, rank);
        let teleport = self.teleport[i];
        let spread = match self.sink {
            Some(sink) => flow + self.dangling * teleport + self.residual * sink[i],
            None => flow + self.dangling * teleport,
        };
        (1.0 - self.damping) * teleport + self.damping * spread
    }
}

/// `Σ_k rank[js[k]] · ps[k]`, added in ascending `k` starting from 0 (the
/// order the result's bits depend on), four terms per loop step: the
/// unrolled body saves the loop's own instructions on every edge of every
/// PageRank iteration without changing the sum. A column out of range
/// panics, as indexing does; [`pagerank`]'s incoming graph has none.
#[inline]
fn flow_in(js: &[u32], ps: &[f64], rank: &[f64]) -> f64 {
    let mut flow = 0.0;
    let mut j4 = js.chunks_exact(4);
    let mut p4 = ps.chunks_exact(4);
    for (j, p) in (&mut j4).zip(&mut p4) {
        flow += rank[j[0] as usize] * p[0];
        flow += rank[j[1] as usize] * p[1];
        flow += rank[j[2] as usize] * p[2];
        flow += rank[j[3] as usize] * p[3];
    }
    for (&j, &p) in j4.remainder().iter().zip(p4.remainder()) {
        flow += rank[j as usize] * p;
    }
    flow
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectors::{sentence_terms, tfidf_vectors, IdfFormula, TermFilter};
    use nutgraf_parse::{parse, ParseOptions};

    fn terms(text: &str) -> (nutgraf_parse::Document, Vec<TermCounts>) {
        let d = parse(text, &ParseOptions::default());
        let all: Vec<usize> = (0..d.sentences.len()).collect();
        let t = sentence_terms(&d, &all, &TermFilter::CONTENT);
        (d, t)
    }

    /// `n` one-line reports over 13 × 7 term patterns: many similar
    /// sentences, so graph bounds have something to cut.
    fn market_reports(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "Market report {} on topic{} and market news.\n",
                    i % 13,
                    i % 7
                )
            })
            .collect()
    }

    const TEXT: &str = "The army shelled the northern town on Monday.\n\
        Rebels in the northern town said the shelling killed ten people.\n\
        Peace talks are due to resume in Geneva next week.\n\
        The talks in Geneva will include the rebels.\n\
        Weather was fine.";

    /// The graph must equal the naive all-pairs computation.
    #[test]
    fn sparse_cosine_matches_naive_all_pairs() {
        let (d, t) = terms(TEXT);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &GraphOptions::EXACT);
        let v = tfidf_vectors(&t, &idf);
        for i in 0..t.len() {
            for j in 0..t.len() {
                let expected = if i == j { 0.0 } else { v[i].cosine(&v[j]) };
                assert!((g.weight(i, j) - expected).abs() < 1e-12, "{i} {j}");
            }
        }
        assert!(g.is_symmetric());
        // Sentence 4 shares nothing.
        assert_eq!(g.row(4).0.len(), 0);
        assert!(g.weight(0, 1) > 0.0 && g.weight(2, 3) > 0.0);
    }

    #[test]
    fn overlap_matches_mihalcea_formula() {
        let (_, t) = terms(TEXT);
        let g = similarity_graph(&t, PairWeight::Overlap, &GraphOptions::EXACT);
        // Sentences 2 and 3 share "talk" and "geneva".
        let expected = 2.0 / ((t[2].len as f64).ln() + (t[3].len as f64).ln());
        assert!((g.weight(2, 3) - expected).abs() < 1e-12);
        assert!(g.is_symmetric());
    }

    /// gensim's BM25 written out naively for one pair.
    fn naive_bm25(t: &[TermCounts], q: usize, d: usize, p: Bm25Params) -> f64 {
        let n = t.len() as f64;
        let avgdl = t.iter().map(|s| s.len as f64).sum::<f64>() / n;
        let df = |term: u32| t.iter().filter(|s| s.count(term) > 0).count() as f64;
        let mut all: Vec<u32> = t.iter().flat_map(|s| s.terms.clone()).collect();
        all.sort_unstable();
        all.dedup();
        let raw = |term: u32| (n - df(term) + 0.5).ln() - (df(term) + 0.5).ln();
        let mean = all.iter().map(|&w| raw(w)).sum::<f64>() / all.len() as f64;
        let idf = |term: u32| {
            if raw(term) < 0.0 {
                p.epsilon * mean
            } else {
                raw(term)
            }
        };
        let mut score = 0.0;
        for (&w, &c) in t[q].terms.iter().zip(&t[q].counts) {
            let f = t[d].count(w) as f64;
            let one = idf(w) * f * (p.k1 + 1.0)
                / (f + p.k1 * (1.0 - p.b + p.b * t[d].len as f64 / avgdl));
            score += c as f64 * one;
        }
        score
    }

    #[test]
    fn bm25_matches_the_naive_formula() {
        let (_, t) = terms(TEXT);
        let p = Bm25Params::default();
        let g = similarity_graph(&t, PairWeight::Bm25(p), &GraphOptions::EXACT);
        for i in 0..t.len() {
            for j in i + 1..t.len() {
                let forward = naive_bm25(&t, i, j, p);
                let expected = if forward != 0.0 {
                    forward
                } else {
                    naive_bm25(&t, j, i, p)
                };
                assert!((g.weight(i, j) - expected.max(0.0)).abs() < 1e-9, "{i} {j}");
            }
        }
    }

    #[test]
    fn bm25_is_symmetric_and_positive() {
        let (_, t) = terms(TEXT);
        let g = similarity_graph(
            &t,
            PairWeight::Bm25(Bm25Params::default()),
            &GraphOptions::EXACT,
        );
        assert!(g.is_symmetric());
        assert!(g.weight(0, 1) > 0.0);
        assert!(g.weights.iter().all(|&w| w > 0.0));
    }

    #[test]
    fn caps_bound_rows_and_break_ties_by_column() {
        // Ten identical sentences: every pair has the same weight.
        let text = "Rain fell on Paris.\n".repeat(10);
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let opts = GraphOptions {
            exact_up_to: 0,
            max_neighbours: Some(3),
            ..GraphOptions::EXACT
        };
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &opts);
        assert_eq!(g.row(0).0, &[1, 2, 3]);
        assert_eq!(g.row(5).0, &[0, 1, 2]);
        let hubs = GraphOptions {
            exact_up_to: 0,
            max_term_df: 9,
            ..GraphOptions::EXACT
        };
        assert_eq!(
            similarity_graph(&t, PairWeight::Cosine(&idf), &hubs).edge_count(),
            0
        );
    }

    #[test]
    fn hub_terms_do_not_link_but_still_weigh() {
        // "market" is in every sentence (a hub at max_term_df = 3); only
        // sentences 0 and 3 share another term ("copper").
        let text = "Market copper rose.\nMarket tin fell.\nMarket zinc slid.\n\
            Market copper jumped.\nMarket lead eased.";
        let (d, t) = terms(text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let opts = GraphOptions {
            exact_up_to: 0,
            max_term_df: 3,
            ..GraphOptions::EXACT
        };
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &opts);
        assert_eq!(g.edge_count(), 2);
        let v = tfidf_vectors(&t, &idf);
        let exact = v[0].cosine(&v[3]);
        assert!((g.weight(0, 3) - exact).abs() < 1e-12);
        // The exact graph links everything through "market".
        let all = similarity_graph(&t, PairWeight::Cosine(&idf), &GraphOptions::EXACT);
        assert_eq!(all.edge_count(), 20);
        assert_eq!(all.weight(0, 3), g.weight(0, 3));
    }

    /// Capping (with its pruning shortcut) keeps exactly the k heaviest
    /// edges of the uncapped graph, with the same weights.
    #[test]
    fn capped_rows_are_the_top_of_uncapped_rows() {
        let text: String = (0..300)
            .map(|i| {
                format!(
                    "Report {} on topic{} with topic{} and market news.\n",
                    i % 37,
                    i % 23,
                    i % 7
                )
            })
            .collect();
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        for weight in [PairWeight::Cosine(&idf), PairWeight::Overlap] {
            let uncapped = GraphOptions {
                exact_up_to: 0,
                max_term_df: 20,
                max_neighbours: None,
                min_weight: 0.0,
            };
            let capped = GraphOptions {
                max_neighbours: Some(5),
                ..uncapped
            };
            let full = similarity_graph(&t, weight, &uncapped);
            let top = similarity_graph(&t, weight, &capped);
            assert!(full.edge_count() > top.edge_count());
            for i in 0..t.len() {
                let (cols, ws) = full.row(i);
                let mut row: Vec<(u32, f64)> =
                    cols.iter().copied().zip(ws.iter().copied()).collect();
                row.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                row.truncate(5);
                row.sort_by_key(|&(c, _)| c);
                let (cols, ws) = top.row(i);
                let got: Vec<(u32, f64)> = cols.iter().copied().zip(ws.iter().copied()).collect();
                assert_eq!(got, row, "row {i}");
            }
        }
    }

    /// Documents up to `exact_up_to` sentences get the exact graph whatever
    /// the bounds; one sentence more and the bounds apply.
    #[test]
    fn bounds_engage_only_above_exact_up_to() {
        let text = market_reports(120);
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let exact = similarity_graph(&t, PairWeight::Cosine(&idf), &GraphOptions::EXACT);
        let tight = GraphOptions {
            exact_up_to: t.len(),
            max_term_df: 10,
            max_neighbours: Some(4),
            min_weight: 0.0,
        };
        assert_eq!(
            similarity_graph(&t, PairWeight::Cosine(&idf), &tight),
            exact
        );
        let engaged = GraphOptions {
            exact_up_to: t.len() - 1,
            ..tight
        };
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &engaged);
        assert!(g.edge_count() <= 4 * t.len() && g.edge_count() < exact.edge_count());
    }

    /// The dropped weight of each row is the exact graph's row sum minus
    /// what the bounded row kept, for the cosine and the overlap weight.
    #[test]
    fn dropped_weight_is_what_the_bounds_left_out() {
        let text = market_reports(200);
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let bounded = GraphOptions {
            exact_up_to: 0,
            max_term_df: 40,
            max_neighbours: Some(3),
            min_weight: 0.0,
        };
        for weight in [PairWeight::Cosine(&idf), PairWeight::Overlap] {
            let exact = similarity_graph(&t, weight, &GraphOptions::EXACT);
            let g = similarity_graph(&t, weight, &bounded);
            assert!(g.edge_count() <= 3 * t.len());
            for i in 0..t.len() {
                assert_eq!(exact.dropped(i), 0.0);
                let full: f64 = exact.row(i).1.iter().sum();
                let kept: f64 = g.row(i).1.iter().sum();
                assert!((g.dropped(i) - (full - kept)).abs() < 1e-9, "row {i}");
            }
        }
        // BM25 is not separable: nothing recorded.
        let g = similarity_graph(&t, PairWeight::Bm25(Bm25Params::default()), &bounded);
        assert!((0..t.len()).all(|i| g.dropped(i) == 0.0));
    }

    /// With the dropped weight routed as `pagerank` does, a graph capped to
    /// 4 neighbours ranks like the exact graph; without it, it does not.
    #[test]
    fn capped_pagerank_follows_the_exact_ranking() {
        let text: String = (0..300)
            .map(|i| {
                format!(
                    "Officials in region{} said talks on topic{} and topic{} would go on.\n",
                    i % 11,
                    i % 23,
                    i % 5
                )
            })
            .collect();
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let ranked = |g: &SimilarityGraph| {
            let r = pagerank(g, &PageRankOptions::default(), None);
            let mut order: Vec<usize> = (0..r.len()).collect();
            order.sort_by(|&a, &b| r[b].total_cmp(&r[a]).then(a.cmp(&b)));
            (r, order)
        };
        let exact = similarity_graph(&t, PairWeight::Cosine(&idf), &GraphOptions::EXACT);
        let capped = GraphOptions {
            exact_up_to: 0,
            max_term_df: 60,
            max_neighbours: Some(4),
            min_weight: 0.0,
        };
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &capped);
        let (re, oe) = ranked(&exact);
        let (rg, og) = ranked(&g);
        let top = |o: &[usize]| {
            o[..20]
                .iter()
                .copied()
                .collect::<std::collections::BTreeSet<_>>()
        };
        let shared = top(&oe).intersection(&top(&og)).count();
        assert!(shared >= 18, "{shared} of the exact top 20");
        let error: f64 = re.iter().zip(&rg).map(|(a, b)| (a - b).abs()).sum();
        // The same graph without the dropped weights ranks much worse.
        let plain = g.filter_map(|_, _, w| Some(w));
        let (rp, op) = ranked(&plain);
        let plain_error: f64 = re.iter().zip(&rp).map(|(a, b)| (a - b).abs()).sum();
        assert!(error < plain_error / 4.0, "{error} vs {plain_error}");
        assert!(top(&oe).intersection(&top(&op)).count() < shared);
    }

    #[test]
    fn same_graph_at_any_thread_count() {
        let text: String = (0..400)
            .map(|i| {
                format!(
                    "Story {} about topic{} and topic{} said officials.\n",
                    i,
                    i % 17,
                    i % 5
                )
            })
            .collect();
        let (d, t) = terms(&text);
        let idf = Idf::from_sentences(&t, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let build = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                // Bounds on (they engage above `exact_up_to`).
                let bounded = GraphOptions {
                    exact_up_to: 0,
                    max_term_df: 30,
                    ..GraphOptions::default()
                };
                let g = similarity_graph(&t, PairWeight::Cosine(&idf), &bounded);
                let r = pagerank(&g, &PageRankOptions::default(), None);
                (g, r)
            })
        };
        let (g1, r1) = build(1);
        let (g3, r3) = build(3);
        assert_eq!(g1, g3);
        assert_eq!(r1, r3);
    }

    /// The plain definition of [`forward_sums`]: row `i` of the graph,
    /// its weights after `i` summed in column order.
    fn forward_from_graph(g: &SimilarityGraph) -> Vec<f64> {
        (0..g.len())
            .map(|i| {
                let (cols, ws) = g.row(i);
                let mut sum = 0.0;
                for (&j, &w) in cols.iter().zip(ws) {
                    if j as usize > i {
                        sum += w;
                    }
                }
                sum
            })
            .collect()
    }

    /// Random sentences over a small vocabulary (term 0 in most of them,
    /// so there are hubs), some empty, with repeated terms.
    fn random_sentences(n: usize, seed: u64) -> Vec<TermCounts> {
        let mut state = seed;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        (0..n)
            .map(|_| {
                let mut counts = std::collections::BTreeMap::new();
                for _ in 0..next(9) {
                    let t = if next(3) == 0 { 0 } else { next(40) as u32 };
                    *counts.entry(t).or_insert(0u32) += 1;
                }
                TermCounts {
                    len: counts.values().sum(),
                    terms: counts.keys().copied().collect(),
                    counts: counts.values().copied().collect(),
                }
            })
            .collect()
    }

    #[test]
    fn forward_sums_match_the_graph_bit_for_bit() {
        let mut cases: Vec<Vec<TermCounts>> = vec![
            terms(TEXT).1,
            terms(&market_reports(40)).1,
            // More than one chunk of rows.
            terms(&market_reports(600)).1,
            Vec::new(),
        ];
        for (n, seed) in [(1, 1), (2, 2), (30, 3), (120, 4), (300, 5)] {
            cases.push(random_sentences(n, seed));
        }
        let bounded = GraphOptions {
            exact_up_to: 20,
            max_term_df: 10,
            max_neighbours: Some(3),
            min_weight: 0.0,
        };
        let options = [
            GraphOptions::default(),
            GraphOptions::EXACT,
            bounded,
            GraphOptions {
                min_weight: 0.05,
                ..GraphOptions::default()
            },
            GraphOptions {
                min_weight: -1.0,
                ..GraphOptions::default()
            },
        ];
        let mut engaged = [false; 2];
        for t in &cases {
            let vocab = term_bound(t);
            let smooth = Idf::from_sentences(t, vocab, IdfFormula::Smooth);
            let plain = Idf::from_sentences(t, vocab, IdfFormula::Plain);
            let weights = [
                PairWeight::Cosine(&smooth),
                PairWeight::Cosine(&plain),
                PairWeight::Overlap,
                PairWeight::Bm25(Bm25Params::default()),
            ];
            for weight in weights {
                for o in &options {
                    let fast = forward_sums(t, weight, o);
                    let plain = forward_from_graph(&similarity_graph(t, weight, o));
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&fast), bits(&plain), "{} sentences, {o:?}", t.len());
                    engaged[usize::from(t.len() > o.exact_up_to)] |= fast.iter().any(|&x| x > 0.0);
                }
            }
        }
        // Both paths (direct and through the bounded graph) were compared
        // on non-trivial sums.
        assert_eq!(engaged, [true, true]);
    }

    #[test]
    fn symmetric_builder_matches_the_row_builder_bit_for_bit() {
        let mut cases: Vec<Vec<TermCounts>> = vec![
            terms(TEXT).1,
            terms(&market_reports(40)).1,
            // More than one chunk of rows.
            terms(&market_reports(600)).1,
            Vec::new(),
        ];
        for (n, seed) in [(1, 1), (2, 2), (30, 3), (120, 4), (300, 5), (700, 6)] {
            cases.push(random_sentences(n, seed));
        }
        let mut compared = 0;
        for t in &cases {
            let vocab = term_bound(t);
            let smooth = Idf::from_sentences(t, vocab, IdfFormula::Smooth);
            let plain = Idf::from_sentences(t, vocab, IdfFormula::Plain);
            let weights = [
                PairWeight::Cosine(&smooth),
                PairWeight::Cosine(&plain),
                PairWeight::Overlap,
            ];
            for weight in weights {
                for min_weight in [0.0, 0.05, 0.3] {
                    let fast = symmetric::symmetric_graph(t, weight, min_weight);
                    let options = GraphOptions {
                        min_weight,
                        ..GraphOptions::EXACT
                    };
                    let rows = graph_by_rows(t, weight, &options);
                    assert_eq!(fast.offsets, rows.offsets, "{} sentences", t.len());
                    assert_eq!(fast.columns, rows.columns, "{} sentences", t.len());
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&fast.weights), bits(&rows.weights));
                    assert!(fast.dropped.is_empty() && rows.dropped.is_empty());
                    compared += rows.edge_count();
                    // Its own transpose, with and without self-loops, as
                    // pagerank assumes when it skips transposing.
                    for g in [fast.clone(), fast.with_diagonal(|i| Some(i as f64 + 0.5))] {
                        assert!(g.symmetric);
                        let t = g.transpose();
                        assert_eq!((&t.offsets, &t.columns), (&g.offsets, &g.columns));
                        assert_eq!(bits(&t.weights), bits(&g.weights));
                    }
                    // And the public entry point takes the symmetric path.
                    assert_eq!(similarity_graph(t, weight, &options), fast);
                }
            }
        }
        assert!(compared > 10_000, "{compared} edges compared");
    }

    #[test]
    fn flow_in_adds_in_edge_order() {
        // Sums whose value depends on the order of additions.
        let rank = [1e16, 1.0, -1e16, 3.0, 0.5, 7.0];
        for len in 0..=12 {
            let js: Vec<u32> = (0..len).map(|k| ((k * 5 + 1) % 6) as u32).collect();
            let ps: Vec<f64> = (0..len).map(|k| 1.0 + k as f64 / 3.0).collect();
            let mut plain = 0.0;
            for (&j, &p) in js.iter().zip(&ps) {
                plain += rank[j as usize] * p;
            }
            let fast: f64 = flow_in(&js, &ps, &rank);
            assert_eq!(fast.to_bits(), plain.to_bits(), "{len} edges");
        }
    }

    #[test]
    fn pagerank_on_small_graphs() {
        // A star: the hub ranks first; scores sum to 1.
        let star = SimilarityGraph::from_rows(vec![
            vec![(1, 1.0), (2, 1.0), (3, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
        ]);
        let r = pagerank(&star, &PageRankOptions::default(), None);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-12);
        // No edges: the teleport distribution.
        let empty = SimilarityGraph::from_rows(vec![vec![], vec![]]);
        assert_eq!(
            pagerank(&empty, &PageRankOptions::default(), None),
            vec![0.5, 0.5]
        );
        let p = pagerank(&empty, &PageRankOptions::default(), Some(&[3.0, 1.0]));
        assert!((p[0] - 0.75).abs() < 1e-12);
        assert!(pagerank(
            &SimilarityGraph::default(),
            &PageRankOptions::default(),
            None
        )
        .is_empty());
    }

    #[test]
    fn diagonal_is_inserted_in_column_order() {
        let g = SimilarityGraph::from_rows(vec![
            vec![(1, 2.0), (2, 0.5)],
            vec![(0, 2.0), (1, 9.0)],
            vec![(0, 0.5)],
            vec![],
        ]);
        let d = g.with_diagonal(|i| (i != 2).then_some(1.0));
        let expected = SimilarityGraph::from_rows(vec![
            vec![(0, 1.0), (1, 2.0), (2, 0.5)],
            vec![(0, 2.0), (1, 1.0)],
            vec![(0, 0.5)],
            vec![(3, 1.0)],
        ]);
        assert_eq!(d, expected);
        assert_eq!(g.with_diagonal(|_| None), g);
    }

    #[test]
    fn transpose_and_filter() {
        let g = SimilarityGraph::from_rows(vec![
            vec![(1, 2.0), (2, 0.5)],
            vec![],
            vec![(0, 1.0), (9, 1.0)],
        ]);
        assert_eq!(g.edge_count(), 3);
        let t = g.transpose();
        assert_eq!(t.row(0), (&[2u32][..], &[1.0][..]));
        assert_eq!(t.row(1), (&[0u32][..], &[2.0][..]));
        let f = g.filter_map(|_, _, w| (w > 0.6).then_some(1.0));
        assert_eq!(f.edge_count(), 2);
        assert_eq!(f.weight(0, 2), 0.0);
        assert_eq!(g.row(7).0.len(), 0);
    }
}
