//! The `nutgraf` console command of the wheel: the Rust command line
//! (`nutgraf_cli::run`) called from the extension, so `pip install` gives
//! the same command as `cargo install`.

use pyo3::prelude::*;
use std::ffi::OsString;

/// Runs the nutgraf command line with `argv` (program name first) and
/// returns its exit code. The GIL is released while it runs.
#[pyfunction]
pub fn run_cli(py: Python<'_>, argv: Vec<String>) -> i32 {
    let args: Vec<OsString> = argv.into_iter().map(OsString::from).collect();
    py.detach(|| nutgraf_cli::run(args))
}
