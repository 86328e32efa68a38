//! End-to-end tests of the `nutgraf` binary: every input kind, every
//! format, bad input, exit codes, pipes. Each test works in its own temp
//! dir and runs the built binary. Expected values are written by hand from
//! the texts below (the `lead` algorithm picks the first sentences, which
//! makes expected summaries obvious).

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_nutgraf");

const A1: &str = "Heavy rain flooded the river valley on Monday.";
const A2: &str = "Rescue teams reached the stranded village by boat.";
const A3: &str = "Officials expect the water to recede by Friday.";
const B1: &str = "The city council approved a new budget for schools.";
const B2: &str = "Teachers welcomed the extra money for libraries.";
const C1: &str = "A local bakery won the national bread contest.";
const C2: &str = "Its owner thanked customers for their loyal support.";

fn doc(sentences: &[&str]) -> String {
    format!("{}\n", sentences.join(" "))
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nutgraf");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("run nutgraf");
    writer.join().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with_stdin(dir, args, b"")
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

fn jsonl(lines: &[Value]) -> String {
    lines.iter().map(|v| format!("{v}\n")).collect()
}

fn parse_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn summary_of(v: &Value) -> Vec<&str> {
    v["summary"]
        .as_array()
        .unwrap_or_else(|| panic!("no summary in {v}"))
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

fn corpus() -> String {
    jsonl(&[
        serde_json::json!({"doc_id": "a", "article": doc(&[A1, A2, A3]), "headline": "Valley floods"}),
        serde_json::json!({"doc_id": "b", "article": doc(&[B1, B2])}),
        serde_json::json!({"doc_id": 7, "article": doc(&[C1, C2])}),
    ])
}

fn shared_data(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

// ---------------------------------------------------------------- inputs

#[test]
fn text_file_gives_plain_sentences() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", doc(&[A1, A2, A3]).as_bytes());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "--algorithm",
            "lead",
            "--sentences",
            "2",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{A1}\n{A2}\n"));
    assert_eq!(r.stderr, "");
}

#[test]
fn stdin_with_dash_or_no_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = doc(&[A1, A2, A3]);
    for args in [
        &["summarize", "-a", "lead", "-n", "1", "-"][..],
        &["summarize", "-a", "lead", "-n", "1"][..],
    ] {
        let r = run_with_stdin(dir.path(), args, text.as_bytes());
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, format!("{A1}\n"));
    }
}

#[test]
fn stdin_jsonl_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "--text-field",
            "article",
            "--id-field",
            "doc_id",
            "--format",
            "jsonl",
        ],
        corpus().as_bytes(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = parse_lines(&r.stdout);
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &serde_json::json!("a"),
            &serde_json::json!("b"),
            &serde_json::json!(7)
        ]
    );
    assert_eq!(summary_of(&out[1]), [B1]);
}

#[test]
fn directory_is_walked_in_sorted_order_with_glob() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/b.txt", doc(&[B1, B2]).as_bytes());
    write(dir.path(), "docs/a.txt", doc(&[A1, A2]).as_bytes());
    write(dir.path(), "docs/sub/c.txt", doc(&[C1, C2]).as_bytes());
    write(
        dir.path(),
        "docs/notes.md",
        doc(&[
            "Minutes of the meeting were published online.",
            "Members voted on three motions.",
        ])
        .as_bytes(),
    );
    write(
        dir.path(),
        "docs/.hidden.txt",
        b"Hidden files are skipped.\n",
    );
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "--glob",
            "*.txt",
            "docs",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "==> docs/a.txt <==\n{A1}\n\n==> docs/b.txt <==\n{B1}\n\n==> docs/sub/c.txt <==\n{C1}\n\n"
        )
    );
    assert_eq!(r.stderr, "nutgraf: 3 documents, 3 summarized, 0 failed\n");

    // Without a glob every non-hidden file is read.
    let r = run(dir.path(), &["summarize", "-a", "lead", "-n", "1", "docs"]);
    assert!(
        r.stdout
            .contains("==> docs/notes.md <==\nMinutes of the meeting were published online.\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Hidden"));
}

