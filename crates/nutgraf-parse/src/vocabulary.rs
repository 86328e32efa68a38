//! The words and stems of a document, each list stored as one string.
//!
//! A news article has a few hundred distinct words; holding each as its own
//! `String` cost two allocations per word (word and stem) and as many frees
//! when the document is dropped, about a fifth of the parse time. A
//! [`StringList`] keeps its strings end to end in one buffer with their end
//! offsets beside it, so a whole vocabulary is four allocations. It reads like
//! a `Vec<String>`: `len`, `list[i]` (a `&str`), `get`, `iter`, and it
//! serializes as a plain list of strings.

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Index, Range};

/// The distinct lowercased words and stems of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// Lowercased words, indexed by [`Token::word`](crate::Token::word).
    pub words: StringList,
    /// Snowball stems, indexed by [`Token::stem`](crate::Token::stem).
    pub stems: StringList,
}

/// A list of strings held end to end in one buffer (see the module doc).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct StringList {
    /// Every string, one after the other.
    text: String,
    /// Where each string ends in `text` (it starts where the previous ends).
    ends: Vec<usize>,
}

impl StringList {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty list with room for `strings` strings of `bytes` bytes in all.
    pub fn with_capacity(strings: usize, bytes: usize) -> Self {
        StringList {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
        }
    }

    /// Makes room for `strings` more strings of `bytes` more bytes in all.
    pub fn reserve(&mut self, strings: usize, bytes: usize) {
        self.text.reserve(bytes);
        self.ends.reserve(strings);
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the list holds no string.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Total bytes of all strings.
    pub fn total_bytes(&self) -> usize {
        self.text.len()
    }

    /// Appends a string.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// Appends a string, ASCII-lowercased when `fold` is set.
    #[inline]
    pub(crate) fn push_folded(&mut self, s: &str, fold: bool) {
        let start = self.text.len();
        self.text.push_str(s);
        if fold {
            self.text[start..].make_ascii_lowercase();
        }
        self.ends.push(self.text.len());
    }

    /// String `i`, or `None` past the end.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.text.get(self.range(i)?)
    }

    /// The strings in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            list: self,
            next: 0..self.len(),
        }
    }

    fn range(&self, i: usize) -> Option<Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends[prev],
            None => 0,
        };
        Some(start..end)
    }
}

impl Index<usize> for StringList {
    type Output = str;

    /// String `i`; panics past the end, like indexing a `Vec`.
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(s) => s,
            None => panic!("string {i} of a list of {}", self.len()),
        }
    }
}

/// Iterator over the strings of a [`StringList`].
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    list: &'a StringList,
    /// Indices not yet returned.
    next: Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.list.get(self.next.next()?)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.next.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.list.get(self.next.next_back()?)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a StringList {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for StringList {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut list = StringList::new();
        for s in iter {
            list.push(s.as_ref());
        }
        list
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for StringList {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for StringList {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for StringList {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl fmt::Debug for StringList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for StringList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for s in self.iter() {
            seq.serialize_element(s)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;

        impl<'de> Visitor<'de> for ListVisitor {
            type Value = StringList;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of strings")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StringList, A::Error> {
                let mut list = StringList::new();
                // Owned strings: a borrowed `&str` fails on escaped JSON.
                while let Some(s) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    list.push(&s);
                }
                Ok(list)
            }
        }

        deserializer.deserialize_seq(ListVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_vec_of_strings() {
        let list: StringList = ["storm", "", "café"].into_iter().collect();
        assert_eq!(list.len(), 3);
        assert!(!list.is_empty());
        assert_eq!(&list[0], "storm");
        assert_eq!(&list[1], "");
        assert_eq!(list.get(2), Some("café"));
        assert_eq!(list.get(3), None);
        assert_eq!(list.iter().rev().collect::<Vec<_>>(), ["café", "", "storm"]);
        assert_eq!((&list).into_iter().count(), 3);
        assert_eq!(list, ["storm", "", "café"]);
        assert_ne!(list, ["storm", "café"]);
        assert_ne!(list, ["storm", "", "cafe"]);
        assert_eq!(format!("{list:?}"), r#"["storm", "", "café"]"#);
        assert!(StringList::new().is_empty());
        assert_eq!(list.total_bytes(), 10);
    }

    #[test]
    fn serializes_as_a_list_of_strings() {
        let list: StringList = ["a \"quoted\" word", "b"].into_iter().collect();
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(json, r#"["a \"quoted\" word","b"]"#);
        let back: StringList = serde_json::from_str(&json).unwrap();
        assert_eq!(back, list);
        assert!(serde_json::from_str::<StringList>("[1]").is_err());
    }
}
