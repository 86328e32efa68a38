//! Sentence boundaries for news text.
//!
//! Two layers:
//!
//! 1. **UAX #29 sentence rules.** A break can only follow a run of sentence
//!    terminators (`.` `!` `?` and their Unicode relatives) with its closing
//!    quotes/brackets and spaces, or a paragraph separator (SB4). At each such
//!    run the rules SB6 (`3.14`), SB7 (`U.S.A`), SB8 (next letter is lowercase),
//!    SB8a (`etc., and`) and SB11 (break) of UAX #29 are applied.
//!    `unicode-segmentation` implements the same rules, but walks every
//!    character through its state machine and runs at about 50 MB/s on news
//!    text; here `memchr` searches jump to the few bytes that can start a
//!    terminator or a separator (see `Interesting`) and the rules run only
//!    there (several hundred MB/s). The test suite checks that this
//!    layer agrees with `unicode-segmentation` on text where no English
//!    correction applies.
//! 2. **English news corrections** on top, at positions where UAX #29 breaks:
//!    titles and honorifics (`Mr.`, `Gov.`), initials (`Jonas E. Smith`),
//!    acronyms (`U.S.`), `a.m.`/`p.m.`, abbreviations before numbers
//!    (`No. 5`, `Feb. 3`), ellipses, lowercase after `!`/`?` (`Yahoo! in`,
//!    `"Help!" she said`), a parenthetical citation before the final period,
//!    and enumerated or bulleted lists written on one line.
//!
//! The abbreviation lists below are hand-written: no maintained crate adds
//! English news abbreviation handling on top of UAX #29 with byte spans and
//! this speed (`sentencex` and `sentencize` are whole segmenters with their
//! own lists and regex passes; see the project notes). The lists are data,
//! sorted, and easy to extend.

use crate::Span;

/// Splits `text` into sentence spans (relative to `text`), trimmed of
/// surrounding whitespace, in order, non-overlapping, never empty.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split_into(text, &mut Vec::new(), &mut out);
    out
}

/// [`split_sentences`] for many texts in a row, reusing its buffers (a
/// document has dozens of blocks; two allocations per block add up).
#[derive(Default)]
pub(crate) struct Splitter {
    breaks: Vec<usize>,
    spans: Vec<Span>,
}

impl Splitter {
    /// The sentence spans of `text`, as [`split_sentences`] gives them.
    pub(crate) fn split(&mut self, text: &str) -> &[Span] {
        self.spans.clear();
        split_into(text, &mut self.breaks, &mut self.spans);
        &self.spans
    }
}

/// Appends the sentence spans of `text` to `out`; `breaks` is scratch space.
fn split_into(text: &str, breaks: &mut Vec<usize>, out: &mut Vec<Span>) {
    breaks_into(text, true, breaks);
    let mut start = 0;
    for &brk in breaks.iter() {
        if brk > start {
            if let Some(span) = trim_span(&text[start..brk], start) {
                out.push(span);
            }
            start = brk;
        }
    }
    if let Some(span) = trim_span(&text[start..], start) {
        out.push(span);
    }
}

/// Byte offsets where a new sentence starts (never 0 or `text.len()` is not
/// guaranteed; duplicates are removed), in increasing order.
pub fn sentence_breaks(text: &str) -> Vec<usize> {
    breaks(text, true)
}

/// Sentence starts by the UAX #29 rules alone (`english == false`) or with
/// the English corrections.
fn breaks(text: &str, english: bool) -> Vec<usize> {
    let mut breaks = Vec::new();
    breaks_into(text, english, &mut breaks);
    breaks
}

