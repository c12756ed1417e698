"""A local HTTP server for an offline copy of the site, with fault injection.

`MirrorServer` serves a directory such as ``fixtures/site/`` on 127.0.0.1 the way the real site
would: ``/a/b/`` maps to ``a/b/index.html`` (or ``index.xml`` for feeds), content types follow the
file, missing paths get a realistic 404 page, ``_redirects`` gives 301s, HEAD works. Absolute links
to the real site inside text responses are rewritten to the server's own address, so the mirror
keeps realistic absolute URLs and a crawler following them never leaves 127.0.0.1. With
`gzip=True` text bodies are gzip-encoded for clients that accept it, as nginx would.

Faults (`error_then_ok`, `rate_limited`, `unavailable`, `slow`, `drop_connection`, `truncated`,
`wrong_charset`) are attached per path and count their own hits, so tests can prove a crawler
retries, waits and survives.

    with MirrorServer(Path("fixtures/site"), faults={"/feed/": rate_limited(2)}) as server:
        urllib.request.urlopen(server.base_url + "/robots.txt")
        assert server.requests[0] == ("GET", "/robots.txt", 200)
"""

from __future__ import annotations

import contextlib
import gzip
import re
import socket
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

__all__ = [
    "FIXTURE_SITE",
    "Fault",
    "MirrorServer",
    "drop_connection",
    "error_then_ok",
    "rate_limited",
    "slow",
    "truncated",
    "unavailable",
    "wrong_charset",
]

DEFAULT_SITE_URL = "https://spektroom.co.id"
# The committed offline mirror (a source checkout or an editable install; `spektroom demo`).
FIXTURE_SITE = Path(__file__).resolve().parent.parent / "fixtures" / "site"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})
REDIRECTS_FILE = "_redirects"
NOT_FOUND_FILE = "404.html"

# Content types by file extension; XML is refined by sniffing (RSS vs Atom vs sitemap).
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
OCTET_STREAM = "application/octet-stream"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
# Only these are rewritten (real-site URL -> server URL); images stay byte-exact.
TEXT_TYPE_PREFIXES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
RSS_ROOT_RE = re.compile(rb"<rss[\s>]")
ACCEPTS_GZIP_RE = re.compile(r"\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))", re.IGNORECASE)
ATOM_ROOT_RE = re.compile(rb"<feed[\s>]")
REDIRECT_LINE_RE = re.compile(r"^(\S+)\s+(\S+)(?:\s+(30[1278]))?\s*$")
# Index files tried, in order, for a path ending in "/" (feeds are stored as index.xml).
INDEX_FILES = ("index.html", "index.xml")

