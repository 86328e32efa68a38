//! News-page structure: blocks and their roles, and page metadata.
//!
//! Input is news text as people have it: clean articles (paragraphs split by
//! blank lines, or one long paragraph), or naive full-page dumps with menus,
//! captions, credits, teasers and footers, one block per line. The steps:
//!
//! 1. `lines`: one unit per line (hard-wrapped prose joined), with cheap
//!    features: words, terminal punctuation, capitalisation.
//! 2. `cues`: what each short line says about itself ("© REUTERS/…",
//!    "By Jane Smith", "Share this", "Read more: …", a date line).
//! 3. The story is the densest run of prose: each unit scores its word
//!    count if it reads as prose and a penalty if it is a short fragment,
//!    and the runs of units with the largest sums (Kadane's scan) are the
//!    candidates. Menus are runs of short unpunctuated lines, so they fall
//!    outside; captions, credits and teasers inside the story cost little
//!    and are labelled by their cues. A "Related stories" heading costs a
//!    lot (a story does not go on past a list of teasers), unless long
//!    prose sits right before and after it, or paragraphs do past the
//!    photos and links around it (an inline box of links, whose lines are
//!    then told from the story's). An author's box heading ("About the
//!    author", "Über Jane Roe") or a comment thread's ("6 thoughts on
//!    “Title”") ends the story whatever follows. The
//!    best candidate wins, with a bonus for a byline or date line right
//!    above it or a dateline opening it; a run that sits right under such
//!    a heading (only share buttons and teasers between) is the list of
//!    other stories and loses to any other run.
//! 4. The lines just above the story are read backwards for the header:
//!    metadata, bylines, captions, the headline (the nearest headline-like
//!    line) and the standfirst (a summary line separated from the body by
//!    a byline, date, photo or dateline).
//!    When the region opens with lead-in material (key points, photos, a
//!    sign-up box) the body starts later: at a dateline, after the byline
//!    or date line, or after a photo credit (`late_start`); the lines
//!    skipped become standfirst, captions and furniture. Inside the body,
//!    captions without cue words are told by wire-photo grammar
//!    (`caption`), by being a copy of a neighbour, or by sitting right
//!    above a credit.
//! 5. The first body paragraph loses its dateline ("MOSCOW (Sputnik) —")
//!    and any glued-on byline into blocks of their own (`dateline`).
//!
//! Clean articles (no page furniture anywhere) keep their trailing short
//! lines (fixture lists, sign-offs) as body.
//!
//! Hand-written: no crate does boilerplate removal on plain text (the
//! readability-style crates need HTML). All steps are linear scans; the
//! per-line work avoids regexes, allocation and Unicode table lookups on
//! the hot path (`examples/story_extraction.rs` prints the speed).

mod caption;
mod cues;
mod date;
mod dateline;
mod lines;

use crate::{Metadata, Role, Span};
use cues::Cue;
use lines::Unit;

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
    let units = lines::units(text);
    let cues: Vec<Cue> = units
        .iter()
        .map(|u| cues::cue(u.span.slice(text), u))
        .collect();
    let layout = classify(text, &units, &cues);

    let mut metadata = Metadata::default();
    let mut blocks = Vec::with_capacity(units.len() + 2);
    let mut dates = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let role = layout.roles[i];
        if i == layout.body_start && role == Role::Body {
            let s = unit.span.slice(text);
            let (pieces, body, dateline) = dateline::split_lead(s);
            for piece in pieces {
                let start = unit.span.start;
                if let Some(span) =
                    lines::trimmed(text, start + piece.range.start, start + piece.range.end)
                {
                    blocks.push(RawBlock {
                        span,
                        role: piece.role,
                    });
                    if piece.role != Role::Byline {
                        dates.push(span);
                    }
                }
            }
            if let Some(span) = lines::trimmed(text, unit.span.start + body, unit.span.end) {
                blocks.push(RawBlock {
                    span,
                    role: Role::Body,
                });
            }
            metadata.dateline = dateline;
            continue;
        }
        blocks.push(RawBlock {
            span: unit.span,
            role,
        });
    }

    // Date: the first metadata or byline line before the story ends, then
    // the lead-in pieces (Daily Mail "PUBLISHED: …", a dated dateline).
    let candidates = units
        .iter()
        .zip(&layout.roles)
        .take(layout.body_end + 1)
        .filter(|(_, r)| matches!(r, Role::Metadata | Role::Byline))
        .map(|(u, _)| u.span)
        .chain(
            blocks
                .iter()
                .filter(|b| b.role == Role::Metadata)
                .map(|b| b.span),
        )
        .chain(dates);
    for span in candidates {
        if let Some(date) = date::find_date(span.slice(text)) {
            metadata.date = Some(date.iso());
            break;
        }
    }
    metadata.title = layout
        .headline
        .map(|i| units[i].span.slice(text).to_string());
    metadata.byline = byline(text, &blocks);
    (blocks, metadata)
}

