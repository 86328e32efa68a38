//! Reading documents: text files, directories, JSONL corpora (plain or
//! gzip-compressed) and standard input.
//!
//! Everything streams. A JSONL corpus is read one line at a time and a
//! directory is walked lazily (entries sorted by name, so the order is the
//! same on every machine); memory is bounded by the batch the caller holds,
//! never by the size of the corpus.
//!
//! Problems with one document (a malformed line, invalid UTF-8, an
//! unreadable file) are not fatal: they come out of [`Reader`] as a
//! [`Failure`] that names the file, line and document id, and reading goes
//! on with the next document.
//!
//! Sharding (`--shard I/N`) needs the number of documents before the first
//! one is processed: [`Reader::count`] makes a cheap first pass over the
//! inputs that yields the same items without decoding them (JSONL lines are
//! counted, not parsed; text files are not read), and [`Reader::restrict`]
//! then keeps a contiguous range of them. Stdin cannot be read twice, so it
//! cannot be sharded.

use flate2::bufread::MultiGzDecoder;
use globset::GlobSet;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How to read an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// JSONL for `.jsonl`/`.ndjson` files (optionally `.gz`), text otherwise;
    /// on stdin, JSONL when the first non-blank byte is `{`.
    Auto,
    /// Each file (or stdin) is one document.
    Text,
    /// One JSON object per line, one document per object.
    Jsonl,
}

/// Where a document came from, for messages: `file` or `file:line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file as named on the command line (or `<stdin>`).
    pub source: Arc<str>,
    /// 1-based line number inside a JSONL file.
    pub line: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.source),
            None => f.write_str(&self.source),
        }
    }
}

/// A document's id as the input gave it: a JSON string or number (written
/// back unchanged, so `{"id": 12}` comes out as `12`, not `"12"`), or the
/// name of a text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocId {
    /// A JSON string id, or a file name.
    Text(String),
    /// A JSON number id, kept as written.
    Number(serde_json::Number),
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocId::Text(s) => f.write_str(s),
            DocId::Number(n) => write!(f, "{n}"),
        }
    }
}

impl serde::Serialize for DocId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            DocId::Text(s) => serializer.serialize_str(s),
            DocId::Number(n) => n.serialize(serializer),
        }
    }
}

/// A document that could not be read or processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Where it came from.
    pub origin: Origin,
    /// Its id, when it got far enough to have one.
    pub id: Option<DocId>,
    /// What went wrong (with its causes).
    pub message: String,
}

impl Failure {
    /// A failure of the document `record` (keeps its origin and id).
    pub fn of(record_origin: &Origin, id: &DocId, message: impl Into<String>) -> Self {
        Failure {
            origin: record_origin.clone(),
            id: Some(id.clone()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        match &self.id {
            Some(DocId::Text(id)) => write!(f, " (id {id:?})")?,
            Some(DocId::Number(id)) => write!(f, " (id {id})")?,
            None => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// The content of one document as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A whole text file (or stdin) is the document.
    Text(String),
    /// One JSONL object; the caller picks its fields.
    Json(Map<String, Value>),
}

/// One document as read, before any processing.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Where it came from.
    pub origin: Origin,
    /// Its id: the `--id-field` value, or the path of a text file.
    pub id: DocId,
    /// Its content.
    pub body: Body,
}

impl Record {
    /// Takes the document text: the whole file for a text input, the string
    /// field `field` for a JSONL record.
    pub fn take_text(&mut self, field: &str) -> Result<String, Failure> {
        match &mut self.body {
            Body::Text(text) => Ok(std::mem::take(text)),
            Body::Json(map) => match map.remove(field) {
                Some(Value::String(s)) => Ok(s),
                Some(other) => Err(self.fail(format!(
                    "field {field:?} is {}, expected a string",
                    json_type(&other)
                ))),
                None => Err(self.fail(format!("missing field {field:?}"))),
            },
        }
    }

    /// Takes an optional string field of a JSONL record (`None` for text
    /// inputs, absent fields and `null`).
    pub fn take_optional_string(&mut self, field: &str) -> Result<Option<String>, Failure> {
        match &mut self.body {
            Body::Text(_) => Ok(None),
            Body::Json(map) => match map.remove(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(other) => Err(self.fail(format!(
                    "field {field:?} is {}, expected a string",
                    json_type(&other)
                ))),
            },
        }
    }

    /// Takes a field holding sentences: a list of strings, or one string
    /// with a sentence per line (blank lines ignored).
    pub fn take_sentences(&mut self, field: &str) -> Result<Vec<String>, Failure> {
        let value = match &mut self.body {
            Body::Text(text) => Value::String(std::mem::take(text)),
            Body::Json(map) => match map.remove(field) {
                Some(value) => value,
                None => return Err(self.fail(format!("missing field {field:?}"))),
            },
        };
        match value {
            Value::String(s) => Ok(s
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()),
            Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s),
                    other => Err(self.fail(format!(
                        "field {field:?} holds {}, expected strings",
                        json_type(&other)
                    ))),
                })
                .collect(),
            other => Err(self.fail(format!(
                "field {field:?} is {}, expected a string or a list of strings",
                json_type(&other)
            ))),
        }
    }

