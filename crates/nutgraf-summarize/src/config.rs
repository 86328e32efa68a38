//! How to summarize: one serde struct, [`SummarizerConfig`], whose `Default`
//! holds every default value. The CLI flags and the Python keyword arguments
//! map onto its fields one to one, so all front ends share these defaults.
//!
//! Deserializing is strict (`deny_unknown_fields`: a misspelt key is an
//! error) and lenient about omissions (`default`: a missing key takes its
//! default). [`SummarizerConfig::validate`] checks ranges and reports the
//! first bad field by its JSON path, e.g. `budget.ratio`.

use crate::similarity::{Bm25Params, GraphOptions, PageRankOptions};
use crate::vectors::IdfFormula;
use crate::{Algorithm, ConfigError};
use nutgraf_parse::{Language, ParseOptions};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Everything that decides a summary. See the field docs for meanings and
/// [`Default`] for the defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummarizerConfig {
    /// Which scorer ranks the sentences. Default: [`Algorithm::Default`].
    pub algorithm: Algorithm,
    /// How long the summary may be. Default: 3 sentences.
    pub budget: Budget,
    /// Order of the selected sentences in the output. Default: document order.
    pub order: Order,
    /// Maximal marginal relevance λ in `[0, 1]`, or `None` (default) for
    /// plain ranking. Sentences are picked one at a time by
    /// `λ · relevance − (1 − λ) · max cosine to the sentences already picked`,
    /// where relevance is the scorer's score scaled to `[0, 1]` (plus the
    /// hint boost). λ = 1 is pure relevance; smaller λ trades relevance for
    /// diversity; λ = 0 picks for novelty alone.
    pub redundancy: Option<f64>,
    /// Skip a sentence that shares a word trigram with one already picked
    /// (Paulus et al. 2018; PreSumm). Default: false.
    pub trigram_blocking: bool,
    /// Two sentences whose tf-idf cosine is above this are near-duplicates
    /// and never both selected (the lower-ranked one is skipped). `None`
    /// turns the check off. Default: 0.8.
    pub near_duplicate_threshold: Option<f64>,
    /// Words or phrases the reader cares about; sentences containing their
    /// stems rank higher. Default: none.
    pub hints: Vec<String>,
    /// Boost for a sentence containing every hint stem (proportionally less
    /// for some), added to its relevance in `[0, 1]`. Default: 0.5.
    pub hint_weight: f64,
    /// Worker threads for batches and large documents; `None` (default) =
    /// one per CPU. The summarizer always uses its own pool, never rayon's
    /// global one. Results do not depend on this.
    pub threads: Option<usize>,
    /// Language of the texts (stemming, stop words). Default: English.
    pub language: Language,
    /// A headline supplied from outside the text. Default: none.
    pub title: Option<String>,
    /// Detect news-page structure (headline, captions, boilerplate, …).
    /// When false every paragraph is body text. Default: true.
    pub detect_structure: bool,
    /// Sparse similarity graph limits, shared by the graph scorers.
    pub graph: GraphOptions,
    /// PageRank settings, shared by TextRank and LexRank.
    pub pagerank: PageRankOptions,
    /// TextRank settings.
    pub textrank: TextRankConfig,
    /// LexRank settings.
    pub lexrank: LexRankConfig,
    /// PACSUM settings.
    pub pacsum: PacsumConfig,
}

impl Default for SummarizerConfig {
    fn default() -> Self {
        SummarizerConfig {
            algorithm: Algorithm::Default,
            budget: Budget::default(),
            order: Order::Document,
            redundancy: None,
            trigram_blocking: false,
            near_duplicate_threshold: Some(0.8),
            hints: Vec::new(),
            hint_weight: 0.5,
            threads: None,
            language: Language::English,
            title: None,
            detect_structure: true,
            graph: GraphOptions::default(),
            pagerank: PageRankOptions::default(),
            textrank: TextRankConfig::default(),
            lexrank: LexRankConfig::default(),
            pacsum: PacsumConfig::default(),
        }
    }
}

/// How long a summary may be.
///
/// Serialized as a one-key object: `{"sentences": 3}`, `{"ratio": 0.2}`,
/// `{"words": 100}`, `{"chars": 600}`. The exact selection rule of each is
/// in [`crate::select`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// This fraction of the candidate sentences, rounded up, in `[0, 1]`.
    Ratio(f64),
    /// At most this many words (word tokens).
    Words(usize),
    /// At most this many characters (Unicode scalar values of the selected
    /// sentences, separators not counted).
    Chars(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(3)
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Sentences(n) => write!(f, "{n} sentences"),
            Budget::Ratio(r) => write!(f, "{r} of the sentences"),
            Budget::Words(n) => write!(f, "{n} words"),
            Budget::Chars(n) => write!(f, "{n} characters"),
        }
    }
}

impl FromStr for Budget {
    type Err = ConfigError;

