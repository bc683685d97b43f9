//! What the generator wrote for one WIT item, found in its output for the editor's hover
//! ("In Rust: ..."). The item is known from the generators' own wit-parser (by the span of
//! its definition); its declaration is searched in the generated text: a line declaring the
//! item's name in one of the spellings generators use (`KeyPage`, `key_page`, `keyPage`,
//! `..._key_page_t`), inside the module, class or prefix of its interface (and resource),
//! and the declaration is returned as written there. Nothing is made up: an item whose
//! declaration is not found has no such section.

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};
use wit_bindgen_core::wit_parser::{
    Function, FunctionKind, InterfaceId, Resolve, TypeId, WorldId, WorldItem,
};

use crate::{Bindings, Location};

/// A WIT item whose bindings can be looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Interface {
        name: String,
    },
    Type {
        name: String,
        interface: Option<String>,
    },
    Function {
        name: String,
        /// The resource of a method, static function or constructor.
        resource: Option<String>,
        interface: Option<String>,
    },
}

/// Where each item of a world is defined, with what to look for in its bindings.
pub(crate) fn items(
    resolved: &crate::resolve::Resolved,
    world: WorldId,
) -> Vec<(Location, Target)> {
    let resolve = &resolved.resolve;
    let mut out = Vec::new();
    let w = &resolve.worlds[world];
    for item in w.imports.values().chain(w.exports.values()) {
        match item {
            WorldItem::Interface { id, .. } => interface_items(resolve, resolved, *id, &mut out),
            WorldItem::Function(f) => {
                if let Some(at) = resolved.locate(f.span) {
                    out.push((at, function_target(resolve, f, None)));
                }
            }
            WorldItem::Type { id, .. } => {
                if let Some(at) = resolved.locate(resolve.types[*id].span) {
                    out.push((at, type_target(resolve, *id, None)));
                }
            }
        }
    }
    out
}

fn interface_items(
    resolve: &Resolve,
    resolved: &crate::resolve::Resolved,
    id: InterfaceId,
    out: &mut Vec<(Location, Target)>,
) {
    let iface = &resolve.interfaces[id];
    let name = iface.name.clone();
    if let (Some(n), Some(at)) = (&name, resolved.locate(iface.span)) {
        out.push((at, Target::Interface { name: n.clone() }));
    }
    for &t in iface.types.values() {
        if let Some(at) = resolved.locate(resolve.types[t].span) {
            out.push((at, type_target(resolve, t, name.clone())));
        }
    }
    for f in iface.functions.values() {
        if let Some(at) = resolved.locate(f.span) {
            out.push((at, function_target(resolve, f, name.clone())));
        }
    }
}

fn type_target(resolve: &Resolve, id: TypeId, interface: Option<String>) -> Target {
    Target::Type {
        name: resolve.types[id].name.clone().unwrap_or_default(),
        interface,
    }
}

fn function_target(resolve: &Resolve, f: &Function, interface: Option<String>) -> Target {
    let resource = match f.kind {
        FunctionKind::Method(r)
        | FunctionKind::AsyncMethod(r)
        | FunctionKind::Static(r)
        | FunctionKind::AsyncStatic(r)
        | FunctionKind::Constructor(r) => resolve.types[r].name.clone(),
        _ => None,
    };
    let name = match f.kind {
        // Generators name a constructor `new` (Rust, MoonBit) or after the resource (C#, C++).
        FunctionKind::Constructor(_) => "new".to_string(),
        _ => f.item_name().to_string(),
    };
    Target::Function {
        name,
        resource,
        interface,
    }
}

/// The spellings of a WIT name in generated code.
fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![
        name.to_upper_camel_case(),
        name.to_snake_case(),
        name.to_lower_camel_case(),
    ];
    out.dedup();
    out
}

/// Words that start a declaration in the generated languages.
const DECLARES: &[&str] = &[
    "struct",
    "enum",
    "type",
    "class",
    "interface",
    "typedef",
    "union",
    "trait",
    "mod",
    "namespace",
    "record",
];

/// A line of generated code, with the headers of the blocks it is in.
struct Line<'a> {
    file: &'a str,
    text: &'a str,
    /// The opening lines of the enclosing blocks (`pub mod store`, `impl Bucket`, ...).
    context: String,
    /// Lines from this one to the end of its file.
    rest: &'a [&'a str],
}

