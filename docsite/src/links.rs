//! Where every page and definition of the site is: page paths for packages, interfaces and
//! worlds, anchors for what is inside them, and relative links between pages. A link is made
//! only to a page or anchor the site has, so that no generated link dangles.

use std::collections::{HashMap, HashSet};

use witty_analysis::hir::PackageName;
use witty_analysis::ide::{Def, DefKind, DocEntry, DocModel};
use witty_analysis::semantics::{ItemId, Owner, PkgId};

pub const STYLE: &str = "static/style.css";
pub const SEARCH_SCRIPT: &str = "static/search.js";
pub const SEARCH_INDEX: &str = "static/search-index.js";
pub const VERSIONS: &str = "versions.html";

pub struct Links {
    /// Each package's folder in the site: `ns/name@1.0.0`, or under `deps/` for dependencies.
    dirs: HashMap<PkgId, String>,
    /// Each page path with the anchors it has.
    anchors: HashMap<String, HashSet<String>>,
}

impl Links {
    pub fn new(model: &DocModel) -> Links {
        let mut links = Links {
            dirs: HashMap::new(),
            anchors: HashMap::new(),
        };
        for pkg in &model.packages {
            let dir = package_dir(&pkg.name, pkg.is_dep);
            links.dirs.insert(pkg.id, dir);
        }
        for pkg in &model.packages {
            links.anchors.entry(links.package_page(pkg.id)).or_default();
            for item in &pkg.items {
                let Def::Item(id) = &item.def else { continue };
                if let Some(page) = links.item_page(id, item.kind == DefKind::World) {
                    let anchors = links.anchors.entry(page).or_default();
                    collect_anchors(&item.children, anchors);
                }
            }
        }
        links
    }

    pub fn package_page(&self, pkg: PkgId) -> String {
        format!(
            "{}/index.html",
            self.dirs.get(&pkg).map_or("", String::as_str)
        )
    }

    pub fn item_page(&self, id: &ItemId, world: bool) -> Option<String> {
        let dir = self.dirs.get(&id.pkg)?;
        let kind = if world { "world" } else { "interface" };
        Some(format!("{dir}/{kind}.{}.html", id.name))
    }

    /// The page that shows a definition (whether or not it exists).
    pub fn page_of(&self, def: &Def) -> Option<String> {
        match def {
            Def::Package(p) => Some(self.package_page(*p)),
            // An item is an interface unless a world page is what the site has.
            Def::Item(id) => {
                let world = self.item_page(id, true)?;
                if self.anchors.contains_key(&world) {
                    Some(world)
                } else {
                    self.item_page(id, false)
                }
            }
            Def::Type { owner, .. }
            | Def::Func { owner, .. }
            | Def::ResourceFunc { owner, .. }
            | Def::Member { owner, .. }
            | Def::Param { owner, .. } => self.owner_page(owner),
            Def::Extern { world, .. } => self.item_page(world, true),
        }
    }

    fn owner_page(&self, owner: &Owner) -> Option<String> {
        match owner {
            Owner::Interface(id) => self.item_page(id, false),
            Owner::World(id) | Owner::Inline { world: id, .. } => self.item_page(id, true),
        }
    }

    /// The page and anchor of a definition, if the site has them.
    pub fn target(&self, def: &Def) -> Option<(String, Option<String>)> {
        let page = self.page_of(def)?;
        let anchor = anchor(def);
        let anchors = self.anchors.get(&page)?;
        match anchor {
            Some(a) if anchors.contains(&a) => Some((page, Some(a))),
            Some(_) => None,
            None => Some((page, None)),
        }
    }

    /// A link from the page at `from` to a definition, if the site shows it.
    pub fn href(&self, from: &str, def: &Def) -> Option<String> {
        let (page, anchor) = self.target(def)?;
        Some(relative(from, &page, anchor.as_deref()))
    }
}

/// The anchors of entries and everything inside them.
fn collect_anchors(entries: &[DocEntry], out: &mut HashSet<String>) {
    for e in entries {
        if let Some(a) = anchor(&e.def) {
            out.insert(a);
        }
        collect_anchors(&e.children, out);
    }
}

/// A package's folder in the site.
pub fn package_dir(name: &PackageName, is_dep: bool) -> String {
    let version = name
        .version
        .as_ref()
        .map(|v| format!("@{v}"))
        .unwrap_or_default();
    let dir = format!("{}/{}{version}", name.namespace, name.name);
    if is_dep { format!("deps/{dir}") } else { dir }
}

/// The anchor of a definition inside its page; `None` for what is a page of its own.
pub fn anchor(def: &Def) -> Option<String> {
    let inline = |owner: &Owner| match owner {
        Owner::Inline { name, .. } => format!("extern.{name}."),
        _ => String::new(),
    };
    Some(match def {
        Def::Package(_) | Def::Item(_) => return None,
        Def::Type { owner, name } => format!("{}type.{name}", inline(owner)),
        Def::Func { owner, name } => format!("{}func.{name}", inline(owner)),
        Def::ResourceFunc {
            owner,
            resource,
            name,
        } => format!("{}type.{resource}.{name}", inline(owner)),
        Def::Member {
            owner,
            parent,
            name,
        } => format!("{}type.{parent}.{name}", inline(owner)),
        Def::Param { owner, func, name } => format!("{}func.{func}.{name}", inline(owner)),
        Def::Extern { name, .. } => format!("extern.{name}"),
    })
}

/// `../` as many times as the page is deep: the way back to the site's root.
pub fn to_root(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// A link from one page to another page (and anchor) of the site.
pub fn relative(from: &str, to: &str, anchor: Option<&str>) -> String {
    let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
    if from == to {
        return if fragment.is_empty() {
            "#".to_string()
        } else {
            fragment
        };
    }
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut out = "../".repeat(from_dir.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out.push_str(&fragment);
    out
}
