//! nutgraf's own scorer: what news readers and summary writers reward,
//! combined linearly with weights fitted on development data.
//!
//! Each candidate sentence gets nine [features](Features), each normalised
//! *within the document* (ranks, shares, flags or counts of flags) so that
//! no feature depends on how long the document is or which corpus it came
//! from. The score is their weighted sum ([`DefaultScorer::weights`],
//! default [`WEIGHTS`]).
//!
//! | feature | value | why it might matter |
//! |---|---|---|
//! | `position` | `1 / √(k + 1)` for the `k`-th candidate (0-based) | lead bias: news puts the point first |
//! | `centrality` | percentile rank of LexRank-style PageRank on the tf-idf cosine graph | sentences that share the story's vocabulary |
//! | `forward` | percentile rank of PacSum's forward centrality `Σ_{j>k} cos(k, j)` | the lead states what later sentences elaborate |
//! | `backward` | percentile rank of `Σ_{j<k} cos(k, j)` | a sentence repeating what came before adds little |
//! | `length` | percentile rank of the word count | long sentences carry more of the story |
//! | `density` | content words / all words | dense sentences carry facts |
//! | `title` | share of the headline's content stems in the sentence (0 without a headline) | the headline says what matters |
//! | `novelty` | `1 −` the largest cosine to an earlier candidate | repeats (e.g. captions restating the lead) add nothing |
//! | `aside` | marks of colour rather than news, `[0, 4]`: quoted share of the words + 1 for a fragment (< [`FRAGMENT_WORDS`] words) + 1 for a question + 1 for a glued photo caption ([`glue_point`]) | summaries paraphrase and report; quotes, teasers ("But will he face death?") and captions are what they leave out |
//!
//! `aside` bundles four marks under one weight on purpose: fitted one by
//! one, their weights swung from fold to fold of the cross-validation (a
//! handful of articles decides each), while together they are one
//! judgement — "this sentence is not the news itself" — with one weight
//! that every fold agrees on. Quotes are recognised in double and single
//! marks (British papers quote with single ones), apostrophes excepted.
//!
//! The graph features reuse [`crate::similarity`]: a sparse, inverted-index
//! graph (no dense `n × n` matrix) and deterministic PageRank, so the scorer
//! stays linear-ish in the number of sentences and gives the same scores at
//! any thread count.
//!
//! **Fitted weights.** [`WEIGHTS`] come from
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example fit_default
//! ```
//!
//! which fits them on the CNN/DailyMail development file
//! (`../shared/data/cnndm_test_frank.jsonl.gz`, 250 articles, 3-sentence
//! summaries) by steepest coordinate ascent, from Lead, on the mean of
//! ROUGE-1 and ROUGE-2 F1 of the summaries the [`crate::Summarizer`] selects, then
//! prints the weights, the dev scores, 5-fold cross-validation figures and
//! a BBC check. `docs/default-scorer.md` records the figures. Only the
//! forward-centrality (0.2) and aside (−0.2) weights came out non-zero
//! next to position — the same two in every cross-validation fold: a
//! sentence that the rest of the story elaborates on moves up a little, an
//! aside moves down about one place. The other features did not raise
//! ROUGE by the fit's minimum gain; they are computed anyway and kept in
//! the model so that a refit on more data can use them.
//!
//! The scorer does not look at the requested summary length or at how a
//! corpus joins its paragraphs.

mod caption;

pub use caption::glue_point;

use crate::similarity::{
    forward_sums, pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight,
};
use crate::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use crate::{Scorer, ScoringContext};
use nutgraf_parse::Document;

/// Number of features.
pub const FEATURE_COUNT: usize = 9;

/// Feature names, in the order of [`Features::values`] and [`WEIGHTS`].
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "position",
    "centrality",
    "forward",
    "backward",
    "length",
    "density",
    "title",
    "novelty",
    "aside",
];

/// Fitted weights, in the order of [`FEATURE_NAMES`]. Produced by
/// `cargo run --release -p nutgraf-summarize --example fit_default`
/// (see the module docs and `docs/default-scorer.md`).
pub const WEIGHTS: [f64; FEATURE_COUNT] = [1.0, 0.0, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2];

/// Sentences with fewer word tokens than this are fragments.
pub const FRAGMENT_WORDS: usize = 8;

