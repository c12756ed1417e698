"""The offline mirror: its HTTP server (files, rewriting, 404, 301, HEAD, log, faults)."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from spektroom_crawler.mirror import (
    Fault,
    MirrorServer,
    drop_connection,
    error_then_ok,
    rate_limited,
    site_url_pattern,
    slow,
    truncated,
    unavailable,
    wrong_charset,
)

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
