//! LSA: sentence weight in the strongest latent topics of a term × sentence
//! matrix.
//!
//! J. Steinberger and K. Ježek, "Using Latent Semantic Analysis in Text
//! Summarization and Summary Evaluation", *ISIM 2004*.
//!
//! Build the matrix `A` (rows: content stems, columns: candidate sentences),
//! take its singular value decomposition `A = U Σ Vᵀ`, and score sentence `i`
//! by its length in the space of the top `K` singular vectors:
//! `sqrt(Σ_{k<K} σ_k² · v_ik²)`.
//!
//! Follows sumy's `LsaSummarizer` (miso-belica/sumy): non-stop stems as terms,
//! the augmented term frequency `0.4 + 0.6 · tf / max_tf(sentence)` as the
//! default cell weight ([`LsaWeighting::AugmentedTf`]), at least three
//! dimensions, and the Steinberger–Ježek length score. Departures:
//! - sumy applies the augmented formula to empty cells as well, giving every
//!   absent term 0.4; we keep empty cells at 0, the usual definition.
//!   Binary cells (Steinberger & Ježek's choice) and raw counts are options.
//! - Dimensions: we keep `max(min_dimensions, ⌈reduction_ratio · rank⌉)`.
//!   The default ratio 1 is sumy's `REDUCTION_RATIO = 1`: every dimension,
//!   and then `Σ_k σ_k² v_ik² = (AᵀA)_ii`, so the score is simply the norm
//!   of the sentence's column — computed directly, with no SVD (and no term
//!   cap). A ratio below 1 gives the paper's topic-reduced form.
//! - For a ratio below 1 the SVD is computed from the smaller Gram matrix
//!   (`AᵀA`, sentences × sentences, or `AAᵀ`, terms × terms) with nalgebra's
//!   symmetric eigensolver: its eigenvalues are `σ²` and the scores come out
//!   the same, at cubic cost in the *smaller* side only. To bound that cost
//!   on long documents the matrix keeps only the [`Lsa::max_terms`] most
//!   frequent terms (ties broken by first appearance), so the work never
//!   exceeds a `max_terms`-square eigenproblem.

use crate::{Scorer, ScoringContext};
use nalgebra::{DMatrix, SymmetricEigen};
use nutgraf_parse::Document;
use serde::{Deserialize, Serialize};

/// How a term × sentence cell is weighted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LsaWeighting {
    /// 1 when the term occurs in the sentence (Steinberger & Ježek).
    Binary,
    /// Raw count in the sentence.
    Tf,
    /// `0.4 + 0.6 · tf / max_tf` for terms present, 0 otherwise (sumy).
    #[default]
    AugmentedTf,
}

/// Latent semantic analysis scorer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lsa {
    /// Cell weighting.
    pub weighting: LsaWeighting,
    /// Fraction of the non-zero singular values to keep.
    pub reduction_ratio: f64,
    /// Keep at least this many dimensions (when the rank allows).
    pub min_dimensions: usize,
    /// With a reduction ratio below 1, keep only this many of the most
    /// frequent terms (bounds the SVD cost).
    pub max_terms: usize,
}

impl Default for Lsa {
    fn default() -> Self {
        Lsa {
            weighting: LsaWeighting::AugmentedTf,
            reduction_ratio: 1.0,
            min_dimensions: 3,
            max_terms: 200,
        }
    }
}

/// Relative size below which an eigenvalue counts as zero (outside the rank).
const RANK_TOLERANCE: f64 = 1e-10;

/// One column of the term × sentence matrix: `(row, weight)` pairs, rows
/// ascending, zero cells left out.
type Column = Vec<(usize, f64)>;

