//! Times one summary of a long document and prints the figures.
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example scale -- 10000 lexrank [threads] [--graph]
//!     [--budget=10%] [--mmr=0.7]
//! ```
//!
//! Builds a document of about that many sentences of real news text (see
//! `benches/common`), parses it, summarizes it once and prints:
//!
//! * `summarize`: wall time and CPU time (user + system of every thread of
//!   the process) of `Summarizer::summarize_document` — scoring and
//!   selection of the parsed document. On a shared machine the CPU time is
//!   the meaningful one;
//! * `rss_parsed`: resident memory once the document is built and parsed
//!   (the input itself), and `peak_rss`: the high-water mark of the whole
//!   run (what `/usr/bin/time -v` reports as "Maximum resident set size").
//!   Their difference is what summarizing added at its peak.
//!
//! `--budget` takes the command line's short forms (default: 3 sentences)
//! and `--mmr` sets the redundancy λ, to time selection with long
//! summaries. With `--graph` it also builds the tf-idf cosine graph alone (the core of
//! the graph scorers) and PageRank on it, and prints their times and the
//! edge count; this comes after the summary, so it does not change
//! `peak_rss` unless it needs more than the summary did.
//!
//! Every algorithm at 10,000 and 100,000 sentences (the figures in
//! `docs/scaling.md`):
//!
//! ```text
//! for n in 10000 100000; do for a in default lead luhn edmundson lsa sumbasic klsum textrank lexrank pacsum; do
//!   target/release/examples/scale $n $a 2; done; done
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use nutgraf_parse::parse;
use nutgraf_summarize::similarity::{
    pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight,
};
use nutgraf_summarize::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use nutgraf_summarize::{Algorithm, Summarizer, SummarizerConfig};
use std::time::Instant;

/// A `kB` line of /proc/self/status (`VmRSS`, `VmHWM`) in MB; 0 when
/// unavailable (not Linux).
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let graph_too = args.iter().any(|a| a == "--graph");
    let option = |name: &str| {
        args.iter()
            .find_map(|a| a.strip_prefix(name)?.strip_prefix('='))
    };
    let defaults = SummarizerConfig::default();
    let budget = option("--budget").map_or(defaults.budget, |b| b.parse().expect("budget"));
    let redundancy = option("--mmr").map(|l| l.parse::<f64>().expect("MMR lambda"));
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let sentences: usize = positional
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let algorithm: Algorithm = positional
        .get(1)
        .map(|a| a.parse().expect("algorithm name"))
        .unwrap_or_default();
    let threads: Option<usize> = positional.get(2).and_then(|a| a.parse().ok());

    let (text, source) = common::document(sentences);
    let config = SummarizerConfig {
        algorithm,
        threads,
        budget,
        redundancy,
        ..defaults
    };
    let summarizer = Summarizer::new(config.clone()).expect("valid config");

    let t = Instant::now();
    let doc = parse(&text, &config.parse_options());
    let parse_time = t.elapsed();
    let rss_parsed = status_mb("VmRSS");

    let t = Instant::now();
    let cpu = cpu_time::ProcessTime::now();
    let summary = summarizer.summarize_document(&doc);
    let summarize_time = t.elapsed();
    let summarize_cpu = cpu.elapsed();
    let peak = status_mb("VmHWM");

    println!(
        "source={source} sentences={} candidates={} algorithm={algorithm} threads={} \
         parse={:.3}s summarize={:.3}s cpu={:.3}s rss_parsed={:.0}MB peak_rss={:.0}MB selected={}",
        doc.sentences.len(),
        summary.stats.candidate_count,
        summarizer.threads(),
        parse_time.as_secs_f64(),
        summarize_time.as_secs_f64(),
        summarize_cpu.as_secs_f64(),
        rss_parsed,
        peak,
        summary.len(),
    );

    if graph_too {
        let candidates: Vec<usize> = doc.selectable_sentences().collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(summarizer.threads())
            .build()
            .expect("pool");
        let t = Instant::now();
        let cpu = cpu_time::ProcessTime::now();
        let terms = sentence_terms(&doc, &candidates, &TermFilter::CONTENT);
        let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);
        let g = pool.install(|| {
            similarity_graph(&terms, PairWeight::Cosine(&idf), &GraphOptions::default())
        });
        let graph_time = t.elapsed();
        let graph_cpu = cpu.elapsed();
        let t = Instant::now();
        let cpu = cpu_time::ProcessTime::now();
        let ranks = pool.install(|| pagerank(&g, &PageRankOptions::default(), None));
        println!(
            "cosine_graph={:.3}s cpu={:.3}s edges={} pagerank={:.3}s cpu={:.3}s",
            graph_time.as_secs_f64(),
            graph_cpu.as_secs_f64(),
            g.edge_count(),
            t.elapsed().as_secs_f64(),
            cpu.elapsed().as_secs_f64(),
        );
        assert_eq!(ranks.len(), g.len());
    }
}
