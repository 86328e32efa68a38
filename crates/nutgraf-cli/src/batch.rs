//! The batch driver shared by every subcommand.
//!
//! A reader thread pulls records from the inputs in chunks of `chunk_size`
//! documents and hands them over a channel that holds at most one chunk, so
//! reading overlaps processing while memory stays bounded by three chunks
//! (one being read, one waiting, one being processed). The first chunks are
//! smaller ([`FIRST_CHUNK`], doubling up to `chunk_size`): on a corpus of a
//! few hundred documents, workers then start after a few documents instead
//! of after the whole input has been read and decompressed.
//! Each chunk is processed in parallel on the command's [`Workers`] and
//! written in input order. A document that fails is reported on stderr
//! (file, line, id), counted, and — with `--keep-errors` — written as an
//! error record; `--strict` stops at the first one.

use crate::input::{Failure, Reader, Record};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nutgraf::summarize::Summarizer;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

/// Documents in the first chunk; each next chunk is twice as large, up to
/// the run's chunk size.
pub const FIRST_CHUNK: usize = 16;

/// The sizes of successive chunks: [`FIRST_CHUNK`] doubling up to
/// `chunk_size` (at least 1), then `chunk_size` for ever.
fn chunk_sizes(chunk_size: usize) -> impl Iterator<Item = usize> {
    let limit = chunk_size.max(1);
    std::iter::successors(Some(FIRST_CHUNK.min(limit)), move |&size| {
        Some(size.saturating_mul(2).min(limit))
    })
}

/// What a subcommand does with each document.
pub trait Job: Sync {
    /// A document ready to be processed.
    type Item: Send;
    /// The result for one document.
    type Output: Send;
    /// Past participle for the closing line ("summarized").
    const DONE: &'static str;

    /// Turns a record into work; cheap, runs on the main thread.
    fn prepare(&self, record: Record) -> Result<Self::Item, Failure>;

    /// Processes one chunk, in parallel (it runs inside the command's thread
    /// pool). Returns one result per item, in the same order.
    fn process(&self, items: Vec<Self::Item>) -> Vec<Result<Self::Output, Failure>>;

    /// The summarizer the job runs, if any: its thread pool then runs the
    /// whole batch.
    fn summarizer(&self) -> Option<&Summarizer> {
        None
    }
}

/// The threads a batch runs on: the job's summarizer's pool when it has
/// one (so `--threads N` means N workers, not two pools of N each), else a
/// pool started for the run.
pub enum Workers<'a> {
    /// A pool of the command's own.
    Pool(rayon::ThreadPool),
    /// The summarizer's pool.
    Summarizer(&'a Summarizer),
}

impl Workers<'_> {
    fn install<R: Send>(&self, op: impl FnOnce() -> R + Send) -> R {
        match self {
            Workers::Pool(pool) => pool.install(op),
            Workers::Summarizer(summarizer) => summarizer.install(op),
        }
    }
}

/// Where results go, in input order.
pub trait Sink<O> {
    /// Writes one result.
    fn write(&mut self, out: &mut dyn Write, output: &O) -> io::Result<()>;
    /// Writes a record for a failed document (`--keep-errors`).
    fn write_failure(&mut self, out: &mut dyn Write, failure: &Failure) -> io::Result<()>;
    /// Called once after the last document.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// How to run a batch.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Documents read and processed together.
    pub chunk_size: usize,
    /// Stop at the first failed document.
    pub strict: bool,
    /// Write an error record for each failed document.
    pub keep_errors: bool,
    /// Show a progress bar when stderr is a terminal.
    pub progress: bool,
}

/// Document counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents seen (including failed ones).
    pub documents: u64,
    /// Documents processed without error.
    pub succeeded: u64,
    /// Documents that failed.
    pub failed: u64,
}

