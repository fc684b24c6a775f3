"""Issue 16 §7: status.html and a state page in a real browser (headless Chromium, the Debian package).

Playwright drives the system Chromium (no browser download). Screenshots are saved under
``test-artifacts/browser/``. The accessibility check runs axe-core from a local file: an npm install
into a cache folder (``PROTEJA_AXE`` may point at axe.min.js directly), or it is skipped with a reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.core.paths import REPO_DIR

ARTIFACTS = REPO_DIR / "test-artifacts" / "browser"
AXE_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "proteja-axe"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extras) is not installed")
    executable = _chromium()
    if executable is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


def _open(browser, path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    outside: list[str] = []
    page.route("**/*", lambda route: (outside.append(route.request.url) if not route.request.url.startswith(
        ("file:", "data:", "about:")) else None, route.abort() if not route.request.url.startswith(
        ("file:", "data:", "about:")) else route.continue_()))  # fmt: skip
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, outside


def _axe() -> Path | None:
    if os.environ.get("PROTEJA_AXE"):
        return Path(os.environ["PROTEJA_AXE"])
    target = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not target.exists() and shutil.which("npm"):
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_CACHE),
                        "axe-core@4"], check=False, capture_output=True, timeout=300)  # fmt: skip
    return target if target.exists() else None


def test_status_page_draws_32_states_requests_nothing_and_fits_360px(built, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    status = built.processed / "status.html"
    for width in (1280, 360):
        page, outside = _open(browser, status, width)
        shapes = page.eval_on_selector_all("svg.map g.state", "els => els.map(e => { const b = e.getBBox(); "
                                           "return [e.dataset.state, b.width * b.height]; })")  # fmt: skip
        assert len(shapes) == 32 and len({s for s, _ in shapes}) == 32
        assert all(area > 0 for _, area in shapes)
        assert outside == []
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, (width, scroll, inner)
        # state names stay readable: the map's own labels on a wide screen, the linked name list on a phone
        assert page.is_visible("svg.map .labels") is (width == 1280)
        assert page.is_visible("ul.map-index") is (width == 360)
        if width == 360:
            names = page.eval_on_selector_all("ul.map-index a", "as => as.map(a => a.textContent.trim())")
            assert len(names) == 32 and "SON Sonora" in names
            font = page.eval_on_selector("ul.map-index a", "a => parseFloat(getComputedStyle(a).fontSize)")
            assert font >= 12
        page.screenshot(path=str(ARTIFACTS / f"status-{width}.png"), full_page=True)
        page.close()


def test_language_switch_sets_lang_and_shows_one_language(built, browser):
    page, _ = _open(browser, built.processed / "status.html", 1024)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.is_visible("h2 >> text=Leyenda") and not page.is_visible("h2 >> text=Legend")
    page.click("#lang-switch")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.is_visible("h2 >> text=Legend") and not page.is_visible("h2 >> text=Leyenda")
    page.close()


def test_a_state_page_opens_from_the_map_with_its_history_and_bills(built, browser):
    page, outside = _open(browser, built.processed / "status.html", 1024)
    page.click('svg.map a:has(g[data-state="MX-BCN"])')
    page.wait_for_load_state("load")
    assert page.url.endswith("/pages/MX-BCN.html")
    assert page.is_visible("h1 >> text=Baja California")
    history_rows = page.eval_on_selector_all("table", "ts => ts.map(t => t.rows.length)")
    assert history_rows and history_rows[0] > 1  # the law's history: a header and at least one act
    assert outside == []
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner
    page.set_viewport_size({"width": 360, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(ARTIFACTS / "state-MX-BCN-360.png"), full_page=True)
    page.close()


def test_axe_reports_no_serious_violations(built, browser):
    axe = _axe()
    if axe is None:
        pytest.skip("axe-core is not available (npm install axe-core failed or npm is absent)")
    for path in (built.processed / "status.html", built.processed / "pages" / "MX-BCN.html"):
        page, _ = _open(browser, path, 1024)
        page.add_script_tag(path=str(axe))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]  # fmt: skip
        assert serious == [], (path.name, serious)
        page.close()


def test_printed_status_page_has_the_as_of_date_and_page_number_on_every_page(built, browser):
    import json

    import pdfplumber

    as_of = json.loads((built.processed / "datapackage.json").read_text())["as_of"]
    page, _ = _open(browser, built.processed / "status.html", 1024)
    pdf = ARTIFACTS / "status-print.pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    page.close()
    with pdfplumber.open(pdf) as document:
        texts = [p.extract_text() or "" for p in document.pages]
    assert 1 < len(texts) <= 16
    for number, text in enumerate(texts, start=1):
        assert f"as of {as_of}" in text, number
        assert f"{number} / {len(texts)}" in text, number
