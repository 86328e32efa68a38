//! `nutgraf.rouge()` and `nutgraf.rouge_many()`: ROUGE as `rouge-score`
//! computes it (the core crate checks parity), with results shaped like
//! `rouge-score`'s: a dict from metric name to a `Score(precision, recall,
//! fmeasure)`.

use crate::errors::{config_error, ConfigError as PyConfigError, NutgrafError};
use crate::summarize::PySummary;
use nutgraf::rouge::{self as core, BootstrapConfig, Metric, Rouge, RougeConfig, Text};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// A text to score: one string whose lines are its sentences, or a list of
/// sentences (scored as if joined with newlines).
enum Lines {
    One(String),
    Many(Vec<String>),
}

impl Text for Lines {
    fn for_each_line(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Lines::One(s) => s.for_each_line(f),
            Lines::Many(v) => v.for_each_line(f),
        }
    }
}

/// Reads a `str`, a nutgraf `Summary` (its sentences) or an iterable of `str`.
fn lines(obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<Lines> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Lines::One(s.to_cow()?.into_owned()));
    }
    if let Ok(summary) = obj.cast::<PySummary>() {
        return Ok(Lines::One(summary.get().text(obj.py())?));
    }
    let type_error = || -> PyResult<PyErr> {
        Ok(PyTypeError::new_err(format!(
            "'{arg}' must be a str, a list of str or a nutgraf.Summary, not {}",
            obj.get_type().name()?
        )))
    };
    let Ok(items) = obj.try_iter() else {
        return Err(type_error()?);
    };
    let mut out = Vec::new();
    for item in items {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(s) => out.push(s.to_cow()?.into_owned()),
            Err(_) => return Err(type_error()?),
        }
    }
    Ok(Lines::Many(out))
}

/// The scorer for `metrics` (`None`: the core default set) and `stemmer`.
fn scorer(metrics: Option<&Bound<'_, PyAny>>, stemmer: Option<bool>) -> PyResult<Rouge> {
    let mut config = RougeConfig::default();
    if let Some(stemmer) = stemmer {
        config.stemmer = stemmer;
    }
    if let Some(metrics) = metrics {
        if metrics.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "'metrics' must be a sequence of metric names, e.g. (\"rouge1\", \"rougeLsum\"), not a str",
            ));
        }
        let names: Vec<String> = metrics.extract()?;
        if names.is_empty() {
            return Err(config_error("metrics", "at least one metric is needed"));
        }
        config.metrics = names
            .iter()
            .map(|n| n.parse::<Metric>())
            .collect::<Result<_, _>>()
            .map_err(|e| config_error("metrics", e))?;
    }
    Ok(Rouge::new(config))
}

/// Precision, recall and F-measure of one ROUGE metric. Behaves like
/// `rouge-score`'s `Score` namedtuple: unpacks, indexes and compares equal
/// to a 3-tuple.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Score", sequence)]
pub struct PyScore {
    /// Matches over the summary's size.
    precision: f64,
    /// Matches over the reference's size.
    recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    fmeasure: f64,
}

impl From<core::Score> for PyScore {
    fn from(s: core::Score) -> Self {
        PyScore {
            precision: s.precision,
            recall: s.recall,
            fmeasure: s.fmeasure,
        }
    }
}

#[pymethods]
impl PyScore {
    #[new]
    fn new(precision: f64, recall: f64, fmeasure: f64) -> Self {
        PyScore {
            precision,
            recall,
            fmeasure,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Score(precision={:?}, recall={:?}, fmeasure={:?})",
            self.precision, self.recall, self.fmeasure
        )
    }

    fn __len__(&self) -> usize {
        3
    }

    fn __getitem__(&self, index: isize) -> PyResult<f64> {
        match index {
            0 | -3 => Ok(self.precision),
            1 | -2 => Ok(self.recall),
            2 | -1 => Ok(self.fmeasure),
            _ => Err(pyo3::exceptions::PyIndexError::new_err(
                "Score index out of range",
            )),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.as_tuple(py)?.as_any().try_iter()?.into_any())
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(other) = other.cast::<PyScore>() {
            let o = other.get();
            return Ok(
                (self.precision, self.recall, self.fmeasure) == (o.precision, o.recall, o.fmeasure)
            );
        }
        if other.is_instance_of::<PyTuple>() {
            return self.as_tuple(py)?.eq(other);
        }
        Ok(false)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.as_tuple(py)?.hash()
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        Ok((slf.get_type().into_any(), slf.get().as_tuple(py)?))
    }

    /// `{"precision": ..., "recall": ..., "fmeasure": ...}`.
    fn _asdict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("precision", self.precision)?;
        d.set_item("recall", self.recall)?;
        d.set_item("fmeasure", self.fmeasure)?;
        Ok(d)
    }
}

impl PyScore {
    fn as_tuple<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, [self.precision, self.recall, self.fmeasure])
    }
}

/// Corpus-level figures of one metric: the mean over documents and a
/// bootstrap confidence interval (`low`, `mid` = median of the resampled
/// means, `high`), each a `Score`.
#[pyclass(frozen, get_all, module = "nutgraf", name = "AggregateScore")]
pub struct PyAggregateScore {
    /// Mean over all documents.
    mean: Py<PyScore>,
    /// Lower bound of the confidence interval.
    low: Py<PyScore>,
    /// Median of the resampled means.
    mid: Py<PyScore>,
    /// Upper bound of the confidence interval.
    high: Py<PyScore>,
}

