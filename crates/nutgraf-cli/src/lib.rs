//! The `nutgraf` command line. `main()` only calls [`run`].

use std::ffi::OsString;

/// Runs the command line with the given arguments (including the program
/// name) and returns the process exit code.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    let path = args.get(1).cloned();
    let Some(path) = path else {
        eprintln!("usage: nutgraf parse FILE");
        return 2;
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let doc = nutgraf::parse::parse(&text, &nutgraf::parse::ParseOptions::default());
            for block in &doc.blocks {
                println!("[{}] {}", block.role, doc.slice(block.span));
            }
            0
        }
        Err(err) => {
            eprintln!("nutgraf: {}: {err}", path.to_string_lossy());
            2
        }
    }
}
