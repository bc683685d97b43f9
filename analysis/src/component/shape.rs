//! A component's world as plain data (names, kinds and WIT text of every import and export),
//! for `wit inspect --json` and the editor, and the world printed as WIT.

use wit_parser::{Function, InterfaceId, Resolve, WorldItem, WorldKey};

use super::Component;
use super::text::{definition_text, function_kind_text, function_resource, kind_text, type_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldShape {
    /// The world's name (`root` for a decoded component).
    pub name: String,
    pub imports: Vec<ItemShape>,
    pub exports: Vec<ItemShape>,
}

/// One import or export under its name: `wasi:cli/run@0.2.0`, or a plain name for a
/// function, a type or an inline interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemShape {
    pub name: String,
    pub item: ItemShapeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemShapeKind {
    Interface(InterfaceShape),
    Function(FunctionShape),
    Type(TypeShape),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceShape {
    /// `ns:pkg@version` of a named interface; `None` for an inline one.
    pub package: Option<String>,
    /// The interface's own name within its package.
    pub name: Option<String>,
    pub types: Vec<TypeShape>,
    pub functions: Vec<FunctionShape>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionShape {
    /// The name as WIT writes it: `add`, or `read` for a method of a resource.
    pub name: String,
    /// `freestanding`, `method`, `static`, `constructor`, `getter`, `setter`...
    pub kind: &'static str,
    /// The resource of a method, static function or constructor.
    pub resource: Option<String>,
    pub is_async: bool,
    pub params: Vec<ParamShape>,
    /// The result type as WIT text, if the function has one.
    pub result: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamShape {
    pub name: String,
    /// The type as WIT text.
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeShape {
    pub name: String,
    /// `record`, `variant`, `enum`, `flags`, `resource`, or `type` for an alias.
    pub kind: &'static str,
    /// The definition as one line of WIT: `record point { x: u32, y: u32 }`.
    pub definition: String,
}

impl Component {
    /// The component's world as plain data.
    pub fn shape(&self) -> WorldShape {
        world_shape(&self.resolve, self.world)
    }

    /// The component's WIT: its world's package, then the packages of the interfaces it
    /// uses, nested, as `wasm-tools component wit` prints them.
    pub fn wit_text(&self) -> String {
        let resolve = &self.resolve;
        let Some(main) = resolve.worlds[self.world].package else {
            return String::new();
        };
        let nested: Vec<_> = resolve
            .packages
            .iter()
            .map(|(id, _)| id)
            .filter(|id| *id != main)
            .collect();
        let mut printer = wit_component::WitPrinter::default();
        match printer.print(resolve, main, &nested) {
            Ok(()) => printer.output.to_string(),
            // The printer refuses only what the decoder never makes; say so rather than
            // print half a package.
            Err(e) => format!("// the WIT printer failed: {e:#}\n"),
        }
    }
}

/// The shape of any world of a `Resolve` (a component's, or one from WIT files).
pub fn world_shape(resolve: &Resolve, world: wit_parser::WorldId) -> WorldShape {
    let w = &resolve.worlds[world];
    let items = |items: &indexmap::IndexMap<WorldKey, WorldItem>| {
        items
            .iter()
            .map(|(key, item)| ItemShape {
                name: resolve.name_world_key(key),
                item: match item {
                    WorldItem::Interface { id, .. } => {
                        ItemShapeKind::Interface(interface_shape(resolve, *id))
                    }
                    WorldItem::Function(f) => ItemShapeKind::Function(function_shape(resolve, f)),
                    WorldItem::Type { id, .. } => ItemShapeKind::Type(TypeShape {
                        name: resolve.types[*id].name.clone().unwrap_or_default(),
                        kind: kind_text(resolve, *id),
                        definition: definition_text(resolve, *id),
                    }),
                },
            })
            .collect()
    };
    WorldShape {
        name: w.name.clone(),
        imports: items(&w.imports),
        exports: items(&w.exports),
    }
}

fn interface_shape(resolve: &Resolve, id: InterfaceId) -> InterfaceShape {
    let iface = &resolve.interfaces[id];
    InterfaceShape {
        package: iface.package.map(|p| resolve.packages[p].name.to_string()),
        name: iface.name.clone(),
        types: iface
            .types
            .iter()
            .map(|(name, &tid)| TypeShape {
                name: name.clone(),
                kind: kind_text(resolve, tid),
                definition: definition_text(resolve, tid),
            })
            .collect(),
        functions: iface
            .functions
            .values()
            .map(|f| function_shape(resolve, f))
            .collect(),
    }
}

fn function_shape(resolve: &Resolve, f: &Function) -> FunctionShape {
    FunctionShape {
        name: f.item_name().to_string(),
        kind: function_kind_text(f),
        resource: function_resource(f).and_then(|r| resolve.types[r].name.clone()),
        is_async: f.kind.is_async(),
        params: f
            .params
            .iter()
            .map(|p| ParamShape {
                name: p.name.clone(),
                ty: type_text(resolve, p.ty),
            })
            .collect(),
        result: f.result.map(|ty| type_text(resolve, ty)),
    }
}
