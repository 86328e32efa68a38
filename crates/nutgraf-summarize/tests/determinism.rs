//! Same input, same options → byte-identical JSON at 1, 2 and 4 threads,
//! for every algorithm, on real articles (when the data is there) and on
//! generated long documents.

mod common;

use nutgraf_summarize::{Algorithm, Budget, Summarizer, SummarizerConfig};

fn json_at(threads: usize, config: &SummarizerConfig, texts: &[String]) -> String {
    let s = Summarizer::new(SummarizerConfig {
        threads: Some(threads),
        ..config.clone()
    })
    .expect("valid config");
    let mut out = serde_json::to_string(&s.summarize_many(texts)).expect("serializable");
    // Single documents too: their similarity rows run in parallel.
    for text in texts.iter().rev().take(2) {
        out.push_str(&serde_json::to_string(&s.summarize(text)).expect("serializable"));
    }
    out
}

fn texts() -> Vec<String> {
    let mut texts = Vec::new();
    texts.extend(
        common::load_field("bbc_news_summary.dev.jsonl.gz", "article", 8).unwrap_or_default(),
    );
    texts.extend(common::load_field("cnndm_test_frank.jsonl.gz", "article", 4).unwrap_or_default());
    texts.extend(
        common::load_field("news_pages_raw.dev.jsonl.gz", "raw_text", 3).unwrap_or_default(),
    );
    // Long generated documents: enough sentences for many parallel rows.
    texts.push(common::generated_text(300, 1));
    texts.push(common::generated_text(500, 2));
    texts
}

#[test]
fn identical_output_at_any_thread_count() {
    let texts = texts();
    for algorithm in Algorithm::ALL {
        for config in [
            SummarizerConfig {
                algorithm,
                ..SummarizerConfig::default()
            },
            SummarizerConfig {
                algorithm,
                budget: Budget::Words(80),
                redundancy: Some(0.6),
                trigram_blocking: true,
                hints: vec!["government".to_string()],
                ..SummarizerConfig::default()
            },
        ] {
            let one = json_at(1, &config, &texts);
            assert_eq!(
                one,
                json_at(2, &config, &texts),
                "{algorithm}: 1 vs 2 threads"
            );
            assert_eq!(
                one,
                json_at(4, &config, &texts),
                "{algorithm}: 1 vs 4 threads"
            );
        }
    }
}
