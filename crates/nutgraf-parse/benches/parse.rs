//! Parsing speed on real news text: the articles of the CNN/DailyMail (FRANK)
//! and BBC News Summary files in `<workspace>/../shared/data`, or the example
//! page in `<workspace>/../shared/examples` when the data is absent.
//!
//! `cargo bench -p nutgraf-parse --bench parse` prints MB/s for:
//! - `split_sentences`: sentence splitting of every article paragraph;
//! - `tokenize`: word tokens, lowercasing, stems of every sentence;
//! - `parse/plain`: full `parse` without structure detection;
//! - `parse/full`: full `parse` (blocks, roles, sentences, tokens, stems).
//!
//! Each article is parsed on its own, as a summarizer does.
//!
//! Times are the CPU time of the benchmark thread (`cpu-time`), so figures
//! stay meaningful on a busy shared machine; set `NUTGRAF_BENCH_WALL=1` for
//! wall-clock time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf_parse::sentences::split_sentences;
use nutgraf_parse::tokens::Tokenizer;
use nutgraf_parse::{parse, Language, ParseOptions, Span};
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Runs `f` `iters` times; returns the thread's CPU time (or the wall time
/// when `NUTGRAF_BENCH_WALL` is set).
fn timed<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    if std::env::var_os("NUTGRAF_BENCH_WALL").is_some() {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        return start.elapsed();
    }
    let start = cpu_time::ThreadTime::now();
    for _ in 0..iters {
        black_box(f());
    }
    start.elapsed()
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The `article` field of every line of a gzipped JSONL file.
fn articles_from(path: &Path) -> Option<Vec<String>> {
    let file = std::fs::File::open(path).ok()?;
    let mut content = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut content)
        .ok()?;
    let articles = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v["article"].as_str().map(str::to_string))
        .collect();
    Some(articles)
}

fn corpus() -> Vec<String> {
    let data = shared_dir().join("data");
    let mut articles = Vec::new();
    for name in ["cnndm_test_frank.jsonl.gz", "bbc_news_summary.dev.jsonl.gz"] {
        articles.extend(articles_from(&data.join(name)).unwrap_or_default());
    }
    if articles.is_empty() {
        let examples = shared_dir().join("examples");
        if let Ok(entries) = std::fs::read_dir(&examples) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            {
                articles.extend(std::fs::read_to_string(path).ok());
            }
        }
    }
    if articles.is_empty() {
        eprintln!(
            "no news data found under {}; using a built-in text",
            shared_dir().display()
        );
        articles.push(
            "Storm hits coast\n\nThe storm hit the coast on Monday. Nobody was hurt, \
             Gov. Jane Smith said at 5 p.m. in Tallahassee.\n"
                .repeat(50),
        );
    }
    articles
}

fn benches(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!("corpus: {} articles, {bytes} bytes", articles.len());
    let mut group = c.benchmark_group("nutgraf-parse");
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    group.bench_function("split_sentences", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let mut n = 0;
                for article in &articles {
                    n += split_sentences(black_box(article)).len();
                }
                n
            })
        })
    });
    let sentences: Vec<Vec<Span>> = articles.iter().map(|a| split_sentences(a)).collect();
    group.bench_function("tokenize", |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let mut n = 0;
                let mut tokens = Vec::new();
                for (article, spans) in articles.iter().zip(&sentences) {
                    let mut tokenizer = Tokenizer::new(Language::English);
                    tokens.clear();
                    for &span in spans {
                        tokenizer.tokenize_into(black_box(article), span, &mut tokens);
                    }
                    n += tokens.len();
                }
                n
            })
        })
    });
    let plain = ParseOptions {
        detect_structure: false,
        ..ParseOptions::default()
    };
    let full = ParseOptions::default();
    for (name, options) in [("parse/plain", &plain), ("parse/full", &full)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                timed(iters, || {
                    let mut n = 0;
                    for article in &articles {
                        n += parse(black_box(article), options).sentences.len();
                    }
                    n
                })
            })
        });
    }
    group.finish();
}

criterion_group!(parse_benches, benches);
criterion_main!(parse_benches);
