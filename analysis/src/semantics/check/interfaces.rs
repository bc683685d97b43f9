//! The members of an interface (named, or inline in a world): its types, then its
//! functions, all names strongly unique.

use super::functions::mangle;
use super::{Checker, Entry, Owner};
use crate::hir::*;
use crate::semantics::names::NameScope;
use crate::semantics::scope::uses_and_types;

impl Checker<'_> {
    /// The members of an interface (named, or inline in a world).
    pub(super) fn interface_members(&mut self, members: &[Member], owner: &Owner, excluded: bool) {
        let (uses, defs) = uses_and_types(members);
        let container = excluded.then_some("interface");
        let mut lookup = self.resolve_types(&uses, &defs, owner, container);

        let mut names = NameScope::default();
        for (name, entry) in &lookup {
            if let Entry::Type { span, .. } = entry
                && let Err(d) = names.define(name, self.at(*span))
            {
                self.out.diags.push(d);
            }
        }
        for m in members {
            match m {
                Member::Func(f) => {
                    lookup.entry(f.name.name.clone()).or_insert(Entry::Func);
                    let (mangled, kind) = mangle(f, None);
                    self.function(f, &mangled, kind, None, &lookup, excluded);
                    if let Err(d) = names.define(&mangled, self.at(f.name.span)) {
                        self.out.diags.push(d);
                    }
                }
                Member::Type(
                    def @ TypeDef {
                        kind: TypeDefKind::Resource(_),
                        ..
                    },
                ) => {
                    self.resource_funcs(def, &lookup, excluded, &mut names);
                }
                _ => {}
            }
        }
        self.out.diags.extend(names.check_setters());
        self.note_unused_uses(owner, &lookup);
    }
}
