//! Phrase cues: what a short line says about itself ("© REUTERS/ …",
//! "Image Credit: …", "By Jane Smith", "Share this article", "Read more: …").
//!
//! A line is scanned once into lower-cased keyword ids (a `match` on the
//! word, no regex, no allocation); the rules then look at the first words,
//! the presence of keywords and a few keyword pairs. Long lines are prose
//! and are not scanned past their first words.
//!
//! Furniture written as sentences is told by its opening words or its end,
//! in the languages news sites commonly use: prompts to click ("Clique na
//! foto …"), comment-moderation notices, promotions ending with a call to
//! sign up, opinion disclaimers, ways to reach the author ("Follow him on
//! Twitter @…", "Jane Doe (jdoe@…) is the editor of …"), copyright and
//! syndication notices ("Alle Rechte vorbehalten", "This material may not
//! be published …"), wire sign-offs ("(Reporting by …)") and captions
//! ending with a bracketed credit ("… (Image: Getty)"). Lines that only
//! label an ad ("Anzeige",
//! "Publicidade") are matched whole. These string checks run only on lines
//! whose scan found the keyword (or the closing bracket, or the script)
//! they need, so ordinary lines pay nothing for them.

use super::caption::dated_caption;
use super::date::find_date;
use super::lines::{char_at, is_space, is_word_char, Unit};
use std::sync::LazyLock;

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
    /// A line of a newsletter sign-up box ("Let our news meet your inbox."):
    /// furniture, but boxes like this sit inside stories.
    Signup,
    /// A wire story's sign-off: "(Reporting by Jane Roe; Editing by John
    /// Doe)". A credit for the story, but unlike a photo credit it makes no
    /// caption of the paragraph above it.
    SignOff,
    /// The heading of a list of other stories ("You may also like",
    /// "Related stories", "More from …"): the story has ended.
    SectionBreak,
    /// The heading of the author's box ("About the author", "Über Moritz
    /// Bachmann") or of the comment thread ("6 thoughts on “Title”"): the
    /// story has ended, however long the biography or the comments.
    StoryEnd,
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
    /// "subscribe" itself, the imperative of sign-up boxes.
    SubscribeCmd,
    /// "inbox": "Let our news meet your inbox".
    Inbox,
    /// "opt" of "opt-in" / "opt out".
    Opt,
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
    /// "moderated", "moderador": comment-moderation notices.
    Moderation,
    /// "expressed": "The views expressed are the author's own".
    Expressed,
    /// First words of "Related stories"-style headings not listed above.
    BreakStart,
    /// "am", "pm", time zones: a time of day.
    Clock,
    /// A newsroom job title: "Contributor", "Staff Writer".
    JobTitle,
    This,
    /// Words of a line that only labels an ad, not listed under `Advert`:
    /// "Advert", "Anzeige", "Publicidade", "Continue reading below".
    AdLabel,
    /// Words of copyright and syndication notices: "reproduced",
    /// "redistributed", "direitos", "Rechte", "droits", "proibida"…
    Reproduce,
    /// "contributed": "Jane Roe contributed to this report".
    Contributed,
    /// First words of a credit for agency copy: "With files from …", "Com
    /// informações da …", "Mit Material von …".
    CopyFrom,
}

/// Lower-case keywords and their ids.
const KEYWORDS: &[(&str, Kw)] = &[
    ("by", Kw::By),
    ("photo", Kw::Photo),
    ("photos", Kw::Photo),
    ("photograph", Kw::Photo),
    ("photographs", Kw::Photo),
    ("picture", Kw::Photo),
    ("pic", Kw::Photo),
    ("foto", Kw::Photo),
    ("image", Kw::Image),
    ("images", Kw::Images),
    ("credit", Kw::Credit),
    ("credits", Kw::Credit),
    ("getty", Kw::Getty),
    ("reuters", Kw::Reuters),
    ("ap", Kw::Ap),
    ("afp", Kw::Agency),
    ("associated", Kw::Agency),
    ("epa", Kw::Agency),
    ("pa", Kw::Agency),
    ("xinhua", Kw::Agency),
    ("tass", Kw::Agency),
    ("anp", Kw::Agency),
    ("dpa", Kw::Agency),
    ("ansa", Kw::Agency),
    ("shutterstock", Kw::Stock),
    ("istock", Kw::Stock),
    ("istockphoto", Kw::Stock),
    ("alamy", Kw::Stock),
    ("unsplash", Kw::Stock),
    ("pexels", Kw::Stock),
    ("courtesy", Kw::Courtesy),
    ("file", Kw::File),
    ("above", Kw::Direction),
    ("below", Kw::Direction),
    ("left", Kw::Direction),
    ("right", Kw::Direction),
    ("top", Kw::Direction),
    ("main", Kw::Direction),
    ("inset", Kw::Direction),
    ("pictured", Kw::Pictured),
    ("caption", Kw::Caption),
    ("share", Kw::Share),
    ("shares", Kw::Share),
    ("tweet", Kw::Share),
    ("email", Kw::Share),
    ("e", Kw::Share),
    ("print", Kw::Share),
    ("whatsapp", Kw::Share),
    ("facebook", Kw::Social),
    ("twitter", Kw::Social),
    ("pinterest", Kw::Social),
    ("linkedin", Kw::Social),
    ("reddit", Kw::Social),
    ("instagram", Kw::Social),
    ("telegram", Kw::Social),
    ("youtube", Kw::Social),
    ("flipboard", Kw::Social),
    ("tumblr", Kw::Social),
    ("subscribe", Kw::SubscribeCmd),
    ("inbox", Kw::Inbox),
    ("opt", Kw::Opt),
    ("subscription", Kw::Subscribe),
    ("subscribed", Kw::Subscribe),
    ("unsubscribe", Kw::Subscribe),
    ("newsletter", Kw::Newsletter),
    ("newsletters", Kw::Newsletter),
    ("cookie", Kw::Cookie),
    ("cookies", Kw::Cookie),
    ("privacy", Kw::Privacy),
    ("terms", Kw::Terms),
    ("advertisement", Kw::Advert),
    ("advertising", Kw::Advert),
    ("advertise", Kw::Advert),
    ("sponsored", Kw::Advert),
    ("ad", Kw::Advert),
    ("ads", Kw::Advert),
    ("advert", Kw::AdLabel),
    ("adverts", Kw::AdLabel),
    ("anzeige", Kw::AdLabel),
    ("werbung", Kw::AdLabel),
    ("publicidade", Kw::AdLabel),
    ("publicidad", Kw::AdLabel),
    ("reklama", Kw::AdLabel),
    ("reklam", Kw::AdLabel),
    ("advertentie", Kw::AdLabel),
    ("annonse", Kw::AdLabel),
    ("mainos", Kw::AdLabel),
    ("continue", Kw::AdLabel),
    ("scroll", Kw::AdLabel),
    ("reproduce", Kw::Reproduce),
    ("reproduced", Kw::Reproduce),
    ("reproduction", Kw::Reproduce),
    ("redistribute", Kw::Reproduce),
    ("redistributed", Kw::Reproduce),
    ("redistribution", Kw::Reproduce),
    ("republish", Kw::Reproduce),
    ("republished", Kw::Reproduce),
    ("republication", Kw::Reproduce),
    ("rewritten", Kw::Reproduce),
    ("reprinted", Kw::Reproduce),
    ("direitos", Kw::Reproduce),
    ("derechos", Kw::Reproduce),
    ("rechte", Kw::Reproduce),
    ("droits", Kw::Reproduce),
    ("diritti", Kw::Reproduce),
    ("rechten", Kw::Reproduce),
    ("proibida", Kw::Reproduce),
    ("prohibida", Kw::Reproduce),
    ("interdite", Kw::Reproduce),
    ("riproduzione", Kw::Reproduce),
    ("nachdruck", Kw::Reproduce),
    ("prawa", Kw::Reproduce),
    ("contributed", Kw::Contributed),
    ("with", Kw::CopyFrom),
    ("com", Kw::CopyFrom),
    ("con", Kw::CopyFrom),
    ("mit", Kw::CopyFrom),
    ("avec", Kw::CopyFrom),
    ("all", Kw::All),
    ("rights", Kw::Rights),
    ("reserved", Kw::Reserved),
    ("sign", Kw::Sign),
    ("log", Kw::Log),
    ("in", Kw::In),
    ("up", Kw::Up),
    ("of", Kw::Of),
    ("use", Kw::Use),
    ("service", Kw::Use),
    ("conditions", Kw::Use),
    ("comments", Kw::Comments),
    ("comment", Kw::Comments),
    ("replies", Kw::Comments),
    ("reply", Kw::Comments),
    ("comentarios", Kw::Comments),
    ("comentario", Kw::Comments),
    ("commentaires", Kw::Comments),
    ("commentaire", Kw::Comments),
    ("kommentare", Kw::Comments),
    ("kommentar", Kw::Comments),
    ("commenti", Kw::Comments),
    ("commento", Kw::Comments),
    ("expressed", Kw::Expressed),
    ("expresadas", Kw::Expressed),
    ("expressas", Kw::Expressed),
    ("moderated", Kw::Moderation),
    ("moderator", Kw::Moderation),
    ("moderators", Kw::Moderation),
    ("moderation", Kw::Moderation),
    ("moderador", Kw::Moderation),
    ("moderadores", Kw::Moderation),
    ("moderado", Kw::Moderation),
    ("moderados", Kw::Moderation),
    ("moderada", Kw::Moderation),
    ("moderadas", Kw::Moderation),
    ("moderiert", Kw::Moderation),
    ("moderato", Kw::Moderation),
    ("moderati", Kw::Moderation),
    ("moderatore", Kw::Moderation),
    ("moderazione", Kw::Moderation),
    ("menu", Kw::Chrome),
    ("search", Kw::Chrome),
    ("home", Kw::Chrome),
    ("login", Kw::Chrome),
    ("logout", Kw::Chrome),
    ("signin", Kw::Chrome),
    ("loading", Kw::Chrome),
    ("close", Kw::Chrome),
    ("previous", Kw::Chrome),
    ("next", Kw::Chrome),
    ("back", Kw::Chrome),
    ("tags", Kw::Chrome),
    ("topics", Kw::Chrome),
    ("sections", Kw::Chrome),
    ("navigation", Kw::Chrome),
    ("sitemap", Kw::Chrome),
    ("feedback", Kw::Chrome),
    ("accept", Kw::Chrome),
    ("click", Kw::Click),
    ("tap", Kw::Click),
    ("clique", Kw::Click),
    ("clica", Kw::Click),
    ("cliquez", Kw::Click),
    ("clic", Kw::Click),
    ("clicca", Kw::Click),
    ("cliccate", Kw::Click),
    ("klicken", Kw::Click),
    ("klicke", Kw::Click),
    ("klick", Kw::Click),
    ("here", Kw::Here),
    ("skip", Kw::Skip),
    ("follow", Kw::Follow),
    ("us", Kw::Us),
    ("contact", Kw::Contact),
    ("about", Kw::About),
    ("read", Kw::Read),
    ("more", Kw::More),
    ("related", Kw::Related),
    ("see", Kw::See),
    ("also", Kw::Also),
    ("recommended", Kw::Recommended),
    ("trending", Kw::Recommended),
    ("popular", Kw::Recommended),
    ("published", Kw::Published),
    ("updated", Kw::Published),
    ("posted", Kw::Published),
    ("modified", Kw::Published),
    ("date", Kw::Published),
    ("min", Kw::Min),
    ("mins", Kw::Min),
    ("minute", Kw::Min),
    ("minutes", Kw::Min),
    ("written", Kw::Written),
    ("author", Kw::Author),
    ("authors", Kw::Author),
    ("javascript", Kw::Javascript),
    ("copyright", Kw::Copyright),
    ("this", Kw::This),
    ("am", Kw::Clock),
    ("pm", Kw::Clock),
    ("et", Kw::Clock),
    ("est", Kw::Clock),
    ("edt", Kw::Clock),
    ("gmt", Kw::Clock),
    ("utc", Kw::Clock),
    ("bst", Kw::Clock),
    ("pst", Kw::Clock),
    ("pt", Kw::Clock),
    ("contributor", Kw::JobTitle),
    ("correspondent", Kw::JobTitle),
    ("reporter", Kw::JobTitle),
    ("editor", Kw::JobTitle),
    ("columnist", Kw::JobTitle),
    ("writer", Kw::JobTitle),
    ("sharing", Kw::Share),
    ("you", Kw::BreakStart),
    ("most", Kw::BreakStart),
    ("latest", Kw::BreakStart),
    ("editors", Kw::BreakStart),
    ("don", Kw::BreakStart),
    ("what", Kw::BreakStart),
    ("further", Kw::BreakStart),
    ("leave", Kw::BreakStart),
    ("join", Kw::BreakStart),
    ("promoted", Kw::BreakStart),
    ("from", Kw::BreakStart),
    ("around", Kw::BreakStart),
    ("leia", Kw::BreakStart),
    ("veja", Kw::BreakStart),
    ("lesen", Kw::BreakStart),
    ("mehr", Kw::BreakStart),
    ("lire", Kw::BreakStart),
    ("leggi", Kw::BreakStart),
    ("potrebbe", Kw::BreakStart),
    ("te", Kw::BreakStart),
    ("lee", Kw::BreakStart),
    ("mais", Kw::BreakStart),
    ("artigos", Kw::BreakStart),
    ("posts", Kw::BreakStart),
    ("noticias", Kw::BreakStart),
    ("articles", Kw::BreakStart),
    ("les", Kw::BreakStart),
    ("sur", Kw::BreakStart),
    ("vous", Kw::BreakStart),
    ("weitere", Kw::BreakStart),
    ("meistgelesen", Kw::BreakStart),
    ("articoli", Kw::BreakStart),
    ("notizie", Kw::BreakStart),
    ("ti", Kw::BreakStart),
    ("lees", Kw::BreakStart),
    ("meer", Kw::BreakStart),
    ("gerelateerde", Kw::BreakStart),
    ("consent", Kw::Consent),
    ("website", Kw::Consent),
    ("browsing", Kw::Consent),
    ("browser", Kw::Consent),
    ("personalization", Kw::Consent),
    ("personalisation", Kw::Consent),
    ("personalise", Kw::Consent),
    ("personalize", Kw::Consent),
    ("preferences", Kw::Consent),
    ("policy", Kw::Consent),
    ("settings", Kw::Consent),
    ("experience", Kw::Consent),
];

