//! The file level: the `package` header, nested packages, top-level `use`, and the dispatch
//! to interfaces and worlds.

use super::super::{MAX_DEPTH, Parser};
use super::common::{
    Context, attributes, did_you_mean, expect_semicolon, name, package_name, recover_item,
    skip_braces, use_path, version,
};
use super::{interface, world};
use crate::{SyntaxKind::*, T};

/// A whole file: `package ns:name;`? then items until the end.
pub(crate) fn source_file(p: &mut Parser<'_>) {
    let m = p.start();
    let mut first = true;
    while !p.at(EOF) {
        item(p, first);
        first = false;
    }
    m.complete(p, SOURCE_FILE);
}

/// One item of a file or of a nested package's body.
fn item(p: &mut Parser<'_>, first: bool) {
    let m = p.start();
    attributes(p);
    match p.current() {
        T![interface] => interface::interface(p, m),
        T![world] => world::world(p, m),
        T![use] => top_use(p, m),
        T![package] => package(p, m, first),
        T!['}'] if p.package_depth == 0 => {
            p.err_and_bump("unexpected '}': there is no open '{' for it to close");
            m.complete(p, ERROR);
        }
        _ => {
            let hint = if p.at(IDENT) {
                did_you_mean(p.nth_text(0), &["interface", "world", "use", "package"])
            } else {
                String::new()
            };
            let found = p.describe_current();
            p.error(format!(
                "expected `world`, `interface`, `use` or `package`, found {found}{hint}"
            ));
            recover_item(p, Context::TopLevel);
            m.complete(p, ERROR);
        }
    }
}

/// `package ns:name@1.0.0;` (only as a file's first item) or `package ns:name { items }`.
fn package(p: &mut Parser<'_>, m: super::super::Marker, first: bool) {
    if p.package_depth >= MAX_DEPTH {
        p.error_with_code(
            "nesting-too-deep",
            format!("package nesting too deep: at most {MAX_DEPTH} levels are allowed"),
        );
        skip_package(p);
        m.complete(p, ERROR);
        return;
    }
    p.bump(T![package]);
    package_name(p);
    let spaced_version = p.eat(T![@]) && version(p);
    match p.current() {
        T![;] => {
            if !first {
                p.error(
                    "expected '{', found ';': only the first item of a file can be \
                     `package ns:name;`, a package declared later needs a body `{ ... }`",
                );
            }
            p.bump(T![;]);
            m.complete(p, PACKAGE_DECL);
        }
        T!['{'] => {
            p.bump(T!['{']);
            p.package_depth += 1;
            while !p.at(T!['}']) && !p.at(EOF) {
                item(p, false);
            }
            p.package_depth -= 1;
            p.expect(T!['}']);
            m.complete(p, NESTED_PACKAGE);
        }
        _ => {
            // `package a:b@1.0.0-rc.1` and a line break: wit-parser took the next word into
            // the version, whose error is the one to report.
            if !spaced_version {
                p.error_expected("';' or '{'");
            }
            m.complete(p, PACKAGE_DECL);
        }
    }
}

/// Skips a package nested too deep, its whole body with the packages in it (counting braces,
/// without recursion), so that one mistake makes one error.
fn skip_package(p: &mut Parser<'_>) {
    while !matches!(p.current(), EOF | T![;] | T!['{'] | T!['}']) {
        p.bump_any();
    }
    if p.at(T!['{']) {
        skip_braces(p, false);
    } else {
        p.eat(T![;]);
    }
}

/// `use ns:pkg/iface@1.0.0 as name;`
fn top_use(p: &mut Parser<'_>, m: super::super::Marker) {
    p.bump(T![use]);
    use_path(p);
    if p.eat(T![as]) {
        name(p);
    }
    expect_semicolon(p, Context::TopLevel);
    m.complete(p, TOP_USE);
}
