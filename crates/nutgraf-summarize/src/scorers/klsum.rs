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
//! Like SumBasic this is a selection procedure; to fit [`Scorer`] it makes
//! up to [`KlSum::max_picks`] greedy picks and the `k`-th pick (from 0)
//! scores `1 / (k + 1)`, so the top `n` scores are KL-Sum's first `n` picks.
//! Candidates left over (only in documents longer than `max_picks`) follow
//! in the order of the divergence each would give if added next, continuing
//! the `1 / (k + 1)` sequence. Candidates without content words change
//! nothing and come last, in document order.
//!
//! Departs from sumy's `KLSummarizer` (miso-belica/sumy), which sums
//! `P_D(w) log(P_D(w) / P_S(w))` over the summary's words only and leaves
//! the summary unsmoothed, so words the summary misses cost nothing; here
//! the divergence runs over the whole document vocabulary as the paper
//! defines it, which needs the smoothing. Only the terms a candidate touches
//! change (`KL = Σ P_D log P_D − Σ P_D log P_S`, and only the second sum
//! moves), so each candidate keeps the word part of its gain and only the
//! candidates sharing a word with the last pick recompute it.
//! Ties go to the earlier sentence.

use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// The KL-Sum scorer (pick order as scores).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlSum {
    /// Lidstone smoothing `δ` of the summary distribution (> 0).
    pub smoothing: f64,
    /// Make at most this many greedy picks.
    pub max_picks: usize,
}

impl Default for KlSum {
    fn default() -> Self {
        KlSum {
            smoothing: 0.01,
            max_picks: 200,
        }
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
                let mut stems = super::content_stems(doc, i, vocab);
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
        let lengths: Vec<u64> = bags
            .iter()
            .map(|b| b.iter().map(|&(_, c)| u64::from(c)).sum())
            .collect();
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocab];
        for (k, bag) in bags.iter().enumerate() {
            for &(w, _) in bag {
                postings[w as usize].push(k);
            }
        }

        let mut summary_count = vec![0u32; vocab];
        // Increase of Σ_w P_D(w) ln(c_S(w) + δ) if candidate k joins.
        let word_part = |bag: &[(u32, u32)], summary_count: &[u32]| {
            let mut gain = 0.0;
            for &(w, c) in bag {
                let before = f64::from(summary_count[w as usize]) + delta;
                gain += p_doc[w as usize] * ((before + f64::from(c)).ln() - before.ln());
            }
            gain
        };
        let mut parts: Vec<f64> = bags.iter().map(|b| word_part(b, &summary_count)).collect();
        let mut summary_len = 0u64;
        let mut picked = vec![false; n];
        let mut dirty = vec![false; n];
        let gain = |k: usize, parts: &[f64], summary_len: u64| {
            let before = summary_len as f64 + delta * distinct;
            parts[k] - ((before + lengths[k] as f64).ln() - before.ln())
        };

        let mut order = Vec::with_capacity(n);
        let mut remaining: Vec<usize> = (0..n).filter(|&k| !bags[k].is_empty()).collect();
        while !remaining.is_empty() && order.len() < self.max_picks {
            let mut best: Option<(f64, usize)> = None;
            for (slot, &k) in remaining.iter().enumerate() {
                let g = gain(k, &parts, summary_len);
                if best.is_none_or(|(b, _)| g > b) {
                    best = Some((g, slot));
                }
            }
            let Some((_, slot)) = best else { break };
            let chosen = remaining.remove(slot);
            picked[chosen] = true;
            for &(w, c) in &bags[chosen] {
                summary_count[w as usize] += c;
                summary_len += u64::from(c);
            }
            // Only candidates sharing a word with the pick change their part.
            for &(w, _) in &bags[chosen] {
                for &k in &postings[w as usize] {
                    dirty[k] = !picked[k];
                }
            }
            for &k in &remaining {
                if std::mem::replace(&mut dirty[k], false) {
                    parts[k] = word_part(&bags[k], &summary_count);
                }
            }
            order.push(chosen);
        }
        // Leftovers (long documents only): by the gain each would bring next.
        let mut rest: Vec<(f64, usize)> = remaining
            .iter()
            .map(|&k| (gain(k, &parts, summary_len), k))
            .collect();
        rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        order.extend(rest.into_iter().map(|(_, k)| k));
        order.extend((0..n).filter(|&k| bags[k].is_empty()));

        super::scores_from_order(&order, n)
    }
}
