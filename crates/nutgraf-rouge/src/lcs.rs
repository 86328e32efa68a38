//! Longest common subsequence for ROUGE-L and ROUGE-Lsum.
//!
//! Both use the bit-parallel form of the LCS table (Allison and Dix; Hyyrö,
//! 2004): row `i` of the dynamic programming table, `T[i][0..=n]`, never
//! grows by more than 1 from one column to the next, so it is stored as `n`
//! bits, bit `j` being 0 where `T[i][j+1] = T[i][j] + 1`. The next row is
//! then a couple of word operations per 64 cells:
//! `row' = (row + (row & mask)) | (row & !mask)`, `mask` marking the columns
//! whose token equals row `i`'s token, the addition carrying across words.
//! `T[i][j]` is the number of 0 bits among the first `j`.
//!
//! - ROUGE-L needs only the LCS length, which is unique, so it keeps one row.
//!   The match masks take (distinct tokens of the shorter text) x (its
//!   length / 64) words; past [`MAX_MASK_WORDS`] the plain cell-by-cell
//!   recurrence with one row of memory is used instead.
//! - ROUGE-Lsum needs the LCS itself (the union of the matched reference
//!   positions over every summary sentence), so it keeps every row of each
//!   sentence pair, 1 bit per cell, and walks back through them. Which of
//!   several equally long subsequences the walk picks changes the union, so
//!   it breaks ties exactly as `rouge-score` does: take a match when the
//!   tokens agree, else step left only when the cell on the left is strictly
//!   larger than the one above, else step up. The rows hold the exact table
//!   values, so the walk is the same as on a table of integers.
//!
//! The tests check both against the plain recurrence.

/// Above this many words of match masks, ROUGE-L falls back to the
/// one-row recurrence (8 MiB of masks per thread at most).
pub(crate) const MAX_MASK_WORDS: usize = 1 << 20;

const NO_SLOT: u32 = u32::MAX;

/// Scratch buffers, kept between calls to avoid allocating.
#[derive(Debug, Default)]
pub(crate) struct LcsScratch {
    /// Mask slot of each token id; `NO_SLOT` for every id between calls.
    slot: Vec<u32>,
    /// Match masks, `words` per slot: bit j set where the column text has that token.
    masks: Vec<u64>,
    /// Table rows (one for ROUGE-L, all of a sentence pair for ROUGE-Lsum).
    rows: Vec<u64>,
    /// The one-row recurrence's row.
    row: Vec<u32>,
    /// ROUGE-Lsum: reference positions in the union LCS.
    hit: Vec<bool>,
    ref_counts: Vec<u32>,
    sum_counts: Vec<u32>,
}

impl LcsScratch {
    /// Heap memory held by the buffers that grow with text length.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.masks.capacity() + self.rows.capacity()) * 8
            + self.row.capacity() * 4
            + self.hit.capacity()
    }
}

/// Builds the match masks of `columns` (`words` words each) and gives each
/// distinct token a slot. Returns the number of slots. Undo with [`clear_slots`].
fn build_masks(
    columns: &[u32],
    words: usize,
    slot: &mut Vec<u32>,
    masks: &mut Vec<u64>,
    vocab_len: usize,
) -> usize {
    if slot.len() < vocab_len {
        slot.resize(vocab_len, NO_SLOT);
    }
    let mut distinct = 0usize;
    for &t in columns {
        if slot[t as usize] == NO_SLOT {
            slot[t as usize] = distinct as u32;
            distinct += 1;
        }
    }
    masks.clear();
    masks.resize(distinct * words, 0);
    for (j, &t) in columns.iter().enumerate() {
        masks[slot[t as usize] as usize * words + j / 64] |= 1 << (j % 64);
    }
    distinct
}

fn clear_slots(columns: &[u32], slot: &mut [u32]) {
    for &t in columns {
        slot[t as usize] = NO_SLOT;
    }
}

/// Advances a table row by one token whose match mask is `mask`.
fn step_row(row: &mut [u64], mask: &[u64]) {
    let mut carry = false;
    for (v, &m) in row.iter_mut().zip(mask) {
        let (sum, c1) = v.overflowing_add(*v & m);
        let (sum, c2) = sum.overflowing_add(u64::from(carry));
        carry = c1 || c2;
        *v = sum | (*v & !m);
    }
}

