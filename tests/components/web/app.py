"""The guest of the `web` world: an HTTP handler that says what it was asked, and `fetch`,
which sends a request of its own through `wasi:http/outgoing-handler`."""

from urllib.parse import urlsplit

import wit_world
from componentize_py_types import Err, Ok
from wit_world import exports
from wit_world.imports import outgoing_handler
from wit_world.imports.streams import StreamError_Closed
from wit_world.imports.types import (
    Fields,
    IncomingBody,
    IncomingRequest,
    Method_Get,
    OutgoingBody,
    OutgoingRequest,
    OutgoingResponse,
    ResponseOutparam,
    Scheme_Http,
    Scheme_Https,
)


def read_all(body: IncomingBody) -> bytes:
    chunks = []
    with body.stream() as stream:
        while True:
            try:
                chunks.append(stream.blocking_read(65536))
            except Err as e:
                if isinstance(e.value, StreamError_Closed):
                    break
                raise
    return b"".join(chunks)


class WitWorld(wit_world.WitWorld):
    def fetch(self, url: str) -> str:
        parts = urlsplit(url)
        request = OutgoingRequest(Fields())
        request.set_method(Method_Get())
        request.set_scheme(Scheme_Https() if parts.scheme == "https" else Scheme_Http())
        request.set_authority(parts.netloc)
        request.set_path_with_query((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        try:
            future = outgoing_handler.handle(request, None)
        except Err as e:
            raise Err(f"the host refused the request: {e.value}")
        with future.subscribe() as ready:
            ready.block()
        outcome = future.get()
        if outcome is None or isinstance(outcome, Err):
            raise Err("the response was not ready")
        if isinstance(outcome.value, Err):
            raise Err(f"the request failed: {outcome.value.value}")
        response = outcome.value.value
        body = read_all(response.consume())
        return f"{response.status()} {body.decode()}"


class IncomingHandler(exports.IncomingHandler):
    def handle(self, request: IncomingRequest, response_out: ResponseOutparam) -> None:
        method = type(request.method()).__name__.removeprefix("Method_").upper()
        path = request.path_with_query() or "/"
        received = read_all(request.consume())
        text = f"hello from python: {method} {path} ({len(received)} bytes)\n"
        response = OutgoingResponse(Fields.from_list([("content-type", b"text/plain")]))
        response.set_status_code(200)
        body = response.body()
        ResponseOutparam.set(response_out, Ok(response))
        with body.write() as stream:
            stream.blocking_write_and_flush(text.encode())
        OutgoingBody.finish(body, None)
