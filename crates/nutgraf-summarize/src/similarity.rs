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
//!    same products in the same order as row `i`.
//! 3. **Bounds that keep it sub-quadratic** ([`GraphOptions`]):
//!    * `max_term_df`: a term found in more than this many sentences does not
//!      link sentences (its postings are skipped). Such terms are common
//!      words of a huge document ("said" in a 100,000-sentence file); under
//!      idf weighting they add little, and visiting their postings is what
//!      makes the all-pairs step quadratic. Documents with at most
//!      `max_term_df` sentences are never affected. Skipped terms still
//!      count in the vector norms of [`PairWeight::Cosine`].
//!    * `max_neighbours`: each row keeps at most this many neighbours, the
//!      heaviest ones, ties broken by the lower column index. This bounds
//!      memory at `n × max_neighbours` edges. Documents with at most
//!      `max_neighbours + 1` sentences are never affected. A capped graph
//!      may be asymmetric (i keeps j but j drops i); [`pagerank`] treats the
//!      graph as directed, so that is fine.
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

use crate::vectors::{tfidf_vector, Idf, TermCounts};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

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
            max_term_df: 2000,
            max_neighbours: Some(128),
            min_weight: 0.0,
        }
    }
}

impl GraphOptions {
    /// No limits: the exact graph (quadratic on huge documents).
    pub const EXACT: GraphOptions = GraphOptions {
        max_term_df: usize::MAX,
        max_neighbours: None,
        min_weight: 0.0,
    };
}

/// A sparse weighted graph over sentences `0..n` in compressed-row form:
/// row `i` lists its neighbours in ascending column order with their
/// weights. No self-loops unless added with [`SimilarityGraph::from_rows`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimilarityGraph {
    offsets: Vec<usize>,
    columns: Vec<u32>,
    weights: Vec<f64>,
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
    /// edges for which it returns `None` (e.g. LexRank's threshold).
    pub fn filter_map(&self, f: impl Fn(usize, usize, f64) -> Option<f64>) -> SimilarityGraph {
        let mut out = SimilarityGraph {
            offsets: Vec::with_capacity(self.offsets.len()),
            columns: Vec::new(),
            weights: Vec::new(),
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

    /// The graph with every edge reversed; rows stay sorted by column.
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
        }
    }

    /// True when every edge `i → j` has an edge `j → i` of the same weight.
    pub fn is_symmetric(&self) -> bool {
        let t = self.transpose();
        t.columns == self.columns && t.weights == self.weights
    }
}

/// Per-term lists of `(sentence, value)`, sorted by sentence.
struct InvertedIndex {
    offsets: Vec<usize>,
    sentences: Vec<u32>,
    values: Vec<f64>,
}

impl InvertedIndex {
    /// Indexes the terms of `rows`; `value(i, k)` is stored for the k-th term
    /// of sentence i. Terms in fewer than 2 or more than `max_df` sentences
    /// get empty postings (they cannot link anything, or are too common).
    fn build(
        rows: &[TermCounts],
        max_df: usize,
        value: impl Fn(usize, usize) -> f64,
    ) -> InvertedIndex {
        let vocab = rows
            .iter()
            .filter_map(|r| r.terms.last())
            .max()
            .map_or(0, |&t| t as usize + 1);
        let mut df = vec![0usize; vocab];
        for r in rows {
            for &t in &r.terms {
                df[t as usize] += 1;
            }
        }
        let keep = |d: usize| d >= 2 && d <= max_df;
        let mut offsets = vec![0usize; vocab + 1];
        for t in 0..vocab {
            offsets[t + 1] = offsets[t] + if keep(df[t]) { df[t] } else { 0 };
        }
        let total = offsets[vocab];
        let mut sentences = vec![0u32; total];
        let mut values = vec![0.0; total];
        let mut next = offsets.clone();
        for (i, r) in rows.iter().enumerate() {
            for (k, &t) in r.terms.iter().enumerate() {
                let t = t as usize;
                if keep(df[t]) {
                    sentences[next[t]] = i as u32;
                    values[next[t]] = value(i, k);
                    next[t] += 1;
                }
            }
        }
        InvertedIndex {
            offsets,
            sentences,
            values,
        }
    }

    fn postings(&self, term: u32) -> (&[u32], &[f64]) {
        let t = term as usize;
        if t + 1 >= self.offsets.len() {
            return (&[], &[]);
        }
        let range = self.offsets[t]..self.offsets[t + 1];
        (&self.sentences[range.clone()], &self.values[range])
    }
}

/// Per-thread scratch space for one row: accumulators indexed by sentence,
/// and the list of sentences touched (to reset only those).
struct Scratch {
    forward: Vec<f64>,
    backward: Vec<f64>,
    seen: Vec<bool>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            forward: vec![0.0; n],
            backward: vec![0.0; n],
            seen: vec![false; n],
            touched: Vec::new(),
        }
    }
}

