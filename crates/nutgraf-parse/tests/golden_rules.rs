//! The 48 English "Golden Rules" of sentence segmentation (pySBD's test
//! set; see shared/data/SOURCES.md). Prints every failure and asserts a floor.
//! The data lives outside the repository; the test skips when it is absent.

use nutgraf_parse::sentences::split_sentences;
use std::path::PathBuf;

/// At least this many of the 48 rules must come out exactly right.
const FLOOR: usize = 46;

fn data_file() -> PathBuf {
    // crates/nutgraf-parse → workspace root → ../shared/data
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/golden_rules_en.jsonl")
}

#[test]
fn golden_rules_en() {
    let path = data_file();
    let Ok(content) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let mut total = 0;
    let mut passed = 0;
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let text = case["text"].as_str().expect("text");
        let expected: Vec<&str> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("sentence string"))
            .collect();
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        total += 1;
        if got == expected {
            passed += 1;
        } else {
            println!(
                "FAIL {} ({}):\n  text:     {text:?}\n  expected: {expected:?}\n  got:      {got:?}",
                case["id"], case["rule"]
            );
        }
    }
    println!("golden rules: {passed}/{total} exactly right");
    assert_eq!(total, 48, "the file should hold 48 rules");
    assert!(
        passed >= FLOOR,
        "{passed}/{total} golden rules, floor {FLOOR}"
    );
}
