"""Serving the dashboard: the page at `/` and its files under `/static/`.

Leaflet, topojson-client and the country outlines are not in our repository; `make vendor`
fetches them into static/vendor/. Without them the page could only fail in the browser, so `/`
answers with what to run instead, and `peacewatch serve` says the same in its log.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("leaflet/leaflet.js", "leaflet/leaflet.css", "topojson-client/topojson-client.min.js",
                "world-atlas/countries-110m.json")
MISSING_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peacewatch</title></head>
<body><h1>peacewatch dashboard</h1><p>The dashboard's third-party files (Leaflet, topojson-client,
Natural Earth outlines) are not installed. Run <code>make vendor</code> in the peacewatch checkout,
then reload this page. The JSON API works meanwhile: <a href="/docs">/docs</a>.</p></body></html>"""

router = APIRouter(include_in_schema=False)


def missing_vendor_files() -> list[str]:
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def missing_vendor_message() -> str:
    """One line for the server log, or "" when the dashboard has everything it loads."""
    missing = missing_vendor_files()
    return f"dashboard files missing ({', '.join(missing)}): run `make vendor`" if missing else ""


@router.get("/")
def dashboard() -> Response:
    if missing_vendor_files():
        return HTMLResponse(MISSING_PAGE, status_code=503)
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")
