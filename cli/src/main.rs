//! The `wit` command: a thin layer that parses flags and calls the witty crates.

mod cmd_bindgen;
mod cmd_check;
mod cmd_deps;
mod cmd_fmt;
mod cmd_inspect;
mod cmd_parse;
mod cmd_plug;
mod cmd_run;
mod cmd_semver;
mod cmd_serve;
mod cmd_targets;
mod cmd_test;
mod diff;
mod out_dir;
mod output;
mod paths;
mod report;
mod run_options;
mod sources;
mod text_file;
mod wit_docs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "wit",
    version,
    about = "Check, format and explore WIT, the interface language of the WebAssembly Component Model, and the components made with it"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report errors and warnings in WIT packages (exit 0: clean, 1: errors, 2: usage or I/O)
    Check(cmd_check::CheckArgs),
    /// The dependency tree of a package: its `deps/`, wkg.lock and cache, wit-deps, Cargo.toml
    /// metadata, and what is wrong with them (exit 0: no problems, 1: problems, 2: bad input)
    Deps(cmd_deps::DepsArgs),
    /// Format WIT files in place, or with `--check` show what would change
    /// (exit 0: formatted, 1: would change or syntax errors, 2: usage or I/O)
    Fmt(cmd_fmt::FmtArgs),
    /// Print the lossless syntax tree of a WIT file, then its syntax errors on stderr
    /// (exit 0: no errors, 1: syntax errors, 2: unreadable file)
    Parse {
        /// The `.wit` file to parse
        file: PathBuf,
    },
    /// Call an export of a component, with arguments and result in WAVE, or list its exports
    /// (exit 0: returned, 1: trapped or failed, 2: usage)
    Run(cmd_run::RunArgs),
    /// Run a component that exports `wasi:http/incoming-handler` as an HTTP server
    /// (exit 1: cannot listen, 2: not a handler or not a component)
    Serve(cmd_serve::ServeArgs),
    /// Run the doc-comment examples and `test-*` exports of a component
    /// (exit 0: all pass, 1: a failure, 2: usage)
    Test(cmd_test::TestArgs),
    /// The language server, speaking LSP on stdin and stdout
    Lsp {
        /// Accepted for clients that say how to talk (stdio is the only way anyway)
        #[arg(long)]
        stdio: bool,
    },
    /// Print the WIT world of a component: its imports and exports with their types
    /// (exit 0, 2: not a component)
    Inspect(cmd_inspect::InspectArgs),
    /// Check that a component conforms to a world: no import the world does not allow, every
    /// export it asks for, the same types (exit 0: conforms, 1: does not, 2: bad input)
    Targets(cmd_targets::TargetsArgs),
    /// Say which imports of a socket component the plugs' exports fill, which stay open and
    /// why a plug does not fit; `-o` writes the composition
    /// (exit 0: every plug fits, 1: a plug does not, 2: bad input or ambiguous)
    Plug(cmd_plug::PlugArgs),
    /// Check that NEW is a compatible evolution of OLD (WIT packages or components) and that
    /// its version bump is enough (exit 0: compatible or bumped enough, 1: breaking, 2: bad input)
    SemverCheck(cmd_semver::SemverArgs),
    /// Bindings for a world by the real wit-bindgen generators (Rust, C, C++, C#, MoonBit,
    /// Markdown), on stdout or into --out-dir (exit 0, 1: errors in the package or from the
    /// generator, 2: bad usage)
    Bindgen(cmd_bindgen::BindgenArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => cmd_check::run(args),
        Command::Deps(args) => cmd_deps::run(args),
        Command::Fmt(args) => cmd_fmt::run(args),
        Command::Parse { file } => cmd_parse::run(&file),
        Command::Run(args) => cmd_run::run(args),
        Command::Test(args) => cmd_test::run(args),
        Command::Serve(args) => cmd_serve::run(args),
        Command::Inspect(args) => cmd_inspect::run(args),
        Command::Targets(args) => cmd_targets::run(args),
        Command::Plug(args) => cmd_plug::run(args),
        Command::SemverCheck(args) => cmd_semver::run(args),
        Command::Bindgen(args) => cmd_bindgen::run(args),
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
