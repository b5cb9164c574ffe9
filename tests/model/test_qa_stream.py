"""The QA run over a whole transcript reads it a span of turns at a time and gives the
same findings, in the same order, as checking the transcript loaded whole."""

from __future__ import annotations

import json

from sqlalchemy import select

from model.ops.findings import dismiss_finding
from model.qa import check_view, run_checks
from model.qa.scan import iter_checks
from model.readmodel import load_transcript
from model.schema import Segment
from model.store import Store
from tests.cli.test_cli import taiyaku


def _press_call(store: Store, press_call) -> int:
    from model.importer.load import import_file
    from model.ops.corrections import edit_text

    tid = import_file(store, press_call)
    with store.read() as s:
        segs = s.execute(select(Segment.id, Segment.en_orig).where(Segment.transcript_id == tid,
                                                                    Segment.en_orig.is_not(None))).all()
    for sid, en in segs[::7]:
        edit_text(store, sid, "en", en + " 12 million", category="other")
    return tid


def test_streamed_checks_find_what_the_whole_transcript_gives(store, press_call):
    tid = _press_call(store, press_call)
    whole = check_view(load_transcript(store, tid))
    assert len(whole) > 20
    assert list(iter_checks(store, tid, include_settled=True)) == whole
    dismiss_finding(store, tid, whole[3].key, "fine")
    settled = [f for f in whole if f.key != whole[3].key]
    assert list(iter_checks(store, tid)) == settled
    assert run_checks(store, tid) == settled


def test_cli_json_is_laid_out_as_before(db_path, press_call):
    store = Store.open(db_path, annotator="tester")
    try:
        tid = _press_call(store, press_call)
        found = check_view(load_transcript(store, tid))
    finally:
        store.close()
    result = taiyaku("qa", tid, "--db", db_path, "--format", "json", "--all")
    assert result.returncode == 0, result.stderr
    from model.qa.fixes import fixes_for

    rows = [{"check": f.check, "turn": f.turn, "segment": f.segment, "lang": f.lang, "message": f.message,
             "segment_id": f.segment_id, "key": f.key, "category": f.category, "params": dict(f.params),
             "fixes": [x.to_dict() for x in fixes_for(f)]} for f in found]
    assert result.stdout == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def test_the_bounded_run_finds_what_the_whole_transcript_gives_for_every_check(store):
    from model.qa import CHECKS
    from tests.model.test_qa_scan import generated, prepared

    tid = generated(store, turns=80, seed=11)
    whole = check_view(prepared(store, tid))
    assert {f.check for f in whole} == set(CHECKS)  # every check (spelling and variants too) finds something
    assert list(iter_checks(store, tid, include_settled=True)) == whole
