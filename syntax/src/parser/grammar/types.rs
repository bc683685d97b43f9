//! Type expressions: `u32`, `list<T>`, `list<T, 4>`, `map<K, V>`, `option<T>`, `result<T, E>`,
//! `tuple<...>`, `future<T>`, `stream<T>`, `own<r>`, `borrow<r>`, and names.

use super::super::{MAX_DEPTH, Parser, TokenSet};
use super::common::{delimited, name_ref, skip_deep_type};
use crate::{SyntaxKind::*, T};

/// Keywords that start a compound type.
const COMPOUND_FIRST: TokenSet = TokenSet::new(&[
    T![list],
    T![map],
    T![option],
    T![result],
    T![tuple],
    T![future],
    T![stream],
    T![own],
    T![borrow],
]);

/// Tokens that follow a type.
const TYPE_END: TokenSet = TokenSet::new(&[T![;], T![,], T![>], T![')'], T!['}'], T![=], EOF]);

pub(super) fn at_type_start(p: &Parser<'_>) -> bool {
    let kind = p.current();
    kind == IDENT || kind.is_primitive_type() || COMPOUND_FIRST.contains(kind)
}

/// One type. Nesting is limited (as in wit-parser), which also bounds recursion.
pub(super) fn type_(p: &mut Parser<'_>) {
    if p.type_depth >= MAX_DEPTH && at_type_start(p) {
        skip_deep_type(p);
        return;
    }
    p.type_depth += 1;
    type_inner(p);
    p.type_depth -= 1;
}

fn type_inner(p: &mut Parser<'_>) {
    let kind = p.current();
    if kind.is_primitive_type() {
        let m = p.start();
        p.bump_any();
        m.complete(p, PRIMITIVE_TYPE);
        return;
    }
    let m = p.start();
    let node = match kind {
        IDENT => {
            name_ref(p);
            NAMED_TYPE
        }
        T![list] => {
            p.bump(T![list]);
            if p.expect(T![<]) {
                type_(p);
                if p.eat(T![,]) && !p.eat(INTEGER) {
                    p.error_expected("a fixed length (an integer)");
                }
                p.expect(T![>]);
            }
            LIST_TYPE
        }
        T![map] => {
            p.bump(T![map]);
            if p.expect(T![<]) {
                type_(p);
                p.expect(T![,]);
                type_(p);
                p.expect(T![>]);
            }
            MAP_TYPE
        }
        T![option] => {
            p.bump(T![option]);
            if p.expect(T![<]) {
                type_(p);
                p.expect(T![>]);
            }
            OPTION_TYPE
        }
        T![result] => {
            p.bump(T![result]);
            if p.eat(T![<]) {
                if p.eat(T![_]) {
                    p.expect(T![,]);
                    type_(p);
                } else {
                    type_(p);
                    if p.eat(T![,]) {
                        type_(p);
                    }
                }
                p.expect(T![>]);
            }
            RESULT_TYPE
        }
        T![tuple] => {
            p.bump(T![tuple]);
            delimited(
                p,
                T![<],
                T![>],
                "a type",
                at_type_start,
                TokenSet::new(&[T![;], T![')'], T!['{'], T!['}']]),
                type_,
            );
            TUPLE_TYPE
        }
        T![future] | T![stream] => {
            p.bump_any();
            if p.eat(T![<]) {
                type_(p);
                p.expect(T![>]);
            }
            if kind == T![future] {
                FUTURE_TYPE
            } else {
                STREAM_TYPE
            }
        }
        T![own] | T![borrow] => {
            p.bump_any();
            if p.expect(T![<]) {
                name_ref(p);
                p.expect(T![>]);
            }
            HANDLE_TYPE
        }
        _ => {
            p.error_expected("a type");
            // A word where the type belongs (`type c = record;`) is taken as the bad type,
            // so that what follows it still parses.
            let word = p.current().is_keyword() || p.at(ERROR) || p.at(INTEGER);
            if word && TYPE_END.contains(p.nth(1)) {
                p.bump_any();
                m.complete(p, ERROR);
            } else {
                m.abandon(p);
            }
            return;
        }
    };
    m.complete(p, node);
}
