//! Word tokens: Unicode word boundaries (UAX #29), lowercased, stemmed with
//! Snowball (`rust-stemmers`), flagged as stop words with the `stop-words`
//! lists. Each distinct word is stored once per document and stemmed once per
//! thread (a cache passes from one document's tokenizer to the next).
//!
//! Speed. `unicode-segmentation`'s word iterator runs at about 60 MB/s,
//! slower than the whole parse should be. UAX #29 always breaks between
//! whitespace and a following non-whitespace character, so a sentence can be
//! cut at ASCII whitespace: each whitespace-free chunk holding a non-ASCII
//! byte goes through `unicode-segmentation`, together with the spaces before
//! it (combining marks after a space stay with the space), and the ASCII
//! text between such chunks goes, in one pass, through a byte table holding
//! the few word-break rules that can apply to ASCII (WB5–WB13b). Property
//! tests check that the result equals plain `unicode-segmentation` output.
//!
//! Word lookups were the main cost (cache misses in hash tables and in the
//! word strings they point to), so there is a single lookup per token, in
//! the thread's cache: words of up to 15 bytes are packed with their length
//! into a `u128` key (no string to compare or allocate; ASCII words are
//! lowercased in the key, eight bytes at a time, and in the vocabulary only
//! when they have a capital), longer words are keyed by string. The entry
//! holds the stem and stop flag, and also the stamp of the document that last
//! saw the word with the word's id in that document, so the document needs
//! no table of its own: one probe also for a word new to the document,
//! whose entry gets the new stamp in place (a word new to the thread takes
//! a second probe to insert it). That probe is inlined into the token loop;
//! the rarer cases are calls. Stemming is the costliest step (Snowball:
//! about 4,000 instructions a word, a quarter of a cold run over a few
//! hundred articles), and a news article has few repeated words, hence the
//! per-thread cache; every distinct word needs its stem all the same (the
//! document's stem ids group its words by stem). Hashing is `rustc-hash`
//! (FxHash). The document's words and stems, and the cache's stems, go into
//! [`StringList`]s (one buffer each, no allocation per word; the document's
//! sized from the text's length by [`Tokenizer::reserve_for_text`]), the
//! cache's stems with ids by packed key.
//!
//! `cargo run --release -p nutgraf-parse --example parse_digest -- --profile
//! full 2` under `valgrind --tool=callgrind` counts the instructions of a
//! parse of the bench corpus (see that example), to compare changes here.

use crate::{Language, Span, StringList, Token, Vocabulary};
use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// Ids of a distinct lowercased word: (word id, stem id, stop word?).
type WordIds = (u32, u32, bool);

/// Words of at most this many bytes get a packed key (see [`pack`]).
const PACKED_LEN: usize = 15;

/// A word of at most [`PACKED_LEN`] bytes as a number: its bytes, then its
/// length in the last byte (so words with trailing NUL bytes stay distinct).
///
/// The bytes are read with a few possibly overlapping word loads rather than
/// a byte loop into a buffer: a loop of byte stores followed by a 16-byte
/// load stalls the CPU (no store forwarding), and this runs once per token.
pub(crate) fn pack(word: &[u8]) -> u128 {
    let n = word.len().min(PACKED_LEN);
    let word = &word[..n];
    let (lo, hi) = if n >= 8 {
        // Bytes 8.. are the top `n - 8` bytes of the last eight.
        let hi = match n {
            8 => 0,
            _ => le64(&word[n - 8..]) >> (8 * (16 - n)),
        };
        (le64(word), hi)
    } else if n >= 4 {
        let (a, b) = (le32(word), le32(&word[n - 4..]));
        (a | (b << (8 * (n - 4))), 0)
    } else if n > 0 {
        let (a, b, c) = (word[0], word[n / 2], word[n - 1]);
        let bytes =
            u64::from(a) | (u64::from(b) << (8 * (n / 2))) | (u64::from(c) << (8 * (n - 1)));
        (bytes, 0)
    } else {
        (0, 0)
    };
    u128::from(lo) | (u128::from(hi) << 64) | ((n as u128) << 120)
}