impl Scorer for Lsa {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let n = context.candidates.len();
        let finite = |s: f64| if s.is_finite() { s } else { 0.0 };
        if self.reduction_ratio >= 1.0 {
            // Every dimension kept: Σ_k σ_k² v_ik² = ‖a_i‖², no SVD needed.
            let (columns, _) = self.columns(doc, context.candidates, usize::MAX);
            return columns
                .iter()
                .map(|c| finite(c.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt()))
                .collect();
        }
        let (columns, m) = self.columns(doc, context.candidates, self.max_terms);
        if n == 0 || m == 0 {
            return vec![0.0; n];
        }
        // Eigen-decompose the smaller Gram matrix (both sides are at most
        // `max_terms` when n > m). `energy[(i, k)]` = σ_k² · v_ik².
        let (values, energy): (Vec<f64>, DMatrix<f64>) = if n <= m {
            // AᵀA: sentence × sentence dot products.
            let mut gram = DMatrix::<f64>::zeros(n, n);
            let mut dense = vec![0.0; m];
            for i in 0..n {
                for &(r, w) in &columns[i] {
                    dense[r] = w;
                }
                for j in i..n {
                    let dot: f64 = columns[j].iter().map(|&(r, w)| dense[r] * w).sum();
                    gram[(i, j)] = dot;
                    gram[(j, i)] = dot;
                }
                for &(r, _) in &columns[i] {
                    dense[r] = 0.0;
                }
            }
            let eig = SymmetricEigen::new(gram);
            let mut e = eig.eigenvectors.clone();
            for (k, &l) in eig.eigenvalues.iter().enumerate() {
                let l = l.max(0.0);
                e.column_mut(k).apply(|x| *x = *x * *x * l);
            }
            (eig.eigenvalues.iter().copied().collect(), e)
        } else {
            // AAᵀ: term × term, summed sentence by sentence.
            let mut gram = DMatrix::<f64>::zeros(m, m);
            for column in &columns {
                for &(r, w) in column {
                    for &(q, v) in column {
                        gram[(r, q)] += w * v;
                    }
                }
            }
            let eig = SymmetricEigen::new(gram);
            // σ_k v_ik = u_kᵀ a_i, so σ_k² v_ik² = (u_kᵀ a_i)².
            let u = &eig.eigenvectors;
            let mut e = DMatrix::<f64>::zeros(n, m);
            for (i, column) in columns.iter().enumerate() {
                for k in 0..m {
                    let p: f64 = column.iter().map(|&(r, w)| u[(r, k)] * w).sum();
                    e[(i, k)] = p * p;
                }
            }
            (eig.eigenvalues.iter().copied().collect(), e)
        };

        // Dimensions by decreasing σ², ties by index.
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
        let top = values[order[0]].max(0.0);
        let rank = values
            .iter()
            .filter(|&&l| l > top * RANK_TOLERANCE && l > 0.0)
            .count();
        let wanted = (self.reduction_ratio.max(0.0) * rank as f64).ceil() as usize;
        let keep = wanted.max(self.min_dimensions).min(rank);

        (0..n)
            .map(|i| {
                let sum: f64 = order[..keep].iter().map(|&k| energy[(i, k)]).sum();
                finite(sum.max(0.0).sqrt())
            })
            .collect()
    }
}

impl Lsa {
    /// The weighted columns of the candidates over the `max_terms` most
    /// frequent content stems, and the number of rows (terms) kept.
    fn columns(
        &self,
        doc: &Document,
        candidates: &[usize],
        max_terms: usize,
    ) -> (Vec<Column>, usize) {
        let vocab = doc.vocabulary.stems.len();
        let mut total = vec![0u32; vocab];
        let mut first_seen = vec![usize::MAX; vocab];
        let mut position = 0usize;
        // (stem, count) per candidate, stems ascending.
        let bags: Vec<Vec<(u32, u32)>> = candidates
            .iter()
            .map(|&i| {
                let mut stems = super::content_stems(doc, i, vocab);
                for &s in &stems {
                    total[s as usize] += 1;
                    if first_seen[s as usize] == usize::MAX {
                        first_seen[s as usize] = position;
                        position += 1;
                    }
                }
                stems.sort_unstable();
                let mut bag: Vec<(u32, u32)> = Vec::new();
                for s in stems {
                    match bag.last_mut() {
                        Some((t, c)) if *t == s => *c += 1,
                        _ => bag.push((s, 1)),
                    }
                }
                bag
            })
            .collect();

        // Rows: the most frequent terms, ties by first appearance.
        let mut terms: Vec<u32> = (0..vocab as u32)
            .filter(|&s| total[s as usize] > 0)
            .collect();
        terms.sort_by(|&a, &b| {
            total[b as usize]
                .cmp(&total[a as usize])
                .then(first_seen[a as usize].cmp(&first_seen[b as usize]))
        });
        terms.truncate(max_terms);
        let mut row_of = vec![usize::MAX; vocab];
        for (row, &t) in terms.iter().enumerate() {
            row_of[t as usize] = row;
        }

        let columns = bags
            .iter()
            .map(|bag| {
                let max_tf = bag.iter().map(|&(_, c)| c).max().unwrap_or(1);
                let mut column: Column = bag
                    .iter()
                    .filter(|&&(stem, _)| row_of[stem as usize] != usize::MAX)
                    .map(|&(stem, count)| {
                        let w = match self.weighting {
                            LsaWeighting::Binary => 1.0,
                            LsaWeighting::Tf => f64::from(count),
                            LsaWeighting::AugmentedTf => {
                                0.4 + 0.6 * f64::from(count) / f64::from(max_tf)
                            }
                        };
                        (row_of[stem as usize], w)
                    })
                    .collect();
                column.sort_unstable_by_key(|&(r, _)| r);
                column
            })
            .collect();
        (columns, terms.len())
    }
}