NOT_FOUND_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Halaman tidak ditemukan - Spektroom</title>
<meta name="robots" content="noindex, follow">
</head>
<body class="error404">
<header class="site-header"><a class="site-logo" href="/">Spektroom</a></header>
<main id="main" class="site-main">
<section class="error-404 not-found">
<h1 class="page-title">Halaman tidak ditemukan</h1>
<p>Maaf, halaman yang Anda cari tidak tersedia atau sudah dipindahkan.
Silakan kembali ke <a href="/">beranda</a> atau gunakan kolom pencarian.</p>
<form role="search" method="get" action="/"><input type="search" name="s"
placeholder="Cari berita..."></form>
</section>
</main>
<footer class="site-footer"><p>&copy; Spektroom. Hak cipta dilindungi.</p></footer>
</body>
</html>
"""

ERROR_PAGES = {
    429: "Terlalu banyak permintaan",
    500: "Terjadi kesalahan pada server",
    502: "Bad Gateway",
    503: "Layanan sedang tidak tersedia",
    504: "Gateway Timeout",
}


def site_url_pattern(site_url: str) -> re.Pattern[bytes]:
    """A bytes regex matching "//host" of the real site (with or without www, any case).

    It matches inside "https://host", "http://host" and protocol-relative "//host". The host must
    end there ("spektroom.co.id.evil.org" and "spektroom.co.idx" are left alone).
    """
    host = (urlsplit(site_url).hostname or "").lower()
    if not host:
        raise ValueError(f"site_url has no host: {site_url!r}")
    if host.startswith("www."):
        host = host[4:]
    escaped = re.escape(host.encode("ascii"))
    # The pattern starts at the literal "//" so the regex engine can jump between candidates
    # (50x faster than a leading optional "https?:"); rewrite() takes the scheme along.
    return re.compile(rb"//(?:www\.)?" + escaped + rb"(?![\w-]|\.\w)", re.IGNORECASE)


@dataclass
class Fault:
    """A misbehaviour injected for one path; fires for its first `times` hits (None: always).

    `kind` is one of: "status" (answer `status`, with Retry-After when `retry_after` is set),
    "slow" (sleep `seconds` then answer normally), "drop" (close the socket without a response),
    "truncated" (announce the full Content-Length, send half, close), "wrong_charset" (declare
    iso-8859-1 in the Content-Type of a UTF-8 body). Use the factory functions below.
    """

    kind: str
    times: int | None = 1
    status: int = 500
    retry_after: int | None = None
    seconds: float = 0.0
    hits: int = 0
    fired: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def hit(self) -> bool:
        """Count one request; True when the fault applies to it."""
        with self._lock:
            self.hits += 1
            if self.times is None or self.fired < self.times:
                self.fired += 1
                return True
            return False

    def reset(self) -> None:
        """Forget all hits, so the fault fires again from the start."""
        with self._lock:
            self.hits = 0
            self.fired = 0


def error_then_ok(status: int = 500, times: int | None = 1) -> Fault:
    """Answer `status` (5xx by default) for the first `times` requests, then serve normally."""
    return Fault("status", times=times, status=status)


def rate_limited(retry_after: int = 1, times: int | None = 1) -> Fault:
    """Answer 429 Too Many Requests with `Retry-After: retry_after` for `times` requests."""
    return Fault("status", times=times, status=429, retry_after=retry_after)


def unavailable(retry_after: int = 1, times: int | None = 1) -> Fault:
    """Answer 503 Service Unavailable with `Retry-After: retry_after` for `times` requests."""
    return Fault("status", times=times, status=503, retry_after=retry_after)


def slow(seconds: float, times: int | None = 1) -> Fault:
    """Sleep `seconds` before answering (set it past the client's timeout) for `times` requests.

    The request is logged when the answer is sent, so a client that gave up still shows up in
    `requests` once the sleep ends (with status 0 if the server stopped first).
    """
    return Fault("slow", times=times, seconds=seconds)


def drop_connection(times: int | None = 1) -> Fault:
    """Close the connection without sending any response, for `times` requests."""
    return Fault("drop", times=times)


def truncated(times: int | None = 1) -> Fault:
    """Send headers with the full Content-Length but only half the body, then close."""
    return Fault("truncated", times=times)


def wrong_charset(times: int | None = None) -> Fault:
    """Declare `charset=iso-8859-1` in the header of a UTF-8 body (every request by default)."""
    return Fault("wrong_charset", times=times)


@dataclass(frozen=True)
class _Resolved:
    """What a request path maps to: a file, a redirect, a slash redirect, or nothing."""

    file: Path | None = None
    location: str | None = None
    status: int = 200


class _MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # Loopback only, many short connections from a concurrent crawler.
    request_queue_size = 128
    allow_reuse_address = True
    mirror: MirrorServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet for clients that hang up (timeouts, faults); loud for real bugs."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    """One connection: keep-alive HTTP/1.1, every response with a Content-Length."""

    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    # Headers and body are separate writes; without this, Nagle + delayed ACK stalls keep-alive.
    disable_nagle_algorithm = True
    server: _MirrorHTTPServer

    def log_message(self, format: str, *args: object) -> None:
        """Silent: per-request logging would dominate the cost of a fast crawl."""

    def setup(self) -> None:
        super().setup()
        self.server.mirror._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.mirror._track(self.connection, add=False)

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        mirror = self.server.mirror
        target = self.path
        path = urlsplit(target).path or "/"
        fault = mirror.fault_for(target, path)
        if fault is not None and not fault.hit():
            fault = None
        if fault is not None:
            if fault.kind == "drop":
                mirror._log(self.command, target, 0)
                self._drop()
                return
            if fault.kind == "status":
                mirror._log(self.command, target, fault.status)
                self._send_error(fault.status, fault.retry_after, head=head)
                return
            if fault.kind == "slow" and mirror._stopping.wait(fault.seconds):
                # The server is shutting down: give up instead of holding the thread.
                mirror._log(self.command, target, 0)
                self._drop()
                return

        resolved = mirror.resolve(path)
        if resolved.location is not None:
            location = resolved.location
            if location.startswith("/"):
                location = mirror.base_url + location
            self.send_response(resolved.status)
            self.send_header("Location", location)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "0")
            mirror._log(self.command, target, resolved.status)
            self.end_headers()
            return

        if resolved.file is None:
            status = 404
            body = mirror.not_found_body()
            content_type = "text/html; charset=utf-8"
        else:
            status = 200
            body = resolved.file.read_bytes()
            content_type = mirror.content_type(resolved.file, body)
            if content_type.startswith(TEXT_TYPE_PREFIXES):
                body = mirror.rewrite(body)

        if fault is not None and fault.kind == "wrong_charset":
            content_type = content_type.split(";", 1)[0] + "; charset=iso-8859-1"

        encoding = None
        if (
            mirror.gzip
            and content_type.startswith(TEXT_TYPE_PREFIXES)
            and ACCEPTS_GZIP_RE.search(self.headers.get("Accept-Encoding", ""))
        ):
            # Level 1: a quarter of the size for a fraction of level 6's CPU.
            body = gzip.compress(body, compresslevel=1, mtime=0)
            encoding = "gzip"

        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        if fault is not None and fault.kind == "truncated":
            self.send_header("Connection", "close")
            mirror._log(self.command, target, status)
            self.end_headers()
            if not head:
                self.wfile.write(body[: len(body) // 2])
            self._drop()
            return
        # Logged before the last write, so a client that has its answer sees it in the log.
        mirror._log(self.command, target, status)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _send_error(self, status: int, retry_after: int | None, *, head: bool) -> None:
        reason = ERROR_PAGES.get(status, "Kesalahan")
        body = (
            f"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<title>{status} {reason}</title></head><body><h1>{status} {reason}</h1>"
            f"<p>Silakan coba beberapa saat lagi.</p></body></html>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if retry_after is not None:
            self.send_header("Retry-After", str(retry_after))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _drop(self) -> None:
        """Close the socket now: the client sees the connection end with no (complete) response."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            # The peer may already be gone; a dropped connection is the point anyway.
            pass


class MirrorServer:
    """Serve an offline site directory on 127.0.0.1 with optional per-path faults.

    A context manager: entering starts a ThreadingHTTPServer in a daemon thread on a free port,
    leaving stops it. `base_url` is "http://127.0.0.1:PORT"; `requests` is a snapshot of every
    (method, path_with_query, status) answered so far (status 0 for a dropped connection).
    """

    def __init__(
        self,
        root: Path | str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: Mapping[str, Fault] | None = None,
        site_url: str = DEFAULT_SITE_URL,
        gzip: bool = False,
    ) -> None:
        if host not in LOOPBACK_HOSTS:
            raise ValueError(f"MirrorServer only binds 127.0.0.1, not {host!r}")
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"mirror root is not a directory: {self.root}")
        self.host = "127.0.0.1"
        self.port = port
        self.site_url = site_url
        # Like nginx's gzip on: text bodies compressed for clients that accept it.
        self.gzip = gzip
        self.faults: dict[str, Fault] = dict(faults or {})
        self._site_re = site_url_pattern(site_url)
        self._redirects = self._load_redirects()
        self._requests: list[tuple[str, str, int]] = []
        self._log_lock = threading.Lock()
        self._conn_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server: _MirrorHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._base_bytes = b""
        self._not_found: bytes | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> MirrorServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._server is not None:
            return self
        self._stopping.clear()
        server = _MirrorHTTPServer((self.host, self.port), _Handler)
        server.mirror = self
        self._server = server
        self.port = server.server_address[1]
        self._base_bytes = self.base_url.encode("ascii")
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name=f"mirror-server-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection (slow faults are cut short)."""
        server = self._server
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        with self._conn_lock:
            connections = list(self._connections)
        for conn in connections:
            # A connection may already be closed by its peer; that is fine.
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The server's own origin, e.g. "http://127.0.0.1:43127" (no trailing slash)."""
        if self._server is None and self.port == 0:
            raise RuntimeError("MirrorServer is not started")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + ("" if path.startswith("/") else "/") + path

    # -- request log -------------------------------------------------------------------------

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """A snapshot of (method, path_with_query, status) for every answered request."""
        with self._log_lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the request log (e.g. between two crawls of one test)."""
        with self._log_lock:
            self._requests.clear()

    def _log(self, method: str, target: str, status: int) -> None:
        with self._log_lock:
            self._requests.append((method, target, status))

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._conn_lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # -- faults ------------------------------------------------------------------------------

    def fault_for(self, target: str, path: str) -> Fault | None:
        """The fault for a request: an exact path-with-query key wins over the bare path."""
        if not self.faults:
            return None
        return self.faults.get(target) or self.faults.get(path)

    # -- mapping paths to files --------------------------------------------------------------

    def _load_redirects(self) -> dict[str, tuple[str, int]]:
        redirects: dict[str, tuple[str, int]] = {}
        source = self.root / REDIRECTS_FILE
        if not source.is_file():
            return redirects
        for number, raw in enumerate(source.read_text("utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            match = REDIRECT_LINE_RE.match(line)
            if not match:
                raise ValueError(f"{source}:{number}: expected 'old-path new-path 301': {raw!r}")
            old, new, status = match.groups()
            redirects[old] = (new, int(status or 301))
        return redirects

    def resolve(self, path: str) -> _Resolved:
        """Map a URL path (no query) to a file, a redirect, or nothing (404)."""
        redirect = self._redirects.get(path)
        if redirect is not None:
            return _Resolved(location=redirect[0], status=redirect[1])
        decoded = unquote(path)
        parts = [p for p in decoded.split("/") if p]
        # No traversal, no hidden or private files (_redirects, _manifest.json, .git).
        if any(p in (".", "..") or p.startswith((".", "_")) for p in parts):
            return _Resolved()
        candidate = self.root.joinpath(*parts) if parts else self.root
        if decoded.endswith("/"):
            for name in INDEX_FILES:
                index = candidate / name
                if index.is_file():
                    return _Resolved(file=index)
            return _Resolved()
        if candidate.is_file():
            return _Resolved(file=candidate)
        if candidate.is_dir() and any((candidate / n).is_file() for n in INDEX_FILES):
            # Like WordPress and nginx: "/feed" -> "/feed/".
            return _Resolved(location=path + "/", status=301)
        return _Resolved()

    def content_type(self, file: Path, body: bytes) -> str:
        """The Content-Type for a file: by extension; XML sniffed as RSS, Atom or plain XML."""
        suffix = file.suffix.lower()
        if suffix == ".xml":
            head = body[:512]
            if RSS_ROOT_RE.search(head):
                return RSS_TYPE
            if ATOM_ROOT_RE.search(head):
                return ATOM_TYPE
        return CONTENT_TYPES.get(suffix, OCTET_STREAM)

    def rewrite(self, body: bytes) -> bytes:
        """Point the real site's absolute URLs at this server; other hosts are left alone."""
        parts: list[bytes] = []
        last = 0
        for match in self._site_re.finditer(body):
            start = match.start()
            scheme = body[max(0, start - 6):start].lower()
            if scheme.endswith(b"https:"):
                start -= 6
            elif scheme.endswith(b"http:"):
                start -= 5
            parts.append(body[last:start])
            parts.append(self._base_bytes)
            last = match.end()
        if not parts:
            return body
        parts.append(body[last:])
        return b"".join(parts)

    def not_found_body(self) -> bytes:
        """The 404 page: the site's own 404.html when the mirror has one, else a built-in one."""
        if self._not_found is None:
            custom = self.root / NOT_FOUND_FILE
            raw = custom.read_bytes() if custom.is_file() else NOT_FOUND_PAGE.encode("utf-8")
            self._not_found = self.rewrite(raw)
        return self._not_found


