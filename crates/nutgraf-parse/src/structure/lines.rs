//! Lines of a page and the cheap facts about each that the role rules use:
//! length, terminal punctuation, capitalisation, and whether a blank line
//! precedes it. Hard-wrapped prose lines are joined into one unit here.
//!
//! Everything is computed in a single pass over each line's bytes, so the
//! whole scan is linear in the text.

use crate::Span;
use std::ops::Range;

/// Characters trimmed from both ends of a line and separating words:
/// Unicode white space (which covers NBSP and the typographic spaces) plus
/// the zero-width characters pages leave behind. Spelled out rather than
/// `char::is_whitespace` so that no table lookup is needed.
pub(crate) fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => true,
        c if (c as u32) < 0x80 => false,
        '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200d}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{2060}'
        | '\u{3000}'
        | '\u{feff}' => true,
        _ => false,
    }
}

/// A letter or digit, for splitting words. ASCII is exact; beyond ASCII,
/// everything except white space, punctuation and symbol blocks counts —
/// close enough for word counts and keyword scans, and without the
/// Unicode table lookups of `char::is_alphanumeric` (a hot path).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_space(c)
        && !matches!(c as u32,
            0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0x3000..=0x303F
            | 0xFE10..=0xFE6F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65 | 0xFFF0..=0xFFFF | 0x1F000..=0x1FFFF)
}

/// Upper / lower case of a word's first letter, with table-free answers for
/// Latin-1, Greek and Cyrillic; other scripts ask the standard library.
fn case_of(c: char) -> (bool, bool) {
    if c.is_ascii() {
        return (c.is_ascii_uppercase(), c.is_ascii_lowercase());
    }
    match c as u32 {
        0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A9 | 0x400..=0x42F => (true, false),
        0xDF..=0xF6 | 0xF8..=0xFF | 0x3B1..=0x3C9 | 0x430..=0x45F => (false, true),
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// `text[start..end]` without surrounding spaces, as a span; `None` if empty.
pub(crate) fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let inner = piece.trim_start_matches(is_space);
    let lead = piece.len() - inner.len();
    let inner = inner.trim_end_matches(is_space);
    (!inner.is_empty()).then(|| Span::new(start + lead, start + lead + inner.len()))
}

/// A line (or run of hard-wrapped lines) with its features.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    /// Trimmed bytes of the unit.
    pub span: Span,
    /// A blank line (or the start of the text) comes right before it.
    pub blank_before: bool,
    /// Words (whitespace-separated pieces with a letter or digit; runs of
    /// CJK characters count one word per two characters).
    pub words: u32,
    /// Last character, ignoring closing quotes and brackets.
    pub last: char,
    /// Ends with "..." or "…" (a truncated teaser, or a trailing thought).
    pub ellipsis: bool,
    /// First character.
    pub first: char,
    /// Words that start with an upper-case letter / a lower-case letter,
    /// not counting short function words ("of", "the", ...).
    pub upper_words: u32,
    /// See `upper_words`.
    pub lower_words: u32,
    /// Words that start with a letter (of any script).
    pub letter_words: u32,
}

impl Unit {
    /// Ends like a sentence: `.`, `!`, `?` or their CJK forms (an ellipsis
    /// does not count: truncated teasers end with one).
    pub fn terminal(&self) -> bool {
        matches!(self.last, '.' | '!' | '?' | '。' | '！' | '？') && !self.ellipsis
    }

    /// Ends with a full stop (not `?` or `!`, which headlines may carry).
    pub fn full_stop(&self) -> bool {
        matches!(self.last, '.' | '…' | '。')
    }

    /// Most content words capitalised, as in "Russia Preparing Another Meeting".
    pub fn title_case(&self) -> bool {
        self.upper_words >= 2 && self.lower_words * 6 <= self.upper_words
    }

    /// Starts with a lower-case letter (a continued sentence).
    pub fn starts_lower(&self) -> bool {
        self.first.is_lowercase()
    }

    /// Reads as running prose: a sentence-final ending with a few words, or
    /// a colon after a longer clause ("He said:").
    pub fn prose(&self) -> bool {
        (self.terminal() && self.words >= 4) || (self.last == ':' && self.words >= 8)
    }
}

