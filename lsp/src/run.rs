//! The commands behind the run and test lenses (and the serve lens's, in `serve.rs`): `wit run`
//! and `wit test` in a child process
//! (a guest that crashes or hangs never takes the server down), with the limits of the
//! settings; the outcome goes to `window/showMessage`, the whole output to `window/logMessage`.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::MessageType;
use witty_run_report::{RunReport, TestReport};

use crate::project::RunLimits;

pub const RUN: &str = "witty.run";
pub const TEST: &str = "witty.test";
pub const COMMANDS: [&str; 3] = [RUN, TEST, crate::serve::SERVE];

/// How long past its own timeout a child may take (loading and compiling a large
/// component cold) before the server gives up on it.
const GRACE: Duration = Duration::from_secs(120);

/// The argument of `witty.run`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunArguments {
    pub component: PathBuf,
    /// The export as `wit run` calls it.
    pub export: String,
    /// As the WIT writes it, for the editor to show when it asks for arguments.
    pub signature: String,
    /// The whole call, `export(args)`; empty when the function takes arguments and its docs
    /// give no example.
    #[serde(default)]
    pub call: String,
    /// The function takes arguments: an editor that can ask for them does so first.
    #[serde(default)]
    pub needs_args: bool,
}

/// The argument of `witty.test`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestArguments {
    pub component: PathBuf,
    /// The package whose doc comments hold the examples.
    pub wit: PathBuf,
    /// Only this export's tests.
    #[serde(default)]
    pub only: Option<String>,
}

/// Runs a lens's command and answers with the runner's report (JSON), after telling the user.
pub async fn execute(
    client: &Client,
    limits: &RunLimits,
    command: &str,
    arguments: Vec<serde_json::Value>,
) -> Result<Option<serde_json::Value>> {
    let argument = arguments.into_iter().next().unwrap_or_default();
    let bad = |e: serde_json::Error| Error::invalid_params(format!("{command}: {e}"));
    match command {
        RUN => {
            run(
                client,
                limits,
                serde_json::from_value(argument).map_err(bad)?,
            )
            .await
        }
        TEST => {
            test(
                client,
                limits,
                serde_json::from_value(argument).map_err(bad)?,
            )
            .await
        }
        crate::serve::SERVE => {
            crate::serve::execute(
                client,
                limits,
                serde_json::from_value(argument).map_err(bad)?,
            )
            .await
        }
        _ => Err(Error::invalid_params(format!(
            "unknown command `{command}`; this server runs {}",
            COMMANDS.join(", ")
        ))),
    }
}

async fn run(
    client: &Client,
    limits: &RunLimits,
    args: RunArguments,
) -> Result<Option<serde_json::Value>> {
    if args.call.trim().is_empty() {
        // One line that every client shows whole: how to give the arguments here (an
        // editor that asks for them fills `call`, as the VS Code extension and the Neovim
        // configuration in editors/ do), in the docs, or in a terminal.
        let name = args.export.rsplit('.').next().unwrap_or(&args.export);
        let message = format!(
            "`{}` takes arguments ({}): add an example to its doc comment, such as \
             `{name}(…) == …` in a ```wave block, or run `wit run {} '{}(…)'` in a terminal",
            args.export,
            args.signature.trim_end_matches(';'),
            shell_words(&[args.component.display().to_string()]),
            args.export,
        );
        client.show_message(MessageType::WARNING, message).await;
        return Ok(None);
    }
    let mut cmd = vec![
        "run".into(),
        args.component.display().to_string(),
        args.call.clone(),
    ];
    cmd.extend(limit_args(limits));
    let out = child(&cmd, limits, 1).await;
    let report: RunReport = match out.and_then(|o| parse(&o)) {
        Ok(report) => report,
        Err(message) => return failed(client, &args.call, message).await,
    };
    let mut log = format!("witty: wit {}\n", shell_words(&cmd));
    match (&report.result, &report.error) {
        (Some(result), _) => {
            log.push_str(&format!("{} == {result}\n", args.call));
            client
                .show_message(MessageType::INFO, format!("{} == {result}", args.call))
                .await;
        }
        (None, error) => {
            let error = error.as_deref().unwrap_or("the call failed");
            log.push_str(&format!("{} failed: {error}\n", args.call));
            let first = error.lines().next().unwrap_or(error);
            client
                .show_message(MessageType::ERROR, format!("{} failed: {first}", args.call))
                .await;
        }
    }
    push_output(&mut log, &report.stdout, &report.stderr);
    client.log_message(MessageType::INFO, log.trim_end()).await;
    Ok(serde_json::to_value(&report).ok())
}

