//! `incompatible-dependencies`: an export whose dependencies would have to be both
//! imported and exported (WebAssembly/component-model#208).

use super::check;

#[test]
fn an_interface_both_ways() {
    check(
        r#"
package a:b;
interface a { type t = u32; }
interface b { use a.{t}; }
interface c { use a.{t}; use b.{t as u}; }
//                   ^ hint unused-use: `t` is not used in interface `c`, but the `use` makes it part of `c` (others can `use c.{t}`): removing it would change the interface
//                                   ^ hint unused-use: `u` is not used in interface `c`, but the `use` makes it part of `c` (others can `use c.{u}`): removing it would change the interface
world w {
//    ^ incompatible-dependencies: interface `a:b/c` transitively depends on an interface in incompatible ways: an interface it depends on would have to be both imported and exported; export that interface too, or stop exporting the one that depends on it
  export a;
  import b;
  export c;
}
"#,
    );
}

#[test]
fn exporting_both_is_right() {
    check(
        r#"
package a:b;
interface a { type t = u32; }
interface b { use a.{t}; f: func(x: t); }
interface c { use b.{t}; g: func(x: t); }
world w {
  export a;
  export b;
  export c;
}
"#,
    );
}
