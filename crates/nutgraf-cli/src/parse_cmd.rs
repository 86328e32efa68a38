//! `nutgraf parse`: how nutgraf reads a document — metadata, blocks with
//! their roles, numbered sentences. It shows why a caption or a credit line
//! never reaches a summary: its block's role is not `body`.

use crate::args::ParseFormat;
use crate::batch::Job;
use crate::input::{DocId, Failure, Record};
use crate::output::{one_line, to_json, CharOffsets};
use nutgraf::parse::{parse, Document, Language, Metadata, ParseOptions, Role};
use rayon::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;

/// The validated settings of `nutgraf parse`.
pub struct ParseJob {
    /// Output format.
    pub format: ParseFormat,
    /// Parser options (the title is set per document).
    pub options: ParseOptions,
    /// JSONL field of the text.
    pub text_field: String,
    /// JSONL field of the headline.
    pub title_field: Option<String>,
    /// Print a header per document (several documents in the output).
    pub headers: bool,
}

/// One document to parse.
pub struct ParseItem {
    id: DocId,
    text: String,
    title: Option<String>,
}

impl Job for ParseJob {
    type Item = ParseItem;
    type Output = String;
    const DONE: &'static str = "parsed";

    fn prepare(&self, mut record: Record) -> Result<ParseItem, Failure> {
        let text = record.take_text(&self.text_field)?;
        let title = match &self.title_field {
            Some(field) => record.take_optional_string(field)?,
            None => None,
        };
        Ok(ParseItem {
            id: record.id,
            text,
            title,
        })
    }

    fn process(&self, items: Vec<ParseItem>) -> Vec<Result<String, Failure>> {
        items
            .into_par_iter()
            .map(|item| {
                let mut options = self.options.clone();
                if item.title.is_some() {
                    options.title = item.title;
                }
                let doc = parse(&item.text, &options);
                Ok(match self.format {
                    ParseFormat::Text => render_text(&item.id, &doc, self.headers),
                    ParseFormat::Jsonl => to_json(&document_json(&item.id, &doc), false) + "\n",
                    ParseFormat::Json => to_json(&document_json(&item.id, &doc), true),
                })
            })
            .collect()
    }
}

/// The human-readable view: metadata, then each block's role and its
/// numbered sentences. Blocks that a summary may not quote say so.
pub fn render_text(id: &DocId, doc: &Document, header: bool) -> String {
    let mut out = String::new();
    if header {
        let _ = writeln!(out, "==> {id} <==");
    }
    let selectable = doc.selectable_sentences().count();
    let _ = writeln!(
        out,
        "language: {}\nblocks: {}, sentences: {} ({selectable} may be quoted, marked *)",
        doc.language,
        doc.blocks.len(),
        doc.sentences.len()
    );
    let meta = &doc.metadata;
    if let Some(title) = &meta.title {
        let _ = writeln!(out, "title: {title}");
    }
    if let Some(date) = &meta.date {
        let _ = writeln!(out, "date: {date}");
    }
    if let Some(dateline) = &meta.dateline {
        let _ = match &dateline.agency {
            Some(agency) => writeln!(out, "dateline: {} ({agency})", dateline.place),
            None => writeln!(out, "dateline: {}", dateline.place),
        };
    }
    if !meta.byline.is_empty() {
        let _ = writeln!(out, "byline: {}", meta.byline.join(", "));
    }
    // One line per sentence: number, `*` when a summary may quote it, the
    // role of its block, its text; a blank line between blocks.
    let width = doc.sentences.len().saturating_sub(1).to_string().len();
    for block in &doc.blocks {
        out.push('\n');
        let mark = if block.role.is_selectable() { '*' } else { ' ' };
        let role = block.role.as_str();
        for i in block.sentences.clone() {
            let text = one_line(doc.sentence_text(i));
            let _ = writeln!(out, "{i:>width$}{mark} {role:<11} {text}");
        }
        if block.sentences.is_empty() {
            let _ = writeln!(
                out,
                "{:>width$}{mark} {role:<11} {}",
                "-",
                one_line(doc.slice(block.span))
            );
        }
    }
    if header {
        out.push('\n');
    }
    out
}

/// The JSON view of a document.
#[derive(Serialize)]
pub struct DocumentView<'a> {
    id: &'a DocId,
    language: Language,
    metadata: &'a Metadata,
    blocks: Vec<BlockView<'a>>,
    sentences: Vec<SentenceView<'a>>,
}

/// A block with its byte and character spans (half-open `[start, end]`).
#[derive(Serialize)]
struct BlockView<'a> {
    role: Role,
    bytes: [usize; 2],
    chars: [usize; 2],
    /// Indices into the document's sentences.
    sentences: Vec<usize>,
    text: &'a str,
}

/// A sentence with its spans; `selectable` tells whether a summary may quote it.
#[derive(Serialize)]
struct SentenceView<'a> {
    index: usize,
    block: usize,
    role: Role,
    selectable: bool,
    bytes: [usize; 2],
    chars: [usize; 2],
    text: &'a str,
}

/// The JSON view, with byte and character spans.
pub fn document_json<'a>(id: &'a DocId, doc: &'a Document) -> DocumentView<'a> {
    let mut chars = CharOffsets::new(&doc.text);
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    for block in &doc.blocks {
        // Offsets are converted in increasing order (block start, its
        // sentences, block end) so the converter never rescans.
        let block_start = chars.at(block.span.start);
        for i in block.sentences.clone() {
            let sentence = &doc.sentences[i];
            sentences.push(SentenceView {
                index: i,
                block: sentence.block,
                role: sentence.role,
                selectable: sentence.role.is_selectable(),
                bytes: [sentence.span.start, sentence.span.end],
                chars: [chars.at(sentence.span.start), chars.at(sentence.span.end)],
                text: doc.sentence_text(i),
            });
        }
        blocks.push(BlockView {
            role: block.role,
            bytes: [block.span.start, block.span.end],
            chars: [block_start, chars.at(block.span.end)],
            sentences: block.sentences.clone().collect(),
            text: doc.slice(block.span),
        });
    }
    DocumentView {
        id,
        language: doc.language,
        metadata: &doc.metadata,
        blocks,
        sentences,
    }
}
