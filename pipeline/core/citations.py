"""Whether a URL can be cited: an http(s) URL with a real host, and never a proxy or document mirror.

Mirrors re-host official PDFs under random or ad-laden domains and proxies wrap another URL in their
own; neither is a source a reader can check. The original URL (or a stable archive copy) is cited,
and the mirror kept only as ``read_via``. The patterns are the hosts found in our own data plus the
families they belong to; the gate and the registry reader both use :func:`url_problem`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Hosts that are never citations (proxies, document mirrors, random-subdomain farms).
MIRROR_HOSTS = (
    re.compile(r"(^|\.)paperai\.life$"),  # web proxy: the real URL follows the host in the path
    re.compile(r"(^|\.)gfjx\.asia$"),  # random numeric subdomains re-hosting documents
    re.compile(r"(^|\.)studylib\.(es|net)$"),
    re.compile(r"(^|\.)documentop\.com$"),
    re.compile(r"(^|\.)kipdf\.com$"),
    re.compile(r"(^|\.)mydokument\.com$"),
    re.compile(r"(^|\.)vdocumento?s?\.(com|mx|site)$"),
    re.compile(r"(^|\.)datospdf\.com$"),
    re.compile(r"(^|\.)pdfslide\.(tips|net)$"),
    re.compile(r"(^|\.)\d{5,}\.[a-z]+\.[a-z]+$"),  # e.g. 698264.gfjx.asia
)
#: A DNS host name (labels of letters, digits and inner hyphens; a letter-only top-level label; no
#: trailing dot). Written without look-arounds so the gate's SQL (RE2) uses the very same pattern.
HOST_PATTERN = r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
_HOST = re.compile(f"^{HOST_PATTERN}$")
#: Hosts of the official publishers (congresses, gazettes, SCJN, DOF, OJN): .gob.mx and a few others.
OFFICIAL_HOST = re.compile(r"(^|\.)gob\.mx$|(^|\.)(congreso|legislatura|cgj|poderjudicial)[a-z0-9.-]*\.(mx|org\.mx)$")


def mirror_pattern() -> str:
    """All mirror-host patterns as one regular expression (for the validation gate's SQL)."""
    return "|".join(f"(?:{p.pattern})" for p in MIRROR_HOSTS)


def url_problem(url: str | None) -> str | None:
    """Why ``url`` cannot be cited (None when it can)."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme!r} is not http(s)"
    host = (parts.hostname or "").lower()
    if len(host) > 253 or not _HOST.match(host):
        return f"host {host!r} is not a valid host name"
    if any(p.search(host) for p in MIRROR_HOSTS):
        return f"host {host!r} is a proxy or document mirror: cite the original, keep this as read_via"
    return None


def is_official_host(url: str | None) -> bool:
    host = (urlsplit(url or "").hostname or "").lower()
    return bool(OFFICIAL_HOST.search(host))
