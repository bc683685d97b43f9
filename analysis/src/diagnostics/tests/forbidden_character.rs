//! `forbidden-character`: control codes, bidirectional overrides and discouraged
//! codepoints, forbidden even in comments. (The fixtures are built with escapes: rustc
//! refuses these characters in literals.)

use super::check;

#[test]
fn a_bidirectional_override_in_a_comment() {
    check(&"
package a:b;
interface i {
  // hidden: RLO
//           ^ forbidden-character: bidirectional override codepoint '\\u{202e}' is not allowed: it can make code read differently from what it means
  type a = u32;
}
".replace("RLO", "\u{202e}"));
}

#[test]
fn a_control_code() {
    check(
        &"
package a:b;
interface i {
  type a = u32;BEL
//             ^ forbidden-character: control code '\\u{7}' is not allowed in WIT text
}
"
        .replace("BEL", "\u{7}"),
    );
}
