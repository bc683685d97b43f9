//! `wit run`, `wit test` and `wit serve` on components built by real toolchains
//! (componentize-py, componentize-js) from tests/components, by scripts/build_components.py:
//! records, variants, flags and a resource from both languages, an async export, a command
//! with arguments and streamed output, a `wasi:http` handler and an outgoing request.
//! Outside scripts/test, a component that was never built skips its test with a message.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use witty_runner::test_components::built;

fn sources(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/components")
        .join(name)
}

/// `exit N` and what `wit ARGS` printed, the component's folder written as `$DIR`.
fn check(component: &Path, args: &[&str]) -> String {
    let dir = component.parent().unwrap();
    let mut all = vec![args[0], component.to_str().unwrap()];
    all.extend(&args[1..]);
    let out = wit(&all, dir);
    format!("exit {:?}\n{}", out.status.code(), text(&out))
        .replace(&format!("{}/", dir.display()), "$DIR/")
}

/// The outputs of `args` on each component that was built, which must all agree: the same
/// WIT built by different toolchains gives the same answers. `None` when none was built.
fn agreed(names: &[&str], run: impl Fn(&Path) -> String) -> Option<String> {
    let mut outputs = Vec::new();
    for name in names {
        outputs.push((name, run(&built(name)?)));
    }
    for (name, output) in &outputs[1..] {
        assert_eq!(
            output, &outputs[0].1,
            "{name} and {} disagree",
            outputs[0].0
        );
    }
    outputs.into_iter().next().map(|(_, o)| o)
}