/// [`breaks`] into a buffer (cleared first).
fn breaks_into(text: &str, english: bool, breaks: &mut Vec<usize>) {
    breaks.clear();
    let lists = if english {
        list_markers(text)
    } else {
        Vec::new()
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    if memchr::memchr2(b'\n', b'\r', bytes).is_none() && text.is_ascii() {
        // ASCII text without line breaks (most blocks of a parsed page):
        // only `.`, `!` and `?` can start a break; `memchr` jumps to them.
        while let Some(k) = bytes
            .get(i..)
            .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
        {
            i = visit(text, i + k, english, &lists, breaks);
        }
    } else {
        let mut candidates = Interesting::new(bytes);
        while let Some(k) = candidates.at_or_after(i) {
            i = visit(text, k, english, &lists, breaks);
        }
    }
    if !lists.is_empty() {
        breaks.extend(lists.iter().map(|m| m.0).filter(|&s| s > 0));
        breaks.sort_unstable();
    }
    breaks.dedup();
}

/// Handles the [`INTERESTING`] byte at `i` (pushing any break it makes to
/// `breaks`) and returns where the scan goes on.
fn visit(
    text: &str,
    i: usize,
    english: bool,
    lists: &[(usize, usize)],
    breaks: &mut Vec<usize>,
) -> usize {
    let bytes = text.as_bytes();
    let Some(c) = char_at(text, i) else {
        // A continuation byte cannot start a char; `i` is always a char
        // boundary here, but stay safe.
        return i + 1;
    };
    if is_para_sep(c) {
        // SB3: CR LF is one separator.
        let len = if bytes[i..].starts_with(b"\r\n") {
            2
        } else {
            c.len_utf8()
        };
        breaks.push(i + len);
        return i + len;
    }
    if !is_saterm(c) {
        return i + c.len_utf8();
    }
    let run = Run::scan(text, i);
    let in_marker = lists.iter().any(|m| m.0 <= run.first && run.first < m.1);
    if !in_marker {
        if let Some(brk) = decide(text, &run, english) {
            breaks.push(brk);
        }
    }
    run.next.max(i + c.len_utf8())
}

/// The span of `piece` (found at `offset`) without surrounding whitespace,
/// or `None` when nothing is left.
pub(crate) fn trim_span(piece: &str, offset: usize) -> Option<Span> {
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then(|| {
        Span::new(
            offset + trimmed_start,
            offset + trimmed_start + trimmed.len(),
        )
    })
}

// ---------------------------------------------------------------------------
// Abbreviation data (lowercase, without the final period; each list sorted
// for the reader — a unit test checks it). Lookups go through packed keys
// (see `Keys`).

/// Titles and other words that never end a sentence before a capital:
/// `Mr. Smith`, `Gov. Brown`, `Mt. Fuji`, `vs. Chelsea`, `e.g. Paris`.
const NEVER_FINAL: &[&str] = &[
    "a.k.a", "adm", "atty", "brig", "capt", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g", "fr",
    "gen", "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms",
    "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "supt", "viz", "vs",
];

/// Abbreviations that are not final before a number: `No. 5`, `p. 55`.
const BEFORE_NUMBER: &[&str] = &[
    "art", "ch", "fig", "figs", "no", "nos", "nr", "n°", "op", "p", "para", "pp", "pt", "sec",
    "vol", "vols",
];

/// Abbreviations that may end a sentence: they end one only when a typical
/// sentence opener follows (`Pitt, Briggs & Co. It closed`), never before a
/// number (`Feb. 3`).
const MAYBE_FINAL: &[&str] = &[
    "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "co", "corp", "dec", "dept",
    "est", "etc", "feb", "ft", "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mar", "nov", "oct",
    "plc", "rd", "sep", "sept", "sr", "st", "univ",
];

/// Words that go on a sentence after `a.m.`/`p.m.`: days, months, time zones.
const AFTER_TIME: &[&str] = &[
    "april",
    "august",
    "bst",
    "cdt",
    "cet",
    "cst",
    "december",
    "edt",
    "est",
    "et",
    "february",
    "friday",
    "gmt",
    "january",
    "july",
    "june",
    "local",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "pdt",
    "pst",
    "pt",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "utc",
    "wednesday",
];

/// Words that typically open an English sentence; after an ambiguous
/// abbreviation they signal a break (`I live in the U.S. How about you?`).
const OPENERS: &[&str] = &[
    "a",
    "after",
    "all",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "now",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "your",
];

/// A list word of up to 15 bytes as a number: its bytes, then its length in
/// the last byte (the same packing as the word cache in `tokens`).
const fn pack(bytes: &[u8]) -> u128 {
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < bytes.len() && i < 15 {
        buf[i] = bytes[i];
        i += 1;
    }
    buf[15] = bytes.len() as u8;
    u128::from_le_bytes(buf)
}

/// The packed keys of a word list, sorted for binary search. Comparing two
/// numbers is much cheaper than comparing strings, and packing lowercases
/// ASCII words without allocating (see [`key`]); sentence ends look words
/// up in several lists.
struct Keys<const N: usize>([u128; N]);

impl<const N: usize> Keys<N> {
    const fn new(list: &[&str]) -> Self {
        let mut keys = [0u128; N];
        let mut i = 0;
        while i < N {
            keys[i] = pack(list[i].as_bytes());
            i += 1;
        }
        // Insertion sort (a `const fn` cannot call `sort`).
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && keys[j - 1] > keys[j] {
                let t = keys[j];
                keys[j] = keys[j - 1];
                keys[j - 1] = t;
                j -= 1;
            }
            i += 1;
        }
        Keys(keys)
    }

    fn contains(&self, key: Option<u128>) -> bool {
        key.is_some_and(|k| self.0.binary_search(&k).is_ok())
    }
}

