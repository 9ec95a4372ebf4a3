"""`accord eval` (scores against gold sets) and `accord train` (the event classifier)."""

from __future__ import annotations

import json

import click

from ..errors import AccordError
from .common import _pipeline, kb_option, main


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
        scores.pop("false", None)
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
        return None
    return scores


@eval_command("actors")
@click.option("--misses", is_flag=True, help="List the records scored wrong.")
def eval_actors(path, kb_dirs, as_json, misses) -> None:
    """Source and target country-code accuracy of actor resolution on PLOVER-style gold records."""
    from ..evaluate.actors import evaluate_actors

    scores = _scores(evaluate_actors, path, kb_dirs, as_json, misses)
    if scores is None:
        return
    click.echo(f"{scores['records']} records")
    for role in ("source", "target"):
        click.echo(f"  {role:7} country-code accuracy {scores[f'{role}_accuracy']:.1%} of {scores[f'{role}_total']}")
    for role, items in scores.get("misses", {}).items():
        for miss in items:
            click.echo(f"  miss {role} {miss['id']}: gold {miss['gold']} found {miss['found']} in {miss['actors']}")


@eval_command("events")
def eval_events(path, kb_dirs, as_json) -> None:
    """PLOVER type precision/recall/F1, type accuracy and triple accuracy on gold records."""
    from ..evaluate.events import evaluate_events

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
    from ..evaluate.quotes import evaluate_quotes

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
    from ..evaluate.classes import evaluate_acled

    scores = _scores(evaluate_acled, path, kb_dirs, as_json, misses=False)
    if scores is not None:
        _class_report(scores, "sub-event type")


@eval_command("penta")
def eval_penta(path, kb_dirs, as_json) -> None:
    """CAMEO five-way class P/R/F1 and confusions on JSON Lines (`text`, `label`) or TSV."""
    from ..evaluate.classes import evaluate_penta

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

    from ..events.learned.train import ARTIFACT, REPO, train as fit

    try:
        meta = fit(Path(team) if team else REPO / "train", Path(shared) if shared else REPO.parent / "shared" / "train",
                   Path(output) if output else ARTIFACT, seed=seed, folds=folds)  # fmt: skip
    except ImportError as err:
        raise click.ClickException(f"{err.name} is missing: install the train extra (pip install -e '.[train]')") from None
    click.echo(f"{meta['features']} features from {sum(meta['sources'].values())} examples -> {output or ARTIFACT}")
    for head, info in meta["heads"].items():
        cv = ", ".join(f"{k}: accuracy {v['accuracy']:.1%}, macro-F1 {v['macro_f1']:.3f}" for k, v in info["cross_validated"].items())
        click.echo(f"  {head:7} {info['examples']} examples, {len(info['labels'])} labels   {cv}")


@eval_command("findings")
@click.option("--misses", is_flag=True, help="List the planted findings missed and the findings no group planted.")
def eval_findings(path, kb_dirs, as_json, misses) -> None:
    """Findings precision and recall per kind, and story grouping, on planted groups (a directory of YAML)."""
    from ..evaluate.findings import evaluate_findings

    scores = _scores(evaluate_findings, path, kb_dirs, as_json, misses)
    if scores is None:
        return
    s = scores["stories"]
    click.echo(f"{scores['groups']} groups, {scores['articles']} articles; {scores['gold']} planted findings, {scores['found']} found")
    click.echo(f"  precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  severity agreement {scores['severity_agreement']:.1%}")
    click.echo(f"  {'kind':24}{'P':>7}{'R':>7}{'gold':>6}{'found':>6}")
    for kind, k in scores["per_kind"].items():
        click.echo(f"  {kind:24}{k['precision']:7.2f}{k['recall']:7.2f}{k['gold']:6}{k['found']:6}")
    click.echo(f"  stories: {s['stories']} for {s['groups']} groups, pair precision {s['pair_precision']:.3f}, "
               f"pair recall {s['pair_recall']:.3f}; copies {s['copies_found']} of {s['copies']} found, {s['copies_wrong']} wrong")  # fmt: skip
    for miss in scores.get("misses", []):
        click.echo(f"  missed {miss}")
    for false in scores.get("false", []) if misses else []:
        click.echo(f"  not planted: {false}")
