//! pyo3 bindings: the private `nutgraf._nutgraf` extension module.
//!
//! A thin layer, as the architecture asks: convert Python arguments into the
//! core's option structs (whose `Default`s hold every default value, so
//! `None` from Python means "the Rust default"), run the core with the GIL
//! released, convert results back with byte spans turned into character
//! offsets. The public Python API lives in `python/nutgraf/__init__.py`,
//! which re-exports from here; `python/nutgraf/_nutgraf.pyi` types it.

use pyo3::prelude::*;

mod cli;
mod document;
mod engines;
mod errors;
mod offsets;
mod pool;
mod rouge;
mod summarize;

/// The extension allocates with mimalloc (its own heap, separate from
/// Python's): parsing and summarizing make and drop many small buffers per
/// document, and mimalloc does that faster than the system allocator. A
/// `cdylib`'s global allocator serves only this library's Rust code. It is
/// built with local-dynamic TLS (see Cargo.toml): with mimalloc's default
/// initial-exec TLS the extension fails to import.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The `nutgraf._nutgraf` extension module.
#[pymodule]
fn _nutgraf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("NutgrafError", py.get_type::<errors::NutgrafError>())?;
    m.add("ConfigError", py.get_type::<errors::ConfigError>())?;
    m.add("ParseError", py.get_type::<errors::ParseError>())?;
    m.add("THREADS_ENV", pool::THREADS_ENV)?;

    m.add_class::<document::PyDocument>()?;
    m.add_class::<document::PyBlock>()?;
    m.add_class::<document::PySentence>()?;
    m.add_class::<document::PyMetadata>()?;
    m.add_class::<document::PyDateline>()?;
    m.add_function(wrap_pyfunction!(document::parse, m)?)?;

    m.add_class::<summarize::PySummarizer>()?;
    m.add_class::<summarize::PySummary>()?;
    m.add_class::<summarize::PySummarySentence>()?;
    m.add_function(wrap_pyfunction!(summarize::summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize::_summary_from_state, m)?)?;

    m.add_class::<rouge::PyScore>()?;
    m.add_class::<rouge::PyAggregateScore>()?;
    m.add_class::<rouge::PyRougeReport>()?;
    m.add_function(wrap_pyfunction!(rouge::rouge, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::rouge_many, m)?)?;

    m.add_function(wrap_pyfunction!(cli::run_cli, m)?)?;
    Ok(())
}
