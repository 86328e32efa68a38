//! Behaviour of `Summarizer` end to end: tiny inputs, budgets, redundancy,
//! roles, order, hints, errors.

mod common;

use nutgraf_parse::{parse, Document, ParseOptions, Role};
use nutgraf_summarize::{
    Algorithm, Budget, ConfigError, Order, Summarizer, SummarizerConfig, Summary,
};

fn summarizer(config: SummarizerConfig) -> Summarizer {
    Summarizer::new(SummarizerConfig {
        threads: Some(1),
        ..config
    })
    .expect("valid config")
}

fn with(algorithm: Algorithm, budget: Budget) -> Summarizer {
    summarizer(SummarizerConfig {
        algorithm,
        budget,
        ..SummarizerConfig::default()
    })
}

const STORY: &str = "The storm hit the coast on Monday night.\n\n\
    Thousands of homes lost power as winds reached 80mph.\n\n\
    Engineers worked through the night to restore supplies.\n\n\
    Schools in three counties stayed closed as a precaution.\n\n\
    Forecasters expect the winds to ease by Friday.";

fn page() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/page.txt"),
    )
    .expect("fixture")
}

fn sputnik() -> Option<String> {
    let path = common::data_dir().join("../examples/sputnik-2017-02-12-syria-talks.txt");
    std::fs::read_to_string(&path).ok()
}

/// Texts to run budget checks on: the fixture page, the story, and real
/// articles when the data is there.
fn texts() -> Vec<String> {
    let mut t = vec![STORY.to_string(), page()];
    t.extend(sputnik());
    t.extend(common::load_field("bbc_news_summary.dev.jsonl.gz", "article", 8).unwrap_or_default());
    t
}

fn check_spans(text: &str, summary: &Summary) {
    for s in &summary.sentences {
        assert_eq!(&text[s.span.range()], s.text);
    }
}

#[test]
fn empty_and_tiny_documents() {
    for algorithm in Algorithm::ALL {
        for budget in [
            Budget::Sentences(3),
            Budget::Ratio(0.5),
            Budget::Words(20),
            Budget::Chars(100),
        ] {
            let s = with(algorithm, budget);
            for empty in ["", "   \n\n\t", "— … —"] {
                let summary = s.summarize(empty);
                assert!(summary.is_empty(), "{algorithm} {budget:?} {empty:?}");
                assert_eq!(summary.stats.candidate_count, 0);
            }
            let one = s.summarize("Only one sentence here.");
            assert_eq!(one.len(), 1, "{algorithm} {budget:?}");
            assert_eq!(one.sentences[0].text, "Only one sentence here.");
            assert_eq!(one.sentences[0].rank, 1);
            let two = s.summarize("First sentence here. Second one follows.");
            assert!(!two.is_empty() && two.len() <= 2, "{algorithm} {budget:?}");
            check_spans("First sentence here. Second one follows.", &two);
        }
    }
}

#[test]
fn zero_budgets_give_empty_summaries() {
    for algorithm in Algorithm::ALL {
        for budget in [
            Budget::Sentences(0),
            Budget::Ratio(0.0),
            Budget::Words(0),
            Budget::Chars(0),
        ] {
            let summary = with(algorithm, budget).summarize(STORY);
            assert!(summary.is_empty(), "{algorithm} {budget:?}");
            assert_eq!(summary.stats.candidate_count, 5);
            assert!(!summary.stats.over_budget);
        }
    }
}

#[test]
fn sentence_and_ratio_budgets_count_sentences() {
    for algorithm in Algorithm::ALL {
        assert_eq!(
            with(algorithm, Budget::Sentences(2)).summarize(STORY).len(),
            2
        );
        // ceil(0.3 × 5) = 2; a tiny ratio still gives one sentence.
        assert_eq!(
            with(algorithm, Budget::Ratio(0.3)).summarize(STORY).len(),
            2
        );
        assert_eq!(
            with(algorithm, Budget::Ratio(0.001)).summarize(STORY).len(),
            1
        );
        assert_eq!(
            with(algorithm, Budget::Sentences(50))
                .summarize(STORY)
                .len(),
            5
        );
    }
}

