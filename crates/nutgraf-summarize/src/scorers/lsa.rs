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

impl Scorer for Lsa {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let n = context.candidates.len();
        let all_dimensions = self.reduction_ratio >= 1.0;
        let max_terms = if all_dimensions {
            usize::MAX
        } else {
            self.max_terms
        };
        let matrix = self.term_sentence_matrix(doc, context.candidates, max_terms);
        let m = matrix.nrows();
        if n == 0 || m == 0 {
            return vec![0.0; n];
        }
        if all_dimensions {
            // Every dimension kept: Σ_k σ_k² v_ik² = ‖a_i‖².
            return (0..n)
                .map(|i| {
                    let s = matrix.column(i).norm_squared().sqrt();
                    if s.is_finite() {
                        s
                    } else {
                        0.0
                    }
                })
                .collect();
        }
        // Eigen-decompose the smaller Gram matrix. In both branches `energy`
        // holds, per sentence and per dimension, σ_k² · v_ik².
        let (values, energy): (Vec<f64>, DMatrix<f64>) = if n <= m {
            let gram = matrix.transpose() * &matrix;
            let eig = SymmetricEigen::new(gram);
            // σ_k² v_ik², with v_k the k-th eigenvector of AᵀA.
            let mut e = eig.eigenvectors.clone();
            for (k, &l) in eig.eigenvalues.iter().enumerate() {
                let l = l.max(0.0);
                e.column_mut(k).apply(|x| *x = *x * *x * l);
            }
            (eig.eigenvalues.iter().copied().collect(), e)
        } else {
            let gram = &matrix * matrix.transpose();
            let eig = SymmetricEigen::new(gram);
            // σ_k v_ik = u_kᵀ a_i, so σ_k² v_ik² = (u_kᵀ a_i)².
            let mut e = matrix.transpose() * &eig.eigenvectors;
            e.apply(|x| *x = *x * *x);
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
        let wanted = (self.reduction_ratio.clamp(0.0, 1.0) * rank as f64).ceil() as usize;
        let keep = wanted.max(self.min_dimensions).min(rank);

        (0..n)
            .map(|i| {
                let sum: f64 = order[..keep].iter().map(|&k| energy[(i, k)]).sum();
                let s = sum.max(0.0).sqrt();
                if s.is_finite() {
                    s
                } else {
                    0.0
                }
            })
            .collect()
    }
}

impl Lsa {
    /// The weighted term × candidate matrix over the kept terms.
    fn term_sentence_matrix(
        &self,
        doc: &Document,
        candidates: &[usize],
        max_terms: usize,
    ) -> DMatrix<f64> {
        // Term counts per candidate, and document frequency order of terms.
        let vocab = doc.vocabulary.stems.len();
        let mut total = vec![0u32; vocab];
        let mut first_seen = vec![usize::MAX; vocab];
        let mut position = 0usize;
        let bags: Vec<Vec<(u32, u32)>> = candidates
            .iter()
            .map(|&i| {
                let mut stems: Vec<u32> = if i < doc.sentences.len() {
                    doc.sentence_tokens(i)
                        .iter()
                        .filter(|t| !t.stop && (t.stem as usize) < vocab)
                        .map(|t| t.stem)
                        .collect()
                } else {
                    Vec::new()
                };
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

        let mut matrix = DMatrix::<f64>::zeros(terms.len(), candidates.len());
        for (col, bag) in bags.iter().enumerate() {
            let max_tf = bag.iter().map(|&(_, c)| c).max().unwrap_or(1);
            for &(stem, count) in bag {
                let row = row_of[stem as usize];
                if row == usize::MAX {
                    continue;
                }
                matrix[(row, col)] = match self.weighting {
                    LsaWeighting::Binary => 1.0,
                    LsaWeighting::Tf => f64::from(count),
                    LsaWeighting::AugmentedTf => 0.4 + 0.6 * f64::from(count) / f64::from(max_tf),
                };
            }
        }
        matrix
    }
}
