//! witty-runner: a wasmtime host that instantiates a built component and calls one export.
//! Built in the runner issue; empty until then.
