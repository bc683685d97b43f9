//! `wit serve`'s server: a `wasi:http/incoming-handler` component answers requests, each on
//! a fresh instance; a component that is not a handler, and a port in use, are refused with
//! a message. The handler is built against the `wasi:http/proxy` world of the
//! wasmtime-wasi-http this crate links (found through `cargo metadata`).

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;

use common::{Fixture, no_cache};
use witty_runner::test_components::{TEAPOT, echo_command, http_handler};

/// A handler that answers every request with 418.
fn handler() -> Vec<u8> {
    http_handler(TEAPOT)
}

/// A handler that traps before answering.
const TRAPPING: &str = r#"
(module
  (func (export "wasi:http/incoming-handler@0.2.12#handle") (param i32 i32) unreachable)
  (memory (export "memory") 1)
)
"#;

/// A handler that never answers.
const SPINNING: &str = r#"
(module
  (func (export "wasi:http/incoming-handler@0.2.12#handle") (param i32 i32)
    (loop $forever (br $forever)))
  (memory (export "memory") 1)
)
"#;

/// Starts serving `f` on a free port in a thread of its own; the address it listens on.
fn start(f: &Fixture) -> SocketAddr {
    start_with(f, no_cache())
}

fn start_with(f: &Fixture, options: witty_runner::RunOptions) -> SocketAddr {
    let (tx, rx) = mpsc::channel();
    let path = f.loaded.path().to_path_buf();
    std::thread::spawn(move || {
        let loaded = witty_runner::Runner::new(options)
            .unwrap()
            .load(&path)
            .unwrap();
        let _ = loaded.serve("127.0.0.1:0".parse().unwrap(), |addr| {
            tx.send(addr).unwrap();
        });
    });
    rx.recv().unwrap()
}

/// The status line of the answer to `GET /`.
fn get(addr: SocketAddr) -> String {
    answer(addr).lines().next().unwrap_or_default().to_string()
}

/// The whole answer to `GET /`.
fn answer(addr: SocketAddr) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn a_handler_answers_every_request() {
    let f = Fixture::new(&handler(), no_cache());
    let addr = start(&f);
    assert_eq!(get(addr), "HTTP/1.1 418 I'm a teapot");
    // A fresh instance each time, the server still up.
    assert_eq!(get(addr), "HTTP/1.1 418 I'm a teapot");
}

#[test]
fn a_handler_that_traps_gets_a_500_and_the_server_goes_on() {
    let f = Fixture::new(&http_handler(TRAPPING), no_cache());
    let addr = start(&f);
    assert_eq!(get(addr), "HTTP/1.1 500 Internal Server Error");
    assert_eq!(get(addr), "HTTP/1.1 500 Internal Server Error");
}

#[test]
fn a_handler_that_never_answers_is_stopped_by_the_time_limit() {
    let f = Fixture::new(&http_handler(SPINNING), no_cache());
    let options = witty_runner::RunOptions {
        timeout: Some(std::time::Duration::from_millis(300)),
        ..no_cache()
    };
    let addr = start_with(&f, options);
    for _ in 0..2 {
        let text = answer(addr);
        let status = text.lines().next().unwrap_or_default();
        // The epoch stops the spinning wasm (500, with the trap) or the wait for an answer
        // ends first (504); either way the time limit is named.
        assert!(
            status == "HTTP/1.1 500 Internal Server Error"
                || status == "HTTP/1.1 504 Gateway Timeout",
            "{text}"
        );
        assert!(text.contains("within 0.3 s"), "{text}");
    }
}

#[test]
fn a_body_past_the_memory_limit_is_refused() {
    let f = Fixture::new(&handler(), no_cache());
    let addr = start(&f);
    let mut stream = TcpStream::connect(addr).unwrap();
    // A gigabyte announced: refused before the guest runs, without reading it.
    stream
        .write_all(
            b"POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 1073741824\r\n\
              Connection: close\r\n\r\nsome",
        )
        .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("HTTP/1.1 413 Payload Too Large"),
        "{text}"
    );
    assert!(text.contains("raise it with --max-memory"), "{text}");
    assert_eq!(get(addr), "HTTP/1.1 418 I'm a teapot");
}

#[test]
fn what_cannot_be_served() {
    let f = Fixture::new(&echo_command(), no_cache());
    let error = f.loaded.serve("127.0.0.1:0".parse().unwrap(), |_| {});
    insta::assert_snapshot!(f.relative(&error.unwrap_err().message), @"comp.wasm: not an HTTP handler: it exports no `wasi:http/incoming-handler@0.2.x` (no exported instance named `wasi:http/incoming-handler@0.2.12`); `wit serve` runs those, and `wit run` calls other exports");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let h = Fixture::new(&handler(), no_cache());
    let error = h.loaded.serve(addr, |_| {}).unwrap_err();
    let message = h
        .relative(&error.message)
        .replace(&addr.to_string(), "ADDR");
    insta::assert_snapshot!(message, @"comp.wasm: cannot listen on ADDR: Address already in use (os error 98) (choose another address with --addr)");
}