/// A [`pack`]ed key of an ASCII word with its capitals lowercased (the
/// length byte, at most 15, has no letter bits to change).
pub(crate) fn lowercase_key(key: u128) -> u128 {
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    u128::from(ascii_lowercase(lo)) | (u128::from(ascii_lowercase(hi)) << 64)
}

/// The first eight bytes of `bytes` (at least eight) as a little-endian number.
fn le64(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(buf)
}

/// The first four bytes of `bytes` (at least four) as a little-endian number.
fn le32(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 4];
    buf.copy_from_slice(&bytes[..4]);
    u64::from(u32::from_le_bytes(buf))
}

/// The index of the first non-ASCII byte of `bytes`, read eight bytes at a
/// time (a sentence with one curly quote near its end is mostly ASCII).
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let high = le64(chunk) & HIGH;
        if high != 0 {
            return Some(8 * k + high.trailing_zeros() as usize / 8);
        }
    }
    let tail = chunks.remainder();
    let tail_start = bytes.len() - tail.len();
    tail.iter()
        .position(|b| !b.is_ascii())
        .map(|k| tail_start + k)
}

/// Eight ASCII bytes with capitals lowercased, all at once.
fn ascii_lowercase(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    // The high bit of each byte says "at least 'A'" and "above 'Z'"; no
    // carry crosses a byte because every byte is below 0x80.
    let at_least_a = x.wrapping_add((0x80 - u64::from(b'A')) * ONES);
    let above_z = x.wrapping_add((0x80 - u64::from(b'Z') - 1) * ONES);
    let capitals = at_least_a & !above_z & HIGH;
    x | (capitals >> 2)
}

/// What the thread's cache knows of a lowercased word.
#[derive(Clone, Copy)]
struct Known {
    /// Global stem id (index into [`Stems::list`]).
    stem: u32,
    stop: bool,
    /// When the stem is the first `stem_len` bytes of the word (most are:
    /// "storms" → "storm"), its length, so the stem can be copied from the
    /// word at hand rather than from the cache's (likely cold) copy;
    /// [`NOT_PREFIX`] otherwise.
    stem_len: u8,
    /// Stamp of the last document that saw the word, and its word id there.
    doc: u32,
    word: u32,
}

/// [`Known::stem_len`] of a stem that is not a prefix of its word.
const NOT_PREFIX: u8 = u8::MAX;

/// Turns text into [`Token`]s, growing one document's [`Vocabulary`].
///
/// Stems and stop flags come from a per-thread cache that outlives the
/// tokenizer (it is handed from one document's tokenizer to the next), so a
/// word is stemmed once per thread rather than once per document.
pub struct Tokenizer {
    cache: Box<WordCache>,
    doc: DocWords,
    /// Reused buffer for lowercasing ASCII words.
    lower: String,
}

/// The words of the document being tokenized.
struct DocWords {
    vocabulary: Vocabulary,
    /// Per word id: its ids.
    ids: Vec<WordIds>,
    /// Stamp of this document in the cache (see [`Known::doc`]).
    stamp: u32,
}

/// Words seen on this thread, with their stem and stop flag.
struct WordCache {
    language: Language,
    /// Words of up to [`PACKED_LEN`] bytes, by [`pack`]ed key.
    short: FxHashMap<u128, Known>,
    /// Longer words.
    long: FxHashMap<Box<str>, Known>,
    stems: Stems,
    /// Stamp of the last document that used the cache.
    last_doc: u32,
    /// Sizes of the last document's vocabulary (words, word bytes, stems,
    /// stem bytes), to size the next one's up front.
    last_sizes: [usize; 4],
    /// The last document's [`DocWords::ids`], kept for its allocation.
    spare_ids: Vec<WordIds>,
}

