//! Measures story extraction on scraped news pages, and how much of clean
//! articles stays story text.
//!
//! ```text
//! cargo run --release -p nutgraf-parse --example story_extraction [-- PAGES.jsonl.gz] [--show ID] [--text FILE] [--junk] [--quality]
//! ```
//!
//! Pages (`news_pages_raw.dev.jsonl.gz`: `raw_text`, `article_body`): each
//! raw page is parsed, the blocks whose role is story text (headline,
//! standfirst, body) are kept, and their words are compared with the
//! hand-checked `article_body` as bags of lower-cased alphanumeric words:
//! precision, recall and F1 per page (mean over pages) and over all words
//! (micro). "body only" counts body blocks alone (the reference usually
//! leaves out the headline). The 10 worst pages are listed by id.
//!
//! Clean corpora (BBC News Summary and CNN/DM, from the same data folder when
//! present): the share of article words that land outside story roles.
//!
//! Figures are printed for all pages and for the even- and odd-numbered
//! pages (0-based position in the file) apart: rules tuned by looking at
//! one half can be checked on the other.
//!
//! "Body sentences outside the story" is the share of sentences a summarizer
//! may quote (body role) whose words do not appear contiguously, in order,
//! in `article_body` — the test `bench/peers_bench.py` applies to summary
//! sentences. `--junk` lists them.
//!
//! `--quality` skips the speed figures.
//!
//! `--text FILE` prints the blocks of one plain-text file and stops.
//!
//! `--show ID` prints every block of the page whose id starts with ID, with
//! its role.

use flate2::read::GzDecoder;
use nutgraf_parse::{parse, Document, ParseOptions, Role};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn read_jsonl(path: &Path) -> Option<Vec<serde_json::Value>> {
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(GzDecoder::new(file));
    let mut rows = Vec::new();
    for line in reader.lines() {
        let line = line.ok()?;
        if line.trim().is_empty() {
            continue;
        }
        rows.push(serde_json::from_str(&line).ok()?);
    }
    Some(rows)
}

/// Lower-cased alphanumeric words.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in words(text) {
        *bag.entry(w).or_insert(0) += 1;
    }
    bag
}

/// Words as `bench/peers_bench.py` reads them (Python's `\w+`, lower-cased).
fn bench_words(text: &str) -> String {
    let mut out = String::from(" ");
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        out.push_str(&w.to_lowercase());
        out.push(' ');
    }
    out
}

/// (overlap, predicted total, reference total)
fn overlap(predicted: &str, reference: &HashMap<String, usize>) -> (usize, usize, usize) {
    let p = bag(predicted);
    let common = p
        .iter()
        .map(|(w, &n)| n.min(reference.get(w).copied().unwrap_or(0)))
        .sum();
    (common, p.values().sum(), reference.values().sum())
}

fn text_of(doc: &Document, keep: impl Fn(Role) -> bool) -> String {
    let mut out = String::new();
    for block in doc.blocks.iter().filter(|b| keep(b.role)) {
        out.push_str(doc.slice(block.span));
        out.push('\n');
    }
    out
}

