//! Tunes PacSum's `β`, `λ1`, `λ2` the way the authors' code does and
//! prints the grid's best settings on the CNN/DailyMail and BBC dev files.
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example tune_pacsum
//! ```
//!
//! The reference implementation (mswellhao/PacSum, `code/extractor.py`,
//! `tune_hparams`) has no fixed defaults: its tune mode scores every
//! setting of a grid on validation articles (up to 1,000) and keeps the one
//! with the best mean ROUGE-1 F1. Its grid is `β ∈ {0, 0.1, …, 1}` and
//! `a ∈ {0, 0.1, …, 1}` with the score `a · (−Σ_{j<i} e'_ij) + (1 − a) ·
//! Σ_{j>i} e'_ij`, i.e. in our parametrisation `λ1 = −a`, `λ2 = 1 − a`.
//! It takes the top sentences by score (no redundancy check) after a random
//! shuffle, so tied sentences come in random order. This example does the
//! same with nutgraf's [`PacSum`] scorer: top 3 on CNN/DM, K = reference
//! lines on BBC, ties in a fixed pseudo-random order (so that a setting
//! under which every score ties — `β = 1` drops every edge — is not
//! mistaken for Lead, as the document-order tie-break of the Summarizer
//! would make it), summaries in document order, nutgraf-rouge (rouge-score
//! 0.1.2, stemming on). It prints the shipped defaults' score under the
//! same protocol and the five best settings per corpus. Data:
//! `../shared/data` next to the workspace.

use nutgraf_parse::{parse, Document, ParseOptions};
use nutgraf_rouge::{Metric, Rouge, RougeConfig};
use nutgraf_summarize::config::PacsumConfig;
use nutgraf_summarize::scorers::pacsum::PacSum;
use nutgraf_summarize::{Scorer, ScoringContext, SummarizerConfig};
use serde_json::Value;

#[path = "common/data.rs"]
mod data;
use data::read_jsonl;

struct Item {
    doc: Document,
    candidates: Vec<usize>,
    reference: String,
    k: usize,
    /// Tie-break key per candidate: a fixed pseudo-random order.
    shuffle: Vec<u64>,
}

/// SplitMix64: a fixed pseudo-random key, standing in for the reference's
/// `random.shuffle` without making the run depend on a seed state.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn prepare(records: &[Value], with_title: bool, fixed_k: Option<usize>) -> Vec<Item> {
    records
        .iter()
        .enumerate()
        .map(|(id, r)| {
            let options = ParseOptions {
                title: with_title
                    .then(|| r["title"].as_str().map(str::to_string))
                    .flatten(),
                ..ParseOptions::default()
            };
            let doc = parse(r["article"].as_str().unwrap_or(""), &options);
            let candidates: Vec<usize> = doc
                .selectable_sentences()
                .filter(|&i| !doc.sentences[i].tokens.is_empty())
                .collect();
            let reference = r["reference"].as_str().unwrap_or("").to_string();
            let k = fixed_k
                .unwrap_or_else(|| reference.lines().filter(|l| !l.trim().is_empty()).count());
            let shuffle = (0..candidates.len())
                .map(|c| mix(((id as u64) << 32) | c as u64))
                .collect();
            Item {
                doc,
                candidates,
                reference,
                k,
                shuffle,
            }
        })
        .collect()
}

/// Mean R-1, R-2, R-Lsum F1 (%) of PacSum with `config` on `items`.
fn score(items: &[Item], config: PacsumConfig, rouge: &Rouge) -> [f64; 3] {
    let scorer = PacSum::from_config(&SummarizerConfig {
        pacsum: config,
        ..SummarizerConfig::default()
    });
    let mut total = [0.0; 3];
    for item in items {
        let scores = scorer.score(
            &item.doc,
            &ScoringContext {
                candidates: &item.candidates,
            },
        );
        let mut order: Vec<usize> = (0..item.candidates.len()).collect();
        order.sort_by(|&x, &y| {
            scores[y]
                .total_cmp(&scores[x])
                .then(item.shuffle[x].cmp(&item.shuffle[y]))
        });
        let mut picked: Vec<usize> = order
            .iter()
            .take(item.k)
            .map(|&p| item.candidates[p])
            .collect();
        picked.sort_unstable();
        let text: Vec<&str> = picked.iter().map(|&i| item.doc.sentence_text(i)).collect();
        let scores = rouge.score(&text.join("\n"), &item.reference);
        for (t, m) in total
            .iter_mut()
            .zip([Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum])
        {
            *t += scores.get(&m).map_or(0.0, |s| s.fmeasure);
        }
    }
    total.map(|t| 100.0 * t / items.len().max(1) as f64)
}

fn fmt3(r: &[f64; 3]) -> String {
    format!("{:.2} / {:.2} / {:.2}", r[0], r[1], r[2])
}

fn tune(name: &str, records: &[Value], with_title: bool, fixed_k: Option<usize>) {
    let rouge = Rouge::new(RougeConfig {
        metrics: vec![Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum],
        stemmer: true,
    });
    let items = prepare(records, with_title, fixed_k);
    let d = PacsumConfig::default();
    println!(
        "{name} ({} articles): shipped defaults β {} λ1 {} λ2 {}: {}",
        items.len(),
        d.beta,
        d.lambda1,
        d.lambda2,
        fmt3(&score(&items, d, &rouge))
    );
    let mut results: Vec<(f64, f64, [f64; 3])> = Vec::new();
    for b in 0..=10 {
        for a in 0..=10 {
            let (beta, a) = (f64::from(b) / 10.0, f64::from(a) / 10.0);
            let config = PacsumConfig {
                lambda1: -a,
                lambda2: 1.0 - a,
                beta,
            };
            results.push((beta, a, score(&items, config, &rouge)));
        }
    }
    // Best mean R-1 first; among equals the earlier grid point (the
    // reference keeps the first best).
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_by(|&x, &y| results[y].2[0].total_cmp(&results[x].2[0]).then(x.cmp(&y)));
    println!("  best of the reference grid by R-1 (λ1 = −a, λ2 = 1 − a):");
    for &i in order.iter().take(5) {
        let (beta, a, r) = results[i];
        println!("    β {beta:.1}  a {a:.1}: {}", fmt3(&r));
    }
}

fn main() {
    tune(
        "CNN/DM",
        &read_jsonl("cnndm_test_frank.jsonl.gz"),
        false,
        Some(3),
    );
    tune(
        "BBC",
        &read_jsonl("bbc_news_summary.dev.jsonl.gz"),
        true,
        None,
    );
}
