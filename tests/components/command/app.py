"""The guest of the `command` world: prints each argument on a line of its own, with a pause
before each, so that a runner which holds output until the end is seen to do so."""

import sys
import time

from componentize_py_types import Err
from wit_world import exports


class Run(exports.Run):
    def run(self) -> None:
        args = sys.argv[1:]
        print(f"{len(args)} arguments", flush=True)
        for arg in args:
            time.sleep(0.4)
            print(arg, flush=True)
        if "fail" in args:
            print("asked to fail", file=sys.stderr, flush=True)
            raise Err(None)