fn prf(common: usize, predicted: usize, reference: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        common as f64 / predicted as f64
    };
    let r = if reference == 0 {
        0.0
    } else {
        common as f64 / reference as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[derive(Default)]
struct Totals {
    sum: [f64; 3],
    micro: [usize; 3],
    pages: usize,
}

impl Totals {
    fn add(&mut self, c: (usize, usize, usize)) -> f64 {
        let (p, r, f) = prf(c.0, c.1, c.2);
        self.sum[0] += p;
        self.sum[1] += r;
        self.sum[2] += f;
        self.micro[0] += c.0;
        self.micro[1] += c.1;
        self.micro[2] += c.2;
        self.pages += 1;
        f
    }

    fn print(&self, label: &str) {
        let n = self.pages.max(1) as f64;
        let (p, r, f) = prf(self.micro[0], self.micro[1], self.micro[2]);
        println!(
            "{label:<15} mean P {:.3} R {:.3} F1 {:.3} | micro P {p:.3} R {r:.3} F1 {f:.3}",
            self.sum[0] / n,
            self.sum[1] / n,
            self.sum[2] / n
        );
    }
}

/// Prints the CPU time structure detection takes per byte of `texts`.
fn speed(label: &str, texts: &[&str], rounds: usize) {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    if bytes == 0 {
        return;
    }
    let started = std::time::Instant::now();
    let cpu_started = cpu_ns();
    let mut blocks = 0;
    for _ in 0..rounds {
        for t in texts {
            blocks += nutgraf_parse::structure::detect_structure(t).0.len();
        }
    }
    let secs = match (cpu_started, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => started.elapsed().as_secs_f64(),
    };
    println!(
        "structure detection, {label}: {:.0} MB/s, {:.2} ns/byte of CPU time ({} blocks)",
        (bytes * rounds) as f64 / secs / 1e6,
        secs * 1e9 / (bytes * rounds) as f64,
        blocks / rounds
    );
}

/// Nanoseconds this thread has run on a CPU (Linux), if known.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Prints every block with its role, then the metadata.
fn show_blocks(doc: &Document) {
    for block in &doc.blocks {
        let t = doc.slice(block.span).replace('\n', "⏎");
        println!("{:<11} {}", block.role.as_str(), t);
    }
    println!("metadata: {:?}", doc.metadata);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut show = None;
    let mut speed_only = false;
    let mut junk_list = false;
    let mut quality_only = false;
    let mut path = data_dir().join("news_pages_raw.dev.jsonl.gz");
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--quality" {
            quality_only = true;
        } else if args[i] == "--junk" {
            junk_list = true;
        } else if args[i] == "--speed" {
            speed_only = true;
        } else if args[i] == "--text" {
            // Roles of one plain-text file, then stop.
            let text = std::fs::read_to_string(args.get(i + 1).map_or("", String::as_str))
                .unwrap_or_default();
            show_blocks(&parse(&text, &ParseOptions::default()));
            return;
        } else if args[i] == "--show" {
            show = args.get(i + 1).cloned();
            i += 1;
        } else {
            path = PathBuf::from(&args[i]);
        }
        i += 1;
    }
    let options = ParseOptions::default();

    let Some(pages) = read_jsonl(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(1);
    };
    // [all, even, odd]
    let mut story: [Totals; 3] = Default::default();
    let mut body: [Totals; 3] = Default::default();
    let mut outside = [(0usize, 0usize); 3];
    let mut per_page = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let half = 1 + n % 2;
        let id = page["id"].as_str().unwrap_or("");
        let raw = page["raw_text"].as_str().unwrap_or("");
        let reference = bag(page["article_body"].as_str().unwrap_or(""));
        let doc = parse(raw, &options);
        if show.as_deref().is_some_and(|s| id.starts_with(s)) {
            show_blocks(&doc);
        }
        let c = overlap(&text_of(&doc, Role::is_story), &reference);
        let f = story[0].add(c);
        story[half].add(c);
        let b = overlap(&text_of(&doc, |r| r == Role::Body), &reference);
        body[0].add(b);
        body[half].add(b);
        let gold = bench_words(page["article_body"].as_str().unwrap_or(""));
        for i in doc.selectable_sentences() {
            let s = doc.sentence_text(i);
            let w = bench_words(s);
            let junk = w.len() <= 1 || !gold.contains(&w);
            for k in [0, half] {
                outside[k].0 += 1;
                outside[k].1 += usize::from(junk);
            }
            if junk && junk_list {
                println!("junk [{n}] {id:.10} {}", s.replace('\n', "⏎"));
            }
        }
        let (p, r, _) = prf(c.0, c.1, c.2);
        per_page.push((f, p, r, id.to_string()));
    }
    println!("pages: {} ({})", pages.len(), path.display());
    for (k, half) in ["", " even", " odd"].iter().enumerate() {
        story[k].print(&format!("story{half}"));
    }
    for (k, half) in ["", " even", " odd"].iter().enumerate() {
        body[k].print(&format!("body only{half}"));
    }
    for (k, half) in ["all", "even", "odd"].iter().enumerate() {
        let (all, junk) = outside[k];
        println!(
            "body sentences outside the story, {half}: {:.1}% ({junk} of {all})",
            100.0 * junk as f64 / all.max(1) as f64
        );
    }
    per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst pages by F1:");
    for (f, p, r, id) in per_page.iter().take(
        std::env::var("WORST")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10),
    ) {
        println!("  {id:.16}  F1 {f:.3}  P {p:.3}  R {r:.3}");
    }

    // Speed of structure detection alone (lines, cues, roles, metadata), on
    // the page dumps (many short lines: the slow case) and on clean
    // articles when present.
    if !quality_only {
        speeds(&pages, show.is_some(), speed_only);
    }
    if speed_only {
        return;
    }
    clean_corpora();
}