#[test]
fn jsonl_fields_ids_and_titles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.jsonl", corpus().as_bytes());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "2",
            "--format",
            "jsonl",
            "--text-field",
            "article",
            "--id-field",
            "doc_id",
            "--title-field",
            "headline",
            "c.jsonl",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = parse_lines(&r.stdout);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[0]["title"], "Valley floods");
    assert_eq!(summary_of(&out[0]), [A1, A2]);
    // A numeric id comes back as the same JSON number, not as a string.
    assert_eq!(out[2]["id"], serde_json::json!(7));
    assert_eq!(summary_of(&out[2]), [C1, C2]);
    assert!(out[0].get("scores").is_none() && out[0].get("offsets").is_none());
}

#[test]
fn id_falls_back_to_file_and_line_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let lines = jsonl(&[serde_json::json!({"text": doc(&[A1, A2])})]);
    write(dir.path(), "c.jsonl", lines.as_bytes());
    let r = run(dir.path(), &["summarize", "-f", "jsonl", "c.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(parse_lines(&r.stdout)[0]["id"], "c.jsonl:1");
    let r = run(
        dir.path(),
        &["summarize", "-f", "jsonl", "--id-field", "id", "c.jsonl"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("nutgraf: c.jsonl:1: missing id field \"id\"\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn gzip_by_extension_and_by_magic_bytes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.jsonl.gz", &gzip(corpus().as_bytes()));
    write(dir.path(), "page.txt", &gzip(doc(&[A1, A2]).as_bytes()));
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "jsonl",
            "--text-field",
            "article",
            "--id-field",
            "doc_id",
            "c.jsonl.gz",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = parse_lines(&r.stdout);
    assert_eq!(summary_of(&out[0]), [A1]);
    assert_eq!(summary_of(&out[2]), [C1]);
    let r = run(
        dir.path(),
        &["summarize", "-a", "lead", "-n", "1", "page.txt"],
    );
    assert_eq!(r.stdout, format!("{A1}\n"));
    let r = run_with_stdin(
        dir.path(),
        &["summarize", "-a", "lead", "-n", "1"],
        &gzip(doc(&[B1, B2]).as_bytes()),
    );
    assert_eq!(r.stdout, format!("{B1}\n"));
}

// --------------------------------------------------------------- formats

#[test]
fn json_is_one_array() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.jsonl", corpus().as_bytes());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "json",
            "--text-field",
            "article",
            "--id-field",
            "doc_id",
            "c.jsonl",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all: Value = serde_json::from_str(&r.stdout).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(summary_of(&all[1]), [B1]);
    // No documents: still valid JSON.
    write(dir.path(), "empty.jsonl", b"\n");
    let r = run(dir.path(), &["summarize", "-f", "json", "empty.jsonl"]);
    assert_eq!(r.stdout, "[]\n");
}

#[test]
fn markdown_sections_with_scores() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", doc(&[A1, A2, A3]).as_bytes());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "2",
            "-f",
            "markdown",
            "--scores",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Lead scores the k-th sentence 1 / (k + 1).
    assert_eq!(
        r.stdout,
        format!("## a.txt\n\n- {A1} _(score 1.0000)_\n- {A2} _(score 0.5000)_\n\n")
    );
}

#[test]
fn scores_and_byte_and_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "cafe.txt",
        "Café owners protest new rules. Prices rose by 5 € in May.".as_bytes(),
    );
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "2",
            "-f",
            "jsonl",
            "--scores",
            "--offsets",
            "--order",
            "rank",
            "cafe.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &parse_lines(&r.stdout)[0];
    assert_eq!(out["scores"], serde_json::json!([1.0, 0.5]));
    // "é" is 2 bytes, "€" 3 bytes: counted by hand.
    assert_eq!(
        out["offsets"],
        serde_json::json!([
            {"sentence": 0, "bytes": [0, 31], "chars": [0, 30]},
            {"sentence": 1, "bytes": [32, 60], "chars": [31, 57]},
        ])
    );
}

