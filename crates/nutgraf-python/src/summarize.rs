//! `nutgraf.summarize()`, `nutgraf.Summarizer` and the `Summary` they return.
//!
//! Keyword arguments map one to one onto fields of the core's
//! `SummarizerConfig`; `None` leaves the field at its `Default`, so the
//! defaults live only in Rust. Inputs are pulled into owned Rust strings
//! first, then the work runs with the GIL released; byte spans become
//! character offsets before Python objects are made.

use crate::document::{language_arg, InputText};
use crate::engines::EngineCache;
use crate::errors::{config_error, ConfigError as PyConfigError, NutgrafError};
use crate::offsets::CharOffsets;
use nutgraf::parse::{parse, ParseOptions};
use nutgraf::summarize::{self as core, Algorithm, Budget, Order, Summarizer, SummarizerConfig};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// Summarizers used by the module-level `summarize()`, reused across calls
/// with the same options so each call does not start a new thread pool.
static SHARED: EngineCache = EngineCache::new(8);

/// Python name of a core config field, for error messages.
fn argument_name(field: &str) -> &str {
    match field {
        "budget.ratio" => "ratio",
        "budget" => "sentences/ratio/words/chars",
        other => other,
    }
}

/// A core config error as a Python `ConfigError` naming the argument.
pub fn core_config_error(err: core::ConfigError) -> PyErr {
    let name = argument_name(err.field());
    match err {
        core::ConfigError::InvalidValue {
            value, expected, ..
        } => config_error(name, format!("{value}; expected {expected}")),
        core::ConfigError::UnknownAlgorithm(e) => config_error(name, e),
        core::ConfigError::UnknownLanguage(e) => config_error(name, e),
        other => PyConfigError::new_err(other.to_string()),
    }
}

/// A count budget that must not be negative.
fn count(name: &str, value: i64) -> PyResult<usize> {
    usize::try_from(value)
        .map_err(|_| config_error(name, format!("{value}; expected an integer >= 0")))
}

/// Every keyword argument of `summarize()` / `Summarizer()`.
#[derive(Default)]
struct Options {
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    chars: Option<i64>,
    algorithm: Option<String>,
    order: Option<String>,
    language: Option<String>,
    title: Option<String>,
    hints: Option<Vec<String>>,
    hint_weight: Option<f64>,
    redundancy: Option<f64>,
    trigram_blocking: Option<bool>,
    detect_structure: Option<bool>,
    threads: Option<i64>,
}

impl Options {
    /// The core config: defaults overridden by the arguments given.
    fn config(self) -> PyResult<SummarizerConfig> {
        let mut config = SummarizerConfig::default();
        let budgets: Vec<(&str, Budget)> = [
            self.sentences
                .map(|n| count("sentences", n).map(|n| ("sentences", Budget::Sentences(n)))),
            self.ratio.map(|r| Ok(("ratio", Budget::Ratio(r)))),
            self.words
                .map(|n| count("words", n).map(|n| ("words", Budget::Words(n)))),
            self.chars
                .map(|n| count("chars", n).map(|n| ("chars", Budget::Chars(n)))),
        ]
        .into_iter()
        .flatten()
        .collect::<PyResult<_>>()?;
        match budgets.as_slice() {
            [] => {}
            [(_, budget)] => config.budget = *budget,
            [(a, _), (b, _), ..] => {
                return Err(PyConfigError::new_err(format!(
                    "give at most one budget of 'sentences', 'ratio', 'words', 'chars' \
                     (got '{a}' and '{b}')"
                )))
            }
        }
        if let Some(name) = self.algorithm {
            config.algorithm = name
                .parse::<Algorithm>()
                .map_err(|e| config_error("algorithm", e))?;
        }
        if let Some(name) = self.order {
            config.order = name.parse::<Order>().map_err(core_config_error)?;
        }
        config.language = language_arg(self.language.as_deref(), config.language)?;
        if self.title.is_some() {
            config.title = self.title;
        }
        if let Some(hints) = self.hints {
            config.hints = hints;
        }
        if let Some(weight) = self.hint_weight {
            config.hint_weight = weight;
        }
        if self.redundancy.is_some() {
            config.redundancy = self.redundancy;
        }
        if let Some(flag) = self.trigram_blocking {
            config.trigram_blocking = flag;
        }
        if let Some(flag) = self.detect_structure {
            config.detect_structure = flag;
        }
        if let Some(n) = self.threads {
            config.threads = Some(threads_arg(n)?);
        }
        config.validate().map_err(core_config_error)?;
        Ok(config)
    }
}

