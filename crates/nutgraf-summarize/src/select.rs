//! From scores to a summary: relevance, hints, budget, redundancy.
//!
//! ## Relevance
//!
//! Scorers return scores on their own scales. [`relevance`] maps them to
//! `[0, 1]` (min–max; all-equal scores all become 1; non-finite scores count
//! as the minimum), and [`hint_coverage`] adds `hint_weight × fraction of the
//! hint stems the sentence contains`. Hints are tokenized and stemmed by the
//! same parser as the document, in the document's language, so "elections"
//! matches "election"; stop words in hints are ignored unless a hint has
//! nothing else.
//!
//! ## Ranking
//!
//! Candidates are taken greedily, best first; equal scores go to the earlier
//! sentence. With maximal marginal relevance (λ, see
//! [`crate::SummarizerConfig::redundancy`]) the score of a sentence is
//! `λ · relevance − (1 − λ) · max cosine to the sentences already taken`,
//! recomputed as sentences are taken (lazily: a score can only fall, so a
//! heap of stale upper bounds gives the exact greedy order).
//!
//! A candidate is **skipped** (never taken) when
//! * its tf-idf cosine with an already taken sentence is above the
//!   near-duplicate threshold, or
//! * trigram blocking is on and it shares a word trigram with a taken
//!   sentence, or
//! * it does not fit the remaining words/characters budget.
//!
//! Similarities are computed only between sentences sharing a term (an
//! inverted index over the candidates). Without MMR only the
//! near-duplicate test needs them, and only whether a cosine is above the
//! threshold `t`: so when a sentence `x` is taken, the postings of its most
//! common terms are not walked, as long as those terms' part `x_U` of its
//! unit vector has norm at most `t / 2` — a sentence shares at most
//! `‖x_U‖` of its cosine with `x` through them (Cauchy–Schwarz), so one
//! reached only through them cannot be a near duplicate, and one reached
//! through the other terms can only be when that part of its cosine is
//! above `t − ‖x_U‖`; those get their exact cosine. The outcome is the same as walking everything; the walk skips
//! the long postings, which keeps long summaries of huge documents (e.g.
//! 10% of 100,000 sentences) from going quadratic. With MMR every cosine
//! counts and all postings are walked.
//!
//! Most summaries take a handful of sentences, and then the near-duplicate
//! test needs only the cosines between the sentence about to be taken and
//! the few already taken: [`NearDuplicates`] builds the vectors of just the
//! sentences the ranking reaches and compares them pairwise, and moves to
//! the inverted index above [`PAIRWISE_LIMIT`] taken sentences. Same idf,
//! same dot products, same decisions.
//!
//! ## Budgets ([`Budget`])
//!
//! * `Sentences(n)`: up to `n` sentences (fewer when skips run out of
//!   candidates).
//! * `Ratio(r)`: up to `ceil(r × candidates)` sentences (computed in `f64`),
//!   at least 1 when there is any candidate and `r > 0`.
//! * `Words(n)` / `Chars(n)`: walk the ranking and take every sentence that
//!   still fits, skipping those that do not; a sentence is never cut. Words
//!   are word tokens; characters are Unicode scalar values of the sentence
//!   text, separators between sentences not counted. **If no candidate fits
//!   at all**, the summary is the single best-ranked sentence and
//!   [`Selection::over_budget`] is set: a non-empty document should not give
//!   an empty summary because its sentences are long.
//! * Any zero budget (`0` sentences, ratio `0`, `0` words or characters)
//!   gives an empty summary.

use crate::vectors::{
    sentence_terms, tfidf_vector, tfidf_vectors, Idf, IdfFormula, SparseVector, TermCounts,
    TermFilter,
};
use crate::Budget;
use nutgraf_parse::{parse, Document, ParseOptions};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// Selection settings (the redundancy part of the config).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelectOptions {
    /// The length limit.
    pub budget: Budget,
    /// MMR λ in `[0, 1]`, or `None` for plain ranking.
    pub redundancy: Option<f64>,
    /// Skip sentences sharing a word trigram with a taken one.
    pub trigram_blocking: bool,
    /// Skip sentences whose cosine with a taken one is above this.
    pub near_duplicate_threshold: Option<f64>,
}

/// The outcome of [`select`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Positions in the candidate list, in the order they were taken.
    pub picked: Vec<usize>,
    /// True when the single-sentence rule for words/chars budgets applied.
    pub over_budget: bool,
}