/// Short function words that stay lower-case in title case.
fn is_small_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"and"
            | b"or"
            | b"but"
            | b"by"
            | b"with"
            | b"from"
            | b"as"
            | b"is"
            | b"vs"
            | b"via"
            | b"nor"
            | b"per"
            | b"up"
            | b"into"
            | b"over"
            | b"de"
            | b"du"
            | b"la"
            | b"le"
            | b"von"
            | b"van"
            | b"der"
            | b"al"
            | b"than"
            | b"off"
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Computes the features of `text[span]`.
fn features(text: &str, span: Span, blank_before: bool) -> Unit {
    let s = span.slice(text);
    if s.is_ascii() {
        // The same count over bytes (most lines are ASCII). Long lines are
        // prose, never titles: count their words only, in a loop the
        // compiler vectorises.
        let b = s.as_bytes();
        if b.len() > LONG_LINE {
            let words = u32::try_from(word_starts(b) + 1).unwrap_or(u32::MAX);
            return finish(s, span, blank_before, words, 0, 0, words);
        }
        let (words, upper, lower, letters) = ascii_word_counts(b);
        return finish(s, span, blank_before, words, upper, lower, letters);
    }
    let (words, upper, lower, letters) = word_counts(s);
    finish(s, span, blank_before, words, upper, lower, letters)
}

/// The character at byte `i` of `s` (a character boundary) and its length;
/// ASCII without decoding.
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        _ => match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c, c.len_utf8()),
            None => (' ', 1),
        },
    }
}

/// Words, capitalised words, lower-case content words and words starting
/// with a letter of any line: words are the pieces between [`is_space`]
/// characters that hold a [`is_word_char`], counted by their first such
/// character. Runs of CJK text, which has no spaces between words, add a
/// word per two CJK characters when a word starts with one.
///
/// Why it is written this way: a line with a curly quote or a pound sign
/// in it is often a whole article of plain ASCII English (most CNN/DM
/// articles arrive as one such line), so this must be quick on mostly
/// ASCII text. Each word is looked at once: its first word character
/// decides the counts, and the rest of it is only stepped over, eight
/// bytes at a time while they are ASCII above the space
/// ([`ascii_run_end`]); only non-ASCII characters are decoded (they may
/// be spaces, which end the word, or CJK characters, which are counted).
/// `tests::word_counts_as_defined` checks it against the plain
/// split-then-look definition.
fn word_counts(s: &str) -> (u32, u32, u32, u32) {
    let mut counts = WordCounts::default();
    let mut cjk_chars = 0u32;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        // The first word character: most words start with one.
        let first = if b.is_ascii_alphanumeric() {
            i += 1;
            Some(char::from(b))
        } else {
            first_word_char(s, &mut i, &mut cjk_chars)
        };
        if let Some(c) = first {
            i = word_end(s, i, &mut cjk_chars);
            counts.add(c, s, start..i);
        }
        // Step over the space that ended the word.
        i += char_at(s, i).1;
    }
    if counts.any_cjk {
        counts.words += cjk_chars / 2;
    }
    (counts.words, counts.upper, counts.lower, counts.letters)
}

/// The running counts of [`word_counts`].
#[derive(Default)]
struct WordCounts {
    words: u32,
    upper: u32,
    lower: u32,
    letters: u32,
    /// A word starts with a CJK character.
    any_cjk: bool,
}

impl WordCounts {
    /// Counts the word `s[word]`, whose first word character is `c`.
    fn add(&mut self, c: char, s: &str, word: Range<usize>) {
        self.words += 1;
        self.letters += u32::from(!c.is_ascii_digit());
        self.any_cjk |= !c.is_ascii() && is_cjk(c);
        let (is_upper, is_lower) = case_of(c);
        if is_upper {
            self.upper += 1;
        } else if is_lower && !(word.len() <= 6 && is_small_word_piece(s, word)) {
            self.lower += 1;
        }
    }
}

/// `is_small_word(trim_punct(&s[word]))`, without trimming when the word
/// starts with an ASCII letter (most words do): then the small words, all
/// of ASCII letters, can only be its leading letters, and only when no
/// word character follows them. `tests::small_word_pieces_as_defined`
/// checks it against the definition.
fn is_small_word_piece(s: &str, word: Range<usize>) -> bool {
    let b = s.as_bytes().get(word.clone()).unwrap_or_default();
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return is_small_word(trim_punct(&s[word]));
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    letters <= 4
        && is_small_word(&b[..letters])
        && !s[word.start + letters..word.end].chars().any(is_word_char)
}

