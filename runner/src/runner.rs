//! Loading a component and calling its exports: `Runner` holds the engine, `Loaded` one
//! compiled component, and each call gets a fresh store and instance.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use wasmtime::Engine;
use wasmtime::component::types::ComponentFunc;
use wasmtime::component::{Component, Type, Val};

use crate::cache::{self, CacheUse};
use crate::call::{Call, point_at};
use crate::error::{RunError, chain};
use crate::exports::{ExportFunc, LookupError, exported_funcs, find};
use crate::failure::{call_failure, timed_out};
use crate::host::{self, Clock};
use crate::imports::{Linked, link};
use crate::load::read_component;
use crate::options::RunOptions;
use crate::signature::{self, DecodedExports, FuncWit};
use crate::values::show_results;
use witty_run_report::{ExportInfo, RunReport};

/// The engine and the options every component it loads runs with.
pub struct Runner {
    engine: Engine,
    options: RunOptions,
}

impl Runner {
    pub fn new(options: RunOptions) -> Result<Runner, RunError> {
        let engine = host::engine(&options)
            .map_err(|e| RunError::failed(format!("cannot start wasmtime: {}", chain(&e))))?;
        Ok(Runner { engine, options })
    }

    /// Reads the component at `path` and its types. It is compiled (or taken from the cache)
    /// only when something is called: listing the exports reads types only. A component
    /// whose WIT cannot be decoded is compiled now, so that a damaged file is refused here.
    /// Every error names the file and is a usage error: the file is not a component that
    /// can run.
    pub fn load(&self, path: &Path) -> Result<Loaded, RunError> {
        let bytes = read_component(path)?;
        let loaded = Loaded {
            path: path.to_path_buf(),
            bytes,
            engine: self.engine.clone(),
            options: self.options.clone(),
            compiled: OnceLock::new(),
            wit: OnceLock::new(),
        };
        if loaded.decoded().is_none() {
            loaded.compiled()?;
        }
        Ok(loaded)
    }
}

/// A component, its types read, compiled when first called.
pub struct Loaded {
    path: PathBuf,
    bytes: Vec<u8>,
    engine: Engine,
    options: RunOptions,
    compiled: OnceLock<Result<Compiled, RunError>>,
    /// What the component's own WIT says of its functions, decoded when first needed.
    wit: OnceLock<Option<DecodedExports>>,
}

/// The compiled component, its exported functions by wasmtime's index, and its imports
/// linked (once, when first called).
struct Compiled {
    component: Component,
    funcs: Vec<ExportFunc>,
    cache: CacheUse,
    linked: OnceLock<Result<Linked, String>>,
}

/// What one call produced: its results or why there are none, and what the guest printed.
#[derive(Debug)]
pub struct CallOutput {
    pub result: Result<Vec<Val>, RunError>,
    pub stdout: String,
    pub stderr: String,
    /// The code the guest passed to `exit` (WASI's `wasi:cli/exit`), if it called it.
    pub exit_code: Option<i32>,
    /// What the host has to say of the run, such as an HTTP request the sandbox refused.
    pub notes: Vec<String>,
}

impl CallOutput {
    /// The results in WAVE, on one line, as `wasmtime run --invoke` prints them.
    pub fn wave(&self) -> Option<String> {
        self.result.as_ref().ok().map(|r| show_results(r))
    }

    /// The JSON report of this call.
    pub fn report(&self) -> RunReport {
        let result = match &self.result {
            Ok(values) => Ok(show_results(values)),
            Err(e) => Err(e.message.clone()),
        };
        let mut report = RunReport::of_call(result, self.stdout.clone(), self.stderr.clone());
        report.notes = self.notes.clone();
        report
    }
}

/// A call whose function is found and whose arguments fit it.
pub(crate) struct Prepared<'a> {
    pub func: &'a ExportFunc,
    pub params: Vec<Val>,
}

impl CallOutput {
    fn failed(error: RunError) -> CallOutput {
        CallOutput {
            result: Err(error),
            stdout: String::new(),
            stderr: String::new(),
            exit_code: None,
            notes: Vec::new(),
        }
    }
}

impl Loaded {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether compiling was skipped thanks to the cache; `None` while nothing has been
    /// compiled (listing the exports does not compile).
    pub fn cache(&self) -> Option<CacheUse> {
        match self.compiled.get() {
            Some(Ok(compiled)) => Some(compiled.cache),
            _ => None,
        }
    }