/// Scores scaled to `[0, 1]` by min–max; non-finite scores count as the
/// minimum; when all scores are equal every candidate gets 1.
pub fn relevance(scores: &[f64]) -> Vec<f64> {
    let finite = scores.iter().copied().filter(|s| s.is_finite());
    let min = finite.clone().fold(f64::INFINITY, f64::min);
    let max = finite.fold(f64::NEG_INFINITY, f64::max);
    let range = max - min;
    scores
        .iter()
        .map(|&s| {
            if !(range > 0.0 && range.is_finite()) {
                1.0
            } else if s.is_finite() {
                (s - min) / range
            } else {
                0.0
            }
        })
        .collect()
}

/// For each candidate, the fraction of distinct hint stems it contains
/// (0 for every candidate when there are no usable hints).
pub fn hint_coverage(doc: &Document, candidates: &[usize], hints: &[String]) -> Vec<f64> {
    let options = ParseOptions {
        language: doc.language,
        title: None,
        detect_structure: false,
    };
    let mut wanted: Vec<String> = Vec::new();
    for hint in hints {
        let h = parse(hint, &options);
        let content: Vec<&nutgraf_parse::Token> = h.tokens.iter().filter(|t| !t.stop).collect();
        let chosen: Vec<&nutgraf_parse::Token> = if content.is_empty() {
            h.tokens.iter().collect()
        } else {
            content
        };
        for t in chosen {
            let stem = h.stem(t);
            if !wanted.iter().any(|w| w == stem) {
                wanted.push(stem.to_string());
            }
        }
    }
    if wanted.is_empty() {
        return vec![0.0; candidates.len()];
    }
    let ids: HashMap<&str, u32> = doc
        .vocabulary
        .stems
        .iter()
        .enumerate()
        .map(|(i, s)| (s, i as u32))
        .collect();
    let wanted_ids: Vec<u32> = wanted
        .iter()
        .filter_map(|w| ids.get(w.as_str()).copied())
        .collect();
    candidates
        .iter()
        .map(|&i| {
            let Some(s) = doc.sentences.get(i) else {
                return 0.0;
            };
            let tokens = doc.tokens.get(s.tokens.clone()).unwrap_or(&[]);
            let found = wanted_ids
                .iter()
                .filter(|id| tokens.iter().any(|t| t.stem == **id))
                .count();
            found as f64 / wanted.len() as f64
        })
        .collect()
}

/// A heap entry: the key it was last computed with, and the candidate.
#[derive(Clone, Copy, Debug)]
struct Entry {
    key: f64,
    pos: usize,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// Larger key first; among equal keys, the earlier sentence first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .total_cmp(&other.key)
            .then_with(|| other.pos.cmp(&self.pos))
    }
}

/// Unit tf-idf vectors of the candidates and an inverted index over them,
/// to update "max cosine to a taken sentence" for the sentences that share a
/// term with the one just taken.
struct Similarities {
    vectors: Vec<SparseVector>,
    /// By term id: (candidate, weight) of the candidates holding it.
    postings: Vec<Vec<(usize, f64)>>,
    max_sim: Vec<f64>,
    acc: Vec<f64>,
    touched: Vec<usize>,
}

