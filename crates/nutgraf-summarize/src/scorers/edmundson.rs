//! Edmundson: cue, key, title and location evidence, linearly combined.
//!
//! H. P. Edmundson, "New Methods in Automatic Extracting", *Journal of the
//! ACM* 16(2), 1969.
//!
//! A candidate's score is `cue_weight·C + key_weight·K + title_weight·T +
//! location_weight·L` where
//! - **C (cue)** = bonus words − stigma words in the sentence (counted per
//!   token, matched on the lowercased word);
//! - **K (key)** = tokens whose stem is frequent: a non-stop stem whose count
//!   in the story is more than [`Edmundson::key_ratio`] × the count of the
//!   most frequent stem;
//! - **T (title)** = tokens whose stem is one of the headline's content stems
//!   ([`Document::title_stems`]);
//! - **L (location)** = one point each for being in the first body
//!   paragraph, in the last body paragraph, first in its paragraph, last in
//!   its paragraph.
//!
//! Follows sumy's `EdmundsonSummarizer` (miso-belica/sumy): the same four
//! methods, the key method's "frequency over max frequency > 0.5" rule, the
//! location method's four one-point position bonuses, and its default
//! weights cue 1, key 0, title 1, location 1 — Edmundson's own best
//! combination was cue + title + location, without key. Departures: sumy
//! makes the caller supply the bonus, stigma and null (stop) word lists; we
//! ship small default English cue lists ([`BONUS_WORDS`], [`STIGMA_WORDS`]),
//! written by hand for news prose in the spirit of Edmundson's Cue
//! Dictionary (his lists were built from a training corpus of chemistry
//! papers and were never published in full), and use the parser's stop
//! words as null words. sumy's location method also credits headings words;
//! that is left to the title method here, since a news story's only heading
//! is its headline. The cue lists are English: for other languages C is 0
//! unless lists are supplied.

use crate::{Scorer, ScoringContext};
use nutgraf_parse::{Document, Language};
use std::collections::HashSet;

/// Default English bonus words: signal that a sentence states a finding,
/// a decision or the point of the story.
pub const BONUS_WORDS: &[&str] = &[
    "announced",
    "announces",
    "concluded",
    "confirmed",
    "confirms",
    "crucial",
    "decided",
    "essential",
    "finally",
    "first",
    "found",
    "greatest",
    "important",
    "key",
    "largest",
    "main",
    "major",
    "new",
    "record",
    "revealed",
    "reveals",
    "significant",
    "significantly",
    "show",
    "showed",
    "shows",
];

/// Default English stigma words: hedges, asides and digressions.
pub const STIGMA_WORDS: &[&str] = &[
    "allegedly",
    "anyway",
    "apparently",
    "hardly",
    "incidentally",
    "maybe",
    "meanwhile",
    "perhaps",
    "possibly",
    "reportedly",
    "rumoured",
    "speculated",
    "supposedly",
    "unclear",
];

/// Edmundson's linear combination of cue, key, title and location scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Edmundson {
    /// Weight of the cue method.
    pub cue_weight: f64,
    /// Weight of the key (frequency) method.
    pub key_weight: f64,
    /// Weight of the title method.
    pub title_weight: f64,
    /// Weight of the location method.
    pub location_weight: f64,
    /// Key method: a stem is a key word when its count exceeds this fraction
    /// of the most frequent stem's count.
    pub key_ratio: f64,
    /// Lowercased bonus words; `None` = [`BONUS_WORDS`] for English, none
    /// for other languages.
    pub bonus_words: Option<Vec<String>>,
    /// Lowercased stigma words; `None` = [`STIGMA_WORDS`] for English, none
    /// for other languages.
    pub stigma_words: Option<Vec<String>>,
}

impl Default for Edmundson {
    fn default() -> Self {
        Edmundson {
            cue_weight: 1.0,
            key_weight: 0.0,
            title_weight: 1.0,
            location_weight: 1.0,
            key_ratio: 0.5,
            bonus_words: None,
            stigma_words: None,
        }
    }
}