#[pymethods]
impl PyAggregateScore {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "AggregateScore(mean={}, low={}, mid={}, high={})",
            self.mean.bind(py).repr()?,
            self.low.bind(py).repr()?,
            self.mid.bind(py).repr()?,
            self.high.bind(py).repr()?
        ))
    }
}

/// Scores of a corpus: per document, and aggregated per metric.
#[pyclass(frozen, get_all, module = "nutgraf", name = "RougeReport")]
pub struct PyRougeReport {
    /// One `{metric: Score}` dict per (summary, reference) pair, in input order.
    per_document: Py<PyList>,
    /// `{metric: AggregateScore}` over the corpus (empty for an empty corpus).
    aggregate: Py<PyDict>,
}

#[pymethods]
impl PyRougeReport {
    fn __len__(&self, py: Python<'_>) -> usize {
        self.per_document.bind(py).len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        for (name, agg) in self.aggregate.bind(py).iter() {
            let agg = agg.cast::<PyAggregateScore>()?;
            let a = agg.get();
            parts.push(format!(
                "{}: F {:.4} [{:.4}, {:.4}]",
                name.str()?,
                a.mean.get().fmeasure,
                a.low.get().fmeasure,
                a.high.get().fmeasure
            ));
        }
        Ok(format!(
            "<nutgraf.RougeReport documents={} {}>",
            self.per_document.bind(py).len(),
            parts.join("; ")
        ))
    }
}

fn scores_dict<'py>(py: Python<'py>, scores: &core::Scores) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (metric, score) in scores {
        d.set_item(metric.name(), Py::new(py, PyScore::from(*score))?)?;
    }
    Ok(d)
}

/// ROUGE scores of `summary` against `reference`.
#[pyfunction]
#[pyo3(signature = (summary, reference, *, metrics=None, stemmer=None))]
pub fn rouge<'py>(
    py: Python<'py>,
    summary: &Bound<'py, PyAny>,
    reference: &Bound<'py, PyAny>,
    metrics: Option<&Bound<'py, PyAny>>,
    stemmer: Option<bool>,
) -> PyResult<Bound<'py, PyDict>> {
    let rouge = scorer(metrics, stemmer)?;
    let summary = lines(summary, "summary")?;
    let reference = lines(reference, "reference")?;
    let scores = py.detach(|| rouge.score(&summary, &reference));
    scores_dict(py, &scores)
}

/// ROUGE over a corpus of (summary, reference) pairs, in parallel, with
/// bootstrap confidence intervals.
#[pyfunction]
#[pyo3(signature = (summaries, references, *, metrics=None, stemmer=None, bootstrap=None,
    confidence=None, seed=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn rouge_many(
    py: Python<'_>,
    summaries: &Bound<'_, PyAny>,
    references: &Bound<'_, PyAny>,
    metrics: Option<&Bound<'_, PyAny>>,
    stemmer: Option<bool>,
    bootstrap: Option<i64>,
    confidence: Option<f64>,
    seed: Option<u64>,
    threads: Option<i64>,
) -> PyResult<PyRougeReport> {
    let rouge = scorer(metrics, stemmer)?;
    let mut boot = BootstrapConfig::default();
    if let Some(n) = bootstrap {
        boot.n_samples = usize::try_from(n)
            .ok()
            .filter(|&n| n >= 1)
            .ok_or_else(|| config_error("bootstrap", format!("{n}; expected an integer >= 1")))?;
    }
    if let Some(c) = confidence {
        if !(c.is_finite() && (0.0..=1.0).contains(&c)) {
            return Err(config_error(
                "confidence",
                format!("{c}; expected a number from 0 to 1"),
            ));
        }
        boot.confidence_interval = c;
    }
    if let Some(s) = seed {
        boot.seed = s;
    }
    let threads = match threads {
        None => None,
        Some(n) => Some(usize::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
            config_error("threads", format!("{n}; expected an integer >= 1, or None"))
        })?),
    };
    let mut pairs = Vec::new();
    let mut refs = references.try_iter()?;
    for (k, summary) in summaries.try_iter()?.enumerate() {
        let summary = lines(&summary?, &format!("summaries[{k}]"))?;
        let Some(reference) = refs.next() else {
            return Err(NutgrafError::new_err(format!(
                "'summaries' has more items than 'references' ({} > {k})",
                k + 1
            )));
        };
        pairs.push((summary, lines(&reference?, &format!("references[{k}]"))?));
    }
    if refs.next().is_some() {
        return Err(NutgrafError::new_err(format!(
            "'references' has more items than 'summaries' ({})",
            pairs.len()
        )));
    }
    let result = py.detach(|| {
        crate::pool::install(threads, || {
            let scores = rouge.score_corpus(&pairs);
            let aggregate = core::aggregate(&scores, &boot);
            (scores, aggregate)
        })
    });
    let (scores, aggregate) = result.map_err(PyConfigError::new_err)?;
    let aggregate = aggregate.map_err(|e| NutgrafError::new_err(e.to_string()))?;
    let per_document = PyList::empty(py);
    for s in &scores {
        per_document.append(scores_dict(py, s)?)?;
    }
    let agg = PyDict::new(py);
    for (metric, a) in &aggregate {
        agg.set_item(
            metric.name(),
            Py::new(
                py,
                PyAggregateScore {
                    mean: Py::new(py, PyScore::from(a.mean))?,
                    low: Py::new(py, PyScore::from(a.low))?,
                    mid: Py::new(py, PyScore::from(a.mid))?,
                    high: Py::new(py, PyScore::from(a.high))?,
                },
            )?,
        )?;
    }
    Ok(PyRougeReport {
        per_document: per_document.unbind(),
        aggregate: agg.unbind(),
    })
}