/// The stems of the words a [`WordCache`] has seen (kept apart from the word
/// tables so that a word's table entry and the stems can be borrowed at once).
struct Stems {
    stemmer: Stemmer,
    stop_words: &'static FxHashSet<&'static str>,
    /// Every stem, by global stem id.
    list: StringList,
    /// Global ids of the stems of up to [`PACKED_LEN`] bytes, by [`pack`]ed
    /// key, and of the longer ones.
    short_ids: FxHashMap<u128, u32>,
    long_ids: FxHashMap<Box<str>, u32>,
    /// Per global stem: the stamp of the document it was last seen in, and
    /// its id there.
    seen_in: Vec<(u32, u32)>,
}

/// Beyond this many distinct words the cache starts afresh.
const CACHE_LIMIT: usize = 1 << 19;

thread_local! {
    static CACHE: Cell<Option<Box<WordCache>>> = const { Cell::new(None) };
}

impl WordCache {
    fn new(language: Language) -> Self {
        WordCache {
            language,
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            stems: Stems {
                stemmer: Stemmer::create(language.stemmer_algorithm()),
                stop_words: stop_set(language),
                list: StringList::new(),
                short_ids: FxHashMap::default(),
                long_ids: FxHashMap::default(),
                seen_in: Vec::new(),
            },
            last_doc: 0,
            last_sizes: [0; 4],
            spare_ids: Vec::new(),
        }
    }

    /// The thread's cache for `language` (a new one if there is none, it is
    /// for another language, or it has grown too big).
    fn take(language: Language) -> Box<Self> {
        match CACHE.with(Cell::take) {
            Some(cache)
                if cache.language == language
                    && cache.short.len() + cache.long.len() < CACHE_LIMIT
                    && cache.last_doc < u32::MAX =>
            {
                cache
            }
            _ => Box::new(WordCache::new(language)),
        }
    }
}

impl Stems {
    /// Stem id and stop flag of a lowercased word not seen yet (stemming it),
    /// with no document stamp.
    fn learn(&mut self, lower: &str) -> Known {
        let stop = self.stop_words.contains(lower);
        let stem = self.stemmer.stem(lower);
        let stem_len = match u8::try_from(stem.len()) {
            Ok(len) if len < NOT_PREFIX && lower.as_bytes().starts_with(stem.as_bytes()) => len,
            _ => NOT_PREFIX,
        };
        let next_id = self.list.len() as u32;
        let stem_id = if stem.len() <= PACKED_LEN {
            *self
                .short_ids
                .entry(pack(stem.as_bytes()))
                .or_insert(next_id)
        } else {
            *self.long_ids.entry(stem.as_ref().into()).or_insert(next_id)
        };
        if stem_id == next_id {
            self.list.push(&stem);
            self.seen_in.push((0, 0));
        }
        Known {
            stem: stem_id,
            stop,
            stem_len,
            doc: 0,
            word: 0,
        }
    }
}

impl DocWords {
    /// Adds a word new to this document: its word id, and a stem id if the
    /// stem is new to the document too. `known` (the word's cache entry)
    /// gets this document's stamp. `word` is lowercased, or with `fold`
    /// ASCII to be lowercased on the way into the vocabulary.
    fn add(&mut self, stems: &mut Stems, known: &mut Known, word: &str, fold: bool) -> WordIds {
        let global_stem = known.stem as usize;
        let (stamp, mut stem) = stems.seen_in[global_stem];
        if stamp != self.stamp {
            stem = self.vocabulary.stems.len() as u32;
            match word.get(..usize::from(known.stem_len)) {
                Some(prefix) if known.stem_len != NOT_PREFIX => {
                    self.vocabulary.stems.push_folded(prefix, fold)
                }
                _ => self.vocabulary.stems.push(&stems.list[global_stem]),
            }
            stems.seen_in[global_stem] = (self.stamp, stem);
        }
        let id = self.vocabulary.words.len() as u32;
        self.vocabulary.words.push_folded(word, fold);
        known.doc = self.stamp;
        known.word = id;
        let ids = (id, stem, known.stop);
        self.ids.push(ids);
        ids
    }
}