FAULT_FACTORIES = {
    "error": lambda arg: error_then_ok(int(arg or 500)),
    "429": lambda arg: rate_limited(int(arg or 1)),
    "503": lambda arg: unavailable(int(arg or 1)),
    "slow": lambda arg: slow(float(arg or 5)),
    "drop": lambda arg: drop_connection(),
    "truncated": lambda arg: truncated(),
    "wrong_charset": lambda arg: wrong_charset(),
}


def parse_fault(spec: str) -> tuple[str, Fault]:
    """"/feed/=429:2" -> ("/feed/", rate_limited(2)); kinds: error, 429, 503, slow, drop,
    truncated, wrong_charset, each with an optional ":argument"."""
    path, sep, kind = spec.partition("=")
    name, _, arg = kind.partition(":")
    if not sep or not path.startswith("/") or name not in FAULT_FACTORIES:
        raise ValueError(f"bad fault {spec!r}: expected PATH=KIND[:ARG], KIND one of "
                         f"{', '.join(FAULT_FACTORIES)}")
    return path, FAULT_FACTORIES[name](arg)


def main(argv: list[str] | None = None) -> int:
    """Serve a mirror from the command line (for benchmarks: keeps the server off the crawler's
    CPU). Prints the base URL, then serves until interrupted."""
    import argparse
    import time

    parser = argparse.ArgumentParser(
        prog="python -m spektroom_crawler.mirror",
        description="Serve an offline Spektroom mirror on 127.0.0.1. Example: "
        "python -m spektroom_crawler.mirror fixtures/site --port 8000 --fault /feed/=429:2",
    )
    parser.add_argument("root", type=Path, help="site directory, e.g. fixtures/site")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--gzip", action="store_true", help="gzip text bodies (like nginx)")
    parser.add_argument("--fault", action="append", default=[], metavar="PATH=KIND[:ARG]",
                        help="inject a fault, e.g. /feed/=429:2 or /x/=slow:3 (repeatable)")
    args = parser.parse_args(argv)
    try:
        faults = dict(parse_fault(spec) for spec in args.fault)
        server = MirrorServer(args.root, port=args.port, faults=faults, gzip=args.gzip)
    except (ValueError, FileNotFoundError) as exc:
        parser.error(str(exc))
    with server:
        print(server.base_url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print(f"{len(server.requests)} requests served", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
