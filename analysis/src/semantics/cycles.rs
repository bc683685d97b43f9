//! Cycles wit-parser refuses: interfaces and worlds that `use` or `include` themselves
//! (through each other) within a package, and packages that depend on themselves.

use std::sync::Arc;

use crate::fx::IndexMap;

use super::packages::{PackageSrc, package_graph};
use super::{At, Diag};
use crate::hir::*;
use crate::input::{File, Root};

#[salsa::tracked(returns(clone))]
pub fn cycle_diags(db: &dyn salsa::Database, root: Root) -> Arc<Vec<Diag>> {
    let graph = package_graph(db, root);
    let mut diags = Vec::new();
    // Each package's interfaces and worlds, with the local items they `use` or `include`.
    let mut package_deps: Vec<Vec<(PackageName, At)>> = Vec::new();
    for pkg in &graph.packages {
        let mut deps: Vec<(PackageName, At)> = Vec::new();
        let PackageSrc::Wit { lists } = &pkg.src else {
            package_deps.push(deps);
            continue;
        };
        let mut nodes: IndexMap<Name, Vec<(Name, File, SpanId)>> = IndexMap::default();
        for &(file, list) in lists {
            let summary = file_summary(db, file);
            let Some(items) = summary.list(list) else {
                continue;
            };
            // The file's own names: its items, and file-level `use` aliases. As in wit-parser,
            // an edge to an item named in this file points at that declaration (or at the name
            // in the `use` that aliases it); an edge to another file's item points at the use.
            let file_name = |name: &str| -> Option<Option<(Name, SpanId)>> {
                items.items.iter().find(|i| &*i.name.name == name).map(|i| {
                    match (&i.kind, &i.use_path) {
                        (SummaryKind::Use, Some(UsePath::Local(n))) => {
                            Some((n.name.clone(), n.span))
                        }
                        (SummaryKind::Use, _) => None,
                        _ => Some((i.name.name.clone(), i.name.span)),
                    }
                })
            };
            for item in &items.items {
                for p in &item.paths {
                    if let UsePath::Package {
                        package,
                        package_span,
                        ..
                    } = &p.path
                        && !deps.iter().any(|(d, _)| d == package)
                    {
                        deps.push((package.clone(), At::Span(file, *package_span)));
                    }
                }
                if item.kind == SummaryKind::Use {
                    continue;
                }
                let entry = nodes.entry(item.name.name.clone()).or_default();
                for p in item.paths.iter().filter(|p| p.edge) {
                    let UsePath::Local(target) = &p.path else {
                        continue;
                    };
                    match file_name(&target.name) {
                        Some(None) => continue,
                        Some(Some((local, span))) => entry.push((local, file, span)),
                        None => entry.push((target.name.clone(), file, target.span)),
                    }
                }
            }
        }
        if let Some((name, file, span)) = first_cycle(&nodes) {
            diags.push(Diag::error(
                "cycle",
                format!("interface or world `{name}` depends on itself"),
                At::Span(file, span),
            ));
        }
        package_deps.push(deps);
    }

    // Packages, visited in name order as wit-parser does, depth first; as there, the set of
    // packages being visited holds dependency names, not the package the walk started from.
    let mut order: Vec<usize> = (0..graph.packages.len()).collect();
    order.sort_by(|&a, &b| graph.packages[a].name.cmp(&graph.packages[b].name));
    let mut done = vec![false; graph.packages.len()];
    for &start in &order {
        let mut visiting = Vec::new();
        // wit-parser stops at the first cycle; so do we, since one cycle is one mistake.
        if !visit(
            &graph,
            &package_deps,
            start,
            &mut visiting,
            &mut done,
            &mut diags,
        ) {
            break;
        }
    }
    Arc::new(diags)
}

fn visit(
    graph: &super::PackageGraph,
    deps: &[Vec<(PackageName, At)>],
    pkg: usize,
    visiting: &mut Vec<PackageName>,
    done: &mut [bool],
    diags: &mut Vec<Diag>,
) -> bool {
    if done[pkg] {
        return true;
    }
    for (name, at) in &deps[pkg] {
        if visiting.contains(name) {
            // A package naming itself by its full name is the usual way to get here.
            let advice = if *name == graph.packages[pkg].name {
                ": it is the package this is written in; name its items directly, without the package"
            } else {
                ": packages cannot depend on each other in a circle"
            };
            diags.push(Diag::error(
                "cycle",
                format!("package `{name}` creates a dependency cycle{advice}"),
                at.clone(),
            ));
            return false;
        }
        visiting.push(name.clone());
        let ok = match graph.packages.iter().position(|p| &p.name == name) {
            Some(dep) => visit(graph, deps, dep, visiting, done, diags),
            None => true,
        };
        visiting.pop();
        if !ok {
            return false;
        }
    }
    done[pkg] = true;
    true
}

/// wit-parser's topological sort of a package's items: the first item left that depends on
/// another item left names the cycle.
fn first_cycle(nodes: &IndexMap<Name, Vec<(Name, File, SpanId)>>) -> Option<(Name, File, SpanId)> {
    let n = nodes.len();
    let index = |name: &str| nodes.get_index_of(name);
    let mut remaining: Vec<usize> = vec![0; n];
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, (_, edges)) in nodes.iter().enumerate() {
        for (target, _, _) in edges {
            if let Some(j) = index(target) {
                remaining[i] += 1;
                reverse[j].push(i);
            }
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| remaining[i] == 0).collect();
    while let Some(i) = ready.pop() {
        for &k in &reverse[i] {
            remaining[k] -= 1;
            if remaining[k] == 0 {
                ready.push(k);
            }
        }
    }
    for (i, (_, edges)) in nodes.iter().enumerate() {
        if remaining[i] == 0 {
            continue;
        }
        for (target, file, span) in edges {
            if index(target).is_some_and(|j| remaining[j] != 0) {
                return Some((target.clone(), *file, *span));
            }
        }
    }
    None
}