/// Keyword lookup: an open-addressing table keyed by the word's bytes
/// packed into a `u128` (keywords are at most 16 bytes), built once. One
/// multiply and usually one probe per word; a general hash map was the
/// slowest part of the line scan.
struct KeywordTable {
    slots: Vec<(u128, Kw)>,
}

const TABLE_BITS: u32 = 10;

impl KeywordTable {
    fn build() -> KeywordTable {
        let mut slots = vec![(0u128, Kw::Other); 1 << TABLE_BITS];
        for &(word, kw) in KEYWORDS {
            let key = pack(word.as_bytes());
            let mut i = slot(key);
            while slots[i].0 != 0 && slots[i].0 != key {
                i = (i + 1) & ((1 << TABLE_BITS) - 1);
            }
            if slots[i].0 == 0 {
                slots[i] = (key, kw);
            }
        }
        KeywordTable { slots }
    }

    /// The keyword of a word packed by [`pack`].
    fn get_key(&self, key: u128) -> Kw {
        if key == 0 {
            return Kw::Other;
        }
        let mut i = slot(key);
        loop {
            let (k, kw) = self.slots[i];
            if k == key {
                return kw;
            }
            if k == 0 {
                return Kw::Other;
            }
            i = (i + 1) & ((1 << TABLE_BITS) - 1);
        }
    }
}

/// Up to 16 bytes as a little-endian number (zero-padded).
fn pack(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    let n = word.len().min(16);
    bytes[..n].copy_from_slice(&word[..n]);
    u128::from_le_bytes(bytes)
}

/// `pack(&b[start..start + len])` for `len <= 16`, with one 16-byte load
/// where `b` has 16 bytes from `start` (no copy of a variable length).
fn pack_at(b: &[u8], start: usize, len: usize) -> u128 {
    match b.get(start..).and_then(<[u8]>::first_chunk::<16>) {
        Some(&bytes) if len < 16 => u128::from_le_bytes(bytes) & ((1u128 << (8 * len)) - 1),
        Some(&bytes) if len == 16 => u128::from_le_bytes(bytes),
        _ => pack(&b[start..(start + len).min(b.len())]),
    }
}

/// A word of ASCII letters and digits packed by [`pack`], lower-cased:
/// of these bytes only the letters have bit 0x40 set, and setting bit
/// 0x20 as well makes a letter lower-case (the zero padding stays zero).
fn lower_alnum(key: u128) -> u128 {
    const LETTER_BIT: u128 = u128::from_le_bytes([0x40; 16]);
    key | ((key & LETTER_BIT) >> 1)
}

fn slot(key: u128) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

static KEYWORD_TABLE: LazyLock<KeywordTable> = LazyLock::new(KeywordTable::build);

/// Lines up to this long are scanned whole; longer ones only at their
/// start (`HEAD_BYTES`) and end (`TAIL_BYTES`).
const MAX_SCAN_BYTES: usize = 160;
const HEAD_BYTES: usize = 60;
const TAIL_BYTES: usize = 60;
/// Lines longer than this are prose: only cookie notices are looked for.
const MAX_CUE_BYTES: usize = 400;

/// The bit of a keyword pair the rules ask about ("all rights", "sign
/// up"…); 0 for every other pair.
fn pair_bit(a: Kw, b: Kw) -> u32 {
    match (a, b) {
        (Kw::All, Kw::Rights) => 1 << 0,
        (Kw::Rights, Kw::Reserved) => 1 << 1,
        (Kw::About, Kw::Us) => 1 << 2,
        (Kw::Ap, Kw::Photo) => 1 << 3,
        (Kw::Click, Kw::Here) => 1 << 4,
        (Kw::Contact, Kw::Us) => 1 << 5,
        (Kw::Follow, Kw::Us) => 1 << 6,
        (Kw::Getty, Kw::Images) => 1 << 7,
        (Kw::Image, Kw::Credit) => 1 << 8,
        (Kw::Log, Kw::In) => 1 << 9,
        (Kw::Min, Kw::Read) => 1 << 10,
        (Kw::Photo, Kw::By) => 1 << 11,
        (Kw::Photo, Kw::Credit) => 1 << 12,
        (Kw::Privacy, Kw::Other) => 1 << 13,
        (Kw::Sign, Kw::In) => 1 << 14,
        (Kw::Sign, Kw::Up) => 1 << 15,
        (Kw::Skip, Kw::Other) => 1 << 16,
        (Kw::Terms, Kw::Of) => 1 << 17,
        (Kw::Terms, Kw::Use) => 1 << 18,
        (Kw::File, Kw::Photo) => 1 << 19,
        (Kw::Opt, Kw::In) => 1 << 20,
        _ => 0,
    }
}

/// One of the first words of a line: its keyword and what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Word {
    kw: Kw,
    /// First non-space character after the word (`:`, `/`, a letter…).
    next: char,
    /// Starts with an upper-case letter or a digit.
    capital: bool,
    digit: bool,
}

