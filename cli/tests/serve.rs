//! `wit serve` end to end: the real binary serves a `wasi:http/incoming-handler` component,
//! says where, and refuses what it cannot serve.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use common::*;
use witty_runner::test_components::{TEAPOT, echo_command, http_handler};

#[test]
fn serves_a_handler_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "teapot.wasm", http_handler(TEAPOT));
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args([
            "serve",
            "teapot.wasm",
            "--addr",
            "127.0.0.1:0",
            "--timeout",
            "5",
        ])
        .current_dir(dir.path())
        .env("WITTY_CACHE_DIR", dir.path().join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let mut stream = TcpStream::connect(&addr).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(answer.lines().next(), Some("HTTP/1.1 418 I'm a teapot"));
}

#[test]
fn a_command_is_not_a_handler() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "echo.wasm", echo_command());
    let out = wit_env(
        &["serve", "echo.wasm", "--addr", "127.0.0.1:0"],
        dir.path(),
        &[("WITTY_CACHE_DIR", &dir.path().join("cache"))],
    );
    insta::assert_snapshot!(format!("exit {:?}\n{}", out.status.code(), stderr(&out)), @"
    exit Some(2)
    error: echo.wasm: not an HTTP handler: it exports no `wasi:http/incoming-handler@0.2.x` (no exported instance named `wasi:http/incoming-handler@0.2.12`); `wit serve` runs those, and `wit run` calls other exports
    ");
}