static NEVER_FINAL_KEYS: Keys<{ NEVER_FINAL.len() }> = Keys::new(NEVER_FINAL);
static BEFORE_NUMBER_KEYS: Keys<{ BEFORE_NUMBER.len() }> = Keys::new(BEFORE_NUMBER);
static MAYBE_FINAL_KEYS: Keys<{ MAYBE_FINAL.len() }> = Keys::new(MAYBE_FINAL);
static AFTER_TIME_KEYS: Keys<{ AFTER_TIME.len() }> = Keys::new(AFTER_TIME);
static OPENERS_KEYS: Keys<{ OPENERS.len() }> = Keys::new(OPENERS);

/// Bullets that open list items (`• first • second`).
const BULLETS: &[char] = &['•', '‣', '⁃', '◦', '▪', '●', '■'];

// ---------------------------------------------------------------------------
// UAX #29 character classes (the parts the rules need).

/// Bytes that may start a paragraph separator or a sentence terminator,
/// three to a `memchr3` search (see [`Interesting`]): the ASCII
/// terminators, the line breaks with the lead byte of curly quotes, dashes
/// and U+2028/U+2029 (common in news), then the lead bytes of the other
/// terminators (`U+0085`, Armenian, Arabic, Indic, CJK, fullwidth forms).
const INTERESTING: [[u8; 3]; 5] = [
    [b'.', b'!', b'?'],
    [b'\n', b'\r', 0xE2],
    [0xC2, 0xE3, 0xEF],
    [0xD5, 0xD8, 0xDB],
    [0xDC, 0xE0, 0xE1],
];

/// The positions of the [`INTERESTING`] bytes of a text, in order.
///
/// A byte-by-byte scan costs about five instructions a byte, and a news
/// article with a single curly quote or pound sign has to take it (the
/// plain-ASCII path only looks for `.`, `!` and `?`). Here each group of
/// three bytes has its own `memchr3` search, which scans the text once in
/// all and jumps from hit to hit; the next hit of each group is kept, and
/// the nearest one is the next candidate. A test checks the positions
/// against a byte loop.
struct Interesting<'a> {
    bytes: &'a [u8],
    /// Per group: its next hit (at or after the last position asked for),
    /// or `None` when there is none left.
    next: [Option<usize>; INTERESTING.len()],
}

impl<'a> Interesting<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Interesting {
            bytes,
            next: INTERESTING.map(|[a, b, c]| memchr::memchr3(a, b, c, bytes)),
        }
    }

    /// The first interesting byte at or after `from`; `from` must not move
    /// back from one call to the next.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        let mut first: Option<usize> = None;
        for (&[a, b, c], next) in INTERESTING.iter().zip(&mut self.next) {
            if next.is_some_and(|hit| hit < from) {
                *next = self
                    .bytes
                    .get(from..)
                    .and_then(|rest| memchr::memchr3(a, b, c, rest))
                    .map(|hit| from + hit);
            }
            if let Some(hit) = *next {
                first = Some(first.map_or(hit, |f| f.min(hit)));
            }
        }
        first
    }
}

fn is_para_sep(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_aterm(c: char) -> bool {
    matches!(c, '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}')
}

fn is_sterm(c: char) -> bool {
    matches!(
        c,
        '!' | '?'
            | '\u{589}'
            | '\u{61F}'
            | '\u{6D4}'
            | '\u{700}'..='\u{702}'
            | '\u{964}'
            | '\u{965}'
            | '\u{104A}'
            | '\u{104B}'
            | '\u{1362}'
            | '\u{1367}'
            | '\u{1368}'
            | '\u{166E}'
            | '\u{1803}'
            | '\u{1809}'
            | '\u{203C}'
            | '\u{203D}'
            | '\u{2047}'..='\u{2049}'
            | '\u{2E2E}'
            | '\u{3002}'
            | '\u{FE56}'
            | '\u{FE57}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF61}'
    )
}

fn is_saterm(c: char) -> bool {
    is_aterm(c) || is_sterm(c)
}

/// Quotes and brackets (UAX #29 `Close`: Ps, Pe, Pi, Pf and quotation marks).
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | '\u{2018}'..='\u{201F}'
            | '‹'
            | '›'
            | '\u{2329}'
            | '\u{232A}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301B}'
            | '\u{FF08}'
            | '\u{FF09}'
            | '\u{FF3B}'
            | '\u{FF3D}'
            | '\u{FF5B}'
            | '\u{FF5D}'
    )
}

fn is_sp(c: char) -> bool {
    c.is_whitespace() && !is_para_sep(c)
}

/// UAX #29 `SContinue`: commas, colons, semicolons, dashes.
fn is_scontinue(c: char) -> bool {
    matches!(
        c,
        ',' | '-'
            | ':'
            | ';'
            | '\u{37E}'
            | '\u{55D}'
            | '\u{60C}'
            | '\u{60D}'
            | '\u{7F8}'
            | '\u{1802}'
            | '\u{1808}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{3001}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{FE13}'
            | '\u{FE31}'
            | '\u{FE32}'
            | '\u{FE50}'
            | '\u{FE51}'
            | '\u{FE55}'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0C}'
            | '\u{FF0D}'
            | '\u{FF1A}'
            | '\u{FF1B}'
            | '\u{FF64}'
    )
}

fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

// ---------------------------------------------------------------------------
// Terminator runs.

/// A run of terminators with its closing punctuation and spaces:
/// `."  ` in `He said "Go."  Then`, or `. . .` in `Wait . . . what`.
struct Run {
    /// First terminator.
    first: usize,
    /// Just after the first terminator.
    first_end: usize,
    /// Last terminator and the byte after it.
    last: char,
    last_start: usize,
    last_end: usize,
    /// Where the text after the run's closers and spaces starts.
    next: usize,
    /// Number of full stops in the run.
    dots: usize,
    /// True when spaces separate terminators inside the run (`. . .`).
    spaced: bool,
}

impl Run {
    /// Reads the run starting at the terminator at `start`
    /// (UAX #29: `SATerm Close* Sp*`, repeated while another terminator follows; SB8a).
    fn scan(text: &str, start: usize) -> Run {
        let mut run = Run {
            first: start,
            first_end: start,
            last: '.',
            last_start: start,
            last_end: start,
            next: start,
            dots: 0,
            spaced: false,
        };
        let mut pos = start;
        loop {
            while let Some(c) = char_at(text, pos).filter(|&c| is_saterm(c)) {
                if run.first_end == start {
                    run.first_end = pos + c.len_utf8();
                }
                if is_aterm(c) {
                    run.dots += 1;
                }
                run.last = c;
                run.last_start = pos;
                pos += c.len_utf8();
                run.last_end = pos;
            }
            let after_terms = pos;
            while let Some(c) = char_at(text, pos).filter(|&c| is_close(c)) {
                pos += c.len_utf8();
            }
            let after_close = pos;
            while let Some(c) = char_at(text, pos).filter(|&c| is_sp(c)) {
                pos += c.len_utf8();
            }
            if char_at(text, pos).is_some_and(is_saterm) {
                run.spaced |= pos > after_close || after_close > after_terms;
                continue;
            }
            run.next = pos;
            return run;
        }
    }
}

/// Where the sentence breaks after `run`, if it does.
fn decide(text: &str, run: &Run, english: bool) -> Option<usize> {
    let next = char_at(text, run.next)?; // end of text: no break needed
    if is_para_sep(next) {
        return None; // the separator itself breaks (SB4)
    }
    let aterm = is_aterm(run.last);
    let right_after = char_at(text, run.last_end);
    if aterm {
        // SB6: `3.14`
        if right_after.is_some_and(char::is_numeric) {
            return None;
        }
        // SB7: `U.S.A`
        if right_after.is_some_and(is_upper)
            && char_before(text, run.last_start).is_some_and(|c| is_upper(c) || is_lower(c))
        {
            return None;
        }
    }
    // SB8 (for `.`; extended to `!` and `?`: `Yahoo! in`, `"Help!" she said`):
    // no break when the next letter is lowercase.
    if (aterm || english)
        && text[run.next..]
            .chars()
            .find(|&c| {
                c.is_alphabetic() || is_upper(c) || is_lower(c) || is_para_sep(c) || is_saterm(c)
            })
            .is_some_and(is_lower)
    {
        return None;
    }
    // SB8a: `etc., and`
    if is_scontinue(next) {
        return None;
    }
    if english {
        english_correction(text, run, next)
    } else {
        Some(run.next)
    }
}

