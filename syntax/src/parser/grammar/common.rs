//! Pieces shared by the whole grammar: names, paths, versions, attributes, delimited lists
//! and error recovery.

use super::super::{MAX_DEPTH, Parser, TokenSet};
use crate::{
    SyntaxKind::{self, *},
    T,
};

/// Keywords that only start top-level items: reaching one inside a body means its `}` is
/// missing.
pub(super) const TOP_LEVEL_ONLY: TokenSet = TokenSet::new(&[T![interface], T![world], T![package]]);

/// Keywords that start a type definition, in interfaces and worlds alike.
pub(super) const TYPE_DEF_FIRST: TokenSet = TokenSet::new(&[
    T![type],
    T![record],
    T![flags],
    T![variant],
    T![enum],
    T![resource],
]);

/// `name`: a declared name. A reserved keyword in its place is kept as the name (so the
/// item still resolves) and reported with the way to write it.
pub(super) fn name(p: &mut Parser<'_>) -> bool {
    name_like(p, NAME)
}

/// `name`: a reference to a declared name.
pub(super) fn name_ref(p: &mut Parser<'_>) -> bool {
    name_like(p, NAME_REF)
}

fn name_like(p: &mut Parser<'_>, kind: SyntaxKind) -> bool {
    let current = p.current();
    if current == IDENT {
        let m = p.start();
        p.bump(IDENT);
        m.complete(p, kind);
        return true;
    }
    if current.is_reserved_keyword() && !TOP_LEVEL_ONLY.contains(current) {
        let word = p.nth_text(0);
        p.error(format!(
            "expected an identifier, found keyword `{word}`: write `%{word}` to use it as a name"
        ));
        let m = p.start();
        p.bump_any();
        m.complete(p, kind);
        return true;
    }
    p.error_expected("an identifier");
    false
}

/// Whether the current token can be read as a name (an identifier, or a keyword misused as
/// one when `next` follows it). Keywords that start top-level items are never names, as in
/// `name`: taking one would leave the parser past a name it did not consume.
pub(super) fn at_name(p: &Parser<'_>, next: TokenSet) -> bool {
    let kind = p.current();
    kind == IDENT
        || (kind.is_reserved_keyword() && !TOP_LEVEL_ONLY.contains(kind) && next.contains(p.nth(1)))
}

/// Tokens that cannot be inside an attribute's parentheses: where a broken one ends.
const ATTRIBUTE_END: TokenSet = TokenSet::new(&[
    T![')'],
    T!['{'],
    T!['}'],
    T![;],
    T![@],
    EOF,
    T![interface],
    T![world],
    T![package],
    T![use],
    T![type],
    T![record],
    T![flags],
    T![variant],
    T![enum],
    T![resource],
    T![import],
    T![export],
    T![include],
    T![constructor],
]);

/// `@since(version = 1.0.0)`, `@unstable(feature = x)`, `@deprecated(version = 1.0.0)`,
/// `@external-id("...")`. Which names and arguments are allowed is checked after parsing,
/// so that a misspelt attribute does not derail the item it is on.
pub(super) fn attributes(p: &mut Parser<'_>) {
    while p.at(T![@]) {
        let m = p.start();
        p.bump(T![@]);
        if !p.eat(IDENT) {
            p.error_expected("an attribute name (`since`, `unstable`, `deprecated`)");
        } else if p.eat(T!['(']) {
            if !p.eat(STRING) {
                if p.eat(IDENT) {
                    if p.eat(T![=]) {
                        if p.at(IDENT) {
                            p.bump(IDENT);
                        } else {
                            version(p);
                        }
                    } else {
                        p.expect(T![=]);
                    }
                } else {
                    p.error_expected("`version` or `feature`");
                }
            }
            if !p.at(T![')']) {
                p.expect(T![')']);
                // Skip the rest of the arguments, so the item after the attribute parses.
                let junk = p.start();
                while !p.at_ts(ATTRIBUTE_END) {
                    p.bump_any();
                }
                junk.complete(p, ERROR);
            }
            p.eat(T![')']);
        } else {
            p.expect(T!['(']);
        }
        m.complete(p, ATTRIBUTE);
    }
}

