//! One module per scoring algorithm.

pub mod lead;

use crate::{Algorithm, Scorer, SummarizerConfig};

/// The scorer for `config.algorithm`, set up from the config's knobs.
///
/// One arm per [`Algorithm`]; adding an algorithm means adding its module
/// above and its arm here. Algorithms whose scorer is not written yet use
/// [`lead::Lead`].
pub fn scorer_for(config: &SummarizerConfig) -> Box<dyn Scorer> {
    match config.algorithm {
        Algorithm::Lead => Box::new(lead::Lead),
        Algorithm::Default => Box::new(lead::Lead),
        Algorithm::Luhn => Box::new(lead::Lead),
        Algorithm::Edmundson => Box::new(lead::Lead),
        Algorithm::Lsa => Box::new(lead::Lead),
        Algorithm::Sumbasic => Box::new(lead::Lead),
        Algorithm::Klsum => Box::new(lead::Lead),
        Algorithm::Textrank => Box::new(lead::Lead),
        Algorithm::Lexrank => Box::new(lead::Lead),
        Algorithm::Pacsum => Box::new(lead::Lead),
    }
}
