//! The start of the first body paragraph: datelines ("MOSCOW (Sputnik) —",
//! "(CNN)", "LONDON, March 3 (Reuters) -", "WASHINGTON —") and the Daily
//! Mail's glued-on byline ("By . Jane Smith . PUBLISHED: . 10:13 EST, 18
//! March 2013 . | . UPDATED: …"). These are split off into their own blocks
//! so the first body sentence starts with the story.

use super::cues::floor_char_boundary;
use super::date::{find_date, month};
use super::lines::is_space;
use crate::{Dateline, Role};
use std::ops::Range;

/// A piece of the first body paragraph, relative to the paragraph's start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    pub role: Role,
}

/// Splits the lead-in off the first body paragraph `s`. Returns the pieces
/// before the body (in order), the offset where the body starts, and the
/// dateline if there was one.
pub(crate) fn split_lead(s: &str) -> (Vec<Piece>, usize, Option<Dateline>) {
    let mut pieces = Vec::new();
    let mut at = 0;
    if let Some((byline_end, meta, body)) = daily_mail_prefix(s) {
        pieces.push(Piece {
            range: 0..byline_end,
            role: Role::Byline,
        });
        if let Some(meta) = meta {
            pieces.push(Piece {
                range: meta,
                role: Role::Metadata,
            });
        }
        at = body;
    }
    let rest = &s[at..];
    if let Some((len, body, dateline)) = dateline(rest) {
        pieces.push(Piece {
            range: at..at + len,
            role: Role::Dateline,
        });
        return (pieces, at + body, Some(dateline));
    }
    (pieces, at, None)
}

/// Skips spaces from byte `i` of `s`.
fn skip_spaces(s: &str, i: usize) -> usize {
    i + (s[i..].len() - s[i..].trim_start_matches(is_space).len())
}

/// A dash that ends a dateline at byte `i`: "—", "–", "--" or a spaced "-".
/// Returns its length.
fn dash_at(s: &str, i: usize) -> Option<usize> {
    let r = &s[i..];
    if r.starts_with('—') || r.starts_with('–') {
        Some(r.chars().next().map_or(0, char::len_utf8))
    } else if r.starts_with("--") {
        Some(2)
    } else if r.starts_with('-') {
        Some(1)
    } else {
        None
    }
}

/// A dateline at the start of `s`: returns (length of the dateline text,
/// offset where the body starts, the dateline).
pub(crate) fn dateline(s: &str) -> Option<(usize, usize, Dateline)> {
    let window = &s[..floor_char_boundary(s, 90)];
    let (place_end, dash) = place_end(window)?;
    let head = window[..place_end].trim_matches(is_space);
    let (place, caps) = place_of(head)?;

    let mut agency = None;
    let after;
    if dash.is_none() {
        // "(Agency)"
        let close = window[place_end..].find(')')? + place_end;
        let inner = window[place_end + 1..close].trim_matches(is_space);
        if !is_agency(inner) {
            return None;
        }
        agency = Some(inner.to_string());
        let mut j = skip_spaces(s, close + 1);
        let mut end = close + 1;
        if let Some(len) = dash_at(s, j) {
            end = j + len;
            j = skip_spaces(s, j + len);
        }
        after = (end, j);
    } else {
        // No agency: only an upper-case place ("WASHINGTON —") counts.
        if !caps || place.is_empty() {
            return None;
        }
        let d = dash?;
        let len = dash_at(s, d)?;
        after = (d + len, skip_spaces(s, d + len));
    }
    let (end, body) = after;
    // The body must follow, starting like a sentence.
    let next = s[body..].chars().next()?;
    if !(next.is_alphanumeric() || matches!(next, '"' | '“' | '\'' | '‘' | '(')) {
        return None;
    }
    Some((
        end,
        body,
        Dateline {
            place: place.to_string(),
            agency,
        },
    ))
}

/// Where the place of a dateline at the start of `window` ends: at the
/// agency's "(", or at a dash after a space (then also returned as the
/// dash); `None` when a sentence ends or a quote opens first.
///
/// Only the characters below can decide, so only the bytes that can start
/// one are looked at (ASCII, or 0xE2, which leads '—', '–' and '“'): every
/// line of a page is asked for a dateline, and most go the full window.
/// `tests::place_end_as_defined` checks it against the character loop.
fn place_end(window: &str) -> Option<(usize, Option<usize>)> {
    let may_decide =
        |&(_, b): &(usize, &u8)| matches!(b, b'(' | b'-' | b'.' | b'!' | b'?' | b'"' | b';' | 0xE2);
    for (i, _) in window.as_bytes().iter().enumerate().filter(may_decide) {
        // A byte that starts a character: ASCII, or a lead byte.
        let Some(c) = window.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if c == '(' {
            return Some((i, None));
        }
        if matches!(c, '—' | '–' | '-')
            && i > 0
            && window[..i].ends_with(is_space)
            && (c != '-' || window[i..].starts_with("--") || window[i + 1..].starts_with(is_space))
        {
            return Some((i, Some(i)));
        }
        if matches!(c, '!' | '?' | '"' | '“' | ';') || (c == '.' && !is_abbreviation_dot(window, i))
        {
            return None;
        }
    }
    None
}

