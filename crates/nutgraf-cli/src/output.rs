//! Writing results: documents are rendered to strings in parallel by the
//! jobs; [`RenderedSink`] writes them in order and frames them for the
//! chosen format (a JSON array's brackets and commas, text headers).

use crate::batch::Sink;
use crate::input::{DocId, Failure};
use serde::Serialize;
use std::io::{self, Write};

/// How a stream of documents is framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Plain text; failures as `==> id <==` blocks.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array, one element per document.
    Json,
    /// Markdown sections.
    Markdown,
}

/// Writes pre-rendered documents.
pub struct RenderedSink {
    framing: Framing,
    written: u64,
}

impl RenderedSink {
    /// A sink for `framing`.
    pub fn new(framing: Framing) -> Self {
        RenderedSink {
            framing,
            written: 0,
        }
    }

    fn separate(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.framing == Framing::Json {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        self.written += 1;
        Ok(())
    }
}

impl Sink<String> for RenderedSink {
    fn write(&mut self, out: &mut dyn Write, rendered: &String) -> io::Result<()> {
        self.separate(out)?;
        out.write_all(rendered.as_bytes())
    }

    fn write_failure(&mut self, out: &mut dyn Write, failure: &Failure) -> io::Result<()> {
        self.separate(out)?;
        let id = failure_id(failure);
        match self.framing {
            Framing::Jsonl | Framing::Json => {
                let view = failure_json(failure);
                if self.framing == Framing::Jsonl {
                    writeln!(out, "{}", to_json(&view, false))
                } else {
                    write!(out, "{}", to_json(&view, true))
                }
            }
            Framing::Text => writeln!(out, "==> {id} <==\nerror: {}\n", failure.message),
            Framing::Markdown => writeln!(out, "## {id}\n\n> error: {}\n", failure.message),
        }
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.framing == Framing::Json {
            out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}

/// The JSON record of a failed document: its id (or `file:line` when it has
/// none), the error, and where it came from.
#[derive(Serialize)]
pub struct FailureView<'a> {
    id: DocId,
    error: &'a str,
    source: &'a str,
    line: Option<u64>,
}

/// The JSON view of a failure.
pub fn failure_json(failure: &Failure) -> FailureView<'_> {
    FailureView {
        id: failure_id(failure),
        error: &failure.message,
        source: &failure.origin.source,
        line: failure.origin.line,
    }
}

/// `text` on one line: the line breaks of a hard-wrapped sentence become
/// spaces, so line-oriented formats keep one sentence per line. (JSON keeps
/// the text verbatim; its offsets point into the input.)
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        text.replace("\r\n", " ").replace(['\n', '\r'], " ").into()
    } else {
        text.into()
    }
}

/// The id of a failed document, or `file:line` when it got no id.
fn failure_id(failure: &Failure) -> DocId {
    failure
        .id
        .clone()
        .unwrap_or_else(|| DocId::Text(failure.origin.to_string()))
}

/// Serializes to JSON, compact or pretty. Our views hold only strings,
/// numbers and maps with string keys, which cannot fail to serialize.
pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize: {err}\"}}"))
}

/// Converts increasing byte offsets of one text into character (Unicode
/// scalar value) offsets — what Python's `str` indexes by — without
/// rescanning from the start for each one.
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            char: 0,
        }
    }

    /// The character offset of byte offset `byte` (a char boundary, at most
    /// the text length). Cheap when called with increasing offsets.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        let byte = byte.min(self.text.len());
        self.char += self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_line_breaks() {
        assert_eq!(one_line("a and\nb.\r\nc\rd"), "a and b. c d");
        assert!(matches!(
            one_line("plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "Señor — café";
        let mut offsets = CharOffsets::new(text);
        assert_eq!(offsets.at(0), 0);
        assert_eq!(offsets.at(4), 3); // "Señ" is 4 bytes
        assert_eq!(offsets.at(text.len()), 12);
        assert_eq!(offsets.at(6), 5); // going back restarts
    }

    #[test]
    fn json_framing_makes_an_array() {
        let mut sink = RenderedSink::new(Framing::Json);
        let mut out = Vec::new();
        sink.write(&mut out, &"{\"a\":1}".to_string()).unwrap();
        sink.write(&mut out, &"{\"a\":2}".to_string()).unwrap();
        sink.finish(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[\n{\"a\":1},\n{\"a\":2}\n]\n"
        );
        let mut empty = Vec::new();
        RenderedSink::new(Framing::Json).finish(&mut empty).unwrap();
        assert_eq!(empty, b"[]\n");
    }
}
