//! The Python exception hierarchy, rooted at `NutgrafError(ValueError)`.
//!
//! Defined here (not in Python) so the extension can raise them directly;
//! `nutgraf/__init__.py` re-exports them. Wrong argument *types* are
//! `TypeError`s raised by pyo3's argument extraction, not these.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::PyErr;

create_exception!(
    nutgraf,
    NutgrafError,
    PyValueError,
    "Base class of every error nutgraf raises on bad input (a ValueError)."
);
create_exception!(
    nutgraf,
    ConfigError,
    NutgrafError,
    "An option has a bad value: a negative or conflicting budget, an unknown \
     algorithm, order, language or ROUGE metric. The message names the \
     argument and the allowed values."
);
create_exception!(
    nutgraf,
    ParseError,
    NutgrafError,
    "A text could not be read, e.g. bytes that are not valid UTF-8."
);

/// A `ConfigError` for argument `name`: "invalid value for 'name': why".
pub fn config_error(name: &str, why: impl std::fmt::Display) -> PyErr {
    ConfigError::new_err(format!("invalid value for '{name}': {why}"))
}
