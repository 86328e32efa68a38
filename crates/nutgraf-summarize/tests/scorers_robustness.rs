//! Every classic scorer on awkward inputs: one finite score per candidate,
//! no panic, and bit-identical scores on repeated runs and at different
//! rayon thread counts.

use nutgraf_parse::{parse, Document, ParseOptions};
use nutgraf_summarize::scorers::{
    edmundson::Edmundson,
    klsum::KlSum,
    lexrank::{LexRank, LexRankVariant},
    lsa::{Lsa, LsaWeighting},
    luhn::Luhn,
    pacsum::PacSum,
    sumbasic::SumBasic,
    textrank::TextRank,
};
use nutgraf_summarize::{Scorer, ScoringContext};

fn scorers() -> Vec<(&'static str, Box<dyn Scorer>)> {
    vec![
        ("luhn", Box::new(Luhn::default())),
        ("edmundson", Box::new(Edmundson::default())),
        (
            "edmundson-key",
            Box::new(Edmundson {
                key_weight: 1.0,
                ..Edmundson::default()
            }),
        ),
        ("lsa", Box::new(Lsa::default())),
        (
            "lsa-binary-small",
            Box::new(Lsa {
                weighting: LsaWeighting::Binary,
                reduction_ratio: 0.3,
                max_terms: 3,
                ..Lsa::default()
            }),
        ),
        (
            "lsa-tf",
            Box::new(Lsa {
                weighting: LsaWeighting::Tf,
                ..Lsa::default()
            }),
        ),
        ("sumbasic", Box::new(SumBasic::default())),
        ("sumbasic-2-picks", Box::new(SumBasic { max_picks: 2 })),
        ("klsum", Box::new(KlSum::default())),
        (
            "klsum-bad-smoothing-2-picks",
            Box::new(KlSum {
                smoothing: -1.0,
                max_picks: 2,
            }),
        ),
        ("textrank", Box::new(TextRank::default())),
        ("textrank-bm25", Box::new(TextRank::bm25())),
        ("lexrank", Box::new(LexRank::default())),
        (
            "lexrank-continuous",
            Box::new(LexRank {
                variant: LexRankVariant::Continuous,
                ..LexRank::default()
            }),
        ),
        (
            "lexrank-degree",
            Box::new(LexRank {
                variant: LexRankVariant::Degree,
                ..LexRank::default()
            }),
        ),
        ("pacsum", Box::new(PacSum::default())),
        (
            "pacsum-negative-beta",
            Box::new(PacSum {
                beta: -0.5,
                ..PacSum::default()
            }),
        ),
    ]
}

fn texts() -> Vec<String> {
    let mut long = String::new();
    for i in 0..120 {
        long.push_str(&format!(
            "Story {i} says the council voted {} times on the budget plan. ",
            i % 7
        ));
        if i % 5 == 4 {
            long.push_str("\n\n");
        }
    }
    vec![
        String::new(),
        "   \n\n  ".to_string(),
        "One sentence only.".to_string(),
        ". ! ?".to_string(),
        "!!! ??? ...\n\n— — —".to_string(),
        "The. A. Of. And.".to_string(),
        "Same words here. Same words here. Same words here.".to_string(),
        "1999. 2000. 2001.".to_string(),
        "Rocket launch delayed. Rocket launch delayed again!\n\nWeather was bad.".to_string(),
        "Ünïcödé wörds wörk. 東京で会議が開かれた。 Кремль заявил.".to_string(),
        long,
    ]
}

fn run(scorer: &dyn Scorer, doc: &Document, candidates: &[usize]) -> Vec<f64> {
    scorer.score(doc, &ScoringContext { candidates })
}

#[test]
fn one_finite_score_per_candidate_on_awkward_inputs() {
    for text in texts() {
        for title in [None, Some("Rocket launch"), Some("")] {
            let doc = parse(
                &text,
                &ParseOptions {
                    title: title.map(str::to_string),
                    ..ParseOptions::default()
                },
            );
            let candidates: Vec<usize> = doc.selectable_sentences().collect();
            for (name, scorer) in scorers() {
                let s = run(scorer.as_ref(), &doc, &candidates);
                assert_eq!(s.len(), candidates.len(), "{name} on {text:?}");
                assert!(s.iter().all(|x| x.is_finite()), "{name} on {text:?}: {s:?}");
            }
        }
    }
}

#[test]
fn odd_candidate_lists_do_not_panic() {
    let doc = parse(
        "Rocket launch delayed. Rocket launch delayed again. Weather was bad.",
        &ParseOptions::default(),
    );
    let n = doc.sentences.len();
    // Empty, repeated, out of order, and out of range (a caller bug, but no
    // panic: such a candidate simply scores like an empty sentence).
    for candidates in [vec![], vec![0, 0, 0], vec![2, 1, 0], vec![0, n, n + 5]] {
        for (name, scorer) in scorers() {
            let s = run(scorer.as_ref(), &doc, &candidates);
            assert_eq!(s.len(), candidates.len(), "{name} on {candidates:?}");
            assert!(s.iter().all(|x| x.is_finite()), "{name}: {s:?}");
        }
    }
}

#[test]
fn identical_sentences_score_alike_in_symmetric_scorers() {
    let doc = parse(
        "Same words here. Same words here. Same words here.",
        &ParseOptions::default(),
    );
    let candidates: Vec<usize> = doc.selectable_sentences().collect();
    assert_eq!(candidates.len(), 3);
    // Scorers with no notion of order or pick sequence give equal scores.
    for (name, scorer) in [
        ("luhn", Box::new(Luhn::default()) as Box<dyn Scorer>),
        ("lsa", Box::new(Lsa::default())),
        ("textrank", Box::new(TextRank::default())),
        ("lexrank", Box::new(LexRank::default())),
    ] {
        let s = run(scorer.as_ref(), &doc, &candidates);
        assert!(
            s.iter()
                .all(|&x| (x - s[0]).abs() <= 1e-12 * s[0].abs().max(1.0)),
            "{name}: {s:?}"
        );
    }
}

#[test]
fn deterministic_across_runs_and_thread_counts() {
    let text = texts().pop().unwrap_or_default();
    let doc = parse(
        &text,
        &ParseOptions {
            title: Some("Council budget vote".to_string()),
            ..ParseOptions::default()
        },
    );
    let candidates: Vec<usize> = doc.selectable_sentences().collect();
    assert!(candidates.len() > 100);
    let pool = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
    };
    let (one, four) = (pool(1), pool(4));
    for (name, scorer) in scorers() {
        let a = one.install(|| run(scorer.as_ref(), &doc, &candidates));
        let b = four.install(|| run(scorer.as_ref(), &doc, &candidates));
        let c = four.install(|| run(scorer.as_ref(), &doc, &candidates));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a), bits(&b), "{name}: 1 vs 4 threads");
        assert_eq!(bits(&b), bits(&c), "{name}: run to run");
    }
}