/// English corrections where UAX #29 would break (SB11).
fn english_correction(text: &str, run: &Run, next: char) -> Option<usize> {
    let brk = Some(run.next);
    if next == '(' && parenthetical_then_terminator(text, run.next) {
        return None;
    }
    // A sentence does not start with a closing bracket or quote (`Kiss... ).`),
    // nor consist of quotes and brackets alone (`the event. '` at a line end).
    if matches!(next, ')' | ']' | '}' | '»' | '\u{201d}' | '\u{2019}') {
        return None;
    }
    let rest = &text[run.next..];
    let mut rest_chars = rest.chars().skip_while(|&c| is_close(c) || is_sp(c));
    if rest_chars.next().is_none_or(is_para_sep) {
        return None;
    }
    // The word after the run, and its key, are looked at in a few cases
    // only (after most sentences the word before the period decides).
    let next_word = || word_after(text, run.next);
    if run.dots >= 3 {
        // `"... A woman is entitled`: an ellipsis opening a quote.
        let before = char_before(text, run.first);
        if before.is_some_and(is_close)
            && char_before(text, run.first - before.map_or(0, char::len_utf8))
                .is_none_or(char::is_whitespace)
        {
            return None;
        }
        // `what I mean . . . I didn't`: a three-dot ellipsis before "I" goes on.
        if run.dots == 3 && next_word() == "I" {
            return None;
        }
        // `compounds. . . . The practice`: a period closes the sentence and the
        // spaced ellipsis opens the next one.
        if run.spaced
            && run.dots >= 4
            && run.first_end < run.next
            && char_before(text, run.first).is_some_and(|c| !c.is_whitespace())
            && next.is_uppercase()
        {
            return Some(run.first_end);
        }
        return brk;
    }
    if run.dots != 1 || run.last != '.' || run.first != run.last_start {
        return brk;
    }
    let (word_start, word) = word_before(text, run.first);
    if word.is_empty() || word.len() > 12 {
        return brk;
    }
    // `then-Sen. Obama`, `ex-Gov. Brown`: the part after a hyphen.
    let (word_start, word) = match word.bytes().rposition(|b| b == b'-') {
        Some(i) if i + 1 < word.len() => (word_start + i + 1, &word[i + 1..]),
        _ => (word_start, word),
    };
    // `1. The first item`: a list label that opens the text.
    if text[..word_start].trim_start().is_empty() && parse_label(text, word_start).is_some() {
        return None;
    }
    let next_is_digit = next.is_numeric();
    let word_key = key(word);
    let next_key = || key(next_word());
    let opener = || OPENERS_KEYS.contains(next_key());
    if NEVER_FINAL_KEYS.contains(word_key) {
        return None;
    }
    if next_is_digit && BEFORE_NUMBER_KEYS.contains(word_key) {
        return None;
    }
    if MAYBE_FINAL_KEYS.contains(word_key) {
        return if opener() { brk } else { None };
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_uppercase() {
        // An initial (`Jonas E. Smith`, `J. R. R. Tolkien`, `plans. B. Smith`)
        // unless the word before is lowercase (`you and I. Did`) or an
        // opener follows.
        let (_, prev) = word_before(text, trim_end_at(text, word_start));
        let prev_first = prev.chars().find(|c| c.is_alphanumeric());
        let prev_final = prev
            .trim_end_matches(is_close)
            .chars()
            .next_back()
            .is_some_and(is_saterm);
        let after_name = prev_final || prev_first.is_none_or(char::is_uppercase);
        return if after_name && !opener() { None } else { brk };
    }
    if is_dotted_acronym(word) {
        // `U.S.`, `a.m.`: final only before an opener (or, for capitals,
        // before a title: `at 6 P.M. Mr. Smith went`).
        if next_is_digit {
            return None;
        }
        let caps = first.is_uppercase();
        let next_key = next_key();
        let opener = OPENERS_KEYS.contains(next_key);
        let title_next = NEVER_FINAL_KEYS.contains(next_key);
        // `at 7:30 p.m. Jordan was reported missing` ends; `5 p.m. Tuesday`,
        // `5 p.m. GMT` and `at 5 a.m. Mr. Smith went` go on.
        let time_ends = (word == "a.m" || word == "p.m")
            && next.is_uppercase()
            && !title_next
            && !AFTER_TIME_KEYS.contains(next_key);
        return if opener || (caps && title_next) || time_ends {
            brk
        } else {
            None
        };
    }
    brk
}

/// `(Smith 55).`: a parenthesis that is directly followed by a terminator
/// belongs to the sentence before it.
fn parenthetical_then_terminator(text: &str, open: usize) -> bool {
    let rest = &text[open + 1..];
    for (i, c) in rest.char_indices().take(80) {
        match c {
            ')' => return char_at(rest, i + 1).is_some_and(is_saterm),
            '(' => return false,
            c if is_saterm(c) || is_para_sep(c) => return false,
            _ => {}
        }
    }
    false
}

/// `U.S`, `a.m`, `Ph.D`: letters in groups of one or two, joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.bytes().any(|b| b == b'.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// The word ending at `end` (exclusive): non-space characters back to the
/// previous space, without leading quotes or brackets. Returns its start too.
fn word_before(text: &str, end: usize) -> (usize, &str) {
    let head = &text[..end];
    // Most words are ASCII: bytes up to the space before them, characters
    // only when a non-ASCII byte comes first.
    let start = match head
        .bytes()
        .rposition(|b| !b.is_ascii() || is_whitespace_byte(b))
    {
        None => 0,
        Some(k) if head.as_bytes()[k].is_ascii() => k + 1,
        Some(_) => head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8()),
    };
    let word = &head[start..];
    (end - trim_open(word).len(), trim_open(word))
}

/// `word` without leading quotes or brackets.
fn trim_open(word: &str) -> &str {
    // Most words open with a letter or digit.
    match word.bytes().next() {
        Some(b) if b.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(is_close),
    }
}

