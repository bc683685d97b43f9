//! WIT signatures of exported functions, for listings and error messages.
//!
//! The names of types (`point`, `color`) are not in wasmtime's view of a component, so the
//! signature comes from the component's WIT as wit-component decodes it. A component whose
//! WIT cannot be decoded (hand-made ones) still gets a signature: its types spelled out.

use std::fmt::Write;

use wasmtime::component::Type;
use wasmtime::component::types::ComponentFunc;
use wit_component::{DecodedWasm, WitPrinter};
use wit_parser::{Function, Resolve, WorldItem, WorldKey};

/// What the component's WIT says of one function: its signature and its doc comment.
#[derive(Debug, Clone, Default)]
pub(crate) struct FuncWit {
    pub signature: String,
    /// Each parameter's name and type, as written in the signature.
    pub params: Vec<(String, String)>,
    /// The result type as written, if there is one.
    pub result: Option<String>,
    pub docs: Option<String>,
}

/// The exported functions of a component's WIT, in the world's order, by (instance,
/// function name): `None` for a function exported at the root.
pub(crate) type DecodedExports = Vec<((Option<String>, String), FuncWit)>;

/// The exported functions of the component's WIT, read from its types alone (nothing is
/// compiled); `None` when the WIT cannot be decoded.
pub(crate) fn decode_exports(bytes: &[u8]) -> Option<DecodedExports> {
    let mut found = Vec::new();
    let Ok(DecodedWasm::Component(resolve, world)) = wit_component::decode(bytes) else {
        return None;
    };
    for (key, item) in &resolve.worlds[world].exports {
        match item {
            WorldItem::Function(f) => {
                found.push(((None, f.name.clone()), describe(&resolve, f)));
            }
            WorldItem::Interface { id, .. } => {
                let instance = match key {
                    WorldKey::Name(name) => name.clone(),
                    WorldKey::Interface(id) => resolve.id_of(*id).unwrap_or_default(),
                };
                for f in resolve.interfaces[*id].functions.values() {
                    found.push((
                        (Some(instance.clone()), f.name.clone()),
                        describe(&resolve, f),
                    ));
                }
            }
            WorldItem::Type { .. } => {}
        }
    }
    Some(found)
}

fn describe(resolve: &Resolve, f: &Function) -> FuncWit {
    let ty = |t: &wit_parser::Type| {
        let mut printer = WitPrinter::default();
        match printer.print_type_name(resolve, t) {
            Ok(()) => printer.output.to_string(),
            Err(_) => "?".to_string(),
        }
    };
    let params: Vec<(String, String)> = f
        .params
        .iter()
        .map(|p| (p.name.clone(), ty(&p.ty)))
        .collect();
    let written: Vec<String> = params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
    let keyword = if f.kind.is_async() {
        "async func"
    } else {
        "func"
    };
    let mut signature = format!("{}: {keyword}({})", f.name, written.join(", "));
    let result = f.result.as_ref().map(ty);
    if let Some(result) = &result {
        let _ = write!(signature, " -> {result}");
    }
    FuncWit {
        signature,
        params,
        result,
        docs: f.docs.contents.clone(),
    }
}

/// `name: func(a: u32) -> string` from wasmtime's types alone, with named types spelled out.
pub(crate) fn structural(name: &str, func: &ComponentFunc) -> String {
    let params: Vec<String> = func
        .params()
        .map(|(p, t)| format!("{p}: {}", type_text(&t)))
        .collect();
    let keyword = if func.async_() { "async func" } else { "func" };
    let mut signature = format!("{name}: {keyword}({})", params.join(", "));
    if let Some(result) = func.results().next() {
        let _ = write!(signature, " -> {}", type_text(&result));
    }
    signature
}

