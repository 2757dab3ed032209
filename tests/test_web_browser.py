"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright): search,
click a facet, open a document, see the evidence sentence marked. Screenshots of the search
page and the timeline go to artifacts/.

Never skipped: without chromium or playwright it fails and says what to install."""

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from web_corpus import EVIDENCE, MARKER

from web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_home):
    home = web_home  # conftest: the corpus imported once, plus web_corpus.py's documents
    port = free_port()
    config = uvicorn.Config(create_app(home), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright Python package is missing: pip install playwright")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_search_facet_document_evidence(base_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.goto(base_url + "/")
    page.fill("input[name=q]", MARKER)
    page.click("form.query button[type=submit]")
    page.wait_for_selector("li.hit")
    assert page.locator("li.hit").count() >= 3  # fiches, the Commission proposal, letters
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.click('[data-facet=type] a[data-value="fiche"]')
    page.wait_for_url("**type=fiche**")
    assert page.locator("li.hit").count() == 2
    assert set(page.locator("li.hit").evaluate_all("els => els.map(e => e.dataset.docType)")) == {
        "fiche"
    }

    page.click('[data-facet=stance] a[data-value="negatief"]')
    page.wait_for_url("**stance=negatief**")
    page.click("li.hit a.title")
    page.wait_for_url("**/document/**")
    mark = page.locator("mark.evidence").first
    assert mark.is_visible()
    assert mark.inner_text() == EVIDENCE
    highlighted = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")

    page.goto(base_url + f"/timeline?q={MARKER}")
    assert page.locator("svg rect").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    page.close()


def test_on_a_phone_the_facets_fold_under_filters_and_the_navigation_wraps(base_url, browser):
    """At 390 px the first result comes before the facets, which a "Filters" button opens;
    at 1280 px the facets stand beside the results and the button is not shown."""
    ARTIFACTS.mkdir(exist_ok=True)
    phone = browser.new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    phone.goto(base_url + f"/?q={MARKER}")
    phone.screenshot(path=str(ARTIFACTS / "search-390.png"), full_page=True)
    button = phone.locator("label.filters-button")
    assert button.is_visible() and button.inner_text().startswith("Filters")
    assert not phone.locator("[data-facet=type]").is_visible()
    first_hit = phone.locator("li.hit").first.bounding_box()
    assert first_hit["y"] < 400, first_hit  # was about 800 px of facets first
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390, page_width  # nothing runs off the screen, the navigation wraps
    nav = phone.locator("header.top nav a").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().right)"
    )
    assert max(nav) <= 390, nav
    button.click()
    assert phone.locator("[data-facet=type]").is_visible()
    phone.click('[data-facet=type] a[data-value="fiche"]')
    phone.wait_for_url("**type=fiche**")
    assert phone.locator("li.hit").count() == 2
    assert "1 on" in phone.locator("label.filters-button").inner_text()
    phone.goto(base_url + f"/timeline?q={MARKER}")
    phone.screenshot(path=str(ARTIFACTS / "timeline-390.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

    wide = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    wide.goto(base_url + f"/?q={MARKER}")
    wide.screenshot(path=str(ARTIFACTS / "search-1280.png"), full_page=True)
    assert not wide.locator("label.filters-button").is_visible()
    facets = wide.locator("[data-facet=type]").bounding_box()
    results = wide.locator("li.hit").first.bounding_box()
    assert facets["x"] + facets["width"] <= results["x"]  # beside the results
    wide.close()


def test_the_timeline_gives_every_label_its_own_colour_and_counts_positie(base_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.goto(base_url + f"/timeline?q={MARKER}")
    swatches = page.locator(".legend .swatch").evaluate_all(
        "els => els.map(e => [e.className, getComputedStyle(e).backgroundColor])"
    )
    assert len(swatches) == 10
    colours = [colour for _, colour in swatches]
    assert len(set(colours)) == 10, swatches  # positief and steunt were one green
    fills = page.locator("svg rect").evaluate_all(
        "els => els.map(e => [e.getAttribute('class'), getComputedStyle(e).fill])"
    )
    by_label = dict(swatches)
    for label, fill in fills:
        assert fill == by_label[f"swatch {label}"], (label, fill)
    heads = page.locator("table.counts th").all_inner_texts()
    assert heads[-1].startswith("positie")
    page.close()
