"""The `accord` command: each command is a few lines over the library.

Exit codes: 0 all inputs analysed, 1 some inputs rejected, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date

import click

from . import __version__
from .errors import AccordError, InputRejected
from .model import Analysis, Rejected
from .read.dates import parse_published
from .store import DEFAULT_PATH, Store


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
    from .pipeline import Pipeline

    try:
        return Pipeline(tuple(kb_dirs))
    except AccordError as err:
        raise click.ClickException(str(err)) from None


def _reject(item: Rejected) -> None:
    click.echo(f"rejected {item.origin}: {item.reason}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@kb_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines records (schema/analysis.schema.json).")
def analyze(paths, published, kb_dirs, as_json) -> None:
    """Analyse articles (files, directories, globs, - for stdin) and print a report."""
    from .report import render
    from .serialize import analysis_to_dict

    rejected = 0
    for item in _pipeline(kb_dirs).analyze_paths(paths, published):
        if isinstance(item, Rejected):
            rejected += 1
            _reject(item)
        elif as_json:
            click.echo(json.dumps(analysis_to_dict(item), ensure_ascii=False))
        else:
            click.echo(render(item))
    sys.exit(1 if rejected else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@kb_option
@click.option("--db", "db_path", default=DEFAULT_PATH, show_default=True, help="The SQLite store.")
def ingest(paths, published, kb_dirs, db_path) -> None:
    """Analyse articles and store them; the same article twice is stored once."""
    from tqdm import tqdm

    counts: Counter[str] = Counter()
    reasons: list[Rejected] = []
    try:
        store = Store(db_path)
    except AccordError as err:
        raise click.ClickException(str(err)) from None
    with store, tqdm(desc="articles", unit=" art", file=sys.stderr, disable=None) as bar:
        for item in _pipeline(kb_dirs).analyze_paths(paths, published):
            counts["read"] += 1
            if isinstance(item, Rejected):
                counts["rejected"] += 1
                reasons.append(item)
            elif isinstance(item, Analysis) and store.save(item):
                counts["stored"] += 1
            else:
                counts["already stored"] += 1
            bar.update()
    for item in reasons:
        _reject(item)
    click.echo(
        f"read {counts['read']}, stored {counts['stored']}, already stored {counts['already stored']}, "
        f"rejected {counts['rejected']}  ->  {db_path}"
    )
    sys.exit(1 if reasons else 0)
