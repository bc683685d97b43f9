//! The host side of one run: the engine's settings, the store with its WASI context and
//! limits, the captured stdout and stderr, and the clock that interrupts a call that runs
//! too long.

use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use wasmtime::component::{Linker, ResourceTable};
use wasmtime::{
    Config, Engine, ResourceLimiter, Store, StoreLimits, StoreLimitsBuilder, UpdateDeadline,
};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

use crate::http::{HttpPolicy, refusal_note};
use crate::options::{OUTPUT_CAPACITY, RunOptions};

/// The engine every run of these options uses. Fuel changes the compiled code, so it is on
/// only when a fuel limit is asked for; epoch interruption (for `--timeout`) is always on.
/// The component model's async ABI (`async` functions, `stream`, `future`, `error-context`)
/// is on, so that WASI 0.3 components and jco's async builds load.
pub(crate) fn engine(options: &RunOptions) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.wasm_component_model_async(true);
    config.wasm_component_model_error_context(true);
    config.wasm_component_model_more_async_builtins(true);
    config.wasm_component_model_async_stackful(true);
    config.epoch_interruption(true);
    config.consume_fuel(options.fuel.is_some());
    Engine::new(&config)
}

/// What the store of one run holds.
pub(crate) struct Host {
    wasi: WasiCtx,
    table: ResourceTable,
    pub limits: Limits,
    http: WasiHttpCtx,
    http_policy: HttpPolicy,
}

impl WasiHttpView for Host {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.http_policy,
        }
    }
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// The guest's stdout and stderr, kept in memory to be shown after the call, and the HTTP
/// requests the sandbox refused.
pub(crate) struct Captured {
    stdout: MemoryOutputPipe,
    stderr: MemoryOutputPipe,
    refused_http: Arc<Mutex<Vec<String>>>,
}

impl Captured {
    /// What the host has to say of the run: the HTTP requests it refused.
    pub fn notes(&self) -> Vec<String> {
        let refused = self
            .refused_http
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        refusal_note(&refused).into_iter().collect()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.contents()).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.contents()).into_owned()
    }
}

/// A fresh store for one run, sandboxed as `options` say: no files, environment variables,
/// arguments or network unless given; stdin empty; WASI's clocks and random as they come.
/// `program` is the command's name, its `argv[0]`.
pub(crate) fn store(
    engine: &Engine,
    options: &RunOptions,
    program: &str,
) -> Result<(Store<Host>, Captured), String> {
    let captured = Captured {
        stdout: MemoryOutputPipe::new(OUTPUT_CAPACITY),
        stderr: MemoryOutputPipe::new(OUTPUT_CAPACITY),
        refused_http: Arc::default(),
    };
    let mut wasi = WasiCtxBuilder::new();
    if options.stream_output {
        // Written through as the guest writes; a closed pipe is the guest's write error,
        // never the host's panic.
        wasi.inherit_stdout().inherit_stderr();
    } else {
        wasi.stdout(captured.stdout.clone())
            .stderr(captured.stderr.clone());
    }
    wasi.arg(program);
    wasi.args(&options.args);
    for (key, value) in &options.env {
        wasi.env(key, value);
    }
    for (host, guest) in &options.dirs {
        wasi.preopened_dir(host, guest, FsPerms::ReadWrite)
            .map_err(|e| format!("cannot open --dir {}: {e}", host.display()))?;
    }
    if options.inherit_network {
        wasi.inherit_network().allow_ip_name_lookup(true);
    }
    let host = Host {
        wasi: wasi.build(),
        table: ResourceTable::new(),
        limits: Limits::new(options.max_memory),
        http: WasiHttpCtx::new(),
        http_policy: HttpPolicy {
            allowed: options.allow_http.clone(),
            any: options.inherit_network,
            refused: captured.refused_http.clone(),
        },
    };
    let mut store = Store::new(engine, host);
    store.limiter(|host| &mut host.limits);
    if let Some(fuel) = options.fuel {
        store
            .set_fuel(fuel)
            .map_err(|e| format!("cannot set the fuel: {e}"))?;
    }
    // The deadline is one epoch away; the clock below moves the epoch when time is up. The
    // epoch is shared by every store of the engine, so a run checks its own clock before
    // giving up, and lets another run's timeout pass.
    let deadline = options.timeout.and_then(|t| Instant::now().checked_add(t));
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(move |_| match deadline {
        Some(deadline) if Instant::now() >= deadline => Ok(UpdateDeadline::Interrupt),
        _ => Ok(UpdateDeadline::Continue(1)),
    });
    Ok((store, captured))
}

/// The linker with WASI 0.2 (with wasi:http) and WASI 0.3 in it. Calls go through wasmtime's async entry
/// points, which run both sync and async-lifted exports.
pub(crate) fn wasi_linker(engine: &Engine) -> wasmtime::Result<Linker<Host>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
    wasmtime_wasi::p3::add_to_linker(&mut linker)?;
    wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
    Ok(linker)
}

/// wasmtime's `StoreLimits`, set to trap when a memory would grow past the limit, and
/// remembering that it did so that the message can say which limit was hit.
pub(crate) struct Limits {
    inner: StoreLimits,
    pub max_memory: usize,
    /// The size a memory asked to grow to and was refused.
    pub refused: Option<usize>,
}

impl Limits {
    fn new(max_memory: usize) -> Limits {
        Limits {
            inner: StoreLimitsBuilder::new()
                .memory_size(max_memory)
                .trap_on_grow_failure(true)
                .build(),
            max_memory,
            refused: None,
        }
    }
}

impl ResourceLimiter for Limits {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let allowed = self.inner.memory_growing(current, desired, maximum);
        if !matches!(allowed, Ok(true)) && desired > self.max_memory {
            self.refused = Some(desired);
        }
        allowed
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.inner.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.inner.instances()
    }

    fn tables(&self) -> usize {
        self.inner.tables()
    }

    fn memories(&self) -> usize {
        self.inner.memories()
    }
}

/// Moves the engine's epoch when `timeout` has passed, unless dropped first.
pub(crate) struct Clock {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Clock {
    /// A clock for `timeout`, or one that never fires for no limit.
    pub fn start(engine: &Engine, timeout: Option<Duration>) -> Clock {
        let Some(timeout) = timeout else {
            return Clock {
                stop: None,
                thread: None,
            };
        };
        let (stop, stopped) = mpsc::channel::<()>();
        let engine = engine.clone();
        let thread = std::thread::Builder::new()
            .name("witty-timeout".into())
            .spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(timeout) {
                    engine.increment_epoch();
                }
            })
            .ok();
        Clock {
            stop: Some(stop),
            thread,
        }
    }
}

impl Drop for Clock {
    fn drop(&mut self) {
        // Closing the channel wakes the thread, which then ends without touching the epoch.
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
