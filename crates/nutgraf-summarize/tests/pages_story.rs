//! Scraped news pages: the default summary quotes story text, not page
//! furniture (issue target: at most 5% of summary sentences elsewhere).
//!
//! Same metric as `bench/pages_junk.py` and `bench/peers_bench.py`: a
//! sentence is story text when its lower-cased `\w+` words appear
//! contiguously, in order, in the page's hand-checked `article_body`.
//! Skips when `../shared/data` is absent.

mod common;

use nutgraf_summarize::{Algorithm, Budget, Summarizer, SummarizerConfig};
use regex::Regex;
use std::io::{BufRead, BufReader};

/// The words of `text` joined by single spaces, with a space at each end.
fn word_line(word: &Regex, text: &str) -> String {
    let lower = text.to_lowercase();
    let mut line = String::from(" ");
    for w in word.find_iter(&lower) {
        line.push_str(w.as_str());
        line.push(' ');
    }
    line
}

#[test]
fn default_summaries_of_scraped_pages_are_story_text() {
    let path = common::data_dir().join("news_pages_raw.dev.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let pages: Vec<serde_json::Value> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| serde_json::from_str(&l.expect("readable line")).expect("valid JSON"))
        .collect();
    assert_eq!(pages.len(), 92, "the dev file has 92 pages");

    let word = Regex::new(r"\w+").expect("valid regex");
    let summarizer = Summarizer::new(SummarizerConfig {
        algorithm: Algorithm::Default,
        budget: Budget::Sentences(3),
        threads: Some(2),
        ..SummarizerConfig::default()
    })
    .expect("valid config");
    let (mut sentences, mut elsewhere) = (0usize, 0usize);
    for page in &pages {
        let raw = page["raw_text"].as_str().expect("raw_text");
        let body = word_line(&word, page["article_body"].as_str().expect("article_body"));
        for s in summarizer.summarize(raw).sentences {
            let words = word_line(&word, &s.text);
            sentences += 1;
            if words.trim().is_empty() || !body.contains(&words) {
                elsewhere += 1;
            }
        }
    }
    let share = 100.0 * elsewhere as f64 / sentences as f64;
    eprintln!("pages: {elsewhere} of {sentences} summary sentences not story text ({share:.2}%)");
    assert!(sentences >= 250, "{sentences} summary sentences");
    assert!(
        share <= 5.0,
        "{share:.2}% of summary sentences are not story text"
    );
}