const BLANK: Word = Word {
    kw: Kw::Other,
    next: ' ',
    capital: false,
    digit: false,
};

/// The words of a line, reduced to what the rules ask: the first two
/// words, which keywords occur, which keyword follows which.
#[derive(Debug, PartialEq, Eq)]
struct Scan {
    first: [Word; 2],
    /// Number of words.
    n: usize,
    /// Bit `kw` set when keyword `kw` occurs.
    present: u128,
    /// Keyword pairs seen, as [`pair_bit`]s.
    pairs: u32,
    /// "REUTERS/", "AFP /": an agency name followed by a slash.
    agency_slash: bool,
    /// "/ AFP", "| Getty Images": the index of the last word naming a photo
    /// agency right after a slash or bar (a credit glued to a caption's end).
    slash_agency_at: Option<usize>,
    /// A slash or bar since the last word ended.
    slash_seen: bool,
    any_digit_word: bool,
    /// ASCII digits in the line (a date needs at least four).
    digits: usize,
    copyright_sign: bool,
    year: bool,
    colons: usize,
    bars: usize,
    /// The scanned text (all of a short line) is ASCII.
    ascii: bool,
}

/// Number of keyword ids (they must fit the bit sets above).
const KW_COUNT: usize = Kw::CopyFrom as usize + 1;
const _: () = assert!(KW_COUNT <= 128);

impl Scan {
    fn new(s: &str) -> Scan {
        let mut scan = Scan {
            first: [BLANK; 2],
            n: 0,
            present: 0,
            pairs: 0,
            agency_slash: false,
            slash_agency_at: None,
            slash_seen: false,
            any_digit_word: false,
            digits: 0,
            copyright_sign: false,
            year: false,
            colons: 0,
            bars: 0,
            ascii: true,
        };
        // Cue words sit at the start or the end of a line ("FILE PHOTO: …",
        // "… REUTERS/Brendan McDermid"): long lines are read only there.
        if s.len() <= MAX_SCAN_BYTES {
            scan.feed(s);
        } else {
            scan.feed(&s[..floor_char_boundary(s, HEAD_BYTES)]);
            let tail = &s[floor_char_boundary(s, s.len() - TAIL_BYTES)..];
            // Start the tail at a word boundary.
            let tail = tail.find(is_space).map_or("", |i| &tail[i..]);
            scan.feed(tail);
        }
        scan
    }

    /// Scans the words of `s` into the scan: runs of [`is_word_char`]
    /// characters, with the marks between them.
    ///
    /// A word at a time (the scan runs on every line of every text): its
    /// letters and digits are stepped over as bytes while they are ASCII,
    /// and only non-ASCII characters are decoded; the keyword is looked up
    /// once per word, its ASCII bytes packed and lower-cased in one step.
    /// `tests::scan_as_defined` checks it against the character-at-a-time
    /// definition.
    fn feed(&mut self, s: &str) {
        self.ascii &= s.is_ascii();
        let b = s.as_bytes();
        let mut prev = None::<Kw>;
        // Word whose `next` character is still to be seen.
        let mut pending: Option<(usize, Kw)> = None;
        let mut i = 0;
        while let Some(&byte) = b.get(i) {
            if byte == b' ' {
                // The usual gap between words: no mark, nothing to see.
                i += 1;
                continue;
            }
            let (c, len) = char_at(s, i);
            if !is_word_char(c) {
                if !is_space(c) {
                    if let Some((w, kw)) = pending.take() {
                        self.see_next(w, kw, c);
                    }
                }
                self.see_mark(c);
                i += len;
                continue;
            }
            if let Some((w, kw)) = pending.take() {
                self.see_next(w, kw, c);
            }
            // The word: its ASCII digits, and whether it is all ASCII.
            let start = i;
            let mut digits = 0;
            let mut ascii = true;
            while let Some(&byte) = b.get(i) {
                if byte.is_ascii_digit() {
                    digits += 1;
                    i += 1;
                } else if byte.is_ascii_alphabetic() {
                    i += 1;
                } else if byte.is_ascii() {
                    break;
                } else {
                    let (c, len) = char_at(s, i);
                    if !is_word_char(c) {
                        break;
                    }
                    ascii = false;
                    i += len;
                }
            }
            let word = &b[start..i];
            self.digits += digits;
            // Four characters, all digits.
            self.year |= ascii && digits == 4 && word.len() == 4;
            // Only ASCII words of at most 16 letters and digits can be
            // keywords (the table's key).
            let kw = if ascii && word.len() <= 16 {
                KEYWORD_TABLE.get_key(lower_alnum(pack_at(b, start, word.len())))
            } else {
                Kw::Other
            };
            self.end_word(c, kw, prev);
            prev = Some(kw);
            // Its `next` is the first non-space character from here on.
            pending = Some((self.n - 1, kw));
        }
    }

    /// Counts a word that starts with `first`, has keyword `kw` and follows
    /// a word with keyword `prev`.
    fn end_word(&mut self, first: char, kw: Kw, prev: Option<Kw>) {
        let digit = first.is_ascii_digit();
        self.any_digit_word |= digit;
        if self.n < 2 {
            self.first[self.n] = Word {
                kw,
                next: ' ',
                capital: first.is_uppercase() || digit,
                digit,
            };
        }
        if self.slash_seen
            && matches!(
                kw,
                Kw::Reuters | Kw::Agency | Kw::Ap | Kw::Getty | Kw::Stock
            )
        {
            self.slash_agency_at = Some(self.n);
        }
        self.slash_seen = false;
        self.present |= 1 << kw as u32;
        if let Some(p) = prev {
            self.pairs |= pair_bit(p, kw);
        }
        self.n += 1;
    }

    /// Notes a character that is no word character.
    fn see_mark(&mut self, c: char) {
        match c {
            '©' | '℗' | 'ⓒ' => self.copyright_sign = true,
            ':' => self.colons += 1,
            '|' => {
                self.bars += 1;
                self.slash_seen = true;
            }
            '/' => self.slash_seen = true,
            _ => {}
        }
    }

    /// Word `i` (keyword `kw`) is followed by the character `c`.
    fn see_next(&mut self, i: usize, kw: Kw, c: char) {
        if i < 2 {
            self.first[i].next = c;
        }
        if c == '/' && matches!(kw, Kw::Reuters | Kw::Agency) {
            self.agency_slash = true;
        }
    }

    fn kw(&self, i: usize) -> Kw {
        if i < self.n.min(2) {
            self.first[i].kw
        } else {
            Kw::Other
        }
    }

    fn has(&self, kw: Kw) -> bool {
        self.present & (1 << kw as u32) != 0
    }

