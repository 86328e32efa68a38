//! Runs the code of the `examples/` programs (each is included as a
//! module), so the examples stay correct, not just compiling.

#[allow(dead_code)]
#[path = "../examples/summarize_article.rs"]
mod summarize_article;

#[allow(dead_code)]
#[path = "../examples/summarize_corpus.rs"]
mod summarize_corpus;

#[allow(dead_code)]
#[path = "../examples/evaluate.rs"]
mod evaluate;

use nutgraf::{Algorithm, Metric, Options, Summarizer};

#[test]
fn article_example_quotes_three_sentences_of_the_sample() {
    let lines = summarize_article::summary_lines(summarize_article::SAMPLE).unwrap();
    assert_eq!(lines.len(), 3);
    let mut last = 0;
    for line in &lines {
        // Quoted verbatim, in document order.
        let at = summarize_article::SAMPLE
            .find(line.as_str())
            .expect("a quote");
        assert!(at >= last, "{line}");
        last = at;
    }
}

#[test]
fn corpus_example_writes_one_line_per_document_in_order() {
    let input = concat!(
        r#"{"id": "a", "text": "Rates were cut on Monday. Shares rose. Bonds fell."}"#,
        "\n",
        r#"{"id": 2, "text": "The museum reopened. Visitors queued. The new wing opened."}"#,
        "\n",
        r#"{"id": "no-text"}"#,
        "\n",
    );
    let summarizer = Summarizer::new(Options::default()).unwrap();
    let mut out = Vec::new();
    let count =
        summarize_corpus::summarize_jsonl(input.as_bytes(), &mut out, "text", &summarizer).unwrap();
    assert_eq!(count, 3);
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[0]["summary"].as_array().unwrap().len(), 3);
    assert_eq!(lines[2]["summary"], serde_json::json!([]));
}

#[test]
fn evaluate_example_scores_a_perfect_lead_summary_100() {
    // Lead-3 of each article is exactly its reference.
    let articles = vec![
        "Rates were cut on Monday. Shares rose. Bonds fell. Nobody was surprised.".to_string(),
        "The museum reopened. Visitors queued. The new wing opened. Tickets sold out.".to_string(),
    ];
    let references = vec![
        "Rates were cut on Monday.\nShares rose.\nBonds fell.".to_string(),
        "The museum reopened.\nVisitors queued.\nThe new wing opened.".to_string(),
    ];
    let scores = evaluate::evaluate(&articles, &references, Algorithm::Lead).unwrap();
    for metric in [Metric::Rouge1, Metric::Rouge2, Metric::RougeLsum] {
        assert_eq!(scores[&metric].mean.fmeasure, 1.0, "{metric}");
        assert_eq!(scores[&metric].low.fmeasure, 1.0, "{metric}");
    }
}
