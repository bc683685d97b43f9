//! The functions a component exports, and finding the one a CALL names: `name`,
//! `iface.name`, `ns:pkg/iface.name` or `ns:pkg/iface@1.0.0.name`.

use wasmtime::Engine;
use wasmtime::component::types::{ComponentFunc, ComponentItem};
use wasmtime::component::{Component, ComponentExportIndex};

/// One exported function, at the root of the component or in an exported instance.
#[derive(Clone)]
pub(crate) struct ExportFunc {
    /// The exported instance it is in (`ns:pkg/iface@1.0.0`, or a plain name for an inline
    /// interface), or `None` at the root.
    pub instance: Option<String>,
    /// Its name in that instance: `add`, `[method]counter.get`.
    pub name: String,
    pub ty: ComponentFunc,
    pub index: ComponentExportIndex,
}

impl ExportFunc {
    /// The name that calls it from anywhere: `add` or `ns:pkg/iface@1.0.0.add`.
    pub fn qualified(&self) -> String {
        match &self.instance {
            Some(instance) => format!("{instance}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Every exported function, in the component's order, one instance deep as WIT worlds have
/// them.
pub(crate) fn exported_funcs(engine: &Engine, component: &Component) -> Vec<ExportFunc> {
    let mut funcs = Vec::new();
    for (name, export) in component.component_type().exports(engine) {
        match export.ty {
            ComponentItem::ComponentFunc(ty) => {
                if let Some(index) = component.get_export_index(None, name) {
                    funcs.push(ExportFunc {
                        instance: None,
                        name: name.to_string(),
                        ty,
                        index,
                    });
                }
            }
            ComponentItem::ComponentInstance(instance) => {
                let Some(parent) = component.get_export_index(None, name) else {
                    continue;
                };
                for (leaf, item) in instance.exports(engine) {
                    if let ComponentItem::ComponentFunc(ty) = item.ty
                        && let Some(index) = component.get_export_index(Some(&parent), leaf)
                    {
                        funcs.push(ExportFunc {
                            instance: Some(name.to_string()),
                            name: leaf.to_string(),
                            ty,
                            index,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    funcs
}

/// Why no single function answers to a name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LookupError {
    /// Nothing has this name; the qualified names of the ones that look alike.
    Unknown { close: Vec<String> },
    /// A bare name that several instances export, by their qualified names.
    Ambiguous { candidates: Vec<String> },
}

/// The function `name` refers to. A bare name is looked up at the root first, then in every
/// instance, as `wasmtime run --invoke` does; a qualified name's instance may be the full
/// name, the name without its `@version`, or the interface's own name.
pub(crate) fn find<'a>(funcs: &'a [ExportFunc], name: &str) -> Result<&'a ExportFunc, LookupError> {
    if let Some(f) = funcs.iter().find(|f| f.qualified() == name) {
        return Ok(f);
    }
    let matching: Vec<&ExportFunc> = funcs
        .iter()
        .filter(|f| match &f.instance {
            None => false,
            Some(instance) => {
                let Some(rest) = name.strip_suffix(f.name.as_str()) else {
                    return false;
                };
                if rest.is_empty() {
                    return true;
                }
                rest.strip_suffix('.')
                    .is_some_and(|given| instance_matches(instance, given))
            }
        })
        .collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(LookupError::Unknown {
            close: close_names(funcs, name),
        }),
        several => Err(LookupError::Ambiguous {
            candidates: several.iter().map(|f| f.qualified()).collect(),
        }),
    }
}

/// Whether `given` names `instance`: all of it, all but the `@version`, or the interface.
fn instance_matches(instance: &str, given: &str) -> bool {
    let unversioned = instance.split_once('@').map_or(instance, |(i, _)| i);
    let interface = unversioned.rsplit_once('/').map_or(unversioned, |(_, i)| i);
    given == instance || given == unversioned || given == interface
}

/// The qualified names that look like `name`: the same function name elsewhere, or a name a
/// few edits away, closest first.
fn close_names(funcs: &[ExportFunc], name: &str) -> Vec<String> {
    let wanted = name.rsplit('.').next().unwrap_or(name);
    let mut scored: Vec<(usize, String)> = funcs
        .iter()
        .filter_map(|f| {
            let distance = edit_distance(wanted, &f.name).min(edit_distance(name, &f.qualified()));
            let limit = (wanted.chars().count() / 3).max(1);
            let related = f.name.contains(wanted) || wanted.contains(f.name.as_str());
            (distance <= limit || related).then(|| (distance, f.qualified()))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(5).map(|(_, n)| n).collect()
}

/// Edit distance in characters, where swapping two neighbours is one edit (`aera`, `area`).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two back, one back, and the one being filled.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("add", "add"), 0);
        assert_eq!(edit_distance("ad", "add"), 1);
        assert_eq!(edit_distance("sub", "add"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("aera", "area"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn instance_names() {
        assert!(instance_matches("a:b/calc@1.0.0", "a:b/calc@1.0.0"));
        assert!(instance_matches("a:b/calc@1.0.0", "a:b/calc"));
        assert!(instance_matches("a:b/calc@1.0.0", "calc"));
        assert!(instance_matches("inline", "inline"));
        assert!(!instance_matches("a:b/calc@1.0.0", "b/calc"));
        assert!(!instance_matches("a:b/calc@1.0.0", "calc@1.0.0"));
    }
}
