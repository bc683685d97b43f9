//! The command behind the serve lens: `wit serve` on a built component that exports
//! `wasi:http/incoming-handler`, in a child process (this very binary; the server links no
//! wasmtime), with the limits of the settings. A first click starts it and says the address,
//! a second stops it; closing the document that holds the lens, or shutting the server down,
//! stops it too.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::MessageType;

use crate::project::RunLimits;

pub const SERVE: &str = "witty.serve";

/// Where `wit serve` listens unless the command says otherwise: its own default.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// How long a child may take to start listening (loading and compiling a large component
/// cold) before the server gives up on it.
const START: Duration = Duration::from_secs(120);

/// The argument of `witty.serve`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServeArguments {
    pub component: PathBuf,
    /// The file that holds the lens: closing it stops the server.
    pub document: PathBuf,
    /// `HOST:PORT` to listen on; port 0 picks a free one.
    #[serde(default = "default_addr")]
    pub addr: String,
}

fn default_addr() -> String {
    DEFAULT_ADDR.to_string()
}

struct Running {
    child: Child,
    url: String,
    document: PathBuf,
}

/// The servers this process started, by component. One language server runs per process,
/// and the lens handler sees only a snapshot of the analysis: a process-wide table is what
/// both the lens titles and the command can reach.
static RUNNING: LazyLock<Mutex<HashMap<PathBuf, Running>>> = LazyLock::new(Default::default);

fn running() -> std::sync::MutexGuard<'static, HashMap<PathBuf, Running>> {
    RUNNING.lock().unwrap_or_else(|e| e.into_inner())
}

/// The lens's title: what a click does now.
pub fn title(component: &Path) -> String {
    match running().get(component) {
        Some(r) => format!("■ Stop serving {}", r.url),
        None => "▶ Serve".to_string(),
    }
}

/// Starts serving the component, or stops it if it is being served; answers
/// `{"serving": URL}` or `{"stopped": URL}`.
pub async fn execute(
    client: &Client,
    limits: &RunLimits,
    args: ServeArguments,
) -> Result<Option<serde_json::Value>> {
    if let Some(url) = stop(&args.component) {
        client
            .show_message(MessageType::INFO, format!("stopped serving {url}"))
            .await;
        return Ok(Some(serde_json::json!({ "stopped": url })));
    }
    let name = args.component.display().to_string();
    match start(client, limits, &args).await {
        Ok(url) => {
            client
                .show_message(MessageType::INFO, format!("serving {name} at {url}"))
                .await;
            Ok(Some(serde_json::json!({ "serving": url })))
        }
        Err(message) => {
            let message = format!("cannot serve {name}: {message}");
            client.show_message(MessageType::ERROR, &message).await;
            client
                .log_message(MessageType::ERROR, format!("witty: {message}"))
                .await;
            Ok(None)
        }
    }
}

async fn start(
    client: &Client,
    limits: &RunLimits,
    args: &ServeArguments,
) -> std::result::Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the `wit` binary: {e}"))?;
    let mut child = Command::new(&exe)
        .arg("serve")
        .arg(&args.component)
        .args(["--addr", &args.addr])
        .args(["--timeout", &limits.timeout.to_string()])
        .args(["--max-memory", &format!("{}MiB", limits.max_memory)])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let stderr = child.stderr.take().ok_or("no stderr from `wit serve`")?;
    // The first line is `serving http://ADDRESS/` once it listens, or the reason it cannot;
    // what follows (a request's trap, say) goes to the client's log as it comes.
    let (first_tx, first_rx) = tokio::sync::oneshot::channel();
    let runtime = tokio::runtime::Handle::current();
    let log = client.clone();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stderr).lines().map_while(|l| l.ok());
        let first = lines.next();
        let serving = first.as_deref().is_some_and(|l| l.starts_with("serving "));
        if !serving {
            // The reason is the whole of stderr: the process is ending.
            let rest: Vec<String> = first.into_iter().chain(lines).collect();
            let _ = first_tx.send(Err(rest.join("\n")));
            return;
        }
        let _ = first_tx.send(Ok(first.unwrap_or_default()));
        for line in lines {
            let log = log.clone();
            runtime.spawn(async move {
                log.log_message(MessageType::INFO, format!("wit serve: {line}"))
                    .await
            });
        }
    });
    let first = match tokio::time::timeout(START, first_rx).await {
        Ok(Ok(first)) => first,
        Ok(Err(_)) => Err(String::new()),
        Err(_) => Err(format!(
            "`wit serve` did not start within {} s",
            START.as_secs()
        )),
    };
    let url = match first {
        Ok(line) => line
            .trim()
            .strip_prefix("serving ")
            .unwrap_or(&line)
            .trim_end_matches('/')
            .to_string(),
        Err(reason) => {
            let _ = child.kill();
            let status = child.wait().map_or(String::new(), |s| format!(" ({s})"));
            let reason = reason.trim().trim_start_matches("error: ").to_string();
            return Err(if reason.is_empty() {
                format!("`wit serve` ended without a word{status}")
            } else {
                reason
            });
        }
    };
    running().insert(
        args.component.clone(),
        Running {
            child,
            url: url.clone(),
            document: args.document.clone(),
        },
    );
    Ok(url)
}

/// Stops the server of a component, if one runs; gives its URL.
fn stop(component: &Path) -> Option<String> {
    let mut r = running().remove(component)?;
    end(&mut r);
    Some(r.url)
}

fn end(r: &mut Running) {
    let _ = r.child.kill();
    let _ = r.child.wait();
}

/// Stops the servers started from lenses of `document`; whether there were any.
pub fn stop_for_document(document: &Path) -> bool {
    let mut table = running();
    let gone: Vec<PathBuf> = table
        .iter()
        .filter(|(_, r)| r.document == document)
        .map(|(c, _)| c.clone())
        .collect();
    for component in &gone {
        if let Some(mut r) = table.remove(component) {
            end(&mut r);
        }
    }
    !gone.is_empty()
}

/// Stops every server: the language server is shutting down.
pub fn stop_all() {
    for (_, mut r) in running().drain() {
        end(&mut r);
    }
}
