//! Parity with the Python reference: Google's `rouge-score` 0.1.2 for the
//! scores and tokens, NLTK's `PorterStemmer` for stems.
//!
//! The cases are built from the dev corpora (`<repo>/../shared/data`): for
//! every third BBC dev document and every CNN/DM document, a
//! "lead-3" summary (the article's first three pieces when split on ". ",
//! one per line) against the reference; some multi-reference cases; and
//! hand-written edge cases (empty and punctuation-only texts, odd Unicode,
//! CRLF line ends). The expected figures come from
//! `scripts/rouge_reference.py`, run here on a temporary JSONL file.
//!
//! Needs `python3` with `pip install rouge-score==0.1.2`; the tests fail
//! (saying so) without it, unless NUTGRAF_SKIP_PYTHON_PARITY=1 is set.
//! Without the dev data only the hand-written cases run.

use nutgraf_rouge::{porter, tokenize, Metric, Rouge, RougeConfig};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TOLERANCE: f64 = 1e-6;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn skip_python() -> bool {
    if std::env::var("NUTGRAF_SKIP_PYTHON_PARITY").as_deref() == Ok("1") {
        eprintln!("NUTGRAF_SKIP_PYTHON_PARITY=1: skipping the rouge-score parity test");
        return true;
    }
    false
}

/// Runs `scripts/rouge_reference.py <command>` on `lines`, returning its output lines.
fn python_reference(command: &str, lines: &[String]) -> Vec<Value> {
    let mut input = tempfile::NamedTempFile::new().expect("temp file");
    for line in lines {
        writeln!(input, "{line}").expect("write temp file");
    }
    input.flush().expect("flush temp file");
    let script = repo_root().join("scripts/rouge_reference.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(command)
        .stdin(std::fs::File::open(input.path()).expect("reopen temp file"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run python3 ({e}); this parity test needs python3 with `pip install rouge-score==0.1.2` \
                 (set NUTGRAF_SKIP_PYTHON_PARITY=1 to skip it)"
            )
        });
    assert!(
        output.status.success(),
        "{} {command} failed: {}\nthis parity test needs python3 with `pip install rouge-score==0.1.2` \
         (set NUTGRAF_SKIP_PYTHON_PARITY=1 to skip it)",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let values: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("reference output is JSON"))
        .collect();
    assert_eq!(
        values.len(),
        lines.len(),
        "one reference line per input line"
    );
    values
}

/// The dev documents of one corpus, or `None` when the data is absent.
fn read_corpus(file: &str) -> Option<Vec<Value>> {
    let path = repo_root().join("../shared/data").join(file);
    let Ok(f) = std::fs::File::open(&path) else {
        eprintln!("{} not found: skipping its parity cases", path.display());
        return None;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(f));
    Some(
        reader
            .lines()
            .map(|l| serde_json::from_str(&l.expect("read corpus")).expect("corpus line is JSON"))
            .collect(),
    )
}

fn field<'a>(doc: &'a Value, name: &str) -> &'a str {
    doc[name].as_str().unwrap_or("")
}

/// Pieces `from..from+count` of the article split on ". ", one per line.
fn lead(article: &str, from: usize, count: usize) -> String {
    let pieces: Vec<&str> = article
        .split(". ")
        .skip(from)
        .take(count)
        .map(str::trim)
        .collect();
    pieces.join(".\n")
}

struct Case {
    summary: String,
    references: Vec<String>,
    metrics: Vec<Metric>,
    stemmer: bool,
}

const MAIN_METRICS: [Metric; 4] = [
    Metric::Rouge1,
    Metric::Rouge2,
    Metric::RougeL,
    Metric::RougeLsum,
];