#[test]
fn word_and_char_budgets_are_never_exceeded() {
    let texts = texts();
    for algorithm in Algorithm::ALL {
        for budget in [
            Budget::Words(1),
            Budget::Words(15),
            Budget::Words(60),
            Budget::Chars(40),
            Budget::Chars(300),
        ] {
            let s = with(algorithm, budget);
            for text in &texts {
                let summary = s.summarize(text);
                check_spans(text, &summary);
                let words: usize = summary.stats.selected_words;
                let chars: usize = summary
                    .sentences
                    .iter()
                    .map(|x| x.text.chars().count())
                    .sum();
                assert_eq!(chars, summary.stats.selected_chars);
                let (used, limit) = match budget {
                    Budget::Words(n) => (words, n),
                    Budget::Chars(n) => (chars, n),
                    _ => unreachable!(),
                };
                if summary.stats.over_budget {
                    // The documented exception: nothing fits, so the best
                    // sentence comes alone, and it really is too long.
                    assert_eq!(summary.len(), 1, "{algorithm} {budget:?}");
                    assert!(used > limit);
                } else {
                    assert!(used <= limit, "{algorithm} {budget:?}: {used} > {limit}");
                    assert!(!summary.is_empty() || summary.stats.candidate_count == 0);
                }
            }
        }
    }
    // One word fits nothing in STORY: the exception applies.
    let s = with(Algorithm::Lead, Budget::Words(1)).summarize(STORY);
    assert!(s.stats.over_budget);
    assert_eq!(
        s.sentences[0].text,
        "The storm hit the coast on Monday night."
    );
}

#[test]
fn near_duplicates_are_never_both_selected() {
    let text = "Police arrested two men after the robbery in the city centre.\n\n\
        The bank reopened on Tuesday.\n\n\
        Police arrested two men after the robbery in the city centre.\n\n\
        Police have arrested two men after the robbery in the city centre!\n\n\
        Witnesses described a silver car.";
    for algorithm in Algorithm::ALL {
        let summary = with(algorithm, Budget::Sentences(5)).summarize(text);
        let police = summary
            .sentences
            .iter()
            .filter(|s| s.text.contains("arrested two men"))
            .count();
        assert_eq!(police, 1, "{algorithm}: {:?}", summary.text());
        assert_eq!(summary.len(), 3, "{algorithm}");
    }
    // With the check off, all five may come back.
    let off = summarizer(SummarizerConfig {
        algorithm: Algorithm::Lead,
        budget: Budget::Sentences(5),
        near_duplicate_threshold: None,
        ..SummarizerConfig::default()
    });
    assert_eq!(off.summarize(text).len(), 5);
}

/// The fixture page with each line's role set by hand, whatever the
/// structure detector does: only body lines may be selected.
fn page_with_roles() -> Document {
    let text = page();
    let mut doc = parse(
        &text,
        &ParseOptions {
            detect_structure: false,
            ..ParseOptions::default()
        },
    );
    use Role::*;
    let roles = [
        Metadata,
        Headline,
        Standfirst,
        Byline,
        Body,
        Body,
        Caption,
        Credit,
        Body,
        Body,
        Related,
        Boilerplate,
        Boilerplate,
    ];
    assert_eq!(doc.blocks.len(), roles.len());
    for (b, role) in roles.iter().enumerate() {
        doc.blocks[b].role = *role;
        for i in doc.blocks[b].sentences.clone() {
            doc.sentences[i].role = *role;
        }
    }
    doc
}

#[test]
fn only_body_sentences_are_selected() {
    let doc = page_with_roles();
    let body: Vec<usize> = doc.selectable_sentences().collect();
    assert_eq!(body.len(), 4);
    for algorithm in Algorithm::ALL {
        let summary = with(algorithm, Budget::Sentences(100)).summarize_document(&doc);
        assert_eq!(summary.len(), 4, "{algorithm}");
        for s in &summary.sentences {
            assert_eq!(
                doc.sentences[s.index].role,
                Role::Body,
                "{algorithm}: {}",
                s.text
            );
        }
        assert_eq!(summary.stats.sentence_count, 13);
        assert_eq!(summary.stats.candidate_count, 4);
    }
    // Through the parser's own structure detection too.
    let text = page();
    let parsed = parse(&text, &ParseOptions::default());
    for algorithm in Algorithm::ALL {
        let summary = with(algorithm, Budget::Sentences(100)).summarize(&text);
        for s in &summary.sentences {
            assert_eq!(
                parsed.sentences[s.index].role,
                Role::Body,
                "{algorithm}: {}",
                s.text
            );
        }
    }
}

#[test]
fn rank_order_and_document_order_hold_the_same_sentences() {
    // Rank order lists ranks 1, 2, 3; document order lists ascending
    // indices; both hold the same sentences.
    for algorithm in Algorithm::ALL {
        let config = SummarizerConfig {
            algorithm,
            budget: Budget::Sentences(3),
            ..SummarizerConfig::default()
        };
        let doc_order = summarizer(config.clone()).summarize(STORY);
        let rank_order = summarizer(SummarizerConfig {
            order: Order::Rank,
            ..config
        })
        .summarize(STORY);
        let ranks: Vec<usize> = rank_order.sentences.iter().map(|s| s.rank).collect();
        assert_eq!(ranks, vec![1, 2, 3], "{algorithm}");
        let indices: Vec<usize> = doc_order.sentences.iter().map(|s| s.index).collect();
        assert!(indices.windows(2).all(|w| w[0] < w[1]), "{algorithm}");
        let mut a = rank_order.sentences.clone();
        a.sort_by_key(|s| s.index);
        assert_eq!(a, doc_order.sentences, "{algorithm}");
    }
}

