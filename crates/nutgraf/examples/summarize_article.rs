//! Summarize one news article or scraped page.
//!
//! ```sh
//! cargo run --release -p nutgraf --example summarize_article -- page.txt
//! ```
//!
//! Without a file it summarizes a short built-in article.

use nutgraf::{Budget, ConfigError, Options};

/// A short article used when no file is given.
pub const SAMPLE: &str = "\
The city council approved a new budget for schools on Monday after a long debate. \
Teachers welcomed the extra money, which will pay for libraries and science labs. \
The mayor said the plan would be paid for by savings elsewhere. \
Opposition members argued that road repairs had been cut to make room for it. \
The first funds are due to reach schools in September.
";

/// The summary of `text`: at most three sentences, in document order.
pub fn summary_lines(text: &str) -> Result<Vec<String>, ConfigError> {
    let options = Options {
        budget: Budget::Sentences(3),
        ..Options::default()
    };
    let summary = nutgraf::summarize(text, &options)?;
    Ok(summary.sentences.into_iter().map(|s| s.text).collect())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args_os().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => SAMPLE.to_string(),
    };
    for line in summary_lines(&text)? {
        println!("{line}");
    }
    Ok(())
}
