//! A fingerprint of everything `parse` produces on the news data, to check
//! that a speed change leaves the output alone.
//!
//! ```text
//! cargo run --release -p nutgraf-parse --example parse_digest
//! ```
//!
//! Parses every article of the CNN/DM (FRANK) and BBC News Summary files and
//! every raw page of `news_pages_raw.dev.jsonl.gz` in
//! `<workspace>/../shared/data`, one after the other on one thread (so the
//! per-thread word cache carries over as in a batch), with and without
//! structure detection, and prints one FNV-1a hash per corpus over blocks,
//! roles, sentences, token spans, word and stem ids, word and stem strings,
//! stop flags, vocabulary sizes, title stems and metadata. Run it before and
//! after a change: the hashes must not move.
//!
//! With `--profile MODE [N]` it instead parses the speed bench's corpus (the
//! CNN/DM and BBC articles, as in `benches/parse.rs`) `N` times (default 1),
//! with `MODE` `full` or `plain` options, and prints the token count; `load`
//! only reads the data. The wall clock is too noisy on a shared machine to
//! compare two versions of the parser, instruction counts are not:
//!
//! ```text
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/parse_digest --profile full 2
//! ```
//!
//! The count for `N = 2` minus the count for `N = 1` is one pass with the
//! thread's word cache warm, as in the bench.

use flate2::read::GzDecoder;
use nutgraf_parse::{parse, Document, ParseOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// The `field` of every line of a gzipped JSONL file.
fn texts(path: &Path, field: &str) -> Option<Vec<String>> {
    let mut content = String::new();
    GzDecoder::new(std::fs::File::open(path).ok()?)
        .read_to_string(&mut content)
        .ok()?;
    Some(
        content
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| v[field].as_str().map(str::to_string))
            .collect(),
    )
}

/// 64-bit FNV-1a, fed with length-prefixed pieces so that boundaries count.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn num(&mut self, n: usize) {
        self.bytes(&(n as u64).to_le_bytes());
    }

    fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

fn digest(doc: &Document, h: &mut Fnv) {
    h.text(&format!("{:?}", doc.metadata));
    h.num(doc.blocks.len());
    for b in &doc.blocks {
        h.text(&format!("{:?}", b));
    }
    h.num(doc.sentences.len());
    for s in &doc.sentences {
        h.text(&format!("{:?}", s));
    }
    h.num(doc.tokens.len());
    for t in &doc.tokens {
        h.num(t.span.start);
        h.num(t.span.end);
        h.num(t.word as usize);
        h.num(t.stem as usize);
        h.num(usize::from(t.stop));
        h.text(doc.word(t));
        h.text(doc.stem(t));
    }
    h.num(doc.vocabulary.words.len());
    h.num(doc.vocabulary.stems.len());
    for &s in &doc.title_stems {
        h.num(s as usize);
    }
}

/// Parses the bench corpus `passes` times (see the module doc); `mode` is
/// `full`, `plain` or `load`.
fn profile(data: &Path, mode: &str, passes: usize) {
    let mut articles = Vec::new();
    for name in ["cnndm_test_frank.jsonl.gz", "bbc_news_summary.dev.jsonl.gz"] {
        articles.extend(texts(&data.join(name), "article").unwrap_or_default());
    }
    let options = ParseOptions {
        detect_structure: mode != "plain",
        ..ParseOptions::default()
    };
    let mut tokens = 0;
    for _ in 0..passes {
        if mode != "load" {
            for article in &articles {
                tokens += parse(article, &options).tokens.len();
            }
        }
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    println!(
        "{mode}: {} articles, {bytes} bytes, {tokens} tokens",
        articles.len()
    );
}

fn main() {
    let data = data_dir();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, mode, rest @ ..] = args.as_slice() {
        let passes = match rest {
            [] => Some(1),
            [n] => n.parse().ok(),
            _ => None,
        };
        if let (true, true, Some(passes)) = (
            flag == "--profile",
            matches!(mode.as_str(), "full" | "plain" | "load"),
            passes,
        ) {
            profile(&data, mode, passes);
            return;
        }
    }
    let corpora = [
        ("cnndm_test_frank.jsonl.gz", "article"),
        ("bbc_news_summary.dev.jsonl.gz", "article"),
        ("news_pages_raw.dev.jsonl.gz", "raw_text"),
    ];
    let plain = ParseOptions {
        detect_structure: false,
        ..ParseOptions::default()
    };
    let full = ParseOptions::default();
    for (name, field) in corpora {
        let Some(texts) = texts(&data.join(name), field) else {
            println!("{name}: not found in {}, skipped", data.display());
            continue;
        };
        for (label, options) in [("plain", &plain), ("full", &full)] {
            let mut h = Fnv(0xcbf2_9ce4_8422_2325);
            let mut tokens = 0;
            for text in &texts {
                let doc = parse(text, options);
                tokens += doc.tokens.len();
                digest(&doc, &mut h);
            }
            println!(
                "{name} {label}: {} texts, {tokens} tokens, digest {:016x}",
                texts.len(),
                h.0
            );
        }
    }
}