    /// A failure of this record.
    pub fn fail(&self, message: impl Into<String>) -> Failure {
        Failure::of(&self.origin, &self.id, message)
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Which JSONL field holds the document id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdField {
    /// The field name.
    pub name: String,
    /// When true a record without it is a failure; when false its id falls
    /// back to `file:line`.
    pub required: bool,
}

/// How to read the inputs.
#[derive(Clone, Debug)]
pub struct ReaderOptions {
    /// Text, JSONL, or decide per file.
    pub format: InputFormat,
    /// Only files whose path (relative to the directory given) matches are
    /// read from directories; `None` reads every non-hidden file.
    pub globs: Option<GlobSet>,
    /// The id field of JSONL records.
    pub id_field: IdField,
}

/// A named input: a path, or `-` for standard input (opened early when its
/// format must be sniffed).
enum Input {
    Stdin,
    OpenedStdin(Box<dyn BufRead + Send>, bool),
    Unreadable(Failure),
    Path(PathBuf),
}

/// Reads documents from every input in turn; an iterator of records and
/// failures, in input order.
pub struct Reader {
    options: ReaderOptions,
    pending: VecDeque<Input>,
    walk: Option<Walk>,
    lines: Option<Lines>,
    bytes_read: Arc<AtomicU64>,
    total_bytes: Option<u64>,
    may_yield_many: bool,
    /// Counting pass: yield placeholders instead of decoding documents.
    count_only: bool,
    /// Items (documents and failures) taken from the inputs so far.
    position: u64,
    /// Only the items with positions in `range` are yielded.
    range: Option<std::ops::Range<u64>>,
}

/// A directory being walked.
struct Walk {
    root: PathBuf,
    iter: walkdir::IntoIter,
}

/// A JSONL stream being read line by line.
struct Lines {
    source: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    finished: bool,
}

impl Reader {
    /// A reader over `inputs` (paths; `-` or an empty list means stdin).
    pub fn new(inputs: &[PathBuf], options: ReaderOptions) -> Self {
        let mut pending: VecDeque<Input> = if inputs.is_empty() {
            VecDeque::from([Input::Stdin])
        } else {
            inputs
                .iter()
                .map(|p| {
                    if p.as_os_str() == "-" {
                        Input::Stdin
                    } else {
                        Input::Path(p.clone())
                    }
                })
                .collect()
        };
        // The total size is known (for a progress bar with an ETA) only when
        // every input is a plain file.
        let mut total = Some(0u64);
        for input in &pending {
            total = match (total, input) {
                (Some(sum), Input::Path(p)) => match std::fs::metadata(p) {
                    Ok(m) if m.is_file() => Some(sum + m.len()),
                    _ => None,
                },
                _ => None,
            };
        }
        let bytes_read = Arc::new(AtomicU64::new(0));
        // Stdin in `auto` format is opened now: whether it is one text or a
        // JSONL corpus decides how the output is framed.
        if options.format == InputFormat::Auto {
            for input in pending.iter_mut() {
                if let Input::Stdin = input {
                    let raw = CountingReader {
                        inner: io::stdin(),
                        count: Arc::clone(&bytes_read),
                    };
                    *input = match open_stream(Box::new(raw)).and_then(|mut reader| {
                        let jsonl = sniff_jsonl(&mut reader)?;
                        Ok((reader, jsonl))
                    }) {
                        Ok((reader, jsonl)) => Input::OpenedStdin(reader, jsonl),
                        Err(err) => Input::Unreadable(unreadable(Arc::from(STDIN), &err)),
                    };
                }
            }
        }
        let may_yield_many = pending.len() > 1
            || pending.iter().any(|input| match input {
                Input::Stdin => options.format == InputFormat::Jsonl,
                Input::OpenedStdin(_, jsonl) => *jsonl,
                Input::Unreadable(_) => false,
                Input::Path(p) => p.is_dir() || is_jsonl(p, options.format),
            });
        Reader {
            options,
            pending,
            walk: None,
            lines: None,
            bytes_read,
            total_bytes: total,
            may_yield_many,
            count_only: false,
            position: 0,
            range: None,
        }
    }

    /// The number of items (documents and failures) the inputs hold: the
    /// length of this reader as an iterator, found without decoding JSON or
    /// reading text files. Consumes the reader; open a new one to read.
    pub fn count(mut self) -> u64 {
        self.count_only = true;
        let mut n = 0;
        while self.next_item().is_some() {
            n += 1;
        }
        n
    }

    /// Yields only the items at positions `range` (0-based, in input order,
    /// failures included); those before it are skipped without decoding.
    pub fn restrict(&mut self, range: std::ops::Range<u64>) {
        self.range = Some(range);
    }

    /// True unless the inputs are a single text document (then output needs
    /// no per-document headers). Stdin in `auto` format counts as one
    /// document.
    pub fn may_yield_many(&self) -> bool {
        self.may_yield_many
    }

    /// Bytes read so far from the input files (compressed bytes for `.gz`).
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// Total size of the inputs when all are plain files.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn open_input(&mut self, input: Input) -> Option<Result<Record, Failure>> {
        match input {
            Input::Stdin => {
                let raw = CountingReader {
                    inner: io::stdin(),
                    count: Arc::clone(&self.bytes_read),
                };
                let jsonl = self.options.format == InputFormat::Jsonl;
                self.read_stream(Arc::from(STDIN), "-".to_string(), Box::new(raw), jsonl)
            }
            Input::OpenedStdin(reader, jsonl) => {
                Some(self.read_opened(Arc::from(STDIN), "-".to_string(), reader, jsonl)?)
            }
            Input::Unreadable(failure) => Some(Err(failure)),
            Input::Path(path) => {
                let source: Arc<str> = Arc::from(path.display().to_string());
                match std::fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => {
                        let iter = walkdir::WalkDir::new(&path)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter();
                        self.walk = Some(Walk { root: path, iter });
                        None
                    }
                    Ok(_) => self.open_file(&path, source),
                    Err(err) => Some(Err(unreadable(source, &err))),
                }
            }
        }
    }

