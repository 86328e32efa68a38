//! Languages: one per Snowball stemmer that `rust-stemmers` ships, each with
//! the stop-word list of the `stop-words` crate (NLTK's list where it has one,
//! Stopwords ISO otherwise).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language nutgraf can stem and filter stop words for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

impl Language {
    /// Every supported language, alphabetically.
    pub const ALL: [Language; 18] = [
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Greek,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
    ];

    /// Lowercase English name, as used by the CLI and Python (`"english"`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Greek => "greek",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
            Language::Tamil => "tamil",
            Language::Turkish => "turkish",
        }
    }

    /// ISO 639-1 code (`"en"`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::English => "en",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Greek => "el",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Tamil => "ta",
            Language::Turkish => "tr",
        }
    }

    /// The Snowball stemmer for this language.
    pub fn stemmer_algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Language::Arabic => A::Arabic,
            Language::Danish => A::Danish,
            Language::Dutch => A::Dutch,
            Language::English => A::English,
            Language::Finnish => A::Finnish,
            Language::French => A::French,
            Language::German => A::German,
            Language::Greek => A::Greek,
            Language::Hungarian => A::Hungarian,
            Language::Italian => A::Italian,
            Language::Norwegian => A::Norwegian,
            Language::Portuguese => A::Portuguese,
            Language::Romanian => A::Romanian,
            Language::Russian => A::Russian,
            Language::Spanish => A::Spanish,
            Language::Swedish => A::Swedish,
            Language::Tamil => A::Tamil,
            Language::Turkish => A::Turkish,
        }
    }

    /// Stop words for this language (lowercase); empty if no list exists.
    pub fn stop_words(self) -> &'static [&'static str] {
        stop_words::lookup(self.code()).unwrap_or(&[])
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error for a language name or code nutgraf does not support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {name:?}; expected one of: {}", Language::ALL.map(|l| l.name()).join(", "))]
pub struct UnknownLanguage {
    /// The name that was given.
    pub name: String,
}

impl FromStr for Language {
    type Err = UnknownLanguage;
    /// Accepts the English name or the ISO 639-1 code, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.name() == wanted || l.code() == wanted)
            .ok_or_else(|| UnknownLanguage {
                name: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        for lang in Language::ALL {
            assert_eq!(lang.name().parse::<Language>(), Ok(lang));
            assert_eq!(lang.code().parse::<Language>(), Ok(lang));
        }
        let err = "klingon".parse::<Language>().unwrap_err();
        assert!(err.to_string().contains("english"), "{err}");
    }

    #[test]
    fn common_languages_have_stop_words() {
        for lang in [
            Language::English,
            Language::French,
            Language::German,
            Language::Russian,
        ] {
            assert!(lang.stop_words().len() > 50, "{lang}");
        }
        assert!(Language::English.stop_words().contains(&"the"));
    }
}
