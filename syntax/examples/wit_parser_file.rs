//! wit-parser's parse + resolve of a file, many times, to compare with `parse_file`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: wit_parser_file FILE [N]");
    let n: usize = args
        .next()
        .map_or(20, |n| n.parse().expect("N is a number"));
    let text = std::fs::read_to_string(&path).expect("readable file");
    let start = std::time::Instant::now();
    for _ in 0..n {
        wit_parser::Resolve::new()
            .push_str(&path, &text)
            .expect("wit-parser accepts the file");
    }
    println!("{n} parses in {:?}", start.elapsed());
}
