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
from .read import read_sources
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
    seen: list = []
    with store, tqdm(desc="articles", unit=" art", file=sys.stderr, disable=None) as bar:
        for item in _pipeline(kb_dirs).stream(store.unseen(read_sources(paths, published), seen)):
            if isinstance(item, Rejected):
                counts["rejected"] += 1
                reasons.append(item)
            elif isinstance(item, Analysis) and store.save(item):
                counts["stored"] += 1
            else:
                counts["already stored"] += 1
            bar.update()
    counts["already stored"] += len(seen)
    counts["read"] = counts["rejected"] + counts["stored"] + counts["already stored"]
    for item in reasons:
        _reject(item)
    click.echo(
        f"read {counts['read']}, stored {counts['stored']}, already stored {counts['already stored']}, "
        f"rejected {counts['rejected']}  ->  {db_path}"
    )
    sys.exit(1 if reasons else 0)


@main.group(name="eval")
def eval_group() -> None:
    """Score accord against gold sets (see ../shared/eval)."""


def eval_command(name: str):
    """The decorators every `accord eval` command shares: the gold path, --kb and --json."""

    def wrap(function):
        for decorator in reversed((
            eval_group.command(name=name), click.argument("path", type=click.Path(exists=True)), kb_option,
            click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON."),
        )):  # fmt: skip
            function = decorator(function)
        return function

    return wrap


def _scores(evaluate, path, kb_dirs, as_json: bool, misses: bool) -> dict | None:
    """Run one evaluation; print it as JSON and return None, or return it for a text report."""
    from pathlib import Path

    try:
        scores = evaluate(Path(path), _pipeline(kb_dirs))
    except AccordError as err:
        raise click.ClickException(str(err)) from None
    if not misses:
        scores.pop("misses", None)
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
        return None
    return scores


@eval_command("actors")
@click.option("--misses", is_flag=True, help="List the records scored wrong.")
def eval_actors(path, kb_dirs, as_json, misses) -> None:
    """Source and target country-code accuracy of actor resolution on PLOVER-style gold records."""
    from .evaluate.actors import evaluate_actors

    scores = _scores(evaluate_actors, path, kb_dirs, as_json, misses)
    if scores is None:
        return
    click.echo(f"{scores['records']} records")
    for role in ("source", "target"):
        click.echo(f"  {role:7} country-code accuracy {scores[f'{role}_accuracy']:.1%} of {scores[f'{role}_total']}")
    for role, items in scores.get("misses", {}).items():
        for miss in items:
            click.echo(f"  miss {role} {miss['id']}: gold {miss['gold']} found {miss['found']} in {miss['actors']}")


@main.group()
def kb() -> None:
    """Inspect, check and extend the actor knowledge base."""


def _load_kb(kb_dirs):
    from .actors.kb import load

    try:
        return load(tuple(kb_dirs))
    except AccordError as err:
        raise click.ClickException(str(err)) from None


@kb.command()
@kb_option
def check(kb_dirs) -> None:
    """Validate the knowledge-base files (bundled, $ACCORD_KB and --kb)."""
    base = _load_kb(kb_dirs)
    click.echo(
        f"ok: {len(base.files)} files, {len(base.countries)} countries, {len(base.organisations)} organisations, "
        f"{len(base.offices)} offices, {len(base.people)} people; facts current to {base.current_to or 'unknown'}"
    )


@kb.command()
@click.argument("name")
@kb_option
def show(name, kb_dirs) -> None:
    """Print the people, countries and organisations called NAME, with roles and dates."""
    from .actors.timing import describe_role

    base = _load_kb(kb_dirs)
    key = name.lower()
    found = 0
    for person in base.people.values():
        if key in (n.lower() for n in (person.name, *person.aliases)) or key == (person.qid or "").lower():
            found += 1
            click.echo(f"{person.name}  ({person.qid or 'no QID'}, {person.country}, {base.where[person.id][0]})")
            for t in sorted(person.roles, key=lambda t: t.start or date.min):
                office = base.offices[t.office]
                flags = " ".join(f for f, on in (("acting", t.acting), ("approx. dates", t.approx)) if on)
                click.echo(f"  {t.start or '?'} to {t.end or 'now'}  {office.name} [{office.country}{office.sector}] {flags}")
            if base.current_to:
                click.echo(f"  on {base.current_to}: {describe_role(base, person, base.current_to) or 'no office'}")
    for country in base.countries.values():
        if key in (n.lower() for n in (country.code, country.name, *country.aliases, *country.demonyms)):
            found += 1
            click.echo(f"{country.name}  [{country.code}]  capital {country.capital or '-'}; seats: {', '.join(country.seats) or '-'}")
    for org in base.organisations.values():
        if key in (n.lower() for n in (org.code, org.name, *org.aliases)):
            found += 1
            click.echo(f"{org.name}  [{org.code}, {org.kind}]  aliases: {', '.join(org.aliases) or '-'}")
    if not found:
        raise click.ClickException(f"nothing in the knowledge base is called {name!r}")


@kb.command(name="import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The YAML file to write.")
def import_wikidata(dump, output) -> None:
    """Write office holders (P39 with P580/P582, P27) of a Wikidata JSON dump as a KB file."""
    from pathlib import Path

    from .actors.wikidata import import_dump

    try:
        summary = import_dump(Path(dump), Path(output))
    except AccordError as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"read {summary.entities} entities: wrote {summary.people} people and {summary.offices} offices to "
        f"{output}; skipped {summary.skipped_no_country} without a known country"
    )


