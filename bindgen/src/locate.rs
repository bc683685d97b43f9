//! Where in the WIT a generator's failure comes from. The tracked step says which interface
//! (or which of the world's own functions or types) it was writing; within that part, the
//! item is the one whose name the message says, else the one using the construct the message
//! names (`future`, `stream`, a fixed-length list, `async`, ...), else the only item there
//! using a construct generators are known to leave unsupported, else the part itself.

use std::collections::BTreeSet;

use wit_bindgen_core::wit_parser::{
    Function, FunctionKind, Resolve, Span, Type, TypeDefKind, TypeId, WorldId, WorldItem,
};

use crate::tracking::Step;

/// Constructs that generators leave unsupported now and then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Construct {
    Future,
    Stream,
    FixedLengthList,
    ErrorContext,
    Async,
    Map,
    Resource,
}

/// The words of a message that name each construct.
const WORDS: &[(&str, Construct)] = &[
    ("future", Construct::Future),
    ("stream", Construct::Stream),
    ("fixed-length", Construct::FixedLengthList),
    ("fixed length", Construct::FixedLengthList),
    ("fixedlengthlist", Construct::FixedLengthList),
    ("error context", Construct::ErrorContext),
    ("error-context", Construct::ErrorContext),
    ("errorcontext", Construct::ErrorContext),
    ("async", Construct::Async),
    ("map", Construct::Map),
    ("resource", Construct::Resource),
    ("handle", Construct::Resource),
];

/// One item of the part that failed: its name, its span, what it uses.
struct Item {
    name: String,
    span: Span,
    uses: BTreeSet<Construct>,
}

/// The span to report a failure at, and the item it names (`interface wasi:io/streams`,
/// `function add`).
pub fn failure_span(
    resolve: &Resolve,
    world: WorldId,
    step: &Step,
    message: &str,
) -> (Span, String) {
    let w = &resolve.worlds[world];
    let (items, whole, what) = match step {
        Step::Interface(id) => {
            let iface = &resolve.interfaces[*id];
            let mut items: Vec<Item> = iface
                .types
                .values()
                .map(|&t| type_item(resolve, t))
                .collect();
            items.extend(iface.functions.values().map(|f| func_item(resolve, f)));
            let name = resolve
                .id_of(*id)
                .or_else(|| iface.name.clone())
                .unwrap_or_else(|| "an inline interface".to_string());
            (items, iface.span, format!("interface `{name}`"))
        }
        Step::Functions(names) => {
            let items = w
                .imports
                .values()
                .chain(w.exports.values())
                .filter_map(|item| match item {
                    WorldItem::Function(f) if names.contains(&f.name) => {
                        Some(func_item(resolve, f))
                    }
                    _ => None,
                })
                .collect();
            (items, w.span, format!("world `{}`", w.name))
        }
        Step::Types(ids) => {
            let items = ids.iter().map(|&t| type_item(resolve, t)).collect();
            (items, w.span, format!("world `{}`", w.name))
        }
        Step::Start | Step::Finish => (Vec::new(), w.span, format!("world `{}`", w.name)),
    };
    let lower = message.to_ascii_lowercase();
    let named = items.iter().find(|i| mentions(message, &i.name));
    let by_construct = || {
        let said: BTreeSet<Construct> = WORDS
            .iter()
            .filter(|(word, _)| contains_word(&lower, word))
            .map(|(_, c)| *c)
            .collect();
        items
            .iter()
            .find(|i| !said.is_empty() && said.iter().any(|c| i.uses.contains(c)))
    };
    let only_unusual = || {
        let mut unusual = items
            .iter()
            .filter(|i| i.uses.iter().any(|c| *c != Construct::Resource));
        match (unusual.next(), unusual.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    match named.or_else(by_construct).or_else(only_unusual) {
        Some(item) => (item.span, format!("`{}` in {what}", item.name)),
        None => (whole, what),
    }
}

/// Whether `message` says `name` as a word (in its WIT spelling, or with `_` for `-`, as
/// generators write identifiers).
fn mentions(message: &str, name: &str) -> bool {
    let snake = name.replace('-', "_");
    contains_word(message, name) || contains_word(message, &snake)
}

fn contains_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

fn type_item(resolve: &Resolve, id: TypeId) -> Item {
    let def = &resolve.types[id];
    let mut uses = BTreeSet::new();
    kind_uses(resolve, &def.kind, &mut uses, 0);
    Item {
        name: def.name.clone().unwrap_or_default(),
        span: def.span,
        uses,
    }
}

fn func_item(resolve: &Resolve, f: &Function) -> Item {
    let mut uses = BTreeSet::new();
    if matches!(
        f.kind,
        FunctionKind::AsyncFreestanding
            | FunctionKind::AsyncMethod(_)
            | FunctionKind::AsyncStatic(_)
    ) {
        uses.insert(Construct::Async);
    }
    for p in &f.params {
        type_uses(resolve, &p.ty, &mut uses, 0);
    }
    if let Some(r) = &f.result {
        type_uses(resolve, r, &mut uses, 0);
    }
    Item {
        name: f.item_name().to_string(),
        span: f.span,
        uses,
    }
}

/// Types nest as deep as their author wrote them; past this depth a type says no more.
const DEPTH: usize = 64;

fn type_uses(resolve: &Resolve, ty: &Type, uses: &mut BTreeSet<Construct>, depth: usize) {
    match ty {
        Type::ErrorContext => {
            uses.insert(Construct::ErrorContext);
        }
        // A named type is an item of its own: what it uses is said of it, not of its users
        // (a record with a fixed-length list is the item to blame, not every function
        // taking the record).
        Type::Id(id) if depth < DEPTH && resolve.types[*id].name.is_none() => {
            kind_uses(resolve, &resolve.types[*id].kind, uses, depth + 1)
        }
        _ => {}
    }
}

fn kind_uses(resolve: &Resolve, kind: &TypeDefKind, uses: &mut BTreeSet<Construct>, depth: usize) {
    let mut inner = |t: &Type| type_uses(resolve, t, uses, depth);
    match kind {
        TypeDefKind::Record(r) => r.fields.iter().for_each(|f| inner(&f.ty)),
        TypeDefKind::Tuple(t) => t.types.iter().for_each(inner),
        TypeDefKind::Variant(v) => v.cases.iter().filter_map(|c| c.ty.as_ref()).for_each(inner),
        TypeDefKind::Option(t) | TypeDefKind::List(t) | TypeDefKind::Type(t) => inner(t),
        TypeDefKind::Result(r) => r.ok.iter().chain(r.err.iter()).for_each(inner),
        TypeDefKind::Map(k, v) => {
            inner(k);
            inner(v);
            uses.insert(Construct::Map);
        }
        TypeDefKind::FixedLengthList(t, _) => {
            inner(t);
            uses.insert(Construct::FixedLengthList);
        }
        TypeDefKind::Future(t) => {
            t.iter().for_each(inner);
            uses.insert(Construct::Future);
        }
        TypeDefKind::Stream(t) => {
            t.iter().for_each(inner);
            uses.insert(Construct::Stream);
        }
        TypeDefKind::Resource | TypeDefKind::Handle(_) => {
            uses.insert(Construct::Resource);
        }
        TypeDefKind::Flags(_) | TypeDefKind::Enum(_) | TypeDefKind::Unknown => {}
    }
}