/// Steps from byte `*i` of `s` over the characters before a word's first
/// word character and returns it, with `*i` past it; `None`, with `*i` at
/// the space or the end, if the word has none. Adds the CJK characters
/// stepped over to `cjk_chars`.
fn first_word_char(s: &str, i: &mut usize, cjk_chars: &mut u32) -> Option<char> {
    while *i < s.len() {
        let (c, len) = char_at(s, *i);
        if is_space(c) {
            return None;
        }
        *cjk_chars += u32::from(is_cjk(c));
        *i += len;
        if is_word_char(c) {
            return Some(c);
        }
    }
    None
}

/// The end of the word that runs through byte `i` of `s` (a character
/// boundary): the next [`is_space`] character, or the end of `s`. Adds the
/// CJK characters stepped over to `cjk_chars`.
fn word_end(s: &str, mut i: usize, cjk_chars: &mut u32) -> usize {
    loop {
        i = ascii_run_end(s.as_bytes(), i);
        match s.as_bytes().get(i) {
            None | Some(b' ') => return i,
            Some(_) => {}
        }
        // Another space, a control character or a non-ASCII character.
        let (c, len) = char_at(s, i);
        if is_space(c) {
            return i;
        }
        *cjk_chars += u32::from(is_cjk(c));
        i += len;
    }
}

/// The first index from `i` on whose byte is not ASCII above the space
/// (`0x21..=0x7F`): a space or control character, a byte of a non-ASCII
/// character, or the end. Eight bytes at a time: in `(x - 0x2121…21) | x`,
/// the lowest byte with its top bit set is the first byte below 0x21 or
/// from 0x80 on (a byte below 0x21 sets it and borrows only from the bytes
/// above it; a byte from 0x80 on has it already; every byte in between
/// leaves it clear and borrows nothing).
fn ascii_run_end(b: &[u8], mut i: usize) -> usize {
    const LOW: u64 = u64::from_le_bytes([0x21; 8]);
    const TOP: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let stop = (x.wrapping_sub(LOW) | x) & TOP;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|c| (0x21..0x80).contains(c)) {
        i += 1;
    }
    i
}

/// How many times a non-space byte follows an ASCII space
/// (`u8::is_ascii_whitespace`) in `b`. Branch-free over pairs of
/// neighbouring bytes, with byte-wide counts per block of 128 pairs, so
/// that the compiler vectorises it 16 bytes at a time (`windows(2)` with
/// `&&` does not), in a function of its own so that it stays so.
#[inline(never)]
fn word_starts(b: &[u8]) -> usize {
    let space = |c: u8| (c == b' ') | ((c.wrapping_sub(b'\t') < 5) & (c != 0x0b));
    let next = b.get(1..).unwrap_or_default();
    b.chunks(128)
        .zip(next.chunks(128))
        .map(|(x, y)| {
            let block = x
                .iter()
                .zip(y)
                .fold(0u8, |n, (&x, &y)| n + u8::from(space(x) & !space(y)));
            usize::from(block)
        })
        .sum()
}

/// ASCII lines longer than this (in bytes) get a plain word count.
const LONG_LINE: usize = 320;

/// Words, capitalised words and lower-case content words of an ASCII line.
fn ascii_word_counts(s: &[u8]) -> (u32, u32, u32, u32) {
    let (mut words, mut upper, mut lower, mut letters) = (0, 0, 0, 0);
    let mut i = 0;
    while i < s.len() {
        if s[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && !s[i].is_ascii_whitespace() {
            i += 1;
        }
        let word = &s[start..i];
        let Some(&c) = word.iter().find(|b| b.is_ascii_alphanumeric()) else {
            continue;
        };
        words += 1;
        letters += u32::from(c.is_ascii_alphabetic());
        if c.is_ascii_uppercase() {
            upper += 1;
        } else if c.is_ascii_lowercase() {
            let small = word.len() <= 6 && is_small_word(trim_ascii_punct(word));
            lower += u32::from(!small);
        }
    }
    (words, upper, lower, letters)
}

/// `w` without leading and trailing non-word characters (see
/// [`is_word_char`]), as bytes.
fn trim_punct(w: &str) -> &[u8] {
    if w.is_ascii() {
        trim_ascii_punct(w.as_bytes())
    } else {
        w.trim_matches(|c: char| !is_word_char(c)).as_bytes()
    }
}

/// `w` without leading and trailing punctuation.
fn trim_ascii_punct(w: &[u8]) -> &[u8] {
    let start = w
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(w.len());
    let end = w
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    &w[start..end.max(start)]
}

/// The unit of `s` once its words are counted.
fn finish(
    s: &str,
    span: Span,
    blank_before: bool,
    words: u32,
    upper: u32,
    lower: u32,
    letter_words: u32,
) -> Unit {
    let last = s
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '“' | '*'))
        .unwrap_or(' ');
    let body = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '“', '*']);
    Unit {
        span,
        blank_before,
        words,
        last,
        ellipsis: body.ends_with("...") || body.ends_with('…'),
        first: s.chars().next().unwrap_or(' '),
        upper_words: upper,
        lower_words: lower,
        letter_words,
    }
}

