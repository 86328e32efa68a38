//! Forward similarity sums without the graph ([`forward_sums`]).
//!
//! PACSUM-style forward centrality — for each sentence, the sum of its
//! similarities to the sentences after it — is all the default scorer's
//! fitted model reads from the similarity graph. Building the graph for it
//! computes every pair twice (once per row), stores and sorts every row and
//! then throws most of it away; summing the forward half directly visits
//! each pair once, from its earlier sentence, and stores nothing per pair.
//! The result must stay bit-identical to summing the graph's rows (the
//! scores, and so the summaries, may not change), which is why the sums
//! follow the graph's order of floating-point additions step by step (see
//! [`forward_sums`]); `tests` in the parent module compare the two bit for
//! bit on real and generated documents, bounds on and off.

use super::{cosine_factor, similarity_graph, GraphOptions, PairWeight};
use crate::vectors::{term_bound, tfidf_norm, TermCounts};
use rayon::prelude::*;

/// Each sentence's *forward* similarity: `Σ_{j>i} w(i, j)` over the edges
/// of row `i` of [`similarity_graph`]`(sentences, weight, options)`, summed
/// in ascending `j` — bit for bit what summing those graph rows gives.
///
/// PACSUM-style forward centrality (the default scorer's) needs nothing
/// else of the graph, and on a document the bounds leave exact (at most
/// [`GraphOptions::exact_up_to`] sentences, the usual case) it is much
/// cheaper to sum it directly: each pair is visited once, from its earlier
/// sentence, and no row is stored, sorted or cut. The sums are the same
/// because the steps are: pair `(i, j)` adds its shared terms' products
/// `own_i(t) · val_j(t)` (the same factors, [`cosine_factor`] or 1) in
/// ascending term order starting from 0, exactly as [`similarity_graph`]'s
/// row does; a pair is kept under the same test (`w` finite and
/// `> min_weight`); and row `i`'s kept weights after `i` are added in
/// ascending `j`. A pair sharing no term has weight 0 here and no edge
/// there, the same thing when `min_weight >= 0`.
///
/// Falls back to building the graph when the bounds apply (which pairs
/// they keep depends on the whole row), for a negative `min_weight`, and
/// for BM25 (whose pair weight needs both directions).
pub fn forward_sums(
    sentences: &[TermCounts],
    weight: PairWeight<'_>,
    options: &GraphOptions,
) -> Vec<f64> {
    let n = sentences.len();
    let direct = n <= options.exact_up_to
        && options.min_weight >= 0.0
        && !matches!(weight, PairWeight::Bm25(_));
    if !direct {
        let graph = similarity_graph(sentences, weight, options);
        return (0..n)
            .map(|i| {
                let (cols, ws) = graph.row(i);
                let mut sum = 0.0;
                for (&j, &w) in cols.iter().zip(ws) {
                    if j as usize > i {
                        sum += w;
                    }
                }
                sum
            })
            .collect();
    }
    let index = ForwardIndex::build(sentences, weight);
    let scale = PairScale::new(sentences, weight);
    // Rows are independent: chunks of rows in parallel on long documents
    // (order-preserving collect), one pass on short ones.
    const CHUNK: usize = 256;
    let rows = |range: std::ops::Range<usize>| -> Vec<f64> {
        // Pair sums of the current row, by sentence (those after the row
        // are zeroed for each row).
        let mut acc = vec![0.0f64; n];
        range
            .map(|i| {
                acc[i + 1..].fill(0.0);
                for link in index.links_of(i) {
                    for p in &index.postings[link.from..link.to] {
                        acc[p.sentence as usize] += link.own * p.val;
                    }
                }
                let mut sum = 0.0;
                for (j, &pair_sum) in acc.iter().enumerate().skip(i + 1) {
                    let w = scale.weight(i, j, pair_sum);
                    if w > options.min_weight && w.is_finite() {
                        sum += w;
                    }
                }
                sum
            })
            .collect()
    };
    if n <= CHUNK {
        rows(0..n)
    } else {
        let parts: Vec<Vec<f64>> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| rows(c * CHUNK..n.min((c + 1) * CHUNK)))
            .collect();
        parts.concat()
    }
}

/// A posting of [`ForwardIndex`]: a sentence holding the term and the
/// term's factor there.
#[derive(Clone, Copy)]
pub(super) struct ForwardPosting {
    pub(super) sentence: u32,
    pub(super) val: f64,
}

