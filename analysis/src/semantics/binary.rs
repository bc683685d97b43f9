//! Binary WIT packages (`.wasm`, or `.wat` text) in `deps/`: decoded with wit-parser and
//! summarized to what resolution needs: names and kinds of interfaces, worlds and types.

use std::sync::Arc;

use crate::fx::IndexMap;
use wit_parser::{Resolve, Type, TypeDefKind, WorldItem, WorldKey};

use crate::hir::PackageName;
use crate::input::BinaryFile;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecodedPackages {
    pub packages: Vec<BinPackage>,
    /// Why the file could not be decoded, if it could not.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinPackage {
    pub name: PackageName,
    /// A copy of another package that the binary's own package uses (with only what it
    /// uses): wit-parser merges such copies with the package itself, defined elsewhere.
    pub embedded: bool,
    pub interfaces: IndexMap<String, BinInterface>,
    pub worlds: IndexMap<String, BinWorld>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BinInterface {
    pub types: IndexMap<String, BinType>,
    pub funcs: Vec<String>,
    /// Interfaces whose types this one uses: (package, interface).
    pub deps: Vec<(PackageName, String)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BinType {
    /// A resource, or an alias of one.
    pub resource: bool,
    /// Contains a `borrow<T>` somewhere inside.
    pub borrow: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BinWorld {
    pub imports: Vec<BinWorldItem>,
    pub exports: Vec<BinWorldItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BinWorldItem {
    /// A named item: a function, a type, or an interface under a label.
    Named { name: String, kind: BinItemKind },
    /// An interface by its package and name.
    Interface(PackageName, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinItemKind {
    Func,
    Type,
    Interface,
}

/// The packages a binary file encodes, or why it could not be read.
#[salsa::tracked(returns(clone))]
pub fn binary_packages(db: &dyn salsa::Database, file: BinaryFile) -> Arc<DecodedPackages> {
    Arc::new(decode(file.bytes(db)))
}

fn decode(bytes: &[u8]) -> DecodedPackages {
    let fail = |error: String| DecodedPackages {
        packages: Vec::new(),
        error: Some(error),
    };
    let binary;
    let bytes = if bytes.starts_with(b"\0asm") {
        bytes
    } else {
        match wat::parse_bytes(bytes) {
            Ok(b) => {
                binary = b.into_owned();
                &binary[..]
            }
            Err(e) => {
                return fail(format!(
                    "not a WIT package: neither WebAssembly nor WebAssembly text ({e})"
                ));
            }
        }
    };
    // A valid core module is named as such; a broken one gets the decoder's message.
    if wasmparser::Parser::is_core_wasm(bytes)
        && wasmparser::Validator::new().validate_all(bytes).is_ok()
    {
        return fail(
            "a core WebAssembly module, not a WIT package: `deps/` holds WIT packages encoded as \
             WebAssembly (made with `wasm-tools component wit --wasm`)"
                .to_string(),
        );
    }
    match wit_parser::decoding::decode(bytes) {
        Ok(wit_parser::decoding::DecodedWasm::WitPackage(resolve, main)) => DecodedPackages {
            packages: summarize(&resolve, main),
            error: None,
        },
        Ok(wit_parser::decoding::DecodedWasm::Component(..)) => fail(
            "a component, not a WIT package: `deps/` holds WIT packages encoded as WebAssembly; \
             to use a component's WIT, extract it with `wasm-tools component wit COMPONENT --wasm`"
                .to_string(),
        ),
        Err(e) => fail(format!("failed to decode the WIT package: {e:#}")),
    }
}

fn package_name(name: &wit_parser::PackageName) -> PackageName {
    PackageName {
        namespace: name.namespace.clone(),
        name: name.name.clone(),
        version: name.version.clone(),
    }
}

fn summarize(resolve: &Resolve, main: wit_parser::PackageId) -> Vec<BinPackage> {
    let mut out = Vec::new();
    for (id, pkg) in resolve.packages.iter() {
        let mut interfaces = IndexMap::default();
        for (name, &id) in pkg.interfaces.iter() {
            let iface = &resolve.interfaces[id];
            let mut types = IndexMap::default();
            for (tname, &tid) in iface.types.iter() {
                types.insert(
                    tname.clone(),
                    BinType {
                        resource: is_resource(resolve, tid),
                        borrow: has_borrow(resolve, Type::Id(tid), 0),
                    },
                );
            }
            let deps = resolve
                .interface_direct_deps(id)
                .filter_map(|dep| {
                    let d = &resolve.interfaces[dep];
                    let p = &resolve.packages[d.package?];
                    Some((package_name(&p.name), d.name.clone()?))
                })
                .collect();
            interfaces.insert(
                name.clone(),
                BinInterface {
                    types,
                    funcs: iface.functions.keys().cloned().collect(),
                    deps,
                },
            );
        }
        let mut worlds = IndexMap::default();
        for (name, &id) in pkg.worlds.iter() {
            let world = &resolve.worlds[id];
            let items = |items: &indexmap::IndexMap<WorldKey, WorldItem>| -> Vec<BinWorldItem> {
                items
                    .iter()
                    .filter_map(|(key, item)| match key {
                        WorldKey::Name(n) => Some(BinWorldItem::Named {
                            name: n.clone(),
                            kind: match item {
                                WorldItem::Function(_) => BinItemKind::Func,
                                WorldItem::Type { .. } => BinItemKind::Type,
                                WorldItem::Interface { .. } => BinItemKind::Interface,
                            },
                        }),
                        WorldKey::Interface(iid) => {
                            let i = &resolve.interfaces[*iid];
                            let p = &resolve.packages[i.package?];
                            Some(BinWorldItem::Interface(
                                package_name(&p.name),
                                i.name.clone()?,
                            ))
                        }
                    })
                    .collect()
            };
            worlds.insert(
                name.clone(),
                BinWorld {
                    imports: items(&world.imports),
                    exports: items(&world.exports),
                },
            );
        }
        out.push(BinPackage {
            name: package_name(&pkg.name),
            embedded: id != main,
            interfaces,
            worlds,
        });
    }
    out
}

fn is_resource(resolve: &Resolve, mut id: wit_parser::TypeId) -> bool {
    // Alias chains in a decoded package are finite; the bound only guards against surprises.
    for _ in 0..10_000 {
        match &resolve.types[id].kind {
            TypeDefKind::Resource => return true,
            TypeDefKind::Type(Type::Id(next)) => id = *next,
            _ => return false,
        }
    }
    false
}

fn has_borrow(resolve: &Resolve, ty: Type, depth: u32) -> bool {
    let Type::Id(id) = ty else { return false };
    if depth > 200 {
        return false;
    }
    let any = |tys: &mut dyn Iterator<Item = Type>| {
        for t in tys {
            if has_borrow(resolve, t, depth + 1) {
                return true;
            }
        }
        false
    };
    match &resolve.types[id].kind {
        TypeDefKind::Handle(wit_parser::Handle::Borrow(_)) => true,
        TypeDefKind::Handle(wit_parser::Handle::Own(_)) | TypeDefKind::Resource => false,
        TypeDefKind::Type(t) => has_borrow(resolve, *t, depth + 1),
        TypeDefKind::Record(r) => any(&mut r.fields.iter().map(|f| f.ty)),
        TypeDefKind::Tuple(t) => any(&mut t.types.iter().copied()),
        TypeDefKind::Variant(v) => any(&mut v.cases.iter().filter_map(|c| c.ty)),
        TypeDefKind::Option(t) | TypeDefKind::List(t) | TypeDefKind::FixedLengthList(t, _) => {
            has_borrow(resolve, *t, depth + 1)
        }
        TypeDefKind::Map(k, v) => any(&mut [*k, *v].into_iter()),
        TypeDefKind::Result(r) => any(&mut r.ok.into_iter().chain(r.err)),
        TypeDefKind::Future(t) | TypeDefKind::Stream(t) => any(&mut t.iter().copied()),
        TypeDefKind::Flags(_) | TypeDefKind::Enum(_) | TypeDefKind::Unknown => false,
    }
}
