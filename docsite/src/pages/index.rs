//! The first page: the root package's docs, then every package of the site.

use std::fmt::Write;

use super::Cx;
use super::entry::docs;
use crate::html::esc;
use crate::links::relative;
use crate::markdown::summary;

pub fn main(cx: &Cx<'_>, page: &str) -> String {
    let mut out = String::new();
    writeln!(out, "<h1>{}</h1>", esc(&cx.site)).ok();
    if let Some(root) = cx.model.packages.first().filter(|p| !p.is_dep) {
        out.push_str(&docs(root.docs.as_deref(), 2));
    }
    for (deps, title) in [(false, "Packages"), (true, "Dependencies")] {
        let pkgs: Vec<_> = cx
            .model
            .packages
            .iter()
            .filter(|p| p.is_dep == deps)
            .collect();
        if pkgs.is_empty() {
            continue;
        }
        write!(
            out,
            "<h2 id=\"{}\">{title}</h2>\n<ul class=\"items\">\n",
            title.to_lowercase()
        )
        .ok();
        for pkg in pkgs {
            let about = pkg.docs.as_deref().map(summary).unwrap_or_default();
            let count = pkg.items.len();
            writeln!(
                out,
                "<li><a href=\"{}\"><code>{}</code></a> <span class=\"count\">({count} item{})</span>{}</li>",
                esc(&relative(page, &cx.links.package_page(pkg.id), None)),
                esc(&pkg.name.to_string()),
                if count == 1 { "" } else { "s" },
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
