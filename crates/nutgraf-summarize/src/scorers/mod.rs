//! One module per scoring algorithm.

pub mod lead;
