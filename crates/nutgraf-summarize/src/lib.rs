//! # nutgraf-summarize
//!
//! Scores the sentences of a [`nutgraf_parse::Document`] and selects an
//! extractive summary. (Scorers land with issue 3.)
