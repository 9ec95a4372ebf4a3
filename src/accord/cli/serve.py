"""`accord serve`: the HTTP API and dashboard over a store."""

import click

from ..errors import AccordError
from .common import db_option, main


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port to listen on.")
def serve(db_path, host, port) -> None:
    """Serve the store read-only: the dashboard at http://HOST:PORT/, the API under /api, its docs at /docs."""
    from ..serve import serve as run_server

    try:
        run_server(db_path, host, port)
    except AccordError as err:
        raise click.ClickException(str(err)) from None