/// The dot at byte `i` sits inside the place ("D.C.", "Calif.") rather
/// than ending a sentence.
fn is_abbreviation_dot(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    before.is_some_and(char::is_alphabetic)
        && after.is_none_or(|c| c == ',' || c == ' ' || c.is_alphabetic())
        && s[..i].rsplit(' ').next().is_some_and(|w| w.len() <= 6)
}

/// The place of a dateline head ("LONDON, March 3" → "LONDON"), and whether
/// it is written in capitals. Empty heads are fine ("(Reuters) —").
fn place_of(head: &str) -> Option<(&str, bool)> {
    if head.is_empty() {
        return Some(("", false));
    }
    let mut parts = head.split(',');
    let first = parts.next().unwrap_or("").trim_matches(is_space);
    let mut end = first.len();
    let base = head.as_ptr() as usize;
    for part in parts {
        let p = part.trim_matches(is_space);
        // A date qualifier ends the place: ", March 3", ", Nov 18".
        let first_word = p.split(is_space).next().unwrap_or("");
        if month(first_word.trim_end_matches('.')).is_some() || p.is_empty() {
            break;
        }
        end = p.as_ptr() as usize - base + p.len();
    }
    let place = &head[..end];
    let words = place.split(is_space).filter(|w| !w.is_empty()).count();
    if words == 0 || words > 5 {
        return None;
    }
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || place.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Every word starts with a capital ("Boston", "NEW YORK", "LONDON, England").
    let capitalised = place
        .split(|c: char| is_space(c) || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !capitalised {
        return None;
    }
    let first_caps = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    Some((place, first_caps && letters >= 3))
}

/// "Reuters", "Sputnik", "AP", "CNN", "dpa": one to four capitalised words.
fn is_agency(s: &str) -> bool {
    let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 4 || s.len() > 40 {
        return false;
    }
    let short_lower = words.len() == 1 && s.len() <= 4 && s.chars().all(|c| c.is_ascii_lowercase());
    short_lower
        || words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '&' | '-' | '\''))
        })
}

/// "By . Name . PUBLISHED: . 10:13 EST, 18 March 2013 . | . UPDATED: . 10:19
/// EST, 18 March 2013 . Body…" → (end of byline, metadata range, body start).
fn daily_mail_prefix(s: &str) -> Option<(usize, Option<Range<usize>>, usize)> {
    if !s.starts_with("By . ") {
        return None;
    }
    let window = &s[..floor_char_boundary(s, 400)];
    if let Some(p) = window.find("PUBLISHED:") {
        let byline_end = window[..p]
            .trim_end_matches(|c: char| is_space(c) || c == '.')
            .len();
        // The metadata runs to the last date of "PUBLISHED … | … UPDATED …".
        let mut end = p;
        let mut cursor = p;
        while let Some(year) = next_year(window, cursor) {
            if year - p > 160 {
                break;
            }
            end = year + 4;
            cursor = year + 4;
            let gap = &window[cursor..];
            let more = gap.trim_start_matches(|c: char| is_space(c) || matches!(c, '.' | '|'));
            if !more.starts_with("UPDATED") {
                break;
            }
        }
        if end == p || find_date(&window[p..end]).is_none() {
            return None;
        }
        let meta_end = end;
        let body = s[end..]
            .find(|c: char| !(is_space(c) || c == '.'))
            .map_or(s.len(), |i| end + i);
        return Some((byline_end, Some(p..meta_end), body));
    }
    // No dates: "By . Name . and . Other Name . Body…".
    let mut end = 0;
    let mut at = 5;
    for segment in window[5..].split(" . ") {
        let words = segment.split(is_space).filter(|w| !w.is_empty()).count();
        let name_like = words <= 6
            && segment.split(is_space).filter(|w| !w.is_empty()).all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || w == "and" || w == "for"
            });
        if !name_like || words == 0 {
            break;
        }
        end = at + segment.len();
        at += segment.len() + 3;
    }
    if end == 0 || at >= s.len() {
        return None;
    }
    Some((end, None, at))
}

