//! Every page of the site: the index, one per package, interface and world, and the
//! versions page, each in the shared frame with the navigation for where it is.

mod entry;
mod index;
mod item;
mod package;
mod versions;

use std::fmt::Write;

use witty_analysis::ide::{DocModel, DocPackage};

use crate::html::{self, esc};
use crate::links::Links;
use crate::{Comparison, Site};

/// What every page needs to know.
pub struct Cx<'a> {
    pub model: &'a DocModel,
    pub links: &'a Links,
    /// The site's name: the root package's.
    pub site: String,
}

/// Each page's path and HTML.
pub fn all(model: &DocModel, links: &Links, compare: Option<&Comparison>) -> Vec<(String, String)> {
    let site = model
        .packages
        .first()
        .map_or_else(|| "WIT documentation".to_string(), |p| p.name.to_string());
    let cx = Cx { model, links, site };
    let mut pages = Vec::new();
    let mut add = |path: String, title: String, current: Option<&DocPackage>, main: String| {
        let nav = nav(&cx, &path, current);
        let text = html::page(&html::Page {
            path: &path,
            title: &title,
            site: &cx.site,
            nav: &nav,
            main: &main,
        });
        pages.push((path, text));
    };
    let index = Site::INDEX.to_string();
    add(
        index.clone(),
        cx.site.clone(),
        None,
        index::main(&cx, &index),
    );
    let versions = crate::links::VERSIONS.to_string();
    add(
        versions.clone(),
        format!("Versions — {}", cx.site),
        None,
        versions::main(&cx, &versions, compare),
    );
    for pkg in &model.packages {
        let path = links.package_page(pkg.id);
        let main = package::main(&cx, &path, pkg);
        add(path, pkg.name.to_string(), Some(pkg), main);
        for item in &pkg.items {
            let Some(path) = links.page_of(&item.def) else {
                continue;
            };
            let main = item::main(&cx, &path, pkg, item);
            let title = format!("{} {} — {}", item.kind.describe(), item.name, pkg.name);
            add(path, title, Some(pkg), main);
        }
    }
    pages
}

/// The list of packages, with the items of the current one under it.
fn nav(cx: &Cx<'_>, page: &str, current: Option<&DocPackage>) -> String {
    let mut out =
        String::from("<p class=\"nav-title\">Packages</p>\n<ul class=\"nav-packages\">\n");
    for pkg in &cx.model.packages {
        let target = cx.links.package_page(pkg.id);
        let here = if target == page {
            " aria-current=\"page\""
        } else {
            ""
        };
        let dep = if pkg.is_dep {
            " <span class=\"nav-dep\">dep</span>"
        } else {
            ""
        };
        write!(
            out,
            "<li><a href=\"{}\"{here}>{}</a>{dep}",
            esc(&crate::links::relative(page, &target, None)),
            esc(&pkg.name.to_string())
        )
        .ok();
        if current.is_some_and(|c| c.id == pkg.id) && !pkg.items.is_empty() {
            out.push_str("\n<ul>\n");
            for item in &pkg.items {
                let Some(target) = cx.links.page_of(&item.def) else {
                    continue;
                };
                let here = if target == page {
                    " aria-current=\"page\""
                } else {
                    ""
                };
                writeln!(
                    out,
                    "<li><a href=\"{}\"{here}><span class=\"nav-kind\">{}</span> {}</a></li>",
                    esc(&crate::links::relative(page, &target, None)),
                    item.kind.describe(),
                    esc(&item.name)
                )
                .ok();
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out
}
