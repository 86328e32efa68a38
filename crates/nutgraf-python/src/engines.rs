//! Core summarizers cached per process, so they survive `fork()`.
//!
//! A core [`Summarizer`] owns a rayon thread pool, and rayon's worker threads
//! do not survive `fork()`: a child process inherits the pool's bookkeeping
//! but none of its threads, so work sent to it would wait forever
//! (huggingface/tokenizers documents the same trap). The bindings therefore
//! build core summarizers lazily and tag them with the id of the process
//! that built them. A call from a forked child sees another process id,
//! forgets the parent's summarizers (without touching their dead threads)
//! and builds fresh ones. This needs no `os.register_at_fork` hook and also
//! covers a `fork()` made from C code.

use nutgraf::summarize::{ConfigError, Summarizer, SummarizerConfig};
use std::sync::Mutex;

/// A few core summarizers of this process, keyed by their config.
pub struct EngineCache {
    capacity: usize,
    inner: Mutex<Option<Engines>>,
}

struct Engines {
    pid: u32,
    /// Most recently used last.
    entries: Vec<(SummarizerConfig, Summarizer)>,
}

impl EngineCache {
    /// A cache keeping at most `capacity` summarizers (at least one).
    pub const fn new(capacity: usize) -> Self {
        EngineCache {
            capacity,
            inner: Mutex::new(None),
        }
    }

    /// The summarizer for `config` in this process, built on first use.
    /// The returned handle is a cheap clone sharing the cached pool.
    pub fn get(&self, config: &SummarizerConfig) -> Result<Summarizer, ConfigError> {
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let pid = std::process::id();
        if guard.as_ref().is_some_and(|e| e.pid != pid) {
            // Built by the parent before a fork: the pools' threads are gone,
            // and dropping them would signal threads that do not exist.
            if let Some(stale) = guard.take() {
                std::mem::forget(stale);
            }
        }
        let engines = guard.get_or_insert_with(|| Engines {
            pid,
            entries: Vec::new(),
        });
        if let Some(k) = engines.entries.iter().position(|(c, _)| c == config) {
            let entry = engines.entries.remove(k);
            let summarizer = entry.1.clone();
            engines.entries.push(entry);
            return Ok(summarizer);
        }
        let summarizer = Summarizer::new(config.clone())?;
        if engines.entries.len() >= self.capacity.max(1) {
            engines.entries.remove(0);
        }
        engines.entries.push((config.clone(), summarizer.clone()));
        Ok(summarizer)
    }
}