/// The stop-word set of `language`, built once per process.
fn stop_set(language: Language) -> &'static FxHashSet<&'static str> {
    static SETS: [OnceLock<FxHashSet<&'static str>>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    let index = Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or(0);
    SETS[index].get_or_init(|| language.stop_words().iter().copied().collect())
}

impl Drop for Tokenizer {
    fn drop(&mut self) {
        let (words, stems) = (&self.doc.vocabulary.words, &self.doc.vocabulary.stems);
        self.cache.last_sizes = [
            words.len(),
            words.total_bytes(),
            stems.len(),
            stems.total_bytes(),
        ];
        self.cache.spare_ids = std::mem::take(&mut self.doc.ids);
        let language = self.cache.language;
        let cache = std::mem::replace(&mut self.cache, Box::new(WordCache::new(language)));
        CACHE.with(|slot| slot.set(Some(cache)));
    }
}

impl Tokenizer {
    /// A tokenizer for `language` with an empty vocabulary.
    pub fn new(language: Language) -> Self {
        let mut cache = WordCache::take(language);
        cache.last_doc += 1;
        let stamp = cache.last_doc;
        let [words, word_bytes, stems, stem_bytes] = cache.last_sizes;
        let mut ids = std::mem::take(&mut cache.spare_ids);
        ids.clear();
        Tokenizer {
            cache,
            doc: DocWords {
                vocabulary: Vocabulary {
                    words: StringList::with_capacity(words, word_bytes),
                    stems: StringList::with_capacity(stems, stem_bytes),
                },
                ids,
                stamp,
            },
            lower: String::new(),
        }
    }

    /// Makes room for the vocabulary of a text of `bytes` bytes (news text
    /// has a new word every 7 to 20 bytes, and about half a byte of words
    /// and of stems per byte of text), so that it rarely has to grow.
    pub fn reserve_for_text(&mut self, bytes: usize) {
        let vocabulary = &mut self.doc.vocabulary;
        vocabulary.words.reserve(bytes / 8, bytes / 8 * 5);
        vocabulary.stems.reserve(bytes / 8, bytes / 2);
        self.doc.ids.reserve(bytes / 8);
    }

    /// Appends the word tokens of `text[span]` to `out`: the UAX #29 word
    /// segments that contain a letter or digit.
    pub fn tokenize_into(&mut self, text: &str, span: Span, out: &mut Vec<Token>) {
        let piece = span.slice(text);
        let bytes = piece.as_bytes();
        // ASCII stretches go through the fast path; each whitespace-free
        // chunk holding a non-ASCII byte goes, with the whitespace before
        // it, through `unicode-segmentation` (see the module doc).
        if piece.is_ascii() {
            // Most sentences (checked a word at a time).
            self.ascii_tokens(piece, 0, bytes.len(), span.start, out);
            return;
        }
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(offset) = first_non_ascii(&bytes[pos..]) else {
                self.ascii_tokens(piece, pos, bytes.len(), span.start, out);
                break;
            };
            let odd = pos + offset;
            let chunk_start = bytes[pos..odd]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(pos, |k| pos + k + 1);
            let space_start = bytes[pos..chunk_start]
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(pos, |k| pos + k + 1);
            let chunk_end = bytes[odd..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |k| odd + k);
            self.ascii_tokens(piece, pos, space_start, span.start, out);
            self.unicode_tokens(piece, space_start, chunk_end, span.start, out);
            pos = chunk_end;
        }
    }

    /// The tokens of the ASCII text `piece[start..end]`, where `piece`
    /// starts at byte `base` of the document.
    fn ascii_tokens(
        &mut self,
        piece: &str,
        start: usize,
        end: usize,
        base: usize,
        out: &mut Vec<Token>,
    ) {
        let Some(region) = piece.get(start..end) else {
            return;
        };
        ascii_words(region.as_bytes(), |s, e| {
            let surface = &region[s..e];
            let (word, stem, stop) = self.intern_ascii(surface);
            let begin = base + start + s;
            out.push(Token {
                span: Span::new(begin, begin + surface.len()),
                word,
                stem,
                stop,
            });
        });
    }

    /// The tokens of `piece[start..end]` by `unicode-segmentation`.
    fn unicode_tokens(
        &mut self,
        piece: &str,
        start: usize,
        end: usize,
        base: usize,
        out: &mut Vec<Token>,
    ) {
        let Some(region) = piece.get(start..end) else {
            return;
        };
        for (offset, surface) in region.split_word_bound_indices() {
            if !surface.chars().any(char::is_alphanumeric) {
                continue;
            }
            let lower = surface.to_lowercase();
            let (word, stem, stop) = if lower.len() > PACKED_LEN {
                self.intern_long(&lower)
            } else {
                self.intern_short(pack(lower.as_bytes()), &lower, false)
            };
            let begin = base + start + offset;
            out.push(Token {
                span: Span::new(begin, begin + surface.len()),
                word,
                stem,
                stop,
            });
        }
    }

    /// Ids of an ASCII word, lowercased on the way.
    fn intern_ascii(&mut self, surface: &str) -> WordIds {
        if surface.len() <= PACKED_LEN {
            // Most words have no capital: only those need lowercasing on
            // their way into the vocabulary.
            let raw = pack(surface.as_bytes());
            let key = lowercase_key(raw);
            return self.intern_short(key, surface, key != raw);
        }
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        lower.push_str(surface);
        lower.make_ascii_lowercase();
        let ids = self.intern_long(&lower);
        self.lower = lower;
        ids
    }

    /// Ids of a word of up to [`PACKED_LEN`] bytes, by its packed key: one
    /// table probe when the word is known to the thread, whether or not the
    /// document has it already. `word` is the word, lowercased, or with
    /// `fold` ASCII to be lowercased.
    ///
    /// Inlined into the token loops (a call cost a fifth of a seen word's
    /// instructions); words new to the document or to the thread go on to
    /// out-of-line functions.
    #[inline(always)]
    fn intern_short(&mut self, key: u128, word: &str, fold: bool) -> WordIds {
        let cache = &mut *self.cache;
        match cache.short.get_mut(&key) {
            Some(known) if known.doc == self.doc.stamp => self.doc.ids[known.word as usize],
            Some(known) => self.doc.add(&mut cache.stems, known, word, fold),
            None => self.learn_short(key, word, fold),
        }
    }

    /// [`Tokenizer::intern_short`] for a word new to the thread.
    #[inline(never)]
    fn learn_short(&mut self, key: u128, word: &str, fold: bool) -> WordIds {
        let cache = &mut *self.cache;
        let known = if fold {
            self.lower.clear();
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
            cache.stems.learn(&self.lower)
        } else {
            cache.stems.learn(word)
        };
        let known = cache.short.entry(key).or_insert(known);
        self.doc.add(&mut cache.stems, known, word, fold)
    }

    /// Ids of a lowercased word longer than [`PACKED_LEN`] bytes.
    fn intern_long(&mut self, lower: &str) -> WordIds {
        let cache = &mut *self.cache;
        if let Some(known) = cache.long.get_mut(lower) {
            if known.doc == self.doc.stamp {
                return self.doc.ids[known.word as usize];
            }
            return self.doc.add(&mut cache.stems, known, lower, false);
        }
        let mut known = cache.stems.learn(lower);
        let ids = self.doc.add(&mut cache.stems, &mut known, lower, false);
        cache.long.insert(lower.into(), known);
        ids
    }

    /// Looks up the stem id of a word without adding it; `None` if unseen.
    pub fn known_stem(&self, surface: &str) -> Option<u32> {
        let lower = surface.to_lowercase();
        let known = if lower.len() > PACKED_LEN {
            self.cache.long.get(lower.as_str())
        } else {
            self.cache.short.get(&pack(lower.as_bytes()))
        }?;
        (known.doc == self.doc.stamp).then(|| self.doc.ids[known.word as usize].1)
    }

    /// Stem ids of the non-stop words of `text` (interning new ones).
    pub fn content_stems(&mut self, text: &str) -> Vec<u32> {
        let mut tokens = Vec::new();
        self.tokenize_into(text, Span::new(0, text.len()), &mut tokens);
        tokens.iter().filter(|t| !t.stop).map(|t| t.stem).collect()
    }

    /// The vocabulary built so far.
    pub fn into_vocabulary(mut self) -> Vocabulary {
        std::mem::take(&mut self.doc.vocabulary)
    }
}

