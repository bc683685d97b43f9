//! Mutation conformance: copies a package folder, changes one thing in one file (drops a
//! line, duplicates one, swaps two, renames a word, drops a word), and compares witty's
//! verdict with wit-parser's. `cargo run -p witty-tests --example mutate -- DIR COUNT SEED`.

use std::path::{Path, PathBuf};

use witty_tests::{Agreement, compare};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The `.wit` files of the folder and of its `deps/`, recursively.
fn wit_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(wit_files(&p));
        } else if p.extension().is_some_and(|e| e == "wit") {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    let i = rng.below(lines.len());
    match rng.below(5) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 if i + 1 < lines.len() => lines.swap(i, i + 1),
        3 => {
            let from = words[rng.below(words.len())];
            let to = words[rng.below(words.len())];
            lines[i] = lines[i].replacen(from, to, 1);
        }
        _ => {
            let from = words[rng.below(words.len())];
            lines[i] = lines[i].replacen(from, "", 1);
        }
    }
    lines.join("\n") + "\n"
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: mutate DIR COUNT SEED"));
    let count: usize = args.next().map_or(100, |n| n.parse().unwrap());
    let mut rng = Rng(args
        .next()
        .map_or(0x9e37_79b9_7f4a_7c15, |n| n.parse().unwrap()));
    let tmp = std::env::temp_dir().join(format!("witty-mutate-{}", std::process::id()));
    let (mut agree, mut only_position, mut disagree) = (0, 0, 0);
    for n in 0..count {
        let _ = std::fs::remove_dir_all(&tmp);
        copy_dir(&dir, &tmp);
        let files = wit_files(&tmp);
        let file = &files[rng.below(files.len())];
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(file, mutate(&text, &mut rng)).unwrap();
        let (agreement, report) = compare(&tmp);
        match agreement {
            Agreement::Agree => agree += 1,
            Agreement::Position => only_position += 1,
            Agreement::Verdict => disagree += 1,
        }
        if agreement != Agreement::Agree {
            // Keep the mutant so that the difference can be reproduced.
            let keep = std::env::temp_dir().join(format!("witty-mutant-{n}"));
            let _ = std::fs::remove_dir_all(&keep);
            copy_dir(&tmp, &keep);
            println!(
                "#{n} {agreement:?} {} (kept in {})",
                file.display(),
                keep.display()
            );
            for line in report {
                println!("{line}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!("{agree} agree, {only_position} differ in position, {disagree} differ in verdict");
}
