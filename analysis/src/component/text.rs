//! WIT text for types and functions of a decoded `Resolve`, as messages and `wit inspect
//! --json` show them: a named type by its name, an anonymous one by its structure.

use wit_parser::{Function, FunctionKind, Handle, Resolve, Type, TypeDefKind, TypeId};

/// How a type is written where it is used: `s32`, `list<point>`, `borrow<file>`.
pub fn type_text(resolve: &Resolve, ty: Type) -> String {
    match ty {
        Type::Bool => "bool".into(),
        Type::U8 => "u8".into(),
        Type::U16 => "u16".into(),
        Type::U32 => "u32".into(),
        Type::U64 => "u64".into(),
        Type::S8 => "s8".into(),
        Type::S16 => "s16".into(),
        Type::S32 => "s32".into(),
        Type::S64 => "s64".into(),
        Type::F32 => "f32".into(),
        Type::F64 => "f64".into(),
        Type::Char => "char".into(),
        Type::String => "string".into(),
        Type::ErrorContext => "error-context".into(),
        Type::Id(id) => match &resolve.types[id].name {
            Some(name) => name.clone(),
            None => anonymous_text(resolve, id),
        },
    }
}

/// The structure of a type that has no name of its own.
fn anonymous_text(resolve: &Resolve, id: TypeId) -> String {
    let t = |ty: Type| type_text(resolve, ty);
    let opt = |ty: Option<Type>| ty.map_or("_".to_string(), t);
    match &resolve.types[id].kind {
        TypeDefKind::Type(ty) => t(*ty),
        TypeDefKind::List(ty) => format!("list<{}>", t(*ty)),
        TypeDefKind::FixedLengthList(ty, n) => format!("list<{}, {n}>", t(*ty)),
        TypeDefKind::Map(k, v) => format!("map<{}, {}>", t(*k), t(*v)),
        TypeDefKind::Option(ty) => format!("option<{}>", t(*ty)),
        TypeDefKind::Result(r) => match (r.ok, r.err) {
            (None, None) => "result".into(),
            (Some(ok), None) => format!("result<{}>", t(ok)),
            (ok, Some(err)) => format!("result<{}, {}>", opt(ok), t(err)),
        },
        TypeDefKind::Tuple(tuple) => {
            let items: Vec<String> = tuple.types.iter().map(|ty| t(*ty)).collect();
            format!("tuple<{}>", items.join(", "))
        }
        TypeDefKind::Handle(Handle::Own(r)) => t(Type::Id(*r)),
        TypeDefKind::Handle(Handle::Borrow(r)) => format!("borrow<{}>", t(Type::Id(*r))),
        TypeDefKind::Future(ty) => ty.map_or("future".into(), |ty| format!("future<{}>", t(ty))),
        TypeDefKind::Stream(ty) => ty.map_or("stream".into(), |ty| format!("stream<{}>", t(ty))),
        // Only named types have these kinds in a valid `Resolve`; say what they are anyway.
        kind => kind.as_str().to_string(),
    }
}

/// The WIT kind of a type definition: `record`, `variant`, `resource`, `type` (an alias)...
pub fn kind_text(resolve: &Resolve, id: TypeId) -> &'static str {
    match &resolve.types[id].kind {
        TypeDefKind::Type(_) => "type",
        kind => kind.as_str(),
    }
}

/// A named type's definition on one line: `record point { x: u32, y: u32 }`.
pub fn definition_text(resolve: &Resolve, id: TypeId) -> String {
    let def = &resolve.types[id];
    let name = def.name.as_deref().unwrap_or("_");
    let t = |ty: Type| type_text(resolve, ty);
    let body = |items: Vec<String>| {
        if items.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", items.join(", "))
        }
    };
    match &def.kind {
        TypeDefKind::Record(r) => {
            let fields = r.fields.iter().map(|f| format!("{}: {}", f.name, t(f.ty)));
            format!("record {name} {}", body(fields.collect()))
        }
        TypeDefKind::Variant(v) => {
            let cases = v.cases.iter().map(|c| match c.ty {
                Some(ty) => format!("{}({})", c.name, t(ty)),
                None => c.name.clone(),
            });
            format!("variant {name} {}", body(cases.collect()))
        }
        TypeDefKind::Enum(e) => {
            let cases = e.cases.iter().map(|c| c.name.clone());
            format!("enum {name} {}", body(cases.collect()))
        }
        TypeDefKind::Flags(f) => {
            let flags = f.flags.iter().map(|f| f.name.clone());
            format!("flags {name} {}", body(flags.collect()))
        }
        TypeDefKind::Resource => format!("resource {name}"),
        _ => format!("type {name} = {}", anonymous_text(resolve, id)),
    }
}

