"""accord over HTTP: a read-only JSON API and a dashboard on a store.

    create_app(db_path)          the FastAPI application (API under /api, dashboard at /)
    serve(db_path, host, port)   run it with uvicorn (what `accord serve` does)
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
