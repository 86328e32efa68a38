//! # nutgraf-summarize
//!
//! Scores the sentences of a [`nutgraf_parse::Document`] and selects an
//! extractive summary.

mod algorithm;
mod scorer;
pub mod scorers;
pub mod similarity;
pub mod vectors;

pub use algorithm::{Algorithm, UnknownAlgorithm};
pub use scorer::{Scorer, ScoringContext};
