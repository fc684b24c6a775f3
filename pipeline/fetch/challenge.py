"""Recognise block, challenge and interstitial pages so they never become data.

We detect and stop; we never try to pass a challenge. Families seen on Mexican official sites
(see ../shared/sources.md): Imperva/Incapsula (Senado), Cloudflare, Akamai ("Access Denied …
Reference #"), F5 BIG-IP ASM ("The requested URL was rejected … support ID"), the DOF's own
"Verificando su navegador…" interstitial, "enable JavaScript" shells, meta-refresh stubs, and
pages that keep the normal ``<title>`` (even the DOF's ``id="DivDetalleNota"``) around an empty body.

Only the first :data:`SNIFF_BYTES` of a body are looked at: block pages are small and say what
they are at the top, and a 40 MB page must not cost minutes and gigabytes to judge.
"""

from __future__ import annotations

import re

#: Below this many characters of visible body text an HTML page is treated as a stub.
MIN_BODY_TEXT = 100
#: Pages that only ask for JavaScript are shells when they have less text than this.
JS_SHELL_TEXT = 600
#: How much of a body is judged (block pages are a few KB; real pages say nothing else up there).
SNIFF_BYTES = 256 * 1024

# Markers that identify a challenge page whatever else the page holds.
_STRONG_MARKERS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb"Incapsula incident|_Incapsula_Resource|incap_ses_", re.I), "imperva: Incapsula incident page"),
    (re.compile(rb"<title>\s*Just a moment\.*\s*</title>", re.I), "cloudflare: 'Just a moment' challenge"),
    (re.compile(rb"cf-chl-|cf_chl_|/cdn-cgi/challenge-platform/", re.I), "cloudflare: cf-chl challenge"),
    (re.compile(rb"Verificando\s+su\s+navegador", re.I), "dof: 'Verificando su navegador' interstitial"),
    (re.compile(rb"Checking your browser before accessing", re.I), "challenge: 'Checking your browser'"),
    (re.compile(rb"errors(?:\.|&#46;)edgesuite(?:\.|&#46;)net|Reference(?:\s|&#32;)+(?:#|&#35;)\d+(?:\.|&#46;)[0-9a-f]+", re.I),
     "akamai: 'Access Denied' reference page"),
    (re.compile(rb"The requested URL was rejected\. Please consult with your administrator", re.I),
     "f5: BIG-IP ASM 'requested URL was rejected' page"),
    (re.compile(rb"Your support ID is:?\s*<?[^>]*>?\s*\d{6,}", re.I), "f5: BIG-IP ASM support-ID page"),
)

# Pages that only say "enable JavaScript": a block when the rest of the page is thin.
_JS_SHELL = re.compile(rb"(please\s+)?(enable|activate|habilite|active)\s+(your\s+)?javascript|"
                       rb"javascript\s+(is\s+)?(required|disabled)|requires?\s+javascript", re.I)

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
    head = content[:SNIFF_BYTES]
    reason = _strong_reason(head) or _stub_reason(head, min_text)
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
    if _JS_SHELL.search(content) and text_length < max(min_text, JS_SHELL_TEXT):
        return f"'enable JavaScript' shell page ({text_length} characters of text)"
    if text_length >= min_text:
        return None
    for pattern, reason in _WEAK_MARKERS:
        if pattern.search(content):
            return reason
    if re.search(rb"<title[^>]*>\s*\S", content, re.I):
        return f"normal title but empty body ({text_length} characters of text)"
    return None


def visible_body_text(content: bytes) -> str:
    """The text a reader would see in the page body (scripts, styles and head removed).

    lxml directly, not a BeautifulSoup tree: this runs on every HTML answer and every replayed page."""
    import lxml.html
    from lxml import etree

    try:
        document = lxml.html.document_fromstring(content)
    except (etree.ParserError, ValueError):
        return ""  # no markup at all
    body = document.find("body")
    root = body if body is not None else document
    for hidden in root.xpath(".//script|.//style|.//noscript|.//template|.//head|.//title|.//comment()"):
        hidden.drop_tree()  # its tail text stays: it belongs to the parent
    return " ".join(" ".join(root.itertext()).split())
