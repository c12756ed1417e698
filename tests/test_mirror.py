"""The offline mirror: its HTTP server (files, rewriting, 404, 301, HEAD, log, faults)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit
from xml.etree import ElementTree

import lxml.html
import pytest

from spektroom_crawler.mirror import (
    Fault,
    MirrorServer,
    drop_connection,
    error_then_ok,
    parse_fault,
    rate_limited,
    site_url_pattern,
    slow,
    truncated,
    unavailable,
    wrong_charset,
)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "fixtures" / "site"

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Banjir Rendam Tiga Kecamatan di Agam – Spektroom</title>
<link rel="canonical" href="https://spektroom.co.id/2025/11/27/banjir-agam/">
</head><body>
<a href="https://www.spektroom.co.id/category/daerah/">Daerah</a>
<a href="http://spektroom.co.id/tag/bencana/?utm_source=home">Bencana</a>
<a href="//spektroom.co.id/author/apolonius/">Apolonius</a>
<a href="HTTPS://SPEKTROOM.CO.ID/">Beranda</a>
<a href="https://www.antaranews.com/berita/123/banjir-agam">Antara</a>
<a href="https://spektroom.co.id.evil.example/x/">bukan situs</a>
<p>AGAM, Spektroom – Banjir merendam tiga kecamatan, Kamis (27/11/2025).</p>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Spektroom</title>
<link>https://spektroom.co.id/</link>
<item><title>Banjir Rendam Tiga Kecamatan</title>
<link>https://spektroom.co.id/2025/11/27/banjir-agam/</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Spektroom</title>
<link href="https://spektroom.co.id/"/></feed>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://spektroom.co.id/2025/11/27/banjir-agam/</loc><lastmod>2025-11-27T10:05:00+07:00</lastmod></url>
</urlset>
"""

ROBOTS = "User-agent: *\nDisallow: /draft/\nSitemap: https://spektroom.co.id/sitemap.xml\n"

# A fake JPEG that happens to contain the site URL: binary bodies must never be rewritten.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00https://spektroom.co.id/\xff\xd9"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    article = root / "2025" / "11" / "27" / "banjir-agam"
    article.mkdir(parents=True)
    (article / "index.html").write_text(ARTICLE_HTML, "utf-8")
    (root / "index.html").write_text("<html><body><h1>Beranda Spektroom</h1></body></html>")
    (root / "feed").mkdir()
    (root / "feed" / "index.xml").write_text(RSS, "utf-8")
    (root / "rss").mkdir()
    (root / "rss" / "index.xml").write_text(ATOM, "utf-8")
    (root / "sitemap.xml").write_text(SITEMAP, "utf-8")
    (root / "robots.txt").write_text(ROBOTS, "utf-8")
    uploads = root / "wp-content" / "uploads" / "2025" / "11"
    uploads.mkdir(parents=True)
    (uploads / "banjir.jpg").write_bytes(JPEG)
    (root / "_redirects").write_text(
        "# old slug -> new slug\n"
        "/banjir-agam-lama/ /2025/11/27/banjir-agam/ 301\n"
        "/sementara/ /feed/ 302\n",
        "utf-8",
    )
    (root / "_manifest.json").write_text("{}", "utf-8")
    return root


@pytest.fixture()
def server(site: Path) -> Iterator[MirrorServer]:
    with MirrorServer(site) as srv:
        yield srv


def fetch(
    srv: MirrorServer, path: str, method: str = "GET", timeout: float = 5.0
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=timeout)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