/// A `threads=` value: at least 1.
fn threads_arg(n: i64) -> PyResult<usize> {
    match usize::try_from(n) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(config_error(
            "threads",
            format!("{n}; expected an integer >= 1, or None for one per CPU"),
        )),
    }
}

/// One title (or `None`) per text: an iterable exactly `len` long.
fn titles_arg(titles: &Bound<'_, PyAny>, len: usize) -> PyResult<Vec<Option<String>>> {
    if titles.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "'titles' must be an iterable of str or None, not a single str",
        ));
    }
    let mut out = Vec::with_capacity(len);
    for (k, item) in titles.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
        } else if let Ok(s) = item.cast::<PyString>() {
            out.push(Some(s.to_cow()?.into_owned()));
        } else {
            return Err(PyTypeError::new_err(format!(
                "titles[{k}] must be str or None, not {}",
                item.get_type().name()?
            )));
        }
    }
    if out.len() != len {
        return Err(NutgrafError::new_err(format!(
            "'titles' has {} items but 'texts' has {len}",
            out.len()
        )));
    }
    Ok(out)
}

/// The thread count when none was given: `NUTGRAF_NUM_THREADS`, else `None`
/// (one per CPU).
fn env_threads() -> PyResult<Option<usize>> {
    crate::pool::env_threads().map_err(PyConfigError::new_err)
}

/// One selected sentence of a summary.
#[pyclass(frozen, get_all, module = "nutgraf", name = "SummarySentence")]
pub struct PySummarySentence {
    /// The sentence text, as in the input.
    text: Py<PyString>,
    /// Character offset of its first character in the input text.
    start: usize,
    /// Character offset one past its last character.
    end: usize,
    /// The scorer's score (higher is better; the scale depends on the algorithm).
    score: f64,
    /// 1 for the sentence selected first, 2 for the next, ...
    rank: usize,
    /// Index of the sentence in `nutgraf.parse(text).sentences`.
    index: usize,
}

#[pymethods]
impl PySummarySentence {
    #[new]
    fn new(
        text: Py<PyString>,
        start: usize,
        end: usize,
        score: f64,
        rank: usize,
        index: usize,
    ) -> Self {
        PySummarySentence {
            text,
            start,
            end,
            score,
            rank,
            index,
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.text.clone_ref(py),
            s.start,
            s.end,
            s.score,
            s.rank,
            s.index,
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SummarySentence(rank={}, index={}, start={}, end={}, score={:?}, text={})",
            self.rank,
            self.index,
            self.start,
            self.end,
            self.score,
            self.text.bind(py).repr()?
        ))
    }

    /// The sentence as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text.bind(py))?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("score", self.score)?;
        d.set_item("rank", self.rank)?;
        d.set_item("index", self.index)?;
        Ok(d)
    }
}

/// An extractive summary: the selected sentences of one text.
#[pyclass(frozen, module = "nutgraf", name = "Summary", sequence)]
pub struct PySummary {
    /// The text that was summarized.
    #[pyo3(get)]
    source: Py<PyString>,
    /// The selected sentences (document or rank order, as asked).
    #[pyo3(get)]
    sentences: Py<PyTuple>,
    stats: core::SummaryStats,
}

