"""The FastAPI application: the JSON API under /api and the dashboard at /.

Every error answers JSON `{"error": message}`; a bad parameter is a 4xx, never a 5xx."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import AccordError, InputRejected, StoreError
from ..read.decode import MAX_BYTES
from ..store import Store
from .api import router as api_router
from .dashboard import router as dashboard_router

MAX_BODY = MAX_BYTES + 100_000  # one article at the CLI's limit, with room for its JSON wrapping
log = logging.getLogger("accord.serve")


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Bring the store at `db_path` up to date, then serve it read-only with uvicorn until stopped."""
    import uvicorn

    if not Path(db_path).is_file():
        raise StoreError(f"no store at {db_path}: run `accord ingest PATHS --db {db_path}` first")
    Store(db_path).close()  # applies any migration the server's queries need, before serving
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info", access_log=False)


def create_app(db_path: str | Path) -> FastAPI:
    """The accord web application serving the store at `db_path`, read-only."""
    app = FastAPI(title="accord", docs_url="/docs", openapi_url="/openapi.json")
    app.state.db_path = str(db_path)
    app.state.pipeline = _pipeline
    app.include_router(api_router)
    app.include_router(dashboard_router)
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(Exception, _server_error)
    return app


@cache
def _pipeline():
    from ..pipeline import Pipeline  # loads spaCy: only when an article is posted

    return Pipeline()


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return _error(exc.status_code, str(exc.detail))


async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
        problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return _error(422, "; ".join(problems) or "invalid request")


async def _accord_error(request: Request, exc: AccordError) -> JSONResponse:
    if isinstance(exc, InputRejected):
        return _error(422, exc.reason)
    if isinstance(exc, StoreError):
        return _error(503, str(exc))
    return _error(400, str(exc))


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error serving %s", request.url.path)
    return _error(500, f"internal error ({type(exc).__name__}); please report this")


class BodyLimit:
    """Refuse (413, JSON) a request body larger than `limit` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        message = f"request body too large: the limit is {self.limit:,} bytes"
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _error(413, message)(scope, receive, send)
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            received = await receive()
            seen += len(received.get("body", b""))
            if seen > self.limit:
                raise HTTPException(status_code=413, detail=message)
            return received

        await self.app(scope, counted, send)