    /// Parses the short forms used on the command line: `3` or `3s`
    /// (sentences), `100w` (words), `600c` (characters), `0.2` or `20%`
    /// (ratio).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let bad = || ConfigError::InvalidValue {
            field: "budget",
            value: format!("{s:?}"),
            expected: "N or Ns (sentences), Nw (words), Nc (characters), 0.R or P% (ratio)",
        };
        let count = |digits: &str| digits.trim().parse::<usize>().map_err(|_| bad());
        let budget = if let Some(n) = t.strip_suffix('%') {
            Budget::Ratio(n.trim().parse::<f64>().map_err(|_| bad())? / 100.0)
        } else if let Some(n) = t.strip_suffix('w') {
            Budget::Words(count(n)?)
        } else if let Some(n) = t.strip_suffix('c') {
            Budget::Chars(count(n)?)
        } else if let Some(n) = t.strip_suffix('s') {
            Budget::Sentences(count(n)?)
        } else if t.contains('.') {
            Budget::Ratio(t.parse::<f64>().map_err(|_| bad())?)
        } else {
            Budget::Sentences(count(&t)?)
        };
        budget.validate()?;
        Ok(budget)
    }
}

impl Budget {
    /// Checks the ratio range (counts are always valid; 0 means an empty
    /// summary).
    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Budget::Ratio(r) = *self {
            if !(r.is_finite() && (0.0..=1.0).contains(&r)) {
                return Err(ConfigError::InvalidValue {
                    field: "budget.ratio",
                    value: r.to_string(),
                    expected: "a number from 0 to 1",
                });
            }
        }
        Ok(())
    }

    /// True when the budget allows nothing at all.
    pub fn is_zero(&self) -> bool {
        match *self {
            Budget::Sentences(n) | Budget::Words(n) | Budget::Chars(n) => n == 0,
            Budget::Ratio(r) => r <= 0.0 || r.is_nan(),
        }
    }
}

/// Order of the sentences in a summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// As they appear in the document (reads naturally).
    #[default]
    Document,
    /// Best first, in the order they were selected.
    Rank,
}

impl Order {
    /// Every order.
    pub const ALL: [Order; 2] = [Order::Document, Order::Rank];

    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Order::Document => "document",
            Order::Rank => "rank",
        }
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Order {
    type Err = ConfigError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Order::ALL
            .into_iter()
            .find(|o| o.name() == wanted)
            .ok_or_else(|| ConfigError::InvalidValue {
                field: "order",
                value: format!("{s:?}"),
                expected: "one of: document, rank",
            })
    }
}

/// Pair weight of TextRank's sentence graph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextRankWeight {
    /// Mihalcea & Tarau's normalized word overlap (the paper).
    #[default]
    Overlap,
    /// BM25, as gensim's summarizer does.
    Bm25,
}

/// TextRank knobs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TextRankConfig {
    /// Pair weight.
    pub weight: TextRankWeight,
    /// BM25 parameters (used with `weight = bm25`).
    pub bm25: Bm25Params,
}

/// LexRank knobs (Erkan & Radev 2004).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexRankConfig {
    /// Cosine above which two sentences are linked, in `[0, 1]` (0.1).
    pub threshold: f64,
    /// Continuous LexRank (the default): every positive cosine is a link
    /// weighted by that cosine (Erkan & Radev, section 3.3); `false` gives
    /// their thresholded, unweighted LexRank. Continuous with smooth idf
    /// scored best of the four combinations on the BBC dev set.
    pub continuous: bool,
    /// Idf formula for the tf-idf vectors (smooth by default: with plain
    /// `ln(N/df)` over one document's sentences, a word in every sentence
    /// weighs nothing and short documents lose most of their links).
    pub idf: IdfFormula,
}

impl Default for LexRankConfig {
    fn default() -> Self {
        LexRankConfig {
            threshold: 0.1,
            continuous: true,
            idf: IdfFormula::Smooth,
        }
    }
}

/// PACSUM knobs (Zheng & Lapata 2019): the centrality of sentence i is
/// `λ1 · Σ_{j<i} e_ij + λ2 · Σ_{j>i} e_ij`, with
/// `e_ij = max(0, sim_ij − (min + β (max − min)))` over the document's
/// similarities.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PacsumConfig {
    /// Weight of edges to earlier sentences (−0.8).
    pub lambda1: f64,
    /// Weight of edges to later sentences (0.2).
    pub lambda2: f64,
    /// Edge threshold as a fraction of the similarity range, in `[0, 1]` (0).
    pub beta: f64,
}

/// Defaults: the setting the PacSum authors' tuning procedure picks on the
/// CNN/DailyMail dev file (`examples/tune_pacsum.rs`; see
/// [`crate::scorers::pacsum`]).
impl Default for PacsumConfig {
    fn default() -> Self {
        PacsumConfig {
            lambda1: -0.8,
            lambda2: 0.2,
            beta: 0.0,
        }
    }
}

fn check(
    ok: bool,
    field: &'static str,
    value: impl fmt::Display,
    expected: &'static str,
) -> Result<(), ConfigError> {
    if ok {
        Ok(())
    } else {
        Err(ConfigError::InvalidValue {
            field,
            value: value.to_string(),
            expected,
        })
    }
}

