//! The `nutgraf` command line.
//!
//! `main()` only calls [`run`], which the Python wheel calls too. The shape
//! follows ripgrep: clap parses raw flags ([`args`]), each command validates
//! them into its own config, errors print their cause chain, and a closed
//! pipe (`nutgraf … | head`) ends quietly with status 0.
//!
//! Exit status: 0 when every document went through, 1 when some failed
//! (each is reported on stderr with file, line and id), 2 on a fatal error
//! (bad arguments, unwritable output).

pub mod args;
pub mod batch;
pub mod input;
pub mod output;
mod parse_cmd;

use anyhow::{bail, Context, Result};
use args::{Cli, Command, InputArgs, ParseArgs, ParseFormat, RunArgs};
use batch::{BatchOptions, Job, Sink, Tally};
use clap::{CommandFactory, FromArgMatches};
use input::{IdField, Reader, ReaderOptions};
use nutgraf::parse::{Language, ParseOptions};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// Exit status: every document went through.
pub const EXIT_OK: i32 = 0;
/// Exit status: some documents failed.
pub const EXIT_FAILED_DOCUMENTS: i32 = 1;
/// Exit status: a fatal error.
pub const EXIT_FATAL: i32 = 2;

/// Runs the command line with the given arguments (including the program
/// name) and returns the process exit status.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(err) => {
            // --help and --version are "errors" that exit 0.
            let _ = err.print();
            return if err.use_stderr() {
                EXIT_FATAL
            } else {
                EXIT_OK
            };
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return EXIT_FATAL;
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => EXIT_OK,
        Err(err) => {
            let mut stderr = io::stderr().lock();
            let _ = writeln!(stderr, "nutgraf: {err}");
            for cause in err.chain().skip(1) {
                let _ = writeln!(stderr, "  caused by: {cause}");
            }
            EXIT_FATAL
        }
    }
}

/// The clap command, with default values read from the library's
/// `Default` impls written into the help text.
pub fn command() -> clap::Command {
    let language = ParseOptions::default().language;
    let with_default = move |cmd: clap::Command| {
        cmd.mut_arg("language", |arg| {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            arg.help(format!("{help} [default: {language}]"))
        })
    };
    Cli::command().mut_subcommand("parse", with_default)
}

fn dispatch(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Parse(args) => parse_command(args),
        Command::Summarize(_) | Command::Eval(_) => {
            bail!("this command is not available yet")
        }
        Command::Completions { shell } => {
            let mut cmd = command();
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut cmd, "nutgraf", &mut out);
            out.flush()?;
            Ok(EXIT_OK)
        }
    }
}

fn parse_command(args: ParseArgs) -> Result<i32> {
    let mut options = ParseOptions::default();
    if let Some(language) = &args.language {
        options.language = parse_language(language)?;
    }
    options.title = args.title.clone();
    let reader = open_reader(&args.input)?;
    let job = parse_cmd::ParseJob {
        format: args.format,
        options,
        text_field: args.input.text_field.clone(),
        title_field: args.input.title_field.clone(),
        headers: reader.may_yield_many(),
    };
    let framing = match args.format {
        ParseFormat::Text => output::Framing::Text,
        ParseFormat::Jsonl => output::Framing::Jsonl,
        ParseFormat::Json => output::Framing::Json,
    };
    let mut sink = output::RenderedSink::new(framing);
    run_batch(reader, &job, &mut sink, &args.run)
}

fn parse_language(name: &str) -> Result<Language> {
    Ok(name.parse::<Language>()?)
}

/// Validates the input flags and opens the inputs.
fn open_reader(args: &InputArgs) -> Result<Reader> {
    let globs = if args.glob.is_empty() {
        None
    } else {
        let mut builder = globset::GlobSetBuilder::new();
        for glob in &args.glob {
            builder.add(globset::Glob::new(glob).with_context(|| format!("bad --glob {glob:?}"))?);
        }
        Some(builder.build()?)
    };
    let id_field = match &args.id_field {
        Some(name) => IdField {
            name: name.clone(),
            required: true,
        },
        None => IdField {
            name: "id".to_string(),
            required: false,
        },
    };
    Ok(Reader::new(
        &args.inputs,
        ReaderOptions {
            format: args.input_format,
            globs,
            id_field,
        },
    ))
}

/// Runs a job over the reader with the batch flags, prints the closing
/// line, and turns the tally into an exit status.
fn run_batch<J: Job>(
    reader: Reader,
    job: &J,
    sink: &mut dyn Sink<J::Output>,
    run: &RunArgs,
) -> Result<i32> {
    let pool = thread_pool(run.threads)?;
    let many = reader.may_yield_many();
    let mut out = open_output(run)?;
    let options = BatchOptions {
        chunk_size: run.chunk_size,
        strict: run.strict,
        keep_errors: run.keep_errors,
        progress: !run.no_progress,
    };
    let tally = batch::run(reader, job, &pool, sink, &mut out, &options)
        .context("cannot write the output")?;
    finish(tally, J::DONE, many)
}

/// Prints the closing line (for several documents, or when some failed)
/// and picks the exit status.
fn finish(tally: Tally, done: &str, many: bool) -> Result<i32> {
    if many || tally.failed > 0 {
        let _ = writeln!(io::stderr(), "nutgraf: {}", tally.line(done));
    }
    Ok(if tally.failed > 0 {
        EXIT_FAILED_DOCUMENTS
    } else {
        EXIT_OK
    })
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    if threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .thread_name(|i| format!("nutgraf-{i}"))
        .build()
        .context("cannot start the worker threads")
}

fn open_output(run: &RunArgs) -> Result<BufWriter<Box<dyn Write>>> {
    let sink: Box<dyn Write> = match &run.output {
        Some(path) if path.as_os_str() != "-" => Box::new(
            File::create(path)
                .with_context(|| format!("cannot create output file {}", path.display()))?,
        ),
        _ => Box::new(io::stdout()),
    };
    Ok(BufWriter::with_capacity(1 << 16, sink))
}

/// True when the error comes from writing to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