/// `T[i][j]` from row `i`: the number of 0 bits among its first `j` bits.
fn prefix_value(row: &[u64], j: usize) -> usize {
    let full = j / 64;
    let mut zeros: usize = row[..full].iter().map(|v| v.count_zeros() as usize).sum();
    let rest = j % 64;
    if rest > 0 {
        zeros += (row[full] | (u64::MAX << rest)).count_zeros() as usize;
    }
    zeros
}

/// Length of the longest common subsequence of `a` and `b`, whose ids are
/// all below `vocab_len`.
pub(crate) fn lcs_len(a: &[u32], b: &[u32], vocab_len: usize, scratch: &mut LcsScratch) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0;
    }
    let words = short.len().div_ceil(64);
    // Worst case of the masks: every token of `short` distinct.
    if short.len().saturating_mul(words) > MAX_MASK_WORDS {
        return lcs_len_rows(long, short, &mut scratch.row);
    }
    let LcsScratch {
        slot, masks, rows, ..
    } = scratch;
    build_masks(short, words, slot, masks, vocab_len);
    rows.clear();
    rows.resize(words, u64::MAX);
    for &t in long {
        let s = slot[t as usize];
        if s != NO_SLOT {
            // (A token absent from `short` leaves the row as it is.)
            step_row(rows, &masks[s as usize * words..(s as usize + 1) * words]);
        }
    }
    clear_slots(short, slot);
    prefix_value(rows, short.len())
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

