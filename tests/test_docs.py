"""Keep the docs honest: the README's commands exist, CI runs the README's test command."""

import re

from click.testing import CliRunner

from accord.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_quick_start_has_exactly_two_setup_commands_that_the_makefile_defines():
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_command_in_the_readme_exists():
    code = "\n".join(README.split("```")[1::2])
    for command in re.findall(r"^accord (\w[\w-]*)", code, re.M):
        assert command in main.commands, f"README names `accord {command}`, which does not exist"
    for group, sub in re.findall(r"accord (kb|eval) ([\w-]+)", code):
        assert sub in main.commands[group].commands, f"README names `accord {group} {sub}`"


def test_readme_sample_output_comes_from_the_demo(monkeypatch):
    sample = README.split("Part of what it prints:", 1)[1].split("```", 2)[1]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["analyze", "examples/"])  # as `make demo` runs it
    for line in sample.strip().splitlines():
        if line.strip() and not line.strip().startswith("…"):
            assert line.rstrip() in result.output, f"README sample line not in the demo output: {line!r}"


def test_the_readme_gives_the_exit_status_ingest_help_gives():
    from accord.cli.run import INGEST_EXIT_STATUS

    table = INGEST_EXIT_STATUS.removeprefix("\b\n").strip()
    assert f"```\n{table}\n```" in README
    assert table in CliRunner().invoke(main, ["ingest", "--help"]).output.replace("\n  ", "\n")
