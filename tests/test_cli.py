"""The command line gives the same answer object as the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from bot.config import Settings
from bot.service import ChatService
from bot.wiring import Bot


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("kiruna-bot")
    env = {**os.environ, "KIRUNA_BOT_DATA_DIR": str(data_dir)}
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_ask_json_is_the_api_answer(settings: Settings, bot: Bot) -> None:
    question = "Vad är målet för boende?"
    out = _cli("ask", question, "--lang", "sv", "--json", data_dir=settings.data_dir)
    assert out.returncode == 0, out.stderr
    with TestClient(create_app(settings, bot)) as client:
        api = client.post("/v1/chat", json={"message": question, "lang": "sv"}).json()
    cli = json.loads(out.stdout)
    assert cli.pop("id") != api.pop("id")  # each answer gets its own id
    # each answer starts its own conversation (signed with its own time); the rest is the same answer
    assert cli.pop("conversation")
    assert api.pop("conversation")
    assert cli == api


def test_ask_refuses_bad_input_clearly(settings: Settings, service: ChatService) -> None:
    out = _cli("ask", "hej", "--lang", "xx", data_dir=settings.data_dir)
    assert out.returncode == 2
    assert "Input should be 'sv', 'en'" in out.stderr


def test_eval_json_reports_the_metrics(settings: Settings, service: ChatService, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"id": "a", "lang": "sv", "question": "Vad är målet för kultur?", '
        '"answer": "Mål: Kultur och idrott ska vara lättillgängligt och ge medborgare och besökare ett rikt liv."}\n'
        '{"id": "b", "lang": "en", "question": "Tell me a joke about reindeer", "answer": null}\n',
        encoding="utf-8",
    )
    out = _cli("eval", "--cases", str(cases), "--json", data_dir=settings.data_dir)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    overall = report["overall"]
    for key in ("recall_at_1", "recall_at_3", "mrr", "refusal_rate", "false_refusal_rate", "verbatim_rate"):
        assert key in overall
    assert overall["recall_at_1"] == 1.0
    assert overall["refusal_rate"] == 1.0
    assert set(report["by_lang"]) == {"sv", "en"}
    table = _cli("eval", "--cases", str(cases), data_dir=settings.data_dir)
    assert "R@1" in table.stdout
    assert "all" in table.stdout