/// Marks in `hit` the positions of `reference` on the LCS with `candidate`
/// that `rouge-score`'s walk picks. The candidate's masks are in
/// `masks`/`slot` (`words` words each).
fn mark_lcs(
    reference: &[u32],
    candidate: &[u32],
    words: usize,
    slot: &[u32],
    masks: &[u64],
    rows: &mut Vec<u64>,
    hit: &mut [bool],
) {
    let n_rows = reference.len() + 1;
    rows.clear();
    rows.resize(n_rows * words, u64::MAX);
    for (i, &t) in reference.iter().enumerate() {
        let (done, next) = rows.split_at_mut((i + 1) * words);
        let next = &mut next[..words];
        next.copy_from_slice(&done[i * words..]);
        let s = slot[t as usize];
        if s != NO_SLOT {
            step_row(next, &masks[s as usize * words..(s as usize + 1) * words]);
        }
    }
    let row = |i: usize| &rows[i * words..(i + 1) * words];
    let (mut i, mut j) = (reference.len(), candidate.len());
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            hit[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if prefix_value(row(i), j - 1) > prefix_value(row(i - 1), j) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// Summary-level LCS hits (the ROUGE-Lsum numerator), as `rouge-score`
/// counts them.
///
/// For each reference sentence, the union of its LCS positions against every
/// summary sentence is taken; each token in that union counts as a hit while
/// both the reference and the summary still have an unused occurrence of it
/// (counts over the whole texts, consumed as hits are made, reference
/// sentences and positions in order), so no token is counted more often
/// than it occurs on either side.
pub(crate) fn union_lcs_hits<'s>(
    reference: impl Iterator<Item = &'s [u32]> + Clone,
    summary: impl Iterator<Item = &'s [u32]> + Clone,
    vocab_len: usize,
    scratch: &mut LcsScratch,
) -> usize {
    let LcsScratch {
        slot,
        masks,
        rows,
        hit,
        ref_counts,
        sum_counts,
        ..
    } = scratch;
    ref_counts.clear();
    ref_counts.resize(vocab_len, 0);
    sum_counts.clear();
    sum_counts.resize(vocab_len, 0);
    for &t in reference.clone().flatten() {
        ref_counts[t as usize] += 1;
    }
    for &t in summary.clone().flatten() {
        sum_counts[t as usize] += 1;
    }
    let ref_len: usize = reference.clone().map(<[u32]>::len).sum();
    hit.clear();
    hit.resize(ref_len, false);
    // Summary sentences on the outside, so each one's masks are built once;
    // `hit` (over all reference positions) accumulates the unions.
    for candidate in summary {
        let words = candidate.len().div_ceil(64);
        build_masks(candidate, words, slot, masks, vocab_len);
        let mut offset = 0;
        for r in reference.clone() {
            mark_lcs(
                r,
                candidate,
                words,
                slot,
                masks,
                rows,
                &mut hit[offset..offset + r.len()],
            );
            offset += r.len();
        }
        clear_slots(candidate, slot);
    }
    let mut hits = 0;
    for (&t, &in_union) in reference.flatten().zip(hit.iter()) {
        let t = t as usize;
        if in_union && ref_counts[t] > 0 && sum_counts[t] > 0 {
            hits += 1;
            ref_counts[t] -= 1;
            sum_counts[t] -= 1;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vocab_of(lines: &[&[u32]]) -> usize {
        lines
            .iter()
            .flat_map(|l| l.iter())
            .max()
            .map_or(0, |&m| m as usize + 1)
    }

    fn both(a: &[u32], b: &[u32]) -> (usize, usize) {
        let mut scratch = LcsScratch::default();
        let bits = lcs_len(a, b, vocab_of(&[a, b]), &mut scratch);
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        (bits, lcs_len_rows(long, short, &mut Vec::new()))
    }

    /// `rouge-score`'s walk on a plain table of integers: the oracle.
    fn mark_lcs_plain(reference: &[u32], candidate: &[u32], hit: &mut [bool]) {
        let (rows, cols) = (reference.len(), candidate.len());
        let mut t = vec![vec![0usize; cols + 1]; rows + 1];
        for i in 1..=rows {
            for j in 1..=cols {
                t[i][j] = if reference[i - 1] == candidate[j - 1] {
                    t[i - 1][j - 1] + 1
                } else {
                    t[i - 1][j].max(t[i][j - 1])
                };
            }
        }
        let (mut i, mut j) = (rows, cols);
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                hit[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if t[i][j - 1] > t[i - 1][j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
    }

    fn marks_bits(reference: &[u32], candidate: &[u32]) -> Vec<bool> {
        let mut scratch = LcsScratch::default();
        let words = candidate.len().div_ceil(64);
        build_masks(
            candidate,
            words,
            &mut scratch.slot,
            &mut scratch.masks,
            vocab_of(&[reference, candidate]),
        );
        let mut hit = vec![false; reference.len()];
        mark_lcs(
            reference,
            candidate,
            words,
            &scratch.slot,
            &scratch.masks,
            &mut scratch.rows,
            &mut hit,
        );
        hit
    }

    fn marks_plain(reference: &[u32], candidate: &[u32]) -> Vec<bool> {
        let mut hit = vec![false; reference.len()];
        mark_lcs_plain(reference, candidate, &mut hit);
        hit
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

    #[test]
    fn backtracking_prefers_stepping_up_on_ties() {
        // reference "a b", candidate "b a": both "a" and "b" are LCS of length 1.
        // Walk from (2,2): b != a; left T[2][1]=1, up T[1][2]=1, tie -> up to (1,2);
        // a == a -> mark reference position 0 ("a").
        assert_eq!(marks_plain(&[0, 1], &[1, 0]), [true, false]);
        assert_eq!(marks_bits(&[0, 1], &[1, 0]), [true, false]);
    }

    #[test]
    fn union_counts_each_token_once() {
        // Reference sentences: "a b" / "a c"; summary sentences: "a" / "b a".
        // "a b" vs "a": {a}; vs "b a": {a} (previous test) -> union {a}: hit (a: ref 2->1, sum 2->1).
        // "a c" vs "a": {a}; vs "b a": {a} -> union {a}: hit again (ref 1->0, sum 1->0). Total 2.
        let reference: Vec<&[u32]> = vec![&[0, 1], &[0, 2]];
        let summary: Vec<&[u32]> = vec![&[0], &[1, 0]];
        let mut scratch = LcsScratch::default();
        let hits = union_lcs_hits(
            reference.iter().copied(),
            summary.iter().copied(),
            3,
            &mut scratch,
        );
        assert_eq!(hits, 2);
    }

    proptest! {
        /// The bit-parallel length equals the plain recurrence's, across
        /// word boundaries and with small alphabets (many ties).
        #[test]
        fn bit_parallel_length_equals_recurrence(
            a in proptest::collection::vec(0u32..6, 0..300),
            b in proptest::collection::vec(0u32..6, 0..200),
        ) {
            let (bits, rows) = both(&a, &b);
            prop_assert_eq!(bits, rows);
        }

        /// The walk over bit rows marks exactly what the walk over an
        /// integer table marks.
        #[test]
        fn bit_parallel_walk_equals_plain_walk(
            r in proptest::collection::vec(0u32..5, 0..150),
            c in proptest::collection::vec(0u32..5, 0..150),
        ) {
            prop_assert_eq!(marks_bits(&r, &c), marks_plain(&r, &c));
        }
    }
}
