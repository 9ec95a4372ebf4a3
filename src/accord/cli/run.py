"""Analysing, storing, and reading back stories and findings."""

from __future__ import annotations

import json
import sys

import click

from ..errors import AccordError
from ..model import Rejected
from ..store import Store
from .common import _pipeline, _reject, db_option, json_option, kb_option, main, published_option


@main.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@kb_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines records (schema/analysis.schema.json).")
def analyze(paths, published, kb_dirs, as_json) -> None:
    """Analyse articles (files, directories, globs, - for stdin) and print a report."""
    from ..report import render
    from ..serialize import analysis_to_dict

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
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse in N processes on this machine (this one stores).")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", help="Analyse on the Dask cluster at ADDRESS (tcp://host:8786).")
@click.option("--shards", type=click.Path(file_okay=False),
              help="Where cluster workers write Parquet shards, shared with this machine [default: DB.shards].")  # fmt: skip
def ingest(paths, published, kb_dirs, db_path, workers, scheduler, shards) -> None:
    """Analyse articles, store them, group them into stories and compare the outlets of the
    stories this run touched; the same article twice is stored once, and a stopped run resumes."""
    from tqdm import tqdm

    from ..ingest import ingest as run_ingest

    try:
        with tqdm(desc="articles", unit=" art", file=sys.stderr, disable=None) as bar:
            report = run_ingest(paths, db_path, published, tuple(kb_dirs), workers, scheduler, shards, bar.update)
    except AccordError as err:
        raise click.ClickException(str(err)) from None
    for item in report.rejected:
        _reject(item)
    resumed = f" (and {report.resumed} from the shards of a stopped run)" if report.resumed else ""
    click.echo(
        f"read {report.read}, stored {report.stored}{resumed}, already stored {report.already_stored}, "
        f"rejected {len(report.rejected)}; {report.across} findings across outlets in the stories touched  ->  {db_path}"
    )
    sys.exit(1 if report.rejected else 0)


def _open(db_path: str) -> Store:
    from pathlib import Path

    if not Path(db_path).exists():
        raise click.ClickException(f"no store at {db_path}: run `accord ingest PATHS --db {db_path}` first")
    try:
        return Store(db_path)
    except AccordError as err:
        raise click.ClickException(str(err)) from None


@main.command()
@db_option
@json_option
def stories(db_path, as_json) -> None:
    """List the stories of the store: articles reporting one event, with their outlets."""
    from ..store.queries import stories as list_stories

    with _open(db_path) as store:
        found = list_stories(store)
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    for s in found:
        click.echo(f"{s['story']}  {len(s['articles'])} articles from {len(s['outlets'])} outlets, {s['findings']} findings across outlets")
        for a in s["articles"]:
            copy = f"  (copy of {a['copy_of']})" if a["copy_of"] else ""
            click.echo(f"  {a['id']}  {a['published'] or 'undated':25} {a['source'] or '-':22} {a['title'] or a['origin']}{copy}")


@main.command()
@db_option
@click.option("--severity", type=click.Choice(["info", "warning", "error"]), help="This severity and the ones above it.")
@click.option("--kind", help='One kind, e.g. "numbers differ" or "role and time".')
@click.option("--story", help="The findings of one story (its articles' and across its outlets).")
@json_option
def findings(db_path, severity, kind, story, as_json) -> None:
    """List the findings of the store: inside articles and across the outlets of a story."""
    from ..store.queries import findings as list_findings

    with _open(db_path) as store:
        found = list_findings(store, severity, kind, story)
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    for f in found:
        where = f"story {f['story']}" if f.get("story") else "article"
        click.echo(f"{f['severity'].upper():8} {f['kind']}  ({where}; rule: {f['rule']})")
        click.echo(f"  {f['explanation']}")
        for e in f["evidence"]:
            click.echo(f"    {e['source'] or '-'} {e['article']} [{e['start']}:{e['end']}] “{e['text']}”")
    click.echo(f"{len(found)} findings")
