"""The README stays true to the code: every setting documented, the two commands present."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"KIRUNA_BOT_{name.upper()}" in readme, name


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "./run.sh serve" in readme
    assert "./run.sh test" in readme
    assert "./run.sh test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
