//! Phrase cues: what a short line says about itself ("© REUTERS/ …",
//! "Image Credit: …", "By Jane Smith", "Share this article", "Read more: …").
//!
//! A line is scanned once into lower-cased keyword ids (a `match` on the
//! word, no regex, no allocation); the rules then look at the first words,
//! the presence of keywords and a few keyword pairs. Long lines are prose
//! and are not scanned past their first words.

use super::date::find_date;
use super::lines::{is_space, Unit};

/// What the words of a line say it is, before looking at its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Nothing special.
    None,
    /// A date line or CMS key/value line.
    Metadata,
    /// "By Jane Smith".
    Byline,
    /// "© REUTERS/ Khalil Ashawi", "Image Credit: WeWork".
    Credit,
    /// "Above: A WeWork coworking space…", "… Syria January 30, 2017".
    Caption,
    /// "Read more: …".
    Related,
    /// Menus, share buttons, cookie notices, copyright footers.
    Boilerplate,
    /// The heading of a list of other stories ("You may also like",
    /// "Related stories", "More from …"): the story has ended.
    SectionBreak,
}

/// Keywords the rules look for; every other word is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kw {
    Other,
    By,
    Photo,
    Image,
    Credit,
    Getty,
    Images,
    Reuters,
    Ap,
    Agency,
    Stock,
    Courtesy,
    File,
    Direction,
    Pictured,
    Caption,
    Share,
    Social,
    Subscribe,
    Newsletter,
    Cookie,
    Privacy,
    Terms,
    Advert,
    All,
    Rights,
    Reserved,
    Sign,
    Log,
    In,
    Up,
    Of,
    Use,
    Comments,
    Chrome,
    Click,
    Here,
    Skip,
    Follow,
    Us,
    Contact,
    About,
    Read,
    More,
    Related,
    See,
    Also,
    Recommended,
    Published,
    Min,
    Written,
    Author,
    Javascript,
    Copyright,
    Consent,
}

fn keyword(w: &[u8]) -> Kw {
    match w {
        b"by" => Kw::By,
        b"photo" | b"photos" | b"photograph" | b"photographs" | b"picture" | b"pic" | b"foto" => {
            Kw::Photo
        }
        b"image" => Kw::Image,
        b"images" => Kw::Images,
        b"credit" | b"credits" => Kw::Credit,
        b"getty" => Kw::Getty,
        b"reuters" => Kw::Reuters,
        b"ap" => Kw::Ap,
        b"afp" | b"epa" | b"pa" | b"xinhua" | b"tass" | b"anp" | b"dpa" | b"ansa" => Kw::Agency,
        b"shutterstock" | b"istock" | b"istockphoto" | b"alamy" | b"unsplash" | b"pexels" => {
            Kw::Stock
        }
        b"courtesy" => Kw::Courtesy,
        b"file" => Kw::File,
        b"above" | b"below" | b"left" | b"right" | b"top" | b"main" | b"inset" => Kw::Direction,
        b"pictured" => Kw::Pictured,
        b"caption" => Kw::Caption,
        b"share" | b"shares" | b"tweet" | b"email" | b"e" | b"print" | b"whatsapp" => Kw::Share,
        b"facebook" | b"twitter" | b"pinterest" | b"linkedin" | b"reddit" | b"instagram"
        | b"telegram" | b"youtube" | b"flipboard" | b"tumblr" => Kw::Social,
        b"subscribe" | b"subscription" | b"subscribers" | b"unsubscribe" => Kw::Subscribe,
        b"newsletter" | b"newsletters" => Kw::Newsletter,
        b"cookie" | b"cookies" => Kw::Cookie,
        b"privacy" => Kw::Privacy,
        b"terms" => Kw::Terms,
        b"advertisement" | b"advertising" | b"advertise" | b"sponsored" | b"ad" | b"ads" => {
            Kw::Advert
        }
        b"all" => Kw::All,
        b"rights" => Kw::Rights,
        b"reserved" => Kw::Reserved,
        b"sign" => Kw::Sign,
        b"log" => Kw::Log,
        b"in" => Kw::In,
        b"up" => Kw::Up,
        b"of" => Kw::Of,
        b"use" | b"service" | b"conditions" => Kw::Use,
        b"comments" | b"comment" | b"replies" | b"reply" => Kw::Comments,
        b"menu" | b"search" | b"home" | b"login" | b"logout" | b"signin" | b"loading"
        | b"close" | b"previous" | b"next" | b"back" | b"tags" | b"topics" | b"sections"
        | b"navigation" | b"sitemap" | b"feedback" | b"accept" => Kw::Chrome,
        b"click" | b"tap" => Kw::Click,
        b"here" => Kw::Here,
        b"skip" => Kw::Skip,
        b"follow" => Kw::Follow,
        b"us" => Kw::Us,
        b"contact" => Kw::Contact,
        b"about" => Kw::About,
        b"read" => Kw::Read,
        b"more" => Kw::More,
        b"related" => Kw::Related,
        b"see" => Kw::See,
        b"also" => Kw::Also,
        b"recommended" | b"trending" | b"popular" => Kw::Recommended,
        b"published" | b"updated" | b"posted" | b"modified" | b"date" => Kw::Published,
        b"min" | b"mins" | b"minute" | b"minutes" => Kw::Min,
        b"written" => Kw::Written,
        b"author" | b"authors" => Kw::Author,
        b"javascript" => Kw::Javascript,
        b"copyright" => Kw::Copyright,
        b"consent" | b"website" | b"browsing" | b"browser" | b"personalization"
        | b"personalisation" | b"personalise" | b"personalize" | b"preferences" | b"policy"
        | b"settings" | b"experience" => Kw::Consent,
        _ => Kw::Other,
    }
}