    fn pair(&self, a: Kw, b: Kw) -> bool {
        self.pairs & pair_bit(a, b) != 0
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

    // "Todos os direitos reservados", "Alle Rechte vorbehalten", "This
    // material may not be published, broadcast, rewritten or redistributed."
    let notice_words = scan.has(Kw::Reproduce) || (w <= 25 && !scan.ascii && cyrillic_or_cjk(s));
    if w <= 60 && notice_words && rights_notice(s) {
        return Cue::Boilerplate;
    }
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

    // A credit for other reporters, not a photo's (so it makes no caption
    // of the paragraph above): "Jane Roe contributed to this report.",
    // "(With files from The Canadian Press)", "Com informações da Reuters".
    let credit_words = scan.has(Kw::Contributed) || (scan.kw(0) == Kw::CopyFrom && w <= 8);
    if w <= 25 && credit_words && contributor_credit(s, w) {
        return Cue::SignOff;
    }
    // Captions that say so: "Above: …", "FILE PHOTO: …", "… (pictured) …".
    let labelled = scan.n > 0 && scan.first[0].next == ':';
    if (first == Kw::Direction && labelled)
        || first == Kw::Caption
        || scan.pair(Kw::File, Kw::Photo)
        || (scan.has(Kw::Pictured) && w <= 60)
        || photo_opening(&scan)
    {
        return Cue::Caption;
    }
    // "Image caption …", "Media captionWho is …" (a label glued to the text).
    let label =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if label("image caption") || label("media caption") || label("photo caption") {
        return Cue::Caption;
    }
    // A caption with its credit glued on: "…sought treatmentCredit: EPA".
    if s.contains("Credit:") || s.contains("CREDIT:") {
        return if w <= 4 { Cue::Credit } else { Cue::Caption };
    }
    // A caption ending with its credit in brackets: "… the plague (Image:
    // GETTY)", "(Photo: Getty Images)", "(Foto: dpa)".
    if let Some(open) = bracketed_credit(s) {
        return if open == 0 { Cue::Credit } else { Cue::Caption };
    }
    // Credits: "Photo: Getty Images", "Image Credit: WeWork", "REUTERS/Name".
    let agency_slash = scan.agency_slash;
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
    // "Michael Conroy, AP", "ITV, ASSOCIATED PRESS", "Getty": an agency,
    // maybe with a name.
    let agency = scan.has(Kw::Reuters)
        || scan.has(Kw::Agency)
        || scan.has(Kw::Ap)
        || scan.has(Kw::Getty)
        || scan.has(Kw::Stock);
    if agency && w <= 5 && !terminal && !labelled {
        return Cue::Credit;
    }
    if agency_slash || photo_by {
        // A long line that names a photo agency is a caption with its credit.
        return Cue::Caption;
    }
    // A credit glued to a caption's end: "… on May 2, 2019. Jane Roe / AFP",
    // "…in 2012.John Doe / AP file", "…harbour | Getty Images".
    if scan.slash_agency_at.is_some_and(|i| scan.n - i <= 3) {
        return if w <= 6 { Cue::Credit } else { Cue::Caption };
    }
    if w <= 60 && scan.has(Kw::By) && sign_off(s) {
        return Cue::SignOff;
    }
    // Bylines: "By Jane Smith", "by" alone, "Written by …", "Author: …".
    if w <= 14 && !u.full_stop() {
        let by_name = first == Kw::By
            && (w == 1 || (scan.n > 1 && scan.first[1].capital && !scan.first[1].digit));
        let written = matches!(first, Kw::Written | Kw::Published) && second == Kw::By;
        let author = first == Kw::Author && labelled;
        if by_name || written || author {
            return Cue::Byline;
        }
    }
    // An image's file name or slug: "harbour-storm-2019-waves-01.jpg".
    if w == 1 && s.len() >= 20 && s.bytes().filter(|&b| b == b'-' || b == b'_').count() >= 3 {
        return Cue::Caption;
    }
    // "Jane Doe @janedoe": a name with its social-media handle.
    if (2..=5).contains(&w)
        && !terminal
        && memchr::memchr(b'@', s.as_bytes()).is_some()
        && s.split(is_space).all(|t| {
            (t.starts_with('@') && t.len() > 1) || t.starts_with(|c: char| c.is_uppercase())
        })
    {
        return Cue::Byline;
    }
    // "Tim Childers - Live Science Contributor", "Jane Doe, Staff Writer".
    if scan.has(Kw::JobTitle) && w <= 8 && !terminal {
        return Cue::Byline;
    }
    // "9:24 pm ET", "11:03 GMT".
    if scan.has(Kw::Clock) && scan.any_digit_word && w <= 4 {
        return Cue::Metadata;
    }
    // Date lines and CMS key/value lines.
    if w <= 10 && scan.digits >= 4 && find_date(s).is_some() {
        return if w <= 8 || first == Kw::Published {
            Cue::Metadata
        } else {
            Cue::Caption
        };
    }
    if (first == Kw::Published && w <= 12 && scan.any_digit_word)
        || (scan.pair(Kw::Min, Kw::Read) && w <= 5)
        || (scan.colons >= 2 && scan.bars >= 1 && !terminal)
    {
        return Cue::Metadata;
    }
    // A wire-photo caption: "…, Tuesday, Nov. 19, 2019, in Columbia, S.C.".
    // (A full date has four digits; long lines were only scanned in part.)
    if (8..=60).contains(&w) && (scan.digits >= 4 || s.len() > MAX_SCAN_BYTES) && dated_caption(s) {
        return Cue::Caption;
    }
    // A caption ending with the photo's date: "… Aleppo, Syria January 30, 2017".
    if !terminal && w <= 40 && scan.year && ends_with_date(s) {
        return Cue::Caption;
    }
    // A line that only labels an ad: "Advert", "Anzeige", "Publicidade",
    // "Реклама", "Story continues below advertisement".
    let ad_words = scan.has(Kw::Advert) || scan.has(Kw::AdLabel) || !scan.ascii;
    if w <= 6 && s.len() <= 60 && ad_words && ad_label(s) {
        return Cue::Boilerplate;
    }
    // "You may also like", "Related stories", "Leia também": the story is over.
    let may_break = matches!(
        first,
        Kw::BreakStart
            | Kw::More
            | Kw::Read
            | Kw::Related
            | Kw::See
            | Kw::Also
            | Kw::Comments
            | Kw::Share
            | Kw::Recommended
            | Kw::Up
            | Kw::Advert
            | Kw::Direction
    ) || !scan.ascii;
    if w <= 6 && s.len() <= 60 && may_break && section_break(s) {
        return Cue::SectionBreak;
    }
    // "About the author", "Über Moritz Bachmann", "Sobre Carlos Nadalim":
    // the author's box after the story, which is over.
    let about = first == Kw::About || !scan.ascii || s.starts_with("Sobre ");
    if (2..=5).contains(&w) && s.len() <= 60 && !terminal && about && author_box(s) {
        return Cue::StoryEnd;
    }
    // "6 thoughts on “Title”", "One response to “Title”": the comments.
    let counted = u.first.is_ascii_digit() || s.starts_with("One ");
    if w <= 40 && counted && comment_heading(s) {
        return Cue::StoryEnd;
    }
    // A teaser card flattened into one line: "Title Of Other StoryThe first
    // sentence of it…".
    // (Its title has at least three capitalised words.)
    if s.len() <= MAX_CUE_BYTES && u.upper_words >= 3 && glued_title(s) {
        return Cue::Related;
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
    // "Click on the photo to …", "Clique na foto …", "Tap to expand": a
    // line that opens by telling the reader to click is a link or a
    // photo's caption.
    if first == Kw::Click && click_prompt(s) {
        return Cue::Boilerplate;
    }
    // A comment-moderation notice: "Comments are moderated", "ATENÇÃO:
    // Comentários … não serão aprovados pelo moderador".
    if scan.has(Kw::Moderation) && w <= 60 && comments_opening(s, &scan) {
        return Cue::Boilerplate;
    }
    // An opinion disclaimer: "The views expressed are the author's own",
    // "Opinions expressed by contributors are their own", "Las opiniones
    // expresadas …".
    if scan.has(Kw::Expressed) && w <= 40 && opinion_disclaimer(s) {
        return Cue::Boilerplate;
    }
    // How to reach the author or the site: "Follow him on Twitter
    // @janedoe.", "Email Jane Doe at jdoe@example.com", "Siga-nos no
    // Instagram", "Jane Doe (jdoe@example.com) is a staff writer …".
    let at = memchr::memchr(b'@', s.as_bytes()).is_some();
    if w <= 60 && (at || scan.has(Kw::Social)) && (contact_line(s) || author_bio(s, &scan)) {
        return Cue::Boilerplate;
    }
    // An author's note: "Jane Doe is a reporter for NBC News."
    if scan.has(Kw::JobTitle) && w <= 30 && author_note(s) {
        return Cue::Boilerplate;
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
        || scan.has(Kw::SubscribeCmd)
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
    // Longer lines of sign-up boxes: "Subscribe to …", "Let our news meet your inbox.",
    // "I agree to receive the Morning Newsletter", "Please check the
    // opt-in box".
    let signup = first == Kw::SubscribeCmd
        || scan.has(Kw::Inbox)
        || scan.pair(Kw::Opt, Kw::In)
        || (scan.has(Kw::Newsletter) && w <= 20);
    if signup && w <= 30 {
        return Cue::Signup;
    }
    // A promotion that ends by asking the reader to sign up: "In each
    // episode of his weekly show … Click to subscribe!", "Start your day
    // with … Sign up for the free daily newsletter."
    let signup_words =
        scan.has(Kw::SubscribeCmd) || scan.pair(Kw::Sign, Kw::Up) || scan.has(Kw::Newsletter);
    if signup_words && w <= 60 && ends_with_signup_prompt(s) {
        return Cue::Signup;
    }
    let weak = [Kw::Share, Kw::Social, Kw::Comments, Kw::Chrome, Kw::Advert]
        .into_iter()
        .any(|kw| scan.has(kw));
    if weak && w <= 5 && !terminal {
        return Cue::Boilerplate;
    }
    Cue::None
}

/// The first two words of `s` (empty when missing).
fn first_two_words(s: &str) -> [&str; 2] {
    let mut words = s
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    [words.next().unwrap_or(""), words.next().unwrap_or("")]
}

/// `s` opens with an imperative "click" or "tap" (its first word is a
/// [`Kw::Click`]). "Click" and "tap" are also English nouns and adjectives
/// ("Click and collect sales rose", "Tap water"), so in English the next
/// word must be one a prompt goes on with; the other languages' forms
/// ("clique", "cliquez", "klicken", "clicca") are imperatives.
fn click_prompt(s: &str) -> bool {
    let [verb, next] = first_two_words(s);
    let english = verb.eq_ignore_ascii_case("click") || verb.eq_ignore_ascii_case("tap");
    !english
        || [
            "here", "on", "to", "the", "this", "below", "above", "through", "for", "image",
            "photo", "picture", "link", "play",
        ]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w))
}

/// The last sentence of `s` (a line of several) is a short call to sign
/// up: "Sign up …", "Subscribe …", "Click to subscribe!".
fn ends_with_signup_prompt(s: &str) -> bool {
    let line = s.trim_end_matches(is_space);
    let b = line.as_bytes();
    // The last sentence starts after the last ". ", "! " or "? ".
    let Some(end) = (1..b.len().saturating_sub(1))
        .rev()
        .find(|&i| matches!(b[i], b'.' | b'!' | b'?') && b[i + 1] == b' ')
    else {
        return false;
    };
    let last = Scan::new(&line[end + 2..]);
    let (first, second) = (last.kw(0), last.kw(1));
    last.n <= 12
        && (first == Kw::SubscribeCmd
            || (first == Kw::Sign && second == Kw::Up)
            || (first == Kw::Click
                && (last.has(Kw::SubscribeCmd)
                    || last.pair(Kw::Sign, Kw::Up)
                    || last.has(Kw::Newsletter))))
}

/// The last sentence of `s`: after its last ". ", "! " or "? " (all of `s`
/// when there is none).
fn last_sentence(s: &str) -> &str {
    let line = s.trim_end_matches(is_space);
    let b = line.as_bytes();
    (1..b.len().saturating_sub(1))
        .rev()
        .find(|&i| matches!(b[i], b'.' | b'!' | b'?') && b[i + 1] == b' ')
        .map_or(line, |end| &line[end + 2..])
}

/// First words of a call to follow an account, lower-case: "Follow us
/// on …", "Siga-nos no …", "Suivez-nous sur …", "Seguici su …".
const FOLLOW_OPENERS: [&str; 16] = [
    "follow",
    "siga",
    "sigam",
    "siga-nos",
    "sigam-nos",
    "segue-nos",
    "suivez",
    "suivez-nous",
    "seguici",
    "seguiteci",
    "síguenos",
    "sígueme",
    "volg",
    "følg",
    "följ",
    "подписывайтесь",
];

/// First words of a call to write to someone, lower-case: "Email Jane Doe
/// at …", "Contact the author: …", "Reach the reporters on Twitter …".
const CONTACT_OPENERS: [&str; 6] = ["email", "e-mail", "contact", "reach", "write", "tweet"];

/// Social networks named in calls to follow (lower-case).
const NETWORKS: [&str; 10] = [
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
];

/// The last sentence of `s` tells the reader how to reach the author or
/// the site: it opens with a call to follow ([`FOLLOW_OPENERS`]; German
/// "Folgen Sie …") or to write ([`CONTACT_OPENERS`]) and names a network or
/// a handle or address; or it gives an address to be "reached at" or to
/// "let us know at". English verbs that are also nouns ("Follow-up talks",
/// "Email records", "Contact tracing") must be followed by a name, a
/// pronoun or "the".
fn contact_line(s: &str) -> bool {
    let t = last_sentence(s);
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut tokens = t.split(is_space).filter(|w| !w.is_empty());
    let mut first = tokens.next().unwrap_or("");
    let mut next = tokens.next().unwrap_or("");
    // "You can follow her on Twitter …", "You can email him at …".
    if is(first, &["you"]) && is(next, &["can"]) {
        first = tokens.next().unwrap_or("");
        next = tokens.next().unwrap_or("");
    }
    let first = first.trim_end_matches([':', ',']);
    let address = memchr::memchr(b'@', t.as_bytes()).is_some();
    let words = || {
        t.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
    };
    let network = || words().any(|w| is(w, &NETWORKS));
    if words().count() > 25 {
        return false;
    }
    // Whom the English verb is about: "us", "him", "Jane Doe"; "the
    // reporters" only after a verb of writing ("Follow the debate on
    // Twitter" is about something else).
    let contact = is(first, &CONTACT_OPENERS);
    let object = next.starts_with(|c: char| c.is_uppercase() || c == '@')
        || is(
            next,
            &[
                "us", "me", "him", "her", "them", "our", "to", "along", "tips", "comments",
            ],
        )
        || (contact && is(next, &["the"]));
    let english = is(first, &["follow"]) || contact;
    let opener = (is(first, &FOLLOW_OPENERS) || contact) && (!english || object)
        || (is(first, &["folgen", "folge", "folgt"]) && is(next, &["sie", "uns", "mir"]));
    // Reported speech is the story's: "…, the party said."
    let reported = || words().any(|w| is(w, &["said", "says", "told"]));
    if opener && (address || network()) && !reported() {
        return true;
    }
    // "Jane Doe may be reached at jdoe@example.com", "let us know at: …".
    let mut prev = "";
    address
        && words().any(|w| {
            let hit = is(w, &["reached", "contacted"]) || (is(prev, &["know"]) && is(w, &["at"]));
            prev = w;
            hit
        })
}

/// `s` opens an author's note: a short name, then the author's handle or
/// e-mail address in brackets, then "is": "Jane Doe (jdoe@example.com) is
/// the editor of …", "Jane Doe (@janedoe) is a contributor at …". A handle
/// alone needs a newsroom job title too (a story may introduce someone by
/// their handle).
fn author_bio(s: &str, scan: &Scan) -> bool {
    let head = &s[..floor_char_boundary(s, 80)];
    let Some(open) = memchr::memchr(b'(', head.as_bytes()) else {
        return false;
    };
    let Some(close) = memchr::memchr(b')', &head.as_bytes()[open..]).map(|i| open + i) else {
        return false;
    };
    let name = head[..open].split(is_space).filter(|w| !w.is_empty());
    let name_ok = name.clone().count() <= 4
        && name.clone().count() >= 1
        && name.into_iter().all(|w| w.starts_with(char::is_uppercase));
    let inner = &head[open + 1..close];
    let email = inner
        .find('@')
        .is_some_and(|i| i > 0 && inner[i..].contains('.') && !inner.contains(' '));
    let handle = inner.starts_with('@') && !inner.contains(' ');
    let is_next = first_two_words(&head[close + 1..])[0] == "is";
    name_ok && is_next && (email || (handle && scan.has(Kw::JobTitle)))
}

/// `s` (at most 30 words, with a newsroom job title) is an author's note:
/// its first sentence is a full name (two to four capitalised words), "is
/// a/an/the", a job title within the next five words ("Jane Doe is a
/// senior reporter for …", "Jane Doe is the deputy editor of …"), at most
/// 16 words in all, and no word of reporting ("said", "former", "who"…).
/// A story's sentence about a journalist goes on longer or says who says so.
fn author_note(s: &str) -> bool {
    let b = s.as_bytes();
    // The first sentence ends at ". ", "! " or "? " (not after an initial:
    // "Jane Q. Doe").
    let initial = |i: usize| i >= 1 && b[i - 1].is_ascii_uppercase() && (i < 2 || b[i - 2] == b' ');
    let end = (0..b.len())
        .find(|&i| {
            matches!(b[i], b'.' | b'!' | b'?')
                && b.get(i + 1).is_none_or(|&c| c == b' ')
                && !initial(i)
        })
        .unwrap_or(b.len());
    let mut words = s[..end].split(is_space).filter(|w| !w.is_empty());
    let mut name = 0;
    let mut verb = "";
    for w in words.by_ref() {
        if w.starts_with(char::is_uppercase) && name < 4 {
            name += 1;
        } else {
            verb = w;
            break;
        }
    }
    let article = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    let title = rest.iter().take(5).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        [
            "reporter",
            "writer",
            "editor",
            "correspondent",
            "contributor",
            "columnist",
        ]
        .iter()
        .any(|t| w.eq_ignore_ascii_case(t))
    });
    // Reporting about someone: "…, the police said", "a former editor who …".
    let story = rest.iter().any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        [
            "said",
            "says",
            "told",
            "according",
            "former",
            "who",
            "accused",
        ]
        .iter()
        .any(|t| w.eq_ignore_ascii_case(t))
    });
    (2..=4).contains(&name)
        && !story
        && verb == "is"
        && ["a", "an", "the"].contains(&article)
        && name + 2 + rest.len() <= 16
        && title
}

