//! What a run may do and use: the sandbox (files, environment, network) and the limits
//! (time, fuel, memory). Everything is off or bounded unless asked for.

use std::path::PathBuf;
use std::time::Duration;

/// How components are run. `RunOptions::default()` is the sandbox `wit run` uses when given
/// no flags.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Host folders the guest may open, each with the path the guest sees (`--dir HOST::GUEST`).
    pub dirs: Vec<(PathBuf, String)>,
    /// Environment variables the guest sees (`--env K=V`); the host's are never passed.
    pub env: Vec<(String, String)>,
    /// Let the guest use the host's network (`--inherit-network`), HTTP included.
    pub inherit_network: bool,
    /// Hosts (`example.com` or `example.com:8080`) the guest may send HTTP requests to
    /// through `wasi:http` (`--allow-http HOST`).
    pub allow_http: Vec<String>,
    /// Wall-clock time one call (with its instantiation) may take before it is interrupted;
    /// `None` for no limit (`--timeout 0`).
    pub timeout: Option<Duration>,
    /// Fuel (roughly, wasm instructions) one call may burn, if limited (`--fuel N`).
    pub fuel: Option<u64>,
    /// Bytes each linear memory may grow to (`--max-memory`).
    pub max_memory: usize,
    /// Let a component whose imports witty cannot provide run anyway: calling such an import
    /// traps (`--trap-unknown-imports`).
    pub trap_unknown_imports: bool,
    /// Where compiled components are kept, or `None` to compile every time.
    pub cache_dir: Option<PathBuf>,
    /// The arguments a command sees after its name (`wit run C -- ARGS...`).
    pub args: Vec<String>,
    /// Let what the guest writes on stdout and stderr through to the host's as it is
    /// written, instead of collecting it for the [`CallOutput`](crate::CallOutput).
    pub stream_output: bool,
}

/// The default time limit of a call: 10 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The default memory limit: 512 MiB.
pub const DEFAULT_MAX_MEMORY: usize = 512 << 20;

/// How many bytes of stdout and of stderr a guest may write before it traps.
pub const OUTPUT_CAPACITY: usize = 16 << 20;

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            dirs: Vec::new(),
            env: Vec::new(),
            inherit_network: false,
            allow_http: Vec::new(),
            timeout: Some(DEFAULT_TIMEOUT),
            fuel: None,
            max_memory: DEFAULT_MAX_MEMORY,
            trap_unknown_imports: false,
            cache_dir: crate::cache::default_dir(),
            args: Vec::new(),
            stream_output: false,
        }
    }
}