/// Word-break facts about an ASCII byte, as bits (see [`ASCII_CLASS`]).
/// Letters, digits and `_` join one another (UAX #29 WB5, WB8–WB10,
/// WB13a/b); the `MID_*` characters join two letters or two digits around
/// them (WB6/WB7, WB11/WB12). Nothing else joins in ASCII text.
const WORD: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
/// `:` `.` `'` (`MidLetter`, `MidNumLet`, `Single_Quote`).
const MID_LETTER: u8 = 8;
/// `,` `;` `.` `'` (`MidNum`, `MidNumLet`, `Single_Quote`).
const MID_NUM: u8 = 16;

/// The bits above for every byte (0 for non-ASCII bytes and for everything
/// else, white space included: it always breaks).
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            WORD | LETTER
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else {
            match c {
                b'_' => WORD,
                b':' => MID_LETTER,
                b'.' | b'\'' => MID_LETTER | MID_NUM,
                b',' | b';' => MID_NUM,
                _ => 0,
            }
        };
        b += 1;
    }
    table
};

/// Calls `emit(start, end)` for each UAX #29 word segment of the ASCII
/// `text` that contains a letter or digit (a segment of `_` alone does
/// not). White space, like any other character that joins nothing, ends a
/// segment and is one of its own.
fn ascii_words(text: &[u8], mut emit: impl FnMut(usize, usize)) {
    let class = |i: usize| ASCII_CLASS[usize::from(text[i])];
    let n = text.len();
    let mut i = 0;
    while i < n {
        let first = class(i);
        if first & WORD == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut seen = first;
        i += 1;
        loop {
            while i < n && class(i) & WORD != 0 {
                seen |= class(i);
                i += 1;
            }
            // `text[i]` joins nothing on its own: the word goes on only
            // across a middle character between two letters or two digits.
            if i + 1 >= n {
                break;
            }
            let mid = class(i);
            if mid & (MID_LETTER | MID_NUM) == 0 {
                break;
            }
            let both = class(i - 1) & class(i + 1);
            if !(both & LETTER != 0 && mid & MID_LETTER != 0
                || both & DIGIT != 0 && mid & MID_NUM != 0)
            {
                break;
            }
            i += 1;
        }
        // A segment of `_` alone is no token.
        if seen & (LETTER | DIGIT) != 0 {
            emit(start, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (surface, word, stem, stop) of every token of `text`.
    fn tokens(language: Language, text: &str) -> Vec<(String, String, String, bool)> {
        let mut tokenizer = Tokenizer::new(language);
        let mut out = Vec::new();
        tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
        let vocabulary = tokenizer.into_vocabulary();
        out.iter()
            .map(|t| {
                (
                    t.span.slice(text).to_string(),
                    vocabulary.words[t.word as usize].to_string(),
                    vocabulary.stems[t.stem as usize].to_string(),
                    t.stop,
                )
            })
            .collect()
    }

    fn surfaces(text: &str) -> Vec<String> {
        tokens(Language::English, text)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    #[test]
    fn packing_reads_every_length() {
        let naive = |word: &[u8], lower: bool| {
            let mut buf = [0u8; 16];
            for (slot, &b) in buf.iter_mut().zip(word) {
                *slot = if lower { b.to_ascii_lowercase() } else { b };
            }
            buf[15] = word.len() as u8;
            u128::from_le_bytes(buf)
        };
        let text = b"AbCdEfGhIjKlMnO@[`{Z";
        for start in 0..5 {
            for len in 0..=PACKED_LEN {
                let word = &text[start..start + len];
                assert_eq!(lowercase_key(pack(word)), naive(word, true), "{word:?}");
                assert_eq!(pack(word), naive(word, false), "{word:?}");
            }
        }
        let bytes: Vec<u8> = (0u8..=255).collect();
        for chunk in bytes.chunks(8) {
            assert_eq!(pack(chunk), naive(chunk, false));
            let ascii: Vec<u8> = chunk.iter().map(|b| b & 0x7f).collect();
            assert_eq!(lowercase_key(pack(&ascii)), naive(&ascii, true));
        }
    }

    #[test]
    fn english_words_stems_and_stop_flags() {
        let got = tokens(Language::English, "The Storms were running.");
        let want = [
            ("The", "the", "the", true),
            ("Storms", "storms", "storm", false),
            ("were", "were", "were", true),
            ("running", "running", "run", false),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str(), g.3), w);
        }
    }

    #[test]
    fn word_boundaries_like_uax29() {
        assert_eq!(
            surfaces("Don't pay $1,000.50 to the U.S. e-mail_list (at 10:30)!"),
            [
                "Don't",
                "pay",
                "1,000.50",
                "to",
                "the",
                "U.S",
                "e",
                "mail_list",
                "at",
                "10",
                "30"
            ]
        );
        assert_eq!(
            surfaces("Café, naïve co\u{2011}op \u{201c}quoted\u{201d}"),
            ["Café", "naïve", "co", "op", "quoted"]
        );
    }

    #[test]
    fn ids_are_shared_by_case_and_stem() {
        let mut tokenizer = Tokenizer::new(Language::English);
        let text = "Connect connected CONNECT";
        let mut out = Vec::new();
        tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out[0].word, out[2].word);
        assert_ne!(out[0].word, out[1].word);
        assert_eq!(out[0].stem, out[1].stem);
        assert_eq!(tokenizer.known_stem("CONNECTED"), Some(out[1].stem));
        assert_eq!(tokenizer.known_stem("unseen"), None);
        let vocabulary = tokenizer.into_vocabulary();
        assert_eq!(vocabulary.words, ["connect", "connected"]);
        assert_eq!(vocabulary.stems, ["connect"]);
    }

    #[test]
    fn spans_point_into_the_whole_text() {
        let text = "Intro. Le président a parlé.";
        let mut tokenizer = Tokenizer::new(Language::French);
        let mut out = Vec::new();
        tokenizer.tokenize_into(text, Span::new(7, text.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(got, ["Le", "président", "a", "parlé"]);
        assert_eq!(out[0].span, Span::new(7, 9));
    }

    #[test]
    fn french_and_russian() {
        let fr = tokens(Language::French, "Les enfants jouaient");
        assert_eq!(
            fr.iter().map(|t| (t.2.as_str(), t.3)).collect::<Vec<_>>(),
            [("le", true), ("enfant", false), ("jou", false)]
        );
        let ru = tokens(Language::Russian, "Новости из Москвы");
        assert_eq!(
            ru.iter()
                .map(|t| (t.1.as_str(), t.2.as_str(), t.3))
                .collect::<Vec<_>>(),
            [
                ("новости", "новост", false),
                ("из", "из", true),
                ("москвы", "москв", false)
            ]
        );
    }

    #[test]
    fn the_thread_cache_does_not_leak_between_documents() {
        let vocabulary = |language, text: &str| {
            let mut tokenizer = Tokenizer::new(language);
            let mut out = Vec::new();
            tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
            let ids: Vec<(u32, u32, bool)> = out.iter().map(|t| (t.word, t.stem, t.stop)).collect();
            (ids, tokenizer.into_vocabulary())
        };
        let (ids, first) = vocabulary(Language::English, "Storms passed les storms");
        assert_eq!(
            ids,
            [(0, 0, false), (1, 1, false), (2, 2, false), (0, 0, false)]
        );
        assert_eq!(first.words, ["storms", "passed", "les"]);
        // A second document on the same thread starts from an empty vocabulary.
        let (ids, second) = vocabulary(Language::English, "Passed storms");
        assert_eq!(ids, [(0, 0, false), (1, 1, false)]);
        assert_eq!(second.words, ["passed", "storms"]);
        assert_eq!(second.stems, ["pass", "storm"]);
        // Another language gets its own stems and stop words.
        let (ids, french) = vocabulary(Language::French, "les storms");
        assert_eq!(ids, [(0, 0, true), (1, 1, false)]);
        assert_eq!(french.stems, ["le", "storm"]);
        // Two tokenizers alive at once on one thread.
        let mut a = Tokenizer::new(Language::English);
        let mut b = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        a.tokenize_into("alpha beta", Span::new(0, 10), &mut out);
        b.tokenize_into("beta", Span::new(0, 4), &mut out);
        assert_eq!(a.into_vocabulary().words, ["alpha", "beta"]);
        assert_eq!(b.into_vocabulary().words, ["beta"]);
    }

    #[test]
    fn long_words_and_non_ascii_words() {
        // Longer than a packed key (15 bytes), ASCII and not.
        let text =
            "Internationalization INTERNATIONALIZATION Достопримечательность достопримечательность";
        let mut tokenizer = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].word, out[1].word);
        assert_eq!(out[2].word, out[3].word);
        assert_eq!(
            tokenizer.known_stem("internationalization"),
            Some(out[0].stem)
        );
        let vocabulary = tokenizer.into_vocabulary();
        assert_eq!(
            vocabulary.words,
            ["internationalization", "достопримечательность"]
        );
        // Two words with one stem longer than a packed key.
        let got = tokens(
            Language::English,
            "counterrevolutionary counterrevolutionaries",
        );
        assert_eq!(got[0].2, "counterrevolutionari");
        assert_eq!(got[1].2, "counterrevolutionari");
        let mut tokenizer = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        let text = "counterrevolutionary counterrevolutionaries";
        tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out[0].stem, out[1].stem);
        assert_ne!(out[0].word, out[1].word);
    }

    #[test]
    fn content_stems_skip_stop_words() {
        let mut tokenizer = Tokenizer::new(Language::English);
        let stems = tokenizer.content_stems("The storm and the floods");
        let vocabulary = tokenizer.into_vocabulary();
        let got: Vec<&str> = stems
            .iter()
            .map(|&s| &vocabulary.stems[s as usize])
            .collect();
        assert_eq!(got, ["storm", "flood"]);
    }

    /// Checks the tokens of `text` against plain UAX #29 word segmentation
    /// (`unicode-segmentation`) filtered to alphanumerics, and their words
    /// against the lowercased surface.
    fn check_against_uax29(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let expected: Vec<Span> = text
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| Span::new(i, i + w.len()))
            .collect();
        let mut tokenizer = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        tokenizer.tokenize_into(text, Span::new(0, text.len()), &mut out);
        let got: Vec<Span> = out.iter().map(|t| t.span).collect();
        proptest::prop_assert_eq!(got, expected);
        let vocabulary = tokenizer.into_vocabulary();
        for t in &out {
            proptest::prop_assert_eq!(
                &vocabulary.words[t.word as usize],
                &t.span.slice(text).to_lowercase()
            );
        }
        Ok(())
    }

    proptest::proptest! {
        /// The word-at-a-time search finds the first non-ASCII byte.
        #[test]
        fn first_non_ascii_is_the_first_high_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![8 => 0u8..0x80, 1 => 0x80u8..=0xff],
                0..40,
            )
        ) {
            proptest::prop_assert_eq!(
                first_non_ascii(&bytes),
                bytes.iter().position(|b| !b.is_ascii())
            );
        }

        /// The fast path gives exactly the tokens of UAX #29.
        #[test]
        fn same_tokens_as_unicode_segmentation(
            text in "([a-zA-Z0-9]{1,5}|[ \\t\\n.,:;'_\\-!?\"()$%]|é|Ж|中|\\u{a0}|\\u{2019}|\\u{301}|\\u{200d}|\\u{1F600}|\\u{1F1FA}){0,30}"
        ) {
            check_against_uax29(&text)?;
        }

        /// The same on dense ASCII punctuation, where the joining rules
        /// (`U.S`, `1,000.50`, `a_b`, `don't`) meet.
        #[test]
        fn same_ascii_tokens_as_unicode_segmentation(
            text in "[aZ09 .,:;'_\\t\\r\\n\\x0b@/-]{0,40}"
        ) {
            check_against_uax29(&text)?;
        }
    }
}
