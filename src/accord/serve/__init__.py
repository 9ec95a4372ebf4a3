"""accord over HTTP: a read-only JSON API and a dashboard on a store.

    create_app(db_path)   the FastAPI application (API under /api, dashboard at /)
"""

from .app import create_app

__all__ = ["create_app"]