impl Tally {
    /// The closing line: `1,130 documents, 1,127 summarized, 3 failed`.
    pub fn line(&self, done: &str) -> String {
        let noun = if self.documents == 1 {
            "document"
        } else {
            "documents"
        };
        format!(
            "{} {noun}, {} {done}, {} failed",
            thousands(self.documents),
            thousands(self.succeeded),
            thousands(self.failed)
        )
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs `job` over every document of `reader`, writing to `out` through
/// `sink`. Only write errors are returned as errors; document failures are
/// reported on stderr and counted.
pub fn run<J: Job>(
    reader: Reader,
    job: &J,
    workers: &Workers<'_>,
    sink: &mut dyn Sink<J::Output>,
    out: &mut dyn Write,
    options: &BatchOptions,
) -> io::Result<Tally> {
    let progress = Progress::new(&reader, options.progress);
    let chunk_sizes = chunk_sizes(options.chunk_size);
    let (sender, receiver) = mpsc::sync_channel::<Vec<Result<Record, Failure>>>(1);
    // Not a scoped thread: on an early stop (strict, closed pipe) the main
    // thread must not wait for a reader blocked on stdin.
    let reader_thread = std::thread::spawn(move || {
        let mut reader = reader;
        for chunk_size in chunk_sizes {
            let chunk: Vec<_> = reader.by_ref().take(chunk_size).collect();
            if chunk.is_empty() || sender.send(chunk).is_err() {
                return;
            }
        }
    });

    let mut tally = Tally::default();
    let mut stopped = false;
    'chunks: for chunk in receiver.iter() {
        // Prepare sequentially; remember which slots failed early.
        let mut slots: Vec<Option<Failure>> = Vec::with_capacity(chunk.len());
        let mut items = Vec::with_capacity(chunk.len());
        for record in chunk {
            match record.and_then(|r| job.prepare(r)) {
                Ok(item) => {
                    items.push(item);
                    slots.push(None);
                }
                Err(failure) => slots.push(Some(failure)),
            }
        }
        let mut results = workers.install(|| job.process(items)).into_iter();
        for slot in slots {
            let result = match slot {
                Some(failure) => Err(failure),
                None => results.next().unwrap_or_else(|| {
                    unreachable!("Job::process returned fewer results than items")
                }),
            };
            tally.documents += 1;
            match result {
                Ok(output) => {
                    tally.succeeded += 1;
                    sink.write(out, &output)?;
                }
                Err(failure) => {
                    tally.failed += 1;
                    progress.report(&format!("nutgraf: {failure}"));
                    if options.keep_errors {
                        sink.write_failure(out, &failure)?;
                    }
                    if options.strict {
                        stopped = true;
                        break 'chunks;
                    }
                }
            }
        }
        out.flush()?;
        progress.update(tally.documents);
    }
    sink.finish(out)?;
    out.flush()?;
    progress.finish();
    drop(receiver);
    if !stopped {
        // The reader is done (the channel closed); a panic there is a bug.
        if let Err(panic) = reader_thread.join() {
            std::panic::resume_unwind(panic);
        }
    }
    Ok(tally)
}

/// The progress bar: bytes with an ETA when the input size is known, a
/// spinner otherwise; documents per second in the message. Hidden unless
/// stderr is a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Progress {
    fn new(reader: &Reader, wanted: bool) -> Self {
        let bytes = reader.bytes_read();
        if !wanted || !io::stderr().is_terminal() {
            return Progress { bar: None, bytes };
        }
        let bar = match reader.total_bytes() {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} · {msg} · ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {bytes} read · {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            bytes,
        }
    }

    fn update(&self, documents: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes.load(Ordering::Relaxed));
            let seconds = bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} docs · {:.0} docs/s",
                thousands(documents),
                documents as f64 / seconds
            ));
        }
    }

    /// Prints a line on stderr without tearing the bar.
    fn report(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => {
                let _ = writeln!(io::stderr(), "{line}");
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_start_small_and_double_up_to_the_chunk_size() {
        let first: Vec<usize> = chunk_sizes(1024).take(9).collect();
        assert_eq!(first, [16, 32, 64, 128, 256, 512, 1024, 1024, 1024]);
        let first: Vec<usize> = chunk_sizes(100).take(5).collect();
        assert_eq!(first, [16, 32, 64, 100, 100]);
        let first: Vec<usize> = chunk_sizes(4).take(3).collect();
        assert_eq!(first, [4, 4, 4]);
        let first: Vec<usize> = chunk_sizes(0).take(2).collect();
        assert_eq!(first, [1, 1]);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1130), "1,130");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn closing_line() {
        let tally = Tally {
            documents: 1130,
            succeeded: 1127,
            failed: 3,
        };
        assert_eq!(
            tally.line("summarized"),
            "1,130 documents, 1,127 summarized, 3 failed"
        );
    }
}