/// What each row needs besides the postings.
enum Prepared {
    /// Unit-length tf-idf weights per (sentence, term position).
    Cosine(Vec<Vec<f64>>),
    /// Token counts per sentence.
    Overlap,
    /// Query weight `q_t` per (sentence, term position) and the document
    /// part `idf_t · f (k1+1) / (f + k1(…))` per (sentence, term position).
    Bm25 {
        query: Vec<Vec<f64>>,
        doc: Vec<Vec<f64>>,
    },
}

/// Builds the sparse similarity graph of `sentences` (see the module docs).
/// Runs rows in parallel on the current rayon pool; the result does not
/// depend on the number of threads.
pub fn similarity_graph(
    sentences: &[TermCounts],
    weight: PairWeight<'_>,
    options: &GraphOptions,
) -> SimilarityGraph {
    let n = sentences.len();
    let prepared = prepare(sentences, weight);
    let index = match &prepared {
        Prepared::Cosine(unit) => {
            InvertedIndex::build(sentences, options.max_term_df, |i, k| unit[i][k])
        }
        Prepared::Overlap => InvertedIndex::build(sentences, options.max_term_df, |_, _| 1.0),
        Prepared::Bm25 { doc, .. } => {
            InvertedIndex::build(sentences, options.max_term_df, |i, k| doc[i][k])
        }
    };
    // A second index for BM25's reverse direction: the query weight of j.
    let reverse = match &prepared {
        Prepared::Bm25 { query, .. } => Some(InvertedIndex::build(
            sentences,
            options.max_term_df,
            |i, k| query[i][k],
        )),
        _ => None,
    };

    let rows: Vec<Vec<(u32, f64)>> = (0..n)
        .into_par_iter()
        .with_min_len(32)
        .map_init(
            || Scratch::new(n),
            |scratch, i| {
                row(
                    i,
                    sentences,
                    &prepared,
                    &index,
                    reverse.as_ref(),
                    options,
                    scratch,
                )
            },
        )
        .collect();

    let mut graph = SimilarityGraph {
        offsets: Vec::with_capacity(n + 1),
        columns: Vec::with_capacity(rows.iter().map(Vec::len).sum()),
        weights: Vec::new(),
    };
    graph.weights.reserve(graph.columns.capacity());
    graph.offsets.push(0);
    for r in rows {
        for (c, w) in r {
            graph.columns.push(c);
            graph.weights.push(w);
        }
        graph.offsets.push(graph.columns.len());
    }
    graph
}

