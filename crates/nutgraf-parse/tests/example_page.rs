//! The example page of issue 2 (a Sputnik article as scraped, with NBSPs):
//! every block's role and text, and the page metadata. Expected values are
//! written by hand from the issue. The page lives outside the repo
//! (`<repo>/../shared/examples`); the test is skipped when it is absent.

use nutgraf_parse::{parse, ParseOptions, Role};
use std::path::Path;

fn page() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/sputnik-2017-02-12-syria-talks.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} not found", path.display());
            None
        }
    }
}

/// Runs of white space (NBSPs included) as one ASCII space.
fn squash(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const EXPECTED: &[(Role, &str)] = &[
    (Role::Metadata, "date 2017-02-12 Register"),
    (
        Role::Caption,
        "A Syrian national flag hangs in a damaged neighbourhood in Aleppo, Syria January 30, 2017",
    ),
    (
        Role::Headline,
        "Russia Preparing Another Meeting Between Syrian Government, Armed Opposition",
    ),
    (
        Role::Standfirst,
        "The Russian foreign minister said Moscow was preparing another meeting between the Syrian government and armed opposition.",
    ),
    (Role::Dateline, "MOSCOW (Sputnik) —"),
    (
        Role::Body,
        "Moscow is preparing another contact between the Syrian government and representatives of the country's armed opposition, Russian Foreign Minister Sergei Lavrov said in an interview with Russia's NTV channel broadcast Sunday.",
    ),
    (
        Role::Body,
        "\"We are working on the issue of preparation of yet another contact between the [Syrian] government and armed members of opposition and we continue to attract additional armed groups to join the process,\" Lavrov said.",
    ),
    (
        Role::Body,
        "Moscow does not make any attempts to replace the UN-backed Geneva process aimed at reaching settlement in Syria by the negotiations held in Kazakhstan's capital of Astana, Lavrov said.",
    ),
    (
        Role::Body,
        "\"I want to fully clarify one point: we have said at all levels that we are not trying to replace UN efforts (but to a large extent our initiative was caused by the fact that it was impossible to tolerate inactivity anymore) and we understand that the number of participants in talks from both from parties to Syrian conflict and from 'the external actors' should be bigger than the one in Astana,\" he said.",
    ),
    (
        Role::Body,
        "\"In parallel with the Astana process, which we would like to maintain as a 'driver,' we are preparing for the talks under the UN auspices,\" the Russian diplomat added, reminding that the Geneva talks are expected to take place on February 20.",
    ),
    (
        Role::Caption,
        "Free Syrian Army fighters are seen in al Baza'a village in the outskirts of al-Bab town, Syria",
    ),
    (Role::Credit, "© REUTERS/ Khalil Ashawi"),
    (
        Role::Related,
        "'Move to Raqqa or Be a Human Shield': Syrian Man’s First-Hand Account of Daesh Horrors",
    ),
    (
        Role::Body,
        "Russia sent invitation to the United States to take part in the next meeting on Syrian settlement in Astana.",
    ),
    (
        Role::Body,
        "\"You are right, the US was represented at the first meeting as an observer state. We invited it to send its representatives to participate in the following meetings, as soon as they form their Middle East Syrian team,\" Lavrov said.",
    ),
    (
        Role::Body,
        "The next round of the Astana talks is planned for February 15-16.",
    ),
    (
        Role::Body,
        "Moscow, Tehran and Ankara have mostly agreed on the details of the trilateral mechanism to monitor the ceasefire in Syria and the mechanism will be implemented soon, the Russian foreign minister said.",
    ),
    (
        Role::Body,
        "\"The second meeting in Astana has ended recently. The meeting took place without the Syrian parties [to the conflict], but only with participation of Russia, Turkey and Iran, where the details of the Syria ceasefire monitoring mechanism have been coordinated. These details have been mostly agreed, they will come into effect soon and will be implemented,\" Lavrov said.",
    ),
    (
        Role::Body,
        "The Astana talks on Syrian crisis settlement brought together the representatives of the Syrian government and the armed opposition groups for the first time in the six years of the Syrian war. As a result of the talks, Russia, Iran and Turkey agreed to establish a trilateral mechanism to monitor the ceasefire that came into effect on December 30, 2016.",
    ),
    (
        Role::Body,
        "Since 2011, Syria has been engulfed in a civil war, with government forces fighting against numerous opposition and terrorist groups, including al-Nusra Front and Daesh, banned in a range of countries, including Russia.",
    ),
];

#[test]
fn every_block_has_the_expected_role_and_text() {
    let Some(text) = page() else { return };
    let doc = parse(&text, &ParseOptions::default());
    let got: Vec<(Role, String)> = doc
        .blocks
        .iter()
        .map(|b| (b.role, squash(doc.slice(b.span))))
        .collect();
    for (i, (role, expected)) in EXPECTED.iter().enumerate() {
        let Some((got_role, got_text)) = got.get(i) else {
            panic!("block {i} missing; expected {role} {expected:?}");
        };
        assert_eq!(got_text, expected, "text of block {i}");
        assert_eq!(got_role, role, "role of block {i}: {expected:?}");
    }
    assert_eq!(
        got.len(),
        EXPECTED.len(),
        "extra blocks: {:?}",
        &got[EXPECTED.len().min(got.len())..]
    );
}

#[test]
fn blocks_are_trimmed_of_nbsp() {
    let Some(text) = page() else { return };
    let doc = parse(&text, &ParseOptions::default());
    for b in &doc.blocks {
        let s = doc.slice(b.span);
        assert_eq!(s, s.trim(), "untrimmed block {s:?}");
    }
}

#[test]
fn metadata() {
    let Some(text) = page() else { return };
    let doc = parse(&text, &ParseOptions::default());
    let m = &doc.metadata;
    assert_eq!(m.date.as_deref(), Some("2017-02-12"));
    assert_eq!(
        m.title.as_deref(),
        Some("Russia Preparing Another Meeting Between Syrian Government, Armed Opposition")
    );
    let dateline = m.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.place, "MOSCOW");
    assert_eq!(dateline.agency.as_deref(), Some("Sputnik"));
    assert!(m.byline.is_empty(), "{:?}", m.byline);
}

#[test]
fn first_body_sentence_starts_after_the_dateline() {
    let Some(text) = page() else { return };
    let doc = parse(&text, &ParseOptions::default());
    let first = doc.selectable_sentences().next().expect("a body sentence");
    let sentence = squash(doc.sentence_text(first));
    assert!(
        sentence.starts_with("Moscow is preparing another contact"),
        "{sentence}"
    );
    // Captions, credits and the related headline are never selectable.
    for i in doc.selectable_sentences() {
        let s = doc.sentence_text(i);
        assert!(!s.contains("REUTERS") && !s.contains("Human Shield"), "{s}");
    }
}
