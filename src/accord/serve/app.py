"""The FastAPI application: the JSON API under /api and the dashboard at /."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from .dashboard import router as dashboard_router


def create_app(db_path: str | Path) -> FastAPI:
    """The accord web application serving the store at `db_path`, read-only."""
    app = FastAPI(title="accord", docs_url="/docs", openapi_url="/openapi.json")
    app.state.db_path = str(db_path)
    app.include_router(dashboard_router)
    return app
