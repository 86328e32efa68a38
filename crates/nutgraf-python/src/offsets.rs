//! Byte offsets (Rust spans) to character offsets (Python string indices).
//!
//! Every span in the core is a byte range into UTF-8 text; Python indexes
//! strings by code point. The conversion happens once, here, at the binding
//! boundary. A Rust `char` is a code point, so counting UTF-8 lead bytes
//! counts exactly the characters Python sees.

/// Converts byte offsets of one text into character offsets.
///
/// Offsets are usually asked for in increasing order (spans in text order),
/// so the converter keeps a cursor and only counts the bytes between the
/// previous offset and the next one; an earlier offset restarts the count
/// from the beginning. ASCII text needs no counting at all.
pub struct CharOffsets<'t> {
    bytes: &'t [u8],
    ascii: bool,
    cursor_byte: usize,
    cursor_char: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            cursor_byte: 0,
            cursor_char: 0,
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    /// For an offset inside a multi-byte character this is the index of
    /// the character after it; spans from the parser never do that.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        if byte < self.cursor_byte {
            self.cursor_byte = 0;
            self.cursor_char = 0;
        }
        self.cursor_char += count_chars(&self.bytes[self.cursor_byte..byte]);
        self.cursor_byte = byte;
        self.cursor_char
    }

    /// `(start, end)` in characters for a byte span.
    pub fn span(&mut self, start: usize, end: usize) -> (usize, usize) {
        let start = self.char_offset(start);
        (start, self.char_offset(end))
    }
}

/// Number of characters that start in `bytes` (UTF-8 bytes that are not
/// continuation bytes `0b10xx_xxxx`).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "Café 東京 😀 naïve.";
        let mut conv = CharOffsets::new(text);
        for (char_index, (byte_index, _)) in text.char_indices().enumerate() {
            assert_eq!(conv.char_offset(byte_index), char_index);
        }
        assert_eq!(conv.char_offset(text.len()), text.chars().count());
        // Going backwards restarts the count.
        assert_eq!(conv.char_offset(6), 5);
        assert_eq!(conv.span(0, 5), (0, 4));
    }

    #[test]
    fn ascii_is_identity_and_out_of_range_is_clamped() {
        let mut conv = CharOffsets::new("plain");
        assert_eq!(conv.span(1, 3), (1, 3));
        assert_eq!(conv.char_offset(99), 5);
        let mut conv = CharOffsets::new("é");
        assert_eq!(conv.char_offset(99), 1);
    }
}