fn prepare(sentences: &[TermCounts], weight: PairWeight<'_>) -> Prepared {
    match weight {
        PairWeight::Cosine(idf) => Prepared::Cosine(
            sentences
                .iter()
                .map(|s| {
                    // Weights aligned with s.terms (zero-idf terms stay at 0).
                    let norm = tfidf_vector(s, idf).norm();
                    s.terms
                        .iter()
                        .zip(&s.counts)
                        .map(|(&t, &c)| {
                            if norm > 0.0 {
                                c as f64 * idf.get(t) / norm
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .collect(),
        ),
        PairWeight::Overlap => Prepared::Overlap,
        PairWeight::Bm25(p) => {
            let n = sentences.len();
            let vocab = sentences
                .iter()
                .filter_map(|r| r.terms.last())
                .max()
                .map_or(0, |&t| t as usize + 1);
            let mut df = vec![0u64; vocab];
            for s in sentences {
                for &t in &s.terms {
                    df[t as usize] += 1;
                }
            }
            let mut idf = vec![0.0; vocab];
            let (mut idf_sum, mut idf_terms) = (0.0, 0usize);
            for t in 0..vocab {
                if df[t] > 0 {
                    let d = df[t] as f64;
                    idf[t] = (n as f64 - d + 0.5).ln() - (d + 0.5).ln();
                    idf_sum += idf[t];
                    idf_terms += 1;
                }
            }
            let mean_idf = if idf_terms > 0 {
                idf_sum / idf_terms as f64
            } else {
                0.0
            };
            for v in &mut idf {
                if *v < 0.0 {
                    *v = p.epsilon * mean_idf;
                }
            }
            let total_len: f64 = sentences.iter().map(|s| s.len as f64).sum();
            let avgdl = if n > 0 { total_len / n as f64 } else { 0.0 };
            let query = sentences
                .iter()
                .map(|s| s.counts.iter().map(|&c| c as f64).collect())
                .collect();
            let doc = sentences
                .iter()
                .map(|s| {
                    let len_ratio = if avgdl > 0.0 {
                        s.len as f64 / avgdl
                    } else {
                        0.0
                    };
                    s.terms
                        .iter()
                        .zip(&s.counts)
                        .map(|(&t, &c)| {
                            let f = c as f64;
                            idf[t as usize] * f * (p.k1 + 1.0)
                                / (f + p.k1 * (1.0 - p.b + p.b * len_ratio))
                        })
                        .collect()
                })
                .collect();
            Prepared::Bm25 { query, doc }
        }
    }
}

/// Computes row `i`: accumulate over `i`'s terms in ascending order, then
/// turn the accumulators into weights, then cap.
fn row(
    i: usize,
    sentences: &[TermCounts],
    prepared: &Prepared,
    index: &InvertedIndex,
    reverse: Option<&InvertedIndex>,
    options: &GraphOptions,
    scratch: &mut Scratch,
) -> Vec<(u32, f64)> {
    let me = &sentences[i];
    for (k, &t) in me.terms.iter().enumerate() {
        let (js, values) = index.postings(t);
        // The row's own factor for this term.
        let own = match prepared {
            Prepared::Cosine(unit) => unit[i][k],
            Prepared::Overlap => 1.0,
            Prepared::Bm25 { query, .. } => query[i][k],
        };
        for (&j, &v) in js.iter().zip(values) {
            let ju = j as usize;
            if ju == i {
                continue;
            }
            if !scratch.seen[ju] {
                scratch.seen[ju] = true;
                scratch.touched.push(j);
            }
            scratch.forward[ju] += own * v;
        }
        if let (Some(reverse), Prepared::Bm25 { doc, .. }) = (reverse, prepared) {
            // s(j→i): j's query count times i's document part for this term.
            let mine = doc[i][k];
            let (js, qs) = reverse.postings(t);
            for (&j, &q) in js.iter().zip(qs) {
                if j as usize != i {
                    scratch.backward[j as usize] += q * mine;
                }
            }
        }
    }

    scratch.touched.sort_unstable();
    let mut out = Vec::with_capacity(scratch.touched.len());
    for &j in &scratch.touched {
        let ju = j as usize;
        let acc = scratch.forward[ju];
        let w = match prepared {
            Prepared::Cosine(_) => acc,
            Prepared::Overlap => {
                let denom = (me.len as f64).ln() + (sentences[ju].len as f64).ln();
                if denom > 0.0 {
                    acc / denom
                } else {
                    0.0
                }
            }
            Prepared::Bm25 { .. } => {
                // gensim: the first non-zero of s(lo→hi), s(hi→lo).
                let back = scratch.backward[ju];
                let (lo_hi, hi_lo) = if i < ju { (acc, back) } else { (back, acc) };
                if lo_hi != 0.0 {
                    lo_hi
                } else {
                    hi_lo
                }
            }
        };
        if w.is_finite() && w > options.min_weight {
            out.push((j, w));
        }
        scratch.forward[ju] = 0.0;
        scratch.backward[ju] = 0.0;
        scratch.seen[ju] = false;
    }
    scratch.touched.clear();

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
                out.sort_unstable_by_key(|&(c, _)| c);
            }
        }
    }
    out
}

/// Power-iteration settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageRankOptions {
    /// Probability of following an edge rather than teleporting (0.85).
    pub damping: f64,
    /// Stop when the L1 change between iterations is below this (1e-6).
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
    let out_weight: Vec<f64> = (0..n)
        .map(|i| graph.row(i).1.iter().map(|&w| clean(w)).sum())
        .collect();
    // Incoming edges with transition probabilities w(j,i)/out(j).
    let incoming = graph.transpose().filter_map(|_, j, w| {
        let w = clean(w);
        (w > 0.0).then(|| w / out_weight[j])
    });
    let damping = if options.damping.is_finite() {
        options.damping.clamp(0.0, 1.0)
    } else {
        0.85
    };

    let mut rank = teleport.clone();
    let mut next = vec![0.0; n];
    for _ in 0..options.max_iterations {
        let dangling: f64 = (0..n)
            .filter(|&j| out_weight[j] <= 0.0)
            .map(|j| rank[j])
            .sum();
        next.par_iter_mut()
            .with_min_len(256)
            .enumerate()
            .for_each(|(i, slot)| {
                let (js, ps) = incoming.row(i);
                let mut flow = 0.0;
                for (&j, &p) in js.iter().zip(ps) {
                    flow += rank[j as usize] * p;
                }
                *slot = (1.0 - damping) * teleport[i] + damping * (flow + dangling * teleport[i]);
            });
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < options.tolerance {
            break;
        }
    }
    rank
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
            max_neighbours: Some(3),
            ..GraphOptions::EXACT
        };
        let g = similarity_graph(&t, PairWeight::Cosine(&idf), &opts);
        assert_eq!(g.row(0).0, &[1, 2, 3]);
        assert_eq!(g.row(5).0, &[0, 1, 2]);
        let hubs = GraphOptions {
            max_term_df: 9,
            ..GraphOptions::EXACT
        };
        assert_eq!(
            similarity_graph(&t, PairWeight::Cosine(&idf), &hubs).edge_count(),
            0
        );
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
                let g = similarity_graph(&t, PairWeight::Cosine(&idf), &GraphOptions::default());
                let r = pagerank(&g, &PageRankOptions::default(), None);
                (g, r)
            })
        };
        let (g1, r1) = build(1);
        let (g3, r3) = build(3);
        assert_eq!(g1, g3);
        assert_eq!(r1, r3);
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
