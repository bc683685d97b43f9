//! Named type definitions, in interfaces and worlds: `type`, `record`, `flags`, `variant`,
//! `enum`, `resource`.

use super::super::{Marker, Parser, TokenSet};
use super::common::{
    Context, at_item_start, at_name, attributes, delimited, did_you_mean, expect_semicolon, name,
    recover_item,
};
use super::{interface, types};
use crate::{
    SyntaxKind::{self, *},
    T,
};

/// Dispatches on the keyword; `m` holds the item's attributes.
pub(super) fn type_def(p: &mut Parser<'_>, m: Marker, cx: Context) {
    match p.current() {
        T![type] => type_alias(p, m, cx),
        T![record] => record(p, m),
        T![flags] => flags(p, m),
        T![variant] => variant(p, m),
        T![enum] => enum_(p, m),
        T![resource] => resource(p, m, cx),
        _ => unreachable!("type_def is entered on a type definition keyword"),
    }
}

/// `type name = type;`
fn type_alias(p: &mut Parser<'_>, m: Marker, cx: Context) {
    p.bump(T![type]);
    name(p);
    if p.expect(T![=]) {
        types::type_(p);
    }
    expect_semicolon(p, cx);
    m.complete(p, TYPE_ALIAS);
}

/// Members of a braced list end at these, if the list's own `}` is missing.
const BODY_STOP: TokenSet = TokenSet::new(&[
    T![;],
    T![type],
    T![record],
    T![flags],
    T![variant],
    T![enum],
    T![resource],
    T![use],
    T![import],
    T![export],
    T![include],
    T![interface],
    T![world],
    T![package],
    T![@],
]);

/// Keywords that end a resource body whose `}` is missing.
const RESOURCE_STOP: TokenSet = TokenSet::new(&[
    T![type],
    T![record],
    T![flags],
    T![variant],
    T![enum],
    T![resource],
    T![use],
    T![import],
    T![export],
    T![include],
    T![interface],
    T![world],
    T![package],
]);

/// `{ member, member, }` with one kind of member node, each a name and maybe more.
fn body(
    p: &mut Parser<'_>,
    body_kind: SyntaxKind,
    what: &str,
    name_next: TokenSet,
    member: fn(&mut Parser<'_>),
) {
    let b = p.start();
    delimited(
        p,
        T!['{'],
        T!['}'],
        what,
        |p| at_name(p, name_next),
        BODY_STOP,
        member,
    );
    b.complete(p, body_kind);
}

/// `record name { field: type, ... }`
fn record(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![record]);
    name(p);
    body(
        p,
        RECORD_BODY,
        "a field `name: type`",
        TokenSet::new(&[T![:]]),
        |p| {
            let f = p.start();
            name(p);
            if p.expect(T![:]) {
                types::type_(p);
            }
            f.complete(p, FIELD);
        },
    );
    m.complete(p, RECORD);
}

/// `flags name { a, b, ... }`
fn flags(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![flags]);
    name(p);
    body(
        p,
        FLAGS_BODY,
        "a flag name",
        TokenSet::new(&[T![,], T!['}']]),
        |p| {
            let f = p.start();
            name(p);
            f.complete(p, FLAG);
        },
    );
    m.complete(p, FLAGS);
}

/// `variant name { case, case(type), ... }`
fn variant(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![variant]);
    name(p);
    body(
        p,
        VARIANT_BODY,
        "a case",
        TokenSet::new(&[T![,], T!['}'], T!['(']]),
        |p| {
            let c = p.start();
            name(p);
            if p.eat(T!['(']) {
                types::type_(p);
                p.expect(T![')']);
            }
            c.complete(p, VARIANT_CASE);
        },
    );
    m.complete(p, VARIANT);
}

/// `enum name { a, b, ... }`
fn enum_(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![enum]);
    name(p);
    body(
        p,
        ENUM_BODY,
        "a case name",
        TokenSet::new(&[T![,], T!['}']]),
        |p| {
            let c = p.start();
            name(p);
            c.complete(p, ENUM_CASE);
        },
    );
    m.complete(p, ENUM);
}

/// `resource name;` or `resource name { constructor(...); name: func(...); ... }`
fn resource(p: &mut Parser<'_>, m: Marker, cx: Context) {
    p.bump(T![resource]);
    name(p);
    if p.at(T!['{']) {
        let b = p.start();
        p.bump(T!['{']);
        while !p.at(T!['}']) && !p.at(EOF) && !p.at_ts(RESOURCE_STOP) {
            resource_member(p);
        }
        p.expect(T!['}']);
        b.complete(p, RESOURCE_BODY);
    } else {
        expect_semicolon(p, cx);
    }
    m.complete(p, RESOURCE);
}

fn resource_member(p: &mut Parser<'_>) {
    let m = p.start();
    attributes(p);
    if p.at(T![constructor]) {
        p.bump(T![constructor]);
        interface::param_list(p);
        if p.at(T![->]) {
            let r = p.start();
            p.bump(T![->]);
            types::type_(p);
            r.complete(p, RET_TYPE);
        }
        expect_semicolon(p, Context::Resource);
        m.complete(p, CONSTRUCTOR);
    } else if at_name(p, TokenSet::new(&[T![:]])) && p.nth(1) == T![:] {
        interface::func(p, m, Context::Resource);
    } else {
        if p.at(IDENT) {
            // As in interfaces: a name starts a method, and the token after it is reported.
            let word = p.nth_text(0);
            let hint = did_you_mean(word, &["constructor"]);
            p.bump(IDENT);
            let found = p.describe_current();
            p.error(format!(
                "expected ':' (as in `{word}: func(...)`), found {found}{hint}"
            ));
        } else {
            let found = p.describe_current();
            p.error(format!(
                "expected `constructor` or a method `name: func(...)`, found {found}"
            ));
        }
        if !at_item_start(p, Context::Resource) {
            recover_item(p, Context::Resource);
        }
        m.complete(p, ERROR);
    }
}