impl Edmundson {
    fn cue_list<'a>(
        &'a self,
        given: &'a Option<Vec<String>>,
        default: &'static [&'static str],
        language: Language,
    ) -> HashSet<&'a str> {
        match given {
            Some(words) => words.iter().map(String::as_str).collect(),
            None if language == Language::English => default.iter().copied().collect(),
            None => HashSet::new(),
        }
    }

    /// The four method scores `[cue, key, title, location]` of each
    /// candidate, before weighting.
    pub fn method_scores(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<[f64; 4]> {
        let candidates: Vec<usize> = context
            .candidates
            .iter()
            .copied()
            .filter(|&i| i < doc.sentences.len())
            .collect();

        // Cue words, looked up by word id.
        let bonus = self.cue_list(&self.bonus_words, BONUS_WORDS, doc.language);
        let stigma = self.cue_list(&self.stigma_words, STIGMA_WORDS, doc.language);
        let cue_of_word: Vec<i8> = doc
            .vocabulary
            .words
            .iter()
            .map(|w| i8::from(bonus.contains(w)) - i8::from(stigma.contains(w)))
            .collect();

        // Key words: stem counts over the story and the candidates.
        let mut counts = vec![0u32; doc.vocabulary.stems.len()];
        let mut counted = vec![false; doc.sentences.len()];
        let story = (0..doc.sentences.len()).filter(|&i| doc.sentences[i].role.is_story());
        for i in story.chain(candidates.iter().copied()) {
            if std::mem::replace(&mut counted[i], true) {
                continue;
            }
            for t in doc.sentence_tokens(i).iter().filter(|t| !t.stop) {
                if let Some(c) = counts.get_mut(t.stem as usize) {
                    *c += 1;
                }
            }
        }
        let max_count = f64::from(counts.iter().copied().max().unwrap_or(0));
        let is_key: Vec<bool> = counts
            .iter()
            .map(|&c| c > 0 && f64::from(c) / max_count > self.key_ratio)
            .collect();

        let mut in_title = vec![false; doc.vocabulary.stems.len()];
        for &stem in &doc.title_stems {
            if let Some(flag) = in_title.get_mut(stem as usize) {
                *flag = true;
            }
        }

        // Location: paragraphs (blocks) that hold candidates, in order.
        let first_block = candidates.iter().map(|&i| doc.sentences[i].block).min();
        let last_block = candidates.iter().map(|&i| doc.sentences[i].block).max();

        context
            .candidates
            .iter()
            .map(|&i| {
                let Some(sentence) = doc.sentences.get(i) else {
                    return [0.0; 4];
                };
                let (mut cue, mut key, mut title) = (0i64, 0u32, 0u32);
                for t in doc.sentence_tokens(i) {
                    cue += i64::from(cue_of_word.get(t.word as usize).copied().unwrap_or(0));
                    if t.stop {
                        continue;
                    }
                    key += u32::from(is_key.get(t.stem as usize).copied().unwrap_or(false));
                    title += u32::from(in_title.get(t.stem as usize).copied().unwrap_or(false));
                }
                let mut location = 0u32;
                location += u32::from(Some(sentence.block) == first_block);
                location += u32::from(Some(sentence.block) == last_block);
                if let Some(block) = doc.blocks.get(sentence.block) {
                    location += u32::from(block.sentences.start == i);
                    location += u32::from(block.sentences.end == i + 1);
                }
                [
                    cue as f64,
                    f64::from(key),
                    f64::from(title),
                    f64::from(location),
                ]
            })
            .collect()
    }
}

impl Scorer for Edmundson {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        let weights = [
            self.cue_weight,
            self.key_weight,
            self.title_weight,
            self.location_weight,
        ];
        self.method_scores(doc, context)
            .into_iter()
            .map(|m| {
                let s: f64 = m.iter().zip(weights).map(|(x, w)| x * w).sum();
                if s.is_finite() {
                    s
                } else {
                    0.0
                }
            })
            .collect()
    }
}
