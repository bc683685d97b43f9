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
    /// Let the guest use the host's network (`--inherit-network`).
    pub inherit_network: bool,
    /// Wall-clock time one call (with its instantiation) may take before it is interrupted.
    pub timeout: Duration,
    /// Fuel (roughly, wasm instructions) one call may burn, if limited (`--fuel N`).
    pub fuel: Option<u64>,
    /// Bytes each linear memory may grow to (`--max-memory`).
    pub max_memory: usize,
    /// Let a component whose imports witty cannot provide run anyway: calling such an import
    /// traps (`--trap-unknown-imports`).
    pub trap_unknown_imports: bool,
    /// Where compiled components are kept, or `None` to compile every time.
    pub cache_dir: Option<PathBuf>,
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
            timeout: DEFAULT_TIMEOUT,
            fuel: None,
            max_memory: DEFAULT_MAX_MEMORY,
            trap_unknown_imports: false,
            cache_dir: crate::cache::default_dir(),
        }
    }
}
