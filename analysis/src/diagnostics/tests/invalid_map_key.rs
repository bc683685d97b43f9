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
