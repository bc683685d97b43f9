//! What the end-to-end tests of the `wit` binary share: running it, and writing files.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `wit ARGS` in `cwd`, without colour.
pub fn wit(args: &[&str], cwd: &Path) -> Output {
    wit_env(args, cwd, &[])
}

/// Runs `wit ARGS` in `cwd`, without colour, with more environment variables.
pub fn wit_env(args: &[&str], cwd: &Path, env: &[(&str, &Path)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wit"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .output()
        .expect("the wit binary runs")
}

/// Runs `wit ARGS` in `cwd` with `input` on stdin.
pub fn wit_stdin(args: &[&str], cwd: &Path, input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wit binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// Writes a file under `dir`, making the folders it needs.
pub fn write(dir: &Path, path: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// stdout and stderr together.
pub fn text(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}
