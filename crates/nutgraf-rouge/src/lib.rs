//! # nutgraf-rouge
//!
//! ROUGE scores computed the way Google's `rouge-score` computes them.
//! (Lands with issue 4.)