fn edge_cases() -> Vec<Case> {
    let pairs: &[(&str, &[&str])] = &[
        ("", &["The cat sat."]),
        ("The cat sat.", &[""]),
        ("", &[""]),
        ("...!? -- ;", &["The cat sat."]),
        ("The cat sat.", &["--- ;;; ..."]),
        ("\n\n\n", &["a\nb"]),
        ("  \n the cat \n\n", &["the cat\n"]),
        (
            "\u{130}stanbul'da 5\u{212A} runners",
            &["istanbul da 5k runner"],
        ),
        ("Ⅻ café naïve résumé Ωmega", &["cafe naive resume omega"]),
        ("a a a a a", &["a"]),
        ("the the the", &["the cat the dog the"]),
        ("Windows\r\nline endings\r\n", &["windows line\r\nendings"]),
        ("x", &["x"]),
        ("a b c d e", &["e d c b a"]),
        ("a b\nb a\na b", &["b a b\na"]),
        (
            "1,000,000 dollars in 2024's Q3",
            &["1 000 000 dollars 2024 s q3"],
        ),
        (
            "The generously dying skies were relational",
            &["generous die sky relate"],
        ),
        ("yyyy yyyyy syzygy", &["yyyy"]),
        ("a b", &["", "a b"]),
        ("a b", &["", ""]),
        ("a b", &["a", "a b c d"]),
        ("a b", &["a b c d", "a"]),
        (
            "the quick brown fox\njumps over",
            &["quick fox\nover the lazy dog", "the brown jumps", "fox"],
        ),
    ];
    let mut cases = Vec::new();
    for (summary, refs) in pairs {
        for stemmer in [true, false] {
            cases.push(Case {
                summary: summary.to_string(),
                references: refs.iter().map(|r| r.to_string()).collect(),
                metrics: Metric::ALL.to_vec(),
                stemmer,
            });
        }
    }
    cases
}

fn corpus_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    if let Some(bbc) = read_corpus("bbc_news_summary.dev.jsonl.gz") {
        for (i, doc) in bbc.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
            cases.push(Case {
                summary: lead(field(doc, "article"), 0, 3),
                references: vec![field(doc, "reference").to_string()],
                metrics: if i % 6 == 0 {
                    Metric::ALL.to_vec()
                } else {
                    MAIN_METRICS.to_vec()
                },
                stemmer: i % 10 != 4,
            });
        }
        // Several references: the document's own, the next one's, and later article sentences.
        for i in (1..bbc.len()).step_by(20) {
            let doc = &bbc[i];
            let next = &bbc[(i + 1) % bbc.len()];
            cases.push(Case {
                summary: lead(field(doc, "article"), 0, 3),
                references: vec![
                    field(doc, "reference").to_string(),
                    field(next, "reference").to_string(),
                    lead(field(doc, "article"), 3, 3),
                ],
                metrics: Metric::ALL.to_vec(),
                stemmer: true,
            });
        }
    }
    if let Some(cnndm) = read_corpus("cnndm_test_frank.jsonl.gz") {
        for (i, doc) in cnndm.iter().enumerate() {
            cases.push(Case {
                summary: lead(field(doc, "article"), 0, 3),
                references: vec![field(doc, "reference").to_string()],
                metrics: if i % 5 == 0 {
                    Metric::ALL.to_vec()
                } else {
                    MAIN_METRICS.to_vec()
                },
                stemmer: i % 10 != 7,
            });
        }
    }
    cases
}