/// The normalised features of one candidate sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    /// In the order of [`FEATURE_NAMES`]; every value lies in `[0, 1]`.
    pub values: [f64; FEATURE_COUNT],
}

/// nutgraf's default news scorer (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultScorer {
    /// One weight per feature, in the order of [`FEATURE_NAMES`].
    pub weights: [f64; FEATURE_COUNT],
    /// Bounds of the sparse similarity graph on long documents.
    pub graph: GraphOptions,
    /// PageRank settings of the centrality feature.
    pub pagerank: PageRankOptions,
}

impl Default for DefaultScorer {
    fn default() -> Self {
        DefaultScorer {
            weights: WEIGHTS,
            graph: GraphOptions::default(),
            pagerank: PageRankOptions::default(),
        }
    }
}

impl DefaultScorer {
    /// The features of every candidate, in candidate order. Candidates that
    /// are not sentences of `doc` get all-zero features.
    pub fn features(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<Features> {
        self.compute(doc, context, [true; FEATURE_COUNT])
    }

    /// [`DefaultScorer::features`], computing only the features marked in
    /// `wanted`; the others are 0. Scoring asks only for the features with a
    /// non-zero weight: every feature is finite and non-negative, so a
    /// skipped one adds the same `+0.0` (or `-0.0` for a `-0.0` weight) to
    /// the combined score as the computed one would. Skipping centrality
    /// saves the PageRank step, the costliest one on long documents; when
    /// forward centrality is the only graph feature wanted (the fitted
    /// model), its sums come from [`forward_sums`] and no graph is built.
    fn compute(
        &self,
        doc: &Document,
        context: &ScoringContext<'_>,
        wanted: [bool; FEATURE_COUNT],
    ) -> Vec<Features> {
        let candidates = context.candidates;
        let n = candidates.len();
        if n == 0 {
            return Vec::new();
        }
        let valid = |i: usize| i < doc.sentences.len();

        // Similarity graph over content words (tf-idf cosine, sentence idf).
        let terms = sentence_terms(doc, candidates, &TermFilter::CONTENT);
        let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
        let cosine = PairWeight::Cosine(&idf);
        let mut rank = vec![0.0; n];
        let mut forward = vec![0.0; n];
        let mut backward = vec![0.0; n];
        let mut novelty = vec![1.0; n];
        if wanted[1] || wanted[3] || wanted[7] {
            let graph = similarity_graph(&terms, cosine, &self.graph);
            if wanted[1] {
                rank = pagerank(&graph, &self.pagerank, None);
            }
            for k in 0..n {
                let (cols, ws) = graph.row(k);
                for (&j, &w) in cols.iter().zip(ws) {
                    if (j as usize) > k {
                        forward[k] += w;
                    } else {
                        backward[k] += w;
                        novelty[k] = f64::min(novelty[k], 1.0 - w);
                    }
                }
            }
        } else if wanted[2] {
            // Forward centrality alone (the fitted model): the same sums
            // without building the graph.
            forward = forward_sums(&terms, cosine, &self.graph);
        }
        let centrality = ranks_if(wanted[1], &rank);
        let forward = ranks_if(wanted[2], &forward);
        let backward = ranks_if(wanted[3], &backward);

        let length = if wanted[4] {
            let lengths: Vec<f64> = candidates
                .iter()
                .map(|&i| {
                    if valid(i) {
                        doc.sentences[i].tokens.len() as f64
                    } else {
                        0.0
                    }
                })
                .collect();
            percentile_ranks(&lengths)
        } else {
            vec![0.0; n]
        };

        let vocabulary = if wanted[6] {
            doc.vocabulary.stems.len()
        } else {
            0
        };
        let mut in_title = vec![false; vocabulary];
        for &stem in &doc.title_stems {
            if let Some(flag) = in_title.get_mut(stem as usize) {
                *flag = true;
            }
        }
        let title_len = doc
            .title_stems
            .iter()
            .filter(|&&s| (s as usize) < in_title.len())
            .count();

        // Where quote marks may start, found once for the whole text.
        let quote_marks = quote_lead_bytes(&doc.text);
        (0..n)
            .map(|k| {
                let i = candidates[k];
                if !valid(i) {
                    return Features::default();
                }
                let tokens = doc.sentence_tokens(i);
                let density = if !wanted[5] || tokens.is_empty() {
                    0.0
                } else {
                    let content = tokens.iter().filter(|t| !t.stop).count();
                    content as f64 / tokens.len() as f64
                };
                let title = if title_len == 0 {
                    0.0
                } else {
                    let mut stems: Vec<u32> = tokens
                        .iter()
                        .filter(|t| !t.stop && in_title.get(t.stem as usize) == Some(&true))
                        .map(|t| t.stem)
                        .collect();
                    stems.sort_unstable();
                    stems.dedup();
                    stems.len() as f64 / title_len as f64
                };
                let aside = aside(doc, i, tokens.len(), &quote_marks);
                Features {
                    values: [
                        1.0 / ((k + 1) as f64).sqrt(),
                        centrality[k],
                        forward[k],
                        backward[k],
                        length[k],
                        density,
                        title,
                        novelty[k].clamp(0.0, 1.0),
                        aside,
                    ]
                    .map(|v| if v.is_finite() { v } else { 0.0 }),
                }
            })
            .collect()
    }

    /// The score of one feature vector under these weights.
    pub fn combine(&self, features: &Features) -> f64 {
        let s: f64 = features
            .values
            .iter()
            .zip(&self.weights)
            .map(|(x, w)| x * w)
            .sum();
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }
}

impl Scorer for DefaultScorer {
    fn score(&self, doc: &Document, context: &ScoringContext<'_>) -> Vec<f64> {
        // Most weights are 0 in the fitted model (centrality among them:
        // no PageRank then): only the features that count are computed.
        self.compute(doc, context, self.weights.map(|w| w != 0.0))
            .iter()
            .map(|f| self.combine(f))
            .collect()
    }
}

/// For each value, the share of the *other* values strictly below it plus
/// half of those equal to it (mid-rank percentile, in `[0, 1]`); 0.5 for a
/// single value.
/// [`percentile_ranks`] of `values` when `wanted`, else all 0.
fn ranks_if(wanted: bool, values: &[f64]) -> Vec<f64> {
    if wanted {
        percentile_ranks(values)
    } else {
        vec![0.0; values.len()]
    }
}

fn percentile_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n <= 1 {
        return vec![0.5; n];
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    values
        .iter()
        .map(|v| {
            let below = sorted.partition_point(|x| x < v);
            let equal = sorted.partition_point(|x| x <= v) - below - 1;
            (below as f64 + 0.5 * equal as f64) / (n - 1) as f64
        })
        .collect()
}

/// How many marks of an aside — colour rather than news — sentence `i`
/// (with `words` word tokens) bears: its quoted share ([`quoted_share`]),
/// plus 1 for a fragment (fewer than [`FRAGMENT_WORDS`] words), plus 1 for
/// a question, plus 1 for a photo caption glued onto a sentence
/// ([`glue_point`]). In `[0, 4]`; a short teaser question counts twice.
/// `quote_marks`: [`quote_lead_bytes`] of the document's text.
fn aside(doc: &Document, i: usize, words: usize, quote_marks: &[usize]) -> f64 {
    let fragment = words < FRAGMENT_WORDS;
    let question = doc
        .sentence_text(i)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?')
        .ends_with('?');
    let caption = glue_point(doc, i).is_some();
    quoted_share(doc, i, quote_marks)
        + [fragment, question, caption]
            .map(|b| f64::from(u8::from(b)))
            .iter()
            .sum::<f64>()
}

/// Share of a sentence's word tokens that lie inside quotation marks:
/// double (straight, curly or guillemets) or single (straight or curly —
/// British papers quote with single marks). An unclosed double quote runs
/// to the end of the sentence and a closing one without an opening starts
/// at the sentence start, since quotes often span sentences. A single mark
/// opens a quote only at the start of a word (after a space, a bracket or
/// the sentence start) and closes one only at the end of a word, so the
/// apostrophes of "shouldn't" and "players' " are not quotes; an unclosed
/// single quote also runs to the end. `quote_marks`: [`quote_lead_bytes`]
/// of the document's text.
fn quoted_share(doc: &Document, sentence: usize, quote_marks: &[usize]) -> f64 {
    let s = &doc.sentences[sentence];
    let tokens = doc.sentence_tokens(sentence);
    if tokens.is_empty() {
        return 0.0;
    }
    let Some(text) = doc.text.get(s.span.range()) else {
        return 0.0;
    };
    // The sentence's own marks, relative to its start (no mark: nothing
    // quoted, as `quoted_ranges` would find).
    let from = quote_marks.partition_point(|&p| p < s.span.start);
    let to = quote_marks.partition_point(|&p| p < s.span.end);
    if from == to {
        return 0.0;
    }
    let inside = quoted_ranges_at(
        text,
        quote_marks[from..to].iter().map(|&p| p - s.span.start),
    );
    if inside.is_empty() {
        return 0.0;
    }
    let quoted = tokens
        .iter()
        .filter(|t| {
            let at = t.span.start.saturating_sub(s.span.start);
            inside.iter().any(|r| r.contains(&at))
        })
        .count();
    quoted as f64 / tokens.len() as f64
}

/// Byte ranges of `text` inside quotes.
#[cfg(test)]
fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    quoted_ranges_at(text, quote_lead_bytes(text))
}