impl Similarities {
    fn new(doc: &Document, candidates: &[usize]) -> Similarities {
        let terms = sentence_terms(doc, candidates, &TermFilter::CONTENT);
        let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
        let vectors: Vec<SparseVector> = tfidf_vectors(&terms, &idf)
            .into_iter()
            .map(SparseVector::normalized)
            .collect();
        let vocab = vectors
            .iter()
            .filter_map(|v| v.terms.last())
            .max()
            .map_or(0, |&t| t as usize + 1);
        let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); vocab];
        for (pos, v) in vectors.iter().enumerate() {
            for (&t, &w) in v.terms.iter().zip(&v.weights) {
                postings[t as usize].push((pos, w));
            }
        }
        let n = candidates.len();
        Similarities {
            vectors,
            postings,
            max_sim: vec![0.0; n],
            acc: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    /// Records that candidate `pos` was taken. With `only_above = Some(t)`
    /// the similarities only need to be right about exceeding `t` (see the
    /// module docs): the most common terms whose part of the vector has norm
    /// at most `t / 2` are not walked, and `max_sim` of the sentences reached
    /// only through them stays as it was.
    fn take(&mut self, pos: usize, only_above: Option<f64>) {
        let v = &self.vectors[pos];
        let mut skip = vec![false; v.terms.len()];
        if let Some(t) = only_above.filter(|t| t.is_finite() && *t > 0.0) {
            // Most common terms first (longest postings), ties by term id.
            let df = |k: usize| self.postings.get(v.terms[k] as usize).map_or(0, Vec::len);
            let mut order: Vec<usize> = (0..v.terms.len()).collect();
            order.sort_by(|&a, &b| df(b).cmp(&df(a)).then(v.terms[a].cmp(&v.terms[b])));
            // Up to half the threshold: the sentences found through the
            // walked terms then need a walked part above t / 2 before their
            // full cosine is computed (skipping more would send nearly all
            // of them to that costlier step). The margin keeps rounding in
            // the walked sums from ever mattering.
            let budget = (0.5 * t - 1e-9).max(0.0);
            let mut norm2 = 0.0;
            for k in order {
                norm2 += v.weights[k] * v.weights[k];
                if norm2.sqrt() > budget {
                    break;
                }
                skip[k] = true;
            }
        }
        // Sentences reached through a walked term: the walked terms' part of
        // the cosine, plus at most `skipped` from the others. Only those
        // that could then exceed `t` need their full dot product (summed
        // over all shared terms in ascending term order, as below).
        if let (Some(t), true) = (only_above, skip.iter().any(|&s| s)) {
            let skipped = v
                .weights
                .iter()
                .zip(&skip)
                .filter(|(_, &s)| s)
                .map(|(w, _)| w * w)
                .sum::<f64>()
                .sqrt();
            for (k, (term, &w)) in v.terms.iter().zip(&v.weights).enumerate() {
                if skip[k] {
                    continue;
                }
                let postings = self.postings.get(*term as usize);
                for &(j, wj) in postings.map_or(&[][..], Vec::as_slice) {
                    if self.acc[j] == 0.0 {
                        self.touched.push(j);
                    }
                    self.acc[j] += w * wj;
                }
            }
            for &j in &self.touched {
                if self.acc[j] + skipped > t - 1e-9 {
                    let dot = v.dot(&self.vectors[j]);
                    self.max_sim[j] = self.max_sim[j].max(dot);
                }
                self.acc[j] = 0.0;
            }
            self.touched.clear();
            return;
        }
        for (t, &w) in v.terms.iter().zip(&v.weights) {
            for &(j, wj) in self
                .postings
                .get(*t as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                if self.acc[j] == 0.0 {
                    self.touched.push(j);
                }
                self.acc[j] += w * wj;
            }
        }
        for &j in &self.touched {
            self.max_sim[j] = self.max_sim[j].max(self.acc[j]);
            self.acc[j] = 0.0;
        }
        self.touched.clear();
    }
}

/// Word trigrams (by word id) of a sentence.
fn trigrams(doc: &Document, sentence: usize) -> Vec<[u32; 3]> {
    let Some(s) = doc.sentences.get(sentence) else {
        return Vec::new();
    };
    let tokens = doc.tokens.get(s.tokens.clone()).unwrap_or(&[]);
    tokens
        .windows(3)
        .map(|w| [w[0].word, w[1].word, w[2].word])
        .collect()
}

/// Word and character lengths of a sentence.
pub fn sentence_length(doc: &Document, sentence: usize) -> (usize, usize) {
    match doc.sentences.get(sentence) {
        Some(s) => (
            s.tokens.len(),
            doc.text
                .get(s.span.range())
                .map_or(0, |t| t.chars().count()),
        ),
        None => (0, 0),
    }
}

/// Above this many taken sentences, [`NearDuplicates`] switches from
/// pairwise cosines to the inverted index of [`Similarities`].
const PAIRWISE_LIMIT: usize = 32;

/// The near-duplicate test without MMR (see the module docs): pairwise
/// cosines with the taken sentences while they are few, vectors built only
/// for the sentences the ranking reaches; the inverted index beyond
/// [`PAIRWISE_LIMIT`].
struct NearDuplicates<'a> {
    doc: &'a Document,
    candidates: &'a [usize],
    threshold: f64,
    phase: Phase,
}

