"""Statistics: what a transcript holds and how far its review is, and the time spent from the journal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import update

from model.ops.corrections import edit_text, reject_correction, set_correction_details
from model.ops.flags import add_flag, resolve_flag
from model.ops.review_state import approve
from model.readmodel import load_transcript
from model.schema import ChangeEvent
from model.stats import active_seconds, count_chars, count_words, transcript_stats
from model.store import Store
from tests.cli.test_cli import assert_one_error_line, taiyaku
from tests.helpers import make_transcript


def build(store: Store) -> int:
    return make_transcript(store, [
        ("Q", [("Thank you. It's a well-known (inaudible) issue.", "ありがとう。(聞き取れない)問題です。"),
               ("Second question.", None)]),
        ("OFFICIAL", [("Yes.", "はい。"), (None, "注記")]),
    ])


def test_counts_and_progress(store):
    tid = build(store)
    segs = [s for _t, s in load_transcript(store, tid).segments()]
    e1 = edit_text(store, segs[0].id, "en", "Thank you. It's a well-known harbour issue.")
    cor = load_transcript(store, tid).turns[0].segments[0].corrections[0]
    set_correction_details(store, cor.id, category="mishearing")
    edit_text(store, segs[2].id, "ja", "はい、そうです。")
    bad = edit_text(store, segs[2].id, "en", "Yes indeed.")
    assert e1 and bad
    reject_correction(store, load_transcript(store, tid).turns[1].segments[0].corrections[-1].id)
    flag = add_flag(store, segs[1].id, "missing_translation", "translate")
    add_flag(store, segs[0].id, "other", "check")
    resolve_flag(store, 1)
    approve(store, [segs[2].id])
    st = transcript_stats(store, [tid])
    assert flag
    assert (st["segments"], st["translated"], st["untranslated"]) == (4, 2, 2)
    # "Thank you. It's a well-known harbour issue." = 7 words, "Second question." 2, "Yes." 1
    assert st["words_en"] == 10
    assert st["chars_ja"] == count_chars("ありがとう。(聞き取れない)問題です。") + len("はい、そうです。") + 2
    assert st["gaps"] == {"open": 2, "filled": 0, "unrecoverable": 0}  # one in each language
    assert st["corrections"]["by_status"] == {"proposed": 2, "accepted": 0, "rejected": 1, "reverted": 0}
    assert st["corrections"]["by_category"] == {"mishearing": 1, "uncategorised": 1}
    assert st["corrections"]["by_annotator"] == {"tester": 2}
    assert st["flags"] == {"open": 1, "resolved": 1, "wontfix": 0}
    assert st["approval"]["approved"] == 1 and st["approval"]["progress"] == 0.25


def test_active_time_leaves_out_pauses(store):
    tid = build(store)
    seg = load_transcript(store, tid).turns[0].segments[1]
    ids = [edit_text(store, seg.id, "en", f"Second question {n}.") for n in range(4)]
    start = datetime(2024, 4, 9, 10, 0, 0)
    # 10:00, 10:02, then a lunch break, 13:00, 13:01: two stretches of 2 min and 1 min (+30 s each).
    times = [start, start + timedelta(minutes=2), start + timedelta(hours=3), start + timedelta(hours=3, minutes=1)]
    with store.engine.begin() as conn:
        conn.execute(update(ChangeEvent).where(ChangeEvent.id == ids[0] - 1).values(created_at=start))
        for event, at in zip(ids, times, strict=True):
            conn.execute(update(ChangeEvent).where(ChangeEvent.id == event).values(created_at=at))
    t = transcript_stats(store, [tid])["time"]["by_annotator"]["tester"]
    assert t["active_s"] == 120 + 30 + 60 + 30
    assert t["corrections"] == 4 and t["corrections_per_hour"] == round(4 / (240 / 3600), 1)


def test_helpers():
    assert count_words("It’s a well-known U.S. issue, 2024.") == 6
    assert count_chars("日本 語。") == 4
    assert active_seconds([]) == 0
    assert active_seconds([0, 10, 1000]) == 10 + 30 + 30


def test_cli_text_and_json(db_path):
    store = Store.open(db_path, annotator="tester")
    tid = build(store)
    build(store)
    store.close()
    result = taiyaku("stats", tid, "--db", db_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["segments"] == 4 and data["transcripts"] == [tid]
    every = json.loads(taiyaku("stats", "--all", "--db", db_path, "--format", "json").stdout)
    assert every["segments"] == 8 and every["untranslated"] == 4
    text = taiyaku("stats", tid, "--db", db_path).stdout
    assert "segments: 4 (2 translated, 2 untranslated)" in text
    assert_one_error_line(taiyaku("stats", "--db", db_path), "ID or --all")
    assert_one_error_line(taiyaku("stats", "99", "--db", db_path), "99")
