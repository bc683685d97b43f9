//! The `wit` command: a thin layer that parses flags and calls the witty crates.

mod cmd_check;
mod cmd_fmt;
mod cmd_parse;
mod diff;
mod paths;
mod report;
mod sources;
mod text_file;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "wit",
    version,
    about = "Check, format and explore WIT, the interface language of the WebAssembly Component Model"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report errors and warnings in WIT packages (exit 0: clean, 1: errors, 2: usage or I/O)
    Check(cmd_check::CheckArgs),
    /// Format WIT files in place, or with `--check` show what would change
    /// (exit 0: formatted, 1: would change or syntax errors, 2: usage or I/O)
    Fmt(cmd_fmt::FmtArgs),
    /// Print the lossless syntax tree of a WIT file, then its syntax errors on stderr
    /// (exit 0: no errors, 1: syntax errors, 2: unreadable file)
    Parse {
        /// The `.wit` file to parse
        file: PathBuf,
    },
    /// The language server, speaking LSP on stdin and stdout
    Lsp {
        /// Accepted for clients that say how to talk (stdio is the only way anyway)
        #[arg(long)]
        stdio: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => cmd_check::run(args),
        Command::Fmt(args) => cmd_fmt::run(args),
        Command::Parse { file } => cmd_parse::run(&file),
        Command::Lsp { stdio: _ } => match witty_lsp::run() {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: cannot start the language server: {e}");
                2
            }
        },
    };
    ExitCode::from(code)
}