def raw_exchange(srv: MirrorServer, path: str, timeout: float = 5.0) -> bytes:
    """Send one GET over a raw socket and read until the server closes (Connection: close)."""
    with socket.create_connection((srv.host, srv.port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


# -- serving files ------------------------------------------------------------------------------


def test_base_url_is_loopback_on_a_free_port(server: MirrorServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    assert server.port > 0
    assert server.url("/feed/") == server.base_url + "/feed/"


@pytest.mark.parametrize("host", ["0.0.0.0", "", "192.168.1.10", "::"])
def test_refuses_to_bind_anything_but_loopback(site: Path, host: str) -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        MirrorServer(site, host=host)


def test_missing_root_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        MirrorServer(tmp_path / "nope")


def test_base_url_before_start_is_an_error(site: Path) -> None:
    with pytest.raises(RuntimeError):
        _ = MirrorServer(site).base_url


@pytest.mark.parametrize(
    ("path", "content_type", "marker"),
    [
        ("/", "text/html; charset=utf-8", b"Beranda Spektroom"),
        ("/2025/11/27/banjir-agam/", "text/html; charset=utf-8", b"AGAM, Spektroom"),
        ("/2025/11/27/banjir-agam/?utm_source=wa&utm_medium=share", "text/html; charset=utf-8",
         b"AGAM, Spektroom"),
        ("/feed/", "application/rss+xml; charset=utf-8", b"<rss"),
        ("/rss/", "application/atom+xml; charset=utf-8", b"<feed"),
        ("/sitemap.xml", "application/xml; charset=utf-8", b"<urlset"),
        ("/robots.txt", "text/plain; charset=utf-8", b"Disallow: /draft/"),
        ("/wp-content/uploads/2025/11/banjir.jpg", "image/jpeg", b"JFIF"),
    ],
)
def test_serves_files_with_content_types(
    server: MirrorServer, path: str, content_type: str, marker: bytes
) -> None:
    status, headers, body = fetch(server, path)
    assert status == 200
    assert headers["content-type"] == content_type
    assert int(headers["content-length"]) == len(body)
    assert marker in body


def test_binary_files_are_served_byte_exact(server: MirrorServer) -> None:
    _, _, body = fetch(server, "/wp-content/uploads/2025/11/banjir.jpg")
    assert body == JPEG


def test_rewrites_real_site_urls_to_the_server(server: MirrorServer) -> None:
    _, _, raw = fetch(server, "/2025/11/27/banjir-agam/")
    body = raw.decode("utf-8")
    base = server.base_url
    assert f'href="{base}/2025/11/27/banjir-agam/"' in body
    assert f'href="{base}/category/daerah/"' in body
    assert f'href="{base}/tag/bencana/?utm_source=home"' in body
    assert f'href="{base}/author/apolonius/"' in body
    assert f'href="{base}/"' in body
    # Other hosts stay as they are, including a look-alike host.
    assert 'href="https://www.antaranews.com/berita/123/banjir-agam"' in body
    assert 'href="https://spektroom.co.id.evil.example/x/"' in body
    assert "//spektroom.co.id/" not in body.replace("spektroom.co.id.evil", "")


@pytest.mark.parametrize("path", ["/feed/", "/sitemap.xml", "/robots.txt"])
def test_rewrites_feeds_sitemaps_and_robots(server: MirrorServer, path: str) -> None:
    _, _, body = fetch(server, path)
    assert server.base_url.encode() in body
    assert b"spektroom.co.id" not in body


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        (b"https://spektroom.co.id/a/", True),
        (b"http://spektroom.co.id/", True),
        (b"https://www.spektroom.co.id", True),
        (b"//spektroom.co.id/x", True),
        (b"HTTPS://WWW.SPEKTROOM.CO.ID/", True),
        (b"https://spektroom.co.idx/", False),
        (b"https://spektroom.co.id.evil.example/", False),
        (b"https://notspektroom.co.id/", False),
        (b"https://www.antaranews.com/", False),
        (b"spektroom.co.id", False),
        (b"", False),
    ],
)
def test_site_url_pattern(text: bytes, matches: bool) -> None:
    assert bool(site_url_pattern("https://spektroom.co.id").search(text)) is matches


@pytest.mark.parametrize("bad", ["", "not a url", "https://"])
def test_site_url_pattern_needs_a_host(bad: str) -> None:
    with pytest.raises(ValueError):
        site_url_pattern(bad)


def test_other_site_url_is_honoured(site: Path) -> None:
    with MirrorServer(site, site_url="https://www.example.org") as srv:
        _, _, body = fetch(srv, "/robots.txt")
    assert b"https://spektroom.co.id/sitemap.xml" in body


# -- 404, redirects, HEAD -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/tidak-ada/",
        "/2025/11/27/",
        "/sitemap2.xml",
        "/_redirects",
        "/_manifest.json",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/.git/config",
    ],
)
def test_missing_and_private_paths_are_404(server: MirrorServer, path: str) -> None:
    status, headers, body = fetch(server, path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert b"Halaman tidak ditemukan" in body


def test_custom_404_page_is_used_and_rewritten(site: Path) -> None:
    (site / "404.html").write_text(
        '<html><body><h1>Halaman tidak ditemukan</h1><a href="https://spektroom.co.id/">'
        "Beranda</a></body></html>",
        "utf-8",
    )
    with MirrorServer(site) as srv:
        status, _, body = fetch(srv, "/hilang/")
        assert status == 404
        assert f'href="{srv.base_url}/"'.encode() in body


def test_redirects_file_gives_absolute_location(server: MirrorServer) -> None:
    status, headers, body = fetch(server, "/banjir-agam-lama/?utm_source=fb")
    assert status == 301
    assert headers["location"] == server.base_url + "/2025/11/27/banjir-agam/"
    assert body == b""
    status, headers, _ = fetch(server, "/sementara/")
    assert status == 302
    assert headers["location"] == server.base_url + "/feed/"


def test_urllib_follows_the_redirect(server: MirrorServer) -> None:
    with urllib.request.urlopen(server.url("/banjir-agam-lama/"), timeout=5) as resp:
        assert resp.status == 200
        assert resp.url == server.url("/2025/11/27/banjir-agam/")
        assert b"AGAM, Spektroom" in resp.read()


def test_directory_without_slash_redirects_to_slash(server: MirrorServer) -> None:
    status, headers, _ = fetch(server, "/feed")
    assert status == 301
    assert headers["location"] == server.base_url + "/feed/"


def test_malformed_redirects_file_is_an_error(site: Path) -> None:
    (site / "_redirects").write_text("/only-one-column/\n", "utf-8")
    with pytest.raises(ValueError, match="_redirects:1"):
        MirrorServer(site)


def test_head_sends_headers_without_body(server: MirrorServer) -> None:
    get_status, get_headers, get_body = fetch(server, "/2025/11/27/banjir-agam/")
    status, headers, body = fetch(server, "/2025/11/27/banjir-agam/", method="HEAD")
    assert (status, body) == (get_status, b"")
    assert headers["content-length"] == get_headers["content-length"] == str(len(get_body))
    assert headers["content-type"] == get_headers["content-type"]
    assert fetch(server, "/tidak-ada/", method="HEAD")[0] == 404


def test_keep_alive_serves_several_requests_on_one_connection(server: MirrorServer) -> None:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=5)
    try:
        for path in ("/", "/feed/", "/robots.txt", "/tidak-ada/"):
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            assert resp.status in (200, 404)
        assert conn.sock is not None  # never reconnected
    finally:
        conn.close()


