//! `wit test`: the examples in the docs of exported functions, and the exported functions
//! named `test-*`, each run on a fresh instance and compared as values.

use wasmtime::component::{Type, Val, wasm_wave};

use crate::call::wave_message;
use witty_run_report::{Example, FuncDocs, TestCase, parse_examples};

use crate::exports::ExportFunc;
use crate::runner::{CallOutput, Loaded, result_type};
use crate::values::{same_value, show_results};

impl Loaded {
    /// The docs of the exported functions as the component's own WIT has them (wit-component
    /// keeps them when the component was built from documented WIT).
    pub fn embedded_docs(&self) -> Vec<FuncDocs> {
        self.exports()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| {
                Some(FuncDocs {
                    instance: e.instance,
                    function: e.function,
                    docs: e.docs?,
                })
            })
            .collect()
    }

    /// Runs the examples of `docs` and the `test-*` exports, in the order of the exports.
    pub fn run_tests(&self, docs: &[FuncDocs]) -> Vec<TestCase> {
        self.run_tests_of(docs, None)
    }

    /// The same, for one export only when `only` names it (`add`, or qualified as
    /// `ns:pkg/iface@1.0.0.add`): what the editor's lens above a function runs.
    pub fn run_tests_of(&self, docs: &[FuncDocs], only: Option<&str>) -> Vec<TestCase> {
        let mut cases = Vec::new();
        let wanted =
            |func: &ExportFunc| only.is_none_or(|o| o == func.qualified() || o == func.name);
        let funcs = match self.funcs() {
            Ok(funcs) => funcs,
            Err(e) => {
                // The component cannot be compiled: every test of it fails with the reason.
                cases.push(TestCase {
                    name: only.unwrap_or("the component").to_string(),
                    call: String::new(),
                    expected: None,
                    actual: None,
                    passed: false,
                    error: Some(e.message),
                    line: None,
                    stdout: String::new(),
                    stderr: String::new(),
                });
                return cases;
            }
        };
        for func in funcs.iter().filter(|f| wanted(f)) {
            for d in docs.iter().filter(|d| documents(d, func)) {
                for example in parse_examples(&d.docs) {
                    cases.push(self.run_example(func, &example));
                }
            }
            if is_test(func) {
                cases.push(self.run_test_export(func));
            }
        }
        cases
    }

    fn run_example(&self, func: &ExportFunc, example: &Example) -> TestCase {
        let mut case = TestCase {
            name: func.qualified(),
            call: example.call.clone(),
            expected: example.expected.clone(),
            actual: None,
            passed: false,
            error: None,
            line: Some(example.line),
            stdout: String::new(),
            stderr: String::new(),
        };
        let prepared = match self.prepare_in(func.instance.as_deref(), &example.call) {
            Ok(p) => p,
            Err(e) => {
                case.error = Some(e.message);
                return case;
            }
        };
        let output = self.invoke(&prepared);
        let results = match take(&mut case, output) {
            Some(results) => results,
            None => return case,
        };
        let Some(expected) = &example.expected else {
            case.passed = true;
            return case;
        };
        let ty = result_type(&prepared.func.ty);
        let type_name = self.result_type_name(prepared.func).unwrap_or_default();
        match expected_value(&ty, &type_name, expected) {
            Ok(value) => {
                case.passed = match (&value, results.as_slice()) {
                    (Some(want), [got]) => same_value(want, got),
                    (None, []) => true,
                    _ => false,
                };
            }
            Err(message) => case.error = Some(message),
        }
        case
    }

    fn run_test_export(&self, func: &ExportFunc) -> TestCase {
        let call = format!("{}()", func.qualified());
        let mut case = TestCase {
            name: func.qualified(),
            call: format!("{}()", func.name),
            expected: None,
            actual: None,
            passed: false,
            error: None,
            line: None,
            stdout: String::new(),
            stderr: String::new(),
        };
        let output = match self.prepare(&call) {
            Ok(prepared) => self.invoke(&prepared),
            Err(e) => {
                case.error = Some(e.message);
                return case;
            }
        };
        let Some(results) = take(&mut case, output) else {
            return case;
        };
        match results.as_slice() {
            [Val::Result(Err(e))] => {
                case.error = Some(match e.as_deref() {
                    Some(Val::String(message)) => message.clone(),
                    Some(other) => show_results(std::slice::from_ref(other)),
                    None => "the test returned `err`".to_string(),
                });
            }
            _ => case.passed = true,
        }
        case
    }
}

/// Moves the output of a call into the case: its printed text, its results in WAVE, or its
/// error. The results, if the call returned.
fn take(case: &mut TestCase, output: CallOutput) -> Option<Vec<Val>> {
    case.stdout = output.stdout;
    case.stderr = output.stderr;
    match output.result {
        Ok(results) => {
            case.actual = Some(show_results(&results));
            Some(results)
        }
        Err(e) => {
            case.error = Some(e.message);
            None
        }
    }
}

/// The expected value read as a value of the result type (`type_name` as WIT writes it);
/// `None` for a function that returns nothing, whose expected value is `()`.
fn expected_value(ty: &Option<Type>, type_name: &str, text: &str) -> Result<Option<Val>, String> {
    match ty {
        Some(ty) => wasm_wave::from_str::<Val>(ty, text).map(Some).map_err(|e| {
            format!(
                "the expected value `{text}` is not a `{type_name}` in WAVE: {}",
                wave_message(&e)
            )
        }),
        None if text.trim() == "()" => Ok(None),
        None => Err(format!(
            "the function returns nothing, so the expected value is `()`, not `{text}`"
        )),
    }
}

/// Whether `docs` are the docs of `func`: same function name, and the same interface by its
/// full name, its name without the version, or its own short name.
fn documents(docs: &FuncDocs, func: &ExportFunc) -> bool {
    if docs.function != func.name {
        return false;
    }
    match (&docs.instance, &func.instance) {
        (None, None) => true,
        (Some(wanted), Some(instance)) => {
            let unversioned = instance
                .split_once('@')
                .map_or(instance.as_str(), |(i, _)| i);
            wanted == instance || wanted == unversioned
        }
        _ => false,
    }
}

/// `test-*` exports with no parameters that return nothing or `result<_, string>`.
fn is_test(func: &ExportFunc) -> bool {
    if !func.name.starts_with("test-") || func.ty.params().len() != 0 {
        return false;
    }
    match result_type(&func.ty) {
        None => true,
        Some(Type::Result(r)) => r.ok().is_none() && matches!(r.err(), Some(Type::String)),
        Some(_) => false,
    }
}
