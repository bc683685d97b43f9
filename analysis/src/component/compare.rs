//! Structural comparison of WIT items across two `Resolve`s, by the Component Model's rules:
//! aliases are transparent; records, variants, enums and flags compare their members by name
//! and order; resources compare by identity (interface and name); functions compare exactly
//! (kind, parameter names and types, result). Every difference is collected with the path to
//! the member that differs; the callers (conformance, plugging, semver) decide which
//! differences matter and how to word them.

use wit_parser::{
    Function, Handle, InterfaceId, Resolve, Type, TypeDefKind, TypeId, TypeOwner, WorldItem,
};

use super::text::{function_path, kind_text, signature_text, type_text};

/// One difference between the left side (the expected or old one) and the right side (the
/// found or new one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// From the import or export down to the member that holds the difference:
    /// `["export demo:calc/math@0.2.0", "func add", "param a"]`.
    pub path: Vec<String>,
    pub detail: Detail,
    /// Whether the difference is among an instance's members, where one side may have more
    /// (width subtyping), or inside a type, where both must be the same.
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// Both sides have the item, differently: a WIT description of each.
    Differs { left: String, right: String },
    /// A member only the left side has, described: ``func `add: func(a: s32) -> s32` ``.
    OnlyLeft(String),
    /// A member only the right side has.
    OnlyRight(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Member,
    Structure,
}

/// Types nest only as deep as their WIT text; this bound guards against a decoder surprise.
const MAX_DEPTH: usize = 512;

pub struct Differ<'a> {
    left: &'a Resolve,
    right: &'a Resolve,
    path: Vec<String>,
    pub out: Vec<Difference>,
}

