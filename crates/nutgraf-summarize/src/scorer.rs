//! The one trait every scorer implements.

use nutgraf_parse::Document;

/// What a scorer may look at besides the document.
#[derive(Clone, Copy, Debug)]
pub struct ScoringContext<'a> {
    /// Indices of the sentences that may be selected (body sentences), in
    /// document order. Scorers rank these; other sentences (headline,
    /// standfirst) may still inform the scores.
    pub candidates: &'a [usize],
}

/// Gives each candidate sentence a salience score; higher is better.
///
/// Implementations must be deterministic: the same document gives the same
/// scores bit for bit, at any rayon thread count. They may use rayon inside
/// (the caller installs the pool), through indexed parallel iterators only.
pub trait Scorer: Send + Sync {
    /// One score per entry of `context.candidates`, in the same order.
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64>;
}
