//! SumBasic: frequent words make a sentence; picked words lose their weight.
//!
//! A. Nenkova and L. Vanderwende, "The Impact of Frequency on
//! Summarization", Microsoft Research MSR-TR-2005-101, 2005.
//!
//! The algorithm, on the candidates' content words (non-stop stems):
//! 1. `p(w)` = occurrences of `w` / all content tokens;
//! 2. a sentence weighs the average `p(w)` over its distinct words;
//! 3. among the sentences that contain the currently most probable word, the
//!    heaviest is picked;
//! 4. each of the picked sentence's words gets `p(w) ← p(w)²`; back to 2.
//!
//! SumBasic is a selection procedure, not a scorer; to fit [`Scorer`] it
//! picks up to [`SumBasic::max_picks`] sentences and the candidate picked
//! `k`-th (from 0) scores `1 / (k + 1)`, so taking the top `n` scores
//! reproduces SumBasic's first `n` picks. Candidates left over (only in
//! documents longer than `max_picks`) follow in the order of their average
//! word probability at that point, as if step 2 were applied once more
//! without updates, continuing the `1 / (k + 1)` sequence; the cap keeps the
//! cost at `max_picks` passes over the vocabulary on huge documents.
//! Candidates without content words can never be picked; they come last, in
//! document order.
//!
//! Follows the paper, including step 3 (the sentence must contain the most
//! probable word) and averaging over *distinct* words. sumy's
//! `SumBasicSummarizer` (miso-belica/sumy) departs from the paper on both —
//! it takes the best average over all sentences and averages over tokens
//! with repeats — and also squares a word once per occurrence in the picked
//! sentence; we square it once, as the paper says. Ties go to the earlier
//! sentence, and between equally probable words to the smaller stem id.

use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// The SumBasic scorer (pick order as scores).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SumBasic {
    /// Run the iterative procedure for at most this many picks.
    pub max_picks: usize,
}

impl Default for SumBasic {
    fn default() -> Self {
        SumBasic { max_picks: 200 }
    }
}

impl Scorer for SumBasic {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let n = context.candidates.len();
        let vocab = doc.vocabulary.stems.len();
        // Distinct content stems per candidate, and initial probabilities.
        let mut prob = vec![0.0f64; vocab];
        let mut total = 0u64;
        let bags: Vec<Vec<u32>> = context
            .candidates
            .iter()
            .map(|&i| {
                let mut stems = super::content_stems(doc, i, vocab);
                for &s in &stems {
                    prob[s as usize] += 1.0;
                    total += 1;
                }
                stems.sort_unstable();
                stems.dedup();
                stems
            })
            .collect();
        if total > 0 {
            let total = total as f64;
            prob.iter_mut().for_each(|p| *p /= total);
        }
        // Sentences holding each word (ascending), and how many of them are
        // still unpicked.
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocab];
        for (k, bag) in bags.iter().enumerate() {
            for &w in bag {
                postings[w as usize].push(k);
            }
        }
        let mut live: Vec<usize> = postings.iter().map(Vec::len).collect();
        let average = |bag: &[u32], prob: &[f64]| {
            bag.iter().map(|&w| prob[w as usize]).sum::<f64>() / bag.len() as f64
        };

        let mut picked = vec![false; n];
        let mut order = Vec::with_capacity(n);
        while order.len() < self.max_picks {
            // The most probable word still in an unpicked sentence (ties:
            // smaller stem id).
            let mut top: Option<(f64, usize)> = None;
            for (w, &p) in prob.iter().enumerate() {
                if live[w] > 0 && top.is_none_or(|(bp, _)| p > bp) {
                    top = Some((p, w));
                }
            }
            let Some((_, top_word)) = top else { break };
            // The heaviest unpicked sentence containing it (ties: earlier).
            let mut best: Option<(f64, usize)> = None;
            for &k in &postings[top_word] {
                if picked[k] {
                    continue;
                }
                let weight = average(&bags[k], &prob);
                if best.is_none_or(|(bw, _)| weight > bw) {
                    best = Some((weight, k));
                }
            }
            let Some((_, chosen)) = best else { break };
            picked[chosen] = true;
            for &w in &bags[chosen] {
                prob[w as usize] *= prob[w as usize];
                live[w as usize] -= 1;
            }
            order.push(chosen);
        }
        // Leftovers (long documents only): by current average probability.
        let mut rest: Vec<(f64, usize)> = (0..n)
            .filter(|&k| !picked[k] && !bags[k].is_empty())
            .map(|k| (average(&bags[k], &prob), k))
            .collect();
        rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        order.extend(rest.into_iter().map(|(_, k)| k));
        // Candidates without content words, in document order.
        order.extend((0..n).filter(|&k| bags[k].is_empty()));

        super::scores_from_order(&order, n)
    }
}
