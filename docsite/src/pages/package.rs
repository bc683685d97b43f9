//! A package's page: its docs and its interfaces and worlds, each with its first sentence.

use std::fmt::Write;

use witty_analysis::ide::{DefKind, DocPackage};

use super::Cx;
use super::entry::docs;
use crate::html::esc;
use crate::links::relative;
use crate::markdown::summary;

pub fn main(cx: &Cx<'_>, page: &str, pkg: &DocPackage) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "<h1><span class=\"kind\">package</span> {}</h1>",
        esc(&pkg.name.to_string())
    )
    .ok();
    if pkg.is_dep {
        out.push_str("<p class=\"meta\">A dependency (from <code>deps/</code>).</p>\n");
    }
    out.push_str(&docs(pkg.docs.as_deref(), 2));
    if pkg.binary {
        out.push_str(
            "<p class=\"note\">Decoded from a binary package: its interfaces and worlds are \
             listed by name only.</p>\n",
        );
    }
    for (kind, title) in [
        (DefKind::Interface, "Interfaces"),
        (DefKind::World, "Worlds"),
    ] {
        let items: Vec<_> = pkg.items.iter().filter(|i| i.kind == kind).collect();
        if items.is_empty() {
            continue;
        }
        write!(
            out,
            "<h2 id=\"{}\">{title}</h2>\n<ul class=\"items\">\n",
            title.to_lowercase()
        )
        .ok();
        for item in items {
            let name = match cx.links.page_of(&item.def) {
                Some(target) => format!(
                    "<a href=\"{}\">{}</a>",
                    esc(&relative(page, &target, None)),
                    esc(&item.name)
                ),
                None => esc(&item.name),
            };
            let about = item.docs.as_deref().map(summary).unwrap_or_default();
            writeln!(
                out,
                "<li><code>{name}</code>{}</li>",
                if about.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", esc(&about))
                }
            )
            .ok();
        }
        out.push_str("</ul>\n");
    }
    out
}
