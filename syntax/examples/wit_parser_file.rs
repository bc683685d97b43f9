//! wit-parser's `push_path` of a file or folder, many times, to compare with witty.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: wit_parser_file PATH [N]");
    let n: usize = args
        .next()
        .map_or(20, |n| n.parse().expect("N is a number"));
    let start = std::time::Instant::now();
    for _ in 0..n {
        wit_parser::Resolve::new()
            .push_path(&path)
            .expect("wit-parser accepts the package");
    }
    println!("{n} resolves in {:?}", start.elapsed());
}
