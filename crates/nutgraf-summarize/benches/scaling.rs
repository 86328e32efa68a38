//! How summarizing time grows with document length.
//!
//! Documents of 100, 1,000, 10,000 and 100,000 sentences of real news text
//! (see `common`), parsed once outside the timing. Measured:
//!
//! * `summarize/<algorithm>/<n>`: `Summarizer::summarize_document` (scoring
//!   and selection) for TextRank, LexRank and the default scorer;
//! * `graph/cosine+pagerank/<n>`: the sparse tf-idf cosine graph and
//!   PageRank on it, the core every graph scorer shares.
//!
//! Measurement is kept short (10 samples, 1 s). The sizes can be chosen
//! with `NUTGRAF_BENCH_SIZES=100,1000` (the 100,000-sentence runs take
//! minutes on a busy machine). Run:
//!
//! ```text
//! cargo bench -p nutgraf-summarize --bench scaling
//! ```

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutgraf_parse::parse;
use nutgraf_summarize::similarity::{
    pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight,
};
use nutgraf_summarize::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use nutgraf_summarize::{Algorithm, Summarizer, SummarizerConfig};
use std::time::Duration;

fn sizes() -> Vec<usize> {
    std::env::var("NUTGRAF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1_000, 10_000, 100_000])
}

fn scaling(c: &mut Criterion) {
    let config = SummarizerConfig::default();
    let docs: Vec<_> = sizes()
        .into_iter()
        .map(|n| {
            let (text, source) = common::document(n);
            eprintln!("{n} sentences from {source} text");
            (n, parse(&text, &config.parse_options()))
        })
        .collect();

    let mut group = c.benchmark_group("summarize");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(1))
        .warm_up_time(Duration::from_millis(200));
    for algorithm in [Algorithm::Textrank, Algorithm::Lexrank, Algorithm::Default] {
        let summarizer = Summarizer::new(SummarizerConfig {
            algorithm,
            ..config.clone()
        })
        .expect("valid config");
        for (n, doc) in &docs {
            group.throughput(Throughput::Elements(*n as u64));
            group.bench_with_input(BenchmarkId::new(algorithm.name(), n), doc, |b, doc| {
                b.iter(|| summarizer.summarize_document(doc))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("graph");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(1))
        .warm_up_time(Duration::from_millis(200));
    let pool = rayon::ThreadPoolBuilder::new()
        .build()
        .expect("thread pool");
    for (n, doc) in &docs {
        let candidates: Vec<usize> = doc.selectable_sentences().collect();
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::new("cosine+pagerank", n), doc, |b, doc| {
            b.iter(|| {
                pool.install(|| {
                    let terms = sentence_terms(doc, &candidates, &TermFilter::CONTENT);
                    let idf =
                        Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
                    let graph = similarity_graph(
                        &terms,
                        PairWeight::Cosine(&idf),
                        &GraphOptions::default(),
                    );
                    pagerank(&graph, &PageRankOptions::default(), None)
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
