"""URL identity: the canonical form under which an article is stored exactly once."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the visitor; they never change the page.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ref", "ref_src", "share", "s_cid", "amp",
        "outputtype",
    }
)
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
AMP_SUFFIX_RE = re.compile(r"/amp/?$")
AMP_PREFIX_RE = re.compile(r"^/amp(/.+)$")
MULTI_SLASH_RE = re.compile(r"/{2,}")
# A URL that is already in canonical form: https, a lower-case ASCII host without "www." or a
# port, a path of non-empty segments ending in "/", no query, no fragment, no whitespace. Most
# URLs a page declares look like this; they skip urlsplit/parse_qsl/urlunsplit. ("/amp/"
# anywhere sends a URL down the full path, which knows the AMP variants.)
CANONICAL_URL_RE = re.compile(r"https://(?!www\.)[a-z0-9.-]+(?:/[^/?#\s]+)*/")


def canonicalize_url(url: str) -> str:
    """The canonical form of an article URL.

    https (plain http kept for a loopback mirror), lower-case host without "www.", no fragment,
    no tracking parameters, no AMP variant ("/amp/" suffix or prefix, "?amp", "?amp=1",
    "?outputType=amp"), one trailing slash on paths.
    """
    if CANONICAL_URL_RE.fullmatch(url) and "/amp/" not in url:
        return url
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    scheme = "https" if parts.scheme in ("http", "https", "") else parts.scheme.lower()
    if host in LOOPBACK_HOSTS and parts.scheme == "http":
        scheme = "http"  # a local mirror serves plain http; keep its URLs fetchable
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = MULTI_SLASH_RE.sub("/", parts.path or "/")
    path = AMP_SUFFIX_RE.sub("/", path)
    amp_prefixed = AMP_PREFIX_RE.match(path)
    if amp_prefixed:
        path = amp_prefixed.group(1)
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    if not parts.query:
        return urlunsplit((scheme, host, path, "", ""))
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    query.sort()
    return urlunsplit((scheme, host, path, urlencode(query), ""))