/// A function's signature as WIT writes it after the name: `func(a: s32) -> s32`.
pub fn signature_text(resolve: &Resolve, func: &Function) -> String {
    let params: Vec<String> = func
        .params
        .iter()
        .map(|p| format!("{}: {}", p.name, type_text(resolve, p.ty)))
        .collect();
    let asyncness = if func.kind.is_async() { "async " } else { "" };
    let result = func
        .result
        .map(|ty| format!(" -> {}", type_text(resolve, ty)))
        .unwrap_or_default();
    format!("{asyncness}func({}){result}", params.join(", "))
}

/// What a function is called in a path: `func add`, `resource file > method read`.
pub fn function_path(resolve: &Resolve, func: &Function) -> Vec<String> {
    let resource = |id: &TypeId| {
        format!(
            "resource {}",
            resolve.types[*id].name.as_deref().unwrap_or("_")
        )
    };
    let item = func.item_name();
    match &func.kind {
        FunctionKind::Freestanding | FunctionKind::AsyncFreestanding => {
            vec![format!("func {item}")]
        }
        FunctionKind::Getter => vec![format!("getter {item}")],
        FunctionKind::Setter => vec![format!("setter {item}")],
        FunctionKind::Method(r) | FunctionKind::AsyncMethod(r) => {
            vec![resource(r), format!("method {item}")]
        }
        FunctionKind::MethodGetter(r) => vec![resource(r), format!("getter {item}")],
        FunctionKind::MethodSetter(r) => vec![resource(r), format!("setter {item}")],
        FunctionKind::Static(r) | FunctionKind::AsyncStatic(r) => {
            vec![resource(r), format!("static func {item}")]
        }
        FunctionKind::StaticGetter(r) => vec![resource(r), format!("static getter {item}")],
        FunctionKind::StaticSetter(r) => vec![resource(r), format!("static setter {item}")],
        FunctionKind::Constructor(r) => vec![resource(r), "constructor".to_string()],
    }
}

/// What kind of function this is, in one word, for data: `freestanding`, `method`...
pub fn function_kind_text(func: &Function) -> &'static str {
    match &func.kind {
        FunctionKind::Freestanding | FunctionKind::AsyncFreestanding => "freestanding",
        FunctionKind::Getter | FunctionKind::MethodGetter(_) => "getter",
        FunctionKind::Setter | FunctionKind::MethodSetter(_) => "setter",
        FunctionKind::Method(_) | FunctionKind::AsyncMethod(_) => "method",
        FunctionKind::Static(_) | FunctionKind::AsyncStatic(_) => "static",
        FunctionKind::StaticGetter(_) => "static-getter",
        FunctionKind::StaticSetter(_) => "static-setter",
        FunctionKind::Constructor(_) => "constructor",
    }
}

/// The resource a method, static function or constructor belongs to.
pub fn function_resource(func: &Function) -> Option<TypeId> {
    match &func.kind {
        FunctionKind::Freestanding
        | FunctionKind::AsyncFreestanding
        | FunctionKind::Getter
        | FunctionKind::Setter => None,
        FunctionKind::Method(r)
        | FunctionKind::AsyncMethod(r)
        | FunctionKind::MethodGetter(r)
        | FunctionKind::MethodSetter(r)
        | FunctionKind::Static(r)
        | FunctionKind::AsyncStatic(r)
        | FunctionKind::StaticGetter(r)
        | FunctionKind::StaticSetter(r)
        | FunctionKind::Constructor(r) => Some(*r),
    }
}
