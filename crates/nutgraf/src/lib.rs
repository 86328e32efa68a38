//! # nutgraf
//!
//! Fast extractive news summarization. This facade re-exports the parsing,
//! summarization and ROUGE crates.

pub use nutgraf_parse as parse;
pub use nutgraf_rouge as rouge;
pub use nutgraf_summarize as summarize;