/// A type as WIT would write it inline; named types appear as their definitions.
pub(crate) fn type_text(ty: &Type) -> String {
    let list = |items: Vec<String>| items.join(", ");
    match ty {
        Type::Bool => "bool".into(),
        Type::S8 => "s8".into(),
        Type::U8 => "u8".into(),
        Type::S16 => "s16".into(),
        Type::U16 => "u16".into(),
        Type::S32 => "s32".into(),
        Type::U32 => "u32".into(),
        Type::S64 => "s64".into(),
        Type::U64 => "u64".into(),
        Type::Float32 => "f32".into(),
        Type::Float64 => "f64".into(),
        Type::Char => "char".into(),
        Type::String => "string".into(),
        Type::List(l) => format!("list<{}>", type_text(&l.ty())),
        Type::FixedLengthList(l) => format!("list<{}, {}>", type_text(&l.ty()), l.len()),
        Type::Map(m) => format!("map<{}, {}>", type_text(&m.key()), type_text(&m.value())),
        Type::Record(r) => format!(
            "record {{ {} }}",
            list(
                r.fields()
                    .map(|f| format!("{}: {}", f.name, type_text(&f.ty)))
                    .collect()
            )
        ),
        Type::Tuple(t) => format!(
            "tuple<{}>",
            list(t.types().map(|t| type_text(&t)).collect())
        ),
        Type::Variant(v) => format!(
            "variant {{ {} }}",
            list(
                v.cases()
                    .map(|c| match &c.ty {
                        Some(t) => format!("{}({})", c.name, type_text(t)),
                        None => c.name.to_string(),
                    })
                    .collect()
            )
        ),
        Type::Enum(e) => format!("enum {{ {} }}", list(e.names().map(String::from).collect())),
        Type::Option(o) => format!("option<{}>", type_text(&o.ty())),
        Type::Result(r) => match (r.ok(), r.err()) {
            (None, None) => "result".into(),
            (Some(ok), None) => format!("result<{}>", type_text(&ok)),
            (None, Some(err)) => format!("result<_, {}>", type_text(&err)),
            (Some(ok), Some(err)) => format!("result<{}, {}>", type_text(&ok), type_text(&err)),
        },
        Type::Flags(f) => format!(
            "flags {{ {} }}",
            list(f.names().map(String::from).collect())
        ),
        Type::Own(_) => "own<resource>".into(),
        Type::Borrow(_) => "borrow<resource>".into(),
        Type::Future(_) => "future".into(),
        Type::Stream(_) => "stream".into(),
        Type::ErrorContext => "error-context".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::component::Component;

    /// The spelled-out signature of every export next to the one from the decoded WIT.
    fn both(wit: &str) -> String {
        let bytes = crate::test_components::dummy(wit);
        let engine = wasmtime::Engine::default();
        let component = Component::new(&engine, &bytes).unwrap();
        let decoded = decode_exports(&bytes).unwrap();
        let mut text = String::new();
        for f in crate::exports::exported_funcs(&engine, &component) {
            let key = (f.instance.clone(), f.name.clone());
            let wit = &decoded.iter().find(|(k, _)| *k == key).unwrap().1.signature;
            text.push_str(&format!("{}\n{wit}\n", structural(&f.name, &f.ty)));
        }
        text
    }

    #[test]
    fn spelled_out_types_match_wit_where_wit_has_no_names() {
        insta::assert_snapshot!(both(
            r#"package a:b;
            world w {
              record point { x: u32, y: u32 }
              variant v { a(string), b }
              enum e { one, two }
              flags f { x, y }
              export anonymous: func(a: list<tuple<u8, s64>>, b: option<result<_, string>>) -> result<f32, char>;
              export named: func(p: point, v: v, e: e, f: f) -> option<bool>;
              export nothing: func();
            }"#
        ), @"
        anonymous: func(a: list<tuple<u8, s64>>, b: option<result<_, string>>) -> result<f32, char>
        anonymous: func(a: list<tuple<u8, s64>>, b: option<result<_, string>>) -> result<f32, char>
        named: func(p: record { x: u32, y: u32 }, v: variant { a(string), b }, e: enum { one, two }, f: flags { x, y }) -> option<bool>
        named: func(p: point, v: v, e: e, f: f) -> option<bool>
        nothing: func()
        nothing: func()
        ");
    }
}