def test_request_log_records_method_path_query_and_status(server: MirrorServer) -> None:
    fetch(server, "/robots.txt")
    fetch(server, "/2025/11/27/banjir-agam/?utm_source=home", method="HEAD")
    fetch(server, "/banjir-agam-lama/")
    fetch(server, "/tidak-ada/")
    assert server.requests == [
        ("GET", "/robots.txt", 200),
        ("HEAD", "/2025/11/27/banjir-agam/?utm_source=home", 200),
        ("GET", "/banjir-agam-lama/", 301),
        ("GET", "/tidak-ada/", 404),
    ]
    server.clear_requests()
    assert server.requests == []


def test_request_log_is_thread_safe_under_concurrency(server: MirrorServer) -> None:
    def worker() -> None:
        for _ in range(25):
            fetch(server, "/feed/")

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert server.requests == [("GET", "/feed/", 200)] * 200


def test_stop_then_connection_refused(site: Path) -> None:
    srv = MirrorServer(site).start()
    port = srv.port
    assert fetch(srv, "/")[0] == 200
    srv.stop()
    srv.stop()  # idempotent
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


# -- faults -------------------------------------------------------------------------------------

ARTICLE = "/2025/11/27/banjir-agam/"


def test_error_then_ok(site: Path) -> None:
    fault = error_then_ok(500, times=2)
    with MirrorServer(site, faults={ARTICLE: fault}) as srv:
        statuses = [fetch(srv, ARTICLE)[0] for _ in range(3)]
        assert statuses == [500, 500, 200]
        assert fetch(srv, "/feed/")[0] == 200  # other paths unaffected
        assert [r[2] for r in srv.requests] == [500, 500, 200, 200]
    assert (fault.hits, fault.fired) == (3, 2)


def test_error_then_ok_other_status(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: error_then_ok(status=502)}) as srv:
        assert [fetch(srv, ARTICLE)[0] for _ in range(2)] == [502, 200]


@pytest.mark.parametrize(
    ("fault", "status"),
    [(rate_limited(retry_after=7), 429), (unavailable(retry_after=3), 503)],
)
def test_retry_after_faults(site: Path, fault: Fault, status: int) -> None:
    with MirrorServer(site, faults={ARTICLE: fault}) as srv:
        first_status, headers, body = fetch(srv, ARTICLE)
        assert first_status == status
        assert headers["retry-after"] == str(fault.retry_after)
        assert int(headers["content-length"]) == len(body) > 0
        second_status, headers, _ = fetch(srv, ARTICLE)
        assert second_status == 200
        assert "retry-after" not in headers
    assert fault.hits == 2


def test_rate_limited_head_has_no_body(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: rate_limited(2)}) as srv:
        status, headers, body = fetch(srv, ARTICLE, method="HEAD")
    assert (status, headers["retry-after"], body) == (429, "2", b"")


def test_fault_times_none_fires_forever(site: Path) -> None:
    fault = unavailable(retry_after=1, times=None)
    with MirrorServer(site, faults={"/feed/": fault}) as srv:
        assert {fetch(srv, "/feed/")[0] for _ in range(5)} == {503}
    assert fault.hits == fault.fired == 5
    fault.reset()
    assert (fault.hits, fault.fired) == (0, 0)


def test_slow_answers_after_the_client_timeout(site: Path) -> None:
    fault = slow(1.0)
    with MirrorServer(site, faults={ARTICLE: fault}) as srv:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            fetch(srv, ARTICLE, timeout=0.3)
        assert time.monotonic() - started < 0.9
        # The second hit is not slowed (times=1): a retry succeeds quickly.
        started = time.monotonic()
        assert fetch(srv, ARTICLE, timeout=2)[0] == 200
        assert time.monotonic() - started < 0.5
    assert fault.hits == 2


def test_slow_answers_a_patient_client(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: slow(0.3)}) as srv:
        started = time.monotonic()
        status, _, body = fetch(srv, ARTICLE, timeout=5)
        assert status == 200 and b"AGAM" in body
        assert time.monotonic() - started >= 0.3


def test_stop_cuts_a_slow_response_short(site: Path) -> None:
    srv = MirrorServer(site, faults={ARTICLE: slow(30)}).start()
    errors: list[BaseException] = []

    def client() -> None:
        try:
            fetch(srv, ARTICLE, timeout=10)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(exc)

    thread = threading.Thread(target=client)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    srv.stop()
    thread.join(timeout=5)
    assert time.monotonic() - started < 3
    assert not thread.is_alive()
    assert errors  # the client saw the connection end, not a page


def test_drop_connection(site: Path) -> None:
    fault = drop_connection(times=1)
    with MirrorServer(site, faults={ARTICLE: fault}) as srv:
        with pytest.raises(http.client.RemoteDisconnected):
            fetch(srv, ARTICLE)
        assert fetch(srv, ARTICLE)[0] == 200
        assert srv.requests == [("GET", ARTICLE, 0), ("GET", ARTICLE, 200)]


def test_drop_connection_sends_nothing_on_the_wire(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: drop_connection()}) as srv:
        assert raw_exchange(srv, ARTICLE) == b""


def test_truncated_body_is_shorter_than_content_length(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: truncated()}) as srv:
        raw = raw_exchange(srv, ARTICLE)
        head, _, body = raw.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        length = int(next(
            line.split(b":", 1)[1] for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ))
        assert 0 < len(body) < length
        # http.client notices the short read; the next request gets the whole page.
        assert fetch(srv, ARTICLE)[0] == 200


