//! Summarize a JSONL corpus (optionally gzipped) in parallel, streaming:
//! documents are read and summarized in chunks, so memory stays bounded.
//!
//! ```sh
//! cargo run --release -p nutgraf --example summarize_corpus -- corpus.jsonl.gz article > out.jsonl
//! ```
//!
//! Arguments: the corpus, then the text field (default `text`). Writes one
//! `{"id": …, "summary": [...]}` line per document and the speed on stderr.
//! (The `nutgraf summarize` command line does the same with every option.)

use nutgraf::{Options, Summarizer};
use std::io::{self, BufRead, BufReader, Write};
use std::time::Instant;

/// Documents summarized together.
const CHUNK: usize = 1000;

/// Summarizes every line of `input` (JSON objects with `id` and
/// `text_field`), writing one JSON line per document to `out`. Returns the
/// number of documents. Lines without the text field get an empty summary.
pub fn summarize_jsonl(
    input: impl BufRead,
    mut out: impl Write,
    text_field: &str,
    summarizer: &Summarizer,
) -> io::Result<usize> {
    let mut ids = Vec::with_capacity(CHUNK);
    let mut texts = Vec::with_capacity(CHUNK);
    let mut count = 0;
    let mut lines = input.lines();
    loop {
        let line = lines.next().transpose()?;
        if let Some(line) = &line {
            let record: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            ids.push(record["id"].clone());
            texts.push(record[text_field].as_str().unwrap_or("").to_string());
        }
        if texts.len() == CHUNK || (line.is_none() && !texts.is_empty()) {
            for (id, summary) in ids.drain(..).zip(summarizer.summarize_many(&texts)) {
                let sentences: Vec<&str> =
                    summary.sentences.iter().map(|s| s.text.as_str()).collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"id": id, "summary": sentences})
                )?;
                count += 1;
            }
            texts.clear();
        }
        if line.is_none() {
            return Ok(count);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: summarize_corpus CORPUS.jsonl[.gz] [TEXT_FIELD]");
        std::process::exit(2);
    };
    let field = args.next().unwrap_or_else(|| "text".to_string());
    let file = std::fs::File::open(&path)?;
    let input: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let summarizer = Summarizer::new(Options::default())?;
    let start = Instant::now();
    let count = summarize_jsonl(input, io::stdout().lock(), &field, &summarizer)?;
    let seconds = start.elapsed().as_secs_f64();
    eprintln!(
        "{count} documents in {seconds:.2} s ({:.0} docs/s, {} threads)",
        count as f64 / seconds.max(1e-9),
        summarizer.threads()
    );
    Ok(())
}