@eval_command("events")
def eval_events(path, kb_dirs, as_json) -> None:
    """PLOVER type precision/recall/F1, type accuracy and triple accuracy on gold records."""
    from .evaluate.events import evaluate_events

    scores = _scores(evaluate_events, path, kb_dirs, as_json, misses=True)
    if scores is None:
        return
    click.echo(f"{scores['records']} records, {scores['no_event']} with no event coded")
    click.echo(f"  type accuracy {scores['type_accuracy']:.1%}   macro-F1 {scores['macro_f1']:.3f}   "
               f"triple accuracy {scores['triple_accuracy']:.1%}")  # fmt: skip
    click.echo(f"  {'type':12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for name, s in scores["per_type"].items():
        click.echo(f"  {name:12}{s['precision']:7.2f}{s['recall']:7.2f}{s['f1']:7.2f}{s['gold']:6}")
    for c in scores["confusions"]:
        click.echo(f"  confused {c['gold']} -> {c['predicted']}: {c['count']}")


@eval_command("quotes")
@click.option("--misses", is_flag=True, help="List the quotes scored wrong.")
def eval_quotes(path, kb_dirs, as_json, misses) -> None:
    """Quote content F1 (exact and overlap >= 0.5), speaker and kind accuracy on a quote gold set."""
    from .evaluate.quotes import evaluate_quotes

    scores = _scores(evaluate_quotes, path, kb_dirs, as_json, misses)
    if scores is None:
        return
    click.echo(f"{scores['documents']} documents, {scores['gold']} gold quotes, {scores['found']} found")
    for match in ("exact", "overlap"):
        s = scores[match]
        click.echo(f"  content {match:8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    click.echo(f"  speaker accuracy {scores['speaker_accuracy']:.1%}   kind accuracy {scores['kind_accuracy']:.1%} "
               f"({scores['kind_accuracy_merged']:.1%} with mixed and partial merged)")  # fmt: skip
    for miss in scores.get("misses", []):
        click.echo(f"  miss {json.dumps(miss, ensure_ascii=False)}")


def _class_report(scores: dict, title: str) -> None:
    click.echo(f"{scores['records']} records   accuracy {scores['accuracy']:.1%}   macro-F1 {scores['macro_f1']:.3f}")
    width = max(len(n) for n in scores["per_class"]) + 2
    click.echo(f"  {title:{width}}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>6}")
    for name, s in scores["per_class"].items():
        click.echo(f"  {name:{width}}{s['precision']:7.2f}{s['recall']:7.2f}{s['f1']:7.2f}{s['gold']:6}{s['predicted']:6}")
    click.echo("confusions (gold -> predicted: count):")
    for gold, row in scores["confusion"].items():
        wrong = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda x: -x[1]) if p != gold)
        if wrong:
            click.echo(f"  {gold} -> {wrong}")


@eval_command("acled")
def eval_acled(path, kb_dirs, as_json) -> None:
    """ACLED sub-event type P/R/F1 and confusions on JSON Lines of `text` and `sub_event_type`."""
    from .evaluate.classes import evaluate_acled

    scores = _scores(evaluate_acled, path, kb_dirs, as_json, misses=False)
    if scores is not None:
        _class_report(scores, "sub-event type")


@eval_command("penta")
def eval_penta(path, kb_dirs, as_json) -> None:
    """CAMEO five-way class P/R/F1 and confusions on JSON Lines (`text`, `label`) or TSV."""
    from .evaluate.classes import evaluate_penta

    scores = _scores(evaluate_penta, path, kb_dirs, as_json, misses=False)
    if scores is not None:
        _class_report(scores, "class")


@main.command()
@click.option("--shared", type=click.Path(file_okay=False), default=None,
              help="The research training sets (default: ../shared/train beside the project).")  # fmt: skip
@click.option("--team", type=click.Path(exists=True, file_okay=False), default=None, help="The team's sentences (default: train/).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--folds", type=int, default=5, show_default=True, help="Cross-validation folds (0: none).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Where to write the artifact (default: the bundled one).")
def train(shared, team, seed, folds, output) -> None:
    """Train the event classifier (needs the `train` extra: pip install 'accord[train]')."""
    from pathlib import Path

    from .events.learned.train import ARTIFACT, REPO, train as fit

    try:
        meta = fit(Path(team) if team else REPO / "train", Path(shared) if shared else REPO.parent / "shared" / "train",
                   Path(output) if output else ARTIFACT, seed=seed, folds=folds)  # fmt: skip
    except ImportError as err:
        raise click.ClickException(f"{err.name} is missing: install the train extra (pip install -e '.[train]')") from None
    click.echo(f"{meta['features']} features from {sum(meta['sources'].values())} examples -> {output or ARTIFACT}")
    for head, info in meta["heads"].items():
        cv = ", ".join(f"{k}: accuracy {v['accuracy']:.1%}, macro-F1 {v['macro_f1']:.3f}" for k, v in info["cross_validated"].items())
        click.echo(f"  {head:7} {info['examples']} examples, {len(info['labels'])} labels   {cv}")
