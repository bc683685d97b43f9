//! `too-many-flags`: flags with more than 32 members.

use super::check;

#[test]
fn thirty_three() {
    check(
        r#"
package a:b;
interface i {
  flags f { a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc, dd, ee, ff, gg }
//                                                                                                                ^^ too-many-flags: cannot have more than 32 flags
}
"#,
    );
}

#[test]
fn thirty_two_are_allowed() {
    check(
        r#"
package a:b;
interface i {
  flags f { a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc, dd, ee, ff }
}
"#,
    );
}
