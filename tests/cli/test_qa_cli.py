"""``python main.py qa ID``: findings as text or JSON, exit 0 even when there are findings."""

from __future__ import annotations

import json

from model.store import Store
from tests.cli.test_cli import assert_one_error_line, taiyaku
from tests.helpers import make_transcript


def build(db_path):
    store = Store.open(db_path, annotator="tester")
    try:
        return make_transcript(store, [
            (None, [("The package is worth 120 billion yen.", "この支援は約１２０億円に相当します。")]),
            ("OFFICIAL", [("Thank you (inaudible).", None)]),
        ])
    finally:
        store.close()


def test_qa_json_lists_findings_with_positions(db_path):
    tid = build(db_path)
    result = taiyaku("qa", tid, "--db", db_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    got = {(r["check"], r["turn"], r["segment"], r["lang"]) for r in rows}
    assert got == {("unknown_speaker", 1, 1, None), ("numbers", 1, 1, "ja"), ("numbers", 1, 1, "en"),
                   ("untranslated", 2, 1, "ja")}
    assert all(r["message"] for r in rows)


def test_qa_text_and_clean_transcript(db_path):
    tid = build(db_path)
    result = taiyaku("qa", tid, "--db", db_path)
    assert result.returncode == 0
    assert "turn 2, segment 1 [ja]: untranslated:" in result.stdout
    assert result.stdout.rstrip().endswith("4 findings")
    store = Store.open(db_path, annotator="tester")
    clean = make_transcript(store, [("MODERATOR", [("Thank you, 8 of 10.", "ありがとう、10のうち8つ。")])])
    store.close()
    result = taiyaku("qa", clean, "--db", db_path, "--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_qa_unknown_transcript_is_one_line(db_path):
    build(db_path)
    assert_one_error_line(taiyaku("qa", 99, "--db", db_path), "transcript 99")