def test_truncated_raises_incomplete_read(site: Path) -> None:
    with (
        MirrorServer(site, faults={ARTICLE: truncated(times=None)}) as srv,
        pytest.raises(http.client.IncompleteRead),
    ):
        fetch(srv, ARTICLE)


def test_wrong_charset_declares_latin1_for_utf8(site: Path) -> None:
    fault = wrong_charset()
    with MirrorServer(site, faults={ARTICLE: fault}) as srv:
        for _ in range(2):  # every request, by default
            status, headers, body = fetch(srv, ARTICLE)
            assert status == 200
            assert headers["content-type"] == "text/html; charset=iso-8859-1"
            text = body.decode("utf-8")  # the body really is UTF-8 ...
            assert "AGAM, Spektroom – Banjir" in text
            assert "–" not in body.decode("iso-8859-1")  # ... and Latin-1 mangles it
    assert fault.fired == 2


def test_fault_keyed_by_path_with_query_wins(site: Path) -> None:
    with_query = ARTICLE + "?utm_source=wa"
    faults = {with_query: error_then_ok(503, times=None), ARTICLE: error_then_ok(500, times=None)}
    with MirrorServer(site, faults=faults) as srv:
        assert fetch(srv, with_query)[0] == 503
        assert fetch(srv, ARTICLE + "?utm_source=fb")[0] == 500
        assert fetch(srv, ARTICLE)[0] == 500
        assert fetch(srv, "/feed/")[0] == 200


def test_faults_can_be_added_while_running(server: MirrorServer) -> None:
    assert fetch(server, "/feed/")[0] == 200
    server.faults["/feed/"] = rate_limited(retry_after=5)
    assert fetch(server, "/feed/")[0] == 429
    assert fetch(server, "/feed/")[0] == 200


def test_urllib_sees_fault_statuses_as_http_errors(site: Path) -> None:
    with MirrorServer(site, faults={ARTICLE: rate_limited(retry_after=4)}) as srv:
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(srv.url(ARTICLE), timeout=5)
        assert info.value.code == 429
        assert info.value.headers["Retry-After"] == "4"
        info.value.close()


@pytest.mark.parametrize(
    ("spec", "path", "kind", "field", "value"),
    [
        ("/feed/=429:2", "/feed/", "status", "retry_after", 2),
        ("/feed/=429", "/feed/", "status", "status", 429),
        ("/x/=503:7", "/x/", "status", "retry_after", 7),
        ("/x/=error:502", "/x/", "status", "status", 502),
        ("/x/=error", "/x/", "status", "status", 500),
        ("/a/b/=slow:2.5", "/a/b/", "slow", "seconds", 2.5),
        ("/x/=drop", "/x/", "drop", "times", 1),
        ("/x/=truncated", "/x/", "truncated", "times", 1),
        ("/x/=wrong_charset", "/x/", "wrong_charset", "times", None),
    ],
)
def test_parse_fault(spec: str, path: str, kind: str, field: str, value: object) -> None:
    got_path, fault = parse_fault(spec)
    assert (got_path, fault.kind, getattr(fault, field)) == (path, kind, value)


