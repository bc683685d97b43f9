//! The sandbox and limit flags `wit run` and `wit test` share, and how they become the
//! runner's options.

use std::path::PathBuf;
use std::time::Duration;

use witty_runner::RunOptions;

#[derive(clap::Args, Debug)]
pub struct SandboxArgs {
    /// Let the guest use a host folder: HOST::GUEST, or DIR to see it under its own path
    #[arg(long = "dir", value_name = "HOST::GUEST")]
    pub dirs: Vec<String>,
    /// Set an environment variable for the guest: K=V (the host's are never passed)
    #[arg(long = "env", value_name = "K=V", value_parser = parse_env)]
    pub env: Vec<(String, String)>,
    /// Let the guest use the host's network, HTTP included (off by default)
    #[arg(long)]
    pub inherit_network: bool,
    /// Let the guest send HTTP requests (wasi:http) to HOST, or HOST:PORT
    #[arg(long = "allow-http", value_name = "HOST")]
    pub allow_http: Vec<String>,
    /// Wall-clock seconds a call may take, fractions allowed; 0 for no limit
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_timeout)]
    pub timeout: Timeout,
    /// Fuel a call may burn (about one unit per wasm instruction); unlimited by default
    #[arg(long, value_name = "N")]
    pub fuel: Option<u64>,
    /// Size each linear memory may grow to: bytes, or with a unit (KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "512MiB", value_parser = parse_size)]
    pub max_memory: usize,
    /// Run even when the component imports something witty does not provide (anything but
    /// WASI 0.2 and 0.3); only what is missing is stubbed, and calling it traps
    #[arg(long)]
    pub trap_unknown_imports: bool,
}

impl SandboxArgs {
    pub fn options(&self) -> RunOptions {
        let dirs = self
            .dirs
            .iter()
            .map(|d| match d.split_once("::") {
                Some((host, guest)) => (PathBuf::from(host), guest.to_string()),
                None => (PathBuf::from(d), d.clone()),
            })
            .collect();
        RunOptions {
            dirs,
            env: self.env.clone(),
            inherit_network: self.inherit_network,
            allow_http: self.allow_http.clone(),
            timeout: self.timeout.0,
            fuel: self.fuel,
            max_memory: self.max_memory,
            trap_unknown_imports: self.trap_unknown_imports,
            ..RunOptions::default()
        }
    }
}

/// How results and errors are printed.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people: results on stdout, messages on stderr
    Human,
    /// One JSON object on stdout
    Json,
}

fn parse_env(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err(format!("`{text}` is not K=V, such as `LANG=C`")),
    }
}

/// The time limit of `--timeout`: `None` for no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout(pub Option<Duration>);

fn parse_timeout(text: &str) -> Result<Timeout, String> {
    parse_seconds(text).map(Timeout)
}

/// Seconds, or `None` for `0`: no limit.
fn parse_seconds(text: &str) -> Result<Option<Duration>, String> {
    let bad = || {
        format!("`{text}` is not a number of seconds, such as `10` or `0.5` (or `0` for no limit)")
    };
    let seconds: f64 = text.trim().parse().map_err(|_| bad())?;
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(bad());
    }
    if seconds == 0.0 {
        return Ok(None);
    }
    Duration::try_from_secs_f64(seconds)
        .map(Some)
        .map_err(|_| bad())
}

/// Writes to stderr; a closed stderr (`wit run ... 2>&1 >/dev/null | true`) is not an
/// error of ours, and never a panic as `eprintln!` would make it.
pub fn eprint(text: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

fn parse_size(text: &str) -> Result<usize, String> {
    let bad = || format!("`{text}` is not a size, such as `4096`, `64MiB` or `1GiB`");
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: usize = number.parse().map_err(|_| bad())?;
    let scale: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" | "kb" => 1 << 10,
        "m" | "mib" | "mb" => 1 << 20,
        "g" | "gib" | "gb" => 1 << 30,
        _ => return Err(bad()),
    };
    number.checked_mul(scale).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_flags() {
        assert_eq!(parse_seconds("0.5"), Ok(Some(Duration::from_millis(500))));
        assert_eq!(parse_seconds("10"), Ok(Some(Duration::from_secs(10))));
        assert_eq!(parse_seconds("0"), Ok(None));
        assert!(parse_seconds("-1").is_err() && parse_seconds("ten").is_err());
        assert!(parse_seconds("inf").is_err() && parse_seconds("1e300").is_err());
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("1 GiB"), Ok(1 << 30));
        assert!(parse_size("lots").is_err() && parse_size("5XB").is_err());
        assert_eq!(parse_env("A=b=c"), Ok(("A".into(), "b=c".into())));
        assert!(parse_env("=x").is_err() && parse_env("x").is_err());
    }
}