#[test]
fn parse_shows_sentences_with_spans() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "cafe.txt",
        "Café owners protest new rules. Prices rose by 5 € in May.".as_bytes(),
    );
    let r = run(dir.path(), &["parse", "-f", "json", "cafe.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all: Value = serde_json::from_str(&r.stdout).unwrap();
    let doc = &all[0];
    assert_eq!(doc["id"], "cafe.txt");
    let second = &doc["sentences"][1];
    assert_eq!(second["text"], "Prices rose by 5 € in May.");
    assert_eq!(second["bytes"], serde_json::json!([32, 60]));
    assert_eq!(second["chars"], serde_json::json!([31, 57]));
    assert_eq!(second["selectable"], true);

    let r = run(dir.path(), &["parse", "cafe.txt"]);
    assert!(
        r.stdout
            .contains("1* body        Prices rose by 5 € in May.\n"),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------- ordering and determinism

fn big_corpus(docs: usize) -> String {
    let lines: Vec<Value> = (0..docs)
        .map(|i| {
            let text = format!(
                "Report {i} says factory output rose in region {r}. \
                 Analysts in city {c} expected a smaller gain of {i} units. \
                 The ministry will publish full figures for quarter {q} next week. \
                 Unions in sector {s} asked for talks about wages.\n",
                r = i % 7,
                c = i % 11,
                q = i % 4,
                s = i % 5,
            );
            serde_json::json!({"id": format!("doc-{i:04}"), "text": text})
        })
        .collect();
    jsonl(&lines)
}

#[test]
fn many_documents_keep_input_order_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.jsonl", big_corpus(300).as_bytes());
    let base = [
        "summarize",
        "-f",
        "jsonl",
        "--scores",
        "--chunk-size",
        "7",
        "big.jsonl",
    ];
    let one = run(dir.path(), &[&base[..], &["--threads", "1"]].concat());
    let four = run(dir.path(), &[&base[..], &["--threads", "4"]].concat());
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(four.code, 0, "{}", four.stderr);
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = parse_lines(&one.stdout)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("doc-{i:04}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(
        one.stderr,
        "nutgraf: 300 documents, 300 summarized, 0 failed\n"
    );
}

#[test]
fn output_streams_before_input_ends() {
    // With chunks of one document, the first summary is written while
    // stdin is still open: nothing waits for the whole corpus.
    let mut child = Command::new(BIN)
        .args([
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "jsonl",
            "--chunk-size",
            "1",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = serde_json::json!({"id": "first", "text": doc(&[A1, A2])});
    writeln!(stdin, "{line}").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    let first = rx.recv_timeout(Duration::from_secs(60));
    drop(stdin);
    let _ = child.wait();
    let first = first.expect("a summary before stdin closed");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(summary_of(&v), [A1]);
}

// ------------------------------------------------------------- bad input

fn bad_corpus(dir: &Path) {
    let mut data = Vec::new();
    data.extend(
        format!(
            "{}\n",
            serde_json::json!({"id": "g1", "text": doc(&[A1, A2])})
        )
        .bytes(),
    );
    data.extend(b"{\"id\": \"bad-json\", \"text\": \n");
    data.extend(format!("{}\n", serde_json::json!({"id": "m1", "body": doc(&[B1])})).bytes());
    data.extend(b"{\"id\": \"u1\", \"text\": \"caf\xe9\"}\n");
    data.extend(format!("{}\n", serde_json::json!({"id": "e1", "text": "  \n "})).bytes());
    data.extend(
        format!(
            "{}\n",
            serde_json::json!({"id": "g2", "text": doc(&[C1, C2])})
        )
        .bytes(),
    );
    write(dir, "bad.jsonl", &data);
}

#[test]
fn bad_documents_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "jsonl",
            "bad.jsonl",
            "missing.txt",
        ],
    );
    assert_eq!(r.code, 1);
    let out = parse_lines(&r.stdout);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "g1");
    assert_eq!(out[1]["id"], "g2");
    assert_eq!(summary_of(&out[1]), [C1]);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{}", r.stderr);
    assert!(
        lines[0].starts_with("nutgraf: bad.jsonl:2: malformed JSON"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "nutgraf: bad.jsonl:3 (id \"m1\"): missing field \"text\""
    );
    assert_eq!(
        lines[2],
        "nutgraf: bad.jsonl:4: invalid UTF-8 at byte offset 25 of the line"
    );
    assert_eq!(lines[3], "nutgraf: bad.jsonl:5 (id \"e1\"): empty document");
    assert!(
        lines[4].starts_with("nutgraf: missing.txt: cannot read: "),
        "{}",
        lines[4]
    );
    assert_eq!(lines[5], "nutgraf: 7 documents, 2 summarized, 5 failed");
}

#[test]
fn strict_stops_at_the_first_failure() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "jsonl",
            "--strict",
            "bad.jsonl",
        ],
    );
    assert_eq!(r.code, 1);
    let out = parse_lines(&r.stdout);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["id"], "g1");
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(lines[0].starts_with("nutgraf: bad.jsonl:2: malformed JSON"));
    assert_eq!(lines[1], "nutgraf: 2 documents, 1 summarized, 1 failed");
}

