//! `nutgraf.parse()` and the `Document` it returns: blocks with roles,
//! sentences and page metadata, every offset in characters.

use crate::errors::{config_error, ParseError};
use crate::offsets::CharOffsets;
use nutgraf::parse::{self as core, Language, ParseOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString, PyTuple};

/// Text handed in from Python: a `str` as is, or `bytes` that must be UTF-8.
pub struct InputText {
    /// The text, owned (readable without the GIL).
    pub text: PyBackedStr,
    /// The same text as a Python `str`, kept to hand back without a copy.
    pub py_text: Py<PyString>,
}

impl InputText {
    /// Extracts `obj`, which must be a `str` (or, when `allow_bytes`, UTF-8
    /// `bytes`); `arg` names the argument in error messages.
    pub fn extract(obj: &Bound<'_, PyAny>, arg: &str, allow_bytes: bool) -> PyResult<InputText> {
        let py = obj.py();
        let py_text = if let Ok(s) = obj.cast::<PyString>() {
            s.clone()
        } else if let (true, Ok(b)) = (allow_bytes, obj.cast::<PyBytes>()) {
            let bytes = b.as_bytes();
            match std::str::from_utf8(bytes) {
                Ok(s) => PyString::new(py, s),
                Err(e) => {
                    return Err(ParseError::new_err(format!(
                        "'{arg}' is not valid UTF-8: invalid byte at offset {}",
                        e.valid_up_to()
                    )))
                }
            }
        } else {
            let expected = if allow_bytes { "str or bytes" } else { "str" };
            return Err(PyTypeError::new_err(format!(
                "'{arg}' must be {expected}, not {}",
                obj.get_type().name()?
            )));
        };
        Ok(InputText {
            text: py_text.extract()?,
            py_text: py_text.unbind(),
        })
    }
}

/// Parses a language name or ISO 639-1 code; `None` keeps the default.
pub fn language_arg(name: Option<&str>, default: Language) -> PyResult<Language> {
    match name {
        None => Ok(default),
        Some(name) => name
            .parse::<Language>()
            .map_err(|e| config_error("language", e)),
    }
}

/// A block of the page: a paragraph, or the part of one that plays a single role.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Block")]
pub struct PyBlock {
    /// What the block is: "headline", "body", "caption", ...
    role: &'static str,
    /// The block's text.
    text: Py<PyString>,
    /// Character offset of the first character in the document text.
    start: usize,
    /// Character offset one past the last character.
    end: usize,
}

#[pymethods]
impl PyBlock {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Block(role='{}', start={}, end={}, text={})",
            self.role,
            self.start,
            self.end,
            self.text.bind(py).repr()?
        ))
    }
}

/// One sentence of the document.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Sentence")]
pub struct PySentence {
    /// The sentence's text.
    text: Py<PyString>,
    /// Character offset of the first character in the document text.
    start: usize,
    /// Character offset one past the last character.
    end: usize,
    /// Role of the block it belongs to.
    role: &'static str,
    /// Index of that block in `Document.blocks`.
    block: usize,
}

#[pymethods]
impl PySentence {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(role='{}', start={}, end={}, text={})",
            self.role,
            self.start,
            self.end,
            self.text.bind(py).repr()?
        ))
    }
}

/// "MOSCOW (Sputnik) —": the place and news agency that open a story.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Dateline")]
pub struct PyDateline {
    /// The place, as written.
    place: String,
    /// The news agency, if named.
    agency: Option<String>,
}

#[pymethods]
impl PyDateline {
    fn __repr__(&self) -> String {
        format!("Dateline(place={:?}, agency={:?})", self.place, self.agency)
    }
}

/// Metadata found on the page.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Metadata")]
pub struct PyMetadata {
    /// Publication date, ISO 8601 ("2017-02-12"), if found.
    date: Option<String>,
    /// The headline, or the `title` passed to `parse()`.
    title: Option<String>,
    /// The dateline, if found.
    dateline: Option<Py<PyDateline>>,
    /// Names from the byline.
    byline: Py<PyTuple>,
}