/// Openings of a wire story's sign-off, lower-case.
const SIGN_OFFS: [&str; 5] = [
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
];

/// `s` is a wire story's sign-off: "(Reporting by Jane Roe; Editing by
/// John Doe)", "Additional reporting by …".
fn sign_off(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| c == '(' || is_space(c));
    SIGN_OFFS
        .iter()
        .any(|p| starts_with_ignore_ascii_case(s, p))
}

/// Closings of a line crediting other reporters, lower-case.
const CONTRIBUTED: [&str; 4] = [
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
];

/// Openings of a short line crediting other reporters or agency copy,
/// lower-case (the accented forms as written).
const WITH_COPY_FROM: [&str; 10] = [
    "with files from",
    "with reporting from",
    "with reporting by",
    "with additional reporting by",
    "com informações d",
    "com informacoes d",
    "con información de",
    "con informacion de",
    "mit material von",
    "avec agences",
];

/// `s` (a line of `w` words, at most 25) credits other reporters: one
/// sentence ending with "… contributed to this report", or a line of at
/// most 8 words opening with "With files from …", "Com informações da …",
/// "Con información de …", "Mit Material von …". A paragraph that ends
/// with such a credit keeps its story sentences.
fn contributor_credit(s: &str, w: usize) -> bool {
    let t = s.trim_matches(|c: char| is_space(c) || matches!(c, '(' | ')' | '*' | '.' | '—' | '-'));
    if w <= 8
        && WITH_COPY_FROM
            .iter()
            .any(|p| starts_with_ignore_ascii_case(t, p))
    {
        return true;
    }
    let b = t.as_bytes();
    let closing = CONTRIBUTED
        .iter()
        .any(|p| b.len() >= p.len() && b[b.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes()));
    // One sentence: every ". " follows an initial ("Eliott C. McLaughlin").
    let one_sentence = || {
        (1..b.len()).all(|i| {
            !(b[i - 1] == b'.' && b[i] == b' ')
                || t[..i - 1]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|word| word.len() <= 2)
        })
    };
    closing && one_sentence()
}

/// Labels of a photo credit in brackets, lower-case.
const CREDIT_LABELS: [&str; 9] = [
    "image", "photo", "picture", "pic", "foto", "imagen", "bild", "credit", "crédito",
];

/// Where the bracketed photo credit that ends `s` opens ("(Image: GETTY)",
/// "(Photos: AP)"): a label from [`CREDIT_LABELS`], maybe plural, then a
/// colon, in the last 80 bytes.
fn bracketed_credit(s: &str) -> Option<usize> {
    let s = s.trim_end_matches(is_space);
    if !s.ends_with(')') {
        return None;
    }
    let from = floor_char_boundary(s, s.len().saturating_sub(80));
    let open = from + memchr::memrchr(b'(', &s.as_bytes()[from..])?;
    let inner = s[open + 1..].trim_start_matches(is_space);
    let colon = inner.find(':')?;
    let label = inner[..colon].trim_end_matches(is_space);
    let label = label.strip_suffix(['s', 'S']).unwrap_or(label);
    CREDIT_LABELS
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
        .then_some(open)
}

