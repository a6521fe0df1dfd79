"""The dashboard at `/`, in a real browser: Debian's Chromium driven by Playwright, against a
server holding the demo's sample briefs plus one article whose title and text carry HTML and
script. The map shows the events, dragging across the timeline narrows them, a provision shows
its evidence with the cited sentence marked, search finds articles, and article text is shown
as text, never run. Without Chromium the browser tests skip, except under CI=true, where they fail.
A screenshot of the loaded dashboard is left in test-output/dashboard.png."""
from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path
from typing import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from peacewatch.api.app import create_app
from peacewatch.cli import app as cli
from peacewatch.ingest.batch import ingest, read_sources
from peacewatch.settings import Settings
from peacewatch.store.database import open_store
from peacewatch.web import dashboard

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
PAYLOAD_TITLE = "<img src=x onerror=window.__pwned=1> Quillwort valley truce holds"
PAYLOAD_TEXT = ("Observers in the Quillwort valley reported a quiet night on Tuesday as the truce between "
                "the two militias held. <script>window.__pwned=1</script> A local elder said "
                "<img src=x onerror=window.__pwned=1> nobody had fired since the weekend.")
SCRIPT_TAG = "<script>window.__pwned=1</script>"


def browser_missing() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent (make test installs Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is absent (pip install -e '.[dev]')"
    if dashboard.missing_vendor_files():
        return "the dashboard's third-party files are absent (make vendor)"
    return ""


def require_browser() -> None:
    reason = browser_missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser tests: {reason}")
    if reason:
        pytest.skip(reason)


def demo_store(folder: Path) -> str:
    """The demo's database (sample briefs, via the CLI) plus the article carrying the payload."""
    url = f"sqlite:///{folder / 'demo.db'}"
    assert CliRunner().invoke(cli, ["demo", "--no-serve", "--db", url]).exit_code == 0
    feed = folder / "payload.jsonl"
    feed.write_text(json.dumps({"id": "payload", "title": PAYLOAD_TITLE, "text": PAYLOAD_TEXT,
                                "outlet": "Test Wire", "published": "2021-01-20", "language": "en"}))
    with open_store(url) as store:
        assert ingest(store, read_sources([feed])).added == ["payload"]
    return url


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The API and dashboard served by uvicorn on a free loopback port, in a thread."""
    require_browser()
    import uvicorn

    url = demo_store(tmp_path_factory.mktemp("dashboard"))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    serving = uvicorn.Server(uvicorn.Config(create_app(Settings(db=url)), log_level="warning"))
    thread = threading.Thread(target=serving.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not serving.started and thread.is_alive():
        thread.join(0.05)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    serving.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield launched
        launched.close()


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


@pytest.fixture
def page(browser, server):
    opened = browser.new_page(viewport={"width": 1400, "height": 1000})
    opened.goto(server)
    opened.wait_for_selector("body[data-ready=true]")
    yield opened
    opened.close()


def shown_events(page) -> int:
    return page.locator("#event-list > li").count()


def test_the_map_shows_the_events_over_country_outlines(page):
    assert page.locator("#map .leaflet-interactive").count() > 0
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # outlines, then markers
    assert page.locator("#map img.leaflet-tile").count() == 0  # no tile server
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "dashboard.png", full_page=True)


def test_the_control_layer_rings_each_held_place_in_its_holders_colour(page):
    rings = page.locator("#map path.control-marker")
    rings.first.wait_for()
    holders = page.locator("#control-legend li")
    assert holders.count() >= 1 and rings.count() >= holders.count()
    rings.first.dispatch_event("click")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("held by")
    page.locator(".leaflet-control-layers label", has_text="Territorial control").locator("input").uncheck()
    assert rings.count() == 0


def test_dragging_across_the_timeline_narrows_map_and_list_to_those_days(page):
    everything, markers = shown_events(page), page.locator("#map .leaflet-interactive").count()
    chart = page.locator("#timeline-chart").bounding_box()
    page.mouse.move(chart["x"] + 1, chart["y"] + 20)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 0.05, chart["y"] + 20, steps=5)
    page.mouse.up()
    assert 0 < shown_events(page) < everything
    assert page.locator("#map .leaflet-interactive").count() < markers
    assert page.locator("#range-label").inner_text().count("-") == 4  # two ISO days
    page.click("#range-clear")
    assert shown_events(page) == everything


def test_a_provision_shows_its_evidence_with_the_cited_sentence_marked(page):
    page.locator("#provisions tr.has-evidence button").first.click()
    mark = page.locator("#evidence-list mark").first
    mark.wait_for()
    passage = mark.locator("xpath=..").inner_text()
    assert len(mark.inner_text()) > 20 and mark.inner_text() in passage
    assert page.locator("#provision-timeline li").count() >= 1


def test_search_lists_matching_articles_and_opens_one(page):
    page.fill("#search-input", "withdrew")
    page.click("#search-form button")
    page.locator("#search-results .hit").first.wait_for()
    page.locator("#search-results .hit button").first.click()
    expect(page.locator("#article-text")).to_contain_text("withdrew")


def test_html_in_an_article_is_shown_as_text_and_never_runs(page):
    page.fill("#search-input", "Quillwort")
    page.click("#search-form button")
    hit = page.locator("#search-results .hit button").first
    hit.wait_for()
    assert hit.inner_text() == PAYLOAD_TITLE
    hit.click()
    expect(page.locator("#article-title")).to_have_text(PAYLOAD_TITLE)
    expect(page.locator("#article-text")).to_contain_text(SCRIPT_TAG)
    assert page.locator("#article-panel img, #search-panel img, #article-panel script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_without_its_third_party_files_the_page_says_to_run_make_vendor(tmp_path, monkeypatch):
    monkeypatch.setattr(dashboard, "VENDOR", tmp_path)
    client = TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'empty.db'}")))
    answer = client.get("/")
    assert answer.status_code == 503 and "make vendor" in answer.text


def test_serve_logs_the_missing_files_before_serving(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.setattr(dashboard, "VENDOR", tmp_path)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    result = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path / 'empty.db'}", "--port", "8123"])
    assert result.exit_code == 0
    assert "make vendor" in result.stderr and "dashboard at http://127.0.0.1:8123/" in result.stdout


def test_with_its_files_the_page_is_the_dashboard(tmp_path, monkeypatch):
    for name in dashboard.VENDOR_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    monkeypatch.setattr(dashboard, "VENDOR", tmp_path)
    client = TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'empty.db'}")))
    answer = client.get("/")
    assert answer.status_code == 200 and 'src="/static/app.js"' in answer.text
    assert client.get("/static/app.js").status_code == 200
