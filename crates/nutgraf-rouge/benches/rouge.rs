//! Throughput of ROUGE scoring on real news pairs: the first 200 BBC dev
//! documents, summary = first three sentences of the article (split on ". "),
//! against the reference summary. Skips when the dev data is absent.
//!
//! Run: `cargo bench -p nutgraf-rouge --bench rouge`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf_rouge::{Metric, Rouge, RougeConfig};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

fn load_pairs(limit: usize) -> Option<Vec<(String, String)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/bbc_news_summary.dev.jsonl.gz");
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut pairs = Vec::new();
    for line in reader.lines().take(limit) {
        let doc: serde_json::Value = serde_json::from_str(&line.ok()?).ok()?;
        let article = doc["article"].as_str()?;
        let reference = doc["reference"].as_str()?.to_string();
        let lead: Vec<&str> = article.split(". ").take(3).collect();
        pairs.push((lead.join(".\n"), reference));
    }
    Some(pairs)
}

fn bench(c: &mut Criterion) {
    let Some(pairs) = load_pairs(200) else {
        eprintln!("dev data not found; skipping the ROUGE bench");
        return;
    };
    let mut group = c.benchmark_group("rouge");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    let configs = [
        ("r1_r2_rLsum_stem", RougeConfig::default()),
        (
            "r1_r2_rL_rLsum_nostem",
            RougeConfig {
                stemmer: false,
                ..RougeConfig::default()
            },
        ),
        (
            "r1_only_stem",
            RougeConfig {
                metrics: vec![Metric::Rouge1],
                stemmer: true,
            },
        ),
        (
            "rLsum_only_stem",
            RougeConfig {
                metrics: vec![Metric::RougeLsum],
                stemmer: true,
            },
        ),
        (
            "rL_only_stem",
            RougeConfig {
                metrics: vec![Metric::RougeL],
                stemmer: true,
            },
        ),
    ];
    for (name, config) in configs {
        let rouge = Rouge::new(config);
        group.bench_function(name, |b| {
            b.iter(|| {
                pairs
                    .iter()
                    .map(|(s, r)| rouge.score(s, r).values().map(|x| x.fmeasure).sum::<f64>())
                    .sum::<f64>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
