//! `--shard I/N`: one machine's share of a corpus.
//!
//! Shards are numbered from 0 (`0/3`, `1/3`, `2/3`), like the task indices
//! of job arrays and of Dask and Spark partitions. Shard `I` of `N` takes a
//! contiguous block of the documents in input order — positions
//! `floor(I·T/N) .. floor((I+1)·T/N)` of the `T` documents — so the outputs
//! of shards `0..N` concatenated in that order are byte for byte the output
//! of one unsharded run. (Taking every N-th document would spread the work
//! as evenly, but the outputs would then interleave, not concatenate.)
//!
//! `T` is found by a first pass over the inputs ([`crate::input::Reader::count`]),
//! which only counts: JSONL lines are not parsed and text files not read.
//! For a gzipped corpus that pass still decompresses the file once more.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// Shard `index` of `count` (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, `0..count`.
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl Shard {
    /// The positions of this shard's documents among `total`.
    pub fn range(&self, total: u64) -> Range<u64> {
        // In u128: `index * total` may not fit in u64.
        let at = |i: u64| (u128::from(i) * u128::from(total) / u128::from(self.count)) as u64;
        at(self.index)..at(self.index + 1)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let expected =
            "expected I/N with 0 <= I < N (shards are numbered from 0, e.g. 0/3, 1/3, 2/3)";
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?}: {expected}"))?;
        let parse = |part: &str| part.trim().parse::<u64>();
        match (parse(i), parse(n)) {
            (Ok(index), Ok(count)) if count >= 1 && index < count => Ok(Shard { index, count }),
            (Ok(index), Ok(count)) if count >= 1 && index == count => Err(format!(
                "{s:?}: shard {index} does not exist, the last of {count} is {}; {expected}",
                count - 1
            )),
            _ => Err(format!("{s:?}: {expected}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_zero_based_shards() {
        assert_eq!("0/1".parse(), Ok(Shard { index: 0, count: 1 }));
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["3/3", "1/0", "0/0", "-1/3", "1", "a/3", "1/3/4", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let err = "3/3".parse::<Shard>().unwrap_err();
        assert!(err.contains("the last of 3 is 2"), "{err}");
    }

    #[test]
    fn ranges_tile_the_documents_in_order() {
        for total in [0u64, 1, 2, 6, 7, 100, 101] {
            for count in [1u64, 2, 3, 7, 200] {
                let mut next = 0;
                for index in 0..count {
                    let range = Shard { index, count }.range(total);
                    assert_eq!(range.start, next, "{index}/{count} of {total}");
                    assert!(range.end >= range.start);
                    // Balanced: sizes differ by at most one.
                    let size = range.end - range.start;
                    assert!(size == total / count || size == total / count + 1);
                    next = range.end;
                }
                assert_eq!(next, total);
            }
        }
        let huge = Shard { index: 5, count: 7 }.range(u64::MAX);
        assert!(huge.start < huge.end);
    }
}