/// An ASCII byte that is `char::is_whitespace` (`\t` to `\r` and the space).
fn is_whitespace_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `end` moved back over whitespace.
fn trim_end_at(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

/// The letters of the word starting at `start`, after opening quotes:
/// `Mr` for `"Mr. Smith`.
fn word_after(text: &str, start: usize) -> &str {
    let rest = trim_open(&text[start..]);
    // ASCII letters byte by byte, then characters from the first
    // non-ASCII byte (if it comes before the end of the word).
    let len = match rest.bytes().position(|b| !b.is_ascii_alphabetic()) {
        None => rest.len(),
        Some(k) if rest.as_bytes()[k].is_ascii() => k,
        Some(k) => rest[k..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| k + i),
    };
    &rest[..len]
}

/// The packed key of `word` lowercased, for a case-insensitive lookup in
/// [`Keys`]; `None` for an empty word or one longer than any list word.
fn key(word: &str) -> Option<u128> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    if word.is_ascii() {
        Some(crate::tokens::lowercase_key(crate::tokens::pack(
            word.as_bytes(),
        )))
    } else {
        let lower = word.to_lowercase();
        (lower.len() <= 15).then(|| pack(lower.as_bytes()))
    }
}

// ---------------------------------------------------------------------------
// Lists written on one line: `1. first 2. second`, `a) first b) second`,
// `• first • second`.

/// Byte ranges of list-item markers (`2.)`, `b.`, `• 10.`), when `text`
/// opens with one and the next ones follow in sequence. Empty otherwise.
fn list_markers(text: &str) -> Vec<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    let head = &text[start..];
    let Some(first) = head.chars().next() else {
        return Vec::new();
    };
    if BULLETS.contains(&first) {
        return bullet_markers(text, first);
    }
    if first.is_ascii_digit() || first.is_ascii_lowercase() {
        return enumerated_markers(text, start);
    }
    Vec::new()
}

