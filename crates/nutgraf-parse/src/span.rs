//! Byte ranges into the original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
///
/// Spans always lie on UTF-8 character boundaries of the text they index.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// ```
    /// use nutgraf_parse::Span;
    /// assert_eq!(Span::new(4, 9).slice("The quick fox"), "quick");
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span as a `Range<usize>`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}