/// Where [`NearDuplicates`] stands.
enum Phase {
    /// Few sentences taken: pairwise cosines.
    Pairwise {
        /// Smooth idf over the candidates, as [`Similarities::new`] computes it.
        idf: Idf,
        /// Unit tf-idf vectors, by candidate position, built on first use.
        vectors: Vec<Option<SparseVector>>,
        taken: Vec<usize>,
    },
    /// Many taken: the inverted index.
    Indexed(Similarities),
}

impl<'a> NearDuplicates<'a> {
    /// `expected_picks`: how many sentences the budget may take, when
    /// known; above [`PAIRWISE_LIMIT`] the index is built at once.
    fn new(
        doc: &'a Document,
        candidates: &'a [usize],
        threshold: f64,
        expected_picks: Option<usize>,
    ) -> NearDuplicates<'a> {
        let phase = if expected_picks.is_some_and(|k| k > PAIRWISE_LIMIT) {
            Phase::Indexed(Similarities::new(doc, candidates))
        } else {
            Phase::Pairwise {
                idf: candidate_idf(doc, candidates),
                vectors: vec![None; candidates.len()],
                taken: Vec::new(),
            }
        };
        NearDuplicates {
            doc,
            candidates,
            threshold,
            phase,
        }
    }

    /// Whether candidate `pos` is too similar to a taken sentence.
    fn is_near_duplicate(&mut self, pos: usize) -> bool {
        let (doc, candidates, threshold) = (self.doc, self.candidates, self.threshold);
        match &mut self.phase {
            Phase::Indexed(index) => index.max_sim[pos] > threshold,
            Phase::Pairwise { taken, .. } if taken.is_empty() => false,
            Phase::Pairwise {
                idf,
                vectors,
                taken,
            } => {
                vectors[pos].get_or_insert_with(|| unit_vector(doc, candidates[pos], idf));
                let Some(v) = &vectors[pos] else {
                    return false;
                };
                // Taken vector first, as `Similarities::take` multiplies.
                taken
                    .iter()
                    .any(|&p| vectors[p].as_ref().is_some_and(|t| t.dot(v) > threshold))
            }
        }
    }

    fn take(&mut self, pos: usize) {
        let (doc, candidates, threshold) = (self.doc, self.candidates, self.threshold);
        match &mut self.phase {
            Phase::Indexed(index) => index.take(pos, Some(threshold)),
            Phase::Pairwise {
                idf,
                vectors,
                taken,
            } => {
                vectors[pos].get_or_insert_with(|| unit_vector(doc, candidates[pos], idf));
                taken.push(pos);
                if taken.len() > PAIRWISE_LIMIT {
                    let mut index = Similarities::new(doc, candidates);
                    for &p in taken.iter() {
                        index.take(p, Some(threshold));
                    }
                    self.phase = Phase::Indexed(index);
                }
            }
        }
    }
}

/// Smooth idf of the content terms over the candidates (what
/// [`Similarities::new`] derives from their term counts), from one pass over
/// the tokens: a term counts once per sentence (`last` holds the last
/// sentence that counted it).
fn candidate_idf(doc: &Document, candidates: &[usize]) -> Idf {
    let vocabulary = doc.vocabulary.stems.len();
    let mut df = vec![0u64; vocabulary];
    let mut last = vec![usize::MAX; vocabulary];
    for (pos, &i) in candidates.iter().enumerate() {
        let tokens = doc
            .sentences
            .get(i)
            .and_then(|s| doc.tokens.get(s.tokens.clone()))
            .unwrap_or(&[]);
        for token in tokens {
            if !TermFilter::CONTENT.keeps(doc, token) {
                continue;
            }
            let stem = token.stem as usize;
            if stem >= df.len() {
                df.resize(stem + 1, 0);
                last.resize(stem + 1, usize::MAX);
            }
            if last[stem] != pos {
                last[stem] = pos;
                df[stem] += 1;
            }
        }
    }
    Idf::from_counts(&df, candidates.len() as u64, IdfFormula::Smooth)
}

/// The unit tf-idf vector of sentence `sentence` over content terms.
fn unit_vector(doc: &Document, sentence: usize, idf: &Idf) -> SparseVector {
    let terms = TermCounts::of_sentence(doc, sentence, &TermFilter::CONTENT);
    tfidf_vector(&terms, idf).normalized()
}

