//! Helpers shared by the integration tests: the evaluation data (read-only,
//! outside the repo; tests skip when it is absent) and generated documents.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

/// `<workspace>/../shared/data`.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// Up to `limit` values of `field` from a gzipped JSONL file of the data
/// dir, or `None` (with a message) when the file is absent.
pub fn load_field(file: &str, field: &str, limit: usize) -> Option<Vec<String>> {
    let path = data_dir().join(file);
    let Ok(f) = std::fs::File::open(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return None;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(f));
    let mut out = Vec::new();
    for line in reader.lines().map_while(Result::ok) {
        if out.len() >= limit {
            break;
        }
        let value: serde_json::Value = serde_json::from_str(&line).ok()?;
        if let Some(text) = value.get(field).and_then(|v| v.as_str()) {
            out.push(text.to_string());
        }
    }
    Some(out)
}

/// A deterministic pseudo-random text of `sentences` sentences, one
/// paragraph per 5 sentences, with a vocabulary mixing frequent and rare
/// words (so similarity graphs are neither empty nor complete).
pub fn generated_text(sentences: usize, seed: u64) -> String {
    const COMMON: [&str; 12] = [
        "government",
        "said",
        "minister",
        "talks",
        "city",
        "police",
        "report",
        "market",
        "election",
        "people",
        "week",
        "officials",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut text = String::new();
    for s in 0..sentences {
        let words = 6 + next() % 14;
        for w in 0..words {
            let word = if next() % 3 == 0 {
                COMMON[next() % COMMON.len()].to_string()
            } else {
                format!("w{}", next() % (sentences * 4 + 50))
            };
            if w == 0 {
                let mut c = word.chars();
                let first = c
                    .next()
                    .map(|f| f.to_uppercase().to_string())
                    .unwrap_or_default();
                text.push_str(&first);
                text.push_str(c.as_str());
            } else {
                text.push(' ');
                text.push_str(&word);
            }
        }
        text.push_str(if s % 5 == 4 { ".\n\n" } else { ". " });
    }
    text
}
