//! A line diff in unified form, for `wit fmt --check` to show what formatting would change,
//! that `patch -p0` applies.

use std::fmt::Write;

/// Lines of context around each change.
const CONTEXT: usize = 2;

/// Above this many line pairs (after the common start and end are set aside) the middle is
/// shown as one replaced block rather than searched for the smallest diff.
const MAX_TABLE: usize = 4_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Delete,
    Insert,
}

/// `old` and `new` as a unified diff (`--- name`, `+++ name (formatted)`, `@@` hunks), or
/// an empty string if they are equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = line_ops(&a, &b);
    let mut out = format!("--- {name}\n+++ {name} (formatted)\n");
    // Positions in `a` and `b` before each op.
    let mut positions = Vec::with_capacity(ops.len());
    let (mut i, mut j) = (0, 0);
    for &op in &ops {
        positions.push((i, j));
        match op {
            Op::Same => (i, j) = (i + 1, j + 1),
            Op::Delete => i += 1,
            Op::Insert => j += 1,
        }
    }
    let mut k = 0;
    while k < ops.len() {
        if ops[k] == Op::Same {
            k += 1;
            continue;
        }
        // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last
        // change that is no more than 2 * CONTEXT equal lines away from the one before it.
        let start = k.saturating_sub(CONTEXT);
        let mut end = k;
        let mut same_run = 0;
        while end < ops.len() && same_run <= 2 * CONTEXT {
            same_run = if ops[end] == Op::Same {
                same_run + 1
            } else {
                0
            };
            end += 1;
        }
        let end = end - same_run.saturating_sub(CONTEXT);
        let (i0, j0) = positions[start];
        let count = |op| {
            ops[start..end]
                .iter()
                .filter(|&&o| o == op || o == Op::Same)
                .count()
        };
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(i0, count(Op::Delete)),
            range(j0, count(Op::Insert))
        );
        for (&op, &(i, j)) in ops[start..end].iter().zip(&positions[start..end]) {
            let (mark, line) = match op {
                Op::Same => (' ', a[i]),
                Op::Delete => ('-', a[i]),
                Op::Insert => ('+', b[j]),
            };
            // A CRLF line keeps its `\r`, so that `patch` finds the line it changes.
            let text = line.strip_suffix('\n').unwrap_or(line);
            let _ = writeln!(out, "{mark}{text}");
            if !line.ends_with('\n') {
                out.push_str("\\ No newline at end of file\n");
            }
        }
        k = end;
    }
    out
}

/// `start,count` as unified diffs write it: 1-based, `start` alone for one line.
fn range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{count}", start + 1),
    }
}

/// The edit script from `a` to `b`: a longest common subsequence of lines, found by dynamic
/// programming between the common start and end.
fn line_ops(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Same; prefix];
    if ma.len().saturating_mul(mb.len()) > MAX_TABLE {
        ops.extend(std::iter::repeat_n(Op::Delete, ma.len()));
        ops.extend(std::iter::repeat_n(Op::Insert, mb.len()));
    } else {
        // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
        let width = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * width];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * width + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                ops.push(Op::Same);
                (i, j) = (i + 1, j + 1);
            } else if i < ma.len()
                && (j == mb.len() || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
            {
                // Deletions first, as diff tools write a replaced block.
                ops.push(Op::Delete);
                i += 1;
            } else {
                ops.push(Op::Insert);
                j += 1;
            }
        }
    }
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    ops
}

#[test]
fn one_changed_line_with_context() {
    let old = "a\nb\nc\nd\ne\nf\ng\n";
    let new = "a\nb\nc\nD\ne\nf\ng\n";
    assert_eq!(
        unified("x.wit", old, new),
        "--- x.wit\n+++ x.wit (formatted)\n@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n"
    );
}

#[test]
fn distant_changes_make_two_hunks_and_a_missing_newline_shows() {
    let old = "1\n2\n3\n4\n5\n6\n7\n8\n9";
    let new = "one\n2\n3\n4\n5\n6\n7\n8\n9\n";
    insta::assert_snapshot!(unified("x.wit", old, new), @r"
    --- x.wit
    +++ x.wit (formatted)
    @@ -1,3 +1,3 @@
    -1
    +one
     2
     3
    @@ -7,3 +7,3 @@
     7
     8
    -9
    \ No newline at end of file
    +9
    ");
}

#[test]
fn inserted_lines() {
    let diff = unified("x.wit", "a {}\n", "a {\n  b,\n}\n");
    assert_eq!(
        diff,
        "--- x.wit\n+++ x.wit (formatted)\n@@ -1 +1,3 @@\n-a {}\n+a {\n+  b,\n+}\n"
    );
}
