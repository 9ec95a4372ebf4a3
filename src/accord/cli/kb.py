"""`accord kb`: inspect, check and extend the actor knowledge base."""

from __future__ import annotations

from datetime import date

import click

from ..errors import AccordError
from .common import kb_option, main


@main.group()
def kb() -> None:
    """Inspect, check and extend the actor knowledge base."""


def _load_kb(kb_dirs):
    from ..actors.kb import load

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
    from ..actors.timing import describe_role

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

    from ..actors.wikidata import import_dump

    try:
        summary = import_dump(Path(dump), Path(output))
    except AccordError as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"read {summary.entities} entities: wrote {summary.people} people and {summary.offices} offices to "
        f"{output}; skipped {summary.skipped_no_country} without a known country"
    )

