//! Lex + parse of a generated 20,000-line package, next to wit-parser's parse + resolve of
//! the same text, in the same run. Figures go to docs/performance.md.

use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;

/// A package of interfaces that use each other, with every kind of type definition, about
/// `lines` lines long. wit-parser accepts it, so both sides do their whole job.
fn generate(lines: usize) -> String {
    let mut s = String::from("package bench:generated@1.0.0;\n\n");
    let mut i = 0;
    while s.bytes().filter(|&b| b == b'\n').count() < lines {
        writeln!(s, "/// Interface number {i}.\ninterface iface{i} {{").unwrap();
        if i > 0 {
            writeln!(
                s,
                "  use iface{}.{{rec{}, res{} as prev-res}};",
                i - 1,
                i - 1,
                i - 1
            )
            .unwrap();
        }
        write!(
            s,
            r#"
  /// A record with documentation.
  record rec{i} {{
    /// The first field.
    a: u32,
    b: string,
    c: list<option<u64>>,
    d: tuple<s8, f64, char>,
  }}

  variant var{i} {{
    none,
    some(rec{i}),
    many(list<rec{i}>),
  }}

  enum en{i} {{ one, two, three }}

  flags fl{i} {{ read, write, exec }}

  // A resource with every kind of member.
  resource res{i} {{
    constructor(name: string);
    name: func() -> string;
    update: func(value: rec{i}) -> result<_, en{i}>;
    make: static func(f: fl{i}) -> res{i};
  }}

  type alias{i} = result<list<rec{i}>, var{i}>;

  run{i}: func(a: rec{i}, b: borrow<res{i}>, c: list<tuple<string, u32>>) -> option<alias{i}>;
  stream{i}: func(x: own<res{i}>) -> list<u8>;
}}

"#
        )
        .unwrap();
        i += 1;
    }
    writeln!(s, "world everything {{").unwrap();
    for j in 0..i {
        writeln!(s, "  import iface{j};").unwrap();
    }
    s.push_str("}\n");
    s
}

fn bench(c: &mut Criterion) {
    let text = generate(20_000);
    let lines = text.lines().count();
    assert!(witty_syntax::parse(&text).errors().is_empty());
    wit_parser::Resolve::new()
        .push_str("bench.wit", &text)
        .expect("wit-parser accepts it");

    let mut group = c.benchmark_group(format!("parse {lines} lines"));
    group.sample_size(30);
    group.bench_function("witty lex+parse", |b| {
        b.iter(|| witty_syntax::parse(black_box(&text)))
    });
    group.bench_function("witty lex", |b| {
        b.iter(|| witty_syntax::lex(black_box(&text)))
    });
    group.bench_function("wit-parser parse+resolve", |b| {
        b.iter(|| {
            wit_parser::Resolve::new()
                .push_str("bench.wit", black_box(&text))
                .unwrap()
        })
    });
    group.finish();

    // The ratio, from interleaved runs so that both sides see the same machine state.
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        let t = std::time::Instant::now();
        black_box(witty_syntax::parse(&text));
        ours.push(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        black_box(
            wit_parser::Resolve::new()
                .push_str("bench.wit", &text)
                .unwrap(),
        );
        theirs.push(t.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (ours, theirs) = (median(&mut ours), median(&mut theirs));
    println!(
        "RATIO witty lex+parse / wit-parser parse+resolve ({lines} lines): {:.1} ms / {:.1} ms = {:.2} (target <= 0.50)",
        ours * 1e3,
        theirs * 1e3,
        ours / theirs
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
