//! Sentence boundaries: UAX #29 sentence bounds (`unicode-segmentation`).
//! (Baseline; English news corrections to follow.)

use crate::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentence spans (relative to `text`), trimmed of
/// surrounding whitespace, in order, non-overlapping, never empty.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (offset, piece) in text.split_sentence_bound_indices() {
        if let Some(span) = trim_span(piece, offset) {
            out.push(span);
        }
    }
    out
}

/// The span of `piece` (found at `offset`) without surrounding whitespace,
/// or `None` when nothing is left.
pub(crate) fn trim_span(piece: &str, offset: usize) -> Option<Span> {
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then(|| {
        Span::new(
            offset + trimmed_start,
            offset + trimmed_start + trimmed.len(),
        )
    })
}
