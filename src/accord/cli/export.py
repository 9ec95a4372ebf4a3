"""`accord export`: the store as GDELT, POLECAT, CSV, Parquet or JSON Lines."""

from __future__ import annotations

import click

from ..errors import AccordError
from ..export import FORMATS, TABLE_FORMATS, Filters, export
from .common import db_option, main
from .run import _open

_day = click.DateTime(formats=["%Y-%m-%d"])


@main.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="What to write (docs/export.md).")
@db_option
@click.option("-o", "--output", type=click.Path(), default=None,
              help=f"The file to write (default: standard output); a directory for {' and '.join(TABLE_FORMATS)}.")  # fmt: skip
@click.option("--since", type=_day, default=None, metavar="YYYY-MM-DD", help="Articles published on or after this day.")
@click.option("--until", type=_day, default=None, metavar="YYYY-MM-DD", help="Articles published on or before this day.")
@click.option("--story", default=None, help="One story's articles (`accord stories` lists them).")
@click.option("--actor", default=None, help="An actor id or code: the articles and records it takes part in.")
def export_command(fmt, db_path, output, since, until, story, actor) -> None:
    """Export the store's events, actors, quotes, stances, findings or whole analyses."""
    if fmt in TABLE_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes one file per table: give a directory with -o")
    filters = Filters(since.date() if since else None, until.date() if until else None, story, actor)
    with _open(db_path) as store:
        try:
            written = export(store, fmt, output, filters)
        except AccordError as err:
            raise click.ClickException(str(err)) from None
    counts = ", ".join(f"{n} {what}" for what, n in written.items())
    click.echo(f"wrote {counts}  ->  {output or 'standard output'}", err=True)