fn unit(x: f64) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

impl SummarizerConfig {
    /// Checks every field; the error names the first bad one.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.budget.validate()?;
        if let Some(l) = self.redundancy {
            check(unit(l), "redundancy", l, "a number from 0 to 1, or null")?;
        }
        if let Some(t) = self.near_duplicate_threshold {
            check(
                unit(t),
                "near_duplicate_threshold",
                t,
                "a number from 0 to 1, or null",
            )?;
        }
        check(
            self.hint_weight.is_finite() && self.hint_weight >= 0.0,
            "hint_weight",
            self.hint_weight,
            "a finite number >= 0",
        )?;
        if let Some(t) = self.threads {
            check(t >= 1, "threads", t, "at least 1, or null for one per CPU")?;
        }
        let g = &self.graph;
        check(
            g.max_term_df >= 1,
            "graph.max_term_df",
            g.max_term_df,
            "at least 1",
        )?;
        if let Some(k) = g.max_neighbours {
            check(k >= 1, "graph.max_neighbours", k, "at least 1, or null")?;
        }
        check(
            g.min_weight.is_finite(),
            "graph.min_weight",
            g.min_weight,
            "a finite number",
        )?;
        let p = &self.pagerank;
        check(
            unit(p.damping),
            "pagerank.damping",
            p.damping,
            "a number from 0 to 1",
        )?;
        check(
            p.tolerance.is_finite() && p.tolerance > 0.0,
            "pagerank.tolerance",
            p.tolerance,
            "a finite number > 0",
        )?;
        check(
            p.max_iterations >= 1,
            "pagerank.max_iterations",
            p.max_iterations,
            "at least 1",
        )?;
        let b = &self.textrank.bm25;
        check(
            b.k1.is_finite() && b.k1 >= 0.0,
            "textrank.bm25.k1",
            b.k1,
            "a finite number >= 0",
        )?;
        check(unit(b.b), "textrank.bm25.b", b.b, "a number from 0 to 1")?;
        check(
            b.epsilon.is_finite() && b.epsilon >= 0.0,
            "textrank.bm25.epsilon",
            b.epsilon,
            "a finite number >= 0",
        )?;
        check(
            unit(self.lexrank.threshold),
            "lexrank.threshold",
            self.lexrank.threshold,
            "a number from 0 to 1",
        )?;
        let pc = &self.pacsum;
        check(
            pc.lambda1.is_finite(),
            "pacsum.lambda1",
            pc.lambda1,
            "a finite number",
        )?;
        check(
            pc.lambda2.is_finite(),
            "pacsum.lambda2",
            pc.lambda2,
            "a finite number",
        )?;
        check(
            unit(pc.beta),
            "pacsum.beta",
            pc.beta,
            "a number from 0 to 1",
        )?;
        Ok(())
    }

    /// The parsing options this config implies.
    pub fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            language: self.language,
            title: self.title.clone(),
            detect_structure: self.detect_structure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_round_trips() {
        let c = SummarizerConfig::default();
        c.validate().unwrap();
        assert_eq!(c.budget, Budget::Sentences(3));
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""budget":{"sentences":3}"#), "{json}");
        let back: SummarizerConfig = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn missing_keys_default_and_unknown_keys_fail() {
        let c: SummarizerConfig =
            serde_json::from_str(r#"{"budget": {"words": 50}, "lexrank": {"continuous": true}}"#)
                .unwrap();
        assert_eq!(c.budget, Budget::Words(50));
        assert!(c.lexrank.continuous);
        assert_eq!(c.lexrank.threshold, 0.1);
        assert_eq!(c.order, Order::Document);
        let err = serde_json::from_str::<SummarizerConfig>(r#"{"budjet": 3}"#).unwrap_err();
        assert!(err.to_string().contains("budjet"), "{err}");
    }

    #[test]
    fn budget_short_forms() {
        assert_eq!("3".parse::<Budget>().unwrap(), Budget::Sentences(3));
        assert_eq!("5s".parse::<Budget>().unwrap(), Budget::Sentences(5));
        assert_eq!("100w".parse::<Budget>().unwrap(), Budget::Words(100));
        assert_eq!("600C".parse::<Budget>().unwrap(), Budget::Chars(600));
        assert_eq!("0.25".parse::<Budget>().unwrap(), Budget::Ratio(0.25));
        assert_eq!("20%".parse::<Budget>().unwrap(), Budget::Ratio(0.2));
        for bad in ["", "abc", "-3", "1.5", "150%", "3x"] {
            let err = bad.parse::<Budget>().unwrap_err();
            assert!(err.field().starts_with("budget"), "{bad}: {err}");
        }
    }

    #[test]
    fn order_names() {
        assert_eq!("Rank".parse::<Order>().unwrap(), Order::Rank);
        let err = "random".parse::<Order>().unwrap_err();
        assert_eq!(err.field(), "order");
        assert!(err.to_string().contains("document, rank"), "{err}");
    }
}