/// An opinion disclaimer (the line says "expressed"): one of its first two
/// words is "views" or "opinion(s)" (also "opiniones", "opiniões"), and it
/// disowns them: "own", "author", "necessarily", "reflect", "responsab…".
fn opinion_disclaimer(s: &str) -> bool {
    let subject = first_two_words(s)
        .iter()
        .any(|w| starts_with_ignore_ascii_case(w, "opini") || w.eq_ignore_ascii_case("views"));
    // Word prefixes that disown the views ("own" as a whole word).
    let disowned = |w: &str| {
        w.eq_ignore_ascii_case("own")
            || ["author", "autor", "necessarily", "reflect", "responsab"]
                .iter()
                .any(|p| starts_with_ignore_ascii_case(w, p))
    };
    subject && s.split(|c: char| !is_word_char(c)).any(disowned)
}

/// One of the first two words of `s` is "comments" in some language
/// ("Comments are …", "ATENÇÃO: Comentários …"); words with accents are
/// not keywords, so those are matched by their stem.
fn comments_opening(s: &str, scan: &Scan) -> bool {
    scan.kw(0) == Kw::Comments
        || scan.kw(1) == Kw::Comments
        || first_two_words(s).iter().any(|w| {
            w.len() > 6
                && ["coment", "koment"]
                    .iter()
                    .any(|stem| starts_with_ignore_ascii_case(w, stem))
        })
}

/// Copyright formulas in other languages, lower-case ("all rights
/// reserved" itself is a keyword pair).
const RIGHTS_RESERVED: &[&str] = &[
    "direitos reservados",
    "derechos reservados",
    "rechte vorbehalten",
    "droits réservés",
    "droits rÉservÉs",
    "droits reserves",
    "diritti riservati",
    "rechten voorbehouden",
    "prawa zastrzeżone",
    "права защищены",
    "proibida a reprodu",
    "reprodução proibida",
    "prohibida su reproducci",
    "prohibida la reproducci",
    "reproduction interdite",
    "riproduzione riservata",
    "nachdruck nur mit",
    "перепечатка запрещена",
    "版权所有",
    "版權所有",
    "無断転載",
    "무단전재",
    "무단 전재",
];

/// `s` has Cyrillic, CJK or Hangul letters (UTF-8 lead bytes 0xD0-0xD3 and
/// 0xE4-0xED; accented Latin letters and curly quotes have others): the
/// scripts whose copyright formulas have no keyword.
fn cyrillic_or_cjk(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, 0xD0..=0xD3 | 0xE4..=0xED))
}

/// Subjects of an English syndication notice: "This material …", "The
/// content of this site …", "No part of this publication …",
/// "Reproduction in whole or in part …".
const NOTICE_SUBJECTS: [&str; 15] = [
    "material",
    "materials",
    "content",
    "contents",
    "part",
    "article",
    "articles",
    "story",
    "stories",
    "site",
    "website",
    "publication",
    "reproduction",
    "redistribution",
    "republication",
];

/// A searcher for each of [`RIGHTS_RESERVED`], built once (building one
/// cost more than the search).
static RIGHTS_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    RIGHTS_RESERVED
        .iter()
        .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
        .collect()
});

/// `s` (its scan found a [`Kw::Reproduce`] word, or it is a short line
/// with Cyrillic or CJK text) is a copyright or syndication notice: a formula
/// from [`RIGHTS_RESERVED`], or a line whose subject is the site's
/// material and that forbids copying it ("may not", "must not", "cannot",
/// "prohibited", "No part of …").
fn rights_notice(s: &str) -> bool {
    // ASCII letters lower-cased (lines reaching here are at most 60 words).
    let mut buf = [0u8; 512];
    let n = s.len().min(buf.len());
    for (d, b) in buf.iter_mut().zip(&s.as_bytes()[..n]) {
        *d = b.to_ascii_lowercase();
    }
    let low = &buf[..n];
    if RIGHTS_FINDERS.iter().any(|f| f.find(low).is_some()) {
        return true;
    }
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let [a, b] = first_two_words(s);
    let subject = is(a, &NOTICE_SUBJECTS)
        || (is(a, &["this", "the", "all", "no", "any"]) && is(b, &NOTICE_SUBJECTS));
    if !subject {
        return false;
    }
    let mut prev = a;
    let forbids = a.eq_ignore_ascii_case("no")
        || s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .any(|w| {
                let modal = is(prev, &["may", "must", "shall"]) && w.eq_ignore_ascii_case("not");
                let not_permitted =
                    prev.eq_ignore_ascii_case("not") && is(w, &["permitted", "allowed"]);
                prev = w;
                modal || not_permitted || is(w, &["cannot", "prohibited", "forbidden"])
            });
    forbids
}

/// `s` starts with `prefix`, ASCII letters compared without case.
fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
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
    "notícias relacionadas",
    "matérias relacionadas",
    "artigos relacionados",
    "posts relacionados",
    "mais lidas",
    "mais lidos",
    "mais notícias",
    "você também pode gostar",
    "noticias relacionadas",
    "artículos relacionados",
    "lo más leído",
    "más leídas",
    "más noticias",
    "también te puede gustar",
    "articles similaires",
    "sur le même sujet",
    "les plus lus",
    "à voir aussi",
    "vous aimerez aussi",
    "ähnliche artikel",
    "weitere artikel",
    "weitere nachrichten",
    "meistgelesen",
    "das könnte sie auch interessieren",
    "articoli correlati",
    "notizie correlate",
    "più letti",
    "ti potrebbe interessare",
    "lees ook",
    "meer nieuws",
    "gerelateerde artikelen",
    "читайте также",
    "похожие новости",
    "похожие статьи",
    "другие новости",
    "вам может быть интересно",
    "관련기사",
    "관련 기사",
    "関連記事",
    "相关新闻",
    "相关文章",
    "相關新聞",
];

/// `s` (a short line) lower-cased, letters and digits only, single spaces
/// between words, written into `buf`; `None` when it does not fit.
///
/// ASCII characters are handled without the Unicode tables and the
/// lower-casing iterator (same result: an ASCII character is alphanumeric
/// and lower-cases as in ASCII); `tests::normalise_as_defined` checks it.
fn normalise<'a>(s: &str, buf: &'a mut [u8; 128]) -> Option<&'a [u8]> {
    let mut len = 0;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            *buf.get_mut(len)? = c.to_ascii_lowercase() as u8;
            len += 1;
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if len + l.len_utf8() > buf.len() {
                    return None;
                }
                len += l.encode_utf8(&mut buf[len..]).len();
            }
        } else if is_space(c) && len > 0 && buf[len - 1] != b' ' && len < buf.len() {
            buf[len] = b' ';
            len += 1;
        }
    }
    while len > 0 && buf[len - 1] == b' ' {
        len -= 1;
    }
    Some(&buf[..len])
}

/// Whole lines that label an ad or the gap it leaves, normalised as by
/// [`normalise`].
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "story continues below advertisement",
    "article continues below advertisement",
    "advertisement continue reading below",
    "continue reading below",
    "advertisement scroll to continue",
    "scroll to continue with content",
    "anzeige",
    "werbung",
    "publicidade",
    "publicidad",
    "publicité",
    "pubblicità",
    "reklama",
    "reklam",
    "advertentie",
    "annonse",
    "mainos",
    "реклама",
    "广告",
    "廣告",
    "広告",
    "광고",
];

/// `s` (a short line) only labels an ad: "Advert", "- Anzeige -",
/// "PUBLICIDADE", "Story continues below advertisement".
fn ad_label(s: &str) -> bool {
    let mut buf = [0u8; 128];
    normalise(s, &mut buf).is_some_and(|norm| AD_LABELS.iter().any(|l| l.as_bytes() == norm))
}

/// Headings of an author's box, normalised as by [`normalise`].
const AUTHOR_BOXES: &[&str] = &[
    "about the author",
    "about the authors",
    "about the writer",
    "über den autor",
    "über die autorin",
    "sobre o autor",
    "sobre a autora",
    "sobre el autor",
    "sobre la autora",
    "à propos de lauteur",
];

/// Words that make "About …" a site's page, not a person: "About Us",
/// "About This Site", "Über uns".
const NOT_A_NAME: &[&str] = &[
    "Us", "Me", "My", "Our", "Your", "This", "The", "Uns", "Unser", "Unsere", "Nós", "Nosso",
    "Nossa", "Nosotros", "Este", "Esta",
];

/// `s` (a short line) heads an author's box: "About the author", or
/// "About" / "Über" / "Sobre" and a personal name of two or three words
/// ("Über Moritz Bachmann").
fn author_box(s: &str) -> bool {
    let mut buf = [0u8; 128];
    if normalise(s, &mut buf).is_some_and(|norm| AUTHOR_BOXES.iter().any(|p| norm == p.as_bytes()))
    {
        return true;
    }
    let mut words = s.split_whitespace();
    if !matches!(words.next(), Some("About" | "Über" | "Sobre")) {
        return false;
    }
    let name: Vec<&str> = words.collect();
    let name_word = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(|c| c.is_lowercase() || c == '-')
            && !NOT_A_NAME.contains(w)
    };
    (2..=3).contains(&name.len()) && name.iter().all(name_word)
}

/// What a comment thread's heading says after its count: "6 thoughts on
/// “How to …”" (WordPress), "12 responses to …", "3 comments on …".
const COMMENT_HEADINGS: &[&str] = &[
    "thoughts on ",
    "thought on ",
    "responses to ",
    "response to ",
    "replies to ",
    "reply to ",
    "comments on ",
    "comment on ",
    "comments to ",
];

/// `s` is a comment thread's heading: a count ("6", "One") and one of
/// [`COMMENT_HEADINGS`] followed by the story's title in quotes.
fn comment_heading(s: &str) -> bool {
    let rest = s.strip_prefix("One ").unwrap_or_else(|| {
        s.trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start()
    });
    let quoted = |t: &str| t.starts_with(['“', '"', '«', '„', '‘', '\'']);
    COMMENT_HEADINGS.iter().any(|h| {
        rest.len() > h.len()
            && rest.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes())
            && quoted(&rest[h.len()..])
    })
}