#[test]
fn hints_change_the_selection() {
    let plain = with(Algorithm::Lead, Budget::Sentences(1)).summarize(STORY);
    assert!(plain.sentences[0].text.starts_with("The storm"));
    let hinted = summarizer(SummarizerConfig {
        algorithm: Algorithm::Lead,
        budget: Budget::Sentences(1),
        hints: vec!["school closures".to_string()],
        hint_weight: 2.0,
        ..SummarizerConfig::default()
    })
    .summarize(STORY);
    // "school" matches "Schools" through the stemmer.
    assert!(
        hinted.sentences[0].text.starts_with("Schools"),
        "{}",
        hinted.text()
    );
}

#[test]
fn mmr_and_trigram_blocking_run_on_real_text() {
    let text = sputnik().unwrap_or_else(page);
    for algorithm in Algorithm::ALL {
        let s = summarizer(SummarizerConfig {
            algorithm,
            budget: Budget::Sentences(4),
            redundancy: Some(0.7),
            trigram_blocking: true,
            ..SummarizerConfig::default()
        });
        let summary = s.summarize(&text);
        assert!(!summary.is_empty());
        check_spans(&text, &summary);
    }
}

#[test]
fn batches_match_single_calls_in_input_order() {
    let texts = texts();
    for algorithm in Algorithm::ALL {
        let s = summarizer(SummarizerConfig {
            algorithm,
            threads: Some(2),
            ..SummarizerConfig::default()
        });
        let batch = s.summarize_many(&texts);
        assert_eq!(batch.len(), texts.len());
        for (text, summary) in texts.iter().zip(&batch) {
            assert_eq!(&s.summarize(text), summary, "{algorithm}");
        }
    }
}

#[test]
fn summarizers_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Summarizer>();
}

#[test]
fn invalid_configs_name_their_field() {
    let cases: Vec<(SummarizerConfig, &str)> = vec![
        (
            SummarizerConfig {
                budget: Budget::Ratio(-0.5),
                ..Default::default()
            },
            "budget.ratio",
        ),
        (
            SummarizerConfig {
                budget: Budget::Ratio(f64::NAN),
                ..Default::default()
            },
            "budget.ratio",
        ),
        (
            SummarizerConfig {
                redundancy: Some(1.5),
                ..Default::default()
            },
            "redundancy",
        ),
        (
            SummarizerConfig {
                near_duplicate_threshold: Some(f64::INFINITY),
                ..Default::default()
            },
            "near_duplicate_threshold",
        ),
        (
            SummarizerConfig {
                hint_weight: -1.0,
                ..Default::default()
            },
            "hint_weight",
        ),
        (
            SummarizerConfig {
                threads: Some(0),
                ..Default::default()
            },
            "threads",
        ),
    ];
    for (config, field) in cases {
        let err = Summarizer::new(config).unwrap_err();
        assert_eq!(err.field(), field);
        assert!(err.to_string().contains(field), "{err}");
    }
    let mut c = SummarizerConfig::default();
    c.lexrank.threshold = 2.0;
    assert_eq!(Summarizer::new(c).unwrap_err().field(), "lexrank.threshold");
    let mut c = SummarizerConfig::default();
    c.pagerank.damping = -0.1;
    let err = Summarizer::new(c).unwrap_err();
    assert!(matches!(
        err,
        ConfigError::InvalidValue {
            field: "pagerank.damping",
            ..
        }
    ));
    assert!(err.to_string().contains("from 0 to 1"), "{err}");
}

#[test]
fn summaries_serialize() {
    let summary = with(Algorithm::Lead, Budget::Sentences(2)).summarize(STORY);
    let json = serde_json::to_string(&summary).unwrap();
    assert!(json.contains(r#""algorithm":"lead""#), "{json}");
    let back: Summary = serde_json::from_str(&json).unwrap();
    assert_eq!(back, summary);
}

#[test]
fn titles_reach_the_parser() {
    let s = with(Algorithm::Edmundson, Budget::Sentences(2));
    let doc = s.parse_titled(STORY, Some("Storm batters coast"));
    assert_eq!(doc.metadata.title.as_deref(), Some("Storm batters coast"));
    assert!(!doc.title_stems.is_empty());
    let items = vec![(STORY, Some("Storm batters coast")), (STORY, None)];
    let batch = s.summarize_many_titled(&items);
    assert_eq!(
        batch[0],
        s.summarize_titled(STORY, Some("Storm batters coast"))
    );
    assert_eq!(batch[1], s.summarize(STORY));
}