/// Names from the first byline block that has any; a bare "by" line takes
/// its names from the next line.
fn byline(text: &str, blocks: &[RawBlock]) -> Vec<String> {
    for (i, block) in blocks.iter().enumerate() {
        if block.role != Role::Byline {
            continue;
        }
        let s = block.span.slice(text);
        let names = cues::byline_names(s);
        if !names.is_empty() {
            return names;
        }
        if s.eq_ignore_ascii_case("by") {
            if let Some(next) = blocks.get(i + 1) {
                let names = cues::byline_names(next.span.slice(text));
                if !names.is_empty() {
                    return names;
                }
            }
        }
    }
    Vec::new()
}

/// Every non-empty line as a body block.
pub fn plain_blocks(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(span) = lines::trimmed(text, offset, offset + line.len()) {
            blocks.push(RawBlock {
                span,
                role: Role::Body,
            });
        }
        offset += line.len();
    }
    blocks
}

/// Roles of all units, and where the story is.
struct Layout {
    roles: Vec<Role>,
    /// The first body unit (its lead-in is split off later).
    body_start: usize,
    /// The last unit of the story region.
    body_end: usize,
    headline: Option<usize>,
}

/// How far above the story the header (headline, byline, …) may reach.
const HEADER_WINDOW: usize = 30;

/// What a "Related stories" / "You may also like" heading costs the story
/// region: a story goes on past an inline box of links, not past a list.
const SECTION_BREAK_COST: i64 = 60;

/// What an author's box or comment thread heading costs the story region:
/// more than any story scores, so the region never runs on into the
/// biography or the comments.
const STORY_END_COST: i64 = 1_000_000;

/// The score of a unit for the story-region search: prose counts its
/// words, fragments and furniture count against.
fn score(u: &Unit, cue: Cue) -> i64 {
    let w = i64::from(u.words);
    match cue {
        Cue::None => {}
        Cue::Credit | Cue::Caption | Cue::Signup | Cue::SignOff => return -2,
        Cue::Metadata | Cue::Byline => return -4,
        Cue::Related | Cue::Boilerplate => return -8,
        Cue::SectionBreak => return -SECTION_BREAK_COST,
        Cue::StoryEnd => return -STORY_END_COST,
    }
    if u.prose() {
        w
    } else if w >= 15 && !u.title_case() {
        w / 2
    } else {
        -(4 + w)
    }
}

/// Unit `i` shares its paragraph (no blank line between) with a credit
/// line right before or after it.
fn next_to_credit(units: &[Unit], cues: &[Cue], i: usize) -> bool {
    let next = cues.get(i + 1) == Some(&Cue::Credit) && !units[i + 1].blank_before;
    let prev = i > 0 && cues[i - 1] == Cue::Credit && !units[i].blank_before;
    next || prev
}

