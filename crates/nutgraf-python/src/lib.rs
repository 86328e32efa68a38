//! pyo3 bindings: the private `nutgraf._nutgraf` module. (Lands with issue 5.)

use pyo3::prelude::*;

/// The `nutgraf._nutgraf` extension module.
#[pymodule]
fn _nutgraf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
