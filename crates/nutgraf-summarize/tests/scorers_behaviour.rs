//! Small hand-checkable cases for the classic scorers: each expected value
//! below is worked out by hand in the comment next to it.

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

/// Every paragraph is body text; `title` is the headline.
fn doc(text: &str, title: Option<&str>) -> Document {
    parse(
        text,
        &ParseOptions {
            title: title.map(str::to_string),
            detect_structure: false,
            ..ParseOptions::default()
        },
    )
}

fn scores(scorer: &dyn Scorer, doc: &Document) -> Vec<f64> {
    let candidates: Vec<usize> = doc.selectable_sentences().collect();
    scorer.score(
        doc,
        &ScoringContext {
            candidates: &candidates,
        },
    )
}

fn argmax(xs: &[f64]) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate() {
        if x > xs[best] {
            best = i;
        }
    }
    best
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Sentence 2 shares words with every other sentence; the others share
/// none among themselves.
const CENTRAL: &str = "Weather forecasts were bright. \
    The rocket launch was delayed. \
    Officials blamed bright weather forecasts for the delayed rocket launch. \
    Officials met in the capital. \
    Crowds blamed the heat.";

#[test]
fn sentence_repeating_the_central_words_ranks_first() {
    let d = doc(CENTRAL, None);
    assert_eq!(d.selectable_sentences().count(), 5);
    for (name, scorer) in [
        ("luhn", &Luhn::default() as &dyn Scorer),
        ("textrank", &TextRank::default()),
        ("textrank-bm25", &TextRank::bm25()),
        ("lexrank", &LexRank::default()),
        (
            "lexrank-continuous",
            &LexRank {
                variant: LexRankVariant::Continuous,
                ..LexRank::default()
            },
        ),
        ("lsa", &Lsa::default()),
    ] {
        let s = scores(scorer, &d);
        assert_eq!(argmax(&s), 2, "{name}: {s:?}");
    }
}

#[test]
fn luhn_scores_the_best_cluster() {
    // Significant (seen twice): weather, forecast, bright, rocket, launch,
    // delay, offici, blame. Stop words (were, the, was, for, in) are
    // insignificant but count in a cluster's length.
    // 0: [weather forecasts were bright]          3² / 4
    // 1: the [rocket launch was delayed]          3² / 4
    // 2: [officials … rocket launch], 8 of 10     8² / 10
    // 3: [officials] met in the capital           1² / 1
    // 4: crowds [blamed] the heat                 1² / 1
    let d = doc(CENTRAL, None);
    let s = scores(&Luhn::default(), &d);
    let expected = [9.0 / 4.0, 9.0 / 4.0, 64.0 / 10.0, 1.0, 1.0];
    for (got, want) in s.iter().zip(expected) {
        assert!(close(*got, want), "{s:?}");
    }
    // Counting only stems seen three times leaves nothing significant.
    let strict = Luhn {
        min_count: 3,
        ..Luhn::default()
    };
    assert!(scores(&strict, &d).iter().all(|&x| x == 0.0));
}

#[test]
fn edmundson_title_words_add_to_the_score() {
    let text = "The council met on Monday.\n\nThe bridge will close for repairs.\n\n\
                Traffic will use the ring road.";
    let plain = Edmundson::default();
    let without = plain.method_scores(&doc(text, None), &ctx_all(&doc(text, None)));
    let titled_doc = doc(text, Some("Bridge repairs close road"));
    let with = plain.method_scores(&titled_doc, &ctx_all(&titled_doc));
    // Title method: content stems of the title are bridg, repair, close,
    // road. Sentence 0 has none; sentence 1 has bridge, close, repairs (3);
    // sentence 2 has road (1).
    let title: Vec<f64> = with.iter().map(|m| m[2]).collect();
    assert_eq!(title, vec![0.0, 3.0, 1.0]);
    assert!(without.iter().all(|m| m[2] == 0.0));
    // The title moves sentence 1 ahead of the others in the total.
    let s = scores(&plain, &titled_doc);
    assert_eq!(argmax(&s), 1, "{s:?}");
}

