//! Thread counts, and the thread pools used for ROUGE batches.
//!
//! Summaries run on the pools of the core summarizers (see `engines.rs`).
//! ROUGE batches run on a pool kept here, never on rayon's global pool, and
//! for the same reason as there it is tagged with the process id that built
//! it: a child made by `fork()` forgets the parent's pools (their threads do
//! not exist in the child) and builds fresh ones.
//!
//! Thread count: the `threads=` argument, else the environment variable
//! `NUTGRAF_NUM_THREADS`, else one per available CPU.

use rayon::{ThreadPool, ThreadPoolBuilder};
use std::sync::{Arc, Mutex};

/// Environment variable holding the default number of threads.
pub const THREADS_ENV: &str = "NUTGRAF_NUM_THREADS";

/// `NUTGRAF_NUM_THREADS` if set (must be a positive integer), else `None`.
pub fn env_threads() -> Result<Option<usize>, String> {
    match std::env::var(THREADS_ENV) {
        Ok(value) if !value.trim().is_empty() => match value.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(format!(
                "environment variable {THREADS_ENV}={value:?} must be a positive integer"
            )),
        },
        _ => Ok(None),
    }
}

/// Pools of one process, one per thread count asked for.
struct Pools {
    pid: u32,
    by_threads: Vec<(usize, Arc<ThreadPool>)>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// Runs `work` on this process's pool of `threads` threads (`None`: the
/// environment variable, else one per CPU).
pub fn install<R: Send>(
    threads: Option<usize>,
    work: impl FnOnce() -> R + Send,
) -> Result<R, String> {
    let threads = match threads {
        Some(n) => n,
        None => env_threads()?
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    Ok(pool(threads)?.install(work))
}

fn pool(threads: usize) -> Result<Arc<ThreadPool>, String> {
    let mut guard = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        if let Some(stale) = guard.take() {
            std::mem::forget(stale);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        by_threads: Vec::new(),
    });
    if let Some((_, pool)) = pools.by_threads.iter().find(|(n, _)| *n == threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("nutgraf-rouge-{i}"))
        .build()
        .map_err(|e| format!("cannot start {threads} worker threads: {e}"))?;
    let pool = Arc::new(pool);
    pools.by_threads.push((threads, Arc::clone(&pool)));
    Ok(pool)
}