@pytest.mark.parametrize("spec", ["", "/x/", "/x/=", "x/=429", "/x/=teapot", "/x/=429:abc"])
def test_parse_fault_rejects_garbage(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_fault(spec)


def test_command_line_server(site: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "spektroom_crawler.mirror", str(site), "--fault", "/feed/=503:4"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(base + "/robots.txt", timeout=5) as resp:
            assert base.encode() + b"/sitemap.xml" in resp.read()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + "/feed/", timeout=5)
        assert (info.value.code, info.value.headers["Retry-After"]) == (503, "4")
        info.value.close()
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def test_command_line_rejects_a_bad_fault(site: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "spektroom_crawler.mirror", str(site), "--fault", "/x/=teapot"],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2
    assert "bad fault" in result.stderr


# -- the fixture site (fixtures/site/) ---------------------------------------------------------

REAL_SITE = "https://spektroom.co.id"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"


def load_manifest(root: Path) -> dict:
    return json.loads((root / "_manifest.json").read_text("utf-8"))


def site_path(url: str) -> str:
    """The path of a URL on the real site (None-safe for relative links)."""
    parts = urlsplit(url)
    return parts.path or "/"


def is_internal(href: str) -> bool:
    if href.startswith("//"):
        host = urlsplit("https:" + href).hostname or ""
    elif href.startswith("/"):
        return True
    else:
        host = urlsplit(href).hostname or ""
    return host.removeprefix("www.") == "spektroom.co.id"


def sitemap_locs(root: Path, name: str) -> list[tuple[str, str]]:
    tree = ElementTree.parse(root / name)
    return [
        (el.findtext(f"{SM}loc") or "", el.findtext(f"{SM}lastmod") or "")
        for el in tree.getroot()
    ]


def post_sitemap_entries(root: Path, index: str) -> dict[str, str]:
    """Every <url> of the post sitemaps reached from a sitemap index: url -> lastmod."""
    out: dict[str, str] = {}
    for loc, _ in sitemap_locs(root, index):
        name = site_path(loc).lstrip("/")
        if "post" in name:
            out.update(sitemap_locs(root, name))
    return out


def resolves(mirror: MirrorServer, path: str) -> bool:
    resolved = mirror.resolve(path)
    return resolved.file is not None or resolved.location is not None


def site_files(root: Path, suffix: str) -> list[Path]:
    return sorted(p for p in root.rglob(f"*{suffix}") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def manifest() -> dict:
    return load_manifest(SITE)


@pytest.fixture(scope="module")
def fixture_mirror() -> MirrorServer:
    return MirrorServer(SITE)  # not started: resolve() maps paths without HTTP


def published_articles(manifest: dict) -> list[dict]:
    return [a for a in manifest["articles"] if not a["is_draft"]]


def test_site_has_enough_articles_and_templates(manifest: dict) -> None:
    articles = published_articles(manifest)
    assert len(articles) == manifest["article_count"] >= 40
    assert {a["template"] for a in articles} >= {
        "ghost", "wp-jnews", "wp-newspaper", "wp-plain", "unknown"
    }
    assert len({a["path"] for a in articles}) == len(articles)
    years = {a["published"][:4] for a in articles}
    assert years == {"2024", "2025"}
    assert sum(a["seed"] for a in articles) == 1
    assert sum(a["has_amp"] for a in articles) >= 3
    assert sum(1 for a in manifest["articles"] if a["is_draft"]) == 1


def test_site_size_is_modest() -> None:
    size = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
    assert size < 2 * 1024 * 1024


def test_manifest_matches_article_files(manifest: dict, fixture_mirror: MirrorServer) -> None:
    for art in manifest["articles"]:
        resolved = fixture_mirror.resolve(art["path"])
        assert resolved.file is not None, art["path"]
        doc = lxml.html.fromstring(resolved.file.read_bytes())
        h1s = [" ".join(h.text_content().split()) for h in doc.iter("h1")]
        assert art["headline"] in h1s, art["path"]
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        if art["template"] != "unknown":  # the legacy CMS had no canonical link
            assert canonical == [art["url"]]
        text = " ".join(doc.text_content().split())
        assert art["lead"] in text
        published = datetime.fromisoformat(art["published"])
        if art["template"] in ("wp-newspaper", "wp-plain"):
            assert doc.xpath("//time/@datetime")[0] == art["published"]
        if art["template"] == "unknown":
            zone = {7: "WIB", 8: "WITA", 9: "WIT"}[published.utcoffset().seconds // 3600]
            assert f"{published:%H:%M} {zone}" in text
        if art["template"] == "wp-jnews":
            assert f"{published:%H:%M} WIB" in doc.xpath("string(//div[@class='jeg_meta_date'])")
        amphtml = doc.xpath("//link[@rel='amphtml']/@href")
        assert amphtml == ([REAL_SITE + art["amp_path"]] if art["has_amp"] else [])


def test_amp_pages_point_back_to_the_article(manifest: dict, fixture_mirror: MirrorServer) -> None:
    amp_articles = [a for a in manifest["articles"] if a["has_amp"]]
    assert amp_articles
    for art in amp_articles:
        resolved = fixture_mirror.resolve(art["amp_path"])
        assert resolved.file is not None
        raw = resolved.file.read_bytes()
        doc = lxml.html.fromstring(raw)
        assert doc.get("amp") is not None
        assert doc.xpath("//link[@rel='canonical']/@href") == [art["url"]]
        assert doc.xpath("string(//h1[@class='amp-wp-title'])") == art["headline"]


def test_robots_txt_disallows_the_draft_and_lists_both_sitemaps(manifest: dict) -> None:
    robots = (SITE / "robots.txt").read_text("utf-8")
    assert "Disallow: /draft/" in robots.splitlines()
    sitemaps = [line.split(":", 1)[1].strip() for line in robots.splitlines()
                if line.startswith("Sitemap:")]
    assert sitemaps == [f"{REAL_SITE}/sitemap_index.xml", f"{REAL_SITE}/sitemap.xml"]
    drafts = [a for a in manifest["articles"] if a["is_draft"]]
    assert all(a["path"].startswith("/draft/") for a in drafts)
    assert all(not a["in_sitemap"] and not a["in_feed"] for a in drafts)


def test_sitemaps_list_the_same_posts_with_lastmod(manifest: dict) -> None:
    yoast = post_sitemap_entries(SITE, "sitemap_index.xml")
    ghost = post_sitemap_entries(SITE, "sitemap.xml")
    assert yoast.pop(REAL_SITE + "/") is not None  # Yoast lists the homepage first
    expected = {a["url"]: a["lastmod"] for a in manifest["articles"] if a["in_sitemap"]}
    assert set(yoast) == set(ghost) == set(expected)
    assert len(expected) < len(published_articles(manifest))  # the newest is not in yet
    for url, lastmod in expected.items():
        want = datetime.fromisoformat(lastmod)
        assert datetime.fromisoformat(yoast[url]) == want
        assert datetime.fromisoformat(ghost[url].replace("Z", "+00:00")) == want
    # Yoast split the posts over more than one post sitemap.
    assert len([loc for loc, _ in sitemap_locs(SITE, "sitemap_index.xml") if "post" in loc]) >= 2


def test_every_sitemap_url_resolves(fixture_mirror: MirrorServer) -> None:
    for index in ("sitemap_index.xml", "sitemap.xml"):
        for loc, lastmod in sitemap_locs(SITE, index):
            assert lastmod
            name = site_path(loc)
            assert resolves(fixture_mirror, name), loc
            for url, _ in sitemap_locs(SITE, name.lstrip("/")):
                assert resolves(fixture_mirror, site_path(url)), url


def test_feeds_list_the_newest_articles(manifest: dict) -> None:
    expected = {a["url"]: a["published"] for a in manifest["articles"] if a["in_feed"]}
    assert 10 <= len(expected) <= 20
    rss = ElementTree.parse(SITE / "feed" / "index.xml").getroot()
    items = rss.findall("./channel/item")
    rss_links = {}
    for item in items:
        link = item.findtext("link") or ""
        assert "utm_source=rss" in link
        rss_links[link.split("?", 1)[0]] = parsedate_to_datetime(item.findtext("pubDate") or "")
    atom = ElementTree.parse(SITE / "rss" / "index.xml").getroot()
    atom_links = {
        entry.find(f"{ATOM_NS}link").get("href"): datetime.fromisoformat(
            (entry.findtext(f"{ATOM_NS}published") or "").replace("Z", "+00:00"))
        for entry in atom.findall(f"{ATOM_NS}entry")
    }
    assert set(rss_links) == set(atom_links) == set(expected)
    for url, published in expected.items():
        assert rss_links[url] == atom_links[url] == datetime.fromisoformat(published)
    newest = sorted(published_articles(manifest), key=lambda a: a["published"], reverse=True)
    assert {a["url"] for a in newest[: len(expected)]} == set(expected)


def test_listing_pages_paginate_over_every_article(manifest: dict) -> None:
    home = manifest["listings"]["home"]
    assert home[0] == "/" and len(home) >= 4
    seen: dict[str, int] = {}
    path: str | None = "/"
    number = 0
    while path:
        number += 1
        doc = lxml.html.fromstring((SITE / path.strip("/") / "index.html").read_bytes())
        for href in doc.xpath("//div[@class='post-feed']//h2/ancestor::a/@href"):
            seen[site_path(href)] = number
        nxt = doc.xpath("//a[@rel='next']/@href")
        assert doc.xpath("//a[@rel='next']/text()") == (["Berikutnya →"] if nxt else [])
        path = nxt[0] if nxt else None
    assert number == len(home)
    expected = {a["path"]: a["on_listing_pages"] for a in published_articles(manifest)}
    assert seen == expected
    assert all(1 <= n <= len(home) for n in expected.values())


def test_archives_exist_for_sections_tags_and_authors(manifest: dict) -> None:
    listings = manifest["listings"]
    assert any(p.endswith("/page/2/") for p in listings["category"])
    for kind in ("category", "tag", "author"):
        assert listings[kind], kind
        for path in listings[kind]:
            assert (SITE / path.strip("/") / "index.html").is_file(), path


def test_every_internal_link_resolves_except_the_known_dead_one(
    manifest: dict, fixture_mirror: MirrorServer
) -> None:
    dead: set[str] = set()
    utm_links = 0
    offsite: set[str] = set()
    for page in site_files(SITE, ".html"):
        doc = lxml.html.fromstring(page.read_bytes())
        for href in doc.xpath("//a/@href"):
            if not is_internal(href):
                if href.startswith("https://www.antaranews.com/"):
                    offsite.add(href)
                continue
            utm_links += "utm_source=" in href
            path = site_path(href if not href.startswith("//") else "https:" + href)
            if not resolves(fixture_mirror, path):
                dead.add(path)
    assert dead == set(manifest["not_found_links"])
    assert utm_links > 100
    assert offsite == set(manifest["offsite_links"]) != set()


def test_old_url_redirects_and_is_linked(manifest: dict, fixture_mirror: MirrorServer) -> None:
    moved = [a for a in manifest["articles"] if a["old_url"]]
    assert len(moved) == 1
    resolved = fixture_mirror.resolve(moved[0]["old_url"])
    assert (resolved.status, resolved.location) == (301, moved[0]["path"])
    assert manifest["redirects"] == {moved[0]["old_url"]: moved[0]["path"]}
    linking = [p for p in site_files(SITE, ".html")
               if moved[0]["old_url"].encode() in p.read_bytes()]
    assert linking


def test_draft_is_linked_from_the_homepage(manifest: dict) -> None:
    (draft,) = [a for a in manifest["articles"] if a["is_draft"]]
    home = (SITE / "index.html").read_text("utf-8")
    assert f'href="{REAL_SITE}{draft["path"]}"' in home
    assert (SITE / draft["path"].strip("/") / "index.html").is_file()


def test_builder_reproduces_the_committed_site(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(SITE.parent / "site_src" / "build.py"), str(out)],
        check=True, capture_output=True,
    )
    built = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    committed = {p.relative_to(SITE): p.read_bytes() for p in SITE.rglob("*") if p.is_file()}
    assert set(built) == set(committed)
    assert [k for k in built if built[k] != committed[k]] == []


def test_serving_the_fixture_site_end_to_end(manifest: dict) -> None:
    moved = next(a for a in manifest["articles"] if a["old_url"])
    seed = next(a for a in manifest["articles"] if a["seed"])
    with MirrorServer(SITE) as srv:
        status, headers, body = fetch(srv, seed["path"])
        assert status == 200
        text = body.decode("utf-8")
        # Only the URL-encoded share links (to facebook.com etc.) still name the real host.
        assert "//spektroom.co.id" not in text
        assert "%2F%2Fspektroom.co.id" in text
        assert f'<link rel="canonical" href="{srv.base_url}{seed["path"]}">' in text
        assert "// Apolonius." in text and "Editor. : Biantoro" in text
        status, headers, _ = fetch(srv, moved["old_url"])
        assert (status, headers["location"]) == (301, srv.base_url + moved["path"])
        status, _, body = fetch(srv, manifest["not_found_links"][0])
        assert status == 404 and b"Halaman tidak ditemukan" in body
        status, headers, body = fetch(srv, "/feed/")
        assert headers["content-type"].startswith("application/rss+xml")
        assert f"<link>{srv.base_url}/".encode() in body
        assert fetch(srv, "/rss/")[1]["content-type"].startswith("application/atom+xml")
        assert fetch(srv, "/_manifest.json")[0] == 404


# -- the synthetic mirror generator (bench/make_site.py) ----------------------------------------


def load_make_site() -> ModuleType:
    """bench/make_site.py is a script, not a package module: load it from its path."""
    import importlib.util
    import sys

    path = ROOT / "bench" / "make_site.py"
    spec = importlib.util.spec_from_file_location("spektroom_make_site", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_site_module() -> ModuleType:
    return load_make_site()


@pytest.fixture(scope="module")
def synthetic(
    tmp_path_factory: pytest.TempPathFactory, make_site_module: ModuleType
) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("synthetic") / "site"
    manifest = make_site_module.make_site(50, out, seed=3, per_sitemap=20)
    return out, manifest


def body_paragraphs(doc: lxml.html.HtmlElement) -> list[str]:
    nodes = doc.xpath(
        "//section[contains(@class,'gh-content')]/p | //div[contains(@class,'content-inner')]/p"
    )
    texts = [n.text_content() for n in nodes]
    # Credit and editor lines are not body paragraphs.
    return [t for t in texts if not t.startswith(("Editor", "Redaktur", "Reporter", "Pewarta"))]


def test_synthetic_site_articles_match_manifest(synthetic: tuple[Path, dict]) -> None:
    root, manifest = synthetic
    mirror = MirrorServer(root)
    articles = manifest["articles"]
    assert manifest["article_count"] == len(articles) == 50
    assert {a["template"] for a in articles} == {"ghost", "wp-jnews"}
    assert len({a["path"] for a in articles}) == 50
    for art in articles:
        resolved = mirror.resolve(art["path"])
        assert resolved.file is not None
        raw = resolved.file.read_bytes()
        assert 20 * 1024 <= len(raw) <= 60 * 1024, (art["path"], len(raw))
        doc = lxml.html.fromstring(raw)
        assert art["headline"] in [" ".join(h.text_content().split()) for h in doc.iter("h1")]
        paras = body_paragraphs(doc)
        assert 6 <= len(paras) <= 15, art["path"]
        assert "Spektroom" in paras[0][:40]  # the dateline
        assert any("“" in p for p in paras)  # at least one quote
        assert doc.xpath("//link[@rel='canonical']/@href") == [art["url"]]


def test_synthetic_site_sitemaps_feeds_and_listings(synthetic: tuple[Path, dict]) -> None:
    root, manifest = synthetic
    mirror = MirrorServer(root)
    expected = {a["url"]: a["lastmod"] for a in manifest["articles"]}
    robots = (root / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://spektroom.co.id/sitemap_index.xml" in robots
    for index in ("sitemap_index.xml", "sitemap.xml"):
        posts = [loc for loc, _ in sitemap_locs(root, index) if "post" in loc]
        assert len(posts) == 3  # 50 posts, at most 20 per sitemap
        entries: dict[str, str] = {}
        for loc in posts:
            urls = sitemap_locs(root, site_path(loc).lstrip("/"))
            assert 0 < len(urls) <= 20
            entries.update(urls)
        assert set(entries) == set(expected)
        for url, lastmod in entries.items():
            got = datetime.fromisoformat(lastmod.replace("Z", "+00:00"))
            assert got == datetime.fromisoformat(expected[url])
            assert resolves(mirror, site_path(url))
    rss = ElementTree.parse(root / "feed" / "index.xml").getroot()
    feed_urls = {(i.findtext("link") or "").split("?")[0] for i in rss.findall("./channel/item")}
    assert feed_urls == {a["url"] for a in manifest["articles"] if a["in_feed"]}
    assert len(feed_urls) == 15
    seen: dict[str, int] = {}
    for number, path in enumerate(manifest["listings"]["home"], 1):
        doc = lxml.html.fromstring((root / path.strip("/") / "index.html").read_bytes())
        for href in doc.xpath("//div[@class='post-feed']//h2/ancestor::a/@href"):
            seen[site_path(href)] = number
    assert seen == {a["path"]: a["on_listing_pages"] for a in manifest["articles"]}


def test_synthetic_site_internal_links_resolve(synthetic: tuple[Path, dict]) -> None:
    root, _ = synthetic
    mirror = MirrorServer(root)
    dead = set()
    for page in site_files(root, ".html"):
        for href in lxml.html.fromstring(page.read_bytes()).xpath("//a/@href"):
            if is_internal(href):
                path = site_path(href if not href.startswith("//") else "https:" + href)
                is_image = path.startswith(("/content/images/", "/wp-content/uploads/"))
                if not is_image and not resolves(mirror, path):
                    dead.add(path)
    assert dead == set()


def test_synthetic_site_is_deterministic(tmp_path: Path, make_site_module: ModuleType) -> None:
    def snapshot(out: Path) -> dict[Path, bytes]:
        return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    make_site_module.make_site(12, tmp_path / "a", seed=5)
    make_site_module.make_site(12, tmp_path / "b", seed=5)
    make_site_module.make_site(12, tmp_path / "c", seed=6)
    a, b, c = (snapshot(tmp_path / x) for x in "abc")
    assert a == b
    assert a != c


def test_make_site_cli(
    tmp_path: Path, make_site_module: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert make_site_module.main(["5", str(tmp_path / "s"), "--seed", "1"]) == 0
    assert "5 articles" in capsys.readouterr().out
    assert (tmp_path / "s" / "robots.txt").is_file()
    for bad in (["0", str(tmp_path / "x")], ["abc", str(tmp_path / "x")], []):
        with pytest.raises(SystemExit) as info:
            make_site_module.main(bad)
        assert info.value.code == 2


def test_synthetic_site_is_servable(synthetic: tuple[Path, dict]) -> None:
    root, manifest = synthetic
    art = manifest["articles"][0]
    with MirrorServer(root) as srv:
        status, headers, body = fetch(srv, art["path"] + "?utm_source=bench")
        assert status == 200 and headers["content-type"].startswith("text/html")
        assert f'href="{srv.base_url}{art["path"]}"'.encode() in body
        assert fetch(srv, "/page/2/")[0] == 200
        assert fetch(srv, "/post-sitemap3.xml")[0] == 200


def test_fixture_site_constant_points_at_the_committed_mirror() -> None:
    from spektroom_crawler.mirror import FIXTURE_SITE

    assert FIXTURE_SITE == SITE
    assert (FIXTURE_SITE / "robots.txt").is_file()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", b""),
        (b"no links here", b"no links here"),
        (b"https://spektroom.co.id/a/", b"BASE/a/"),
        (b'href="http://www.spektroom.co.id"', b'href="BASE"'),
        (b"//spektroom.co.id/x/ and HTTPS://WWW.SPEKTROOM.CO.ID/y/", b"BASE/x/ and BASE/y/"),
        (b"ftp://spektroom.co.id/z/", b"ftp:BASE/z/"),
        (b"https://spektroom.co.id.evil.example/", b"https://spektroom.co.id.evil.example/"),
        (b"https://www.antaranews.com/ https://spektroom.co.id",
         b"https://www.antaranews.com/ BASE"),
        (b"ttps://spektroom.co.id/", b"ttps:BASE/"),  # not a scheme: only "//host" goes
    ],
)
def test_rewrite(site: Path, body: bytes, expected: bytes) -> None:
    srv = MirrorServer(site)
    srv._base_bytes = b"BASE"
    assert srv.rewrite(body) == expected


def test_fixture_articles_carry_the_indonesian_news_details(manifest: dict) -> None:
    articles = published_articles(manifest)
    assert all(a["photo_credit"] for a in articles)
    assert all(a["editors"] and a["authors"] for a in articles)
    assert all(a["event_date"] <= a["published"][:10] for a in articles)
    assert sum(a["dateline_place"] is None for a in articles) >= 3  # "Spektroom –" alone
    assert sum(a["dateline_place"] is not None for a in articles) >= 35
    leads = [a["lead"] for a in articles]
    assert {"–", "-", "—"} <= {lead.split("Spektroom ", 1)[1][0] for lead in leads}
    texts = [(SITE / a["path"].strip("/") / "index.html").read_text("utf-8") for a in articles]
    assert sum(".// " in t for t in texts) >= 10  # glued "// Name." trailers
    assert sum("“" in t for t in texts) >= 35 and sum("&quot;" in t for t in texts) >= 2
    for label in ("Editor :", "Editor. :", "Editor:", "Redaktur:", "Reporter:", "Pewarta:",
                  "Penulis:"):
        assert any(f"<p>{label} " in t for t in texts), label
    for credit in ("Foto : ", "Foto: ", "(Foto: ", "ANTARA FOTO/"):
        assert any(credit in t for t in texts), credit
    assert any("WITA" in t for t in texts)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\r\n\r\n", b"400"),
        (b"GET /robots.txt HTTP/9.9\r\n\r\n", b"505"),
        (b"POST /feed/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
         b"501"),
        (b"GET /%ff%fe/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", b"404"),
    ],
)
def test_bad_requests_get_an_error_and_the_server_keeps_serving(
    server: MirrorServer, request_bytes: bytes, status: bytes
) -> None:
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(request_bytes)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    # Malformed request lines get http.server's HTTP/0.9-style error page (no status line).
    head = reply.split(b" ", 2)[1] if reply.startswith(b"HTTP/1") else reply
    assert status in head
    assert fetch(server, "/robots.txt")[0] == 200


def fetch_with(
    srv: MirrorServer, path: str, headers: dict[str, str], method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=5)
    try:
        conn.request(method, path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_gzip_for_clients_that_accept_it(site: Path) -> None:
    import gzip

    with MirrorServer(site, gzip=True) as srv:
        _, plain_headers, plain = fetch_with(srv, ARTICLE, {})
        assert "content-encoding" not in plain_headers
        status, headers, body = fetch_with(srv, ARTICLE, {"Accept-Encoding": "gzip, deflate, br"})
        assert status == 200
        assert (headers["content-encoding"], headers["vary"]) == ("gzip", "Accept-Encoding")
        assert int(headers["content-length"]) == len(body) < len(plain)
        assert gzip.decompress(body) == plain
        head = fetch_with(srv, ARTICLE, {"Accept-Encoding": "gzip"}, method="HEAD")
        assert head[1]["content-length"] == headers["content-length"] and head[2] == b""
        refused = fetch_with(srv, ARTICLE, {"Accept-Encoding": "gzip;q=0, identity"})
        assert "content-encoding" not in refused[1]
        jpg = "/wp-content/uploads/2025/11/banjir.jpg"
        image = fetch_with(srv, jpg, {"Accept-Encoding": "gzip"})
        assert "content-encoding" not in image[1] and image[2] == JPEG


def test_gzip_is_off_by_default(server: MirrorServer) -> None:
    _, headers, _ = fetch_with(server, ARTICLE, {"Accept-Encoding": "gzip"})
    assert "content-encoding" not in headers
