//! Photo captions glued onto a sentence of a story.
//!
//! Online papers (the Daily Mail style) put captioned photos above the
//! first paragraph and between later ones; when a page is flattened to
//! text the caption often runs straight into the next sentence without a
//! full stop, so one "sentence" is a caption and a sentence in one:
//!
//! > Guilty: Glenn Mason, 56, has said he will pay back the whole £185,000
//! > out of his RBS pension pot **A** respected NatWest bank manager who ...
//!
//! [`glue_point`] finds the seam: a word that usually opens a sentence
//! ("A", "An", "The", "He", "She", "It", "They") written with a capital,
//! followed by a lower-case word, right after a word that is not a function
//! word and ends in a lower-case letter or digit, with nothing but spaces
//! (or a closing bracket or quotation mark) between them — so no full
//! stop, comma, colon or dash. Both sides must be long enough to be a
//! caption and a sentence. A capitalised "A" or "The" in that position is
//! not how edited English continues a sentence; the exceptions are letters
//! used as labels ("Nurse A with", excluded: a function word follows;
//! "vitamin A supplements", not excluded — the price of a rule that reads
//! only the words at the seam).
//!
//! This is a genre signal, not a corpus one: it reads the words at the
//! seam, not how a corpus joined its lines or paragraphs.
//!
//! The clean fix is to split such a sentence in the parser and give the
//! caption its caption role, so that the sentence behind it stays
//! selectable; until the parser does that, the default scorer counts the
//! seam as a mark of an aside.

use nutgraf_parse::Document;

/// Words that open a lead sentence and, capitalised, rarely occur
/// mid-sentence right after a content word.
const OPENERS: [&str; 9] = [
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "Police",
    "Officials",
];

/// Words before the seam (the caption) at least.
pub const MIN_CAPTION_WORDS: usize = 5;

/// Words from the seam to the end (the glued sentence) at least.
pub const MIN_SENTENCE_WORDS: usize = 8;

/// Byte offset (into `doc.text`) where the sentence proper starts, when
/// sentence `i` looks like a caption glued onto a sentence; `None`
/// otherwise (and for an index past the document).
pub fn glue_point(doc: &Document, i: usize) -> Option<usize> {
    let sentence = doc.sentences.get(i)?;
    let tokens = doc.tokens.get(sentence.tokens.clone())?;
    let n = tokens.len();
    if n < MIN_CAPTION_WORDS + MIN_SENTENCE_WORDS {
        return None;
    }
    let bytes = doc.text.as_bytes();
    // The last seam wins: a caption may hold a capitalised title itself.
    // Every opener starts with an ASCII capital: a one-byte test first (a
    // word never starts inside a character), the whole test only for the
    // few words that pass it.
    for k in (MIN_CAPTION_WORDS..=n - MIN_SENTENCE_WORDS).rev() {
        let word = &tokens[k];
        if bytes
            .get(word.span.start)
            .is_some_and(u8::is_ascii_uppercase)
            && is_seam(doc, &tokens[k - 1], word, &tokens[k + 1])
        {
            return Some(word.span.start);
        }
    }
    None
}

/// Whether `word`, between `before` and `after`, is the seam (see the
/// module docs).
fn is_seam(
    doc: &Document,
    before: &nutgraf_parse::Token,
    word: &nutgraf_parse::Token,
    after: &nutgraf_parse::Token,
) -> bool {
    let text = |span: nutgraf_parse::Span| doc.text.get(span.range()).unwrap_or("");
    OPENERS.contains(&text(word.span))
        && text(after.span)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        // "Nurse A with ...": a letter used as a label, not an article.
        && !(text(word.span) == "A" && after.stop)
        && !before.stop
        && text(before.span)
            .chars()
            .last()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && doc
            .text
            .get(before.span.end..word.span.start)
            .is_some_and(|gap| {
                gap.contains(char::is_whitespace)
                    && gap.chars().all(|c| {
                        c.is_whitespace() || matches!(c, ')' | ']' | '\'' | '"' | '’' | '”')
                    })
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf_parse::{parse, ParseOptions};

    fn first_glue(text: &str) -> Option<String> {
        let doc = parse(text, &ParseOptions::default());
        let first = doc.selectable_sentences().next()?;
        glue_point(&doc, first).map(|at| doc.text[at..].chars().take(20).collect())
    }

    #[test]
    fn finds_captions_glued_onto_the_lead() {
        let glued = "Guilty: Glenn Mason, 56, has said he will pay back the whole sum out of his \
                     pension pot A respected bank manager who was jailed for stealing from his \
                     elderly customers will have to pay back every penny. He said sorry.";
        assert_eq!(first_glue(glued).as_deref(), Some("A respected bank man"));
        let no_colon = "Rhodri Giggs outside Manchester Magistrates Court yesterday, where he was \
                        banned from driving The brother of ex-footballer Ryan Giggs has lost his \
                        job as a driver after being banned from the roads. More follows.";
        assert_eq!(
            first_glue(no_colon).as_deref(),
            Some("The brother of ex-fo")
        );
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for text in [
            "Barbie collectors mark your calendars: This Saturday, a new doll goes on sale in \
             every store across the country. Fans queued early.",
            "With the new Avengers: Age of Ultron movie released this week, James Haskell showed \
             off his inner Iron Man in a serious-looking Instagram post. Fans loved it.",
            "It's not just UV rays that suncreams now protect against - some new products claim \
             to stop the damage from infra-red A rays, too. Shops sell them.",
            "The club said the striker will miss the game against the A team from the rival \
             town next month. Fans were upset.",
            "Prosecutors said the man, who was arrested on Monday, will appear in court. The \
             hearing is set for Friday morning in the capital.",
        ] {
            assert_eq!(first_glue(text), None, "{text}");
        }
    }
}
