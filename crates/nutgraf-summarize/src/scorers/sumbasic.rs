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
//! runs until every candidate is picked and the candidate picked `k`-th
//! (from 0) scores `1 / (k + 1)`. Taking the top `n` scores then reproduces
//! SumBasic's first `n` picks. Candidates without content words can never be
//! picked; they come last, in document order, with the same `1 / (k + 1)`
//! rule.
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SumBasic;

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

        let mut order = Vec::with_capacity(n);
        let mut remaining: Vec<usize> = (0..n).filter(|&k| !bags[k].is_empty()).collect();
        while !remaining.is_empty() {
            // The most probable word still present in some remaining sentence.
            let mut top: Option<(f64, u32)> = None;
            for &k in &remaining {
                for &w in &bags[k] {
                    let p = prob[w as usize];
                    let better = match top {
                        None => true,
                        Some((bp, bw)) => p > bp || (p == bp && w < bw),
                    };
                    if better {
                        top = Some((p, w));
                    }
                }
            }
            let Some((_, top_word)) = top else { break };
            // The heaviest remaining sentence containing it.
            let mut best: Option<(f64, usize)> = None;
            for (slot, &k) in remaining.iter().enumerate() {
                if bags[k].binary_search(&top_word).is_err() {
                    continue;
                }
                let weight =
                    bags[k].iter().map(|&w| prob[w as usize]).sum::<f64>() / bags[k].len() as f64;
                if best.map_or(true, |(bw, _)| weight > bw) {
                    best = Some((weight, slot));
                }
            }
            let Some((_, slot)) = best else { break };
            let picked = remaining.remove(slot);
            for &w in &bags[picked] {
                prob[w as usize] *= prob[w as usize];
            }
            order.push(picked);
        }
        // Candidates without content words, in document order.
        order.extend((0..n).filter(|&k| bags[k].is_empty()));

        let mut scores = vec![0.0; n];
        for (rank, &k) in order.iter().enumerate() {
            scores[k] = 1.0 / (rank as f64 + 1.0);
        }
        scores
    }
}