    /// The imports replaced by trap stubs (`--trap-unknown-imports`) in the last call, as
    /// `import#member`.
    pub fn stubbed_imports(&self) -> Vec<String> {
        match self.compiled.get() {
            Some(Ok(compiled)) => match compiled.linked.get() {
                Some(Ok(linked)) => linked.stubbed.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Every exported function with its WIT signature and docs, in the component's order,
    /// from its types alone when its WIT can be decoded.
    pub fn exports(&self) -> Result<Vec<ExportInfo>, RunError> {
        if let Some(decoded) = self.decoded() {
            return Ok(decoded
                .iter()
                .map(|((instance, function), wit)| ExportInfo {
                    name: qualified(instance.as_deref(), function),
                    instance: instance.clone(),
                    function: function.clone(),
                    signature: wit.signature.clone(),
                    docs: wit.docs.clone(),
                })
                .collect());
        }
        Ok(self
            .compiled()?
            .funcs
            .iter()
            .map(|f| ExportInfo {
                name: f.qualified(),
                instance: f.instance.clone(),
                function: f.name.clone(),
                signature: self.signature(f),
                docs: None,
            })
            .collect())
    }

    /// Calls the export a CALL names (`add(1, 2)`) on a fresh instance.
    pub fn call(&self, call: &str) -> CallOutput {
        match self.prepare(call) {
            Ok(prepared) => self.invoke(&prepared),
            Err(e) => CallOutput::failed(e),
        }
    }

    /// Runs the component as a command: its `wasi:cli/run` export (WASI 0.2 or 0.3), with
    /// the arguments of the options. The exit code is 0 for `ok`, 1 for `err`, or what the
    /// guest passed to `exit`.
    pub fn run_command(&self) -> CallOutput {
        let funcs = match self.compiled() {
            Ok(compiled) => &compiled.funcs,
            Err(e) => return CallOutput::failed(e),
        };
        let run = funcs.iter().find(|f| {
            f.name == "run"
                && f.instance.as_deref().is_some_and(|i| {
                    i.starts_with("wasi:cli/run@0.2.") || i.starts_with("wasi:cli/run@0.3.")
                })
        });
        let Some(run) = run else {
            return CallOutput::failed(
                self.usage(
                    "not a command: it exports no `wasi:cli/run` (0.2 or 0.3) to run with \
                 arguments; call one of its exports instead (`wit run COMPONENT` lists them)"
                        .to_string(),
                ),
            );
        };
        let mut output = self.invoke(&Prepared {
            func: run,
            params: Vec::new(),
        });
        if output.exit_code.is_none() {
            output.exit_code = match &output.result {
                Ok(results) => match results.as_slice() {
                    [Val::Result(Err(_))] => Some(1),
                    _ => Some(0),
                },
                Err(_) => None,
            };
        }
        output
    }

    /// Finds the function a CALL names and reads its arguments.
    pub(crate) fn prepare(&self, text: &str) -> Result<Prepared<'_>, RunError> {
        self.prepare_in(None, text)
    }

    /// Like `prepare`, but a bare name is first looked up in the exported instance `scope`:
    /// an example in the docs of `calc.add` calls `add(1, 2)` and means `calc.add`.
    pub(crate) fn prepare_in(
        &self,
        scope: Option<&str>,
        text: &str,
    ) -> Result<Prepared<'_>, RunError> {
        let call = Call::parse(text).map_err(|e| {
            self.usage(format!(
                "bad CALL: {}\n{}",
                e.message,
                point_at(text.trim(), &e.span)
            ))
        })?;
        let funcs = self.funcs()?;
        let scoped = scope
            .filter(|_| !call.name.contains(['.', '/']))
            .and_then(|scope| find(funcs, &format!("{scope}.{}", call.name)).ok());
        let func = match scoped {
            Some(func) => func,
            None => self.find(&call.name)?,
        };
        let types: Vec<Type> = func.ty.params().map(|(_, t)| t).collect();
        if let Some((param, _)) = func
            .ty
            .params()
            .find(|(_, t)| matches!(t, Type::Own(_) | Type::Borrow(_)))
        {
            return Err(self.usage(format!(
                "`{}` takes a resource handle (`{param}`), which a CALL cannot write: call a \
                 function that makes the resource and uses it\nexpected: {}",
                func.qualified(),
                self.signature(func)
            )));
        }
        if let Some((param, ty)) = func
            .ty
            .params()
            .find(|(_, t)| matches!(t, Type::Stream(_) | Type::Future(_) | Type::ErrorContext))
        {
            let kind = match ty {
                Type::Stream(_) => "a stream",
                Type::Future(_) => "a future",
                _ => "an error context",
            };
            return Err(self.usage(format!(
                "`{}` takes {kind} (`{param}`), which a CALL cannot write (WAVE has no syntax for \
                 one): call a function that makes it and passes it on\nexpected: {}",
                func.qualified(),
                self.signature(func)
            )));
        }
        let params = call.values::<Val>(&types).map_err(|e| {
            let given = call.arg_count();
            let required = types
                .iter()
                .rposition(|t| !matches!(t, Type::Option(_)))
                .map_or(0, |i| i + 1);
            let problem = if given > types.len() || given < required {
                let takes = match types.len() {
                    1 => "1 argument".to_string(),
                    n => format!("{n} arguments"),
                };
                format!("`{}` takes {takes}, {given} given", call.name)
            } else if let Some(at) = call.arg_at(&e.span) {
                let (param, ty) = self.param(func, at);
                format!(
                    "argument `{param}` of `{}` wants a value of type `{ty}`: {}",
                    call.name, e.message
                )
            } else {
                format!("wrong argument for `{}`: {}", call.name, e.message)
            };
            self.usage(format!(
                "{problem}\n{}\nexpected: {}",
                point_at(&call.text, &e.span),
                self.signature(func)
            ))
        })?;
        Ok(Prepared { func, params })
    }

    /// Instantiates the component in a fresh store and calls the prepared function, on a
    /// tokio runtime of its own: wasmtime's async entry points run sync and async-lifted
    /// exports alike, and WASI 0.3's host functions need one.
    pub(crate) fn invoke(&self, prepared: &Prepared<'_>) -> CallOutput {
        if let Err(e) = self.compiled() {
            return CallOutput::failed(e);
        }
        let program = self.program();
        let (mut store, captured) = match host::store(&self.engine, &self.options, &program) {
            Ok(made) => made,
            Err(e) => return CallOutput::failed(self.usage(e)),
        };
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => return CallOutput::failed(self.failed(format!("cannot start tokio: {e}"))),
        };
        let name = format!("`{}`", prepared.func.qualified());
        let mut exit_code = None;
        let clock = Clock::start(&self.engine, self.options.timeout);
        let result = runtime.block_on(async {
            let work = async {
                let linked = self.linked()?;
                let instance = match linked.pre.instantiate_async(&mut store).await {
                    Ok(instance) => instance,
                    Err(e) => {
                        let limits = &store.data().limits;
                        let what = "instantiating the component";
                        return Err(self.failed(call_failure(what, &e, limits, &self.options)));
                    }
                };
                let func = instance
                    .get_func(&mut store, prepared.func.index)
                    .ok_or_else(|| {
                        self.failed(format!("{name} is not a function once instantiated"))
                    })?;
                let mut results = vec![Val::Bool(false); prepared.func.ty.results().len()];
                if let Err(e) = func
                    .call_async(&mut store, &prepared.params, &mut results)
                    .await
                {
                    if let Some(exit) = e.downcast_ref::<wasmtime_wasi::I32Exit>() {
                        exit_code = Some(exit.0);
                    }
                    let limits = &store.data().limits;
                    return Err(self.failed(call_failure(&name, &e, limits, &self.options)));
                }
                Ok(results)
            };
            // The epoch interrupts wasm that runs too long; this stops a call that waits on
            // the host too long (a stream that never ends, a sleep).
            match self.options.timeout {
                Some(limit) => tokio::time::timeout(limit, work)
                    .await
                    .unwrap_or_else(|_| Err(self.failed(timed_out(&name, &self.options)))),
                None => work.await,
            }
        });
        drop(clock);
        CallOutput {
            result,
            stdout: captured.stdout(),
            stderr: captured.stderr(),
            exit_code,
            notes: captured.notes(),
        }
    }