/// Splits `text` into units: one per non-empty line, except that lines of a
/// hard-wrapped paragraph are joined (see [`wrapped_with_next`]).
pub(crate) fn units(text: &str) -> Vec<Unit> {
    let mut lines: Vec<Unit> = Vec::new();
    let mut start = 0;
    let mut blank = true;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        match trimmed(text, start, end) {
            Some(span) => {
                lines.push(features(text, span, blank));
                blank = false;
            }
            None => blank = true,
        }
        start = (end + 1).min(text.len());
    }
    join_wrapped(text, lines)
}

/// Joins runs of hard-wrapped lines.
fn join_wrapped(text: &str, lines: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(lines.len());
    let mut i = 0;
    // End of the paragraph (run of lines without a blank line) holding `i`.
    let mut paragraph_end = 0;
    while i < lines.len() {
        if i >= paragraph_end || lines[i].blank_before {
            paragraph_end = i + 1;
            while paragraph_end < lines.len() && !lines[paragraph_end].blank_before {
                paragraph_end += 1;
            }
        }
        // Width-wrapped group: lines of near-equal length in one paragraph,
        // checked from the paragraph's first line only.
        let group_end = if lines[i].blank_before || i == 0 {
            wrapped_group_end(&lines[..paragraph_end], i)
        } else {
            i
        };
        let mut j = i;
        if group_end > i + 1 {
            j = group_end - 1;
        }
        while j + 1 < lines.len() && wrapped_with_next(&lines[j], &lines[j + 1]) {
            j += 1;
        }
        if j == i {
            out.push(lines[i].clone());
        } else {
            let span = Span::new(lines[i].span.start, lines[j].span.end);
            out.push(features(text, span, lines[i].blank_before));
        }
        i = j + 1;
    }
    out
}

/// A line that ends mid-sentence and a next line in the same paragraph that
/// starts in lower case: "…that he then" / "leased back to WeWork…".
fn wrapped_with_next(line: &Unit, next: &Unit) -> bool {
    !next.blank_before
        && line.words >= 6
        && !line.terminal()
        && line.last != ':'
        && next.starts_lower()
}

