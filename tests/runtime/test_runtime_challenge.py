"""detect_block on each challenge family, and on pages that must NOT be taken for one."""

from __future__ import annotations

import pytest
from runtime_helpers import FIXTURES

from pipeline.fetch.challenge import detect_block, visible_body_text


@pytest.mark.parametrize(
    ("fixture", "status", "expected"),
    [
        ("incapsula.html", 200, "imperva: Incapsula incident page"),
        ("cloudflare.html", 403, "cloudflare: 'Just a moment' challenge (HTTP 403)"),
        ("dof_verificando.html", 200, "dof: 'Verificando su navegador' interstitial"),
        ("meta_refresh.html", 200, "meta-refresh interstitial"),
        ("empty_body_title.html", 200, "normal title but empty body (0 characters of text)"),
    ],
)
def test_each_challenge_family_is_named(fixture, status, expected):
    assert detect_block((FIXTURES / fixture).read_bytes(), "text/html; charset=utf-8", status) == expected


def test_a_real_looking_page_with_a_long_meta_refresh_is_not_blocked():
    content = (FIXTURES / "normal_page.html").read_bytes()
    assert detect_block(content, "text/html", 200) is None
    assert "Protección y Asistencia" in visible_body_text(content)


def test_captcha_only_counts_on_a_stub_page():
    stub = b'<html><head><title>Acceso</title></head><body><div class="g-recaptcha"></div></body></html>'
    full = stub.replace(b"</body>", b"<p>" + b"Texto de la ley y sus reformas publicadas. " * 10 + b"</p></body>")
    assert detect_block(stub, "text/html") == "captcha page"
    assert detect_block(full, "text/html") is None


def test_non_html_bodies_are_never_challenges():
    assert detect_block(b"%PDF-1.5 Incapsula incident", "application/pdf", 200) is None
    assert detect_block(b'{"NotasMatutinas": []}', "application/json", 200) is None


def test_threshold_is_adjustable():
    short = b"<html><head><title>t</title></head><body><p>Ley de Trata</p></body></html>"
    assert detect_block(short, "text/html") is not None
    assert detect_block(short, "text/html", min_text=5) is None