/// Byte offset of the next four-digit year at or after `from`.
fn next_year(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`place_end`] the plain way: every character in turn.
    fn plain_place_end(window: &str) -> Option<(usize, Option<usize>)> {
        for (i, c) in window.char_indices() {
            if c == '(' {
                return Some((i, None));
            }
            if matches!(c, '—' | '–' | '-')
                && i > 0
                && window[..i].ends_with(is_space)
                && (c != '-'
                    || window[i..].starts_with("--")
                    || window[i + 1..].starts_with(is_space))
            {
                return Some((i, Some(i)));
            }
            if matches!(c, '!' | '?' | '"' | '“' | ';')
                || (c == '.' && !is_abbreviation_dot(window, i))
            {
                return None;
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn place_end_as_defined(
            s in "([A-Za-z]{1,6}|D\\.C\\.|[ ,.(!?\";-]|--|—|–|“|”|’|…|\\u{a0}|\\u{2009}|é|Ж){0,16}"
        ) {
            proptest::prop_assert_eq!(place_end(&s), plain_place_end(&s));
        }
    }

    fn dl(s: &str) -> Option<(String, String, Option<String>)> {
        dateline(s).map(|(len, body, d)| (s[..len].to_string(), s[body..].to_string(), d.agency))
    }

    #[test]
    fn datelines() {
        let s = "MOSCOW (Sputnik)\u{a0}— Moscow is preparing another contact";
        let (len, body, d) = dateline(s).unwrap();
        assert_eq!(&s[..len], "MOSCOW (Sputnik)\u{a0}—");
        assert_eq!(&s[body..], "Moscow is preparing another contact");
        assert_eq!(d.place, "MOSCOW");
        assert_eq!(d.agency.as_deref(), Some("Sputnik"));

        let (head, body, agency) = dl("(Reuters) — The New York State Attorney").unwrap();
        assert_eq!(
            (head.as_str(), body.as_str()),
            ("(Reuters) —", "The New York State Attorney")
        );
        assert_eq!(agency.as_deref(), Some("Reuters"));

        let (head, _, agency) = dl("(CNN)A trip to a former champ's mansion.").unwrap();
        assert_eq!((head.as_str(), agency.as_deref()), ("(CNN)", Some("CNN")));

        let s = "LONDON, March 3 (Reuters) - Shares fell.";
        let (len, _, d) = dateline(s).unwrap();
        assert_eq!(
            (&s[..len], d.place.as_str()),
            ("LONDON, March 3 (Reuters) -", "LONDON")
        );

        let s = "WASHINGTON — The Senate voted.";
        let (_, _, d) = dateline(s).unwrap();
        assert_eq!((d.place.as_str(), d.agency), ("WASHINGTON", None));

        let s = "SAN FRANCISCO, Calif. -- Apple said.";
        assert_eq!(dateline(s).unwrap().2.place, "SAN FRANCISCO, Calif.");
        assert_eq!(
            dateline("Boston (CNN)Guilty across the board.")
                .unwrap()
                .2
                .place,
            "Boston"
        );
    }

    #[test]
    fn not_datelines() {
        for s in [
            "The storm hit the coast — nobody was hurt.",
            "Moscow — the capital — is cold.",
            "(Reporting by Greg Roumeliotis, editing by Martin Howell.)",
            "He said (quietly) — no.",
            "In 2019 (a year ago) — the vote",
            "",
            "(CNN)",
        ] {
            assert!(dateline(s).is_none(), "{s}");
        }
    }

    #[test]
    fn daily_mail() {
        let s = "By . Daily Mail Reporter . PUBLISHED: . 10:13 EST, 18 March 2013 . | . UPDATED: . 10:19 EST, 18 March 2013 . A man was hurt.";
        let (pieces, body, _) = split_lead(s);
        assert_eq!(&s[pieces[0].range.clone()], "By . Daily Mail Reporter");
        assert_eq!(pieces[0].role, Role::Byline);
        assert_eq!(
            &s[pieces[1].range.clone()],
            "PUBLISHED: . 10:13 EST, 18 March 2013 . | . UPDATED: . 10:19 EST, 18 March 2013"
        );
        assert_eq!(&s[body..], "A man was hurt.");
        let s = "By . Sam Webb . A man was hurt in a crash on Monday.";
        let (pieces, body, _) = split_lead(s);
        assert_eq!(&s[pieces[0].range.clone()], "By . Sam Webb");
        assert_eq!(&s[body..], "A man was hurt in a crash on Monday.");
    }
}
