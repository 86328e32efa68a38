//! Publication dates written the ways news pages write them, turned into
//! ISO 8601 (`2017-02-12`).
//!
//! Hand-written rather than a date crate: we only need to *find* a calendar
//! date inside a short line of page chrome ("Reuters November 18, 2019 11:03
//! PM", "date 2017-02-12 Register", "21:17 18.11.2019"), not to parse a known
//! format, and a scan over the line's alphanumeric runs does that in one pass
//! without allocating.

/// A calendar date found in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One alphanumeric run of a line and the character right after it.
#[derive(Clone, Copy)]
struct Run<'a> {
    text: &'a str,
    next: Option<char>,
}

/// At most this many runs are looked at (dates sit in short lines).
const MAX_RUNS: usize = 40;

/// The first calendar date in `line`, if any. Understands `2017-02-12`,
/// `2017/02/12`, `18.11.2019`, `November 18, 2019`, `Nov. 18 2019`,
/// `18 November 2019` and `18th Nov 2019`. Years outside 1900–2100 are ignored.
pub(crate) fn find_date(line: &str) -> Option<Date> {
    let mut runs: [Run<'_>; MAX_RUNS] = [Run {
        text: "",
        next: None,
    }; MAX_RUNS];
    let mut n = 0;
    // Runs split where letters meet digits ("2019Get" → "2019", "Get"), so a
    // date glued to the next word is still found.
    let mut start: Option<(usize, bool)> = None;
    let bytes_end = line.len();
    let mut iter = line.char_indices();
    while n < MAX_RUNS {
        let Some((i, c)) = iter.next() else { break };
        let class = c.is_ascii_digit();
        if c.is_alphanumeric() {
            match start {
                Some((_, cls)) if cls == class => continue,
                Some((s, _)) => {
                    n = add_run(&mut runs, n, &line[s..i], Some(c));
                    start = Some((i, class));
                }
                None => start = Some((i, class)),
            }
        } else if let Some((s, _)) = start.take() {
            n = add_run(&mut runs, n, &line[s..i], Some(c));
        }
    }
    if let Some((s, _)) = start {
        if n < MAX_RUNS {
            n = add_run(&mut runs, n, &line[s..bytes_end], None);
        }
    }
    let runs = &runs[..n];
    for i in 0..runs.len() {
        if let Some(date) = date_at(runs, i) {
            return Some(date);
        }
    }
    None
}

/// Appends a run unless it is an ordinal suffix glued to a number ("18th").
fn add_run<'a>(
    runs: &mut [Run<'a>; MAX_RUNS],
    n: usize,
    text: &'a str,
    next: Option<char>,
) -> usize {
    if n > 0 {
        let prev = runs[n - 1];
        let glued = prev.next.is_some_and(char::is_alphabetic);
        if glued
            && prev.text.bytes().all(|b| b.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&text)
        {
            runs[n - 1].next = next;
            return n;
        }
    }
    runs[n] = Run { text, next };
    n + 1
}