    pub(crate) fn find(&self, name: &str) -> Result<&ExportFunc, RunError> {
        find(self.funcs()?, name).map_err(|e| match e {
            LookupError::Unknown { close } => {
                let hint = match close.as_slice() {
                    [] => String::new(),
                    [one] => format!("; did you mean `{one}`?"),
                    several => format!("; did you mean one of `{}`?", several.join("`, `")),
                };
                self.usage(format!(
                    "no exported function `{name}`{hint} (`wit run {}` lists the exports)",
                    self.path.display()
                ))
            }
            LookupError::Ambiguous { candidates } => self.usage(format!(
                "`{name}` is exported by several interfaces; name one: `{}`",
                candidates.join("`, `")
            )),
        })
    }

    /// The function's WIT signature, with its types' names when the WIT can be decoded.
    pub(crate) fn signature(&self, f: &ExportFunc) -> String {
        match self.wit_of(f) {
            Some(wit) => wit.signature.clone(),
            None => signature::structural(&f.name, &f.ty),
        }
    }

    /// The name and WIT type of the function's parameter `at`.
    fn param(&self, f: &ExportFunc, at: usize) -> (String, String) {
        if let Some(written) = self.wit_of(f).and_then(|w| w.params.get(at)) {
            return written.clone();
        }
        match f.ty.params().nth(at) {
            Some((name, ty)) => (name.to_string(), signature::type_text(&ty)),
            None => (format!("#{}", at + 1), "?".to_string()),
        }
    }