/// At most this many words of a line are looked at.
const MAX_WORDS: usize = 48;
/// Lines longer than this are prose; only their start is looked at.
const MAX_CUE_BYTES: usize = 400;

/// One scanned word: its keyword and the character right after it.
#[derive(Clone, Copy)]
struct Word {
    kw: Kw,
    /// Character right after the word's letters (`:`, `/`, ` `…).
    next: char,
    /// Starts with an upper-case letter, `@` or a digit.
    capital: bool,
    digit: bool,
}

/// The words of a line, lower-cased into keyword ids.
struct Scan {
    words: [Word; MAX_WORDS],
    n: usize,
    copyright_sign: bool,
    year: bool,
    colons: usize,
    bars: usize,
}

impl Scan {
    fn new(s: &str) -> Scan {
        let mut scan = Scan {
            words: [Word {
                kw: Kw::Other,
                next: ' ',
                capital: false,
                digit: false,
            }; MAX_WORDS],
            n: 0,
            copyright_sign: false,
            year: false,
            colons: 0,
            bars: 0,
        };
        let s = &s[..floor_char_boundary(s, MAX_CUE_BYTES)];
        let mut buf = [0u8; 16];
        let mut len = 0usize;
        let mut ascii = true;
        let mut start: Option<char> = None;
        let mut digits = 0;
        let mut all_digits = true;
        // Word whose `next` is still to be seen (it was followed by a space).
        let mut pending: Option<usize> = None;
        for c in s.chars().chain(std::iter::once(' ')) {
            if !is_space(c) {
                if let Some(p) = pending.take() {
                    scan.words[p].next = c;
                }
            }
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(c);
                    len = 0;
                    ascii = true;
                    digits = 0;
                    all_digits = true;
                }
                if c.is_ascii_digit() {
                    digits += 1;
                } else {
                    all_digits = false;
                }
                if c.is_ascii() && len < buf.len() {
                    buf[len] = c.to_ascii_lowercase() as u8;
                    len += 1;
                } else {
                    ascii = false;
                }
                continue;
            }
            if let Some(first) = start.take() {
                if all_digits && digits == 4 {
                    scan.year = true;
                }
                if scan.n < MAX_WORDS {
                    let kw = if ascii {
                        keyword(&buf[..len])
                    } else {
                        Kw::Other
                    };
                    if is_space(c) {
                        pending = Some(scan.n);
                    }
                    scan.words[scan.n] = Word {
                        kw,
                        next: c,
                        capital: first.is_uppercase() || first.is_ascii_digit(),
                        digit: first.is_ascii_digit(),
                    };
                    scan.n += 1;
                }
            }
            match c {
                '©' | '℗' => scan.copyright_sign = true,
                ':' => scan.colons += 1,
                '|' => scan.bars += 1,
                _ => {}
            }
        }
        scan
    }

    fn words(&self) -> &[Word] {
        &self.words[..self.n]
    }

    fn kw(&self, i: usize) -> Kw {
        self.words().get(i).map_or(Kw::Other, |w| w.kw)
    }

    fn has(&self, kw: Kw) -> bool {
        self.words().iter().any(|w| w.kw == kw)
    }

    fn pair(&self, a: Kw, b: Kw) -> bool {
        self.words()
            .windows(2)
            .any(|p| p[0].kw == a && p[1].kw == b)
    }
}