#[pymethods]
impl PySummary {
    /// Pickling (e.g. results sent back by `multiprocessing`): rebuilt by
    /// `_summary_from_state(source, sentences, stats)`.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let rebuild = py
            .import("nutgraf._nutgraf")?
            .getattr("_summary_from_state")?;
        let args = (
            self.source.clone_ref(py),
            self.sentences.clone_ref(py),
            self.stats(py)?,
        )
            .into_pyobject(py)?;
        Ok((rebuild, args))
    }

    /// The selected sentences' texts, one per line (joined with "\n").
    #[getter]
    pub fn text(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = String::new();
        for (k, s) in self.sentences.bind(py).iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            let s = s.cast::<PySummarySentence>()?;
            out.push_str(&s.get().text.bind(py).to_cow()?);
        }
        Ok(out)
    }

    /// Counts describing the document and the selection.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.stats;
        let d = PyDict::new(py);
        d.set_item("algorithm", s.algorithm.name())?;
        d.set_item("sentence_count", s.sentence_count)?;
        d.set_item("candidate_count", s.candidate_count)?;
        d.set_item("word_count", s.word_count)?;
        d.set_item("selected_words", s.selected_words)?;
        d.set_item("selected_chars", s.selected_chars)?;
        d.set_item("over_budget", s.over_budget)?;
        Ok(d)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.sentences.bind(py).len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let items = self.sentences.bind(py);
        let len = items.len() as isize;
        let k = if index < 0 { index + len } else { index };
        if k < 0 || k >= len {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "summary sentence index out of range",
            ));
        }
        items.get_item(k as usize)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.sentences.bind(py).as_any().try_iter()?.into_any())
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.text(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text(py)?;
        let preview: String = text.chars().take(60).collect();
        let more = if preview.len() < text.len() {
            "..."
        } else {
            ""
        };
        Ok(format!(
            "<nutgraf.Summary sentences={} algorithm='{}' text={}{more}>",
            self.sentences.bind(py).len(),
            self.stats.algorithm.name(),
            PyString::new(py, &preview).repr()?
        ))
    }

    /// The summary as plain data: `{"text", "sentences": [...], "stats"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text(py)?)?;
        let sentences = PyList::empty(py);
        for s in self.sentences.bind(py).iter() {
            sentences.append(s.cast::<PySummarySentence>()?.get().to_dict(py)?)?;
        }
        d.set_item("sentences", sentences)?;
        d.set_item("stats", self.stats(py)?)?;
        Ok(d)
    }

    /// The article as HTML with the selected sentences highlighted and
    /// numbered by rank (shown by Jupyter). Text is escaped; no scripts.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        py.import("nutgraf._html")?
            .call_method1("summary_html", (slf,))?
            .extract()
    }
}

/// A summary computed without the GIL: plain Rust data, offsets in characters.
struct Converted {
    sentences: Vec<(String, usize, usize, f64, usize, usize)>,
    stats: core::SummaryStats,
}

fn convert(text: &str, summary: core::Summary) -> Converted {
    let mut offsets = CharOffsets::new(text);
    let sentences = summary
        .sentences
        .into_iter()
        .map(|s| {
            let (start, end) = offsets.span(s.span.start, s.span.end);
            (s.text, start, end, s.score, s.rank, s.index)
        })
        .collect();
    Converted {
        sentences,
        stats: summary.stats,
    }
}