/// The declaration of `target` in the bindings, as written there.
pub fn signature(bindings: &Bindings, target: &Target) -> Option<String> {
    let (name, interface, resource, is_function) = match target {
        Target::Interface { name } => (name.as_str(), None, None, false),
        Target::Type { name, interface } => (name.as_str(), interface.as_deref(), None, false),
        Target::Function {
            name,
            resource,
            interface,
        } => (
            name.as_str(),
            interface.as_deref(),
            resource.as_deref(),
            true,
        ),
    };
    let forms = spellings(name);
    let iface_forms = interface.map(spellings).unwrap_or_default();
    let resource_forms = resource.map(spellings).unwrap_or_default();
    let mut best: Option<(u32, String)> = None;
    // Headers first: C and C++ declare there what the user calls or implements. A `.wit`
    // file (C#'s copy of the world) is the input, not bindings.
    let mut files: Vec<_> = bindings
        .files
        .iter()
        .filter(|f| !f.name.ends_with(".wit"))
        .collect();
    files.sort_by_key(|f| !(f.name.ends_with(".h") || f.name.ends_with(".hpp")));
    for file in files {
        let Some(text) = file.text() else { continue };
        let lines: Vec<&str> = text.lines().collect();
        let mut stack: Vec<&str> = Vec::new();
        for (i, raw) in lines.iter().enumerate() {
            let trimmed = raw.trim();
            let line = Line {
                file: &file.name,
                text: trimmed,
                context: stack.join(" "),
                rest: &lines[i..],
            };
            if let Some(ident) = declared(&line, &forms, is_function) {
                let in_scope = |wanted: &[String]| {
                    wanted.is_empty()
                        || wanted.iter().any(|w| {
                            has_word(&line.context, w)
                                || has_word(line.file, w)
                                || ident.contains(w.as_str())
                        })
                };
                if in_scope(&iface_forms) && in_scope(&resource_forms) {
                    let score =
                        u32::from(!iface_forms.is_empty()) + u32::from(!resource_forms.is_empty());
                    if best.as_ref().is_none_or(|(s, _)| score > *s) {
                        let found = match target {
                            Target::Interface { .. } => module_path(&stack, trimmed),
                            _ => declaration(line.rest, is_function),
                        };
                        best = Some((score, found));
                    }
                }
            }
            if trimmed.starts_with('}') {
                stack.pop();
            }
            if trimmed.ends_with('{') && !trimmed.starts_with('}') {
                stack.push(trimmed);
            }
        }
    }
    best.map(|(_, text)| text)
}

/// The identifier a line declares as one of `forms`: after a declaring word (types, modules),
/// or before `(` in a line that is not a call (functions).
fn declared<'a>(line: &Line<'a>, forms: &[String], is_function: bool) -> Option<&'a str> {
    let text = line.text;
    if text.starts_with("//")
        || text.starts_with('*')
        || text.starts_with("///")
        || text.starts_with('#')
    {
        return None;
    }
    let words: Vec<(usize, &str)> = identifiers(text);
    let matches = |ident: &str| {
        forms.iter().any(|f| {
            ident == f
                || ident.ends_with(&format!("_{f}"))
                || ident.ends_with(&format!("_{f}_t"))
                || ident == format!("I{f}")
        })
    };
    for (k, &(at, ident)) in words.iter().enumerate() {
        // `__wasm_import_...`, `__post_return_...`: the ABI's glue, not the API.
        if ident.starts_with("__") || !matches(ident) {
            continue;
        }
        if is_function {
            let after = text[at + ident.len()..].trim_start();
            let before = text[..at].trim_end();
            // A declaration has a return type or `fn` before the name; a call has nothing, or
            // an assignment, a path, an argument list.
            let is_call = before.is_empty()
                || before.ends_with('=')
                || before.ends_with('.')
                || before.ends_with("::")
                || before.ends_with("return")
                || before.ends_with('(')
                || before.ends_with(',');
            if after.starts_with('(') && !is_call {
                return Some(ident);
            }
        } else if k > 0 && DECLARES.contains(&words[k - 1].1) {
            return Some(ident);
        }
    }
    None
}

fn identifiers(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '_';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Whether an identifier of `text` is `word`, or has it as a part: between `_`s
/// (`demo_shapes_keywords_loop_t`), or as a capitalised part (`IKeywordsImports`).
fn has_word(text: &str, word: &str) -> bool {
    identifiers(text).iter().any(|(_, ident)| {
        ident.split('_').any(|part| part == word)
            || word.starts_with(|c: char| c.is_uppercase())
                && ident.match_indices(word).any(|(at, _)| {
                    ident[at + word.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c.is_uppercase() || c == '_')
                })
    })
}

/// An interface's module, class or namespace: `mod exports::example::kv_store::store` when it
/// is nested in modules (Rust), else its header as written.
fn module_path(stack: &[&str], header: &str) -> String {
    let header = header.trim_end_matches('{').trim_end();
    let module = |h: &str| {
        let words = identifiers(h);
        let at = words.iter().position(|(_, w)| *w == "mod")?;
        words.get(at + 1).map(|(_, w)| w.to_string())
    };
    let Some(last) = module(header) else {
        return header.to_string();
    };
    let mut path: Vec<String> = stack.iter().filter_map(|h| module(h)).collect();
    path.push(last);
    format!("mod {}", path.join("::"))
}

/// Lines of a type's definition shown before the rest is cut short.
const MAX_LINES: usize = 14;

/// The declaration starting at `lines[0]`: a function's signature up to its body, or a type's
/// definition up to its closing brace (cut short past [`MAX_LINES`]).
fn declaration(lines: &[&str], is_function: bool) -> String {
    let indent = lines[0].len() - lines[0].trim_start().len();
    let mut out: Vec<&str> = Vec::new();
    for line in lines {
        let body = line.get(indent..).unwrap_or(line.trim_start());
        if is_function {
            if body.trim().is_empty() {
                break;
            }
            if let Some(head) = body.trim_end().strip_suffix('{') {
                // A brace on a line of its own (C#) ends the signature above it.
                if !head.trim().is_empty() {
                    out.push(head.trim_end());
                }
                break;
            }
            out.push(body.trim_end());
            if body.trim_end().ends_with(';') {
                break;
            }
        } else {
            out.push(body.trim_end());
            let trimmed = body.trim();
            let closes = out.len() > 1
                && trimmed.starts_with('}')
                && line.len() - line.trim_start().len() == indent;
            if closes || trimmed.ends_with(';') && out.len() == 1 {
                break;
            }
            if out.len() == MAX_LINES {
                out.push("    …");
                break;
            }
        }
    }
    out.join("\n")
}