    /// The function's result type as WIT writes it.
    pub(crate) fn result_type_name(&self, f: &ExportFunc) -> Option<String> {
        match self.wit_of(f) {
            Some(wit) => wit.result.clone(),
            None => result_type(&f.ty).map(|t| signature::type_text(&t)),
        }
    }

    fn wit_of(&self, f: &ExportFunc) -> Option<&FuncWit> {
        self.decoded()?
            .iter()
            .find(|((instance, name), _)| *instance == f.instance && *name == f.name)
            .map(|(_, wit)| wit)
    }

    /// The component compiled and its imports linked (once).
    pub(crate) fn linked(&self) -> Result<&Linked, RunError> {
        let compiled = self.compiled()?;
        compiled
            .linked
            .get_or_init(|| link(&self.engine, &compiled.component, &self.options))
            .as_ref()
            .map_err(|e| self.failed(e.clone()))
    }

    /// The command's name, its `argv[0]`: the file's name.
    pub(crate) fn program(&self) -> String {
        self.path
            .file_name()
            .map_or("component".into(), |n| n.to_string_lossy().into_owned())
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }

    pub(crate) fn options(&self) -> &RunOptions {
        &self.options
    }

    /// The component's exported functions as its WIT has them, if it can be decoded.
    fn decoded(&self) -> Option<&DecodedExports> {
        self.wit
            .get_or_init(|| signature::decode_exports(&self.bytes))
            .as_ref()
    }

    /// The compiled component: from the cache, or compiled now (once).
    fn compiled(&self) -> Result<&Compiled, RunError> {
        self.compiled
            .get_or_init(|| {
                let options = &self.options;
                let (component, cache) =
                    cache::compile(&self.engine, &self.bytes, options.cache_dir.as_deref())
                        .map_err(|e| self.usage(compile_failure(&e, self.decoded().is_some())))?;
                let funcs = exported_funcs(&self.engine, &component);
                Ok(Compiled {
                    component,
                    funcs,
                    cache,
                    linked: OnceLock::new(),
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn funcs(&self) -> Result<&[ExportFunc], RunError> {
        Ok(&self.compiled()?.funcs)
    }

    pub(crate) fn usage(&self, message: String) -> RunError {
        RunError::usage(format!("{}: {message}", self.path.display()))
    }

    pub(crate) fn failed(&self, message: String) -> RunError {
        RunError::failed(format!("{}: {message}", self.path.display()))
    }
}

/// `name` or `instance.name`.
fn qualified(instance: Option<&str>, name: &str) -> String {
    match instance {
        Some(instance) => format!("{instance}.{name}"),
        None => name.to_string(),
    }
}

/// Why wasmtime would not compile the component. What wasmtime 48 does not support is said
/// to be that, not an invalid component: so is any failure to read a component that the
/// newer wasm-tools of witty decoded (`decoded`), such as a canonical built-in added since.
fn compile_failure(error: &wasmtime::Error, decoded: bool) -> String {
    let why = chain(error);
    if decoded {
        return format!(
            "wasmtime {}, which witty runs components with, cannot run this component, though \
             it is valid for the newer wasm-tools 0.263 that listed its exports: {why}",
            crate::cache::WASMTIME_VERSION
        );
    }
    if why.contains("unexpected end-of-file") {
        return format!(
            "not a valid component: {why} (the file is cut short: was it copied or built \
             completely?)"
        );
    }
    let unsupported = ["feature", "not supported", "unsupported", "not implemented"];
    if unsupported.iter().any(|u| why.contains(u)) {
        return format!(
            "wasmtime {}, which witty runs components with, cannot run this component: {why}",
            crate::cache::WASMTIME_VERSION
        );
    }
    format!("not a valid component: {why}")
}

/// The result type of a function, if it returns one.
pub(crate) fn result_type(ty: &ComponentFunc) -> Option<Type> {
    ty.results().next()
}
