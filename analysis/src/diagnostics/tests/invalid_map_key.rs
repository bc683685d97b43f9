//! `invalid-map-key`: map keys must be bool, an integer, char or string, written so.

use super::check;

#[test]
fn a_float_and_an_alias() {
    check(
        r#"
package a:b;
interface i {
  type k = u32;
  type a = map<f32, string>;
//         ^^^ invalid-map-key: invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string
  type b = map<k, string>;
//         ^^^ invalid-map-key: invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string
  type c = map<u32, string>;
}
"#,
    );
}

#[test]
fn keys_that_are_allowed_and_a_list() {
    check(
        r#"
package a:b;
interface i {
  type a = map<string, u8>;
  type b = map<bool, u8>;
  type c = map<char, map<s64, u8>>;
  type d = map<list<u8>, u8>;
//         ^^^ invalid-map-key: invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string
}
"#,
    );
}
