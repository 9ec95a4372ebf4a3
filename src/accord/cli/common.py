"""What the `accord` commands share: the command group, common options, the pipeline."""

from __future__ import annotations

from collections import Counter
from datetime import date

import click

from .. import __version__
from ..errors import AccordError, InputRejected
from ..model import Rejected
from ..read.dates import parse_published
from ..store import DEFAULT_PATH


def _published(ctx, param, value) -> date | None:
    try:
        return parse_published(value)
    except InputRejected as err:
        raise click.BadParameter(err.reason) from None


published_option = click.option(
    "--published", callback=_published, metavar="YYYY-MM-DD",
    help="Publication date for inputs whose metadata gives none.",
)  # fmt: skip
kb_option = click.option(
    "--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A directory of your own knowledge-base YAML files (repeatable; also $ACCORD_KB).",
)  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="accord")
def main() -> None:
    """accord: conflict and diplomacy news to coded, checkable facts."""


def _pipeline(kb_dirs):
    from ..pipeline import Pipeline

    try:
        return Pipeline(tuple(kb_dirs))
    except AccordError as err:
        raise click.ClickException(str(err)) from None


def _reject(item: Rejected) -> None:
    click.echo(f"rejected {item.origin}: {item.reason}", err=True)


def _skipped(counts: Counter[str]) -> None:
    """Say on standard error how many WARC records held no page, by reason (not a failure)."""
    if counts:
        reasons = ", ".join(f"{n} {why}" for why, n in counts.most_common())
        click.echo(f"skipped {counts.total()} WARC records that hold no page: {reasons}", err=True)


db_option = click.option("--db", "db_path", default=DEFAULT_PATH, show_default=True, help="The SQLite store.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
