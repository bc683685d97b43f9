//! `wit run COMPONENT [CALL]`: calls one export of a component and prints its result in
//! WAVE, or lists the exports with their WIT signatures.

use std::path::PathBuf;

use witty_runner::report::{ExportsReport, RunReport};
use witty_runner::{ExportInfo, Loaded, RunError, Runner};

use crate::output::print;
use crate::run_options::{Format, SandboxArgs};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
CALL is `name(args)`, `iface.name(args)` or `ns:pkg/iface@1.0.0.name(args)`, with the
arguments in WAVE, as `wasmtime run --invoke` takes them: `add(1, 2)`, `greet(\"you\")`,
`area({width: 2, height: 3})`, `parse(some([1, 2]))`. Quote it for the shell.

The guest runs sandboxed: no files, environment variables or network unless given with
--dir, --env and --inherit-network, and limited by --timeout, --max-memory and --fuel. What
it prints on stdout and stderr is captured and shown after the call.

--format json prints one object on one line of stdout:
  {\"version\": 1, \"ok\": true, \"result\": \"<wave>\", \"stdout\": \"...\", \"stderr\": \"...\"}
  {\"version\": 1, \"ok\": false, \"error\": \"...\", \"stdout\": \"...\", \"stderr\": \"...\"}
and without CALL {\"version\": 1, \"ok\": true, \"exports\": [{\"name\", \"instance\",
\"function\", \"signature\", \"docs\"}]}.

Exit codes: 0 the call returned, 1 it trapped or failed, 2 bad usage (unreadable file, not a
component, bad CALL, unknown export, wrong arguments).")]
pub struct RunArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`)
    pub component: PathBuf,
    /// The export to call, with its arguments in WAVE; without it, the exports are listed
    pub call: Option<String>,
    #[command(flatten)]
    pub sandbox: SandboxArgs,
    /// Output for people, or one JSON object for programs
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn run(args: RunArgs) -> u8 {
    let loaded = Runner::new(args.sandbox.options()).and_then(|r| r.load(&args.component));
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return report_error(&e, args.format),
    };
    match &args.call {
        Some(call) => call_one(&loaded, call, args.format),
        None => list(&loaded, args.format),
    }
}

fn call_one(loaded: &Loaded, call: &str, format: Format) -> u8 {
    let output = loaded.call(call);
    if format == Format::Json {
        print_json(&output.report());
    } else {
        // What the guest printed comes first, then the result or the error, as if the
        // guest had printed straight to the terminal.
        print(&output.stdout);
        eprint!("{}", output.stderr);
        if let Some(wave) = output.wave() {
            print(&format!("{wave}\n"));
        }
    }
    match &output.result {
        Ok(_) => 0,
        Err(e) => {
            if format == Format::Human {
                eprintln!("error: {}", e.message);
            }
            e.exit_code()
        }
    }
}

fn list(loaded: &Loaded, format: Format) -> u8 {
    let exports = loaded.exports();
    if format == Format::Json {
        print_json(&ExportsReport::of_exports(exports));
        return 0;
    }
    if exports.is_empty() {
        eprintln!("{}: exports no functions", loaded.path().display());
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
        Format::Human => eprintln!("error: {}", error.message),
    }
    error.exit_code()
}

pub fn print_json(value: &impl serde::Serialize) {
    let text = serde_json::to_string(value).expect("reports serialize");
    print(&format!("{text}\n"));
}
