//! Parses a file many times, for profiling: `cargo run --release --example parse_file -- FILE N`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_file FILE [N]");
    let n: usize = args
        .next()
        .map_or(20, |n| n.parse().expect("N is a number"));
    let text = std::fs::read_to_string(path).expect("readable file");
    let start = std::time::Instant::now();
    let mut errors = 0;
    for _ in 0..n {
        errors += witty_syntax::parse(&text).errors().len();
    }
    println!("{n} parses in {:?} ({errors} errors)", start.elapsed());
}
