//! Inlay hints.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.files[0].0.clone();
    let text = f.text(&path).to_string();
    let mut out = text.clone();
    let hints = f.host.analysis().inlay_hints(&path, None).unwrap();
    for h in hints.iter().rev() {
        out.insert_str(h.offset.into(), &format!("[{}]", h.label));
    }
    out
}

#[test]
fn aliases_show_what_they_stand_for() {
    assert_snapshot!(check(r#"
//- /wit/a.wit
package a:b;
interface api {
  use types.{payload, point};
  type body = payload;
  type direct = list<u8>;
  type p = point;
}
//- /wit/b.wit
package a:b;
interface types {
  type bytes = list<u8>;
  type payload = bytes;
  record point { x: u32 }
}
"#), @"
    package a:b;
    interface api {
      use types.{payload[→ list<u8>], point};
      type body = payload[→ list<u8>];
      type direct = list<u8>;
      type p = point;
    }
    ");
}