impl<'a> Differ<'a> {
    pub fn new(left: &'a Resolve, right: &'a Resolve) -> Differ<'a> {
        Differ {
            left,
            right,
            path: Vec::new(),
            out: Vec::new(),
        }
    }

    fn push(&mut self, detail: Detail, level: Level) {
        self.out.push(Difference {
            path: self.path.clone(),
            detail,
            level,
        });
    }

    fn differs(&mut self, left: String, right: String) {
        self.push(Detail::Differs { left, right }, Level::Structure);
    }

    /// Runs `f` with `segments` appended to the path.
    fn under(&mut self, segments: &[String], f: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        if len > MAX_DEPTH {
            return;
        }
        self.path.extend(segments.iter().cloned());
        f(self);
        self.path.truncate(len);
    }

    /// Compares two imports or two exports of worlds, found under the name `segment`
    /// (`export demo:calc/math@0.2.0`).
    pub fn world_item(&mut self, segment: &str, l: &WorldItem, r: &WorldItem) {
        self.under(&[segment.to_string()], |d| match (l, r) {
            (WorldItem::Interface { id: li, .. }, WorldItem::Interface { id: ri, .. }) => {
                d.interface(*li, *ri)
            }
            (WorldItem::Function(lf), WorldItem::Function(rf)) => d.function(lf, rf),
            (WorldItem::Type { id: lt, .. }, WorldItem::Type { id: rt, .. }) => {
                d.type_export(*lt, *rt)
            }
            _ => d.differs(item_kind(l).to_string(), item_kind(r).to_string()),
        });
    }

    /// Compares two interfaces found under the name `segment` (`interface demo:calc/math`).
    pub fn interface_at(&mut self, segment: &str, l: InterfaceId, r: InterfaceId) {
        self.under(&[segment.to_string()], |d| d.interface(l, r));
    }

    /// Compares the members of two interfaces: their types and functions, by name.
    pub fn interface(&mut self, l: InterfaceId, r: InterfaceId) {
        let (li, ri) = (&self.left.interfaces[l], &self.right.interfaces[r]);
        for (name, &lt) in &li.types {
            match ri.types.get(name) {
                // Records, variants, enums and flags name themselves in the path.
                Some(&rt) if names_itself(self.left, lt) => self.type_export(lt, rt),
                Some(&rt) => {
                    let segment = format!("{} {name}", kind_text(self.left, lt));
                    self.under(&[segment], |d| d.type_export(lt, rt));
                }
                None => self.push(
                    Detail::OnlyLeft(type_member(self.left, lt, name)),
                    Level::Member,
                ),
            }
        }
        for (name, &rt) in &ri.types {
            if !li.types.contains_key(name) {
                self.push(
                    Detail::OnlyRight(type_member(self.right, rt, name)),
                    Level::Member,
                );
            }
        }
        for (name, lf) in &li.functions {
            match ri.functions.get(name) {
                Some(rf) => {
                    let segments = function_path(self.left, lf);
                    self.under(&segments, |d| d.function(lf, rf));
                }
                None => self.member_function(lf, true),
            }
        }
        for (name, rf) in &ri.functions {
            if !li.functions.contains_key(name) {
                self.member_function(rf, false);
            }
        }
    }

    /// Reports a function only one side has, under its resource if it is a method.
    fn member_function(&mut self, f: &Function, left: bool) {
        let resolve = if left { self.left } else { self.right };
        let mut segments = function_path(resolve, f);
        let last = segments.pop().unwrap_or_default();
        let described = format!("{last}: {}", signature_text(resolve, f));
        let detail = if left {
            Detail::OnlyLeft(described)
        } else {
            Detail::OnlyRight(described)
        };
        self.under(&segments, |d| d.push(detail, Level::Member));
    }

    /// Compares two functions exactly: kind, asynchrony, parameters, result.
    pub fn function(&mut self, l: &Function, r: &Function) {
        let (lk, rk) = (
            super::text::function_kind_text(l),
            super::text::function_kind_text(r),
        );
        if lk != rk {
            self.differs(format!("a {lk} function"), format!("a {rk} function"));
        }
        if l.kind.is_async() != r.kind.is_async() {
            let word = |f: &Function| {
                if f.kind.is_async() {
                    "an async function"
                } else {
                    "a sync function"
                }
            };
            self.differs(word(l).to_string(), word(r).to_string());
        }
        let params = |f: &Function| -> Vec<(String, Option<Type>)> {
            f.params
                .iter()
                .map(|p| (p.name.clone(), Some(p.ty)))
                .collect()
        };
        self.members("param", params(l), params(r));
        match (l.result, r.result) {
            (None, None) => {}
            (Some(lt), Some(rt)) => self.under(&["result".to_string()], |d| d.ty(lt, rt)),
            (lt, rt) => {
                let show = |resolve: &Resolve, t: Option<Type>| match t {
                    Some(t) => format!("result `{}`", type_text(resolve, t)),
                    None => "no result".to_string(),
                };
                self.differs(show(self.left, lt), show(self.right, rt));
            }
        }
    }

    /// Compares two named types exported under the same name.
    fn type_export(&mut self, l: TypeId, r: TypeId) {
        let (lr, rr) = (
            is_resource(self.left, Type::Id(l)),
            is_resource(self.right, Type::Id(r)),
        );
        match (lr, rr) {
            (true, true) => self.resource(l, r, Type::Id(l), Type::Id(r)),
            (false, false) => self.ty(Type::Id(l), Type::Id(r)),
            _ => self.differs(
                describe(self.left, Type::Id(l)),
                describe(self.right, Type::Id(r)),
            ),
        }
    }

    /// Compares two value types structurally.
    pub fn ty(&mut self, l: Type, r: Type) {
        let (l, r) = (unalias(self.left, l), unalias(self.right, r));
        let (lid, rid) = match (l, r) {
            (Type::Id(lid), Type::Id(rid)) => (lid, rid),
            _ => {
                if l != r || matches!(l, Type::Id(_)) {
                    self.differs(describe(self.left, l), describe(self.right, r));
                }
                return;
            }
        };
        let (lk, rk) = (&self.left.types[lid].kind, &self.right.types[rid].kind);
        let segment = |resolve: &Resolve, id: TypeId, word: &str| match &resolve.types[id].name {
            Some(name) => format!("{word} {name}"),
            None => word.to_string(),
        };
        match (lk, rk) {
            (TypeDefKind::Record(a), TypeDefKind::Record(b)) => {
                let fields = |r: &wit_parser::Record| {
                    r.fields
                        .iter()
                        .map(|f| (f.name.clone(), Some(f.ty)))
                        .collect()
                };
                let seg = segment(self.left, lid, "record");
                self.under(&[seg], |d| d.members("field", fields(a), fields(b)));
            }
            (TypeDefKind::Variant(a), TypeDefKind::Variant(b)) => {
                let cases = |v: &wit_parser::Variant| {
                    v.cases.iter().map(|c| (c.name.clone(), c.ty)).collect()
                };
                let seg = segment(self.left, lid, "variant");
                self.under(&[seg], |d| d.members("case", cases(a), cases(b)));
            }
            (TypeDefKind::Enum(a), TypeDefKind::Enum(b)) => {
                let cases =
                    |e: &wit_parser::Enum| e.cases.iter().map(|c| (c.name.clone(), None)).collect();
                let seg = segment(self.left, lid, "enum");
                self.under(&[seg], |d| d.members("case", cases(a), cases(b)));
            }
            (TypeDefKind::Flags(a), TypeDefKind::Flags(b)) => {
                let flags = |f: &wit_parser::Flags| {
                    f.flags.iter().map(|f| (f.name.clone(), None)).collect()
                };
                let seg = segment(self.left, lid, "flags");
                self.under(&[seg], |d| d.members("flag", flags(a), flags(b)));
            }
            (TypeDefKind::Tuple(a), TypeDefKind::Tuple(b)) if a.types.len() == b.types.len() => {
                for (i, (&at, &bt)) in a.types.iter().zip(&b.types).enumerate() {
                    self.under(&[format!("tuple item {i}")], |d| d.ty(at, bt));
                }
            }
            (TypeDefKind::List(a), TypeDefKind::List(b)) => {
                self.under(&["list element".to_string()], |d| d.ty(*a, *b))
            }
            (TypeDefKind::FixedLengthList(a, n), TypeDefKind::FixedLengthList(b, m)) => {
                if n != m {
                    self.differs(format!("length {n}"), format!("length {m}"));
                }
                self.under(&["list element".to_string()], |d| d.ty(*a, *b))
            }
            (TypeDefKind::Map(ak, av), TypeDefKind::Map(bk, bv)) => {
                self.under(&["map key".to_string()], |d| d.ty(*ak, *bk));
                self.under(&["map value".to_string()], |d| d.ty(*av, *bv));
            }
            (TypeDefKind::Option(a), TypeDefKind::Option(b)) => {
                self.under(&["option".to_string()], |d| d.ty(*a, *b))
            }
            (TypeDefKind::Result(a), TypeDefKind::Result(b)) => {
                self.optional("result ok", a.ok, b.ok);
                self.optional("result err", a.err, b.err);
            }
            (TypeDefKind::Future(a), TypeDefKind::Future(b)) => {
                self.optional("future payload", *a, *b)
            }
            (TypeDefKind::Stream(a), TypeDefKind::Stream(b)) => {
                self.optional("stream payload", *a, *b)
            }
            (TypeDefKind::Handle(a), TypeDefKind::Handle(b)) => match (a, b) {
                (Handle::Own(x), Handle::Own(y)) | (Handle::Borrow(x), Handle::Borrow(y)) => {
                    self.resource(*x, *y, l, r)
                }
                _ => self.differs(describe(self.left, l), describe(self.right, r)),
            },
            (TypeDefKind::Resource, TypeDefKind::Resource) => self.resource(lid, rid, l, r),
            _ => self.differs(describe(self.left, l), describe(self.right, r)),
        }
    }

    /// Resources are the same when they are the same resource of the same interface.
    fn resource(&mut self, l: TypeId, r: TypeId, lt: Type, rt: Type) {
        if resource_identity(self.left, l) != resource_identity(self.right, r) {
            self.differs(
                format!(
                    "{} ({})",
                    describe(self.left, lt),
                    resource_identity(self.left, l)
                ),
                format!(
                    "{} ({})",
                    describe(self.right, rt),
                    resource_identity(self.right, r)
                ),
            );
        }
    }

    /// A type that either side may leave out (a result's `ok`, a stream's payload).
    fn optional(&mut self, what: &str, l: Option<Type>, r: Option<Type>) {
        match (l, r) {
            (None, None) => {}
            (Some(a), Some(b)) => self.under(&[what.to_string()], |d| d.ty(a, b)),
            (a, b) => {
                let show = |resolve: &Resolve, t: Option<Type>| match t {
                    Some(t) => format!("`{}`", type_text(resolve, t)),
                    None => "none".to_string(),
                };
                let (ls, rs) = (show(self.left, a), show(self.right, b));
                self.under(&[what.to_string()], |d| d.differs(ls, rs));
            }
        }
    }

    /// Compares named members (fields, cases, flags, parameters): the same names in the same
    /// order, with the same payloads. When both sides have as many members, they are compared
    /// by position, so a renamed member is one difference; otherwise by name.
    fn members(
        &mut self,
        what: &str,
        l: Vec<(String, Option<Type>)>,
        r: Vec<(String, Option<Type>)>,
    ) {
        if l.len() == r.len() {
            for ((ln, lt), (rn, rt)) in l.iter().zip(&r) {
                if ln != rn {
                    self.differs(format!("{what} `{ln}`"), format!("{what} `{rn}`"));
                }
                self.under(&[format!("{what} {ln}")], |d| d.payload(*lt, *rt));
            }
            return;
        }
        let show = |resolve: &Resolve, name: &str, t: &Option<Type>| match t {
            Some(t) => format!("{what} `{name}: {}`", type_text(resolve, *t)),
            None => format!("{what} `{name}`"),
        };
        for (ln, lt) in &l {
            match r.iter().find(|(rn, _)| rn == ln) {
                Some((_, rt)) => self.under(&[format!("{what} {ln}")], |d| d.payload(*lt, *rt)),
                None => self.push(Detail::OnlyLeft(show(self.left, ln, lt)), Level::Structure),
            }
        }
        for (rn, rt) in &r {
            if !l.iter().any(|(ln, _)| ln == rn) {
                self.push(
                    Detail::OnlyRight(show(self.right, rn, rt)),
                    Level::Structure,
                );
            }
        }
        let common = |a: &[(String, Option<Type>)], b: &[(String, Option<Type>)]| -> Vec<String> {
            a.iter()
                .filter(|(n, _)| b.iter().any(|(m, _)| m == n))
                .map(|(n, _)| n.clone())
                .collect()
        };
        let (lo, ro) = (common(&l, &r), common(&r, &l));
        if lo != ro {
            self.differs(
                format!("{what}s in the order {}", lo.join(", ")),
                format!("{what}s in the order {}", ro.join(", ")),
            );
        }
    }

    /// The payload of a member: a case may have none.
    fn payload(&mut self, l: Option<Type>, r: Option<Type>) {
        match (l, r) {
            (None, None) => {}
            (Some(a), Some(b)) => self.ty(a, b),
            (a, b) => {
                let show = |resolve: &Resolve, t: Option<Type>| match t {
                    Some(t) => format!("payload `{}`", type_text(resolve, t)),
                    None => "no payload".to_string(),
                };
                self.differs(show(self.left, a), show(self.right, b));
            }
        }
    }
}

