//! Long documents for the scaling measurements, built from real news
//! sentences: the articles of the development corpora (BBC News Summary
//! and the CNN/DailyMail FRANK subset, read from `<workspace>/../shared/data`,
//! never copied into the repo) concatenated, paragraph by paragraph, until
//! the document has the wanted number of sentences. The corpora hold about
//! 30,000 sentences, so the 100,000-sentence document repeats them (as a
//! long feed with reposted stories would). Without the data, a generated
//! text with a Zipf-like vocabulary stands in, and a message says so.

use nutgraf_parse::{parse, ParseOptions};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

fn articles() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut out = Vec::new();
    for file in ["bbc_news_summary.dev.jsonl.gz", "cnndm_test_frank.jsonl.gz"] {
        let Ok(f) = std::fs::File::open(dir.join(file)) else {
            continue;
        };
        let reader = BufReader::new(flate2::read::GzDecoder::new(f));
        for line in reader.lines().map_while(Result::ok) {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if let Some(a) = value.get("article").and_then(|v| v.as_str()) {
                out.push(a.to_string());
            }
        }
    }
    out
}

/// Generated stand-in: sentences of 8–25 words, word k drawn with
/// probability ∝ 1/(k+1) from a 20,000-word vocabulary.
fn generated(sentences: usize) -> String {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for s in 0..sentences {
        let len = 8 + (next() % 18) as usize;
        for w in 0..len {
            let u = (next() % 1_000_000) as f64 / 1_000_000.0;
            let k = (20_000f64.powf(u)) as usize; // log-uniform ≈ Zipf
            if w > 0 {
                text.push(' ');
            }
            text.push_str(&format!("{}w{k}", if w == 0 { "W" } else { "" }));
        }
        text.push_str(if s % 6 == 5 { ".\n\n" } else { ". " });
    }
    text
}

/// A text of at least `sentences` sentences (as the parser counts them)
/// and a note saying where it came from.
pub fn document(sentences: usize) -> (String, &'static str) {
    let articles = articles();
    if articles.is_empty() {
        eprintln!("shared/data not found: using generated text");
        return (generated(sentences), "generated");
    }
    let options = ParseOptions::default();
    let mut text = String::new();
    let mut count = 0;
    for article in articles.iter().cycle() {
        if count >= sentences {
            break;
        }
        for para in article.split("\n\n") {
            if count >= sentences {
                break;
            }
            let n = parse(para, &options).sentences.len();
            if n == 0 {
                continue;
            }
            text.push_str(para.trim());
            text.push_str("\n\n");
            count += n;
        }
    }
    (text, "news")
}