#[test]
fn scores_match_rouge_score() {
    if skip_python() {
        return;
    }
    let mut cases = edge_cases();
    cases.extend(corpus_cases());
    let lines: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let metrics: Vec<&str> = c.metrics.iter().map(|m| m.name()).collect();
            json!({"id": id, "summary": c.summary, "references": c.references, "metrics": metrics, "stemmer": c.stemmer})
                .to_string()
        })
        .collect();
    let expected = python_reference("score", &lines);

    let mut max_diff: f64 = 0.0;
    let mut figures = 0;
    let mut mismatches = Vec::new();
    for (id, (case, want)) in cases.iter().zip(&expected).enumerate() {
        assert_eq!(want["id"], json!(id));
        let rouge = Rouge::new(RougeConfig {
            metrics: case.metrics.clone(),
            stemmer: case.stemmer,
        });
        let got = if case.references.len() == 1 {
            rouge.score(&case.summary, &case.references[0])
        } else {
            rouge
                .score_multi(&case.summary, &case.references)
                .expect("references given")
        };
        for metric in &case.metrics {
            let ours = got[metric];
            let theirs = &want["scores"][metric.name()];
            for (k, (name, value)) in [
                ("P", ours.precision),
                ("R", ours.recall),
                ("F", ours.fmeasure),
            ]
            .into_iter()
            .enumerate()
            {
                let reference = theirs[k].as_f64().expect("reference figure");
                let diff = (value - reference).abs();
                figures += 1;
                max_diff = max_diff.max(diff);
                if diff > TOLERANCE && mismatches.len() < 10 {
                    mismatches.push(format!(
                        "case {id} {metric} {name}: ours {value} rouge-score {reference} (summary {:?})",
                        case.summary.chars().take(80).collect::<String>()
                    ));
                }
            }
        }
    }
    eprintln!(
        "rouge parity: {} cases, {figures} figures, max abs difference {max_diff:e}",
        cases.len()
    );
    assert!(
        mismatches.is_empty(),
        "differences from rouge-score:\n{}",
        mismatches.join("\n")
    );
    assert!(max_diff <= TOLERANCE);
}

/// Every distinct token of the dev corpora (plus a few awkward words) stems
/// exactly as NLTK stems it.
#[test]
fn porter_matches_nltk() {
    if skip_python() {
        return;
    }
    let mut words: BTreeSet<String> = [
        "y",
        "yy",
        "yyyy",
        "syzygy",
        "eed",
        "feed",
        "agreed",
        "ied",
        "dies",
        "spied",
        "ies",
        "ing",
        "sing",
        "ll",
        "controll",
        "alli",
        "fulli",
        "analogi",
        "theology",
        "generalizations",
        "1990s",
        "a1b2c3ing",
        "hopping",
        "falling",
        "filing",
        "oed",
        "skies",
        "innings",
        "outings",
        "cannings",
        "howe",
        "news",
        "proceeded",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    for file in ["bbc_news_summary.dev.jsonl.gz", "cnndm_test_frank.jsonl.gz"] {
        for doc in read_corpus(file).unwrap_or_default() {
            for name in ["title", "article", "reference"] {
                words.extend(tokenize(field(&doc, name), false));
            }
        }
    }
    let words: Vec<String> = words.into_iter().collect();
    let lines: Vec<String> = words.iter().map(|w| json!(w).to_string()).collect();
    let expected = python_reference("stem", &lines);
    let wrong: Vec<String> = words
        .iter()
        .zip(&expected)
        .filter(|(w, e)| e.as_str() != Some(porter::stem(w).as_str()))
        .map(|(w, e)| format!("{w}: ours {} nltk {e}", porter::stem(w)))
        .collect();
    eprintln!(
        "porter parity: {} words, {} differ",
        words.len(),
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {} words differ from NLTK, e.g.:\n{}",
        wrong.len(),
        words.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
}

/// Tokens of the references and lead summaries, with and without stemming,
/// are those of `rouge_score.tokenize.tokenize`.
#[test]
fn tokens_match_rouge_score() {
    if skip_python() {
        return;
    }
    let mut texts: Vec<(String, bool)> = edge_cases()
        .into_iter()
        .map(|c| (c.summary, c.stemmer))
        .collect();
    for (i, case) in corpus_cases()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 0)
    {
        texts.push((case.summary, i % 2 == 0));
        texts.extend(case.references.into_iter().map(|r| (r, i % 2 == 1)));
    }
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(id, (text, stemmer))| {
            json!({"id": id, "text": text, "stemmer": stemmer}).to_string()
        })
        .collect();
    let expected = python_reference("tokenize", &lines);
    for ((text, stemmer), want) in texts.iter().zip(&expected) {
        let want: Vec<String> = serde_json::from_value(want["tokens"].clone()).expect("token list");
        assert_eq!(
            tokenize(text, *stemmer),
            want,
            "tokens of {text:?} (stemmer {stemmer})"
        );
    }
    eprintln!("tokenizer parity: {} texts", texts.len());
}
