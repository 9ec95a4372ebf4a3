"""The dashboard: one page at `/` and its files under `/static/`, all read from inside the package."""

from __future__ import annotations

import mimetypes
from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)

# Every file the page loads comes from accord itself: the policy forbids anything else.
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".html": "text/html"}


def static_files() -> dict[str, bytes]:
    """The dashboard's files by name (index.html, app.js, ...), read once from the package."""
    folder = resources.files("accord.serve") / "static"
    return {item.name: item.read_bytes() for item in folder.iterdir() if item.is_file() and item.name[0] != "."}


FILES = static_files()


def _response(name: str) -> Response:
    if name not in FILES:
        raise HTTPException(status_code=404, detail=f"no dashboard file named {name!r}")
    suffix = name[name.rfind(".") :] if "." in name else ""
    media = TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media.startswith("text/") or media == "application/json":
        media += "; charset=utf-8"
    return Response(FILES[name], media_type=media, headers=HEADERS)


@router.get("/")
def index() -> Response:
    """The dashboard page."""
    return _response("index.html")


@router.get("/static/{name}")
def static(name: str) -> Response:
    """One of the dashboard's files (scripts, style sheet, the world outline)."""
    return _response(name)