/// Each bullet at the start or after a space, with the number that may
/// follow it (`• 9.`).
fn bullet_markers(text: &str, bullet: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(bullet) {
        if char_before(text, i).is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let after = i + bullet.len_utf8();
        let label_start = after + (text[after..].len() - text[after..].trim_start().len());
        let end = parse_label(text, label_start).map_or(after, |(_, end)| end);
        out.push((i, end));
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// A list label at `pos`: digits (up to three) or one lowercase letter,
/// then `.`, `)` or `.)`, then a space. Returns the label and its end.
fn parse_label(text: &str, pos: usize) -> Option<(Label, usize)> {
    let rest = text.get(pos..)?;
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (label, mut len) = if (1..=3).contains(&digits) {
        (Label::Number(rest[..digits].parse().ok()?), digits)
    } else if digits == 0 && bytes.first().is_some_and(u8::is_ascii_lowercase) {
        (Label::Letter(bytes[0]), 1)
    } else {
        return None;
    };
    let suffix = if rest[len..].starts_with(".)") {
        2
    } else if rest[len..].starts_with('.') || rest[len..].starts_with(')') {
        1
    } else {
        return None;
    };
    len += suffix;
    char_at(rest, len).filter(|c| c.is_whitespace())?;
    Some((label, pos + len))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Number(u32),
    Letter(u8),
}

impl Label {
    fn succ(self) -> Option<Label> {
        match self {
            Label::Number(n) => Some(Label::Number(n + 1)),
            Label::Letter(b'z') => None,
            Label::Letter(b) => Some(Label::Letter(b + 1)),
        }
    }
}

/// `1. first 2. second`: the labels that continue the sequence opened at `start`.
fn enumerated_markers(text: &str, start: usize) -> Vec<(usize, usize)> {
    let Some((mut label, end)) = parse_label(text, start) else {
        return Vec::new();
    };
    let mut out = vec![(start, end)];
    let mut pos = end;
    'items: while let Some(wanted) = label.succ() {
        // The next label must start after a space.
        let mut search = pos;
        while let Some(rel) = text[search..].find(char::is_whitespace) {
            let ws = search + rel;
            let cand = ws + char_at(text, ws).map_or(1, char::len_utf8);
            if let Some((found, end)) = parse_label(text, cand).filter(|(l, _)| *l == wanted) {
                out.push((cand, end));
                label = found;
                pos = end;
                continue 'items;
            }
            search = cand;
        }
        break;
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn lists_are_sorted_lowercase() {
        for list in [NEVER_FINAL, BEFORE_NUMBER, MAYBE_FINAL, OPENERS, AFTER_TIME] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w), "{list:?}");
        }
    }

    #[test]
    fn list_lookups_ignore_case() {
        for (list, keys) in [
            (NEVER_FINAL, &NEVER_FINAL_KEYS.0[..]),
            (BEFORE_NUMBER, &BEFORE_NUMBER_KEYS.0[..]),
            (MAYBE_FINAL, &MAYBE_FINAL_KEYS.0[..]),
            (OPENERS, &OPENERS_KEYS.0[..]),
            (AFTER_TIME, &AFTER_TIME_KEYS.0[..]),
        ] {
            let found = |w: &str| key(w).is_some_and(|k| keys.binary_search(&k).is_ok());
            for word in list {
                assert!(found(word), "{word}");
                assert!(found(&word.to_uppercase()), "{word}");
                assert!(!found(&format!("{word}qq")), "{word}");
                assert!(!found(&format!("q{word}")), "{word}");
            }
        }
        assert!(MAYBE_FINAL_KEYS.contains(key("Sept")));
        assert!(BEFORE_NUMBER_KEYS.contains(key("N°")));
        assert!(!OPENERS_KEYS.contains(key("")));
        assert!(!OPENERS_KEYS.contains(key("thethethethethe")));
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{a0} ").is_empty());
        assert_eq!(split("  No terminator  "), ["No terminator"]);
    }

    #[test]
    fn titles_and_honorifics() {
        assert_eq!(
            split("Gov. Jerry Brown met Sen. Dianne Feinstein and Rep. Nancy Pelosi. They talked."),
            [
                "Gov. Jerry Brown met Sen. Dianne Feinstein and Rep. Nancy Pelosi.",
                "They talked."
            ]
        );
        assert_eq!(
            split("Prof. Jane Doe thanked Dr. Watson and Mrs. Hudson. Gen. Mattis agreed."),
            [
                "Prof. Jane Doe thanked Dr. Watson and Mrs. Hudson.",
                "Gen. Mattis agreed."
            ]
        );
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(
            split(
                "J. R. R. Tolkien wrote it. The U.N. Security Council met in the U.K. on Monday."
            ),
            [
                "J. R. R. Tolkien wrote it.",
                "The U.N. Security Council met in the U.K. on Monday."
            ]
        );
        assert_eq!(
            split("Sanctions were imposed by the U.S. The E.U. followed."),
            ["Sanctions were imposed by the U.S.", "The E.U. followed."]
        );
    }

    #[test]
    fn numbers_dates_and_money() {
        assert_eq!(
            split("On Feb. 3 the No. 5 seed lost. Profit rose 3.14% to $1.13bn. Shares fell."),
            [
                "On Feb. 3 the No. 5 seed lost.",
                "Profit rose 3.14% to $1.13bn.",
                "Shares fell."
            ]
        );
        assert_eq!(
            split("He left at 7:30 p.m. Jordan was reported missing at 9 p.m. GMT on Friday."),
            [
                "He left at 7:30 p.m.",
                "Jordan was reported missing at 9 p.m. GMT on Friday."
            ]
        );
        assert_eq!(
            split("The vote is at 10 a.m. Tuesday. It ended at 5 p.m. The count began."),
            [
                "The vote is at 10 a.m. Tuesday.",
                "It ended at 5 p.m.",
                "The count began."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            split("\u{201c}We will win.\u{201d} He smiled. \u{201c}Really?\u{201d} she asked."),
            [
                "\u{201c}We will win.\u{201d}",
                "He smiled.",
                "\u{201c}Really?\u{201d} she asked."
            ]
        );
        assert_eq!(
            split("Police said (without giving details.) that two men fled. (They were caught.) Nobody was hurt."),
            [
                "Police said (without giving details.) that two men fled.",
                "(They were caught.)",
                "Nobody was hurt."
            ]
        );
    }

    #[test]
    fn news_spacing_and_dashes() {
        // NBSP after the period, thin space, em dash and curly apostrophe.
        let text = "The storm hit Florida.\u{a0}It moved north \u{2014} fast.\u{2009}Officials\u{2019} warnings came late.";
        assert_eq!(
            split(text),
            [
                "The storm hit Florida.",
                "It moved north \u{2014} fast.",
                "Officials\u{2019} warnings came late."
            ]
        );
        // A whole article glued into one paragraph.
        assert_eq!(
            split("(CNN) -- Two men were arrested. Police said Mr. Jones, 45, was charged! Was he guilty? Nobody knows..."),
            [
                "(CNN) -- Two men were arrested.",
                "Police said Mr. Jones, 45, was charged!",
                "Was he guilty?",
                "Nobody knows..."
            ]
        );
    }

    #[test]
    fn scraped_news_oddities() {
        assert_eq!(
            split("Emanuel met then-Sen. Barack Obama. The plans were discussed. B. Satyanarayana said yes."),
            [
                "Emanuel met then-Sen. Barack Obama.",
                "The plans were discussed.",
                "B. Satyanarayana said yes."
            ]
        );
        assert_eq!(
            split("Nominees include Eva Birthistle (Ae Fond Kiss... ). Meadows won. \"... A woman is entitled.\""),
            [
                "Nominees include Eva Birthistle (Ae Fond Kiss... ).",
                "Meadows won.",
                "\"... A woman is entitled.\""
            ]
        );
        assert_eq!(
            split("It will be screened at the event. '"),
            ["It will be screened at the event. '"]
        );
    }

    #[test]
    fn glued_periods_are_not_split() {
        assert_eq!(
            split("He visited the U.S.A on a visa."),
            ["He visited the U.S.A on a visa."]
        );
    }

    #[test]
    fn paragraph_separators_always_break() {
        assert_eq!(
            split("First line\nSecond line\r\nThird"),
            ["First line", "Second line", "Third"]
        );
    }

    #[test]
    fn lists_on_one_line() {
        assert_eq!(
            split("1. Buy milk 2. Call Mr. Smith 3. Go home"),
            ["1. Buy milk", "2. Call Mr. Smith", "3. Go home"]
        );
        // A number that does not continue a list is left alone.
        assert_eq!(
            split("1. He scored 3. Then he left."),
            ["1. He scored 3.", "Then he left."]
        );
    }

    /// Sentence breaks inside `text` by our scanner without the English
    /// corrections, and by `unicode-segmentation`.
    fn uax29_breaks_both_ways(text: &str) -> (Vec<usize>, Vec<usize>) {
        use unicode_segmentation::UnicodeSegmentation;
        let expected: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0)
            .collect();
        let mut ours = breaks(text, false);
        ours.retain(|&i| i < text.len());
        (ours, expected)
    }

    proptest::proptest! {
        /// Without the English corrections the scanner follows UAX #29 as
        /// implemented by `unicode-segmentation`.
        #[test]
        fn uax29_layer_matches_unicode_segmentation(
            text in "([a-zA-Z0-9éЖ中]{1,6}|[ .!?,;:\"'()\n]|\u{a0}|\u{201c}|\u{201d}|\u{2014}|\r\n){0,40}"
        ) {
            let (ours, expected) = uax29_breaks_both_ways(&text);
            proptest::prop_assert_eq!(ours, expected);
        }

        /// The same on ASCII text without line breaks, which the scanner
        /// jumps through with `memchr`.
        #[test]
        fn uax29_layer_matches_unicode_segmentation_on_plain_ascii(
            text in "([a-zA-Z0-9]{1,6}|[ .!?,;:\"'()]){0,40}"
        ) {
            let (ours, expected) = uax29_breaks_both_ways(&text);
            proptest::prop_assert_eq!(ours, expected);
        }
    }

    /// The plain definitions of the word helpers, char by char.
    fn plain_word_before(text: &str, end: usize) -> (usize, &str) {
        let head = &text[..end];
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let trimmed = head[start..].trim_start_matches(is_close);
        (end - trimmed.len(), trimmed)
    }

    fn plain_word_after(text: &str, start: usize) -> &str {
        let rest = text[start..].trim_start_matches(is_close);
        let len = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        &rest[..len]
    }

    fn plain_key(word: &str) -> Option<u128> {
        let lower = word.to_lowercase();
        (!word.is_empty() && word.len() <= 12 && lower.len() <= 15).then(|| pack(lower.as_bytes()))
    }

    proptest::proptest! {
        /// The word helpers' ASCII shortcuts change nothing.
        #[test]
        fn word_helpers_match_their_plain_definitions(
            text in "([a-zA-Z0-9éЖ]{1,6}|[ .!?,;:\"'()\t\x0b\n-]|\u{a0}|\u{2009}|\u{201c}|\u{201d}){0,12}"
        ) {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(word_before(&text, i), plain_word_before(&text, i));
                proptest::prop_assert_eq!(word_after(&text, i), plain_word_after(&text, i));
                let word = word_after(&text, i);
                proptest::prop_assert_eq!(key(word), plain_key(word), "{:?}", word);
                let (_, word) = word_before(&text, i);
                proptest::prop_assert_eq!(key(word), plain_key(word), "{:?}", word);
            }
        }

        /// `Interesting` finds the bytes a byte-by-byte scan finds, however
        /// far the scan jumps between calls.
        #[test]
        fn interesting_bytes_as_a_byte_loop(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(INTERESTING.concat()),
                    proptest::prelude::any::<u8>(),
                ],
                0..200,
            ),
            jumps in proptest::collection::vec(1..20usize, 0..200),
        ) {
            let is_interesting = |b: &u8| INTERESTING.iter().any(|group| group.contains(b));
            let mut candidates = Interesting::new(&bytes);
            let mut from = 0;
            for jump in jumps {
                let expected = bytes
                    .get(from..)
                    .and_then(|rest| rest.iter().position(is_interesting))
                    .map(|k| from + k);
                proptest::prop_assert_eq!(candidates.at_or_after(from), expected);
                // Like the scan: on from the hit, or past the end.
                from = expected.unwrap_or(from) + jump;
            }
        }
    }

    #[test]
    fn other_scripts() {
        assert_eq!(
            split("这是第一句。这是第二句！"),
            ["这是第一句。", "这是第二句！"]
        );
        assert_eq!(
            split("Это первое. Это второе?"),
            ["Это первое.", "Это второе?"]
        );
    }
}