/// `1.2.3-pre+build`: one token when written without spaces. Written with spaces it is
/// parsed as separate tokens, and validation reports it, as wit-parser does.
/// A version; whether it took words after a space (an invalid version, reported as such:
/// what follows it is not reported again).
pub(super) fn version(p: &mut Parser<'_>) -> bool {
    let m = p.start();
    let mut spaced = false;
    if p.at(VERSION_NUMBER) || p.at(INTEGER) {
        // A version token that ends inside its `-pre` or `+build` part: wit-parser goes on
        // taking that part's words from there.
        let mut in_part = None;
        if p.at(VERSION_NUMBER) {
            let text = p.nth_text(0);
            in_part = if text.contains('+') {
                Some(T![+])
            } else if text.contains('-') {
                Some(T![-])
            } else {
                None
            };
            p.bump(VERSION_NUMBER);
        } else {
            p.bump(INTEGER);
            let _ = p.expect(T![.]) && p.expect(INTEGER) && p.expect(T![.]) && p.expect(INTEGER);
        }
        // wit-parser takes a `-pre` or `+build` part even after a space or a line break (and
        // then fails to parse the version); taking it here reports the same error at the same
        // place, and nothing more about the words it took.
        let part = TokenSet::new(&[IDENT, INTEGER, T![-]]);
        for prefix in [T![-], T![+]] {
            if in_part == Some(T![+]) && prefix == T![-] {
                continue;
            }
            if in_part != Some(prefix) && !p.eat(prefix) {
                continue;
            }
            loop {
                if p.at_ts(part) {
                    spaced |= p.after_trivia();
                    p.bump_any();
                } else if p.at(T![.]) && part.contains(p.nth(1)) {
                    p.bump(T![.]);
                    p.bump_any();
                } else {
                    break;
                }
            }
        }
    } else {
        p.error_expected("a version such as `1.0.0`");
    }
    m.complete(p, VERSION);
    spaced
}

/// `ns:pkg` (as in `package ns:pkg@1.0.0;`, version parsed by the caller).
pub(super) fn package_name(p: &mut Parser<'_>) {
    let m = p.start();
    name_part(p);
    if p.expect(T![:]) {
        name_part(p);
    }
    m.complete(p, PACKAGE_NAME);
}

/// A namespace or package name: an identifier token, not a `NAME` node, since it names
/// no item.
fn name_part(p: &mut Parser<'_>) {
    if p.at(IDENT) {
        p.bump(IDENT);
    } else if p.current().is_reserved_keyword() {
        let word = p.nth_text(0);
        p.error(format!(
            "expected an identifier, found keyword `{word}`: write `%{word}` to use it as a name"
        ));
        p.bump_any();
    } else {
        p.error_expected("an identifier");
    }
}

/// `iface` or `ns:pkg/iface@1.0.0`.
pub(super) fn use_path(p: &mut Parser<'_>) {
    let m = p.start();
    if p.nth(1) == T![:] && at_name(p, TokenSet::new(&[T![:]])) {
        package_name(p);
        if p.expect(T![/]) {
            name_ref(p);
        }
        if p.eat(T![@]) {
            version(p);
        }
    } else {
        name_ref(p);
    }
    m.complete(p, USE_PATH);
}

