//! The page of an interface or a world: its docs, then its types and functions; a world's
//! page adds the picture and lists of its imports and exports.

use std::fmt::Write;

use witty_analysis::ide::{DefKind, DocEntry, DocPackage, WorldEnd};
use witty_analysis::semantics::WorldItemKind;

use super::Cx;
use super::entry::{badges, docs, section};
use crate::html::esc;
use crate::links::relative;

pub fn main(cx: &Cx<'_>, page: &str, pkg: &DocPackage, item: &DocEntry) -> String {
    let mut out = String::new();
    write!(
        out,
        "<h1><span class=\"kind\">{}</span> {}</h1>\n<p class=\"meta\">in package <a href=\"{}\">{}</a>",
        item.kind.describe(),
        esc(&item.name),
        esc(&relative(page, &cx.links.package_page(pkg.id), None)),
        esc(&pkg.name.to_string()),
    )
    .ok();
    if let Some((path, line)) = &item.source {
        let shown = path.strip_prefix(&cx.model.folder).unwrap_or(path);
        let shown: Vec<String> = shown
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        write!(
            out,
            " · defined in <span class=\"source\">{}:{line}</span>",
            esc(&shown.join("/"))
        )
        .ok();
    }
    out.push_str("</p>\n");
    out.push_str(&badges(&item.gates));
    out.push_str(&docs(item.docs.as_deref(), 2));
    if pkg.binary {
        out.push_str(
            "<p class=\"note\">This package was decoded from a binary in <code>deps/</code>: \
             its definitions are not shown.</p>\n",
        );
    }
    if let Some(ends) = &item.world {
        let href = |e: &WorldEnd| e.target.as_ref().and_then(|d| cx.links.href(page, d));
        let picture = crate::svg::world_picture(&item.name, ends, &href);
        write!(
            out,
            "<figure class=\"world-figure\">\n<div class=\"picture\">{picture}</div>\n<figcaption>What world <code>{}</code> imports (left) and exports (right)</figcaption>\n</figure>\n",
            esc(&item.name)
        )
        .ok();
        for (title, list) in [("Imports", &ends.imports), ("Exports", &ends.exports)] {
            writeln!(out, "<h2 id=\"{}\">{title}</h2>", title.to_lowercase()).ok();
            if list.is_empty() {
                out.push_str("<p>None.</p>\n");
                continue;
            }
            out.push_str("<ul class=\"ends\">\n");
            for e in list {
                let kind = match e.kind {
                    WorldItemKind::Func => "function",
                    WorldItemKind::Type => "type",
                    WorldItemKind::Interface => "interface",
                };
                let name = match href(e) {
                    Some(h) => format!("<a href=\"{}\">{}</a>", esc(&h), esc(&e.name)),
                    None => esc(&e.name),
                };
                writeln!(
                    out,
                    "<li><span class=\"kind\">{kind}</span> <code>{name}</code></li>"
                )
                .ok();
            }
            out.push_str("</ul>\n");
        }
    }
    let groups: [Group; 3] = [
        ("types", "Types", DefKind::is_type),
        ("functions", "Functions", |k| k == DefKind::Func),
        ("externs", "Defined in this world", |k| {
            matches!(k, DefKind::Import | DefKind::Export)
        }),
    ];
    for (id, title, wanted) in groups {
        let entries: Vec<&DocEntry> = item.children.iter().filter(|c| wanted(c.kind)).collect();
        if entries.is_empty() {
            continue;
        }
        writeln!(out, "<h2 id=\"{id}\">{title}</h2>").ok();
        for e in entries {
            out.push_str(&section(cx, page, e, 3));
        }
    }
    out
}

/// A section of an item's page: its anchor, its title, and which entries it lists.
type Group = (&'static str, &'static str, fn(DefKind) -> bool);
