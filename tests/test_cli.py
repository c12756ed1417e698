"""The `spektroom` command group: every command is registered and documented with an example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from spektroom_crawler.cli import COMMANDS, main


def test_group_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line}
    assert listed == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`spektroom {name} --help` shows no example"


def test_unknown_command_is_one_clear_error() -> None:
    result = CliRunner().invoke(main, ["crawll"])
    assert result.exit_code != 0
    assert "No such command 'crawll'" in result.output
