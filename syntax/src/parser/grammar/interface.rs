//! Interfaces and what they contain: `use`, functions, and (via `type_defs`) types.

use super::super::{Marker, Parser, TokenSet};
use super::common::{
    Context, TOP_LEVEL_ONLY, TYPE_DEF_FIRST, at_item_start, at_name, attributes, delimited,
    did_you_mean, expect_semicolon, name, name_ref, recover_item, use_path,
};
use super::{type_defs, types};
use crate::{SyntaxKind::*, T};

/// `interface name { items }`
pub(super) fn interface(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![interface]);
    name(p);
    if p.at(T!['{']) {
        interface_body(p);
    } else {
        p.expect(T!['{']);
    }
    m.complete(p, INTERFACE);
}

/// `{ items }` of an interface, also of an inline interface in a world.
pub(super) fn interface_body(p: &mut Parser<'_>) {
    let m = p.start();
    p.bump(T!['{']);
    while !p.at(T!['}']) && !p.at(EOF) && !p.at_ts(TOP_LEVEL_ONLY) {
        interface_item(p);
    }
    p.expect(T!['}']);
    m.complete(p, INTERFACE_BODY);
}

fn interface_item(p: &mut Parser<'_>) {
    let m = p.start();
    attributes(p);
    let kind = p.current();
    if kind == T![use] {
        use_item(p, m, Context::Interface);
    } else if TYPE_DEF_FIRST.contains(kind) {
        type_defs::type_def(p, m, Context::Interface);
    } else if at_name(p, TokenSet::new(&[T![:]])) && p.nth(1) == T![:] {
        func(p, m, Context::Interface);
    } else {
        if p.at(IDENT) {
            // wit-parser reads a name here as the start of a function and reports the token
            // after it; so do we, saying what the name may have been meant as.
            let word = p.nth_text(0);
            let hint = did_you_mean(
                word,
                &[
                    "type", "record", "flags", "variant", "enum", "resource", "use", "func",
                ],
            );
            p.bump(IDENT);
            let found = p.describe_current();
            p.error(format!(
                "expected ':' (as in `{word}: func(...)`), found {found}{hint}"
            ));
        } else {
            let found = p.describe_current();
            p.error(format!(
                "expected `type`, `record`, `flags`, `variant`, `enum`, `resource`, `use` or a \
                 function `name: func(...)`, found {found}"
            ));
        }
        if !at_item_start(p, Context::Interface) {
            recover_item(p, Context::Interface);
        }
        m.complete(p, ERROR);
    }
}

/// `use iface.{a, b as c};` in an interface or a world.
pub(super) fn use_item(p: &mut Parser<'_>, m: Marker, cx: Context) {
    p.bump(T![use]);
    use_path(p);
    if p.expect(T![.]) {
        let list = p.start();
        delimited(
            p,
            T!['{'],
            T!['}'],
            "a name",
            |p| at_name(p, TokenSet::new(&[T![,], T!['}'], T![as]])),
            TokenSet::new(&[T![;]]),
            |p| {
                let n = p.start();
                name_ref(p);
                if p.eat(T![as]) {
                    name(p);
                }
                n.complete(p, USE_NAME);
            },
        );
        list.complete(p, USE_NAME_LIST);
    }
    expect_semicolon(p, cx);
    m.complete(p, USE);
}

/// `name: func(params) -> type;`, also `name: async func`, `name: get()`, `name: set(v: t)`,
/// and in resources `name: static func(...)`.
pub(super) fn func(p: &mut Parser<'_>, m: Marker, cx: Context) {
    name(p);
    p.bump(T![:]);
    if p.at(T![static]) {
        if cx != Context::Resource {
            p.error("`static` functions exist only in resources; remove `static`");
        }
        p.bump(T![static]);
    }
    func_type(p);
    expect_semicolon(p, cx);
    m.complete(p, FUNC);
}

/// `async? func(params) -> type`, or an accessor `get(params) -> type` / `set(params)`.
pub(super) fn func_type(p: &mut Parser<'_>) {
    let m = p.start();
    if p.eat(T![async]) {
        p.expect(T![func]);
    } else if (p.at_contextual("get") || p.at_contextual("set")) && p.nth(1) == T!['('] {
        let kind = if p.nth_text(0) == "get" {
            T![get]
        } else {
            T![set]
        };
        p.bump_remap(kind);
    } else if !p.eat(T![func]) {
        p.error_expected("keyword `func`");
        // `name: (a: u32)` still parses its parameters; anything else is left to recovery.
        if !p.at(T!['(']) {
            m.complete(p, FUNC_TYPE);
            return;
        }
    }
    param_list(p);
    if p.at(T![->]) {
        let r = p.start();
        p.bump(T![->]);
        types::type_(p);
        r.complete(p, RET_TYPE);
    }
    m.complete(p, FUNC_TYPE);
}

/// `(name: type, ...)`
pub(super) fn param_list(p: &mut Parser<'_>) {
    let m = p.start();
    delimited(
        p,
        T!['('],
        T![')'],
        "a parameter `name: type`",
        |p| at_name(p, TokenSet::new(&[T![:]])),
        TokenSet::new(&[T![;], T![->], T!['{'], T!['}']]),
        |p| {
            let param = p.start();
            name(p);
            if p.expect(T![:]) {
                types::type_(p);
            }
            param.complete(p, PARAM);
        },
    );
    m.complete(p, PARAM_LIST);
}