/// The same calls on the Python and the JavaScript guest of the `shapes` world give the same
/// answers: both toolchains' lowerings of records, variants, enums, flags and results.
#[test]
fn records_variants_and_resources_from_both_toolchains() {
    let calls = [
        r#"greet("wit")"#,
        "witty-test:shapes/geometry@0.1.0.step({x: 2, y: 3}, west)",
        "geometry.area(rectangle({x: 3, y: 4}))",
        "geometry.area(circle(2))",
        "geometry.describe(empty)",
        "geometry.describe(circle(2))",
        "geometry.styles({bold, italic})",
        "geometry.count-from(5, 3)",
    ];
    let Some(out) = agreed(&["shapes", "shapes-js"], |c| {
        calls.iter().map(|call| check(c, &["run", call])).collect()
    }) else {
        return;
    };
    insta::assert_snapshot!(out, @r#"
        exit Some(0)
        "hello, wit"
        exit Some(0)
        {x: 1, y: 3}
        exit Some(0)
        12
        exit Some(0)
        12
        exit Some(0)
        err("nothing to describe")
        exit Some(0)
        ok("circle of radius 2")
        exit Some(0)
        ["bold", "italic"]
        exit Some(0)
        8
    "#);
}

#[test]
fn a_real_component_lists_its_exports() {
    let Some(c) = built("shapes") else { return };
    // `exports` is componentize-py's own instance, which its build step calls.
    insta::assert_snapshot!(check(&c, &["run"]), @r"
        exit Some(0)
        exports:
          init: func(app-name: string, symbols: symbols, stub-wasi: bool) -> result<_, string>
        greet: func(name: string) -> string
        witty-test:shapes/geometry@0.1.0:
          [constructor]counter: func(start: u32) -> counter
          [method]counter.increment: func(self: borrow<counter>) -> u32
          step: func(p: point, d: direction) -> point
          area: func(s: shape) -> u32
          describe: func(s: shape) -> result<string, string>
          styles: func(s: style) -> list<string>
          count-from: func(start: u32, n: u32) -> u32
    ");
}

#[test]
fn the_examples_in_the_docs_pass_on_both_guests() {
    let wit = sources("shapes").join("wit");
    let Some(out) = agreed(&["shapes", "shapes-js"], |c| {
        check(c, &["test", wit.to_str().unwrap()])
    }) else {
        return;
    };
    insta::assert_snapshot!(out, @r#"
        exit Some(0)
        PASS greet: greet("wit") == "hello, wit"
        PASS witty-test:shapes/geometry@0.1.0.step: step({x: 0, y: 0}, north) == {x: 0, y: 1}
        PASS witty-test:shapes/geometry@0.1.0.step: step({x: 2, y: 3}, west) == {x: 1, y: 3}
        PASS witty-test:shapes/geometry@0.1.0.area: area(rectangle({x: 3, y: 4})) == 12
        PASS witty-test:shapes/geometry@0.1.0.area: area(circle(1)) == 3
        PASS witty-test:shapes/geometry@0.1.0.area: area(empty) == 0
        PASS witty-test:shapes/geometry@0.1.0.describe: describe(circle(2)) == ok("circle of radius 2")
        PASS witty-test:shapes/geometry@0.1.0.describe: describe(empty) == err("nothing to describe")
        PASS witty-test:shapes/geometry@0.1.0.styles: styles({bold, italic}) == ["bold", "italic"]
        PASS witty-test:shapes/geometry@0.1.0.count-from: count-from(5, 3) == 8
        10 passed, 0 failed
    "#);
}

#[test]
fn an_async_export_is_called_and_tested() {
    let Some(c) = built("async") else { return };
    let wit = sources("async").join("wit");
    let run = check(&c, &["run", "double(21)"]);
    let test = check(&c, &["test", wit.to_str().unwrap()]);
    insta::assert_snapshot!(format!("{run}{test}"), @"
    exit Some(0)
    42
    exit Some(0)
    PASS double: double(21) == 42
    PASS spawn: spawn(100) == 100
    2 passed, 0 failed
    ");
}

/// Each line of a command reaches stdout when the guest writes it: the first arrives while
/// the guest still sleeps before the next ones.
#[test]
fn a_command_gets_its_arguments_and_streams_its_output() {
    let Some(c) = built("command") else { return };
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args([
            "run",
            c.to_str().unwrap(),
            "--",
            "one",
            "two words",
            "three",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        lines.push((line.unwrap(), start.elapsed()));
    }
    let status = child.wait().unwrap();
    let end = start.elapsed();
    let printed: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(printed, ["3 arguments", "one", "two words", "three"]);
    assert_eq!(status.code(), Some(0));
    // The guest sleeps 0.4 s before each argument: the first line came at least a second
    // before the process ended, so it was not held back until the end.
    let first = lines[0].1;
    assert!(
        end - first >= Duration::from_millis(1000),
        "the first line came {first:?} after the start and the end {end:?}: held back"
    );
}

#[test]
fn a_command_that_fails_exits_with_its_code() {
    let Some(c) = built("command") else { return };
    insta::assert_snapshot!(check(&c, &["run", "--", "fail"]), @"
    exit Some(1)
    1 arguments
    fail
    asked to fail
    ");
}

/// A one-shot HTTP server on a free local port: answers the first request with `body`.
fn local_server(body: &'static str) -> (u16, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut head = String::new();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).unwrap();
        head.lines().next().unwrap_or_default().to_string()
    });
    (port, handle)
}

#[test]
fn an_outgoing_request_is_refused_unless_allowed() {
    let Some(c) = built("web") else { return };
    let (port, server) = local_server("hi from the host");
    let call = format!("fetch(\"http://127.0.0.1:{port}/greeting\")");
    let refused = check(&c, &["run", &call]).replace(&port.to_string(), "PORT");
    let allowed = check(
        &c,
        &["run", &call, "--allow-http", &format!("127.0.0.1:{port}")],
    );
    insta::assert_snapshot!(format!("{refused}{allowed}").replace(&port.to_string(), "PORT"), @r#"
    exit Some(0)
    err("the request failed: ErrorCode_HttpRequestDenied()")
    note: the guest's HTTP request to 127.0.0.1:PORT was refused: the sandbox has no network; allow a host with --allow-http 127.0.0.1 (or every host with --inherit-network)
    exit Some(0)
    ok("200 hi from the host")
    "#);
    assert_eq!(server.join().unwrap(), "GET /greeting HTTP/1.1");
}

/// `wit serve` on the web component: the address it prints, then two requests.
fn serve(component: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wit"))
        .args([
            "serve",
            component.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (child, addr)
}

fn request(addr: &str, head: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    let text = format!(
        "{head}\r\nHost: test\r\ncontent-length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(text.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.lines().next().unwrap_or_default();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    format!("{status}\n{body}")
}

#[test]
fn a_python_handler_is_served() {
    let Some(c) = built("web") else { return };
    let (mut child, addr) = serve(&c);
    // HTTP/1.0, so that the body comes whole rather than in chunks.
    let get = request(&addr, "GET /hello?x=1 HTTP/1.0", "");
    let post = request(&addr, "POST /echo HTTP/1.0", "12345");
    child.kill().unwrap();
    child.wait().unwrap();
    insta::assert_snapshot!(format!("{get}{post}"), @"
    HTTP/1.0 200 OK
    hello from python: GET /hello?x=1 (0 bytes)
    HTTP/1.0 200 OK
    hello from python: POST /echo (5 bytes)
    ");
}
