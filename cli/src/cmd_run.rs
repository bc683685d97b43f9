//! `wit run COMPONENT [CALL]`: calls one export of a component and prints its result in
//! WAVE, lists the exports with their WIT signatures, or with `-- ARGS...` runs a command
//! (`wasi:cli/run`, WASI 0.2 or 0.3) with those arguments.

use std::path::PathBuf;

use witty_runner::report::{ExportsReport, RunReport};
use witty_runner::{CallOutput, ExportInfo, Loaded, RunError, Runner};

use crate::output::print;
use crate::run_options::{Format, SandboxArgs, eprint};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
CALL is `name(args)`, `iface.name(args)` or `ns:pkg/iface@1.0.0.name(args)`, with the
arguments in WAVE, as `wasmtime run --invoke` takes them: `add(1, 2)`, `greet(\"you\")`,
`area({width: 2, height: 3})`, `parse(some([1, 2]))`. Quote it for the shell.

`wit run COMPONENT -- ARGS...` runs a command (a component exporting `wasi:cli/run`, WASI
0.2 or 0.3) with ARGS as its arguments (its argv[0] is the file's name); its exit code is
the command's: 0 for `ok`, 1 for `err`, or what it passed to `exit`.

The guest runs sandboxed: no files, environment variables or network unless given with
--dir, --env and --inherit-network, and limited by --timeout (0 for none), --max-memory and
--fuel. What it prints on stdout and stderr goes through as it is written (with --format
json it is collected into the report).

--format json prints one object on one line of stdout:
  {\"version\": 1, \"ok\": true, \"result\": \"<wave>\", \"stdout\": \"...\", \"stderr\": \"...\"}
  {\"version\": 1, \"ok\": false, \"error\": \"...\", \"stdout\": \"...\", \"stderr\": \"...\"}
and without CALL {\"version\": 1, \"ok\": true, \"exports\": [{\"name\", \"instance\",
\"function\", \"signature\", \"docs\"}]}.
A run object has \"notes\": [\"...\"] when the host has something to say (an HTTP request
the sandbox refused, with the flag that allows it).

Imports: WASI 0.2.12 and 0.3.0 (and wasi:http 0.2.12) are provided, also to components
built for other 0.2.x / 0.3.x versions; --trap-unknown-imports stubs only what is missing.

Exit codes: 0 the call returned, 1 it trapped or failed, 2 bad usage (unreadable file, not a
component, bad CALL, unknown export, wrong arguments).")]
pub struct RunArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`)
    pub component: PathBuf,
    /// The export to call, with its arguments in WAVE; without it, the exports are listed
    pub call: Option<String>,
    /// After `--`: run the component as a command with these arguments
    #[arg(last = true, value_name = "ARGS")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub sandbox: SandboxArgs,
    /// Output for people, or one JSON object for programs
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// `wit run`'s exit code.
pub fn run(args: RunArgs) -> u8 {
    // `--` runs the component as a command, with the arguments after it: there may be none.
    let command = !args.args.is_empty() || std::env::args_os().any(|a| a == "--");
    let mut options = args.sandbox.options();
    // People see the guest's output as it is written; programs get it in the report.
    options.stream_output = args.format == Format::Human;
    options.args = args.args.clone();
    let loaded = Runner::new(options).and_then(|r| r.load(&args.component));
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return report_error(&e, args.format),
    };
    match (&args.call, command) {
        (Some(call), false) => call_one(&loaded, call, args.format),
        (Some(call), true) => report_error(
            &RunError::usage(format!(
                "give a CALL (`{call}`) or a command's arguments after `--`, not both"
            )),
            args.format,
        ),
        (None, true) => run_command(&loaded, args.format),
        (None, false) => list(&loaded, args.format),
    }
}

fn call_one(loaded: &Loaded, call: &str, format: Format) -> u8 {
    let output = loaded.call(call);
    note_stubs(loaded, format);
    print_notes(&output, format);
    if format == Format::Json {
        print_json(&output.report());
    } else if let Some(wave) = output.wave() {
        print(&format!("{wave}\n"));
    }
    match &output.result {
        Ok(_) => 0,
        Err(e) => {
            if format == Format::Human {
                eprint(&format!("error: {}\n", e.message));
            }
            e.exit_code()
        }
    }
}

/// Runs the component's `wasi:cli/run`; the exit code is the command's.
fn run_command(loaded: &Loaded, format: Format) -> u8 {
    let output = loaded.run_command();
    note_stubs(loaded, format);
    print_notes(&output, format);
    if format == Format::Json {
        print_json(&output.report());
    }
    match (output.exit_code, &output.result) {
        (Some(code), _) => u8::try_from(code).unwrap_or(1),
        (None, Ok(_)) => 0,
        (None, Err(e)) => {
            if format == Format::Human {
                eprint(&format!("error: {}\n", e.message));
            }
            e.exit_code()
        }
    }
}

/// The host's notes on a call (a refused HTTP request), for people.
fn print_notes(output: &CallOutput, format: Format) {
    if format == Format::Human {
        for note in &output.notes {
            eprint(&format!("note: {note}\n"));
        }
    }
}

/// Says which imports were stubbed, so that a trap in one is no surprise.
fn note_stubs(loaded: &Loaded, format: Format) {
    let stubbed = loaded.stubbed_imports();
    if format == Format::Human && !stubbed.is_empty() {
        eprint(&format!(
            "note: {} import(s) stubbed by --trap-unknown-imports (calling one traps): {}\n",
            stubbed.len(),
            stubbed.join(", ")
        ));
    }
}

fn list(loaded: &Loaded, format: Format) -> u8 {
    let exports = match loaded.exports() {
        Ok(exports) => exports,
        Err(e) => return report_error(&e, format),
    };
    if format == Format::Json {
        print_json(&ExportsReport::of_exports(exports));
        return 0;
    }
    if exports.is_empty() {
        eprint(&format!(
            "{}: exports no functions\n",
            loaded.path().display()
        ));
        return 0;
    }
    print(&listing(&exports));
    0
}

/// Root functions first as `name: func(...)`, then each instance with its functions
/// indented under it.
fn listing(exports: &[ExportInfo]) -> String {
    let mut text = String::new();
    let mut instance: Option<&str> = None;
    for export in exports {
        match &export.instance {
            None => text.push_str(&format!("{}\n", export.signature)),
            Some(i) => {
                if instance != Some(i) {
                    text.push_str(&format!("{i}:\n"));
                    instance = Some(i);
                }
                text.push_str(&format!("  {}\n", export.signature));
            }
        }
    }
    text
}

fn report_error(error: &RunError, format: Format) -> u8 {
    match format {
        Format::Json => print_json(&RunReport::of_error(&error.message)),
        Format::Human => eprint(&format!("error: {}\n", error.message)),
    }
    error.exit_code()
}

pub fn print_json(value: &impl serde::Serialize) {
    let text = serde_json::to_string(value).expect("reports serialize");
    print(&format!("{text}\n"));
}
