//! Luhn: sentences holding dense clusters of frequent words.
//!
//! H. P. Luhn, "The Automatic Creation of Literature Abstracts", *IBM Journal
//! of Research and Development* 2(2), 1958.
//!
//! A word (here: a stem that is not a stop word) is *significant* when it
//! occurs at least [`Luhn::min_count`] times in the story (headline,
//! standfirst and body sentences). In each candidate sentence, significant
//! words closer together than [`Luhn::max_gap`] insignificant words form a
//! *cluster*; a cluster scores `significant² / length` (length from its first
//! to its last significant word, stop words included), and the sentence
//! scores its best cluster, or 0 without one.
//!
//! Follows sumy's `LuhnSummarizer` (miso-belica/sumy) in what counts as a
//! significant word: non-stop stems seen more than once in the document, with
//! no upper frequency cut (sumy's `significant_percentage = 1`; the stop list
//! plays the part of Luhn's high-frequency cut-off). Departs from it in two
//! places, both back towards the paper: a gap of up to four insignificant
//! words stays inside a cluster (Luhn: "four or five"; sumy closes a cluster
//! at the fourth one), and a cluster of a single significant word scores
//! `1² / 1 = 1` as the formula says (sumy rates it 0).

use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// Luhn's significance-factor scorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Luhn {
    /// A stem is significant when it occurs at least this often in the story.
    pub min_count: u32,
    /// Most insignificant words allowed between two significant words of one
    /// cluster.
    pub max_gap: usize,
}

impl Default for Luhn {
    fn default() -> Self {
        Luhn {
            min_count: 2,
            max_gap: 4,
        }
    }
}

impl Scorer for Luhn {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        // Occurrences of each non-stop stem over the story and the candidates.
        let mut counts = vec![0u32; doc.vocabulary.stems.len()];
        let mut counted = vec![false; doc.sentences.len()];
        let story = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.role.is_story())
            .map(|(i, _)| i);
        for i in story.chain(context.candidates.iter().copied()) {
            if i >= doc.sentences.len() || std::mem::replace(&mut counted[i], true) {
                continue;
            }
            for token in doc.sentence_tokens(i).iter().filter(|t| !t.stop) {
                if let Some(c) = counts.get_mut(token.stem as usize) {
                    *c += 1;
                }
            }
        }
        let min_count = self.min_count.max(1);
        let significant = |stem: u32| counts.get(stem as usize).is_some_and(|&c| c >= min_count);

        context
            .candidates
            .iter()
            .map(|&i| {
                if i >= doc.sentences.len() {
                    return 0.0;
                }
                let flags: Vec<bool> = doc
                    .sentence_tokens(i)
                    .iter()
                    .map(|t| !t.stop && significant(t.stem))
                    .collect();
                best_cluster(&flags, self.max_gap)
            })
            .collect()
    }
}

/// The best `significant² / length` over the clusters of a sentence given as
/// one flag per token (true = significant).
fn best_cluster(flags: &[bool], max_gap: usize) -> f64 {
    let mut best = 0.0f64;
    // (position of the first significant word, of the last, count) of the
    // cluster being grown.
    let mut open: Option<(usize, usize, u32)> = None;
    for (pos, _) in flags.iter().enumerate().filter(|(_, &f)| f) {
        open = match open {
            Some((first, last, n)) if pos - last - 1 <= max_gap => Some((first, pos, n + 1)),
            Some(done) => {
                best = best.max(rate(done));
                Some((pos, pos, 1))
            }
            None => Some((pos, pos, 1)),
        };
    }
    if let Some(done) = open {
        best = best.max(rate(done));
    }
    best
}

fn rate((first, last, n): (usize, usize, u32)) -> f64 {
    let n = f64::from(n);
    n * n / (last - first + 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_follow_the_formula() {
        // S . S . . S  → one cluster of 3 significant words over 6 words.
        let flags = [true, false, true, false, false, true];
        assert_eq!(best_cluster(&flags, 4), 9.0 / 6.0);
        // A gap of 5 splits it: best of (2²/3, 1²/1).
        let flags = [true, false, true, false, false, false, false, false, true];
        assert_eq!(best_cluster(&flags, 4), 4.0 / 3.0);
        assert_eq!(best_cluster(&[false, false], 4), 0.0);
        assert_eq!(best_cluster(&[], 4), 0.0);
        assert_eq!(best_cluster(&[true], 4), 1.0);
    }
}
