//! `witty.runDependencyTool`: runs the tool command that fixes a dependency problem (`wkg wit
//! fetch`, `wit-deps lock`/`update`, `cargo component build`) as a child process with a
//! timeout, off the message loop: the request is answered at once, and the outcome goes to
//! `window/showMessage` (the tail of stderr on failure), the whole output to
//! `window/logMessage`; then the packages below the folder it ran in are loaded again.
//! Only those three programs run, found on PATH, with the arguments the analysis gives.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::MessageType;
use witty_analysis::deps::{Invocation, Tool};

use crate::publish::Publisher;

pub const COMMAND: &str = "witty.runDependencyTool";

/// How long a fetch may take (a registry far away, a big package) before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(300);

/// How many lines of stderr the message shows when the tool fails.
const STDERR_TAIL: usize = 5;

/// The command's argument: what the code action carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ToolArguments {
    /// `wkg`, `wit-deps` or `cargo-component`.
    pub tool: String,
    pub args: Vec<String>,
    pub cwd: PathBuf,
}

impl ToolArguments {
    pub fn of(invocation: &Invocation) -> ToolArguments {
        ToolArguments {
            tool: invocation.tool.name().to_string(),
            args: invocation.args.clone(),
            cwd: invocation.cwd.clone(),
        }
    }

    /// The invocation these arguments stand for, if they are one the analysis would give.
    fn invocation(&self) -> std::result::Result<Invocation, String> {
        let (tool, program) = match self.tool.as_str() {
            "wkg" => (Tool::Wkg, "wkg"),
            "wit-deps" => (Tool::WitDeps, "wit-deps"),
            "cargo-component" => (Tool::CargoComponent, "cargo"),
            other => {
                return Err(format!(
                    "`{other}` is not a dependency tool witty runs (wkg, wit-deps, cargo-component)"
                ));
            }
        };
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let fine = match tool {
            Tool::Wkg => args.len() <= 3 && args.starts_with(&["wit", "fetch"]),
            Tool::WitDeps => {
                let (last, flags) = args.split_last().unwrap_or((&"", &[]));
                matches!(*last, "lock" | "update")
                    && flags.len() % 2 == 0
                    && flags
                        .chunks(2)
                        .all(|f| matches!(f[0], "--manifest" | "--lock" | "--deps"))
            }
            Tool::CargoComponent => args == ["component", "build"],
        };
        if !fine {
            return Err(format!(
                "`{} {}` is not a command witty runs for {}",
                program,
                args.join(" "),
                tool.name()
            ));
        }
        if !self.cwd.is_dir() {
            return Err(format!("{} is not a folder", self.cwd.display()));
        }
        Ok(Invocation {
            tool,
            program,
            args: self.args.clone(),
            cwd: self.cwd.clone(),
        })
    }
}

/// The executable `name` in a folder of PATH, as a shell would find it.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let exts: Vec<String> = if cfg!(windows) {
        std::env::var("PATHEXT")
            .unwrap_or_else(|_| ".EXE;.CMD;.BAT;.COM".into())
            .split(';')
            .map(str::to_string)
            .collect()
    } else {
        vec![String::new()]
    };
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .flat_map(|dir| exts.iter().map(move |e| dir.join(format!("{name}{e}"))))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The folders a tool runs in now: a second run there waits for the first to end.
static RUNNING: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Starts the tool and answers at once with what was started.
pub async fn execute(
    publisher: &Publisher,
    arguments: Vec<serde_json::Value>,
) -> Result<Option<serde_json::Value>> {
    let argument = arguments.into_iter().next().unwrap_or_default();
    let args: ToolArguments = serde_json::from_value(argument)
        .map_err(|e| Error::invalid_params(format!("{COMMAND}: {e}")))?;
    let invocation = args
        .invocation()
        .map_err(|e| Error::invalid_params(format!("{COMMAND}: {e}")))?;
    let client = &publisher.client;
    let shown = invocation.display();
    let Some(program) =
        find_on_path(invocation.program).filter(|_| find_on_path(invocation.requires()).is_some())
    else {
        let message = format!(
            "`{shown}` was not run: {} is not installed (not found on PATH); install it with `{}`",
            invocation.requires(),
            invocation.install_hint()
        );
        client.show_message(MessageType::ERROR, message).await;
        return Ok(None);
    };
    let fresh = RUNNING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(Default::default)
        .insert(invocation.cwd.clone());
    if !fresh {
        let message = format!(
            "`{shown}` was not run: a dependency tool is still running in {}",
            invocation.cwd.display()
        );
        client.show_message(MessageType::WARNING, message).await;
        return Ok(None);
    }
    let started = serde_json::json!({
        "started": shown,
        "cwd": invocation.cwd.display().to_string(),
    });
    let publisher = publisher.clone();
    tokio::spawn(async move {
        let outcome = run(&program, &invocation).await;
        report(&publisher, &invocation, outcome).await;
        RUNNING
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(Default::default)
            .remove(&invocation.cwd);
        // What the tool wrote is read again, whether or not the client's watcher saw it.
        let cwd = invocation.cwd.clone();
        publisher.change(None, move |state| state.reload_below(&cwd));
    });
    Ok(Some(started))
}