impl Converted {
    fn into_py(self, py: Python<'_>, source: Py<PyString>) -> PyResult<PySummary> {
        let items = self
            .sentences
            .into_iter()
            .map(|(text, start, end, score, rank, index)| {
                Py::new(
                    py,
                    PySummarySentence {
                        text: PyString::new(py, &text).unbind(),
                        start,
                        end,
                        score,
                        rank,
                        index,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PySummary {
            source,
            sentences: PyTuple::new(py, items)?.unbind(),
            stats: self.stats,
        })
    }
}

/// Summarizes one input with `engine`, the GIL released.
/// `title`, when given, replaces the engine's own title (the text is then
/// parsed here and handed over as a document).
fn summarize_one(
    py: Python<'_>,
    engine: &Summarizer,
    text: &Bound<'_, PyAny>,
    title: Option<String>,
) -> PyResult<PySummary> {
    let input = InputText::extract(text, "text", false)?;
    let owned = &input.text;
    let converted = py.detach(|| {
        let summary = match title {
            None => engine.summarize(owned),
            Some(title) => {
                let options = ParseOptions {
                    title: Some(title),
                    ..engine.config().parse_options()
                };
                engine.summarize_document(&parse(owned, &options))
            }
        };
        convert(owned, summary)
    });
    converted.into_py(py, input.py_text)
}

/// A reusable, immutable summarizer. Safe to share between threads; builds
/// its thread pool on first use in each process (so it also works in a
/// child made by `fork`).
#[pyclass(frozen, module = "nutgraf", name = "Summarizer")]
pub struct PySummarizer {
    config: SummarizerConfig,
    engines: EngineCache,
}

impl PySummarizer {
    /// The core summarizer for this process, with `threads` workers if given.
    fn engine(&self, threads: Option<usize>) -> PyResult<Summarizer> {
        let mut config = self.config.clone();
        if let Some(n) = threads {
            config.threads = Some(n);
        } else if config.threads.is_none() {
            config.threads = env_threads()?;
        }
        self.engines.get(&config).map_err(core_config_error)
    }
}

#[pymethods]
impl PySummarizer {
    #[new]
    #[pyo3(signature = (*, sentences=None, ratio=None, words=None, chars=None, algorithm=None,
        order=None, language=None, title=None, hints=None, hint_weight=None, redundancy=None,
        trigram_blocking=None, detect_structure=None, threads=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        sentences: Option<i64>,
        ratio: Option<f64>,
        words: Option<i64>,
        chars: Option<i64>,
        algorithm: Option<String>,
        order: Option<String>,
        language: Option<String>,
        title: Option<String>,
        hints: Option<Vec<String>>,
        hint_weight: Option<f64>,
        redundancy: Option<f64>,
        trigram_blocking: Option<bool>,
        detect_structure: Option<bool>,
        threads: Option<i64>,
    ) -> PyResult<Self> {
        let config = Options {
            sentences,
            ratio,
            words,
            chars,
            algorithm,
            order,
            language,
            title,
            hints,
            hint_weight,
            redundancy,
            trigram_blocking,
            detect_structure,
            threads,
        }
        .config()?;
        Ok(PySummarizer {
            config,
            engines: EngineCache::new(4),
        })
    }

    /// Summarizes one text.
    fn summarize(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PySummary> {
        let engine = self.engine(None)?;
        summarize_one(py, &engine, text, None)
    }

    /// Summarizes every text of an iterable (list, generator, pandas
    /// Series, ...) in parallel; one summary per text, in input order.
    /// `titles`, if given, holds one headline (or `None`) per text.
    #[pyo3(signature = (texts, *, titles=None, threads=None))]
    fn summarize_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        titles: Option<&Bound<'_, PyAny>>,
        threads: Option<i64>,
    ) -> PyResult<Vec<PySummary>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "'texts' must be an iterable of str, not a single str (use summarize())",
            ));
        }
        let threads = threads.map(threads_arg).transpose()?;
        let engine = self.engine(threads)?;
        let mut inputs: Vec<InputText> = Vec::new();
        for (k, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            if !item.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "texts[{k}] must be str, not {}",
                    item.get_type().name()?
                )));
            }
            inputs.push(InputText::extract(&item, "text", false)?);
        }
        let titles = titles.map(|t| titles_arg(t, inputs.len())).transpose()?;
        let strs: Vec<&PyBackedStr> = inputs.iter().map(|i| &i.text).collect();
        let converted: Vec<Converted> = py.detach(|| -> PyResult<Vec<Converted>> {
            let summaries = match &titles {
                None => engine.summarize_many(&strs),
                Some(titles) => {
                    let pairs: Vec<(&str, Option<&str>)> = strs
                        .iter()
                        .zip(titles)
                        .map(|(text, title)| (text.as_ref(), title.as_deref()))
                        .collect();
                    engine.summarize_many_titled(&pairs)
                }
            };
            Ok(strs
                .iter()
                .zip(summaries)
                .map(|(text, summary)| convert(text, summary))
                .collect())
        })?;
        converted
            .into_iter()
            .zip(inputs)
            .map(|(c, input)| c.into_py(py, input.py_text))
            .collect()
    }

    /// Pickling (a summarizer sent to `multiprocessing`, Dask or Spark
    /// workers): only the settings travel, as `Summarizer(**self.config)`;
    /// the receiving process builds its own thread pool on first use.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let rebuild = py.import("copyreg")?.getattr("__newobj_ex__")?;
        let args = (slf.get_type(), PyTuple::empty(py), slf.get().config(py)?).into_pyobject(py)?;
        Ok((rebuild, args))
    }

    /// The effective settings, defaults included, as a dict.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.config;
        let d = PyDict::new(py);
        d.set_item("algorithm", c.algorithm.name())?;
        let (kind, value): (&str, Py<PyAny>) = match c.budget {
            Budget::Sentences(n) => ("sentences", n.into_pyobject(py)?.into_any().unbind()),
            Budget::Ratio(r) => ("ratio", r.into_pyobject(py)?.into_any().unbind()),
            Budget::Words(n) => ("words", n.into_pyobject(py)?.into_any().unbind()),
            Budget::Chars(n) => ("chars", n.into_pyobject(py)?.into_any().unbind()),
        };
        d.set_item(kind, value)?;
        d.set_item("order", c.order.name())?;
        d.set_item("language", c.language.name())?;
        d.set_item("title", c.title.as_deref())?;
        d.set_item("hints", c.hints.clone())?;
        d.set_item("hint_weight", c.hint_weight)?;
        d.set_item("redundancy", c.redundancy)?;
        d.set_item("trigram_blocking", c.trigram_blocking)?;
        d.set_item("detect_structure", c.detect_structure)?;
        d.set_item("threads", c.threads)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        for (key, value) in self.config(py)?.iter() {
            if !value.is_none() {
                parts.push(format!("{}={}", key.str()?, value.repr()?));
            }
        }
        Ok(format!("Summarizer({})", parts.join(", ")))
    }
}

