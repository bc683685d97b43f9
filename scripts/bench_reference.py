#!/usr/bin/env python3
"""The reference runtime of scripts/bench_run.py: wasmtime's own Python bindings (the
`wasmtime` package from PyPI, pinned in tests/components/requirements.txt) load a component
and call one export taking a string, in a process of its own, as `wit run` does.

    bench_reference.py serialize COMPONENT CWASM   # compile and write the compiled code
    bench_reference.py cached CWASM EXPORT ARG     # deserialize, link WASI, instantiate, call
    bench_reference.py cold COMPONENT EXPORT ARG   # the same, compiling instead

`cached` and `cold` print the result, then one JSON line of the in-process times (seconds):
import of the bindings, load (deserialize or compile), instantiate, call; the whole process
is timed by the caller.
"""

import json
import sys
import time

start = time.perf_counter()
import wasmtime  # noqa: E402
from wasmtime import component  # noqa: E402

imported = time.perf_counter()


def engine() -> wasmtime.Engine:
    # The configuration wit runs with: the component model and its async ABI, and epoch
    # interruption for the time limit, which changes the compiled code.
    config = wasmtime.Config()
    config.epoch_interruption = True
    return wasmtime.Engine(config)


def main() -> None:
    mode = sys.argv[1]
    if mode == "serialize":
        _, _, wasm, cwasm = sys.argv
        compiled = component.Component.from_file(engine(), wasm)
        with open(cwasm, "wb") as out:
            out.write(compiled.serialize())
        return
    _, _, path, export, arg = sys.argv
    eng = engine()
    t0 = time.perf_counter()
    if mode == "cached":
        compiled = component.Component.deserialize_file(eng, path)
    else:
        compiled = component.Component.from_file(eng, path)
    t1 = time.perf_counter()
    linker = component.Linker(eng)
    # componentize-js builds import wasi:http/types as well, as wit provides them.
    linker.add_wasip2()
    linker.add_wasi_http()
    store = wasmtime.Store(eng)
    store.set_wasi(wasmtime.WasiConfig())
    store.set_wasi_http()
    store.set_epoch_deadline(1)
    instance = linker.instantiate(store, compiled)
    t2 = time.perf_counter()
    func = instance.get_func(store, export)
    result = func(store, arg)
    func.post_return(store)
    t3 = time.perf_counter()
    print(result)
    print(json.dumps({
        "import": imported - start,
        "load": t1 - t0,
        "instantiate": t2 - t1,
        "call": t3 - t2,
    }))


if __name__ == "__main__":
    main()