    fn open_file(&mut self, path: &Path, source: Arc<str>) -> Option<Result<Record, Failure>> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(err) => return Some(Err(unreadable(source, &err))),
        };
        let reader = CountingReader {
            inner: file,
            count: Arc::clone(&self.bytes_read),
        };
        let jsonl = is_jsonl(path, self.options.format);
        let id = source.to_string();
        self.read_stream(source, id, Box::new(reader), jsonl)
    }

    /// Reads a byte stream (gzip undone) as JSONL lines or as one text.
    fn read_stream(
        &mut self,
        source: Arc<str>,
        text_id: String,
        raw: Box<dyn Read + Send>,
        jsonl: bool,
    ) -> Option<Result<Record, Failure>> {
        match open_stream(raw) {
            Ok(reader) => self.read_opened(source, text_id, reader, jsonl),
            Err(err) => Some(Err(unreadable(source, &err))),
        }
    }

    /// Starts reading JSONL lines (returns `None`), or reads the whole
    /// stream as one text document.
    fn read_opened(
        &mut self,
        source: Arc<str>,
        text_id: String,
        mut reader: Box<dyn BufRead + Send>,
        jsonl: bool,
    ) -> Option<Result<Record, Failure>> {
        if jsonl {
            self.lines = Some(Lines {
                source,
                reader,
                line: 0,
                buf: Vec::new(),
                finished: false,
            });
            return None;
        }
        let mut bytes = Vec::new();
        if self.count_only {
            // One item whatever the content: no need to read it.
            return Some(Ok(placeholder(Origin { source, line: None })));
        }
        if let Err(err) = reader.read_to_end(&mut bytes) {
            return Some(Err(unreadable(source, &err)));
        }
        let origin = Origin { source, line: None };
        Some(match String::from_utf8(bytes) {
            Ok(text) => Ok(Record {
                origin,
                id: DocId::Text(text_id),
                body: Body::Text(text),
            }),
            Err(err) => Err(Failure {
                origin,
                id: Some(DocId::Text(text_id)),
                message: format!(
                    "invalid UTF-8 at byte offset {}",
                    err.utf8_error().valid_up_to()
                ),
            }),
        })
    }

    /// The next file of the directory being walked.
    fn next_walked(&mut self) -> Option<Result<(PathBuf, Arc<str>), Failure>> {
        let walk = self.walk.as_mut()?;
        loop {
            let entry = match walk.iter.next()? {
                Ok(entry) => entry,
                Err(err) => {
                    let source = err
                        .path()
                        .unwrap_or(&walk.root)
                        .display()
                        .to_string()
                        .into();
                    return Some(Err(Failure {
                        origin: Origin { source, line: None },
                        id: None,
                        message: error_chain(&err),
                    }));
                }
            };
            let relative = entry
                .path()
                .strip_prefix(&walk.root)
                .unwrap_or(entry.path());
            let hidden = relative
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            if hidden {
                if entry.file_type().is_dir() {
                    walk.iter.skip_current_dir();
                }
                continue;
            }
            if entry.file_type().is_dir() {
                continue;
            }
            if let Some(globs) = &self.options.globs {
                if !globs.is_match(relative) {
                    continue;
                }
            }
            let source: Arc<str> = entry.path().display().to_string().into();
            return Some(Ok((entry.into_path(), source)));
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Record, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        let Some(range) = self.range.clone() else {
            return self.next_item();
        };
        while self.position < range.start {
            self.count_only = true;
            let skipped = self.next_item().map(drop);
            self.count_only = false;
            // `None`: the inputs ended before the range began.
            skipped?;
            self.position += 1;
        }
        if self.position >= range.end {
            return None;
        }
        let item = self.next_item()?;
        self.position += 1;
        Some(item)
    }
}

