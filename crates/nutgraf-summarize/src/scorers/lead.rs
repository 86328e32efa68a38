//! Lead: earlier sentences score higher.

use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// Scores the k-th candidate `1 / (k + 1)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lead;

impl Scorer for Lead {
    fn score(&self, _doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        (0..context.candidates.len())
            .map(|k| 1.0 / (k as f64 + 1.0))
            .collect()
    }
}
