//! Parsing options.

use crate::Language;
use serde::{Deserialize, Serialize};

/// How to parse a text. `Default` holds every default value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParseOptions {
    /// Language for stemming and stop words.
    pub language: Language,
    /// A headline supplied from outside the text (e.g. a corpus's title field).
    pub title: Option<String>,
    /// Detect news-page structure (roles). When false, every paragraph is body.
    pub detect_structure: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            language: Language::English,
            title: None,
            detect_structure: true,
        }
    }
}