/// The largest char boundary of `s` at or below `at`.
pub(crate) fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut i = at;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The cue of unit `u` whose text is `s`.
pub(crate) fn cue(s: &str, u: &Unit) -> Cue {
    let scan = Scan::new(s);
    let w = u.words as usize;
    let first = scan.kw(0);
    let second = scan.kw(1);
    let terminal = u.terminal();
    let long = s.len() > MAX_CUE_BYTES;

    // "© 2019 CBS Interactive. All Rights Reserved." vs "© REUTERS/ Khalil Ashawi".
    let rights = scan.pair(Kw::All, Kw::Rights) || scan.pair(Kw::Rights, Kw::Reserved);
    if !long && (scan.copyright_sign || first == Kw::Copyright || rights) {
        if rights || scan.year || first == Kw::Copyright || w > 8 {
            return Cue::Boilerplate;
        }
        return Cue::Credit;
    }
    if long {
        return long_cue(&scan);
    }

    // Captions that say so: "Above: …", "FILE PHOTO: …", "… (pictured) …".
    let labelled = scan.words().first().is_some_and(|x| x.next == ':');
    if (first == Kw::Direction && labelled)
        || first == Kw::Caption
        || (first == Kw::File && second == Kw::Photo)
        || (scan.has(Kw::Pictured) && w <= 60)
    {
        return Cue::Caption;
    }
    // Credits: "Photo: Getty Images", "Image Credit: WeWork", "REUTERS/Name".
    let agency_slash = scan
        .words()
        .iter()
        .any(|x| matches!(x.kw, Kw::Reuters | Kw::Agency) && x.next == '/');
    let photo_by = scan.pair(Kw::Photo, Kw::By)
        || scan.pair(Kw::Photo, Kw::Credit)
        || scan.pair(Kw::Image, Kw::Credit)
        || scan.pair(Kw::Ap, Kw::Photo)
        || scan.pair(Kw::Getty, Kw::Images);
    if w <= 14
        && (agency_slash
            || photo_by
            || scan.has(Kw::Stock)
            || ((first == Kw::Credit || first == Kw::Photo || first == Kw::Image) && labelled)
            || (first == Kw::Courtesy && w <= 8))
    {
        if (first == Kw::Photo || first == Kw::Image) && labelled && w > 8 {
            return Cue::Caption;
        }
        return Cue::Credit;
    }
    if agency_slash || photo_by {
        // A long line that names a photo agency is a caption with its credit.
        return Cue::Caption;
    }
    // Bylines: "By Jane Smith", "by" alone, "Written by …", "Author: …".
    if w <= 14 && !u.full_stop() {
        let by_name = first == Kw::By
            && (w == 1 || scan.words().get(1).is_some_and(|x| x.capital && !x.digit));
        let written = matches!(first, Kw::Written | Kw::Published) && second == Kw::By;
        let author = first == Kw::Author && labelled;
        if by_name || written || author {
            return Cue::Byline;
        }
    }
    // Date lines and CMS key/value lines.
    if w <= 10 && find_date(s).is_some() {
        return if w <= 8 || first == Kw::Published {
            Cue::Metadata
        } else {
            Cue::Caption
        };
    }
    if (first == Kw::Published && w <= 12 && scan.words().iter().any(|x| x.digit))
        || (scan.pair(Kw::Min, Kw::Read) && w <= 5)
        || (scan.colons >= 2 && scan.bars >= 1 && !terminal)
    {
        return Cue::Metadata;
    }
    // A caption ending with the photo's date: "… Aleppo, Syria January 30, 2017".
    if !terminal && w <= 40 && ends_with_date(s) {
        return Cue::Caption;
    }
    // "You may also like", "Related stories", "Leia também": the story is over.
    if w <= 6 && s.len() <= 60 && section_break(s) {
        return Cue::SectionBreak;
    }
    // Teasers: "Read more: …", "Related: …", "See also …".
    let teaser = (first == Kw::Read && matches!(second, Kw::More | Kw::Also))
        || (first == Kw::Related || first == Kw::Recommended)
        || (first == Kw::See && second == Kw::Also)
        || (first == Kw::Also && second == Kw::Read)
        || (first == Kw::More && labelled);
    if teaser {
        return if w >= 4 {
            Cue::Related
        } else {
            Cue::Boilerplate
        };
    }
    // Page furniture.
    let cookie = scan.has(Kw::Cookie) && (scan.has(Kw::Consent) || scan.has(Kw::Privacy) || w <= 3);
    let strong = rights
        || scan.pair(Kw::Privacy, Kw::Other)
        || scan.has(Kw::Privacy)
        || scan.pair(Kw::Terms, Kw::Of)
        || scan.pair(Kw::Terms, Kw::Use)
        || scan.pair(Kw::Sign, Kw::Up)
        || scan.pair(Kw::Sign, Kw::In)
        || scan.pair(Kw::Log, Kw::In)
        || scan.has(Kw::Subscribe)
        || scan.has(Kw::Newsletter)
        || scan.has(Kw::Javascript)
        || scan.pair(Kw::Click, Kw::Here)
        || scan.pair(Kw::Skip, Kw::Other)
        || scan.pair(Kw::Follow, Kw::Us)
        || scan.pair(Kw::Contact, Kw::Us)
        || scan.pair(Kw::About, Kw::Us)
        || (first == Kw::Advert && w <= 3);
    if cookie || (strong && (w <= 12 || !terminal)) {
        return Cue::Boilerplate;
    }
    let weak = scan.words().iter().any(|x| {
        matches!(
            x.kw,
            Kw::Share | Kw::Social | Kw::Comments | Kw::Chrome | Kw::Advert
        )
    });
    if weak && w <= 5 && !terminal {
        return Cue::Boilerplate;
    }
    Cue::None
}

