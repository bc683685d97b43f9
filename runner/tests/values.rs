//! Calls with arguments and results of every kind of value, written and shown in WAVE.

mod common;

use std::sync::LazyLock;

use common::{ALLOC, Fixture, no_cache};
use witty_runner::test_components::component;

const WIT: &str = r#"
package test:values;

world values {
  record point { x: s32, y: s32 }
  variant shape { circle(u32), square(u32), nothing }
  enum color { red, green, blue }
  flags perms { read, write, exec }

  export add: func(a: u32, b: u32) -> u32;
  export neg: func(x: s64) -> s64;
  export halve: func(x: f64) -> f64;
  export is-upper: func(c: char) -> bool;
  export echo: func(s: string) -> string;
  export sum: func(xs: list<u32>) -> u32;
  export count: func(n: u32) -> list<u32>;
  export flip: func(p: point) -> point;
  export area: func(s: shape) -> u32;
  export next: func(c: color) -> color;
  export toggle: func(p: perms) -> perms;
  export first: func(xs: list<u32>) -> option<u32>;
  export checked-div: func(a: u32, b: u32) -> result<u32, string>;
  export nothing: func();
}
"#;

/// Each function by hand, lowered as the canonical ABI lays values out on wasm32; results
/// that do not fit one core value go through a return area at 16.
const WAT: &str = r#"
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "neg") (param i64) (result i64) (i64.sub (i64.const 0) (local.get 0)))
  (func (export "halve") (param f64) (result f64) (f64.div (local.get 0) (f64.const 2)))
  (func (export "is-upper") (param i32) (result i32)
    (i32.and (i32.ge_u (local.get 0) (i32.const 65)) (i32.le_u (local.get 0) (i32.const 90))))
  (func (export "echo") (param i32 i32) (result i32)
    (i32.store (i32.const 16) (local.get 0))
    (i32.store (i32.const 20) (local.get 1))
    (i32.const 16))
  (func (export "sum") (param $p i32) (param $n i32) (result i32)
    (local $s i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $s))
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 4))) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (local.get $n))
    (i32.const 16))
  (func (export "flip") (param i32 i32) (result i32)
    (i32.store (i32.const 16) (local.get 1))
    (i32.store (i32.const 20) (local.get 0))
    (i32.const 16))
  (func (export "area") (param $case i32) (param $size i32) (result i32)
    (if (result i32) (i32.eq (local.get $case) (i32.const 2))
      (then (i32.const 0))
      (else (i32.mul (i32.mul (local.get $size) (local.get $size))
        (select (i32.const 3) (i32.const 1) (i32.eqz (local.get $case)))))))
  (func (export "next") (param i32) (result i32)
    (i32.rem_u (i32.add (local.get 0) (i32.const 1)) (i32.const 3)))
  (func (export "toggle") (param i32) (result i32) (i32.xor (local.get 0) (i32.const 1)))
  (func (export "first") (param i32 i32) (result i32)
    (i32.store8 (i32.const 16) (i32.ne (local.get 1) (i32.const 0)))
    (if (local.get 1) (then (i32.store (i32.const 20) (i32.load (local.get 0)))))
    (i32.const 16))
  (func (export "checked-div") (param i32 i32) (result i32)
    (if (i32.eqz (local.get 1))
      (then
        (i32.store8 (i32.const 16) (i32.const 1))
        (i32.store (i32.const 20) (i32.const 100))
        (i32.store (i32.const 24) (i32.const 16)))
      (else
        (i32.store8 (i32.const 16) (i32.const 0))
        (i32.store (i32.const 20) (i32.div_u (local.get 0) (local.get 1)))))
    (i32.const 16))
  (func (export "nothing"))
  (data (i32.const 100) "division by zero")
  ALLOC
)
"#;

static VALUES: LazyLock<Fixture> =
    LazyLock::new(|| Fixture::new(&component(WIT, &WAT.replace("ALLOC", ALLOC)), no_cache()));

fn check(call: &str) -> String {
    VALUES.call(call)
}

#[test]
fn numbers() {
    insta::assert_snapshot!(check("add(1, 2)"), @"=> 3");
    insta::assert_snapshot!(check("add(4294967295, 1)"), @"=> 0");
    insta::assert_snapshot!(check("neg(-9223372036854775807)"), @"=> 9223372036854775807");
    insta::assert_snapshot!(check("halve(3)"), @"=> 1.5");
    insta::assert_snapshot!(check("halve(nan)"), @"=> nan");
    insta::assert_snapshot!(check("halve(-inf)"), @"=> -inf");
}

#[test]
fn chars_and_strings() {
    insta::assert_snapshot!(check("is-upper('Q')"), @"=> true");
    insta::assert_snapshot!(check("is-upper('é')"), @"=> false");
    insta::assert_snapshot!(check(r#"echo("héllo, \"wörld\"\n☃")"#), @r#"=> "héllo, \"wörld\"\n☃""#);
    insta::assert_snapshot!(check(r#"echo("")"#), @r#"=> """#);
}

#[test]
fn lists() {
    insta::assert_snapshot!(check("sum([1, 2, 3, 4])"), @"=> 10");
    insta::assert_snapshot!(check("sum([])"), @"=> 0");
    insta::assert_snapshot!(check("count(5)"), @"=> [0, 1, 2, 3, 4]");
    insta::assert_snapshot!(check("count(0)"), @"=> []");
}

#[test]
fn records_variants_enums_flags() {
    insta::assert_snapshot!(check("flip({x: 1, y: -2})"), @"=> {x: -2, y: 1}");
    insta::assert_snapshot!(check("area(circle(2))"), @"=> 12");
    insta::assert_snapshot!(check("area(square(3))"), @"=> 9");
    insta::assert_snapshot!(check("area(nothing)"), @"=> 0");
    insta::assert_snapshot!(check("next(blue)"), @"=> red");
    insta::assert_snapshot!(check("toggle({write, exec})"), @"=> {read, write, exec}");
    insta::assert_snapshot!(check("toggle({read})"), @"=> {}");
}

#[test]
fn options_and_results() {
    insta::assert_snapshot!(check("first([7, 8])"), @"=> some(7)");
    insta::assert_snapshot!(check("first([])"), @"=> none");
    insta::assert_snapshot!(check("checked-div(7, 2)"), @"=> ok(3)");
    insta::assert_snapshot!(check("checked-div(7, 0)"), @r#"=> err("division by zero")"#);
    insta::assert_snapshot!(check("nothing()"), @"=> ()");
}

#[test]
fn every_name_form_reaches_a_root_function() {
    insta::assert_snapshot!(check(" add( 1 ,2 ) "), @"=> 3");
}
