"""A real HTTP/1.1 server on 127.0.0.1 (random port) in a thread, for crawler tests and benchmarks.

An *app* is a function from a :class:`Seen` request to a :class:`Reply`. The
server adds ETag/Last-Modified to plain 200 replies and answers conditional
GETs with 304, records every request, and can misbehave on demand (reset the
connection, truncate or stall the body, stream megabytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

LAST_MODIFIED = "Mon, 14 Feb 2022 12:52:19 GMT"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    fault: str | None = None  # reset, truncate, stall
    length: int | None = None  # declared Content-Length for streamed bodies (None: chunked)
    delay: float = 0.0
    validators: bool = True  # add ETag/Last-Modified and honour conditional GETs


def html(text: str, charset: str = "utf-8", encoding: str | None = None, **kw: object) -> Reply:
    """An HTML reply; ``encoding`` (default ``charset``) encodes, ``charset`` is what the header claims."""
    return Reply(body=text.encode(encoding or charset), headers={"Content-Type": f"text/html; charset={charset}"}, **kw)


def json_reply(text: str) -> Reply:
    return Reply(body=text.encode("utf-8"), headers={"Content-Type": "application/json;charset=UTF-8"}, validators=False)


def not_found() -> Reply:
    return Reply(404, b"not found", {"Content-Type": "text/plain"}, validators=False)


App = Callable[[Seen], Reply]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _serve(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)) if body else {}
        seen = Seen(self.command, parts.path, dict(parse_qsl(parts.query, keep_blank_values=True)), form,
                    {k.lower(): v for k, v in self.headers.items()})
        self.server.seen.append(seen)
        with self.server.counting():
            self._reply(seen, self.server.app(seen))

    def _reply(self, seen: Seen, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.fault == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        try:
            self._write(seen, reply)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _write(self, seen: Seen, reply: Reply) -> None:
        headers = dict(reply.headers)
        if isinstance(reply.body, bytes) and reply.validators and reply.status == 200 and seen.method == "GET":
            etag = '"%s"' % hashlib.sha1(reply.body).hexdigest()[:16]
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", LAST_MODIFIED)
            if seen.headers.get("if-none-match") == headers["ETag"]:
                self.send_response(304)
                for k in ("ETag", "Last-Modified"):
                    self.send_header(k, headers[k])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        self.send_response(reply.status)
        for k, v in headers.items():
            self.send_header(k, v)
        if isinstance(reply.body, bytes):
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.fault == "truncate":
                self.wfile.write(reply.body[: len(reply.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if reply.fault == "stall":
                self.wfile.write(reply.body[:10])
                self.wfile.flush()
                time.sleep(5)
            self.wfile.write(reply.body)
            return
        if reply.length is not None:
            self.send_header("Content-Length", str(reply.length))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in reply.body:
            self.wfile.write(chunk if reply.length is not None else b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if reply.length is None:
            self.wfile.write(b"0\r\n\r\n")

    do_GET = do_POST = do_HEAD = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, app: App):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.app = app
        self.seen: list[Seen] = []
        self.inflight = self.max_inflight = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def counting(self) -> Iterator[None]:
        """Track how many requests are being answered at once (``max_inflight``)."""
        with self._lock:
            self.inflight += 1
            self.max_inflight = max(self.max_inflight, self.inflight)
        try:
            yield
        finally:
            with self._lock:
                self.inflight -= 1


class LocalServer:
    """``with LocalServer(app) as server: server.url`` → ``http://127.0.0.1:<port>/``."""

    def __init__(self, app: App):
        self._server = _Server(app)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def seen(self) -> list[Seen]:
        return self._server.seen

    @property
    def max_inflight(self) -> int:
        return self._server.max_inflight

    def paths(self, method: str | None = None) -> list[str]:
        return [s.path for s in self.seen if method is None or s.method == method]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


def combine(*apps: App) -> App:
    """The first app that does not answer 404 wins."""

    def app(seen: Seen) -> Reply:
        for one in apps:
            reply = one(seen)
            if reply.status != 404:
                return reply
        return not_found()

    return app