/// One term of a sentence that later sentences share: its factor in the
/// sentence and the range of postings holding those later sentences.
#[derive(Clone, Copy)]
pub(super) struct Link {
    pub(super) own: f64,
    pub(super) from: usize,
    pub(super) to: usize,
}

/// The inverted index [`forward_sums`] walks: per term, its postings in
/// sentence order; per sentence, its [`Link`]s in term order — for each of
/// its terms that a later sentence also holds, the postings after its own.
/// For the cosine and the overlap weight a term's factor is the same as row
/// and as column (`own = val`), so one value per posting serves both. The
/// postings of a term only one sentence holds are never read, so they are
/// left unfilled. [`super::symmetric`] walks the same index to build whole
/// exact graphs.
pub(super) struct ForwardIndex {
    pub(super) postings: Vec<ForwardPosting>,
    links: Vec<Link>,
    /// Sentence `i`'s links are `links[link_start[i]..link_start[i + 1]]`.
    link_start: Vec<usize>,
}

impl ForwardIndex {
    pub(super) fn build(sentences: &[TermCounts], weight: PairWeight<'_>) -> ForwardIndex {
        let vocab = term_bound(sentences);
        let entries: usize = sentences.iter().map(|s| s.terms.len()).sum();
        // Counting sort by term: term t's postings are
        // `start[t]..start[t + 1]`, and `next[t]` is where its next one
        // goes. Sentences are visited in order, so each term's postings
        // come out in sentence order.
        let mut start = vec![0usize; vocab + 1];
        for s in sentences {
            for &t in &s.terms {
                start[t as usize + 1] += 1;
            }
        }
        for t in 0..vocab {
            start[t + 1] += start[t];
        }
        let mut next = start.clone();
        let empty = ForwardPosting {
            sentence: 0,
            val: 0.0,
        };
        let mut postings = vec![empty; entries];
        let mut links = Vec::with_capacity(entries);
        let mut link_start = Vec::with_capacity(sentences.len() + 1);
        for (i, s) in sentences.iter().enumerate() {
            link_start.push(links.len());
            let norm = match weight {
                PairWeight::Cosine(idf) => tfidf_norm(s, idf),
                _ => 0.0,
            };
            for (&t, &c) in s.terms.iter().zip(&s.counts) {
                let t = t as usize;
                if start[t + 1] - start[t] < 2 {
                    // No other sentence holds the term (most terms): its
                    // posting would never be read.
                    continue;
                }
                let val = match weight {
                    PairWeight::Cosine(idf) => cosine_factor(c, idf.get(t as u32), norm),
                    _ => 1.0,
                };
                let slot = next[t];
                next[t] += 1;
                postings[slot] = ForwardPosting {
                    sentence: i as u32,
                    val,
                };
                if slot + 1 < start[t + 1] {
                    links.push(Link {
                        own: val,
                        from: slot + 1,
                        to: start[t + 1],
                    });
                }
            }
        }
        link_start.push(links.len());
        ForwardIndex {
            postings,
            links,
            link_start,
        }
    }

    /// Sentence `sentence`'s links, in term order.
    pub(super) fn links_of(&self, sentence: usize) -> &[Link] {
        &self.links[self.link_start[sentence]..self.link_start[sentence + 1]]
    }
}

/// Turns a pair's summed term products into its weight, as the graph
/// builders do: overlap divides by `ln|S_i| + ln|S_j|` (0 when that is not
/// positive); cosine's factors are already in the products.
pub(super) struct PairScale {
    /// `ln` of each sentence's length, for overlap only (empty otherwise).
    ln_lens: Vec<f64>,
    overlap: bool,
}

impl PairScale {
    pub(super) fn new(sentences: &[TermCounts], weight: PairWeight<'_>) -> Self {
        let overlap = matches!(weight, PairWeight::Overlap);
        let ln_lens = if overlap {
            sentences.iter().map(|s| (s.len as f64).ln()).collect()
        } else {
            Vec::new()
        };
        PairScale { ln_lens, overlap }
    }

    /// The weight of pair `(i, j)` whose term products add up to `sum`.
    #[inline(always)]
    pub(super) fn weight(&self, i: usize, j: usize, sum: f64) -> f64 {
        if !self.overlap {
            return sum;
        }
        let denom = self.ln_lens[i] + self.ln_lens[j];
        if denom > 0.0 {
            sum / denom
        } else {
            0.0
        }
    }
}