impl Reader {
    /// The next item of the inputs, ignoring any range.
    fn next_item(&mut self) -> Option<Result<Record, Failure>> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next_record(&self.options.id_field, self.count_only) {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            if self.walk.is_some() {
                match self.next_walked() {
                    Some(Ok((path, source))) => {
                        if let Some(item) = self.open_file(&path, source) {
                            return Some(item);
                        }
                    }
                    Some(Err(failure)) => return Some(Err(failure)),
                    None => self.walk = None,
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            if let Some(item) = self.open_input(input) {
                return Some(item);
            }
        }
    }
}

impl Lines {
    fn next_record(
        &mut self,
        id_field: &IdField,
        count_only: bool,
    ) -> Option<Result<Record, Failure>> {
        while !self.finished {
            self.buf.clear();
            let origin = Origin {
                source: Arc::clone(&self.source),
                line: Some(self.line + 1),
            };
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.finished = true,
                Ok(_) => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    if count_only {
                        return Some(Ok(placeholder(origin)));
                    }
                    return Some(decode_line(&self.buf, origin, id_field));
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => {
                    // A read error (say, a truncated .gz) ends this file.
                    self.finished = true;
                    return Some(Err(Failure {
                        origin,
                        id: None,
                        message: format!("read error: {}", error_chain(&err)),
                    }));
                }
            }
        }
        None
    }
}

/// Turns one JSONL line into a record.
fn decode_line(bytes: &[u8], origin: Origin, id_field: &IdField) -> Result<Record, Failure> {
    let fail = |message: String| Failure {
        origin: origin.clone(),
        id: None,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "invalid UTF-8 at byte offset {} of the line",
            e.valid_up_to()
        ))
    })?;
    let mut map = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            return Err(fail(format!(
                "expected a JSON object, found {}",
                json_type(&other)
            )))
        }
        Err(err) => return Err(fail(format!("malformed JSON: {err}"))),
    };
    let id = match map.remove(&id_field.name) {
        Some(Value::String(s)) => DocId::Text(s),
        Some(Value::Number(n)) => DocId::Number(n),
        None | Some(Value::Null) if !id_field.required => DocId::Text(origin.to_string()),
        None | Some(Value::Null) => {
            return Err(fail(format!("missing id field {:?}", id_field.name)))
        }
        Some(other) => {
            return Err(fail(format!(
                "id field {:?} is {}, expected a string or a number",
                id_field.name,
                json_type(&other)
            )))
        }
    };
    Ok(Record {
        origin,
        id,
        body: Body::Json(map),
    })
}

