//! News-page structure: blocks and their roles, and page metadata.
//! (Baseline: every non-empty line is a body block.)

use crate::sentences::trim_span;
use crate::{Metadata, Role, Span};

/// A block found in the text, before sentence splitting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    /// Bytes of the block, trimmed.
    pub span: Span,
    /// Its role.
    pub role: Role,
}

/// Finds the blocks of `text` and the page metadata.
pub fn detect_structure(text: &str) -> (Vec<RawBlock>, Metadata) {
    (plain_blocks(text), Metadata::default())
}

/// Every non-empty line as a body block.
pub fn plain_blocks(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(span) = trim_span(line, offset) {
            blocks.push(RawBlock {
                span,
                role: Role::Body,
            });
        }
        offset += line.len();
    }
    blocks
}
