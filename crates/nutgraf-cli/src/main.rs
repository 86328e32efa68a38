//! Binary entry point; all logic lives in the library's `run`.
//!
//! The binary allocates with mimalloc: a batch run makes and drops many
//! small buffers per document (texts, tokens, vocabularies, JSON), and the
//! system allocator spent a large share of the process in `malloc`/`free`
//! and in clearing fresh heap pages (`crates/nutgraf-cli/scripts/throughput.sh`
//! measures the difference).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(nutgraf_cli::run(std::env::args_os()));
}