/// `open item (, item)* ,? close` with `item` parsing one element. Elements start where
/// `item_first` says; anything else is reported and skipped, up to a token in `stop`
/// (which belongs to whatever encloses the list).
pub(super) fn delimited(
    p: &mut Parser<'_>,
    open: SyntaxKind,
    close: SyntaxKind,
    what: &str,
    item_first: impl Fn(&Parser<'_>) -> bool,
    stop: TokenSet,
    mut item: impl FnMut(&mut Parser<'_>),
) {
    if !p.expect(open) {
        return;
    }
    while !p.at(close) && !p.at(EOF) {
        let before = p.position();
        if item_first(p) {
            item(p);
        } else if p.at_ts(stop) {
            break;
        } else {
            p.err_and_bump(format!(
                "expected {what} or {}, found {}",
                close.describe(),
                p.describe_current()
            ));
            continue;
        }
        if p.at(close) {
            break;
        }
        if !p.eat(T![,]) {
            p.error(format!(
                "expected ',' or {}, found {}",
                close.describe(),
                p.describe_current()
            ));
            if !item_first(p) || p.position() == before {
                break;
            }
        }
    }
    p.expect(close);
}

/// Where items are being parsed; decides which tokens start the next item.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    TopLevel,
    Interface,
    World,
    Resource,
}

/// Whether the current token starts an item of `cx` (or, inside a body, a top-level item,
/// which means the body's `}` is missing).
pub(super) fn at_item_start(p: &Parser<'_>, cx: Context) -> bool {
    let kind = p.current();
    let named_member = || p.at(IDENT) && p.nth(1) == T![:];
    kind == T![@]
        || TOP_LEVEL_ONLY.contains(kind)
        || match cx {
            Context::TopLevel => kind == T![use],
            Context::Interface => {
                kind == T![use] || TYPE_DEF_FIRST.contains(kind) || named_member()
            }
            Context::World => {
                matches!(kind, T![import] | T![export] | T![use] | T![include])
                    || TYPE_DEF_FIRST.contains(kind)
            }
            Context::Resource => kind == T![constructor] || named_member(),
        }
}

/// Ends an item with `;`. When something else stands there, reports it and skips the rest
/// of the item, so that one mistake makes one error.
pub(super) fn expect_semicolon(p: &mut Parser<'_>, cx: Context) {
    if p.eat(T![;]) {
        return;
    }
    p.expect(T![;]);
    if !p.at(EOF) && !p.at(T!['}']) && !at_item_start(p, cx) {
        let m = p.start();
        recover_item(p, cx);
        m.complete(p, ERROR);
    }
}

/// After an error inside an item: skips what remains of it, so that the next item parses
/// cleanly. Stops after a `;` or a balanced `{ }` block (and a `;` right after it), or before
/// the start of another item, a `}` that closes the enclosing body, or the end of the text.
/// Consumes at least one token when it can; the caller wraps what it skipped.
pub(super) fn recover_item(p: &mut Parser<'_>, cx: Context) {
    let mut first = true;
    // Inside parentheses nothing starts an item: `(a: u32)` is not a function `a`.
    let mut parens = 0u32;
    loop {
        match p.current() {
            EOF | T!['}'] => break,
            T!['('] => {
                parens += 1;
                p.bump_any();
            }
            T![')'] if parens > 0 => {
                parens -= 1;
                p.bump_any();
            }
            T![;] => {
                p.bump_any();
                break;
            }
            T!['{'] => {
                skip_block(p);
                p.eat(T![;]);
                break;
            }
            _ if !first && parens == 0 && at_item_start(p, cx) => break,
            _ => p.bump_any(),
        }
        first = false;
    }
}

/// Skips a `{ ... }` block, nested blocks included, without recursion. Stops early at a
/// keyword that only starts top-level items, which means the block was never closed.
pub(super) fn skip_block(p: &mut Parser<'_>) {
    skip_braces(p, true);
}

/// Skips from a `{` to its matching `}`, counting braces without recursion; with
/// `keywords_end`, a top-level keyword inside ends it too (the block was never closed).
pub(super) fn skip_braces(p: &mut Parser<'_>, keywords_end: bool) {
    let mut depth = 0u32;
    loop {
        match p.current() {
            EOF => return,
            T!['{'] => depth += 1,
            T!['}'] => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    p.bump_any();
                    return;
                }
            }
            // `interface {` is an inline interface in a world; other top-level keywords
            // mean the block was never closed.
            kind if keywords_end
                && depth > 0
                && TOP_LEVEL_ONLY.contains(kind)
                && !(kind == T![interface] && p.nth(1) == T!['{']) =>
            {
                return;
            }
            _ => {}
        }
        p.bump_any();
    }
}

/// Skips a type nested deeper than `MAX_DEPTH`, without recursion: everything up to the
/// `>` that closes its enclosing type, or a token that ends the item.
pub(super) fn skip_deep_type(p: &mut Parser<'_>) {
    p.error_with_code(
        "nesting-too-deep",
        format!("type nesting too deep: at most {MAX_DEPTH} levels of nested types are allowed"),
    );
    let m = p.start();
    let mut depth = 0u32;
    loop {
        match p.current() {
            EOF | T![;] | T!['{'] | T!['}'] => break,
            T![<] => depth += 1,
            T![>] | T![,] | T![')'] if depth == 0 => break,
            T![>] => depth -= 1,
            _ => {}
        }
        p.bump_any();
    }
    m.complete(p, ERROR);
}

/// A hint naming the keyword that `word` is probably a misspelling of.
pub(super) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    let best = candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|&(d, c)| d <= 2 && d < c.len())
        .min();
    match best {
        Some((_, c)) => format!("; did you mean `{c}`?"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