#[test]
fn edmundson_cue_and_location() {
    // Three one-sentence paragraphs, then a two-sentence paragraph.
    let text = "Perhaps it will rain.\n\nThe main result is important.\n\nNothing else.\n\n\
                Officials spoke. Reporters left.";
    let d = doc(text, None);
    let m = Edmundson::default().method_scores(&d, &ctx_all(&d));
    // Cue: "perhaps" is a stigma word (−1); "main" and "important" are
    // bonus words (+2).
    assert_eq!(m[0][0], -1.0);
    assert_eq!(m[1][0], 2.0);
    // Location: sentence 0 is in the first paragraph, first and last of
    // it: 3. Sentence 2 is first and last of a middle paragraph: 2.
    // Sentence 3 is first of the last paragraph: 2; sentence 4 last of it: 2.
    let location: Vec<f64> = m.iter().map(|x| x[3]).collect();
    assert_eq!(location, vec![3.0, 2.0, 2.0, 2.0, 2.0]);
}

fn ctx_all(d: &Document) -> ScoringContext<'static> {
    let candidates: Vec<usize> = d.selectable_sentences().collect();
    ScoringContext {
        candidates: Box::leak(candidates.into_boxed_slice()),
    }
}

#[test]
fn lsa_with_every_dimension_is_the_column_norm() {
    // Binary cells, every dimension kept: Σ_k σ_k² v_ik² = ‖a_i‖² = the
    // number of distinct content stems of sentence i.
    let d = doc(
        "Rocket engines roar. Rocket fuel burns hot today. Weather.",
        None,
    );
    let lsa = Lsa {
        weighting: LsaWeighting::Binary,
        reduction_ratio: 1.0,
        ..Lsa::default()
    };
    let s = scores(&lsa, &d);
    // rocket, engin, roar | rocket, fuel, burn, hot, today | weather
    assert!(close(s[0], 3f64.sqrt()), "{s:?}");
    assert!(close(s[1], 5f64.sqrt()), "{s:?}");
    assert!(close(s[2], 1.0), "{s:?}");
}

#[test]
fn lsa_top_dimension_ignores_the_minor_topic() {
    // Two sentences share {rocket, engine, fuel}; the third is about
    // weather only. The top singular vector spans the rocket sentences, so
    // with one dimension the weather sentence scores 0.
    let d = doc(
        "Rocket engine fuel. Rocket engine fuel tests. Weather.",
        None,
    );
    let lsa = Lsa {
        weighting: LsaWeighting::Binary,
        reduction_ratio: 0.0,
        min_dimensions: 1,
        ..Lsa::default()
    };
    let s = scores(&lsa, &d);
    assert!(s[0] > 0.5 && s[1] > 0.5, "{s:?}");
    assert!(s[2].abs() < 1e-9, "{s:?}");
}

#[test]
fn sumbasic_pick_order() {
    // Content tokens: weather forecast | rocket fuel | rocket engine rocket
    // → 7 tokens, p(rocket) = 3/7, the others 1/7.
    // Step 1: most probable word "rocket"; sentences 1 and 2 both average
    //   (3/7 + 1/7) / 2 over their distinct words → tie → sentence 1.
    //   Update: p(rocket) = 9/49, p(fuel) = 1/49.
    // Step 2: most probable remaining word is rocket (9/49 > 1/7) → sentence 2.
    // Step 3: sentence 0.
    let d = doc("Weather forecast. Rocket fuel. Rocket engine rocket.", None);
    let s = scores(&SumBasic::default(), &d);
    assert_eq!(s, vec![1.0 / 3.0, 1.0, 1.0 / 2.0]);
    // Capped at one pick, the leftovers go by average probability after the
    // update: sentence 2 (9/49 + 1/7) / 2 ≈ 0.163 before sentence 0 (1/7).
    let s = scores(&SumBasic { max_picks: 1 }, &d);
    assert_eq!(s, vec![1.0 / 3.0, 1.0, 1.0 / 2.0]);
}