/// What a run gave: its exit status (or why there is none), its output, how long it took.
struct Outcome {
    status: std::result::Result<std::process::ExitStatus, String>,
    stdout: String,
    stderr: String,
    took: Duration,
}

async fn run(program: &Path, invocation: &Invocation) -> Outcome {
    let began = Instant::now();
    let mut command = tokio::process::Command::new(program);
    command
        .args(&invocation.args)
        .current_dir(&invocation.cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let outcome = |status, stdout: &[u8], stderr: &[u8]| Outcome {
        status,
        stdout: String::from_utf8_lossy(stdout).into_owned(),
        stderr: String::from_utf8_lossy(stderr).into_owned(),
        took: began.elapsed(),
    };
    let child = match command.spawn() {
        Ok(c) => c,
        Err(e) => {
            return outcome(
                Err(format!("cannot start {}: {e}", program.display())),
                b"",
                b"",
            );
        }
    };
    match tokio::time::timeout(TIMEOUT, child.wait_with_output()).await {
        // The child is killed when its future is dropped.
        Err(_) => outcome(
            Err(format!(
                "it did not finish within {} s and was stopped",
                TIMEOUT.as_secs()
            )),
            b"",
            b"",
        ),
        Ok(Err(e)) => outcome(Err(format!("it failed to run: {e}")), b"", b""),
        Ok(Ok(out)) => outcome(Ok(out.status), &out.stdout, &out.stderr),
    }
}

async fn report(publisher: &Publisher, invocation: &Invocation, outcome: Outcome) {
    let shown = invocation.display();
    let place = invocation.cwd.display();
    let took = format!("{:.1} s", outcome.took.as_secs_f64());
    let (kind, message) = match &outcome.status {
        Ok(status) if status.success() => (
            MessageType::INFO,
            format!("witty ran `{shown}` in {place}: it succeeded in {took}"),
        ),
        Ok(status) => {
            let tail: Vec<&str> = outcome
                .stderr
                .lines()
                .filter(|l| !l.trim().is_empty())
                .collect();
            let tail = tail[tail.len().saturating_sub(STDERR_TAIL)..].join("\n");
            (
                MessageType::ERROR,
                format!(
                    "witty ran `{shown}` in {place}: it failed ({status}) after {took}: {tail}"
                ),
            )
        }
        Err(why) => (
            MessageType::ERROR,
            format!("witty ran `{shown}` in {place}: {why}"),
        ),
    };
    let mut log = format!("{message}\n");
    for (name, text) in [("stdout", &outcome.stdout), ("stderr", &outcome.stderr)] {
        if !text.trim().is_empty() {
            log.push_str(&format!("--- {name} ---\n{}\n", text.trim_end()));
        }
    }
    publisher
        .client
        .log_message(MessageType::INFO, log.trim_end())
        .await;
    publisher.client.show_message(kind, message).await;
}
