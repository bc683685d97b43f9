//! Functions, freestanding and of resources: their names as the component sees them
//! (`[method]r.m`, `[get]x`...), parameters, results, and the rules of each kind
//! (accessors, constructors, no `borrow` in results).

use super::{Checker, Lookup};
use crate::hir::*;
use crate::semantics::names::{NameScope, kebab_eq};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FuncKind {
    Freestanding,
    Getter,
    Setter,
    Method,
    MethodGetter,
    MethodSetter,
    Static,
    StaticGetter,
    StaticSetter,
    Constructor,
}

impl FuncKind {
    pub(super) fn is_getter(self) -> bool {
        matches!(
            self,
            FuncKind::Getter | FuncKind::MethodGetter | FuncKind::StaticGetter
        )
    }

    pub(super) fn is_setter(self) -> bool {
        matches!(
            self,
            FuncKind::Setter | FuncKind::MethodSetter | FuncKind::StaticSetter
        )
    }

    pub(super) fn has_self(self) -> bool {
        matches!(
            self,
            FuncKind::Method | FuncKind::MethodGetter | FuncKind::MethodSetter
        )
    }
}

/// The name a function has in the component: `[get]x`, `[method]r.m`, `[constructor]r`...
pub(crate) fn mangle(f: &Func, resource: Option<(&str, ResourceFuncKind)>) -> (String, FuncKind) {
    let name = &f.name.name;
    match resource {
        None => match f.accessor {
            None => (name.to_string(), FuncKind::Freestanding),
            Some(Accessor::Getter) => (format!("[get]{name}"), FuncKind::Getter),
            Some(Accessor::Setter) => (format!("[set]{name}"), FuncKind::Setter),
        },
        Some((r, ResourceFuncKind::Constructor)) => {
            (format!("[constructor]{r}"), FuncKind::Constructor)
        }
        Some((r, ResourceFuncKind::Method)) => match f.accessor {
            None => (format!("[method]{r}.{name}"), FuncKind::Method),
            Some(Accessor::Getter) => (format!("[method][get]{r}.{name}"), FuncKind::MethodGetter),
            Some(Accessor::Setter) => (format!("[method][set]{r}.{name}"), FuncKind::MethodSetter),
        },
        Some((r, ResourceFuncKind::Static)) => match f.accessor {
            None => (format!("[static]{r}.{name}"), FuncKind::Static),
            Some(Accessor::Getter) => (format!("[static][get]{r}.{name}"), FuncKind::StaticGetter),
            Some(Accessor::Setter) => (format!("[static][set]{r}.{name}"), FuncKind::StaticSetter),
        },
    }
}

impl Checker<'_> {
    /// Parameters and results of one function, by the rules of its kind.
    pub(super) fn function(
        &mut self,
        f: &Func,
        mangled: &str,
        kind: FuncKind,
        resource: Option<&str>,
        lookup: &Lookup,
        container_excluded: bool,
    ) {
        self.gate(&f.attrs, f.name.span);
        if !container_excluded && !self.excluded(&f.attrs) {
            let refs = f.params.iter().map(|(_, t)| t).chain(f.result.as_ref());
            if refs.into_iter().any(|t| self.refers_to_excluded(t, lookup)) {
                self.excluded_reference("type", f.name.span);
            }
        }
        if kind.is_getter()
            && let Some((name, _)) = f.params.first()
        {
            self.error(
                "invalid-accessor",
                "getters cannot have parameters",
                name.span,
            );
        }
        if kind.is_setter() && f.params.len() != 1 {
            let span = f.params.get(1).map_or(f.span, |(n, _)| n.span);
            self.error(
                "invalid-accessor",
                "setters must have exactly one parameter",
                span,
            );
        }
        let mut seen: Vec<&str> = if kind.has_self() {
            vec!["self"]
        } else {
            Vec::new()
        };
        for (name, ty) in &f.params {
            if seen.iter().any(|s| kebab_eq(s, &name.name)) {
                let extra = if &*name.name == "self" && kind.has_self() {
                    " (methods have an implicit `self` parameter)"
                } else {
                    ""
                };
                self.error(
                    "duplicate-name",
                    format!("param `{}` is defined more than once{extra}", name.name),
                    name.span,
                );
            }
            seen.push(&name.name);
            self.check_type(ty, lookup, true);
        }
        match (&f.result, kind) {
            (None, k) if k.is_getter() => {
                self.error("invalid-accessor", "getters must return a value", f.span);
            }
            (Some(ty), k) if k.is_setter() => {
                self.check_type(ty, lookup, true);
                if !matches!(ty.kind, TypeRefKind::Result(None, _) | TypeRefKind::Error) {
                    self.error(
                        "invalid-accessor",
                        "if a setter return type is declared it must be a `result` with no `ok` type",
                        ty.span,
                    );
                }
            }
            (Some(ty), FuncKind::Constructor) => {
                self.check_type(ty, lookup, true);
                let resource = resource.unwrap_or_default();
                match &ty.kind {
                    TypeRefKind::Result(ok, _) => {
                        let is_self = match ok.as_deref().map(|t| &t.kind) {
                            Some(TypeRefKind::Named(n)) => &**n == resource,
                            Some(TypeRefKind::Own(id)) => &*id.name == resource,
                            _ => false,
                        };
                        if !is_self {
                            let span = ok.as_deref().map_or(ty.span, |t| t.span);
                            self.error(
                                "invalid-constructor",
                                format!("the `ok` type must be the resource being constructed: `result<{resource}, E>`"),
                                span,
                            );
                        }
                    }
                    TypeRefKind::Error => {}
                    _ => self.error(
                        "invalid-constructor",
                        "if a constructor return type is declared it must be a `result`",
                        ty.span,
                    ),
                }
            }
            (Some(ty), _) => self.check_type(ty, lookup, true),
            (None, _) => {}
        }
        if let Some(ty) = &f.result
            && kind != FuncKind::Constructor
            && !container_excluded
            && self.has_borrow(ty, lookup)
        {
            self.error(
                "borrow-in-result",
                format!(
                    "function `{mangled}` returns a type which contains a `borrow<T>` which is \
                         not supported; return an `own<T>` (or the resource itself) instead"
                ),
                f.name.span,
            );
        }
    }

    /// The functions of a resource (in an interface or a world), each named into `names`
    /// (the scope of the interface, or of the world's imports); their mangled names.
    pub(super) fn resource_funcs(
        &mut self,
        resource: &TypeDef,
        lookup: &Lookup,
        container_excluded: bool,
        names: &mut NameScope,
    ) -> Vec<String> {
        let TypeDefKind::Resource(funcs) = &resource.kind else {
            return Vec::new();
        };
        let name = &resource.name.name;
        let resource_excluded = self.excluded(&resource.attrs);
        let mut out = Vec::new();
        for rf in funcs {
            let (mangled, kind) = mangle(&rf.func, Some((name, rf.kind)));
            self.function(
                &rf.func,
                &mangled,
                kind,
                Some(name),
                lookup,
                container_excluded,
            );
            // A function that is in, of a resource that is gated off.
            if !container_excluded && resource_excluded && !self.excluded(&rf.func.attrs) {
                self.excluded_reference("type", rf.func.name.span);
            }
            if let Err(d) = names.define(&mangled, self.at(rf.func.name.span)) {
                self.out.diags.push(d);
            }
            out.push(mangled);
        }
        out
    }
}