/// Chooses sentences among `candidates` (sentence indices of `doc`) given
/// their `relevance` (same order; higher is better), following the rules
/// in the module docs. Never panics; a `relevance` of the wrong length is
/// padded with 0 or truncated.
pub fn select(
    doc: &Document,
    candidates: &[usize],
    relevance: &[f64],
    options: &SelectOptions,
) -> Selection {
    let n = candidates.len();
    let mut selection = Selection::default();
    if n == 0 || options.budget.is_zero() {
        return selection;
    }
    let rel: Vec<f64> = (0..n)
        .map(|k| {
            relevance
                .get(k)
                .copied()
                .filter(|r| r.is_finite())
                .unwrap_or(0.0)
        })
        .collect();
    let max_count = match options.budget {
        Budget::Sentences(k) => k.min(n),
        Budget::Ratio(r) => ((r * n as f64).ceil() as usize).clamp(1, n),
        Budget::Words(_) | Budget::Chars(_) => n,
    };
    let length_limit = match options.budget {
        Budget::Words(w) => Some((w, true)),
        Budget::Chars(c) => Some((c, false)),
        _ => None,
    };
    let lambda = options
        .redundancy
        .filter(|l| l.is_finite())
        .map(|l| l.clamp(0.0, 1.0));
    // With MMR every cosine counts: the full index. Without it, only the
    // near-duplicate test needs cosines.
    let mut sims = lambda.map(|_| Similarities::new(doc, candidates));
    let mut near_duplicates = match (lambda, options.near_duplicate_threshold) {
        (None, Some(t)) => Some(NearDuplicates::new(
            doc,
            candidates,
            t,
            length_limit.is_none().then_some(max_count),
        )),
        _ => None,
    };
    let key = |pos: usize, sims: &Option<Similarities>| match (lambda, sims) {
        (Some(l), Some(s)) => l * rel[pos] - (1.0 - l) * s.max_sim[pos],
        _ => rel[pos],
    };

    let mut heap: BinaryHeap<Entry> = (0..n)
        .map(|pos| Entry {
            key: key(pos, &sims),
            pos,
        })
        .collect();
    let best = heap.peek().map(|e| e.pos);
    let mut used = 0usize;
    let mut blocked: HashSet<[u32; 3]> = HashSet::new();

    while selection.picked.len() < max_count {
        let Some(entry) = heap.pop() else { break };
        let pos = entry.pos;
        let current = key(pos, &sims);
        if current.to_bits() != entry.key.to_bits() {
            // Stale: its MMR score fell since it was pushed.
            heap.push(Entry { key: current, pos });
            continue;
        }
        if let (Some(t), Some(s)) = (options.near_duplicate_threshold, &sims) {
            if s.max_sim[pos] > t {
                continue;
            }
        }
        if let Some(near) = near_duplicates.as_mut() {
            if near.is_near_duplicate(pos) {
                continue;
            }
        }
        let grams = if options.trigram_blocking {
            let g = trigrams(doc, candidates[pos]);
            if g.iter().any(|t| blocked.contains(t)) {
                continue;
            }
            g
        } else {
            Vec::new()
        };
        if let Some((limit, words)) = length_limit {
            let (w, c) = sentence_length(doc, candidates[pos]);
            let len = if words { w } else { c };
            if used + len > limit {
                continue;
            }
            used += len;
        }
        selection.picked.push(pos);
        blocked.extend(grams);
        if let Some(s) = sims.as_mut() {
            s.take(pos, None);
        }
        if let Some(near) = near_duplicates.as_mut() {
            near.take(pos);
        }
        if let Some((limit, _)) = length_limit {
            if used >= limit {
                break;
            }
        }
    }

    if selection.picked.is_empty() && length_limit.is_some() {
        if let Some(pos) = best {
            selection.picked.push(pos);
            selection.over_budget = true;
        }
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse(text, &ParseOptions::default())
    }

    fn opts(budget: Budget) -> SelectOptions {
        SelectOptions {
            budget,
            redundancy: None,
            trigram_blocking: false,
            near_duplicate_threshold: None,
        }
    }

    #[test]
    fn relevance_scales_and_handles_oddities() {
        assert_eq!(relevance(&[2.0, 4.0, 3.0]), vec![0.0, 1.0, 0.5]);
        assert_eq!(relevance(&[5.0, 5.0]), vec![1.0, 1.0]);
        assert_eq!(relevance(&[f64::NAN, 1.0, 3.0]), vec![0.0, 0.0, 1.0]);
        assert!(relevance(&[]).is_empty());
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let d = doc("A one.\nB two.\nC three.\nD four.");
        let c: Vec<usize> = (0..4).collect();
        let s = select(&d, &c, &[0.5, 1.0, 1.0, 1.0], &opts(Budget::Sentences(2)));
        assert_eq!(s.picked, vec![1, 2]);
    }

    #[test]
    fn ratio_rounds_up_and_keeps_one() {
        let d = doc("A one.\nB two.\nC three.\nD four.");
        let c: Vec<usize> = (0..4).collect();
        let r = [4.0, 3.0, 2.0, 1.0];
        assert_eq!(
            select(&d, &c, &r, &opts(Budget::Ratio(0.3))).picked,
            vec![0, 1]
        );
        assert_eq!(
            select(&d, &c, &r, &opts(Budget::Ratio(0.01))).picked,
            vec![0]
        );
        assert!(select(&d, &c, &r, &opts(Budget::Ratio(0.0)))
            .picked
            .is_empty());
        assert_eq!(
            select(&d, &c, &r, &opts(Budget::Ratio(1.0))).picked.len(),
            4
        );
    }

    #[test]
    fn words_budget_skips_what_does_not_fit() {
        // Lengths in words: 5, 2, 4, 1.
        let d = doc("One two three four five.\nSix seven.\nEight nine ten eleven.\nTwelve.");
        let c: Vec<usize> = (0..4).collect();
        let r = [4.0, 3.0, 2.0, 1.0];
        let s = select(&d, &c, &r, &opts(Budget::Words(4)));
        assert_eq!(s.picked, vec![1, 3]);
        assert!(!s.over_budget);
        let s = select(&d, &c, &r, &opts(Budget::Words(5)));
        assert_eq!(s.picked, vec![0]);
    }

    #[test]
    fn nothing_fits_gives_the_best_sentence_alone() {
        let d = doc("One two three four five.\nSix seven eight.");
        let c: Vec<usize> = (0..2).collect();
        let s = select(&d, &c, &[1.0, 2.0], &opts(Budget::Chars(5)));
        assert_eq!(s.picked, vec![1]);
        assert!(s.over_budget);
        assert!(select(&d, &c, &[1.0, 2.0], &opts(Budget::Chars(0)))
            .picked
            .is_empty());
    }

    #[test]
    fn mmr_prefers_novelty() {
        let d = doc("Storm floods the coastal town.\n\
             Storm floods the coastal town again.\n\
             Schools stay closed on Friday.");
        let c: Vec<usize> = (0..3).collect();
        let r = [1.0, 0.9, 0.5];
        let plain = select(&d, &c, &r, &opts(Budget::Sentences(2)));
        assert_eq!(plain.picked, vec![0, 1]);
        let mmr = select(
            &d,
            &c,
            &r,
            &SelectOptions {
                redundancy: Some(0.5),
                ..opts(Budget::Sentences(2))
            },
        );
        assert_eq!(mmr.picked, vec![0, 2]);
    }

    #[test]
    fn trigram_blocking_skips_shared_trigrams() {
        let d = doc("The prime minister said on Monday that taxes would rise.\n\
             The prime minister said nothing else.\n\
             Markets fell.");
        let c: Vec<usize> = (0..3).collect();
        let r = [1.0, 0.9, 0.5];
        let s = select(
            &d,
            &c,
            &r,
            &SelectOptions {
                trigram_blocking: true,
                ..opts(Budget::Sentences(2))
            },
        );
        assert_eq!(s.picked, vec![0, 2]);
    }

    /// Skipping the common terms' postings changes no near-duplicate
    /// decision, and every cosine above the threshold is the full one.
    #[test]
    fn near_duplicate_walk_skips_common_terms_without_changing_decisions() {
        let text: String = (0..120)
            .map(|i| {
                format!(
                    "Officials said the market in region{} fell on topic{} and topic{}.\n",
                    i % 9,
                    i % 13,
                    i % 4
                )
            })
            .collect();
        let d = doc(&text);
        let c: Vec<usize> = (0..d.sentences.len()).collect();
        let mut full = Similarities::new(&d, &c);
        let mut skipping = Similarities::new(&d, &c);
        let t = 0.8;
        for pos in [0, 7, 50, 51, 119] {
            full.take(pos, None);
            skipping.take(pos, Some(t));
            for j in 0..c.len() {
                let (f, s) = (full.max_sim[j], skipping.max_sim[j]);
                assert_eq!(f > t, s > t, "{j}");
                assert!(s <= f && (f <= t || s == f), "{j}: {s} {f}");
            }
        }
        // The walk did skip something: some sentence was left at a lower
        // (sub-threshold) value.
        assert!((0..c.len()).any(|j| skipping.max_sim[j] < full.max_sim[j]));
    }

    #[test]
    fn pairwise_near_duplicates_agree_with_the_full_cosines() {
        // 120 sentences over a small vocabulary: many pairs are above the
        // threshold. A long budget takes more than PAIRWISE_LIMIT sentences,
        // so both the pairwise and the indexed phase run.
        let text: String = (0..120)
            .map(|i| {
                format!(
                    "Officials said the market in region{} fell on topic{} and item{}{}.\n",
                    i % 40,
                    i % 20,
                    i % 8,
                    " rain".repeat(i % 7)
                )
            })
            .collect();
        let d = doc(&text);
        let c: Vec<usize> = (0..d.sentences.len()).collect();
        let rel: Vec<f64> = (0..c.len()).map(|k| ((k * 37) % 101) as f64).collect();
        // The same rule, brute force: best first (earlier on ties), skip a
        // sentence whose cosine with a taken one is above t.
        let terms = sentence_terms(&d, &c, &TermFilter::CONTENT);
        let idf = Idf::from_sentences(&terms, d.vocabulary.stems.len(), IdfFormula::Smooth);
        let vectors: Vec<SparseVector> = tfidf_vectors(&terms, &idf)
            .into_iter()
            .map(SparseVector::normalized)
            .collect();
        let mut order: Vec<usize> = (0..c.len()).collect();
        order.sort_by(|&a, &b| rel[b].total_cmp(&rel[a]).then(a.cmp(&b)));
        // Thresholds on both sides of every cosine that occurs, so that any
        // change of a decision at a boundary shows.
        let mut cosines: Vec<f64> = (0..c.len())
            .flat_map(|a| (0..a).map(move |b| (a, b)))
            .map(|(a, b)| vectors[a].dot(&vectors[b]))
            .filter(|&x| x > 0.05 && x < 0.999)
            .collect();
        cosines.sort_by(f64::total_cmp);
        cosines.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
        assert!(cosines.len() >= 5, "{cosines:?}");
        let thresholds = cosines.iter().flat_map(|&x| [x - 1e-6, x + 1e-6]);
        let mut both_phases = false;
        for t in thresholds {
            // A sentence budget above PAIRWISE_LIMIT starts on the index; a
            // words budget that never binds starts pairwise and switches.
            for (budget, cap) in [
                (Budget::Sentences(100), 100),
                (Budget::Words(1_000_000), usize::MAX),
            ] {
                let picked = select(
                    &d,
                    &c,
                    &rel,
                    &SelectOptions {
                        near_duplicate_threshold: Some(t),
                        ..opts(budget)
                    },
                )
                .picked;
                let mut expected: Vec<usize> = Vec::new();
                for &pos in &order {
                    if expected.len() == cap {
                        break;
                    }
                    if expected.iter().all(|&p| vectors[p].dot(&vectors[pos]) <= t) {
                        expected.push(pos);
                    }
                }
                assert_eq!(picked, expected, "threshold {t}, {budget:?}");
                both_phases |= expected.len() > PAIRWISE_LIMIT && expected.len() < c.len();
            }
        }
        assert!(both_phases, "no threshold ran both phases with skips");
    }

    #[test]
    fn hints_are_stemmed() {
        let d = doc("Rain fell.\nThe election was held.\nVoters queued.");
        let c: Vec<usize> = (0..3).collect();
        let cov = hint_coverage(&d, &c, &["Elections".to_string(), "the".to_string()]);
        // "the" alone is all stop words, so its stem counts: 2 hint stems.
        assert_eq!(cov, vec![0.0, 1.0, 0.0]);
        assert_eq!(hint_coverage(&d, &c, &[]), vec![0.0; 3]);
    }
}