#[pymethods]
impl PyMetadata {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let dateline = match &self.dateline {
            Some(d) => d.bind(py).repr()?.to_string(),
            None => "None".to_string(),
        };
        Ok(format!(
            "Metadata(date={:?}, title={:?}, dateline={dateline}, byline={})",
            self.date,
            self.title,
            self.byline.bind(py).repr()?
        ))
    }
}

/// A parsed news text: its blocks (with roles), sentences and metadata.
/// Offsets are character offsets into `text`.
#[pyclass(frozen, get_all, module = "nutgraf", name = "Document")]
pub struct PyDocument {
    /// The text that was parsed.
    text: Py<PyString>,
    /// The language used for stemming and stop words.
    language: &'static str,
    /// Page metadata.
    metadata: Py<PyMetadata>,
    /// Blocks in text order.
    blocks: Py<PyTuple>,
    /// Sentences of every block, in text order.
    sentences: Py<PyTuple>,
}

#[pymethods]
impl PyDocument {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<nutgraf.Document language='{}' blocks={} sentences={}>",
            self.language,
            self.blocks.bind(py).len(),
            self.sentences.bind(py).len()
        ))
    }
}

impl PyDocument {
    /// Builds the Python view of `doc`, whose text is `py_text`.
    fn from_core(py: Python<'_>, doc: &core::Document, py_text: Py<PyString>) -> PyResult<Self> {
        let mut offsets = CharOffsets::new(&doc.text);
        let mut blocks = Vec::with_capacity(doc.blocks.len());
        for block in &doc.blocks {
            let (start, end) = offsets.span(block.span.start, block.span.end);
            blocks.push(PyBlock {
                role: block.role.as_str(),
                text: PyString::new(py, doc.slice(block.span)).unbind(),
                start,
                end,
            });
        }
        let mut offsets = CharOffsets::new(&doc.text);
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let (start, end) = offsets.span(sentence.span.start, sentence.span.end);
            sentences.push(PySentence {
                text: PyString::new(py, doc.slice(sentence.span)).unbind(),
                start,
                end,
                role: sentence.role.as_str(),
                block: sentence.block,
            });
        }
        let meta = &doc.metadata;
        let dateline = match &meta.dateline {
            Some(d) => Some(Py::new(
                py,
                PyDateline {
                    place: d.place.clone(),
                    agency: d.agency.clone(),
                },
            )?),
            None => None,
        };
        let metadata = PyMetadata {
            date: meta.date.clone(),
            title: meta.title.clone(),
            dateline,
            byline: PyTuple::new(py, &meta.byline)?.unbind(),
        };
        Ok(PyDocument {
            text: py_text,
            language: doc.language.name(),
            metadata: Py::new(py, metadata)?,
            blocks: tuple_of(py, blocks)?,
            sentences: tuple_of(py, sentences)?,
        })
    }
}

/// A tuple of new Python objects of a pyclass.
fn tuple_of<T: pyo3::PyClass + Into<PyClassInitializer<T>>>(
    py: Python<'_>,
    items: Vec<T>,
) -> PyResult<Py<PyTuple>> {
    let objects = items
        .into_iter()
        .map(|item| Py::new(py, item))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyTuple::new(py, objects)?.unbind())
}

/// Parses a news text into blocks (with roles), sentences and metadata.
#[pyfunction]
#[pyo3(signature = (text, *, language=None, title=None))]
pub fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    language: Option<String>,
    title: Option<String>,
) -> PyResult<PyDocument> {
    let input = InputText::extract(text, "text", true)?;
    let defaults = ParseOptions::default();
    let options = ParseOptions {
        language: language_arg(language.as_deref(), defaults.language)?,
        title: title.or(defaults.title),
        ..defaults
    };
    let owned = &input.text;
    let doc = py.detach(|| core::parse(owned, &options));
    PyDocument::from_core(py, &doc, input.py_text)
}