/// Whether comparing the type adds its own `record point` segment to the path.
fn names_itself(resolve: &Resolve, id: TypeId) -> bool {
    matches!(
        resolve.types[id].kind,
        TypeDefKind::Record(_)
            | TypeDefKind::Variant(_)
            | TypeDefKind::Enum(_)
            | TypeDefKind::Flags(_)
    )
}

fn item_kind(item: &WorldItem) -> &'static str {
    match item {
        WorldItem::Interface { .. } => "an interface",
        WorldItem::Function(_) => "a function",
        WorldItem::Type { .. } => "a type",
    }
}

/// How a named type is described when it is missing: ``record `point` ``.
fn type_member(resolve: &Resolve, id: TypeId, name: &str) -> String {
    format!("{} `{name}`", kind_text(resolve, id))
}

/// A type as a message shows it: `s32`, `list<u8>`, `record point`, `resource file`.
fn describe(resolve: &Resolve, ty: Type) -> String {
    let Type::Id(id) = ty else {
        return type_text(resolve, ty);
    };
    let def = &resolve.types[id];
    match (&def.name, &def.kind) {
        (Some(name), TypeDefKind::Type(_)) => {
            format!("{name} (= {})", describe(resolve, unalias(resolve, ty)))
        }
        (Some(name), kind) => format!("{} {name}", kind.as_str()),
        (None, _) => type_text(resolve, ty),
    }
}

