"""The guest of the `asynchronous` world: exports lowered with the async ABI, and the
`stream` and `future` values they return or take, written and read in background tasks."""

import asyncio

import componentize_py_async_support
import wit_world
from componentize_py_async_support.futures import FutureReader
from componentize_py_async_support.streams import StreamReader, StreamWriter


async def count_up(n: int, tx: StreamWriter[int]) -> None:
    # n = 0 counts for ever: the reader decides when to stop (by dropping its end).
    with tx:
        i = 1
        while (n == 0 or i <= n) and not tx.reader_dropped:
            await tx.write_all([i])
            i += 1


class WitWorld(wit_world.WitWorld):
    async def double(self, n: int) -> int:
        await asyncio.sleep(0)
        return 2 * n

    async def numbers(self, n: int) -> StreamReader[int]:
        tx, rx = wit_world.u32_stream()
        componentize_py_async_support.spawn(count_up(n, tx))
        return rx

    async def sum(self, s: StreamReader[int]) -> int:
        total = 0
        with s:
            while not s.writer_dropped:
                total += sum(await s.read(64))
        return total

    async def later(self, text: str) -> FutureReader[str]:
        tx, rx = wit_world.string_future(lambda: "")

        async def answer() -> None:
            await asyncio.sleep(0)
            await tx.write(text)

        componentize_py_async_support.spawn(answer())
        return rx

    async def spawn(self, n: int) -> int:
        async def task() -> int:
            await asyncio.sleep(0)
            return 1

        return sum(await asyncio.gather(*(task() for _ in range(n))))
