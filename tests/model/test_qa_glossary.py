"""The ``glossary`` QA check on the seed's two slips and on renderings that are right."""

from __future__ import annotations

import json

from model.glossary.entries import TermRecord, add_term, import_terms
from model.ops.findings import dismiss_finding
from model.qa import run_checks
from model.qa.fixes import apply_fix, fixes_for
from model.readmodel import load_transcript
from tests.cli.test_cli import taiyaku
from tests.helpers import make_transcript

GLOSSARY = [
    TermRecord("alliance projection", "同盟の力の投射", ("同盟予測",)),
    TermRecord("command structure", "指揮系統", ("コマンド構造",)),
    TermRecord("AUKUS pillar two", "AUKUSの第2の柱"),
]
SLIP_1 = ("You talked about the transition from alliance protection to alliance projection.",
          "同盟保護から同盟予測への移行について話しました。")
SLIP_2 = ("Could I ask also about the command structure, the end state of this?",
          "コマンド構造、最終状態についてもお伺いしてもよろしいですか。")
RIGHT = [
    ("Alliance Projections matter.", "同盟の力の投射が重要です。"),  # plural, capitals
    ("The command structure's end state.", "指揮系統の最終状態。"),  # possessive
    ("Progress on ＡＵＫＵＳ pillar two.", "ＡＵＫＵＳの第２の柱の進展。"),  # full-width: NFKC
    ("Not a glossary term here.", "ここには用語はありません。"),
]


def findings(store, tid):
    return [f for f in run_checks(store, tid) if f.check == "glossary"]


def test_the_seed_slips_are_found_and_right_renderings_are_not(store):
    import_terms(store, GLOSSARY)
    tid = make_transcript(store, [("Q", [SLIP_1, SLIP_2, *RIGHT]), ("OFFICIAL", [("alliance projection", None)])])
    found = findings(store, tid)
    assert [(f.segment, dict(f.params)["term"], dict(f.params)["variant"]) for f in found] == [
        (1, "alliance projection", "同盟予測"), (2, "command structure", "コマンド構造")]
    assert "同盟の力の投射" in found[0].message and "同盟予測" in found[0].message
    assert found[0].category == "terminology"


def test_a_missing_approved_term_is_one_finding_without_a_fix(store):
    add_term(store, GLOSSARY[1])
    tid = make_transcript(store, [("Q", [("The command structure and the command structures.", "その構造。")])])
    [f] = findings(store, tid)
    assert dict(f.params)["variant"] == "" and "指揮系統" in f.message
    assert fixes_for(f) == []


def test_replace_with_the_approved_term_is_one_correction_and_one_undo_step(store):
    import_terms(store, GLOSSARY)
    tid = make_transcript(store, [("Q", [SLIP_1])])
    [f] = findings(store, tid)
    [fix] = fixes_for(f)
    assert fix.kind == "replace" and "同盟の力の投射" in fix.label
    event = apply_fix(store, f, fix)
    seg = load_transcript(store, tid).turns[0].segments[0]
    assert seg.ja == "同盟保護から同盟の力の投射への移行について話しました。"
    assert [c.after for c in seg.corrections] == ["の力の投射"]  # one correction, the smallest
    assert findings(store, tid) == []  # rechecked: right now
    store.undo(event)
    assert load_transcript(store, tid).turns[0].segments[0].ja == SLIP_1[1]


def test_a_glossary_finding_can_be_dismissed(store):
    import_terms(store, GLOSSARY)
    tid = make_transcript(store, [("Q", [SLIP_2])])
    [f] = findings(store, tid)
    dismiss_finding(store, tid, f.key, "house style")
    assert findings(store, tid) == []


def test_qa_json_shows_glossary_findings_and_their_fixes(db_path):
    from model.store import Store

    store = Store.open(db_path, annotator="tester")
    import_terms(store, GLOSSARY)
    tid = make_transcript(store, [("Q", [SLIP_1])])
    store.close()
    result = taiyaku("qa", tid, "--db", db_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = [r for r in json.loads(result.stdout) if r["check"] == "glossary"]
    assert row["params"]["variant"] == "同盟予測"
    assert row["fixes"][0]["params"]["new"] == "同盟の力の投射"