/// Headings of lists of other stories, and of comment sections, in a few
/// languages; matched against the start of the normalised line.
const SECTION_BREAKS: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may be interested",
    "related stories",
    "related articles",
    "related posts",
    "related content",
    "related news",
    "related coverage",
    "related links",
    "related",
    "more stories",
    "more from",
    "more news",
    "more articles",
    "more on this",
    "read more",
    "read next",
    "up next",
    "whats next",
    "recommended",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "trending",
    "popular stories",
    "popular now",
    "latest news",
    "latest stories",
    "latest headlines",
    "top stories",
    "editors picks",
    "dont miss",
    "also read",
    "see also",
    "further reading",
    "leave a comment",
    "leave a reply",
    "join the conversation",
    "comments",
    "share your thoughts",
    "sponsored stories",
    "promoted stories",
    "from the web",
    "around the web",
    "você pode gostar",
    "leia também",
    "veja também",
    "lesen sie auch",
    "mehr zum thema",
    "à lire aussi",
    "lire aussi",
    "leggi anche",
    "potrebbe interessarti",
    "te puede interesar",
    "también te puede interesar",
    "lee también",
    "читайте также",
    "похожие новости",
    "관련기사",
    "관련 기사",
];

/// `s` (a short line) is the heading of a list of other stories.
fn section_break(s: &str) -> bool {
    // "Read more: Storm hits coast" is a teaser, not a heading.
    if let Some(colon) = s.find(':') {
        if s[colon + 1..].chars().any(char::is_alphanumeric) {
            return false;
        }
    }
    let mut norm = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            norm.extend(c.to_lowercase());
        } else if is_space(c) && !norm.is_empty() && !norm.ends_with(' ') {
            norm.push(' ');
        }
    }
    let norm = norm.trim_end();
    SECTION_BREAKS
        .iter()
        .any(|p| norm.starts_with(p) && norm[p.len()..].chars().next().map_or(true, |c| c == ' '))
}

/// Cues that still apply to long lines: only cookie notices.
fn long_cue(scan: &Scan) -> Cue {
    let head = &scan.words()[..scan.n.min(40)];
    if head.iter().any(|w| w.kw == Kw::Cookie) && head.iter().any(|w| w.kw == Kw::Consent) {
        Cue::Boilerplate
    } else {
        Cue::None
    }
}

/// The line ends with a full date ("January 30, 2017", "30 January 2017").
fn ends_with_date(s: &str) -> bool {
    let tail = &s[floor_char_boundary(s, s.len().saturating_sub(24))..];
    let tail = tail
        .char_indices()
        .find(|&(_, c)| c == ' ')
        .map_or(tail, |(i, _)| &tail[i..]);
    let year_at_end = s
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    year_at_end && find_date(tail).is_some()
}

