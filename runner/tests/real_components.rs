//! The runner on components built by componentize-py from tests/components (see
//! scripts/build_components.py): async exports with `stream` and `future` values both ways,
//! an endless stream, ten thousand tasks. Each call ends inside its limits with a clear
//! outcome, and the next call on the same component still works. Outside scripts/test a
//! component that was never built skips its test with a message.

mod common;

use std::time::{Duration, Instant};

use witty_runner::test_components::built;
use witty_runner::{CallOutput, Loaded, RunOptions, Runner};

/// The component, with the compiled-code cache that scripts/test shares between runs (an
/// 18 MB component takes a while to compile in a debug build) and a time limit.
fn load(name: &str, timeout: Duration) -> Option<Loaded> {
    let path = built(name)?;
    let options = RunOptions {
        timeout: Some(timeout),
        ..RunOptions::default()
    };
    let loaded = Runner::new(options)
        .unwrap()
        .load(&path)
        .unwrap_or_else(|e| panic!("{}", e.message));
    Some(loaded)
}

/// `=> result` or `error: message` (its first line), then what the guest printed.
fn show(output: CallOutput) -> String {
    let mut text = match &output.result {
        Ok(_) => format!("=> {}", output.wave().unwrap()),
        Err(e) => format!("error: {}", e.message.lines().next().unwrap_or_default()),
    };
    for note in &output.notes {
        text.push_str(&format!("\nnote: {note}"));
    }
    text
}

/// Each call in turn, `call` then its outcome.
fn check(loaded: &Loaded, calls: &[&str]) -> String {
    calls
        .iter()
        .map(|call| format!("{call}\n{}\n", show(loaded.call(call))))
        .collect::<String>()
        .replace(&format!("{}: ", loaded.path().display()), "")
}

#[test]
fn streams_and_futures_both_ways() {
    let Some(c) = load("async", Duration::from_secs(60)) else {
        return;
    };
    insta::assert_snapshot!(check(&c, &[
        "double(21)",
        "numbers(3)",
        "later(\"soon\")",
        "sum([1, 2, 3])",
        "double(1)",
    ]), @r#"
    double(21)
    => 42
    numbers(3)
    => <stream>
    later("soon")
    => <future>
    sum([1, 2, 3])
    error: `sum` takes a stream (`s`), which a CALL cannot write (WAVE has no syntax for one): call a function that makes it and passes it on
    double(1)
    => 2
    "#);
}

/// A stream the guest would write for ever is not read to its end: the call returns, and the
/// next one runs.
#[test]
fn an_endless_stream_ends_the_call() {
    let Some(c) = load("async", Duration::from_secs(60)) else {
        return;
    };
    let start = Instant::now();
    let out = check(&c, &["numbers(0)", "double(2)"]);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    insta::assert_snapshot!(out, @"
    numbers(0)
    => <stream>
    double(2)
    => 4
    ");
}

#[test]
fn ten_thousand_tasks_run_or_are_stopped_in_time() {
    let Some(c) = load("async", Duration::from_secs(60)) else {
        return;
    };
    insta::assert_snapshot!(check(&c, &["spawn(10000)", "double(3)"]), @"
    spawn(10000)
    => 10000
    double(3)
    => 6
    ");
}
