//! Photo captions told by their grammar, for the many captions that carry
//! no cue word ("Former Gov. Jane Doe, left, speaks with voters during a
//! campaign stop, Tuesday, Nov. 19, 2019, in Columbia, S.C.").
//!
//! Wire-photo captions follow house styles shared across agencies and the
//! papers that print them: AP-style captions give the weekday and the full
//! date with its year ("…, Tuesday, Nov. 19, 2019, in Columbia, S.C."),
//! Getty-, AFP- and Reuters-style ones the full date followed by the place
//! ("… on November 8, 2019 in New Delhi, India."). News prose rarely does
//! either late in a sentence: it says "on Tuesday", and writes the year only
//! for other years. The checks are byte scans over one line; the callers
//! only ask about short lines.

use super::date::find_date;

/// Weekday names as captions write them, capitalised.
const WEEKDAYS: [&[u8]; 7] = [
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
    b"Sunday",
];

/// `s` reads like a wire-photo caption: a weekday and a full date past its
/// first 40 bytes, or a full date followed by " in <Place>" near its end.
pub(crate) fn dated_caption(s: &str) -> bool {
    let b = s.as_bytes();
    weekday_date(s, b) || date_then_place(s, b)
}

/// "…, Tuesday, Nov. 19, 2019, …" with the weekday well into the line (not
/// opening it: "On Tuesday, Nov. 19, 2019, the council …").
fn weekday_date(s: &str, b: &[u8]) -> bool {
    let half = 40;
    memchr::memmem::find_iter(b, b"day, ").any(|i| {
        // `i` is where "day" starts; the weekday's name ends with it.
        WEEKDAYS.iter().any(|w| {
            let start = (i + 3).checked_sub(w.len());
            start.is_some_and(|st| {
                st >= half && &b[st..i + 3] == *w && (st == 0 || !b[st - 1].is_ascii_alphanumeric())
            })
        }) && {
            // The date right after the weekday ("Nov. 19, 2019").
            let from = i + 5;
            let to = super::cues::floor_char_boundary(s, from + 20);
            s.get(from..to).and_then(find_date).is_some()
        }
    })
}

/// "… November 8, 2019 in New Delhi, India." / "…, 2019, in Las Vegas.":
/// a year, then " in " and a capitalised place, in the last 60 bytes, with
/// a full date ending at that year.
fn date_then_place(s: &str, b: &[u8]) -> bool {
    let tail = b.len().saturating_sub(60);
    memchr::memmem::find_iter(&b[tail..], b" in ").any(|j| {
        let at = tail + j;
        // The year: four digits right before " in " or before ", in ".
        let end = if at >= 1 && b[at - 1] == b',' {
            at - 1
        } else {
            at
        };
        let capital = b.get(at + 4).is_some_and(u8::is_ascii_uppercase);
        if !capital || end < 4 || !b[end - 4..end].iter().all(u8::is_ascii_digit) {
            return false;
        }
        if end > 4 && b[end - 5].is_ascii_digit() {
            return false;
        }
        let from = super::cues::floor_char_boundary(s, end.saturating_sub(24));
        s.get(from..end)
            .and_then(find_date)
            .is_some_and(|d| d.year >= 1900)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_captions() {
        for s in [
            "The mayor, left, greets a shop owner during a visit, Monday, March 2, 2020, in Dayton, Ohio.",
            "A boat is seen near the harbour on October 3, 2018 in Valletta, Malta.",
            "Fans cheer as the team arrives at the stadium, Sunday, Nov. 17, 2019, in Leeds.",
        ] {
            assert!(dated_caption(s), "{s}");
        }
    }

    #[test]
    fn prose_with_dates() {
        for s in [
            "On Tuesday, Nov. 19, 2019, the council voted to close the old bridge for repairs.",
            "The vote will be held on Tuesday, the council said.",
            "The company, founded in 1998 in Seattle, said sales rose by a tenth.",
            "Prices rose 3% in 2019 in most regions, the report said.",
        ] {
            assert!(!dated_caption(s), "{s}");
        }
    }
}
