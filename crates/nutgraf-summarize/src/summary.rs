//! The result of summarizing one document.

use crate::Algorithm;
use nutgraf_parse::Span;
use serde::{Deserialize, Serialize};

/// An extractive summary: the selected sentences and some counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The selected sentences, in document order or rank order as the
    /// config's `order` asked.
    pub sentences: Vec<SummarySentence>,
    /// Counts describing the document and the selection.
    pub stats: SummaryStats,
}

/// One selected sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// Index of the sentence in [`nutgraf_parse::Document::sentences`].
    pub index: usize,
    /// The sentence text, as in the original.
    pub text: String,
    /// Byte range of the sentence in the original text.
    pub span: Span,
    /// The scorer's score for the sentence (higher is better; the scale
    /// depends on the algorithm).
    pub score: f64,
    /// 1 for the sentence selected first, 2 for the next, …
    pub rank: usize,
}

/// Counts describing a summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryStats {
    /// Sentences in the document (every role).
    pub sentence_count: usize,
    /// Sentences that could be selected (body sentences with words).
    pub candidate_count: usize,
    /// Word tokens in the candidate sentences.
    pub word_count: usize,
    /// Word tokens in the selected sentences.
    pub selected_words: usize,
    /// Characters (Unicode scalar values) in the selected sentences.
    pub selected_chars: usize,
    /// True when a words/chars budget was exceeded because no candidate fit
    /// it and the best sentence was returned alone (see [`crate::select`]).
    pub over_budget: bool,
    /// The algorithm that scored the sentences.
    pub algorithm: Algorithm,
}

impl Summary {
    /// The selected sentences' texts joined by single spaces.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.sentences {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s.text);
        }
        out
    }

    /// Number of selected sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when nothing was selected.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}