/// Summarizes one text (see `Summarizer` for the options).
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, ratio=None, words=None, chars=None, algorithm=None,
    order=None, language=None, title=None, hints=None, hint_weight=None, redundancy=None,
    trigram_blocking=None, detect_structure=None))]
#[allow(clippy::too_many_arguments)]
pub fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    chars: Option<i64>,
    algorithm: Option<String>,
    order: Option<String>,
    language: Option<String>,
    title: Option<String>,
    hints: Option<Vec<String>>,
    hint_weight: Option<f64>,
    redundancy: Option<f64>,
    trigram_blocking: Option<bool>,
    detect_structure: Option<bool>,
) -> PyResult<PySummary> {
    let mut config = Options {
        sentences,
        ratio,
        words,
        chars,
        algorithm,
        order,
        language,
        title,
        hints,
        hint_weight,
        redundancy,
        trigram_blocking,
        detect_structure,
        threads: None,
    }
    .config()?;
    config.threads = env_threads()?;
    // The title differs from one article to the next: keep it out of the
    // cache key, so a loop over articles reuses one summarizer.
    let title = config.title.take();
    let engine = SHARED.get(&config).map_err(core_config_error)?;
    summarize_one(py, &engine, text, title)
}

/// Rebuilds a pickled `Summary` (see `Summary.__reduce__`).
#[pyfunction]
pub fn _summary_from_state(
    source: Py<PyString>,
    sentences: Bound<'_, PyTuple>,
    stats: Bound<'_, PyDict>,
) -> PyResult<PySummary> {
    for item in sentences.iter() {
        item.cast::<PySummarySentence>()?;
    }
    let get = |key: &str| -> PyResult<Bound<'_, PyAny>> {
        stats
            .get_item(key)?
            .ok_or_else(|| PyTypeError::new_err(format!("summary state lacks {key:?}")))
    };
    let algorithm: String = get("algorithm")?.extract()?;
    Ok(PySummary {
        source,
        sentences: sentences.unbind(),
        stats: core::SummaryStats {
            sentence_count: get("sentence_count")?.extract()?,
            candidate_count: get("candidate_count")?.extract()?,
            word_count: get("word_count")?.extract()?,
            selected_words: get("selected_words")?.extract()?,
            selected_chars: get("selected_chars")?.extract()?,
            over_budget: get("over_budget")?.extract()?,
            algorithm: algorithm
                .parse::<Algorithm>()
                .map_err(|e| config_error("algorithm", e))?,
        },
    })
}
