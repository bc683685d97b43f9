//! Values in WAVE: showing results, and comparing an expected value with an actual one.

use wasmtime::component::Val;
use wasmtime::component::wasm_wave;

/// Results as `wasmtime run --invoke` prints them: one value alone, several as a tuple,
/// none as `()`. WAVE has no syntax for resource handles; they show as `<resource>`.
pub fn show_results(results: &[Val]) -> String {
    if results.len() == 1 {
        return show(&results[0]);
    }
    let items: Vec<String> = results.iter().map(show).collect();
    format!("({})", items.join(", "))
}

/// One value in WAVE.
pub fn show(value: &Val) -> String {
    if !holds_handle(value) {
        // Writing can fail only on values WAVE cannot express, which are excluded above.
        if let Ok(text) = wasm_wave::to_string(value) {
            return text;
        }
    }
    let list = |items: &[Val]| items.iter().map(show).collect::<Vec<_>>().join(", ");
    let payload = |name: &str, v: &Option<Box<Val>>| match v {
        Some(v) => format!("{name}({})", show(v)),
        None => name.to_string(),
    };
    match value {
        Val::Resource(_) => "<resource>".into(),
        Val::Future(_) => "<future>".into(),
        Val::Stream(_) => "<stream>".into(),
        Val::ErrorContext(_) => "<error-context>".into(),
        Val::List(items) | Val::FixedLengthList(items) => format!("[{}]", list(items)),
        Val::Tuple(items) => format!("({})", list(items)),
        Val::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("({}, {})", show(k), show(v)))
                .collect();
            format!("[{}]", entries.join(", "))
        }
        Val::Record(fields) => {
            // As wasm-wave writes records: a field that is `none` is left out.
            let fields: Vec<String> = fields
                .iter()
                .filter(|(_, v)| !matches!(v, Val::Option(None)))
                .map(|(name, v)| format!("{name}: {}", show(v)))
                .collect();
            if fields.is_empty() {
                // WAVE's empty record, unlike `{}`, which is empty flags.
                return "{:}".into();
            }
            format!("{{{}}}", fields.join(", "))
        }
        Val::Variant(name, v) => payload(name, v),
        Val::Option(v) => match v {
            Some(v) => format!("some({})", show(v)),
            None => "none".into(),
        },
        Val::Result(Ok(v)) => payload("ok", v),
        Val::Result(Err(v)) => payload("err", v),
        // Leaves hold no handle, so they were written by wasm-wave above.
        other => format!("{other:?}"),
    }
}

/// Whether a value holds a resource handle, future, stream or error context anywhere.
fn holds_handle(value: &Val) -> bool {
    let boxed = |v: &Option<Box<Val>>| v.as_deref().is_some_and(holds_handle);
    match value {
        Val::Resource(_) | Val::Future(_) | Val::Stream(_) | Val::ErrorContext(_) => true,
        Val::List(items) | Val::Tuple(items) | Val::FixedLengthList(items) => {
            items.iter().any(holds_handle)
        }
        Val::Map(entries) => entries
            .iter()
            .any(|(k, v)| holds_handle(k) || holds_handle(v)),
        Val::Record(fields) => fields.iter().any(|(_, v)| holds_handle(v)),
        Val::Variant(_, v) | Val::Option(v) => boxed(v),
        Val::Result(Ok(v)) | Val::Result(Err(v)) => boxed(v),
        _ => false,
    }
}

/// Whether two values of one type are the same value: as wasmtime compares them (NaN equals
/// NaN), with flags compared as sets since WAVE may list them in any order.
pub fn same_value(a: &Val, b: &Val) -> bool {
    normalize(a.clone()) == normalize(b.clone())
}

fn normalize(value: Val) -> Val {
    let boxed = |v: Option<Box<Val>>| v.map(|v| Box::new(normalize(*v)));
    let all = |items: Vec<Val>| items.into_iter().map(normalize).collect();
    match value {
        Val::Flags(mut names) => {
            names.sort();
            names.dedup();
            Val::Flags(names)
        }
        Val::List(items) => Val::List(all(items)),
        Val::FixedLengthList(items) => Val::FixedLengthList(all(items)),
        Val::Tuple(items) => Val::Tuple(all(items)),
        Val::Map(entries) => Val::Map(
            entries
                .into_iter()
                .map(|(k, v)| (normalize(k), normalize(v)))
                .collect(),
        ),
        Val::Record(fields) => Val::Record(
            fields
                .into_iter()
                .map(|(name, v)| (name, normalize(v)))
                .collect(),
        ),
        Val::Variant(name, v) => Val::Variant(name, boxed(v)),
        Val::Option(v) => Val::Option(boxed(v)),
        Val::Result(Ok(v)) => Val::Result(Ok(boxed(v))),
        Val::Result(Err(v)) => Val::Result(Err(boxed(v))),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_and_values() {
        assert_eq!(show_results(&[]), "()");
        assert_eq!(show_results(&[Val::U32(3)]), "3");
        assert_eq!(
            show_results(&[Val::String("a\"b".into()), Val::Char('x')]),
            "(\"a\\\"b\", 'x')"
        );
        assert_eq!(
            show(&Val::Record(vec![
                ("x".into(), Val::S32(-1)),
                ("y".into(), Val::Option(None))
            ])),
            "{x: -1}"
        );
        let handle_free = Val::Record(vec![("y".into(), Val::Option(None))]);
        assert_eq!(show(&handle_free), "{:}");
    }

    #[test]
    fn flags_compare_as_sets() {
        let a = Val::Flags(vec!["read".into(), "write".into()]);
        let b = Val::Flags(vec!["write".into(), "read".into()]);
        assert!(same_value(&a, &b));
        assert!(!same_value(&a, &Val::Flags(vec!["read".into()])));
        assert!(same_value(&Val::Float64(f64::NAN), &Val::Float64(f64::NAN)));
    }
}