async fn test(
    client: &Client,
    limits: &RunLimits,
    args: TestArguments,
) -> Result<Option<serde_json::Value>> {
    let mut cmd = vec![
        "test".into(),
        args.component.display().to_string(),
        args.wit.display().to_string(),
    ];
    if let Some(only) = &args.only {
        cmd.extend(["--only".into(), only.clone()]);
    }
    cmd.extend(limit_args(limits));
    let what = args.only.clone().unwrap_or_else(|| "tests".into());
    // Each case has the timeout; the whole run gets room for a good many of them.
    let out = child(&cmd, limits, 50).await;
    let report: TestReport = match out.and_then(|o| parse(&o)) {
        Ok(report) => report,
        Err(message) => return failed(client, &what, message).await,
    };
    let mut log = format!("witty: wit {}\n", shell_words(&cmd));
    for case in &report.cases {
        let verdict = if case.passed { "ok  " } else { "FAIL" };
        log.push_str(&format!("{verdict} {}", case.call));
        if let Some(expected) = &case.expected {
            log.push_str(&format!(" == {expected}"));
        }
        match (&case.actual, &case.error) {
            (_, Some(error)) => log.push_str(&format!("\n     {error}")),
            (Some(actual), None) if !case.passed => log.push_str(&format!("\n     got {actual}")),
            _ => {}
        }
        log.push('\n');
        push_output(&mut log, &case.stdout, &case.stderr);
    }
    if let Some(error) = &report.error {
        log.push_str(&format!("{error}\n"));
    }
    let summary = match (&report.error, report.failed) {
        (Some(error), _) => (
            MessageType::ERROR,
            format!("{what}: {}", error.lines().next().unwrap_or(error)),
        ),
        (None, 0) if report.passed == 0 => {
            (MessageType::WARNING, format!("{what}: no tests found"))
        }
        (None, 0) => (
            MessageType::INFO,
            format!("{what}: {} passed", report.passed),
        ),
        (None, failed) => {
            let first = report.cases.iter().find(|c| !c.passed);
            let detail = first.map(|c| match (&c.error, &c.actual) {
                (Some(e), _) => format!("; {}: {}", c.call, e.lines().next().unwrap_or(e)),
                (None, Some(actual)) => format!("; {} gave {actual}", c.call),
                (None, None) => format!("; {}", c.call),
            });
            (
                MessageType::ERROR,
                format!(
                    "{what}: {failed} of {} failed{}",
                    failed + report.passed,
                    detail.unwrap_or_default()
                ),
            )
        }
    };
    client.show_message(summary.0, summary.1).await;
    client.log_message(MessageType::INFO, log.trim_end()).await;
    Ok(serde_json::to_value(&report).ok())
}

fn limit_args(limits: &RunLimits) -> Vec<String> {
    vec![
        "--timeout".into(),
        limits.timeout.to_string(),
        "--max-memory".into(),
        format!("{}MiB", limits.max_memory),
        "--format".into(),
        "json".into(),
    ]
}

/// Runs this very binary (`wit`) with `args`, and gives its stdout; the child is killed if it
/// outlives `calls` timeouts and the grace.
async fn child(
    args: &[String],
    limits: &RunLimits,
    calls: u32,
) -> std::result::Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the `wit` binary: {e}"))?;
    let mut command = tokio::process::Command::new(&exe);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let spawned = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let limit = Duration::from_secs_f64(limits.timeout.max(0.0)) * calls + GRACE;
    match tokio::time::timeout(limit, spawned.wait_with_output()).await {
        Err(_) => Err(format!(
            "`wit {}` did not finish within {} s and was stopped",
            args.first().map_or("", String::as_str),
            limit.as_secs()
        )),
        Ok(Err(e)) => Err(format!("`wit` failed to run: {e}")),
        Ok(Ok(out)) if out.stdout.is_empty() => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            Err(format!(
                "`wit` exited with {} and no report: {}",
                out.status,
                stderr.trim()
            ))
        }
        Ok(Ok(out)) => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
    }
}

fn parse<T: serde::de::DeserializeOwned>(stdout: &str) -> std::result::Result<T, String> {
    serde_json::from_str(stdout.trim())
        .map_err(|e| format!("`wit` printed a report this server cannot read ({e}): {stdout}"))
}

async fn failed(client: &Client, what: &str, message: String) -> Result<Option<serde_json::Value>> {
    client
        .show_message(MessageType::ERROR, format!("{what}: {message}"))
        .await;
    client
        .log_message(MessageType::ERROR, format!("witty: {what}: {message}"))
        .await;
    Ok(None)
}

fn push_output(log: &mut String, stdout: &str, stderr: &str) {
    for (name, text) in [("stdout", stdout), ("stderr", stderr)] {
        if !text.is_empty() {
            log.push_str(&format!("--- guest {name} ---\n{}\n", text.trim_end()));
        }
    }
}

/// A command line as a user would type it, for the log.
fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./:@=".contains(c))
            {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
