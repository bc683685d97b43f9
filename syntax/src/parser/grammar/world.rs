//! Worlds and what they contain: imports, exports, `include`, `use` and types.

use super::super::{Marker, Parser, TokenSet};
use super::common::{
    Context, TOP_LEVEL_ONLY, TYPE_DEF_FIRST, at_item_start, at_name, attributes, delimited,
    did_you_mean, expect_semicolon, name, name_ref, recover_item, use_path,
};
use super::{interface, type_defs};
use crate::{SyntaxKind::*, T};

/// `world name { items }`
pub(super) fn world(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![world]);
    name(p);
    if p.at(T!['{']) {
        let b = p.start();
        p.bump(T!['{']);
        while !p.at(T!['}']) && !p.at(EOF) && !p.at_ts(TOP_LEVEL_ONLY) {
            world_item(p);
        }
        p.expect(T!['}']);
        b.complete(p, WORLD_BODY);
    } else {
        p.expect(T!['{']);
    }
    m.complete(p, WORLD);
}

fn world_item(p: &mut Parser<'_>) {
    let m = p.start();
    attributes(p);
    let kind = p.current();
    match kind {
        T![import] | T![export] => extern_item(p, m),
        T![use] => interface::use_item(p, m, Context::World),
        T![include] => include(p, m),
        _ if TYPE_DEF_FIRST.contains(kind) => type_defs::type_def(p, m, Context::World),
        _ => {
            let hint = if p.at(IDENT) {
                did_you_mean(
                    p.nth_text(0),
                    &[
                        "import", "export", "include", "use", "type", "record", "resource",
                    ],
                )
            } else {
                String::new()
            };
            let found = p.describe_current();
            p.error(format!(
                "expected `import`, `export`, `include`, `use`, or type definition, found {found}{hint}"
            ));
            if !at_item_start(p, Context::World) {
                recover_item(p, Context::World);
            }
            m.complete(p, ERROR);
        }
    }
}

/// `import`/`export` of: `name: func(...);`, `name: interface { ... }`, `label: path;`,
/// or `path;`.
fn extern_item(p: &mut Parser<'_>, m: Marker) {
    let node = if p.at(T![import]) { IMPORT } else { EXPORT };
    p.bump_any();
    // `ns:pkg/iface` also starts with `name :`; the `/` after the second name tells it apart.
    let labelled = at_name(p, TokenSet::new(&[T![:]]))
        && p.nth(1) == T![:]
        && !(p.nth(2) == IDENT && p.nth(3) == T![/]);
    if labelled {
        let after_colon = p.nth(2);
        let is_func = matches!(after_colon, T![func] | T![async] | T![static])
            || (matches!(p.nth_text(2), "get" | "set") && p.nth(3) == T!['(']);
        if is_func {
            let f = p.start();
            interface::func(p, f, Context::World);
        } else if after_colon == T![interface] {
            let i = p.start();
            name(p);
            p.bump(T![:]);
            p.bump(T![interface]);
            if p.at(T!['{']) {
                interface::interface_body(p);
            } else {
                p.expect(T!['{']);
            }
            i.complete(p, INLINE_INTERFACE);
        } else {
            name(p);
            p.bump(T![:]);
            use_path(p);
            expect_semicolon(p, Context::World);
        }
    } else {
        use_path(p);
        expect_semicolon(p, Context::World);
    }
    m.complete(p, node);
}

/// `include path;` or `include path with { a as b, ... }`
fn include(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![include]);
    use_path(p);
    if p.eat(T![with]) {
        let list = p.start();
        delimited(
            p,
            T!['{'],
            T!['}'],
            "`name as new-name`",
            |p| at_name(p, TokenSet::new(&[T![as]])),
            TokenSet::new(&[T![;]]),
            |p| {
                let n = p.start();
                name_ref(p);
                if p.expect(T![as]) {
                    name(p);
                }
                n.complete(p, INCLUDE_NAME);
            },
        );
        list.complete(p, INCLUDE_NAME_LIST);
    } else {
        expect_semicolon(p, Context::World);
    }
    m.complete(p, INCLUDE);
}