/// A date whose first run is `runs[i]`.
fn date_at(runs: &[Run<'_>], i: usize) -> Option<Date> {
    let a = runs[i];
    let b = runs.get(i + 1);
    let c = runs.get(i + 2);
    // Numeric: 2017-02-12, 2017/02/12, 18.11.2019, 18/11/2019.
    if let (Some(first), Some(b), Some(c)) = (number(a.text), b, c) {
        let sep = a.next.unwrap_or(' ');
        if matches!(sep, '-' | '/' | '.') && b.next == Some(sep) {
            let (second, third) = (number(b.text)?, number(c.text)?);
            if a.text.len() == 4 {
                return make(first, second, third);
            }
            if c.text.len() == 4 && sep != '-' {
                // Day first (18.11.2019) unless that cannot be (11/18/2019).
                return make(third, second, first).or_else(|| make(third, first, second));
            }
            return None;
        }
    }
    // Month name first: November 18, 2019 / Nov. 18 2019.
    if let Some(month) = month(a.text) {
        let (day, year) = (day(b?.text)?, c?.text);
        if year.len() == 4 {
            return make(number(year)?, month, day);
        }
        return None;
    }
    // Day first: 18 November 2019 / 18th Nov 2019.
    let d = day(a.text)?;
    let month = month(b?.text)?;
    let year = c?.text;
    if year.len() == 4 {
        return make(number(year)?, month, d);
    }
    None
}

fn make(year: u32, month: u32, day: u32) -> Option<Date> {
    let valid =
        (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    valid.then_some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

/// An all-digit run of at most 4 digits.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A day of the month: `18`, `18th`, `1st`, `2nd`, `3rd`.
fn day(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &s[digits..];
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) {
        return None;
    }
    let d: u32 = s[..digits].parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Month names of other languages news pages are written in that are not
/// plain ASCII (French, Portuguese, German, Russian in the genitive and the
/// nominative), lower-case, with their numbers. The ASCII ones (Spanish,
/// Portuguese, Italian, German, French) are matched in [`month`].
const NON_ASCII_MONTHS: &[(&str, u32)] = &[
    ("février", 2),
    ("août", 8),
    ("décembre", 12),
    ("março", 3),
    ("märz", 3),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

/// `word` equals the lower-case `target`, ignoring the case of ASCII,
/// Latin-1 and Cyrillic capitals (all that month names need; no tables).
fn eq_lower(word: &str, target: &str) -> bool {
    let lower = |c: char| match c as u32 {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => {
            char::from_u32(c as u32 + 0x20).unwrap_or(c)
        }
        _ => c,
    };
    let mut a = word.chars();
    let mut b = target.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if lower(x) == y => {}
            _ => return false,
        }
    }
}

/// A month name or abbreviation, any case: English, the ASCII names of
/// French, Spanish, Portuguese, Italian and German, or one of
/// [`NON_ASCII_MONTHS`].
pub(crate) fn month(s: &str) -> Option<u32> {
    if s.len() < 3 || s.len() > 16 {
        return None;
    }
    if !s.is_ascii() {
        return foreign_month(s);
    }
    if s.len() > 10 {
        return None;
    }
    let mut buf = [0u8; 10];
    for (dst, src) in buf.iter_mut().zip(s.bytes()) {
        *dst = src.to_ascii_lowercase();
    }
    let m = match &buf[..s.len()] {
        b"jan" | b"january" | b"janvier" | b"enero" | b"janeiro" | b"gennaio" | b"januar" => 1,
        b"feb" | b"february" | b"febrero" | b"fevereiro" | b"febbraio" | b"februar" => 2,
        b"mar" | b"march" | b"mars" | b"marzo" => 3,
        b"apr" | b"april" | b"avril" | b"abril" | b"aprile" => 4,
        b"may" | b"mai" | b"mayo" | b"maio" | b"maggio" => 5,
        b"jun" | b"june" | b"juin" | b"junio" | b"junho" | b"giugno" | b"juni" => 6,
        b"jul" | b"july" | b"juillet" | b"julio" | b"julho" | b"luglio" | b"juli" => 7,
        b"aug" | b"august" | b"agosto" => 8,
        b"sep" | b"sept" | b"september" | b"septembre" | b"septiembre" | b"setiembre"
        | b"setembro" | b"settembre" => 9,
        b"oct" | b"october" | b"octobre" | b"octubre" | b"outubro" | b"ottobre" | b"oktober" => 10,
        b"nov" | b"november" | b"novembre" | b"noviembre" | b"novembro" => 11,
        b"dec" | b"december" | b"diciembre" | b"dezembro" | b"dicembre" | b"dezember" => 12,
        _ => return None,
    };
    Some(m)
}

fn foreign_month(s: &str) -> Option<u32> {
    NON_ASCII_MONTHS
        .iter()
        .find(|(name, _)| name.len() == s.len() && eq_lower(s, name))
        .map(|&(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find_date(s).map(Date::iso)
    }

    #[test]
    fn formats() {
        assert_eq!(
            iso("date 2017-02-12 Register").as_deref(),
            Some("2017-02-12")
        );
        assert_eq!(
            iso("Reuters November 18, 2019 11:03 PM").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(iso("Nov. 3 2015").as_deref(), Some("2015-11-03"));
        assert_eq!(
            iso("10:13 EST, 18 March 2013").as_deref(),
            Some("2013-03-18")
        );
        assert_eq!(
            iso("21:17 18.11.2019Get short URL").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(iso("Posted 11/18/2019").as_deref(), Some("2019-11-18"));
        assert_eq!(iso("2019/11/05").as_deref(), Some("2019-11-05"));
        assert_eq!(iso("1st Jan 2001").as_deref(), Some("2001-01-01"));
        assert_eq!(
            iso("Текст: Анна Петрова·24 сентября 2018").as_deref(),
            Some("2018-09-24")
        );
        assert_eq!(
            iso("Mis à jour le 3 Mars 2020").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(iso("12. Dezember 2019").as_deref(), Some("2019-12-12"));
    }

    #[test]
    fn non_dates() {
        assert_eq!(iso("May the best team win in 2019"), None);
        assert_eq!(iso("Scores 6-4, 7-6"), None);
        assert_eq!(iso("2017-13-45"), None);
        assert_eq!(iso(""), None);
        assert_eq!(iso("March 3 (Reuters)"), None);
    }
}
