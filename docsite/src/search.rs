//! The search index: every name the site shows (packages, interfaces, worlds, types,
//! functions, fields, cases...) with what it belongs to and its link from the site's root,
//! as a script that sets one global. A script rather than JSON: pages opened from disk
//! (`file://`) may load scripts but not fetch files.

use serde_json::{Value, json};
use witty_analysis::ide::{DocEntry, DocModel};

use crate::links::Links;
use crate::markdown::summary;

pub fn index(model: &DocModel, links: &Links) -> String {
    let mut rows: Vec<Value> = Vec::new();
    for pkg in &model.packages {
        let package = pkg.name.to_string();
        rows.push(json!({
            "n": package,
            "k": "package",
            "c": if pkg.is_dep { "dependency" } else { "" },
            "u": links.package_page(pkg.id),
            "s": pkg.docs.as_deref().map(summary).unwrap_or_default(),
        }));
        for item in &pkg.items {
            let context = format!("{}:{}", pkg.name.namespace, pkg.name.name);
            entries(item, &context, links, &mut rows);
        }
    }
    let json = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_string());
    format!("window.wittySearchIndex = {json};\n")
}

fn entries(entry: &DocEntry, context: &str, links: &Links, rows: &mut Vec<Value>) {
    let Some((page, anchor)) = links.target(&entry.def) else {
        return;
    };
    let url = match anchor {
        Some(a) => format!("{page}#{a}"),
        None => page,
    };
    rows.push(json!({
        "n": entry.name,
        "k": entry.kind.describe(),
        "c": context,
        "u": url,
        "s": entry.docs.as_deref().map(summary).unwrap_or_default(),
    }));
    let inner = format!("{context}/{}", entry.name);
    for child in &entry.children {
        entries(child, &inner, links, rows);
    }
}
