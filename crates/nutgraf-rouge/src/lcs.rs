//! Longest common subsequence for ROUGE-L and ROUGE-Lsum.
//!
//! ROUGE-L only needs the LCS length, which is unique whatever path a
//! backtrack would take, so it uses the bit-parallel algorithm of Allison
//! and Dix (in the form given by Hyyrö, 2004): one row of the dynamic
//! programming table is held as a bit vector of its +1 steps and updated 64
//! cells per machine word, which is several times faster than the cell by
//! cell recurrence on long texts. The match masks take
//! (distinct tokens of the shorter text) x (its length / 64) words; when that
//! would exceed [`MAX_MASK_WORDS`], the plain recurrence with one row of
//! memory is used instead. ROUGE-Lsum needs
//! the LCS itself, to take the union of the matched reference positions over
//! every summary sentence, so it fills the full table of each sentence pair
//! and walks back through it. Which of several equally long subsequences the
//! walk picks changes the union, so it breaks ties exactly as `rouge-score`
//! does: take a match when the tokens agree, else step left only when the
//! cell on the left is strictly larger than the one above, else step up.

/// Above this many words of match masks, ROUGE-L falls back to the
/// one-row recurrence (8 MiB of masks per thread at most).
pub(crate) const MAX_MASK_WORDS: usize = 1 << 20;

const NO_SLOT: u32 = u32::MAX;

/// Scratch buffers for [`lcs_len`].
#[derive(Debug, Default)]
pub(crate) struct LcsScratch {
    /// Mask slot of each token id (`NO_SLOT` when the id is not in the shorter text).
    slot: Vec<u32>,
    /// Match masks, `words` per slot: bit j set where the shorter text has that token.
    masks: Vec<u64>,
    /// The bit-vector row.
    row_bits: Vec<u64>,
    /// The one-row recurrence's row.
    row: Vec<u32>,
}

/// Length of the longest common subsequence of `a` and `b`, whose ids are
/// all below `vocab_len`.
pub(crate) fn lcs_len(a: &[u32], b: &[u32], vocab_len: usize, scratch: &mut LcsScratch) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0;
    }
    let words = short.len().div_ceil(64);
    let LcsScratch {
        slot,
        masks,
        row_bits,
        row,
    } = scratch;
    slot.clear();
    slot.resize(vocab_len, NO_SLOT);
    let mut distinct = 0usize;
    for &t in short {
        if slot[t as usize] == NO_SLOT {
            slot[t as usize] = distinct as u32;
            distinct += 1;
        }
    }
    if distinct.saturating_mul(words) > MAX_MASK_WORDS {
        return lcs_len_rows(long, short, row);
    }
    masks.clear();
    masks.resize(distinct * words, 0);
    for (j, &t) in short.iter().enumerate() {
        masks[slot[t as usize] as usize * words + j / 64] |= 1 << (j % 64);
    }
    // Bit j of the row is 0 where the LCS length steps up at column j; all 1s
    // is the empty row. For each token of the longer text:
    // row = (row + (row & mask)) | (row & !mask), the addition carrying across words.
    row_bits.clear();
    row_bits.resize(words, u64::MAX);
    for &t in long {
        let s = slot[t as usize];
        if s == NO_SLOT {
            continue; // no match in this row: it stays the same
        }
        let mask = &masks[s as usize * words..(s as usize + 1) * words];
        let mut carry = false;
        for (v, &m) in row_bits.iter_mut().zip(mask) {
            let (sum, c1) = v.overflowing_add(*v & m);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *v = sum | (*v & !m);
        }
    }
    // Count the 0 bits among the first short.len() columns.
    let full = short.len() / 64;
    let mut zeros: usize = row_bits[..full]
        .iter()
        .map(|v| v.count_zeros() as usize)
        .sum();
    let rest = short.len() % 64;
    if rest > 0 {
        let used = row_bits[full] | (u64::MAX << rest);
        zeros += used.count_zeros() as usize;
    }
    zeros
}