/// The "Related articles" heading at `i` opens a small box of links inside
/// the story: long prose paragraphs come right before it and within a few
/// lines after it; or, past the photo blocks and teaser lines around the
/// box (lines with a cue, one- to three-word fragments such as an image's
/// alt text), the nearest lines on both sides are paragraphs of the story.
fn inline_box(units: &[Unit], cues: &[Cue], i: usize) -> bool {
    let long_prose = |j: usize| cues[j] == Cue::None && units[j].prose() && units[j].words >= 25;
    let before = (i.saturating_sub(2)..i).any(long_prose);
    let after = (i + 1..units.len().min(i + 6)).any(long_prose);
    if before && after {
        return true;
    }
    let furniture = |j: &usize| {
        let (u, c) = (&units[*j], cues[*j]);
        match c {
            Cue::None => !u.prose(),
            Cue::SectionBreak => false,
            _ => true,
        }
    };
    let paragraph = |j: usize| cues[j] == Cue::None && units[j].prose() && units[j].words >= 10;
    let above = (i.saturating_sub(INLINE_BOX_REACH)..i)
        .rev()
        .find(|j| !furniture(j));
    let below = (i + 1..units.len().min(i + 1 + INLINE_BOX_REACH)).find(|j| !furniture(j));
    // Below, the box holds links (not only share buttons over excerpts of
    // other stories), and the story goes on: a long paragraph, or two in a
    // row (not a lone disclaimer sentence under the box).
    let story_goes_on = below.is_some_and(|j| {
        let links = (i + 1..j)
            .any(|k| cues[k] == Cue::Related || (cues[k] == Cue::None && units[k].words >= 3));
        links && paragraph(j) && (units[j].words >= 25 || (j + 1 < units.len() && paragraph(j + 1)))
    });
    above.is_some_and(paragraph) && story_goes_on
}

/// How many lines of photo blocks and teasers [`inline_box`] looks past on
/// either side of the heading.
const INLINE_BOX_REACH: usize = 8;

/// Reads like a headline: a few words, no full stop, not a continuation.
fn headline_like(u: &Unit) -> bool {
    (3..=30).contains(&u.words)
        && u.letter_words >= 2
        && !u.full_stop()
        && u.last != ':'
        && !u.starts_lower()
        && u.span.len() <= 300
}

fn role_of(cue: Cue) -> Role {
    match cue {
        Cue::None => Role::Body,
        Cue::Metadata => Role::Metadata,
        Cue::Byline => Role::Byline,
        Cue::Credit | Cue::SignOff => Role::Credit,
        Cue::Caption => Role::Caption,
        Cue::Related => Role::Related,
        Cue::Boilerplate | Cue::Signup | Cue::SectionBreak | Cue::StoryEnd => Role::Boilerplate,
    }
}

