//! Scoring algorithms by name: the same names in Rust, the CLI
//! (`--algorithm`) and Python (`algorithm=`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which scorer ranks the sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// nutgraf's own news scorer.
    #[default]
    Default,
    /// First sentences first.
    Lead,
    /// Luhn (1958): clusters of significant words.
    Luhn,
    /// Edmundson (1969): cue, title and location words.
    Edmundson,
    /// Latent semantic analysis (Steinberger & Ježek 2004).
    Lsa,
    /// SumBasic (Nenkova & Vanderwende 2005).
    Sumbasic,
    /// KL-Sum (Haghighi & Vanderwende 2009).
    Klsum,
    /// TextRank (Mihalcea & Tarau 2004).
    Textrank,
    /// LexRank (Erkan & Radev 2004).
    Lexrank,
    /// Position-aware directed centrality (Zheng & Lapata 2019), tf-idf vectors.
    Pacsum,
}

impl Algorithm {
    /// Every algorithm.
    pub const ALL: [Algorithm; 10] = [
        Algorithm::Default,
        Algorithm::Lead,
        Algorithm::Luhn,
        Algorithm::Edmundson,
        Algorithm::Lsa,
        Algorithm::Sumbasic,
        Algorithm::Klsum,
        Algorithm::Textrank,
        Algorithm::Lexrank,
        Algorithm::Pacsum,
    ];

    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Default => "default",
            Algorithm::Lead => "lead",
            Algorithm::Luhn => "luhn",
            Algorithm::Edmundson => "edmundson",
            Algorithm::Lsa => "lsa",
            Algorithm::Sumbasic => "sumbasic",
            Algorithm::Klsum => "klsum",
            Algorithm::Textrank => "textrank",
            Algorithm::Lexrank => "lexrank",
            Algorithm::Pacsum => "pacsum",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error for an algorithm name that is not one of [`Algorithm::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown algorithm {name:?}; expected one of: {}", Algorithm::ALL.map(|a| a.name()).join(", "))]
pub struct UnknownAlgorithm {
    /// The name that was given.
    pub name: String,
}

impl FromStr for Algorithm {
    type Err = UnknownAlgorithm;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Algorithm::ALL
            .into_iter()
            .find(|a| a.name() == wanted)
            .ok_or_else(|| UnknownAlgorithm {
                name: s.to_string(),
            })
    }
}
