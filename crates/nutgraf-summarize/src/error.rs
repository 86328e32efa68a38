//! Errors of the summarization crate.

/// Why a [`SummarizerConfig`](crate::SummarizerConfig) cannot be used.
///
/// Every variant names the offending field with its path in the config
/// (`budget.ratio`, `lexrank.threshold`, …) — the same path as in the
/// serialized JSON — so front ends can point at the right flag or argument.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A field holds a value outside its allowed range.
    #[error("invalid value {value} for `{field}`: expected {expected}")]
    InvalidValue {
        /// Path of the field, e.g. `budget.ratio`.
        field: &'static str,
        /// The value given, formatted for display.
        value: String,
        /// The allowed values, in words.
        expected: &'static str,
    },
    /// The worker thread pool could not be started.
    #[error("cannot start a pool of {threads} worker threads (field `threads`): {message}")]
    ThreadPool {
        /// Number of threads asked for (0 = one per CPU).
        threads: usize,
        /// The error reported by rayon.
        message: String,
    },
    /// An algorithm name that does not exist.
    #[error("invalid value for `algorithm`: {0}")]
    UnknownAlgorithm(#[from] crate::UnknownAlgorithm),
    /// A language name that does not exist.
    #[error("invalid value for `language`: {0}")]
    UnknownLanguage(#[from] nutgraf_parse::UnknownLanguage),
}

impl ConfigError {
    /// The config field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            ConfigError::InvalidValue { field, .. } => field,
            ConfigError::ThreadPool { .. } => "threads",
            ConfigError::UnknownAlgorithm(_) => "algorithm",
            ConfigError::UnknownLanguage(_) => "language",
        }
    }
}
