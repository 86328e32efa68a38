//! Times one summary of a long document and prints the figures.
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example scale -- 10000 lexrank [threads] [max_term_df]
//! ```
//!
//! Prints the sentence count, parse time, summarize time (scoring and
//! selection of an already parsed document) and the graph size the graph
//! scorers would build. Peak memory: run it under `/usr/bin/time -v`.

#[path = "../benches/common/mod.rs"]
mod common;

use nutgraf_parse::parse;
use nutgraf_summarize::similarity::{
    pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight,
};
use nutgraf_summarize::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use nutgraf_summarize::{Algorithm, Summarizer, SummarizerConfig};
use std::time::Instant;

/// CPU seconds (user + system, all threads) used by this process so far,
/// from /proc (Linux); 0 elsewhere. Wall time on a busy machine overstates
/// cost, so both are printed.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the ")" closing the command name; utime and stime are
    // fields 14 and 15 of the line, in clock ticks (100 per second).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sentences: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let algorithm: Algorithm = args
        .get(2)
        .map(|a| a.parse().expect("algorithm name"))
        .unwrap_or_default();
    let threads: Option<usize> = args.get(3).and_then(|a| a.parse().ok());
    let mut graph_options = GraphOptions::default();
    if let Some(df) = args.get(4).and_then(|a| a.parse().ok()) {
        graph_options.max_term_df = df;
    }

    let (text, source) = common::document(sentences);
    let config = SummarizerConfig {
        algorithm,
        threads,
        ..SummarizerConfig::default()
    };
    let summarizer = Summarizer::new(config.clone()).expect("valid config");

    let t = Instant::now();
    let doc = parse(&text, &config.parse_options());
    let parse_time = t.elapsed();

    let t = Instant::now();
    let cpu = cpu_seconds();
    let summary = summarizer.summarize_document(&doc);
    let summarize_time = t.elapsed();
    let summarize_cpu = cpu_seconds() - cpu;

    let candidates: Vec<usize> = doc.selectable_sentences().collect();
    let t = Instant::now();
    let cpu = cpu_seconds();
    let terms = sentence_terms(&doc, &candidates, &TermFilter::CONTENT);
    let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(summarizer.threads())
        .build()
        .expect("pool");
    let g = pool.install(|| similarity_graph(&terms, PairWeight::Cosine(&idf), &graph_options));
    let graph_time = t.elapsed();
    let graph_cpu = cpu_seconds() - cpu;
    let t = Instant::now();
    let ranks = pool.install(|| pagerank(&g, &PageRankOptions::default(), None));
    let pagerank_time = t.elapsed();

    println!(
        "source={source} sentences={} candidates={} algorithm={algorithm} threads={} \
         parse={:.3}s summarize={:.3}s (cpu {:.2}s) cosine_graph={:.3}s (cpu {:.2}s) pagerank={:.3}s edges={} selected={}",
        doc.sentences.len(),
        candidates.len(),
        summarizer.threads(),
        parse_time.as_secs_f64(),
        summarize_time.as_secs_f64(),
        summarize_cpu,
        graph_time.as_secs_f64(),
        graph_cpu,
        pagerank_time.as_secs_f64(),
        g.edge_count(),
        summary.len(),
    );
    assert_eq!(ranks.len(), g.len());
}