#[test]
fn klsum_pick_order() {
    // P_D: rocket 3/5, engine 1/5, weather 1/5; δ = 0.01, |V| = 3.
    // Gain of adding s to an empty summary:
    //   Σ_w P_D(w) [ln(c_s(w) + δ) − ln δ] − [ln(|s| + 3δ) − ln 3δ]
    //   "rocket rocket":  0.6·ln(201)            − ln(2.03/0.03) ≈ −1.03
    //   "rocket engine":  0.8·ln(101)            − ln(2.03/0.03) ≈ −0.52
    //   "weather":        0.2·ln(101)            − ln(1.03/0.03) ≈ −2.61
    // → "rocket engine" first. Then, with rocket 1, engine 1, N = 2:
    //   "rocket rocket":  0.6·ln(3.01/1.01) − ln(4.03/2.03) ≈ −0.03
    //   "weather":        0.2·ln(1.01/0.01) − ln(3.03/2.03) ≈ +0.52
    // → "weather", then "rocket rocket".
    let d = doc("Rocket rocket. Rocket engine. Weather.", None);
    let s = scores(&KlSum::default(), &d);
    assert_eq!(s, vec![1.0 / 3.0, 1.0, 1.0 / 2.0]);
    // Capped at one pick, the leftovers go by the gain computed above.
    let one = KlSum {
        max_picks: 1,
        ..KlSum::default()
    };
    assert_eq!(scores(&one, &d), vec![1.0 / 3.0, 1.0, 1.0 / 2.0]);
}

#[test]
fn textrank_hub_outranks_leaves() {
    // Sentence 1 shares a word with each of 0 and 2; 0 and 2 share none.
    // The path graph 0 – 1 – 2 with equal weights: the middle wins and the
    // ends tie.
    let d = doc(
        "Rocket crews trained. Rocket crews watched weather reports. Weather reports improved.",
        None,
    );
    let s = scores(&TextRank::default(), &d);
    assert!(s[1] > s[0] && s[1] > s[2], "{s:?}");
    assert!((s[0] - s[2]).abs() < 1e-9, "{s:?}");
}

#[test]
fn lexrank_matches_the_hand_computed_stationary_distribution() {
    // tf-idf over 4 sentences (idf = ln(N/df)): rocket and engine df 2,
    // the rest df 1. cos(0,1) = cos(0,2) = ln2² / (|0||1|) ≈ 0.32 > 0.1;
    // 1–2 and 3 share nothing. Thresholded graph with self-loops:
    //   0 → {0,1,2} (1/3 each), 1 → {0,1} (1/2), 2 → {0,2} (1/2), 3 → {3}.
    // PageRank, damping 0.85, uniform jump:
    //   p3 = 0.0375 + 0.85 p3 → p3 = 1/4;  p1 = p2;  p0 + 2 p1 = 3/4;
    //   p1 = 0.0375 + 0.85 (p0/3 + p1/2) → p1 = 0.75 / 3.425, p0 = 0.75 − 2 p1.
    let d = doc(
        "Rocket engine. Rocket fuel. Engine test. Weather forecast.",
        None,
    );
    let s = scores(&LexRank::default(), &d);
    let p1 = 0.75 / 3.425;
    let expected = [0.75 - 2.0 * p1, p1, p1, 0.25];
    for (got, want) in s.iter().zip(expected) {
        assert!((got - want).abs() < 1e-5, "{s:?} vs {expected:?}");
    }
    // Degree centrality counts the links, self included.
    let degree = LexRank {
        variant: LexRankVariant::Degree,
        ..LexRank::default()
    };
    assert_eq!(scores(&degree, &d), vec![3.0, 2.0, 2.0, 1.0]);
}

#[test]
fn pacsum_rewards_resembling_later_sentences() {
    // 3 sentences; "rocket" and "engine" are in sentences 0 and 1 (df 2 of
    // N = 3 → idf = ln(1.5/2.5), used squared); "weather" only in 2.
    // e_01 = 2 · ln(0.6)². With β = 0 the threshold is the minimum, 0 (the
    // pairs sharing nothing), so e'_01 = e_01:
    //   score 0 = λ2 · e_01 = e_01, score 1 = λ1 · e_01 = −2 e_01, score 2 = 0.
    let d = doc("Rocket engine. Rocket engine. Weather.", None);
    let pacsum = PacSum {
        beta: 0.0,
        lambda1: -2.0,
        lambda2: 1.0,
        ..PacSum::default()
    };
    let s = scores(&pacsum, &d);
    let e = 2.0 * 0.6f64.ln().powi(2);
    assert!(
        close(s[0], e) && close(s[1], -2.0 * e) && close(s[2], 0.0),
        "{s:?}"
    );
    // With β = 0.6 the threshold is 0.6 · max(1, e) = 0.6 > e (≈ 0.52): no
    // edge survives.
    let s = scores(
        &PacSum {
            beta: 0.6,
            ..pacsum
        },
        &d,
    );
    assert_eq!(s, vec![0.0, 0.0, 0.0]);
}
