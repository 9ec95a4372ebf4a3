"""Analysing, storing, and reading back stories and findings."""

from __future__ import annotations

import json
import sys
from collections import Counter

import click

from ..errors import AccordError
from ..model import Rejected
from ..store import Store
from .common import _pipeline, _reject, _skipped, db_option, json_option, kb_option, main, published_option


@main.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@kb_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines records (schema/analysis.schema.json).")
def analyze(paths, published, kb_dirs, as_json) -> None:
    """Analyse articles (files, directories, globs, - for stdin) and print a report."""
    from ..read import read_sources
    from ..report import render
    from ..serialize import analysis_to_dict

    rejected, skipped = 0, Counter()
    for item in _pipeline(kb_dirs).stream(read_sources(paths, published, skipped)):
        if isinstance(item, Rejected):
            rejected += 1
            _reject(item)
        elif as_json:
            click.echo(json.dumps(analysis_to_dict(item), ensure_ascii=False))
        else:
            click.echo(render(item))
    _skipped(skipped)
    sys.exit(1 if rejected else 0)


INGEST_EXIT_STATUS = """\b
Exit status:
  0    every input was read and every article is stored (by this run or an earlier one);
       WARC records that hold no page (requests, images, ...) are counted, not failures
  1    the run went to its end, but some inputs were rejected, each named with its reason
       on standard error (a WARC file that ends early is one); all else is stored
  2    a usage error; nothing was done
  3    the run stopped before its end or could not start (another ingest is writing to
       the store, the store cannot be opened, a broken knowledge base, a worker or the
       cluster failed); what it stored is kept: fix the cause and run the same command again
  130  interrupted (Ctrl-C); run the same command again to resume
"""


class Stopped(click.ClickException):
    """An ingest that could not run to its end: exit status 3."""

    exit_code = 3


@main.command(epilog=INGEST_EXIT_STATUS)
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
    stories this run touched; the same article twice is stored once, a stopped run resumes,
    and one ingest at a time writes to a store."""
    from tqdm import tqdm

    from ..ingest import ingest as run_ingest

    if workers > 1 and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both: the scheduler's workers do the analysis")
    try:
        with tqdm(desc="articles", unit=" art", file=sys.stderr, disable=None) as bar:
            report = run_ingest(paths, db_path, published, tuple(kb_dirs), workers, scheduler, shards, bar.update)
    except AccordError as err:
        raise Stopped(str(err)) from None
    except KeyboardInterrupt:
        click.echo("interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    for item in report.rejected:
        _reject(item)
    _skipped(report.skipped)
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
