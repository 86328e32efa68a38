//! Errors of the parsing crate.

/// Why a text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// An unsupported language was requested.
    #[error(transparent)]
    UnknownLanguage(#[from] crate::language::UnknownLanguage),
}
