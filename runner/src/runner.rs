//! Loading a component and calling its exports: `Runner` holds the engine, `Loaded` one
//! compiled component, and each call gets a fresh store and instance.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use wasmtime::Engine;
use wasmtime::component::types::ComponentFunc;
use wasmtime::component::{Component, Type, Val};

use crate::cache::{self, CacheUse};
use crate::call::{Call, point_at};
use crate::error::{RunError, chain};
use crate::exports::{ExportFunc, LookupError, exported_funcs, find};
use crate::failure::{call_failure, instantiate_failure};
use crate::host::{self, Clock};
use crate::load::read_component;
use crate::options::RunOptions;
use crate::signature::{self, FuncWit};
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

    /// Reads and compiles the component at `path` (from the cache when it can). Every error
    /// names the file and is a usage error: the file is not a component that can run.
    pub fn load(&self, path: &Path) -> Result<Loaded, RunError> {
        let bytes = read_component(path)?;
        let (component, cache) =
            cache::compile(&self.engine, &bytes, self.options.cache_dir.as_deref()).map_err(
                |e| {
                    let why = chain(&e);
                    let hint = if why.contains("unexpected end-of-file") {
                        " (the file is cut short: was it copied or built completely?)"
                    } else {
                        ""
                    };
                    RunError::usage(format!(
                        "{}: not a valid component: {why}{hint}",
                        path.display()
                    ))
                },
            )?;
        let funcs = exported_funcs(&self.engine, &component);
        Ok(Loaded {
            path: path.to_path_buf(),
            bytes,
            engine: self.engine.clone(),
            component,
            options: self.options.clone(),
            funcs,
            wit: OnceLock::new(),
            cache,
        })
    }
}

/// A compiled component, ready to be called.
pub struct Loaded {
    path: PathBuf,
    bytes: Vec<u8>,
    engine: Engine,
    component: Component,
    options: RunOptions,
    funcs: Vec<ExportFunc>,
    /// What the component's own WIT says of its functions, decoded when first needed:
    /// a plain call never pays for it.
    wit: OnceLock<HashMap<(Option<String>, String), FuncWit>>,
    /// Whether compiling was skipped thanks to the cache.
    pub cache: CacheUse,
}

/// What one call produced: its results or why there are none, and what the guest printed.
#[derive(Debug)]
pub struct CallOutput {
    pub result: Result<Vec<Val>, RunError>,
    pub stdout: String,
    pub stderr: String,
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
        RunReport::of_call(result, self.stdout.clone(), self.stderr.clone())
    }
}

/// A call whose function is found and whose arguments fit it.
pub(crate) struct Prepared<'a> {
    pub func: &'a ExportFunc,
    pub params: Vec<Val>,
}

impl Loaded {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every exported function with its WIT signature and docs, in the component's order.
    pub fn exports(&self) -> Vec<ExportInfo> {
        self.funcs
            .iter()
            .map(|f| ExportInfo {
                name: f.qualified(),
                instance: f.instance.clone(),
                function: f.name.clone(),
                signature: self.signature(f),
                docs: self.wit_of(f).and_then(|w| w.docs.clone()),
            })
            .collect()
    }

    /// Calls the export a CALL names (`add(1, 2)`) on a fresh instance.
    pub fn call(&self, call: &str) -> CallOutput {
        match self.prepare(call) {
            Ok(prepared) => self.invoke(&prepared),
            Err(e) => CallOutput {
                result: Err(e),
                stdout: String::new(),
                stderr: String::new(),
            },
        }
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
        let scoped = scope
            .filter(|_| !call.name.contains(['.', '/']))
            .and_then(|scope| find(&self.funcs, &format!("{scope}.{}", call.name)).ok());
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

    /// Instantiates the component in a fresh store and calls the prepared function.
    pub(crate) fn invoke(&self, prepared: &Prepared<'_>) -> CallOutput {
        let (mut store, captured) = match host::store(&self.engine, &self.options) {
            Ok(made) => made,
            Err(e) => {
                return CallOutput {
                    result: Err(self.usage(e)),
                    stdout: String::new(),
                    stderr: String::new(),
                };
            }
        };
        let clock = Clock::start(&self.engine, self.options.timeout);
        let name = prepared.func.qualified();
        let result = (|| {
            let linker = host::linker(&self.engine, &self.component, &self.options)
                .map_err(|e| self.failed(format!("cannot link the component: {}", chain(&e))))?;
            let instance = linker
                .instantiate(&mut store, &self.component)
                .map_err(|e| {
                    let limits = &store.data().limits;
                    self.failed(instantiate_failure(&e, limits, &self.options))
                })?;
            let func = instance
                .get_func(&mut store, prepared.func.index)
                .ok_or_else(|| {
                    self.failed(format!("`{name}` is not a function once instantiated"))
                })?;
            let mut results = vec![Val::Bool(false); prepared.func.ty.results().len()];
            func.call(&mut store, &prepared.params, &mut results)
                .map_err(|e| {
                    let what = format!("`{name}`");
                    self.failed(call_failure(&what, &e, &store.data().limits, &self.options))
                })?;
            Ok(results)
        })();
        drop(clock);
        CallOutput {
            result,
            stdout: captured.stdout(),
            stderr: captured.stderr(),
        }
    }

    pub(crate) fn find(&self, name: &str) -> Result<&ExportFunc, RunError> {
        find(&self.funcs, name).map_err(|e| match e {
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
        self.wit
            .get_or_init(|| signature::decode_exports(&self.bytes))
            .get(&(f.instance.clone(), f.name.clone()))
    }

    pub(crate) fn funcs(&self) -> &[ExportFunc] {
        &self.funcs
    }

    fn usage(&self, message: String) -> RunError {
        RunError::usage(format!("{}: {message}", self.path.display()))
    }

    fn failed(&self, message: String) -> RunError {
        RunError::failed(format!("{}: {message}", self.path.display()))
    }
}

/// The result type of a function, if it returns one.
pub(crate) fn result_type(ty: &ComponentFunc) -> Option<Type> {
    ty.results().next()
}
