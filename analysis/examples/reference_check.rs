//! wit-parser's parse and resolve of a folder, for counting its instructions next to witty's
//! (`valgrind --tool=callgrind target/release/examples/reference_check DIR` against
//! `... check_dir DIR 1`): the reference that `wit check --no-backstop` is measured against.

fn main() {
    let dir =
        std::path::PathBuf::from(std::env::args().nth(1).expect("usage: reference_check DIR"));
    let mut resolve = wit_parser::Resolve::default();
    match resolve.push_path(&dir) {
        Ok(_) => println!("{} packages", resolve.packages.len()),
        Err(e) => println!("error: {e}"),
    }
}