/// The cell-by-cell recurrence with one row of memory (`long` on the outside).
pub(crate) fn lcs_len_rows(long: &[u32], short: &[u32], row: &mut Vec<u32>) -> usize {
    row.clear();
    row.resize(short.len() + 1, 0);
    for &x in long {
        // `diag` is the previous row's value at j-1.
        let mut diag = 0;
        for (j, &y) in short.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[short.len()] as usize
}

/// Marks in `hit` every position of `reference` that belongs to the LCS of
/// `reference` and `candidate` chosen by `rouge-score`'s backtracking.
/// `table` is scratch space.
pub(crate) fn mark_lcs(
    reference: &[u32],
    candidate: &[u32],
    table: &mut Vec<u32>,
    hit: &mut [bool],
) {
    let rows = reference.len();
    let cols = candidate.len();
    if rows == 0 || cols == 0 {
        return;
    }
    let width = cols + 1;
    let cells = (rows + 1) * width;
    if table.len() < cells {
        table.resize(cells, 0);
    }
    let table = &mut table[..cells];
    // Row 0 and column 0 are the empty prefixes; every other cell is written
    // before it is read, so the rest need no clearing.
    table[..width].fill(0);
    for i in 1..=rows {
        let (prev, cur) = table[(i - 1) * width..(i + 1) * width].split_at_mut(width);
        cur[0] = 0;
        let r = reference[i - 1];
        for j in 1..=cols {
            cur[j] = if r == candidate[j - 1] {
                prev[j - 1] + 1
            } else {
                prev[j].max(cur[j - 1])
            };
        }
    }
    let (mut i, mut j) = (rows, cols);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            hit[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// Summary-level LCS hits (ROUGE-Lsum numerator), as `rouge-score` counts them.
///
/// For each reference sentence, the union of its LCS positions against every
/// summary sentence is taken; each token in that union counts as a hit while
/// both the reference and the summary still have an unused occurrence of it
/// (counts over the whole texts, consumed as hits are made), so no token is
/// counted more often than it occurs on either side.
pub(crate) struct UnionLcs<'a> {
    pub(crate) table: &'a mut Vec<u32>,
    pub(crate) hit: &'a mut Vec<bool>,
    pub(crate) ref_counts: &'a mut Vec<u32>,
    pub(crate) sum_counts: &'a mut Vec<u32>,
}

impl UnionLcs<'_> {
    pub(crate) fn hits<'s>(
        self,
        reference: impl Iterator<Item = &'s [u32]> + Clone,
        summary: impl Iterator<Item = &'s [u32]> + Clone,
        vocab_len: usize,
    ) -> usize {
        self.ref_counts.clear();
        self.ref_counts.resize(vocab_len, 0);
        self.sum_counts.clear();
        self.sum_counts.resize(vocab_len, 0);
        for &t in reference.clone().flatten() {
            self.ref_counts[t as usize] += 1;
        }
        for &t in summary.clone().flatten() {
            self.sum_counts[t as usize] += 1;
        }
        let mut hits = 0;
        for r in reference {
            self.hit.clear();
            self.hit.resize(r.len(), false);
            for c in summary.clone() {
                mark_lcs(r, c, self.table, self.hit);
            }
            for (&t, &in_union) in r.iter().zip(self.hit.iter()) {
                let t = t as usize;
                if in_union && self.ref_counts[t] > 0 && self.sum_counts[t] > 0 {
                    hits += 1;
                    self.ref_counts[t] -= 1;
                    self.sum_counts[t] -= 1;
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    fn both(a: &[u32], b: &[u32]) -> (usize, usize) {
        let vocab = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
        let mut scratch = LcsScratch::default();
        let bits = lcs_len(a, b, vocab, &mut scratch);
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        (bits, lcs_len_rows(long, short, &mut Vec::new()))
    }

    #[test]
    fn lcs_lengths_by_hand() {
        // a b c d e  vs  a c e : LCS "a c e" = 3
        assert_eq!(both(&[1, 2, 3, 4, 5], &[1, 3, 5]), (3, 3));
        assert_eq!(both(&[1, 3, 5], &[1, 2, 3, 4, 5]), (3, 3));
        assert_eq!(both(&[1, 2], &[3, 4]), (0, 0));
        assert_eq!(both(&[], &[3, 4]), (0, 0));
        // x y x y vs y x y x : LCS length 3 (e.g. "y x y")
        assert_eq!(both(&[7, 8, 7, 8], &[8, 7, 8, 7]), (3, 3));
        // Across word boundaries: 150 tokens vs the same with every third removed.
        let long: Vec<u32> = (0..150).map(|i| i % 7).collect();
        let short: Vec<u32> = long
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, &t)| t)
            .collect();
        assert_eq!(both(&long, &short), (100, 100));
    }

    proptest! {
        /// The bit-parallel length equals the plain recurrence's, across
        /// word boundaries and with small alphabets (many ties).
        #[test]
        fn bit_parallel_equals_recurrence(
            a in proptest::collection::vec(0u32..6, 0..300),
            b in proptest::collection::vec(0u32..6, 0..200),
        ) {
            let (bits, rows) = both(&a, &b);
            prop_assert_eq!(bits, rows);
        }
    }

    #[test]
    fn backtracking_prefers_stepping_up_on_ties() {
        // reference "a b", candidate "b a": both "a" and "b" are LCS of length 1.
        // Walk from (2,2): b != a; left (2,1)=1, up (1,2)=1, tie -> up to (1,2);
        // a == a -> mark reference position 0 ("a").
        let mut table = Vec::new();
        let mut hit = vec![false; 2];
        mark_lcs(&[0, 1], &[1, 0], &mut table, &mut hit);
        assert_eq!(hit, [true, false]);
    }

    #[test]
    fn union_counts_each_token_once() {
        // Reference sentences: "a b" / "a c"; summary sentences: "a" / "b a".
        let (mut table, mut hit, mut rc, mut sc) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let reference: Vec<&[u32]> = vec![&[0, 1], &[0, 2]];
        let summary: Vec<&[u32]> = vec![&[0], &[1, 0]];
        let union = UnionLcs {
            table: &mut table,
            hit: &mut hit,
            ref_counts: &mut rc,
            sum_counts: &mut sc,
        };
        // "a b" vs "a": {a}; "a b" vs "b a": {a} (previous test) -> union {a}: hit a (a: ref 2->1, sum 2->1).
        // "a c" vs "a": {a}; vs "b a": {a} -> union {a}: hit a again (ref 1->0, sum 1->0).
        // Total 2.
        assert_eq!(
            union.hits(reference.iter().copied(), summary.iter().copied(), 3),
            2
        );
    }
}
