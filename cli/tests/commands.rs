//! `wit run COMPONENT -- ARGS...` end to end: arguments reach the command, its output comes
//! through as it is written, `--timeout 0` lifts the limit, and a closed pipe ends `wit`
//! quietly with the right exit code.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use witty_runner::test_components::echo_command;

/// A folder with the echo command as `echo.wasm`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "echo.wasm", echo_command());
    dir
}

fn check(dir: &Path, args: &[&str]) -> String {
    let out = wit_env(args, dir, &[("WITTY_CACHE_DIR", &dir.join("cache"))]);
    let mut text = format!("exit {}\n", out.status.code().unwrap_or(-1));
    text.push_str(&stdout(&out));
    let err = stderr(&out);
    if !err.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&err);
    }
    text
}

#[test]
fn arguments_after_the_double_dash() {
    let dir = project();
    insta::assert_snapshot!(check(dir.path(), &["run", "echo.wasm", "--", "one", "--two"]), @"
    exit 0
    echo.wasm
    one
    --two
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "echo.wasm", "--"]), @"
    exit 0
    echo.wasm
    ");
    // More than two arguments: the command returns `err`, and `wit` exits with 1.
    insta::assert_snapshot!(check(dir.path(), &["run", "echo.wasm", "--timeout", "0", "--", "a", "b", "c"]), @"
    exit 1
    echo.wasm
    a
    b
    c
    ");
    insta::assert_snapshot!(check(dir.path(), &["run", "--format", "json", "echo.wasm", "--", "x"]), @r#"
    exit 0
    {"version":1,"ok":true,"result":"ok","stdout":"echo.wasm\nx\n","stderr":""}
    "#);
    insta::assert_snapshot!(check(dir.path(), &["run", "echo.wasm", "run()", "--", "x"]), @"
    exit 2
    --- stderr
    error: give a CALL (`run()`) or a command's arguments after `--`, not both
    ");
}

#[test]
fn output_comes_through_while_the_command_runs() {
    let dir = project();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args(["run", "echo.wasm", "--timeout", "20", "--", "first", "spin"])
        .current_dir(dir.path())
        .env("WITTY_CACHE_DIR", dir.path().join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(lines.next().unwrap().unwrap());
    }
    // The guest is still spinning (for up to 20 s) when its lines have arrived.
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(seen, ["echo.wasm", "first", "spin"]);
    assert!(running, "the lines came only when the command ended");
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn a_closed_stderr_is_no_panic() {
    let dir = project();
    // As `wit run ... 2>&1 >/dev/null | true`: the reader of stderr is gone before `wit`
    // writes its error.
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args(["run", "echo.wasm", "nope()"])
        .current_dir(dir.path())
        .env("WITTY_CACHE_DIR", dir.path().join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(2),
        "a bad CALL is a usage error: {status}"
    );
}
