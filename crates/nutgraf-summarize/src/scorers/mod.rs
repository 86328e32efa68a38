//! One module per scoring algorithm.

pub mod default;
pub mod edmundson;
pub mod klsum;
pub mod lead;
pub mod lexrank;
pub mod lsa;
pub mod luhn;
pub mod pacsum;
pub mod sumbasic;
pub mod textrank;

use crate::{Algorithm, Scorer, SummarizerConfig};

/// The scorer for `config.algorithm`, set up from the config's knobs.
///
/// One arm per [`Algorithm`]; adding an algorithm means adding its module
/// above and its arm here. Algorithms whose scorer is not written yet use
/// [`lead::Lead`].
pub fn scorer_for(config: &SummarizerConfig) -> Box<dyn Scorer> {
    match config.algorithm {
        Algorithm::Lead => Box::new(lead::Lead),
        Algorithm::Default => Box::new(default::DefaultScorer::default()),
        Algorithm::Luhn => Box::new(luhn::Luhn::default()),
        Algorithm::Edmundson => Box::new(edmundson::Edmundson::default()),
        Algorithm::Lsa => Box::new(lsa::Lsa::default()),
        Algorithm::Sumbasic => Box::new(sumbasic::SumBasic::default()),
        Algorithm::Klsum => Box::new(klsum::KlSum::default()),
        Algorithm::Textrank => Box::new(textrank::TextRank::from_config(config)),
        Algorithm::Lexrank => Box::new(lexrank::LexRank::from_config(config)),
        Algorithm::Pacsum => Box::new(pacsum::PacSum::from_config(config)),
    }
}

/// Stem ids of the non-stop tokens of sentence `i`, in text order (repeats
/// kept); empty for an index past the document, stems `>= vocab` dropped.
/// The word bag that Luhn-family scorers (SumBasic, KL-Sum, LSA) start from.
pub(crate) fn content_stems(doc: &nutgraf_parse::Document, i: usize, vocab: usize) -> Vec<u32> {
    if i >= doc.sentences.len() {
        return Vec::new();
    }
    doc.sentence_tokens(i)
        .iter()
        .filter(|t| !t.stop && (t.stem as usize) < vocab)
        .map(|t| t.stem)
        .collect()
}

/// Scores from a greedy pick order (SumBasic, KL-Sum): `order` lists all `n`
/// candidates, best first; the candidate at rank `r` (0-based) scores
/// `1 / (r + 1)`, so selection by score repeats the greedy picks.
pub(crate) fn scores_from_order(order: &[usize], n: usize) -> Vec<f64> {
    let mut scores = vec![0.0; n];
    for (rank, &k) in order.iter().enumerate() {
        scores[k] = 1.0 / (rank as f64 + 1.0);
    }
    scores
}
