//! Binary entry point; all logic lives in the library's `run`.

fn main() {
    std::process::exit(nutgraf_cli::run(std::env::args_os()));
}
