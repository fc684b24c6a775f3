"""Recognise block, challenge and interstitial pages so they never become data.

We detect and stop; we never try to pass a challenge. Families seen on Mexican official sites
(see ../shared/sources.md): Imperva/Incapsula (Senado), Cloudflare, the DOF's own
"Verificando su navegador…" interstitial, meta-refresh stubs, and pages that keep the normal
``<title>`` (even the DOF's ``id="DivDetalleNota"``) around an empty body.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

#: Below this many characters of visible body text an HTML page is treated as a stub.
MIN_BODY_TEXT = 100

# Markers that identify a challenge page whatever else the page holds.
_STRONG_MARKERS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb"Incapsula incident|_Incapsula_Resource|incap_ses_", re.I), "imperva: Incapsula incident page"),
    (re.compile(rb"<title>\s*Just a moment\.*\s*</title>", re.I), "cloudflare: 'Just a moment' challenge"),
    (re.compile(rb"cf-chl-|cf_chl_|/cdn-cgi/challenge-platform/", re.I), "cloudflare: cf-chl challenge"),
    (re.compile(rb"Verificando\s+su\s+navegador", re.I), "dof: 'Verificando su navegador' interstitial"),
    (re.compile(rb"Checking your browser before accessing", re.I), "challenge: 'Checking your browser'"),
)

# Markers that only mean a block when the page has (almost) nothing else in it.
_WEAK_MARKERS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.I), "meta-refresh interstitial"),
    (re.compile(rb"g-recaptcha|h-captcha|hcaptcha\.com|captcha", re.I), "captcha page"),
)

_HTML_TYPES = ("html", "xml")


def detect_block(
    content: bytes, content_type: str | None = None, status: int | None = None, *, min_text: int = MIN_BODY_TEXT
) -> str | None:
    """Why ``content`` is a block/challenge page, or ``None`` if it looks like a real page.

    Only HTML is judged (a PDF or JSON body is never a challenge page). ``status`` is used to
    word the reason: WAFs often answer 403/429/503 with these pages.
    """
    if not _looks_like_html(content, content_type):
        return None
    reason = _strong_reason(content) or _stub_reason(content, min_text)
    if reason and status and status >= 400:
        reason = f"{reason} (HTTP {status})"
    return reason


def _looks_like_html(content: bytes, content_type: str | None) -> bool:
    if content_type and any(kind in content_type.lower() for kind in _HTML_TYPES):
        return True
    head = content[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head or b"<title" in head


def _strong_reason(content: bytes) -> str | None:
    for pattern, reason in _STRONG_MARKERS:
        if pattern.search(content):
            return reason
    return None


def _stub_reason(content: bytes, min_text: int) -> str | None:
    """Weak markers on a stub page, or a page with a title but (nearly) no body text."""
    text_length = len(visible_body_text(content))
    if text_length >= min_text:
        return None
    for pattern, reason in _WEAK_MARKERS:
        if pattern.search(content):
            return reason
    if re.search(rb"<title[^>]*>\s*\S", content, re.I):
        return f"normal title but empty body ({text_length} characters of text)"
    return None


def visible_body_text(content: bytes) -> str:
    """The text a reader would see in the page body (scripts, styles and head removed)."""
    soup = BeautifulSoup(content, "lxml")
    body = soup.body or soup
    for hidden in body.find_all(["script", "style", "noscript", "template", "head", "title"]):
        hidden.decompose()
    return " ".join(body.get_text(" ").split())
