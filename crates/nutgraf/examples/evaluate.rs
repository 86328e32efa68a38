//! Evaluate summarizers against references with ROUGE: summarize each
//! article with a few algorithms and print ROUGE-1/2/Lsum F-measures with
//! bootstrap 95% intervals.
//!
//! ```sh
//! cargo run --release -p nutgraf --example evaluate -- ../shared/data/cnndm_test_frank.jsonl.gz
//! ```
//!
//! The corpus is JSONL (optionally gzipped) with `article` and `reference`
//! fields, reference sentences on separate lines. (`nutgraf eval --corpus`
//! does the same from the command line, with every option.)

use nutgraf::{AggregateScore, Algorithm, Budget, Metric, Options, Summarizer};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};

/// Summarizes every article with `algorithm` (three sentences) and scores
/// the summaries against the references.
pub fn evaluate(
    articles: &[String],
    references: &[String],
    algorithm: Algorithm,
) -> Result<BTreeMap<Metric, AggregateScore>, Box<dyn std::error::Error>> {
    let summarizer = Summarizer::new(Options {
        algorithm,
        budget: Budget::Sentences(3),
        ..Options::default()
    })?;
    let summaries: Vec<Vec<String>> = summarizer
        .summarize_many(articles)
        .into_iter()
        .map(|s| s.sentences.into_iter().map(|s| s.text).collect())
        .collect();
    let pairs: Vec<(&Vec<String>, &String)> = summaries.iter().zip(references).collect();
    Ok(nutgraf::rouge_corpus(&pairs)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: evaluate CORPUS.jsonl[.gz]");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path)?;
    let input: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let (mut articles, mut references) = (Vec::new(), Vec::new());
    for line in input.lines() {
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        articles.push(record["article"].as_str().unwrap_or("").to_string());
        references.push(record["reference"].as_str().unwrap_or("").to_string());
    }
    println!(
        "{} documents; F-measure % with 95% intervals",
        articles.len()
    );
    for algorithm in [Algorithm::Lead, Algorithm::Default, Algorithm::Textrank] {
        let scores = evaluate(&articles, &references, algorithm)?;
        let cell = |m: Metric| {
            let a = scores[&m];
            format!(
                "{:.2} [{:.2}, {:.2}]",
                100.0 * a.mean.fmeasure,
                100.0 * a.low.fmeasure,
                100.0 * a.high.fmeasure
            )
        };
        println!(
            "{:<10} R-1 {}  R-2 {}  R-Lsum {}",
            algorithm.name(),
            cell(Metric::Rouge1),
            cell(Metric::Rouge2),
            cell(Metric::RougeLsum)
        );
    }
    Ok(())
}