/// Names from a byline: "By Jane Smith and John Doe" → ["Jane Smith",
/// "John Doe"]. Job titles, dates, handles and agencies after the names are
/// dropped.
pub(crate) fn byline_names(s: &str) -> Vec<String> {
    let mut rest = s.trim_matches(is_space);
    for prefix in ["written by", "posted by", "author:", "authors:", "by"] {
        if rest.len() >= prefix.len()
            && rest.is_char_boundary(prefix.len())
            && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            rest = &rest[prefix.len()..];
            break;
        }
    }
    // Cut at the first thing that is not part of the names.
    let stop = rest
        .char_indices()
        .find(|&(_, c)| {
            matches!(c, '|' | '•' | '@' | '\n' | '(' | '–' | '—' | '/') || c.is_ascii_digit()
        })
        .map_or(rest.len(), |(i, _)| i);
    let rest = &rest[..stop];
    let mut names = Vec::new();
    let parts = rest
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" . "));
    for part in parts {
        let part = part.trim_matches(|c: char| is_space(c) || c == '.');
        if part.is_empty() {
            continue;
        }
        let words: Vec<&str> = part.split(is_space).filter(|w| !w.is_empty()).collect();
        let name_like = (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(
                        *w,
                        "de" | "van" | "von" | "der" | "da" | "al" | "bin" | "la" | "le"
                    )
            });
        let title = words.iter().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "correspondent"
                    | "editor"
                    | "reporter"
                    | "writer"
                    | "staff"
                    | "contributor"
                    | "columnist"
                    | "producer"
                    | "analyst"
                    | "chief"
                    | "senior"
                    | "bureau"
                    | "news"
                    | "updated"
                    | "published"
                    | "for"
                    | "in"
            )
        });
        if !name_like || title {
            break;
        }
        names.push(words.join(" "));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::super::lines::units;
    use super::*;

    fn cue_of(s: &str) -> Cue {
        let u = &units(s)[0];
        cue(s, u)
    }

    #[test]
    fn credits() {
        for s in [
            "© REUTERS/ Khalil Ashawi",
            "Image Credit: WeWork",
            "Photo: Getty Images",
            "(AP Photo/Evan Vucci)",
            "REUTERS/Brendan McDermid",
            "Photograph: Shutterstock",
            "©",
        ] {
            assert_eq!(cue_of(s), Cue::Credit, "{s}");
        }
    }

    #[test]
    fn captions() {
        for s in [
            "Above: A WeWork coworking space in San Francisco.",
            "A Syrian national flag hangs in a damaged neighbourhood in Aleppo, Syria January 30, 2017",
            "FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid",
            "Prince Andrew (pictured) in 2010",
        ] {
            assert_eq!(cue_of(s), Cue::Caption, "{s}");
        }
    }

    #[test]
    fn bylines_and_metadata() {
        assert_eq!(cue_of("By Jane Smith and John Doe"), Cue::Byline);
        assert_eq!(cue_of("by"), Cue::Byline);
        assert_eq!(
            cue_of("By the end of the year, prices had doubled."),
            Cue::None
        );
        assert_eq!(cue_of("By 2020 the city will have grown"), Cue::None);
        assert_eq!(cue_of("date 2017-02-12 Register"), Cue::Metadata);
        assert_eq!(cue_of("Reuters November 18, 2019 11:03 PM"), Cue::Metadata);
        assert_eq!(cue_of("• 2 min read"), Cue::Metadata);
        assert_eq!(
            cue_of("site: media | arena: nfl | pageType: stories |"),
            Cue::Metadata
        );
    }

    #[test]
    fn furniture_and_teasers() {
        for s in [
            "Advertisement",
            "Share this article",
            "© 2004-2019 CBS Interactive. All Rights Reserved.",
            "Sign up for our newsletter",
            "Our website uses cookies to improve its performance and enhance your user experience.",
            "Log In",
        ] {
            assert_eq!(cue_of(s), Cue::Boilerplate, "{s}");
        }
        assert_eq!(
            cue_of("Read more: Storm hits the coast of Norway"),
            Cue::Related
        );
        assert_eq!(cue_of("A spokeswoman declined to comment."), Cue::None);
        assert_eq!(cue_of("You may also like"), Cue::SectionBreak);
        assert_eq!(cue_of("Related Stories"), Cue::SectionBreak);
        assert_eq!(cue_of("Você pode gostar..."), Cue::SectionBreak);
        assert_eq!(
            cue_of("(CNN)Living under ISIS. Selling Girl Scout cookies. And giving some lip."),
            Cue::None
        );
        assert_eq!(
            cue_of("Twitter users were outraged by the decision."),
            Cue::None
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            byline_names("By Jane Smith and John Doe"),
            ["Jane Smith", "John Doe"]
        );
        assert_eq!(
            byline_names("By Jane Smith, Political Correspondent"),
            ["Jane Smith"]
        );
        assert_eq!(
            byline_names("by Bryan DeArdo @BryanDeArdo"),
            ["Bryan DeArdo"]
        );
        assert!(byline_names("By the river").is_empty());
    }
}