/// The type an alias chain ends at.
fn unalias(resolve: &Resolve, mut ty: Type) -> Type {
    for _ in 0..MAX_DEPTH {
        match ty {
            Type::Id(id) => match resolve.types[id].kind {
                TypeDefKind::Type(next) => ty = next,
                _ => return ty,
            },
            _ => return ty,
        }
    }
    ty
}

fn is_resource(resolve: &Resolve, ty: Type) -> bool {
    matches!(unalias(resolve, ty), Type::Id(id) if matches!(resolve.types[id].kind, TypeDefKind::Resource))
}

/// Which resource a type is, independent of the `Resolve` and of versions: `wasi:io/streams.
/// input-stream`, or the bare name for a resource defined in a world.
pub fn resource_identity(resolve: &Resolve, id: TypeId) -> String {
    let Type::Id(id) = unalias(resolve, Type::Id(id)) else {
        return String::new();
    };
    let def = &resolve.types[id];
    let name = def.name.as_deref().unwrap_or("_");
    match def.owner {
        TypeOwner::Interface(i) => {
            let iface = &resolve.interfaces[i];
            let package = iface.package.map(|p| {
                let n = &resolve.packages[p].name;
                format!("{}:{}/", n.namespace, n.name)
            });
            format!(
                "{}{}.{name}",
                package.unwrap_or_default(),
                iface.name.as_deref().unwrap_or("_")
            )
        }
        TypeOwner::World(_) | TypeOwner::None => name.to_string(),
    }
}
