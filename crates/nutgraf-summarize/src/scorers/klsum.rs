//! KL-Sum: greedily grow the summary whose word distribution is closest to
//! the document's.
//!
//! A. Haghighi and L. Vanderwende, "Exploring Content Models for
//! Multi-Document Summarization", *NAACL-HLT 2009*, section 3 (KLSum).
//!
//! `P_D` is the distribution of the candidates' content words (non-stop
//! stems); `P_S` that of the summary so far, smoothed with Lidstone's
//! `δ` ([`KlSum::smoothing`]) over the document's vocabulary `V`:
//! `P_S(w) = (c_S(w) + δ) / (N_S + δ·|V|)`. Each step adds the candidate that
//! makes `KL(P_D ‖ P_S)` smallest.
//!
//! Like SumBasic this is a selection procedure; to fit [`Scorer`] it runs
//! until every candidate is picked and the `k`-th pick (from 0) scores
//! `1 / (k + 1)`, so the top `n` scores are KL-Sum's first `n` picks.
//! Candidates without content words change nothing and come last, in
//! document order.
//!
//! Departs from sumy's `KLSummarizer` (miso-belica/sumy), which sums
//! `P_D(w) log(P_D(w) / P_S(w))` over the summary's words only and leaves
//! the summary unsmoothed, so words the summary misses cost nothing; here
//! the divergence runs over the whole document vocabulary as the paper
//! defines it, which needs the smoothing. Only the terms a candidate touches
//! change, so each step costs one pass over the remaining candidates' words
//! (`KL = Σ P_D log P_D − Σ P_D log P_S`, and only the second sum moves).
//! Ties go to the earlier sentence.

use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// The KL-Sum scorer (pick order as scores).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlSum {
    /// Lidstone smoothing `δ` of the summary distribution (> 0).
    pub smoothing: f64,
}

impl Default for KlSum {
    fn default() -> Self {
        KlSum { smoothing: 0.01 }
    }
}

impl Scorer for KlSum {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let n = context.candidates.len();
        let vocab = doc.vocabulary.stems.len();
        let delta = if self.smoothing.is_finite() && self.smoothing > 0.0 {
            self.smoothing
        } else {
            KlSum::default().smoothing
        };

        // (stem, count) per candidate and document counts.
        let mut doc_count = vec![0u32; vocab];
        let bags: Vec<Vec<(u32, u32)>> = context
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
                stems.sort_unstable();
                let mut bag: Vec<(u32, u32)> = Vec::new();
                for s in stems {
                    doc_count[s as usize] += 1;
                    match bag.last_mut() {
                        Some((t, c)) if *t == s => *c += 1,
                        _ => bag.push((s, 1)),
                    }
                }
                bag
            })
            .collect();
        let doc_total: u64 = doc_count.iter().map(|&c| u64::from(c)).sum();
        let distinct = doc_count.iter().filter(|&&c| c > 0).count() as f64;
        let p_doc: Vec<f64> = doc_count
            .iter()
            .map(|&c| {
                if doc_total == 0 {
                    0.0
                } else {
                    f64::from(c) / doc_total as f64
                }
            })
            .collect();

        let mut summary_count = vec![0u32; vocab];
        let mut summary_len = 0u64;
        let mut order = Vec::with_capacity(n);
        let mut remaining: Vec<usize> = (0..n).filter(|&k| !bags[k].is_empty()).collect();
        while !remaining.is_empty() {
            let norm_before = (summary_len as f64 + delta * distinct).ln();
            let mut best: Option<(f64, usize)> = None;
            for (slot, &k) in remaining.iter().enumerate() {
                // Increase of Σ_w P_D(w) ln P_S(w) when candidate k joins.
                let mut gain = 0.0;
                let mut len = 0u64;
                for &(w, c) in &bags[k] {
                    let before = f64::from(summary_count[w as usize]) + delta;
                    gain += p_doc[w as usize] * ((before + f64::from(c)).ln() - before.ln());
                    len += u64::from(c);
                }
                gain -= ((summary_len + len) as f64 + delta * distinct).ln() - norm_before;
                if best.map_or(true, |(g, _)| gain > g) {
                    best = Some((gain, slot));
                }
            }
            let Some((_, slot)) = best else { break };
            let picked = remaining.remove(slot);
            for &(w, c) in &bags[picked] {
                summary_count[w as usize] += c;
                summary_len += u64::from(c);
            }
            order.push(picked);
        }
        order.extend((0..n).filter(|&k| bags[k].is_empty()));

        let mut scores = vec![0.0; n];
        for (rank, &k) in order.iter().enumerate() {
            scores[k] = 1.0 / (rank as f64 + 1.0);
        }
        scores
    }
}