/// If lines `i..k` (k ≥ i+3) form one paragraph of lines wrapped at a fixed
/// width — every line but the last within a few characters of the longest,
/// and most not ending a sentence — returns `k`; otherwise `i`.
fn wrapped_group_end(lines: &[Unit], i: usize) -> usize {
    let len = |u: &Unit| u.span.len();
    let mut k = i + 1;
    while k < lines.len() && !lines[k].blank_before {
        k += 1;
    }
    if k - i < 3 {
        return i;
    }
    let group = &lines[i..k];
    let width = group.iter().map(len).max().unwrap_or(0);
    if !(30..=130).contains(&width) {
        return i;
    }
    let body = &group[..group.len() - 1];
    let near = body
        .iter()
        .all(|u| len(u) + 20 >= width && len(u) * 10 >= width * 7);
    let open = body.iter().filter(|u| !u.terminal()).count();
    if near && open * 2 > body.len() {
        k
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        units(text).iter().map(|u| u.span.slice(text)).collect()
    }

    #[test]
    fn one_unit_per_line_and_nbsp_trimmed() {
        let t = "\u{a0} Headline here\u{a0}\n\n  Body text.\n";
        assert_eq!(texts(t), ["Headline here", "Body text."]);
        let u = units(t);
        assert!(u[0].blank_before && u[1].blank_before);
    }

    #[test]
    fn joins_lower_case_continuations() {
        let t = "Neumann bought properties that he then\nleased back to WeWork.\nNext line.";
        assert_eq!(
            texts(t),
            [
                "Neumann bought properties that he then\nleased back to WeWork.",
                "Next line."
            ]
        );
    }

    #[test]
    fn joins_width_wrapped_paragraphs() {
        let t = "The council said on Monday that the new bridge would\n\
                 open in the spring, after a delay of almost two years\n\
                 caused by Flooding and by a dispute with the builder.\n\
                 Short end.\n\nNext paragraph.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn keeps_caption_credit_related_lines_apart() {
        let t = "Free Syrian Army fighters are seen in al Baza'a village, Syria\n\
                 © REUTERS/ Khalil Ashawi\n\
                 'Move to Raqqa or Be a Human Shield': Syrian Man's First-Hand Account\n\
                 Russia sent invitation to the United States.";
        assert_eq!(texts(t).len(), 4);
    }

    /// The counts of [`word_counts`] the plain way: split at spaces, then
    /// look at characters.
    fn plain_word_counts(s: &str) -> (u32, u32, u32, u32) {
        let (mut words, mut upper, mut lower, mut letters) = (0, 0, 0, 0);
        let mut any_cjk = false;
        for w in s.split(is_space) {
            let Some(c) = w.chars().find(|&c| is_word_char(c)) else {
                continue;
            };
            words += 1;
            letters += u32::from(!c.is_ascii_digit());
            any_cjk |= is_cjk(c);
            let (is_upper, is_lower) = case_of(c);
            if is_upper {
                upper += 1;
            } else if is_lower
                && !(w.len() <= 6
                    && is_small_word(w.trim_matches(|c: char| !is_word_char(c)).as_bytes()))
            {
                lower += 1;
            }
        }
        if any_cjk {
            words += s.chars().filter(|&c| is_cjk(c)).count() as u32 / 2;
        }
        (words, upper, lower, letters)
    }

    proptest::proptest! {
        #[test]
        fn word_counts_as_defined(
            s in "([a-zA-Z0-9]{1,4}|the|of|[ \\t\\n\\x0b.,'\"-]|É|é|ß|Ж|ж|中|文|の|\\u{a0}|\\u{2009}|\\u{3000}|\\u{feff}|\\u{2019}|“|\\u{1F600}){0,24}"
        ) {
            proptest::prop_assert_eq!(word_counts(&s), plain_word_counts(&s));
        }

        /// Longer words than above (so that the eight-byte steps of
        /// [`ascii_run_end`] run), control characters and DEL inside
        /// words, and every kind of space.
        #[test]
        fn word_counts_of_long_words_as_defined(
            s in "([a-zA-Z]{1,12}|[0-9]{1,9}|with|The|[ \\t\\n\\r\\x0b\\x0c\\x00\\x01\\x1f\\x7f!~.'-]|é|Ж|中|\\u{85}|\\u{a0}|\\u{1680}|\\u{200b}|\\u{2028}|\\u{202f}|\\u{205f}|\\u{2060}|\\u{3000}|\\u{feff}|\\u{ff01}|£|—){0,40}"
        ) {
            proptest::prop_assert_eq!(word_counts(&s), plain_word_counts(&s));
        }

        #[test]
        fn small_word_pieces_as_defined(
            s in "(of|the|and|off|per|with|vs|a|van|thee|wither|[a-z]{1,3}|[A-Z0-9.,'\"()-]|é|ß|\\u{2019}|\\u{201d}|…){1,4}"
        ) {
            proptest::prop_assert_eq!(is_small_word_piece(&s, 0..s.len()), is_small_word(trim_punct(&s)));
        }

        #[test]
        fn ascii_run_end_finds_the_first_other_byte(
            s in "[a-z!~\\x7f \\x00\\x1f\\x20é中]{0,40}",
            from in 0usize..48,
        ) {
            let b = s.as_bytes();
            let from = from.min(b.len());
            let want = (from..b.len())
                .find(|&i| !(0x21..=0x7f).contains(&b[i]))
                .unwrap_or(b.len());
            proptest::prop_assert_eq!(ascii_run_end(b, from), want);
        }

        #[test]
        fn word_starts_counts_space_then_non_space(s in "[a \\t\\n\\x0b\\x0c\\r.]{0,300}") {
            let b = s.as_bytes();
            let want = b
                .windows(2)
                .filter(|w| w[0].is_ascii_whitespace() && !w[1].is_ascii_whitespace())
                .count();
            proptest::prop_assert_eq!(word_starts(b), want);
        }
    }

    #[test]
    fn features_of_a_title() {
        let t = "Russia Preparing Another Meeting Between Syrian Government, Armed Opposition";
        let u = &units(t)[0];
        assert!(u.title_case() && !u.terminal() && u.words == 9);
        let t = "A spokeswoman for Neumann declined to comment.";
        let u = &units(t)[0];
        assert!(!u.title_case() && u.prose());
    }
}
