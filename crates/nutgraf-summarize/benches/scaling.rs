//! How summarizing time grows with document length, for every algorithm.
//!
//! Documents of 100, 1,000, 10,000 and 100,000 sentences of real news text
//! (see `common`), parsed once outside the timing. Measured:
//! `summarize/<algorithm>/<n>`, one `Summarizer::summarize_document` call
//! (scoring and selection of a 3-sentence summary) on a one-thread
//! summarizer, so the figure is the work done, not how well it spreads over
//! cores. Criterion's throughput line (sentences/s) shows linearity at a
//! glance: it stays flat when time grows linearly.
//!
//! Times are the CPU time of the whole process (`cpu-time`'s
//! `ProcessTime`), so figures stay meaningful on a busy shared machine; set
//! `NUTGRAF_BENCH_WALL=1` for wall-clock time. Sampling is kept short (10
//! samples, 1 s) so the whole run takes a few minutes; the 100,000-sentence
//! graph scorers dominate it. Sizes can be chosen with
//! `NUTGRAF_BENCH_SIZES=100,1000`. Run:
//!
//! ```text
//! cargo bench -p nutgraf-summarize --bench scaling
//! ```
//!
//! `docs/scaling.md` records the figures.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutgraf_parse::parse;
use nutgraf_summarize::{Algorithm, Summarizer, SummarizerConfig};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn sizes() -> Vec<usize> {
    std::env::var("NUTGRAF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1_000, 10_000, 100_000])
}

/// Runs `f` `iters` times; returns the process's CPU time (all threads),
/// or the wall time when `NUTGRAF_BENCH_WALL` is set.
fn timed<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    if std::env::var_os("NUTGRAF_BENCH_WALL").is_some() {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        return start.elapsed();
    }
    let start = cpu_time::ProcessTime::now();
    for _ in 0..iters {
        black_box(f());
    }
    start.elapsed()
}

fn scaling(c: &mut Criterion) {
    let config = SummarizerConfig {
        threads: Some(1),
        ..SummarizerConfig::default()
    };
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
        .warm_up_time(Duration::from_millis(100));
    for algorithm in Algorithm::ALL {
        let summarizer = Summarizer::new(SummarizerConfig {
            algorithm,
            ..config.clone()
        })
        .expect("valid config");
        for (n, doc) in &docs {
            group.throughput(Throughput::Elements(*n as u64));
            group.bench_with_input(BenchmarkId::new(algorithm.name(), n), doc, |b, doc| {
                b.iter_custom(|iters| timed(iters, || summarizer.summarize_document(doc)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