/// `s` (a short line) is the heading of a list of other stories.
fn section_break(s: &str) -> bool {
    // "Read more: Storm hits coast" is a teaser, not a heading.
    if let Some(colon) = s.find(':') {
        if s[colon + 1..].chars().any(char::is_alphanumeric) {
            return false;
        }
    }
    let mut buf = [0u8; 128];
    let Some(norm) = normalise(s, &mut buf) else {
        return false;
    };
    let Some(&first) = norm.first() else {
        return false;
    };
    // "More Great Stories", "Latest News", "Top Stories".
    let first_word = norm.split(|&b| b == b' ').next().unwrap_or_default();
    let last_word = norm.rsplit(|&b| b == b' ').next().unwrap_or_default();
    if matches!(
        first_word,
        b"more" | b"latest" | b"top" | b"popular" | b"related" | b"recommended" | b"trending"
    ) && matches!(
        last_word,
        b"stories" | b"news" | b"articles" | b"reads" | b"videos" | b"headlines" | b"posts"
    ) {
        return true;
    }
    SECTION_BREAKS.iter().any(|p| {
        let p = p.as_bytes();
        p[0] == first && norm.starts_with(p) && norm.get(p.len()).is_none_or(|&b| b == b' ')
    })
}

/// Cues that still apply to long lines: cookie notices, and captions that
/// open by saying so ("In this photo …", "FILE PHOTO: …").
fn long_cue(scan: &Scan) -> Cue {
    if scan.has(Kw::Cookie) && scan.has(Kw::Consent) {
        Cue::Boilerplate
    } else if photo_opening(scan) {
        Cue::Caption
    } else {
        Cue::None
    }
}

/// The line opens as a caption: "In this photo/image/file …", "FILE PHOTO: …".
fn photo_opening(scan: &Scan) -> bool {
    let (first, second) = (scan.kw(0), scan.kw(1));
    (first == Kw::In
        && second == Kw::This
        && (scan.has(Kw::Photo) || scan.has(Kw::Image) || scan.has(Kw::File)))
        || (first == Kw::File && second == Kw::Photo)
}

