"""Every command has help text and a README entry; the README opens with the two set-up commands."""
from pathlib import Path

from typer.main import get_command

from peacewatch.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_command_is_documented():
    commands = get_command(app).commands
    for name, command in commands.items():
        assert command.help, f"{name} has no help text"
        assert f"peacewatch {name}" in README, f"{name} is missing from the README"


def test_readme_opens_with_demo_and_test():
    first_block = README.split("```")[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()[1:3]] == ["make demo", "make test"]


def test_every_setting_is_documented_with_its_environment_variable():
    from dataclasses import fields

    from peacewatch.settings import ENV_PREFIX, Settings

    for setting in fields(Settings):
        assert f"`{ENV_PREFIX}{setting.name.upper()}`" in README, f"setting {setting.name} is missing from the README"
