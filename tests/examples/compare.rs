//! Compares witty's verdict with wit-parser's on the paths given (files or package folders):
//! `cargo run -p witty-tests --example compare -- PATH...`. Prints disagreements.

use std::path::PathBuf;

use witty_tests::{Agreement, compare};

fn main() {
    let (mut same, mut differ) = (0, 0);
    for arg in std::env::args().skip(1) {
        let (agreement, report) = compare(&PathBuf::from(&arg));
        if agreement == Agreement::Agree {
            same += 1;
        } else {
            differ += 1;
            println!("DIFFER ({agreement:?}) {arg}");
            for line in report {
                println!("{line}");
            }
        }
    }
    println!("{same} agree, {differ} differ");
}