/// A title-case headline of four or more words glued to the next text
/// without a space: "…Death Of U of M-Dearborn Student-AthleteA 24-year-old
/// woman…". Names like "McDonald" do not count: the words before the seam
/// must be a title.
fn glued_title(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    // The first seam: a lower-case letter or digit, then a capital, then a
    // lower-case letter or a space ("eA ", "0The").
    // Titles are short: look for the seam in the first 160 bytes.
    let Some(seam) = (1..b.len().saturating_sub(1).min(160)).find(|&i| {
        (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
            && b[i].is_ascii_uppercase()
            && (b[i + 1].is_ascii_lowercase() || b[i + 1] == b' ')
    }) else {
        return false;
    };
    let head = &s[..seam];
    // The glued word's own start is long ("Steakhouse|A", "250,000|The"),
    // unlike "Mc|Koy" or "We|Work"; and a title is not a list of names.
    let glued_start = head.len() - head.rfind(' ').map_or(0, |i| i + 1);
    if glued_start < 4 || head.contains('(') || head.matches(',').count() > 1 {
        return false;
    }
    let words: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).collect();
    let content: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    words.len() >= 4
        && content.len() >= 3
        && content
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        // The last word is the one glued on: "Student-AthleteA" is fine,
        // "McDonald" would have no title before it.
        && words.last().is_none_or(|w| w.len() > 2)
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

    /// Every line in `lines` gets the cue `expected`.
    fn assert_cues(lines: &[&str], expected: Cue) {
        for s in lines {
            assert_eq!(cue_of(s), expected, "{s}");
        }
    }

    /// [`normalise`] the plain way: Unicode case and classes for every
    /// character.
    fn plain_normalise<'a>(s: &str, buf: &'a mut [u8; 128]) -> Option<&'a [u8]> {
        let mut len = 0;
        for c in s.chars() {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    if len + l.len_utf8() > buf.len() {
                        return None;
                    }
                    len += l.encode_utf8(&mut buf[len..]).len();
                }
            } else if is_space(c) && len > 0 && buf[len - 1] != b' ' && len < buf.len() {
                buf[len] = b' ';
                len += 1;
            }
        }
        while len > 0 && buf[len - 1] == b' ' {
            len -= 1;
        }
        Some(&buf[..len])
    }

    /// [`Scan::feed`] the plain way, a character at a time.
    fn plain_feed(scan: &mut Scan, s: &str) {
        scan.ascii &= s.is_ascii();
        let chars = s.chars();
        // The lower-cased word packed into a number, as the keyword table
        // keys it (ASCII words of at most 16 bytes; others are no keyword).
        let mut key = 0u128;
        let mut len = 0usize;
        let mut ascii = true;
        let mut start: Option<char> = None;
        let mut digits = 0;
        let mut all_digits = true;
        let mut prev = None::<Kw>;
        // Word whose `next` character is still to be seen.
        let mut pending: Option<(usize, Kw)> = None;
        for c in chars.chain(std::iter::once(' ')) {
            if !is_space(c) {
                if let Some((i, kw)) = pending.take() {
                    scan.see_next(i, kw, c);
                }
            }
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(c);
                    len = 0;
                    key = 0;
                    ascii = true;
                    digits = 0;
                    all_digits = true;
                }
                if c.is_ascii_digit() {
                    digits += 1;
                    scan.digits += 1;
                } else {
                    all_digits = false;
                }
                if c.is_ascii() && len < 16 {
                    key |= u128::from(c.to_ascii_lowercase() as u8) << (8 * len);
                    len += 1;
                } else {
                    ascii = false;
                }
                continue;
            }
            if let Some(first) = start.take() {
                scan.year |= all_digits && digits == 4;
                let kw = if ascii {
                    KEYWORD_TABLE.get_key(key)
                } else {
                    Kw::Other
                };
                scan.end_word(first, kw, prev);
                prev = Some(kw);
                if is_space(c) {
                    pending = Some((scan.n - 1, kw));
                } else {
                    scan.see_next(scan.n - 1, kw, c);
                }
            }
            scan.see_mark(c);
        }
    }

    proptest::proptest! {
        #[test]
        fn pack_at_packs_the_slice(b in proptest::collection::vec(1u8.., 0..40), start in 0usize..40, len in 0usize..=16) {
            let start = start.min(b.len());
            let len = len.min(b.len() - start);
            proptest::prop_assert_eq!(pack_at(&b, start, len), pack(&b[start..start + len]));
        }

        /// Also past the buffer's 128 bytes, where both give up.
        #[test]
        fn normalise_as_defined(
            s in "([A-Za-z0-9]{1,20}|[ \\t.,:|-]|\\u{a0}|É|İ|ß|Ж|中|\\u{2019}){0,40}"
        ) {
            let (mut a, mut b) = ([0u8; 128], [0u8; 128]);
            proptest::prop_assert_eq!(normalise(&s, &mut a), plain_normalise(&s, &mut b));
        }

        /// The word-at-a-time scan finds what the character-at-a-time scan
        /// finds: keywords (also in capitals, past 16 letters, or with a
        /// non-ASCII letter), pairs, years, digits, what follows the first
        /// words, marks, on ASCII and other text.
        #[test]
        fn scan_as_defined(
            s in "(By|by|PHOTO|Getty|images|Reuters|AP|all|Rights|reserved|sign|up|min|read|2019|1|12345|abcdefghijklmnopq|[A-Za-z0-9]{1,18}|[ \\t\\n\\x0b\\x00:/|.,()@-]|é|Ж|中|²|©|ⓒ|“|\\u{a0}|\\u{3000}|\\u{2019}){0,30}"
        ) {
            let mut fast = Scan::new("");
            fast.feed(&s);
            let mut plain = Scan::new("");
            plain_feed(&mut plain, &s);
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    #[test]
    fn credits() {
        assert_cues(
            &[
                "© REUTERS/ Khalil Ashawi",
                "Image Credit: WeWork",
                "Photo: Getty Images",
                "(AP Photo/Evan Vucci)",
                "REUTERS/Brendan McDermid",
                "Photograph: Shutterstock",
                "©",
                "(Photos: Jane Roe)",
            ],
            Cue::Credit,
        );
        // Brackets that are no credit.
        assert_cues(
            &[
                "The council approved the plan (a photo of it is online) on Monday",
                "The museum shows his best-known picture (Sunset: a study)",
            ],
            Cue::None,
        );
    }

    #[test]
    fn captions() {
        assert_cues(
            &[
                "Above: A WeWork coworking space in San Francisco.",
                "A Syrian national flag hangs in a damaged neighbourhood in Aleppo, Syria January 30, 2017",
                "FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid",
                "Prince Andrew (pictured) in 2010",
                "Representative image. (AFP file photo)",
                "In this photo issued by ITV, Jeremy Corbyn reacts during the debate in Salford, England, Tuesday Nov. 19, 2019.",
                "The latest case was reported after a hunter ate a rabbitCredit: Getty - Contributor",
                "Fans waited outside the stadium for hours (Image: GETTY )",
                "Le maire inaugure le nouveau pont (Photo : AFP)",
                "Die Feuerwehr löschte den Brand am Abend (Foto: dpa)",
            ],
            Cue::Caption,
        );
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
        assert_eq!(cue_of("9:24 pm ET"), Cue::Metadata);
        assert_eq!(
            cue_of("Tim Childers - Live Science Contributor"),
            Cue::Byline
        );
        assert_eq!(
            cue_of("site: media | arena: nfl | pageType: stories |"),
            Cue::Metadata
        );
    }

    #[test]
    fn furniture_and_teasers() {
        assert_cues(
            &[
                "Advertisement",
                "Share this article",
                "© 2004-2019 CBS Interactive. All Rights Reserved.",
                "Sign up for our newsletter",
                "Our website uses cookies to improve its performance and enhance your user experience.",
                "Log In",
            ],
            Cue::Boilerplate,
        );
        // Prompts to click, in a few languages.
        assert_cues(
            &[
                "Click on the map to see every stop of the tour this summer.",
                "Tap here for the full results of the regional vote",
                "Clique na imagem e confira a galeria completa do evento!",
                "Cliquez sur la photo pour voir toutes les images du match.",
                "Klicken Sie auf das Bild, um die Galerie zu öffnen.",
                "Clicca qui per leggere l'intervista completa.",
            ],
            Cue::Boilerplate,
        );
        // Comment-moderation notices.
        assert_cues(
            &[
                "Comments are moderated and may take a day to appear.",
                "NOTE: Comentários ofensivos ou fora do tema serão removidos pelo moderador.",
                "Kommentare werden vor der Veröffentlichung moderiert.",
            ],
            Cue::Boilerplate,
        );
        // Opinion disclaimers.
        assert_cues(
            &[
                "The views expressed in this column are the writer's own.",
                "Opinions expressed by our guest authors do not reflect those of the paper.",
                "Las opiniones expresadas en este artículo son responsabilidad del autor.",
            ],
            Cue::Boilerplate,
        );
        // Promotions that end with a call to sign up.
        assert_cues(
            &[
                "Every Friday our editors pick the week's best long reads. Sign up for the weekly email.",
                "In the podcast, two reporters talk through the day's biggest stories. Click to subscribe!",
            ],
            Cue::Signup,
        );
        assert_cues(
            &[
                "Click and collect orders rose by a third over the holiday season.",
                "Tap water in the town was declared safe to drink again on Monday.",
                "The company hired 3,000 moderators to review comments after the attack.",
                "The minister expressed her views on the budget in a long speech.",
                "Views expressed at the town meeting were mixed, the mayor said.",
                "The paper says more readers than ever pay to subscribe each month. Its rivals lost readers.",
            ],
            Cue::None,
        );
        assert_eq!(
            cue_of("Read more: Storm hits the coast of Norway"),
            Cue::Related
        );
        assert_eq!(cue_of("A spokeswoman declined to comment."), Cue::None);
        assert_eq!(
            cue_of("Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left without paying."),
            Cue::Related
        );
        assert_eq!(
            cue_of("Ronald McDonald House Charities said on Monday it would open a new home."),
            Cue::None
        );
        assert_eq!(
            cue_of("Bevan, Oyedele, Crooks, Puncheon, Kamara (Makofo 64), Herve (McKoy 45), Tapp."),
            Cue::None
        );
        assert_cues(
            &[
                "About the author",
                "ABOUT THE AUTHOR",
                "About Jane Roe",
                "Über Moritz Bachmann",
                "Über den Autor",
                "Sobre Carlos Nadalim",
                "Sobre a autora",
            ],
            Cue::StoryEnd,
        );
        for s in [
            "About Us",
            "About Our Team",
            "Über uns",
            "About 300 people attended",
            "About the election",
            "Sobre Carlos Nadalim e o método",
            "About Jane Roe.",
            "Sobre o acordo",
        ] {
            assert_ne!(cue_of(s), Cue::StoryEnd, "{s}");
        }
        assert_cues(
            &[
                "6 thoughts on “How to Adopt an Online Leader Success Mindset”",
                "One response to \"Why We Moved\"",
                "12 Comments on “Port Strike Ends”",
            ],
            Cue::StoryEnd,
        );
        for s in [
            "12 Comments",
            "6 thoughts on leadership from the coach who won three titles",
            "One reply to the letter came within a week.",
            "3 responses to the crisis",
        ] {
            assert_ne!(cue_of(s), Cue::StoryEnd, "{s}");
        }
        assert_eq!(cue_of("You may also like"), Cue::SectionBreak);
        assert_eq!(cue_of("Related Stories"), Cue::SectionBreak);
        assert_eq!(cue_of("Você pode gostar..."), Cue::SectionBreak);
        assert_cues(
            &[
                "Notícias relacionadas",
                "Weitere Artikel",
                "Articoli correlati",
                "Les plus lus",
                "Lees ook",
                "Похожие статьи",
                "関連記事",
            ],
            Cue::SectionBreak,
        );
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
    fn ad_labels() {
        assert_cues(
            &[
                "Advert",
                "ADVERTISEMENT",
                "- Anzeige -",
                "PUBLICIDADE",
                "Publicité",
                "Реклама",
                "광고",
                "Story continues below advertisement",
                "Advertisement - Scroll to continue",
            ],
            Cue::Boilerplate,
        );
        // Lines that speak of ads are no labels.
        assert_cues(
            &[
                "Anzeige gegen den Bürgermeister erstattet",
                "Werbung für Tabak wird ab Januar verboten.",
                "The advert was banned by the regulator.",
                "Publicidade enganosa é crime, diz o Procon.",
                "Continue reading the report on page two.",
            ],
            Cue::None,
        );
    }

    #[test]
    fn rights_notices() {
        assert_cues(
            &[
                "This material may not be published, broadcast, rewritten or redistributed.",
                "The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of the publisher.",
                "No part of this publication may be reproduced without written permission.",
                "Reproduction in whole or in part without permission is prohibited.",
                "Todos os direitos reservados.",
                "Alle Rechte vorbehalten.",
                "Tous droits réservés",
                "TOUS DROITS RÉSERVÉS",
                "Todos los derechos reservados.",
                "Tutti i diritti riservati",
                "Все права защищены",
                "Wszelkie prawa zastrzeżone.",
                "版权所有 © 新华网",
                "É proibida a reprodução deste conteúdo sem autorização.",
                "저작권자 ⓒ 엔터미디어, 무단전재 및 재배포금지",
            ],
            Cue::Boilerplate,
        );
        // Stories about copying and rights stay prose.
        assert_cues(
            &[
                "The photos may not be reproduced, the judge ruled on Monday.",
                "The content was reproduced without permission by rival outlets, the lawsuit says.",
                "The copyright dispute over the song went to court in 2019.",
                "Os direitos dos trabalhadores foram reservados pelo tribunal.",
                "Alle Rechte der Mieter bleiben erhalten, sagte der Minister.",
                "This article was republished after readers asked for it.",
            ],
            Cue::None,
        );
    }

    #[test]
    fn contact_lines() {
        assert_cues(
            &[
                "Follow him on Twitter @janedoe.",
                "Her latest book is out now. Follow her on Twitter @janedoe. Follow us on Twitter @example and on Facebook.",
                "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @janedoe or on Facebook.",
                "Email Jane Doe at jdoe@example.com or follow her @janedoe.",
                "Reach the reporters on Twitter at http://twitter.com/janedoe",
                "And if you have a news tip or correction, let us know at: tips@example.com.",
                "Siga-nos no Instagram: @exemplo",
                "Folgen Sie uns auf Twitter und Facebook",
                "Suivez-nous sur Twitter",
                "Síguenos en Facebook",
                "You can follow Jane on Twitter at @janedoe.",
                "Jane Doe (jdoe@example.com) is the editor of The Example Review. She also runs a website.",
                "Jane Doe (@janedoe) is a contributor at Example and the host of a radio show.",
                "Jane Doe is a reporter for Example News.",
                "Jane Q. Doe is the deputy editor of The Example Review. She lives in Ohio.",
            ],
            Cue::Boilerplate,
        );
        // Stories that mention accounts, addresses and following stay prose.
        assert_cues(
            &[
                "Trump told supporters to follow him on Twitter, where he posts daily.",
                "You can follow the debate on Twitter, the party said.",
                "Follow the money on Facebook, he told the panel.",
                "Follow the debate on Twitter and Facebook all week.",
                "Follow-up talks were announced on Twitter by the ministry on Monday.",
                "Email records obtained by the paper show @CityHall knew of the leak.",
                "Contact tracing apps were promoted on Facebook and Twitter by the ministry.",
                "Folgen des Klimawandels sind auf Twitter ein großes Thema.",
                "Police asked anyone with information to email tips@police.example.",
                "John Smith (@jsmith) is a popular streamer who says he earns more than his parents.",
                "The senator, who can be reached in her office most days, said she would run again.",
                "Bob Woodward is a reporter for the Post who broke the Watergate story with Carl Bernstein in 1972.",
                "Jane Doe is a former editor, the police said.",
                "Jane Doe is a candidate for mayor and a former reporter.",
            ],
            Cue::None,
        );
    }

    #[test]
    fn wire_sign_offs() {
        assert_cues(
            &[
                "Fox News’ Jessica Napoli contributed to this report.",
                "Associated Press writer Jane Roe in Lagos contributed to this report.",
                "CNN's Eliott C. McLaughlin and Jane Roe contributed to this report.",
                "(With files from The Canadian Press)",
                "*Com informações da Agência Brasil",
                "Con información de EFE",
                "Mit Material von dpa",
                "(Reporting by Jane Roe in Lagos; Editing by John Doe)",
                "Additional reporting by Ann Lee; writing by Tom Park; editing by Sam Fox",
            ],
            Cue::SignOff,
        );
        assert_cues(
            &[
                "Reporting bias in the polls worried the campaign, aides said.",
                "The storm hit at night. CNN's Jane Roe contributed to this report.",
                "Rising prices contributed to this report's grim outlook, economists said.",
                "With files from the archive, the museum rebuilt the old ship.",
            ],
            Cue::None,
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
