//! Commands: a component exporting `wasi:cli/run` runs with arguments, and its exit code
//! is its result's; a missing WASI import is never stubbed over what WASI provides.

mod common;

use common::{Fixture, no_cache};
use witty_runner::RunOptions;
use witty_runner::test_components::echo_command;

fn run(args: &[&str]) -> String {
    let options = RunOptions {
        args: args.iter().map(|a| a.to_string()).collect(),
        ..no_cache()
    };
    let f = Fixture::new(&echo_command(), options);
    let output = f.loaded.run_command();
    let code = output.exit_code;
    format!("exit {code:?}\n{}", f.show(output))
}

#[test]
fn arguments_reach_the_command_and_its_result_is_the_exit_code() {
    insta::assert_snapshot!(run(&["one", "two words"]), @r#"
    exit Some(0)
    => ok
    stdout: "comp.wasm\none\ntwo words\n"
    "#);
    insta::assert_snapshot!(run(&["a", "b", "c"]), @r#"
    exit Some(1)
    => err
    stdout: "comp.wasm\na\nb\nc\n"
    "#);
    insta::assert_snapshot!(run(&[]), @r#"
    exit Some(0)
    => ok
    stdout: "comp.wasm\n"
    "#);
}

#[test]
fn a_component_that_is_not_a_command() {
    let f = Fixture::new(&witty_runner::test_components::async_adder(), no_cache());
    insta::assert_snapshot!(f.show(f.loaded.run_command()), @"error (exit 2): comp.wasm: not a command: it exports no `wasi:cli/run` (0.2 or 0.3) to run with arguments; call one of its exports instead (`wit run COMPONENT` lists them)");
}

#[test]
fn a_wasi_0_3_command_runs_with_its_arguments() {
    let run = |args: &[&str]| {
        let options = RunOptions {
            args: args.iter().map(|a| a.to_string()).collect(),
            ..no_cache()
        };
        let f = Fixture::new(&witty_runner::test_components::p3_command(), options);
        let output = f.loaded.run_command();
        let code = output.exit_code;
        format!("exit {code:?}\n{}", f.show(output))
    };
    insta::assert_snapshot!(run(&["one", "two"]), @"
    exit Some(0)
    => ok
    ");
    insta::assert_snapshot!(run(&["a", "b", "c"]), @"
    exit Some(1)
    => err
    ");
}
