"""`kiruna-bot corpus …`: import, diff, publish, roll back and list versions from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from tests.content_pages import NEW_GOAL, OLD_GOAL, second_version_html

pytestmark = pytest.mark.slow


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("kiruna-bot")
    env = {**os.environ, "KIRUNA_BOT_DATA_DIR": str(data_dir), "KIRUNA_BOT_TRANSLATION_PROVIDER": "none"}
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=600, check=False)


def test_the_editors_workflow_on_the_command_line(settings: Settings, pipeline: object, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(settings.index_dir, data / "index")
    page = tmp_path / "vision.html"
    page.write_text(second_version_html(), encoding="utf-8")

    listed = _cli("corpus", "versions", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    v1 = listed.stdout.split()[2]
    assert listed.stdout.startswith(f"* vision-mal-och-varumarke {v1} #1 ")

    imported = _cli("corpus", "import", str(page), "--by", "Åsa", data_dir=data)
    assert imported.returncode == 0, imported.stderr
    assert "2 sentences changed, 3 added, 1 removed" in imported.stdout
    v2 = imported.stdout.split("new version ")[1].split()[0]

    diff = _cli("corpus", "diff", v2, data_dir=data)
    assert diff.returncode == 0, diff.stderr
    assert f"  ~ {OLD_GOAL}\n    -> {NEW_GOAL}" in diff.stdout
    assert "stale translations: en 3 (0 reviewed)" in diff.stdout
    as_json = json.loads(_cli("corpus", "diff", v2, "--json", data_dir=data).stdout)
    assert as_json["diff"]["counts"] == {"added": 3, "removed": 1, "changed": 2, "unchanged": 36}
    assert len(as_json["eval_cases"]) == 14

    published = _cli("corpus", "publish", v2, "--by", "Åsa", data_dir=data)
    assert published.returncode == 0, published.stderr
    assert f"{v2} is published (publish)" in published.stdout
    answer = json.loads(
        _cli("ask", "Vad är målet för kultur och idrott?", "--lang", "sv", "--json", data_dir=data).stdout
    )
    assert NEW_GOAL in answer["quote"]["text"]
    assert answer["quote"]["doc_version"] == v2

    again = _cli("corpus", "publish", v2, data_dir=data)
    assert again.returncode == 1
    assert "already the published version" in again.stderr
    rolled = _cli("corpus", "rollback", v1, data_dir=data)
    assert rolled.returncode == 0, rolled.stderr
    answer = json.loads(
        _cli("ask", "Vad är målet för kultur och idrott?", "--lang", "sv", "--json", data_dir=data).stdout
    )
    assert OLD_GOAL in answer["quote"]["text"]
    listed = _cli("corpus", "versions", data_dir=data).stdout
    assert f"* vision-mal-och-varumarke {v1} #1" in listed
    assert f"  vision-mal-och-varumarke {v2} #2" in listed
    assert "by Åsa" in listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("corpus", "import", "https://example.org/vision"), "is not a host imports may fetch from"),
        (("corpus", "import", "no-such-file.html"), "no such file"),
        (("corpus", "publish", "0123456789ab"), "no version 0123456789ab"),
    ],
)
def test_bad_corpus_commands_say_why(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = _cli(*args, data_dir=tmp_path / "data")
    assert out.returncode in (1, 2)
    assert message in out.stderr
    assert "Traceback" not in out.stderr