#[test]
fn keep_errors_writes_a_record_per_failed_document() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-f",
            "jsonl",
            "--keep-errors",
            "bad.jsonl",
        ],
    );
    assert_eq!(r.code, 1);
    let out = parse_lines(&r.stdout);
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["g1", "bad.jsonl:2", "m1", "bad.jsonl:4", "e1", "g2"]);
    assert_eq!(out[2]["error"], "missing field \"text\"");
    assert_eq!(out[2]["source"], "bad.jsonl");
    assert_eq!(out[2]["line"], 3);
    assert_eq!(out[4]["error"], "empty document");
    assert!(out[0].get("error").is_none());
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.jsonl", big_corpus(3000).as_bytes());
    let mut child = Command::new(BIN)
        .args([
            "summarize",
            "-a",
            "lead",
            "-f",
            "jsonl",
            "--chunk-size",
            "20",
            "big.jsonl",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("doc-0000"));
    drop(stdout); // like `| head -1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

// ------------------------------------------------------------- arguments

#[test]
fn bad_arguments_are_fatal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", doc(&[A1, A2]).as_bytes());
    let cases: [(&[&str], &str); 6] = [
        (
            &["summarize", "--sentences", "2", "--words", "10", "a.txt"],
            "cannot be used with",
        ),
        (
            &["summarize", "--threads", "0", "a.txt"],
            "--threads must be at least 1",
        ),
        (&["summarize", "--ratio", "1.5", "a.txt"], "invalid --ratio"),
        (
            &["summarize", "--algorithm", "nope", "a.txt"],
            "invalid value 'nope'",
        ),
        (
            &["summarize", "--language", "klingon", "a.txt"],
            "invalid --language",
        ),
        (
            &["summarize", "--offsets", "a.txt"],
            "--offsets needs --format jsonl or json",
        ),
    ];
    for (args, message) in cases {
        let r = run(dir.path(), args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

#[test]
fn config_file_then_flags() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", doc(&[A1, A2, A3]).as_bytes());
    write(
        dir.path(),
        "lead.json",
        br#"{"algorithm": "lead", "budget": {"sentences": 1}}"#,
    );
    let r = run(dir.path(), &["summarize", "--config", "lead.json", "a.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{A1}\n"));
    // A flag overrides the file.
    let r = run(
        dir.path(),
        &["summarize", "--config", "lead.json", "-n", "2", "a.txt"],
    );
    assert_eq!(r.stdout, format!("{A1}\n{A2}\n"));
    // Unknown keys are refused, naming the file and the key.
    write(dir.path(), "typo.json", br#"{"budjet": 3}"#);
    let r = run(dir.path(), &["summarize", "--config", "typo.json", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(r
        .stderr
        .starts_with("nutgraf: invalid --config typo.json\n  caused by: "));
    assert!(r.stderr.contains("budjet"), "{}", r.stderr);
}

#[test]
fn unwritable_output_is_fatal_with_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", doc(&[A1, A2]).as_bytes());
    let r = run(
        dir.path(),
        &["summarize", "-o", "no/such/dir/out.txt", "a.txt"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("nutgraf: cannot create output file no/such/dir/out.txt\n  caused by: "),
        "{}",
        r.stderr
    );
    // -o writes the file.
    let r = run(
        dir.path(),
        &[
            "summarize",
            "-a",
            "lead",
            "-n",
            "1",
            "-o",
            "out.txt",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.txt")).unwrap(),
        format!("{A1}\n")
    );
}

#[test]
fn help_shows_examples_and_library_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(dir.path(), &["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Examples:"));
    assert!(r
        .stdout
        .contains("nutgraf summarize --format jsonl --text-field article --sentences 3"));
    let r = run(dir.path(), &["summarize", "--help"]);
    assert_eq!(r.code, 0);
    let defaults = nutgraf::summarize::SummarizerConfig::default();
    assert!(r.stdout.contains(&format!("[default: {}]", defaults.order)));
    assert!(r
        .stdout
        .contains(&format!("[default: {}]", defaults.algorithm)));
    assert!(!r.stdout.contains("--sentences-from-reference"));
    assert!(r
        .stdout
        .contains("Exit status: 0 when every document was summarized"));
}

#[test]
fn completions_for_shells() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(dir.path(), &["completions", "bash"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("_nutgraf()"));
    assert!(r.stdout.contains("summarize"));
    assert!(r.stdout.contains("--text-field"));
    let r = run(dir.path(), &["completions", "zsh"]);
    assert!(r.stdout.starts_with("#compdef nutgraf"));
    let r = run(dir.path(), &["completions", "nosh"]);
    assert_eq!(r.code, 2);
}

// ------------------------------------------------------------------ eval

#[test]
fn eval_scores_given_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let lines = jsonl(&[
        // Identical: every figure 100.
        serde_json::json!({"id": "d1", "summary": ["the cat sat", "on the mat"], "reference": "the cat sat\non the mat"}),
        // Nothing shared: every figure 0.
        serde_json::json!({"id": "d2", "summary": "a b c d", "reference": ["e f g h"]}),
    ]);
    write(dir.path(), "s.jsonl", lines.as_bytes());
    let r = run(dir.path(), &["eval", "s.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Means of 1 and 0; resamples range from both-0 to both-1.
    for metric in ["rouge1", "rouge2", "rougeLsum"] {
        let row = r
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{metric} ")))
            .unwrap_or_else(|| panic!("no {metric} row in {}", r.stdout));
        assert_eq!(row.matches("50.00 [0.00, 100.00]").count(), 3, "{row}");
    }
    assert!(r.stdout.starts_with("ROUGE over 2 documents"));

    let r = run(dir.path(), &["eval", "--per-document", "s.jsonl"]);
    let out = parse_lines(&r.stdout);
    assert_eq!(out[0]["id"], "d1");
    assert_eq!(out[0]["rouge1"]["fmeasure"], 1.0);
    assert_eq!(out[1]["rouge2"]["recall"], 0.0);
    assert!(r.stderr.contains("ROUGE over 2 documents"));
}

#[test]
fn eval_summarizes_a_corpus_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let lines = jsonl(&[
        serde_json::json!({"id": "x", "article": doc(&[A1, A2, A3]), "reference": format!("{A1}\n{A2}")}),
        serde_json::json!({"id": "y", "article": doc(&[B1, B2]), "reference": [B1]}),
    ]);
    write(dir.path(), "ref.jsonl", lines.as_bytes());
    // As many lead sentences as the reference has: exactly the reference.
    let r = run(
        dir.path(),
        &[
            "eval",
            "--corpus",
            "ref.jsonl",
            "--text-field",
            "article",
            "--algorithm",
            "lead",
            "--sentences-from-reference",
            "--per-document",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = parse_lines(&r.stdout);
    assert_eq!(summary_of(&out[0]), [A1, A2]);
    assert_eq!(summary_of(&out[1]), [B1]);
    let row = r.stderr.lines().find(|l| l.starts_with("rouge1 ")).unwrap();
    assert_eq!(row.matches("100.00 [100.00, 100.00]").count(), 3, "{row}");

    // One lead sentence each: precision stays 100.
    let r = run(
        dir.path(),
        &[
            "eval",
            "--corpus",
            "ref.jsonl",
            "--text-field",
            "article",
            "-a",
            "lead",
            "-n",
            "1",
        ],
    );
    let row = r.stdout.lines().find(|l| l.starts_with("rouge1 ")).unwrap();
    assert!(row.contains("100.00 [100.00, 100.00]"), "{row}");

    // Summarizer flags without --corpus are an error.
    let r = run(dir.path(), &["eval", "-n", "2", "ref.jsonl"]);
    assert_eq!(r.code, 2);
}

// ------------------------------------------------ real page and real data

#[test]
fn example_page_summary_never_quotes_captions_credits_or_related_lines() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/sputnik-2017-02-12-syria-talks.txt");
    if !page.exists() {
        eprintln!("skipped: {} not found", page.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = page.to_str().unwrap();
    let not_story = [
        "date 2017-02-12 Register",
        "A Syrian national flag hangs in a damaged neighbourhood",
        "Free Syrian Army fighters are seen",
        "REUTERS/ Khalil Ashawi",
        "'Move to Raqqa or Be a Human Shield'",
    ];
    for n in ["3", "30"] {
        let r = run(dir.path(), &["summarize", "--sentences", n, page]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(!r.stdout.is_empty());
        for line in not_story {
            assert!(
                !r.stdout.contains(line),
                "{line:?} quoted in:\n{}",
                r.stdout
            );
        }
    }
    // `parse` shows why: none of those lines is body text.
    let r = run(dir.path(), &["parse", "-f", "jsonl", page]);
    let parsed: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    for line in not_story {
        let sentence = parsed["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["text"].as_str().unwrap().contains(line))
            .unwrap_or_else(|| panic!("{line:?} not among the sentences"));
        assert_eq!(sentence["selectable"], false, "{sentence}");
        assert_ne!(sentence["role"], "body", "{sentence}");
    }
}

#[test]
fn cnndm_corpus_summaries_are_extracts_in_input_order() {
    let Some(data) = shared_data("cnndm_test_frank.jsonl.gz") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        dir.path(),
        &[
            "summarize",
            "--format",
            "jsonl",
            "--text-field",
            "article",
            "--id-field",
            "id",
            "--sentences",
            "3",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "nutgraf: 250 documents, 250 summarized, 0 failed\n"
    );
    let out = parse_lines(&r.stdout);
    assert_eq!(out.len(), 250);
    // The first article of the file (FRANK's CNN "best videos of the week").
    assert_eq!(out[0]["id"], "2f6106809de41d59f422d527900a6b344174c5b2");
    let mut articles = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&data).unwrap())
        .read_to_string(&mut articles)
        .unwrap();
    for (line, summary) in articles.lines().zip(&out) {
        let record: Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["id"], summary["id"]);
        let sentences = summary_of(summary);
        assert!((1..=3).contains(&sentences.len()), "{summary}");
        for s in sentences {
            assert!(record["article"].as_str().unwrap().contains(s), "{s:?}");
        }
    }
}

#[test]
fn sentences_from_reference_equals_a_budget_of_that_many_sentences() {
    // The default algorithm (not lead): eval's per-reference budget must pick
    // what `summarize --sentences n` picks for each document.
    let dir = tempfile::tempdir().unwrap();
    let first = doc(&[A1, A2, A3, B1, B2]);
    let second = doc(&[C1, C2, B1, A2, A3]);
    let lines = jsonl(&[
        serde_json::json!({"id": "one", "article": first, "reference": "Just one line."}),
        serde_json::json!({"id": "three", "article": second, "reference": ["One.", "Two.", "Three."]}),
    ]);
    write(dir.path(), "ref.jsonl", lines.as_bytes());
    write(dir.path(), "one.txt", first.as_bytes());
    write(dir.path(), "three.txt", second.as_bytes());
    let r = run(
        dir.path(),
        &[
            "eval",
            "--corpus",
            "ref.jsonl",
            "--text-field",
            "article",
            "--sentences-from-reference",
            "--per-document",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = parse_lines(&r.stdout);
    for (record, (file, n)) in out.iter().zip([("one.txt", "1"), ("three.txt", "3")]) {
        let alone = run(dir.path(), &["summarize", "--sentences", n, file]);
        let expected: Vec<&str> = alone.stdout.lines().collect();
        assert_eq!(expected.len(), n.parse::<usize>().unwrap());
        assert_eq!(summary_of(record), expected, "{file}");
    }
}

// ---------------------------------------------------------------- shards

/// Runs `nutgraf summarize ARGS INPUT` unsharded, then as `--shard I/N` for
/// every I, and checks that the shards' stdouts concatenated in order are
/// the unsharded stdout byte for byte (and that each shard exits as the
/// whole run does when nothing fails).
fn assert_shards_concatenate(dir: &Path, input: &Path, args: &[&str], counts: &[u64]) {
    let input = input.to_str().unwrap();
    let mut whole_args = vec!["summarize"];
    whole_args.extend_from_slice(args);
    whole_args.push(input);
    let whole = run(dir, &whole_args);
    assert!(whole.code == 0 || whole.code == 1, "{}", whole.stderr);
    assert!(!whole.stdout.is_empty());
    for &count in counts {
        let mut joined = String::new();
        let mut failed_shards = 0;
        for index in 0..count {
            let shard = format!("{index}/{count}");
            let mut shard_args = whole_args.clone();
            shard_args.insert(1, "--shard");
            shard_args.insert(2, &shard);
            let part = run(dir, &shard_args);
            assert!(part.code == 0 || part.code == 1, "{shard}: {}", part.stderr);
            failed_shards += usize::from(part.code == 1);
            joined.push_str(&part.stdout);
        }
        assert_eq!(
            joined, whole.stdout,
            "{count} shards concatenated differ from one run ({args:?})"
        );
        if whole.code == 0 {
            assert_eq!(failed_shards, 0);
        }
    }
}

/// A generated corpus: `n` articles of varying length, a blank line and a
/// malformed line in the middle (the failure must land in the right shard).
fn shard_corpus(n: usize) -> String {
    let sentences = [A1, A2, A3, B1, B2, C1, C2];
    let mut out = String::new();
    for k in 0..n {
        let picked: Vec<&str> = (0..2 + k % 5)
            .map(|j| sentences[(k + 3 * j) % sentences.len()])
            .collect();
        let line = serde_json::json!({"id": format!("d{k}"), "text": doc(&picked)});
        out.push_str(&format!("{line}\n"));
        if k == n / 2 {
            out.push_str("\n{\"id\": \"broken\", \"text\": \n");
        }
    }
    out
}

#[test]
fn shards_concatenate_to_the_unsharded_output() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = shard_corpus(23);
    let plain = write(dir.path(), "corpus.jsonl", corpus.as_bytes());
    let gz = write(dir.path(), "corpus.jsonl.gz", &gzip(corpus.as_bytes()));
    let counts = [1, 3, 7];
    let jsonl = ["--format", "jsonl", "--keep-errors", "--scores", "-j", "2"];
    assert_shards_concatenate(dir.path(), &plain, &jsonl, &counts);
    assert_shards_concatenate(dir.path(), &gz, &["--format", "text", "-n", "2"], &counts);
    // More shards than documents: most shards are empty, none is lost.
    assert_shards_concatenate(dir.path(), &plain, &["--format", "markdown"], &[30]);
    // A directory of text files, walked in the same sorted order each time.
    let texts = dir.path().join("texts");
    for (k, body) in [doc(&[A1, A2]), doc(&[B1, B2]), doc(&[C1, C2]), doc(&[A3])]
        .iter()
        .enumerate()
    {
        write(&texts, &format!("{k}.txt"), body.as_bytes());
    }
    assert_shards_concatenate(dir.path(), &texts, &["-n", "1"], &[1, 3]);
}

#[test]
fn shards_split_the_documents_into_contiguous_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<Value> = (0..7)
        .map(|k| serde_json::json!({"id": format!("d{k}"), "text": doc(&[A1, B1])}))
        .collect();
    let path = write(dir.path(), "c.jsonl", jsonl(&lines).as_bytes());
    let ids = |shard: &str| -> Vec<String> {
        let out = run(
            dir.path(),
            &[
                "summarize",
                "--format",
                "jsonl",
                "--shard",
                shard,
                path.to_str().unwrap(),
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        parse_lines(&out.stdout)
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    // 7 documents in 3 shards: positions 0..2, 2..4, 4..7.
    assert_eq!(ids("0/3"), ["d0", "d1"]);
    assert_eq!(ids("1/3"), ["d2", "d3"]);
    assert_eq!(ids("2/3"), ["d4", "d5", "d6"]);
}

#[test]
fn bad_shards_are_fatal_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "c.jsonl", corpus().as_bytes());
    let path = path.to_str().unwrap();
    for (args, needle) in [
        (vec!["--shard", "3/3", path], "the last of 3 is 2"),
        (vec!["--shard", "1/0", path], "0 <= I < N"),
        (vec!["--shard", "one", path], "numbered from 0"),
        (
            vec!["--shard", "0/2", "--format", "json", path],
            "use --format jsonl",
        ),
        (vec!["--shard", "0/2", "-"], "stdin"),
    ] {
        let mut full = vec!["summarize"];
        full.extend(args.iter().copied());
        let out = run_with_stdin(dir.path(), &full, corpus().as_bytes());
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(needle), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bbc_corpus_shards_concatenate_to_the_unsharded_output() {
    let Some(path) = shared_data("bbc_news_summary.dev.jsonl.gz") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--format",
        "jsonl",
        "--text-field",
        "article",
        "--title-field",
        "title",
        "--offsets",
        "-n",
        "3",
    ];
    assert_shards_concatenate(dir.path(), &path, &args, &[1, 3, 7]);
}
