//! Reading the dev corpora in `<workspace>/../shared/data`, shared by the
//! fitting and tuning examples (included with `#[path]`: an example cannot
//! depend on another).

use flate2::read::GzDecoder;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The shared data folder beside the workspace.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// Every record of the gzipped JSONL file `name` in [`data_dir`]; panics
/// with the path when it cannot be read (these are measuring scripts).
pub fn read_jsonl(name: &str) -> Vec<Value> {
    let path = data_dir().join(name);
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    BufReader::new(GzDecoder::new(file))
        .lines()
        .map(|l| serde_json::from_str(&l.expect("read line")).expect("valid JSON"))
        .collect()
}
