//! The exact graph of a symmetric pair weight, each pair computed once
//! ([`symmetric_graph`]).
//!
//! The general builder (`graph_by_rows` in the parent module) computes every
//! row on its own: pair `(i, j)` is summed once in row `i` and again in row
//! `j`, and each row's entries are gathered in visiting order and sorted by
//! column. For the cosine and the overlap weight on a document the bounds
//! leave exact (the usual case: every news article), neither is needed. The
//! two sums of a pair are the same bits — each adds the products of the
//! shared terms' factors in ascending term order, and a term's factor is
//! the same as row and as column (`own = val`), so the products are equal —
//! so the pair is summed once, from its earlier sentence, exactly as
//! [`forward_sums`](super::forward_sums) sums it (same index, same order of
//! additions). Row `i`'s entries after `i` come out in ascending column by
//! scanning the running sums in order; its entries before `i` are the
//! earlier rows' entries for `i`, which arrive in ascending order because
//! rows are finished in ascending order. No row is sorted.
//!
//! `tests` in the parent module compare this graph with the general
//! builder's bit for bit.

use super::forward::{ForwardIndex, PairScale};
use super::{PairWeight, SimilarityGraph};
use crate::vectors::TermCounts;
use rayon::prelude::*;

/// Row `i`'s edges to sentences after `i`, in ascending column order, for
/// a range of rows.
struct Upper {
    /// Number of edges of each row of the range.
    lengths: Vec<usize>,
    columns: Vec<u32>,
    weights: Vec<f64>,
}

/// The exact similarity graph for a symmetric pair weight (cosine or
/// overlap; any other weight gives an empty graph, the caller never passes
/// one) with edges kept when `w > min_weight` and finite. The caller
/// guarantees `min_weight >= 0`, so a pair sharing no term (weight 0, no
/// edge in the general builder) is rightly left out.
pub(super) fn symmetric_graph(
    sentences: &[TermCounts],
    weight: PairWeight<'_>,
    min_weight: f64,
) -> SimilarityGraph {
    let n = sentences.len();
    if matches!(weight, PairWeight::Bm25(_)) {
        return SimilarityGraph::from_rows(vec![Vec::new(); n]);
    }
    let index = ForwardIndex::build(sentences, weight);
    let scale = PairScale::new(sentences, weight);
    let upper = |range: std::ops::Range<usize>| -> Upper {
        let mut out = Upper {
            lengths: Vec::with_capacity(range.len()),
            columns: Vec::new(),
            weights: Vec::new(),
        };
        // Pair sums of the current row by sentence; every slot the row
        // touches is read back and reset by the scan below.
        let mut acc = vec![0.0f64; n];
        for i in range {
            let before = out.columns.len();
            // The last sentence the row touches: postings are in sentence
            // order, so each link's last posting is its highest.
            let mut last = i;
            for link in index.links_of(i) {
                let postings = &index.postings[link.from..link.to];
                for p in postings {
                    acc[p.sentence as usize] += link.own * p.val;
                }
                if let Some(p) = postings.last() {
                    last = last.max(p.sentence as usize);
                }
            }
            for (j, slot) in acc.iter_mut().enumerate().take(last + 1).skip(i + 1) {
                let w = scale.weight(i, j, std::mem::take(slot));
                if w > min_weight && w.is_finite() {
                    out.columns.push(j as u32);
                    out.weights.push(w);
                }
            }
            out.lengths.push(out.columns.len() - before);
        }
        out
    };
    // Rows are independent: chunks of rows in parallel on long documents
    // (order-preserving collect), one pass on short ones.
    const CHUNK: usize = 256;
    let parts: Vec<Upper> = if n <= CHUNK {
        vec![upper(0..n)]
    } else {
        (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| upper(c * CHUNK..n.min((c + 1) * CHUNK)))
            .collect()
    };
    drop(index);

    // Row i holds its edges to earlier sentences (one per upper edge
    // (j, i), j < i), then its upper edges.
    let mut before = vec![0usize; n];
    for part in &parts {
        for &c in &part.columns {
            before[c as usize] += 1;
        }
    }
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut i = 0;
    for part in &parts {
        for &len in &part.lengths {
            offsets.push(offsets[i] + before[i] + len);
            i += 1;
        }
    }
    let edges = offsets[n];
    let mut columns = vec![0u32; edges];
    let mut weights = vec![0.0f64; edges];
    // `next[i]`: where row i's next edge to an earlier sentence goes. Rows
    // are finished in ascending order, so by the time row i copies its
    // upper edges after them, all of them are in place, ascending.
    let mut next = before;
    next.copy_from_slice(&offsets[..n]);
    let mut i = 0;
    for part in &parts {
        let mut k = 0;
        for &len in &part.lengths {
            let cols = &part.columns[k..k + len];
            let ws = &part.weights[k..k + len];
            let at = next[i];
            columns[at..at + len].copy_from_slice(cols);
            weights[at..at + len].copy_from_slice(ws);
            for (&j, &w) in cols.iter().zip(ws) {
                let slot = next[j as usize];
                columns[slot] = i as u32;
                weights[slot] = w;
                next[j as usize] += 1;
            }
            k += len;
            i += 1;
        }
    }
    SimilarityGraph {
        offsets,
        columns,
        weights,
        dropped: Vec::new(),
        symmetric: true,
    }
}