/// Speed of structure detection on the pages and on clean BBC articles.
fn speeds(pages: &[serde_json::Value], show: bool, speed_only: bool) {
    let bbc = read_jsonl(&data_dir().join("bbc_news_summary.dev.jsonl.gz")).unwrap_or_default();
    let clean: Vec<&str> = bbc.iter().filter_map(|r| r["article"].as_str()).collect();
    speed(
        "clean BBC articles",
        &clean,
        if speed_only { 50 } else { 5 },
    );
    let texts: Vec<&str> = pages
        .iter()
        .filter_map(|p| p["raw_text"].as_str())
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let rounds = if show { 1 } else { 20 };
    let rounds = if speed_only { 200 } else { rounds };
    let started = std::time::Instant::now();
    let cpu_started = cpu_ns();
    let mut blocks = 0;
    for _ in 0..rounds {
        for t in &texts {
            blocks += nutgraf_parse::structure::detect_structure(t).0.len();
        }
    }
    // CPU time of this thread when the OS tells it (the machine may be busy
    // with other work), wall time otherwise.
    let secs = match (cpu_started, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => started.elapsed().as_secs_f64(),
    };
    println!(
        "structure detection: {:.0} MB/s, {:.2} ns/byte of CPU time ({} blocks)",
        (bytes * rounds) as f64 / secs / 1e6,
        secs * 1e9 / (bytes * rounds) as f64,
        blocks / rounds
    );

    // For scale: splitting the same text into trimmed lines only.
    let cpu_started = cpu_ns();
    let started = std::time::Instant::now();
    let mut lines = 0;
    for _ in 0..rounds {
        for t in &texts {
            lines += nutgraf_parse::structure::plain_blocks(t).len();
        }
    }
    let secs = match (cpu_started, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => started.elapsed().as_secs_f64(),
    };
    println!(
        "  (for scale, line splitting alone: {:.2} ns/byte, {} lines)",
        secs * 1e9 / (bytes * rounds) as f64,
        lines / rounds
    );
}

/// Clean corpora: share of article words outside story roles.
fn clean_corpora() {
    // Clean corpora: share of article words outside story roles.
    for (file, title_field) in [
        ("bbc_news_summary.dev.jsonl.gz", Some("title")),
        ("cnndm_test_frank.jsonl.gz", None),
    ] {
        let Some(rows) = read_jsonl(&data_dir().join(file)) else {
            println!("{file}: not found, skipped");
            continue;
        };
        let mut total = 0usize;
        let mut outside = 0usize;
        let mut worst = (0.0f64, String::new());
        let mut docs_with_loss = 0;
        for row in &rows {
            let article = row["article"].as_str().unwrap_or("");
            let options = ParseOptions {
                title: title_field
                    .and_then(|f| row[f].as_str())
                    .map(str::to_string),
                ..ParseOptions::default()
            };
            let doc = parse(article, &options);
            let all = words(article).count();
            let kept = words(&text_of(&doc, Role::is_story)).count();
            let lost = all.saturating_sub(kept);
            total += all;
            outside += lost;
            if lost > 0 {
                docs_with_loss += 1;
            }
            let share = lost as f64 / all.max(1) as f64;
            if share > worst.0 {
                worst = (share, row["id"].as_str().unwrap_or("").to_string());
            }
        }
        println!(
            "{file}: {} docs, {:.2}% of article words outside story roles; {} docs lose any; worst {} ({:.1}%)",
            rows.len(),
            100.0 * outside as f64 / total.max(1) as f64,
            docs_with_loss,
            worst.1,
            100.0 * worst.0
        );
    }
}