/// Byte positions in `text` where a quote mark may start, ascending: the
/// ASCII quotes, and the lead bytes 0xC2 of « » and 0xE2 of the other
/// marks. `memchr3` finds three of the four bytes; 0xC2 (« », but also £
/// and the no-break space) has a search of its own, merged in by position.
/// The scorer runs this once over the whole document (one search instead
/// of two per sentence) and gives each sentence its slice.
fn quote_lead_bytes(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut marks = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut c2 = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut out = Vec::new();
    loop {
        let next = match (marks.peek(), c2.peek()) {
            (Some(m), Some(c)) if c < m => c2.next(),
            (Some(_), _) => marks.next(),
            (None, _) => c2.next(),
        };
        let Some(pos) = next else { break };
        out.push(pos);
    }
    out
}

/// Byte ranges of `text` inside quotes, given the positions in `text`
/// where a quote mark may start ([`quote_lead_bytes`]), ascending.
fn quoted_ranges_at(
    text: &str,
    lead_bytes: impl IntoIterator<Item = usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut inside = Vec::new();
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    // Only quote marks change the state, so the scan jumps between the
    // bytes that can start one (ASCII quotes, and the lead bytes 0xC2 of
    // « » and 0xE2 of the other marks), decoding just the mark and its two
    // neighbours: most of a sentence is never decoded.
    let mut visit = |pos: usize| {
        let (Some(before), Some(rest)) = (text.get(..pos), text.get(pos..)) else {
            return;
        };
        let mut after = rest.chars();
        let Some(c) = after.next() else {
            return;
        };
        let prev = before.chars().next_back();
        let next = after.next();
        match c {
            '"' => match open.take() {
                Some(start) => inside.push(start..pos),
                None => open = Some(pos),
            },
            '“' | '«' | '„' => open = Some(pos),
            '”' | '»' => {
                inside.push(open.take().unwrap_or(0)..pos);
            }
            '\'' | '‘' | '’' => {
                let word_start = prev.is_none_or(|p| p.is_whitespace() || "([\"“".contains(p))
                    && next.is_some_and(char::is_alphanumeric);
                let word_end = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| !n.is_alphanumeric());
                if single.is_none() && word_start && c != '’' {
                    single = Some(pos);
                } else if word_end && c != '‘' {
                    if let Some(start) = single.take() {
                        inside.push(start..pos);
                    }
                }
            }
            _ => {}
        }
    };
    lead_bytes.into_iter().for_each(&mut visit);
    if let Some(start) = open {
        inside.push(start..text.len());
    }
    if let Some(start) = single {
        inside.push(start..text.len());
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition of [`quoted_ranges`]: every character decoded,
    /// with its neighbours.
    fn quoted_ranges_by_chars(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut inside = Vec::new();
        let mut open: Option<usize> = None;
        let mut single: Option<usize> = None;
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((pos, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                '"' => match open.take() {
                    Some(start) => inside.push(start..pos),
                    None => open = Some(pos),
                },
                '“' | '«' | '„' => open = Some(pos),
                '”' | '»' => inside.push(open.take().unwrap_or(0)..pos),
                '\'' | '‘' | '’' => {
                    let word_start = prev.is_none_or(|p| p.is_whitespace() || "([\"“".contains(p))
                        && next.is_some_and(char::is_alphanumeric);
                    let word_end = prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| !n.is_alphanumeric());
                    if single.is_none() && word_start && c != '’' {
                        single = Some(pos);
                    } else if word_end && c != '‘' {
                        if let Some(start) = single.take() {
                            inside.push(start..pos);
                        }
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some(start) = open {
            inside.push(start..text.len());
        }
        if let Some(start) = single {
            inside.push(start..text.len());
        }
        inside
    }

    #[test]
    fn quote_scan_matches_the_char_by_char_definition() {
        // Quote marks, their neighbours, and other characters sharing the
        // lead bytes 0xC2 (¡ ·) and 0xE2 (— € …) of the marks.
        // ASCII-only strings too.
        for alphabet in ["ab1 (\"'‘’“”«»„é—€…¡·\n", "ab1 (\"'\n"] {
            check_quote_scan(&alphabet.chars().collect::<Vec<char>>());
        }
    }

    fn check_quote_scan(alphabet: &[char]) {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            let len = (state >> 59) as usize;
            for _ in 0..len {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(
                quoted_ranges(&text),
                quoted_ranges_by_chars(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn percentiles_are_mid_ranks() {
        assert_eq!(percentile_ranks(&[3.0, 1.0, 2.0]), vec![1.0, 0.0, 0.5]);
        assert_eq!(percentile_ranks(&[2.0, 2.0]), vec![0.5, 0.5]);
        assert_eq!(percentile_ranks(&[7.0]), vec![0.5]);
        assert!(percentile_ranks(&[]).is_empty());
    }

    fn marks(doc: &Document) -> Vec<usize> {
        quote_lead_bytes(&doc.text)
    }

    /// The document's marks, sliced per sentence, give each sentence the
    /// quoted ranges its own text gives.
    #[test]
    fn document_marks_give_each_sentence_its_own_ranges() {
        let text = "He said \"we will win\" and left. ‘It was tough,’ said the coach.\n\
                    The fee was £185,000 « cher » — “or so” they said. 'Twas the players' day.\n\
                    No quotes here at all, only words.";
        let doc = nutgraf_parse::parse(text, &nutgraf_parse::ParseOptions::default());
        let all = marks(&doc);
        assert!(doc.sentences.len() >= 4);
        for s in &doc.sentences {
            let own = &doc.text[s.span.range()];
            let from = all.partition_point(|&p| p < s.span.start);
            let to = all.partition_point(|&p| p < s.span.end);
            let sliced = all[from..to].iter().map(|&p| p - s.span.start);
            assert_eq!(quoted_ranges_at(own, sliced), quoted_ranges(own), "{own:?}");
        }
    }

    fn first_sentence(text: &str) -> (Document, usize) {
        let doc = nutgraf_parse::parse(text, &nutgraf_parse::ParseOptions::default());
        let first = doc.selectable_sentences().next().expect("a body sentence");
        (doc, first)
    }

    #[test]
    fn quotes_in_single_marks_count_and_apostrophes_do_not() {
        // 3 of the 9 words are quoted.
        let (doc, i) = first_sentence("'It was tough,' said the coach, who won it.");
        assert!(
            (quoted_share(&doc, i, &marks(&doc)) - 3.0 / 9.0).abs() < 1e-9,
            "{}",
            quoted_share(&doc, i, &marks(&doc))
        );
        let (doc, i) = first_sentence("‘When England come calling, you shouldn’t say no.’");
        assert_eq!(quoted_share(&doc, i, &marks(&doc)), 1.0);
        let (doc, i) =
            first_sentence("The players' union said it couldn't accept the club's new offer.");
        assert_eq!(quoted_share(&doc, i, &marks(&doc)), 0.0);
        let (doc, i) = first_sentence("He said \"we will win\" and left the room at once.");
        assert!((quoted_share(&doc, i, &marks(&doc)) - 3.0 / 11.0).abs() < 1e-9);
    }

    #[test]
    fn asides_add_up_their_marks() {
        let (doc, i) = first_sentence("But will he face death?");
        assert_eq!(
            aside(&doc, i, doc.sentence_tokens(i).len(), &marks(&doc)),
            2.0
        ); // fragment, question
        let (doc, i) = first_sentence(
            "The council approved the new budget for the city's schools on Tuesday night.",
        );
        assert_eq!(
            aside(&doc, i, doc.sentence_tokens(i).len(), &marks(&doc)),
            0.0
        );
    }
}