/// The story region, as an inclusive range of units; `None` when no unit
/// scores above zero.
///
/// Candidates are the maximal-sum runs of unit scores (Kadane's scan,
/// cut wherever the running sum drops to zero). The best one wins, with a
/// bonus for a story header right above it (a byline or date line) or a
/// dateline opening it, which tells a story from a list of teasers.
fn story_region(text: &str, units: &[Unit], cues: &[Cue]) -> Option<(usize, usize)> {
    let mut candidates: Vec<(i64, usize, usize)> = Vec::new();
    let mut sum = 0i64;
    let mut start = 0;
    let mut best: Option<(i64, usize, usize)> = None;
    for (i, (u, &c)) in units.iter().zip(cues).enumerate() {
        if sum <= 0 {
            candidates.extend(best.take());
            sum = 0;
            start = i;
        }
        sum += if c == Cue::None && next_to_credit(units, cues, i) && !u.prose() {
            // A caption or teaser in the same photo block as a credit.
            -2
        } else if c == Cue::SectionBreak && inline_box(units, cues, i) {
            -8
        } else {
            score(u, c)
        };
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    candidates.extend(best);
    candidates
        .into_iter()
        .map(|(sum, s, e)| {
            let header =
                (s.saturating_sub(6)..s).any(|i| matches!(cues[i], Cue::Byline | Cue::Metadata));
            let opens_with_dateline =
                (s..=e.min(s + 2)).any(|i| dateline::dateline(units[i].span.slice(text)).is_some());
            let bonus = 25 * i64::from(header) + 25 * i64::from(opens_with_dateline);
            (sum + bonus, s, e)
        })
        .max_by_key(|&(score, s, _)| {
            (
                !under_section_break(units, cues, s),
                score,
                std::cmp::Reverse(s),
            )
        })
        .map(|(_, s, e)| (s, e))
}

/// The run starting at unit `s` is the list under a "You may also like"
/// heading: only furniture (lines with a cue: share buttons, teasers)
/// stands between the heading and the run; or it is the comment thread or
/// biography under an author's box or comments heading, where a name and
/// date line may stand between too. Another run wins over it, as a story
/// does not start under such a heading.
fn under_section_break(units: &[Unit], cues: &[Cue], s: usize) -> bool {
    // A name or date line was passed: only a story-end heading counts.
    let mut named = false;
    for i in (s.saturating_sub(8)..s).rev() {
        match cues[i] {
            Cue::Boilerplate | Cue::Related | Cue::Signup => {}
            Cue::Metadata | Cue::Byline => named = true,
            Cue::None if !units[i].prose() && units[i].words <= 4 => named = true,
            Cue::SectionBreak => return !named,
            Cue::StoryEnd => return true,
            _ => return false,
        }
    }
    false
}

fn classify(text: &str, units: &[Unit], cues: &[Cue]) -> Layout {
    let n = units.len();
    let mut roles = vec![Role::Boilerplate; n];
    let Some((start, end)) = story_region(text, units, cues) else {
        // No prose at all (a title, a list): keep everything as body except
        // what explicitly says otherwise.
        for (role, &cue) in roles.iter_mut().zip(cues) {
            *role = role_of(cue);
        }
        return Layout {
            roles,
            body_start: n,
            body_end: n.saturating_sub(1),
            headline: None,
        };
    };

    // A standfirst the region swallowed: prose lines before a paragraph that
    // opens with a dateline ("MOSCOW (Sputnik) — …").
    let mut body_start = start;
    let mut dateline_first = false;
    for i in start..=end.min(start + 3) {
        let s = units[i].span.slice(text);
        if dateline::dateline(s).is_some() {
            if units[start..i]
                .iter()
                .zip(&cues[start..i])
                .all(|(u, &c)| u.prose() && c == Cue::None && u.words <= 80)
            {
                body_start = i;
                dateline_first = true;
            }
            break;
        }
    }
    // Headline-like lines the region swallowed at its start (a long title
    // scores like prose): they belong to the header.
    if !dateline_first {
        let mut i = body_start;
        while i < end && i < start + 4 && !units[i].prose() && headline_like(&units[i]) {
            i += 1;
        }
        if i > body_start && units[i].prose() {
            body_start = i;
        }
    }

    // The body may start a few lines into the region, after photo
    // captions, key points or a sign-up box: where a dateline opens a
    // paragraph, or right after the story's byline or date line.
    let lead_start = body_start;
    let clean = cues.iter().all(|&c| {
        matches!(
            c,
            Cue::None | Cue::Caption | Cue::Metadata | Cue::Byline | Cue::SignOff
        )
    });
    if !clean {
        if let Some(late) = late_start(text, units, cues, body_start, end) {
            body_start = late;
        }
    }

    // Inside the story. Under a "Related articles" heading (the story
    // goes on past an inline box), the lines up to the next paragraph are
    // the box's links and the photos' alt texts.
    let mut in_box = false;
    for i in body_start..=end {
        let u = &units[i];
        in_box = match cues[i] {
            Cue::SectionBreak => true,
            Cue::None => in_box && !u.prose(),
            _ => in_box,
        };
        roles[i] = match cues[i] {
            Cue::None if in_box && headline_like(u) && u.words >= 4 => Role::Related,
            Cue::None if in_box => Role::Boilerplate,
            Cue::None => {
                if u.title_case() && !u.terminal() && u.words >= 6 {
                    Role::Related
                } else if next_to_credit(units, cues, i) && !u.prose() {
                    Role::Caption
                } else {
                    Role::Body
                }
            }
            cue => role_of(cue),
        };
    }

    // On pages with furniture, the same caption twice in a row (a photo and
    // its gallery copy, or a copy with the credit glued on) — in a clean
    // article a repeated paragraph is the story repeating itself, left to
    // the summarizer's duplicate check; a short line right above a photo
    // credit (its caption); on pages with furniture, one- and two-word
    // fragments before the first paragraph (button labels, counters).
    let mut before_prose = !clean;
    for i in body_start..=end {
        if roles[i] != Role::Body {
            continue;
        }
        let u = &units[i];
        let copy = !clean && u.words >= 5 && near_copy(text, units, i);
        let above_credit = u.words <= 30 && i < end && cues[i + 1] == Cue::Credit;
        if copy || above_credit {
            roles[i] = Role::Caption;
        } else if before_prose && u.words <= 2 && !u.prose() {
            roles[i] = Role::Boilerplate;
        }
        before_prose &= !u.prose() || roles[i] != Role::Body;
    }

    // Above the story, beyond the header: furniture unless a cue says otherwise.
    for i in 0..lead_start {
        roles[i] = role_of(cues[i]);
        if roles[i] == Role::Body {
            roles[i] = Role::Boilerplate;
        }
    }
    let headline = header(units, cues, &mut roles, lead_start, dateline_first);
    lead_roles(text, units, cues, &mut roles, lead_start..body_start);

    // After the story: teasers and furniture — unless the text is a clean
    // article (no page furniture anywhere), whose trailing short lines
    // (fixture lists, sign-offs) belong to the story.
    for i in end + 1..n {
        roles[i] = match cues[i] {
            Cue::None if clean => Role::Body,
            Cue::None if headline_like(&units[i]) && units[i].words >= 4 => Role::Related,
            Cue::None => Role::Boilerplate,
            cue => role_of(cue),
        };
    }
    Layout {
        roles,
        body_start,
        body_end: end,
        headline,
    }
}

/// How many units into the story region the body may start late.
const LATE_WINDOW: usize = 12;

/// Where the body starts when the region opens with lead-in material
/// (key points, photo captions, a sign-up box): the last unit within
/// [`LATE_WINDOW`] that opens with a dateline, that is the first prose after
/// a byline or date line, or the first prose after a photo credit with at
/// most one short summary line above. Everything skipped must be short (a lede paragraph is long,
/// captions and key points are not), hold at most two lines of plain prose
/// (a summary), and hold page furniture unless it is one or two lines (a
/// standfirst above the byline). Only for pages with
/// furniture: a clean article's short paragraphs are never skipped.
fn late_start(
    text: &str,
    units: &[Unit],
    cues: &[Cue],
    body_start: usize,
    end: usize,
) -> Option<usize> {
    let furniture = |u: &Unit, c: Cue| c != Cue::None || !u.prose();
    let mut late = None;
    let mut words = 0u32;
    for k in body_start..=end.min(body_start + LATE_WINDOW) {
        let u = &units[k];
        if k > body_start && u.prose() && cues[k] == Cue::None {
            // The line this paragraph follows, past short non-prose bits
            // ("0", "1 / 5").
            let mut h = k - 1;
            while h > body_start
                && cues[h] == Cue::None
                && !units[h].prose()
                && units[h].words <= 3
                && !place_line(text, &units[h])
            {
                h -= 1;
            }
            let zone = body_start..h;
            let marked = zone.clone().any(|i| furniture(&units[i], cues[i]));
            // Lead-in prose is a line or two of summary (not counting the
            // caption right above a credit); more is the body.
            let prose = zone
                .clone()
                .filter(|&i| cues[i] == Cue::None && units[i].prose() && cues[i + 1] != Cue::Credit)
                .count();
            if prose > 2 {
                break;
            }
            let after_header = (matches!(cues[h], Cue::Byline | Cue::Metadata)
                || place_line(text, &units[h]))
                && u.words >= 15;
            // After a photo's credit, when the only other prose above it
            // is one short summary line (captions and their copies aside).
            let summary: Vec<usize> = zone
                .clone()
                .filter(|&i| {
                    cues[i] == Cue::None
                        && units[i].prose()
                        && cues[i + 1] != Cue::Credit
                        && !near_copy(text, units, i)
                })
                .collect();
            let after_credit = cues[h] == Cue::Credit
                && u.words >= 15
                && summary.len() <= 1
                && summary.iter().all(|&i| units[i].words <= 30);
            let dated = dateline::dateline(u.span.slice(text)).is_some();
            if (after_header && (marked || zone.len() <= 2))
                || after_credit
                || (dated && (marked || furniture(&units[h], cues[h])))
            {
                late = Some(k);
            }
        }
        if u.words > 45 && cues[k] == Cue::None {
            break;
        }
        words += u.words;
        if words > 200 {
            break;
        }
    }
    late
}

/// A press-release dateline on a line of its own: "GENEVA, SWITZERLAND" —
/// two to five words, a comma, no lower-case letters.
fn place_line(text: &str, u: &Unit) -> bool {
    let s = u.span.slice(text);
    (2..=5).contains(&u.words)
        && u.lower_words == 0
        && s.contains(',')
        && !s.chars().any(char::is_lowercase)
        && s.chars().any(char::is_alphabetic)
        && !u.terminal()
}

/// Roles of the units between the story region's start and a late body
/// start: cues first, copies of a neighbour are captions, the first other
/// prose line is the standfirst, later ones captions, the rest furniture.
fn lead_roles(
    text: &str,
    units: &[Unit],
    cues: &[Cue],
    roles: &mut [Role],
    range: std::ops::Range<usize>,
) {
    let mut standfirst = false;
    for i in range {
        let u = &units[i];
        roles[i] = if cues[i] != Cue::None {
            role_of(cues[i])
        } else if u.prose() && near_copy(text, units, i) {
            Role::Caption
        } else if u.prose() && !standfirst {
            standfirst = true;
            Role::Standfirst
        } else if u.prose() {
            Role::Caption
        } else {
            Role::Boilerplate
        };
    }
}

/// Unit `i` has the same text as a unit at most two places away, or opens
/// or ends one (a copy with its credit glued on: "…sought treatmentCredit:
/// EPA"; with an image description before it: "a hand holding a blue
/// object: Needle poking skin…").
fn near_copy(text: &str, units: &[Unit], i: usize) -> bool {
    let s = units[i].span.slice(text);
    (i.saturating_sub(2)..units.len().min(i + 3)).any(|j| {
        let other = units[j].span.slice(text);
        j != i
            && other.len() >= s.len()
            && (other.len() == s.len() || s.len() >= 30)
            && (other.starts_with(s) || other.ends_with(s))
    })
}

/// Labels the lines above the story, nearest first: metadata, bylines,
/// captions and credits by their cues, then the headline and standfirst.
/// Returns the headline's index.
fn header(
    units: &[Unit],
    cues: &[Cue],
    roles: &mut [Role],
    body_start: usize,
    dateline_first: bool,
) -> Option<usize> {
    // A separator (byline, date, photo, dateline) between a prose line and
    // the body makes that line a standfirst rather than the first paragraph.
    let mut separated = dateline_first;
    let mut headline = None;
    let mut standfirst = false;
    let mut past_headline = 0;
    let lo = body_start.saturating_sub(HEADER_WINDOW);
    let mut i = body_start;
    while i > lo {
        i -= 1;
        let u = &units[i];
        if cues[i] != Cue::None {
            roles[i] = role_of(cues[i]);
            if matches!(
                cues[i],
                Cue::Metadata | Cue::Byline | Cue::Credit | Cue::Caption
            ) {
                separated = true;
            }
            continue;
        }
        if headline.is_some() {
            past_headline += 1;
            // A repeat of the headline, a menu or teasers above it.
            roles[i] = Role::Boilerplate;
            if past_headline > 8 {
                break;
            }
            continue;
        }
        if headline_like(u) {
            // "Headline" followed by a longer, sentence-case summary line.
            let pair = i > lo
                && separated
                && !standfirst
                && !u.title_case()
                && cues[i - 1] == Cue::None
                && headline_like(&units[i - 1])
                && units[i - 1].words < u.words;
            if pair {
                roles[i] = Role::Standfirst;
                roles[i - 1] = Role::Headline;
                headline = Some(i - 1);
                i -= 1;
            } else {
                roles[i] = Role::Headline;
                headline = Some(i);
            }
            continue;
        }
        if u.prose() && (separated || !standfirst) && u.words <= 80 {
            roles[i] = if separated || i + 1 == body_start {
                Role::Standfirst
            } else {
                Role::Caption
            };
            standfirst = true;
            continue;
        }
        // Anything else between the headline and the body (author names,
        // view counts, menus) also separates a standfirst from the body.
        roles[i] = Role::Boilerplate;
        separated = true;
    }
    headline
}