/// The stand-in for a document during a counting pass.
fn placeholder(origin: Origin) -> Record {
    Record {
        origin,
        id: DocId::Text(String::new()),
        body: Body::Text(String::new()),
    }
}

/// How stdin is named in messages.
const STDIN: &str = "<stdin>";

/// Buffers a byte stream, undoing gzip when it starts with gzip's magic bytes.
fn open_stream(raw: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    if reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(reader),
        )));
    }
    Ok(Box::new(reader))
}

/// JSONL when the first non-blank byte of the buffered start is `{`.
fn sniff_jsonl(reader: &mut Box<dyn BufRead + Send>) -> io::Result<bool> {
    let head = reader.fill_buf()?;
    Ok(head
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{'))
}

fn is_jsonl(path: &Path, format: InputFormat) -> bool {
    match format {
        InputFormat::Text => false,
        InputFormat::Jsonl => true,
        InputFormat::Auto => {
            let name = path.to_string_lossy().to_ascii_lowercase();
            let name = name.strip_suffix(".gz").unwrap_or(&name);
            name.ends_with(".jsonl") || name.ends_with(".ndjson")
        }
    }
}

fn unreadable(source: Arc<str>, err: &dyn std::error::Error) -> Failure {
    Failure {
        origin: Origin { source, line: None },
        id: None,
        message: format!("cannot read: {}", error_chain(err)),
    }
}

/// An error and its causes, joined with `: ` (deduplicating a cause whose
/// text the error already shows).
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
}

/// Counts the bytes that pass through, for the progress bar.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_field(required: bool) -> IdField {
        IdField {
            name: "id".into(),
            required,
        }
    }

    fn origin() -> Origin {
        Origin {
            source: "c.jsonl".into(),
            line: Some(7),
        }
    }

    #[test]
    fn decodes_ids_of_every_kind() {
        let rec = decode_line(br#"{"id": 12, "text": "x"}"#, origin(), &id_field(true)).unwrap();
        assert_eq!(rec.id.to_string(), "12");
        assert_eq!(serde_json::to_string(&rec.id).unwrap(), "12");
        let rec = decode_line(br#"{"text": "x"}"#, origin(), &id_field(false)).unwrap();
        assert_eq!(rec.id, DocId::Text("c.jsonl:7".into()));
        let err = decode_line(br#"{"text": "x"}"#, origin(), &id_field(true)).unwrap_err();
        assert_eq!(err.to_string(), r#"c.jsonl:7: missing id field "id""#);
    }

    #[test]
    fn bad_lines_are_failures() {
        let err = decode_line(b"[1, 2]", origin(), &id_field(false)).unwrap_err();
        assert!(err.message.contains("expected a JSON object, found a list"));
        let err = decode_line(b"{\"id\": \"\xff\"}", origin(), &id_field(false)).unwrap_err();
        assert_eq!(err.message, "invalid UTF-8 at byte offset 8 of the line");
        let err = decode_line(b"{\"id\": ", origin(), &id_field(false)).unwrap_err();
        assert!(err.message.starts_with("malformed JSON"), "{}", err.message);
    }

    #[test]
    fn sentences_from_a_string_or_a_list() {
        let mut rec = decode_line(
            br#"{"id": "a", "s": "One.\n\n Two. \n", "l": ["A.", "B."], "n": 3}"#,
            origin(),
            &id_field(true),
        )
        .unwrap();
        assert_eq!(rec.take_sentences("s").unwrap(), ["One.", "Two."]);
        assert_eq!(rec.take_sentences("l").unwrap(), ["A.", "B."]);
        let err = rec.take_sentences("n").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"c.jsonl:7 (id "a"): field "n" is a number, expected a string or a list of strings"#
        );
        let err = rec.take_text("missing").unwrap_err();
        assert_eq!(err.message, r#"missing field "missing""#);
    }

    #[test]
    fn jsonl_is_decided_by_extension() {
        assert!(is_jsonl(Path::new("a/b.JSONL.gz"), InputFormat::Auto));
        assert!(is_jsonl(Path::new("b.ndjson"), InputFormat::Auto));
        assert!(!is_jsonl(Path::new("b.txt.gz"), InputFormat::Auto));
        assert!(is_jsonl(Path::new("b.txt"), InputFormat::Jsonl));
    }
}
