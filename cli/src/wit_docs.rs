//! The doc comments of the functions of a WIT package (a folder or a file), keyed as the
//! runner matches them to a component's exports, for `wit test COMPONENT WIT_PATH`.

use std::path::Path;

use witty_runner::FuncDocs;
use witty_syntax::ast::{
    self, ExternKind, HasDocs, HasName, InterfaceItem, Item, ResourceMember, WorldItem,
};

/// Every documented function of the package at `path`: in interfaces (as
/// `ns:pkg/iface@version`), in interfaces declared inside worlds (by their name), and of
/// worlds themselves. Its `deps/` are not read: their functions are not this component's.
pub fn collect(path: &Path) -> Result<Vec<FuncDocs>, String> {
    let package = witty_analysis::load_path(path).map_err(|e| {
        format!("{e} (WIT_PATH is the package folder or .wit file whose docs hold the examples)")
    })?;
    if package.files.is_empty() {
        return Err(format!(
            "{}: no .wit files to read doc comments from",
            path.display()
        ));
    }
    let mut found = Vec::new();
    for file in &package.files {
        if let Some(witty_analysis::FileProblem::Unreadable(message)) = &file.problem {
            return Err(format!("{}: {message}", file.path.display()));
        }
        let tree = witty_syntax::parse(&file.text).tree();
        let package = tree
            .package_decl()
            .map(|d| package_name(d.package_name(), d.version()));
        collect_items(tree.items(), package.flatten().as_ref(), &mut found);
    }
    Ok(found)
}

/// `ns:pkg` and its `@version`, split so that an interface's name can go between them.
type PackageName = (String, Option<String>);

fn package_name(
    name: Option<ast::PackageName>,
    version: Option<ast::Version>,
) -> Option<PackageName> {
    let name = name?;
    Some((
        format!("{}:{}", name.namespace()?, name.name()?),
        version.map(|v| v.text()),
    ))
}

fn collect_items(
    items: impl Iterator<Item = Item>,
    package: Option<&PackageName>,
    found: &mut Vec<FuncDocs>,
) {
    for item in items {
        match item {
            Item::Interface(i) => {
                let Some((pkg, version)) = package else {
                    continue;
                };
                let name = i.name().map(|n| n.text()).unwrap_or_default();
                let instance = match version {
                    Some(v) => format!("{pkg}/{name}@{v}"),
                    None => format!("{pkg}/{name}"),
                };
                interface_docs(i.items(), Some(&instance), found);
            }
            Item::World(w) => world_docs(&w, found),
            Item::NestedPackage(p) => {
                let nested = package_name(p.package_name(), p.version());
                collect_items(p.items(), nested.as_ref(), found);
            }
            Item::TopUse(_) => {}
        }
    }
}

fn world_docs(world: &ast::World, found: &mut Vec<FuncDocs>) {
    for item in world.items() {
        let WorldItem::Export(export) = item else {
            continue;
        };
        match export.kind() {
            Some(ExternKind::Func(f)) => push(found, None, name_of(&f), export.docs().or(f.docs())),
            Some(ExternKind::Interface(i)) => {
                let name = i.name().map(|n| n.text()).unwrap_or_default();
                interface_docs(i.items(), Some(&name), found);
            }
            _ => {}
        }
    }
}

fn interface_docs(
    items: impl Iterator<Item = InterfaceItem>,
    instance: Option<&str>,
    found: &mut Vec<FuncDocs>,
) {
    for item in items {
        match item {
            InterfaceItem::Func(f) => push(found, instance, name_of(&f), f.docs()),
            InterfaceItem::Resource(r) => {
                let resource = r.name().map(|n| n.text()).unwrap_or_default();
                for member in r.members() {
                    // Resource functions are exported under these mangled names.
                    let (name, docs) = match &member {
                        ResourceMember::Constructor(c) => {
                            (format!("[constructor]{resource}"), c.docs())
                        }
                        ResourceMember::Func(f) => {
                            let kind = if f.is_static() { "static" } else { "method" };
                            (format!("[{kind}]{resource}.{}", name_of(f)), f.docs())
                        }
                    };
                    push(found, instance, name, docs);
                }
            }
            _ => {}
        }
    }
}

fn name_of(f: &ast::Func) -> String {
    f.name().map(|n| n.text()).unwrap_or_default()
}

fn push(found: &mut Vec<FuncDocs>, instance: Option<&str>, function: String, docs: Option<String>) {
    if let Some(docs) = docs {
        found.push(FuncDocs {
            instance: instance.map(String::from),
            function,
            docs,
        });
    }
}
