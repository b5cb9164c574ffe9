"""The reads a window makes before its first paint compile as Core statements over the tables'
columns: they need no ORM mapper configuration (issue 15), and read the same as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from model.glossary.entries import TermRecord, add_term, list_terms
from model.ops.speakers import list_suggestions
from model.readmodel import load_segment, load_segments
from model.store import Store
from tests.factory import make_transcript

ROOT = Path(__file__).resolve().parents[2]

# In a fresh process (this one configured the mappers long ago): every read the window makes
# before its paint, then whether SQLAlchemy still has mappers to configure.
SCRIPT = """
import json, sys
from model.store import Store
from model.audio.ops import recording_of
from model.glossary.entries import list_terms
from model.ops.speakers import list_suggestions
from model.readmodel import load_segment, load_segments
from model.schema import Base
from model.skeleton import load_skeleton, load_speakers, transcript_ids
store = Store.open(sys.argv[1], annotator="tester")
tid, ids = int(sys.argv[2]), json.loads(sys.argv[3])
segments = load_segments(store, ids)
out = {"texts": [segments[i].en for i in ids], "one": load_segment(store, ids[1]).en,
       "gaps": sum(len(s.gaps) for s in segments.values()),
       "corrections": [c.annotator for s in segments.values() for c in s.corrections],
       "terms": [(t.en, t.author, t.forbidden, t.created_at.isoformat()) for t in list_terms(store)],
       "suggestions": [s.name for s in list_suggestions(store, tid)],
       "recording": recording_of(store, tid),
       "transcripts": transcript_ids(store), "rows": list(load_skeleton(store, tid).segment_ids),
       "speakers": sorted((v.id, v.label_en, v.redacted, v.position) for v in load_speakers(store, tid).values())}
store.watch_others().stop()
out["unconfigured"] = Base.registry._new_mappers
print("RESULT", json.dumps(out))
"""


def test_the_reads_before_the_first_paint_need_no_orm_configuration(tmp_path):
    store = Store.open(tmp_path / "lib.sqlite3", annotator="tester")
    tid = make_transcript(store)
    add_term(store, TermRecord("harbour", "港湾", ("港",), "a port"))
    from model.skeleton import load_skeleton, load_speakers, transcript_ids

    rows = list(load_skeleton(store, tid).segment_ids)
    ids = [i for i in rows if i is not None]
    segments = load_segments(store, ids)
    expected = {"texts": [segments[i].en for i in ids], "one": load_segment(store, ids[1]).en,
                "gaps": sum(len(s.gaps) for s in segments.values()),
                "corrections": [c.annotator for s in segments.values() for c in s.corrections],
                "terms": [[t.en, t.author, list(t.forbidden), t.created_at.isoformat()] for t in list_terms(store)],
                "suggestions": [s.name for s in list_suggestions(store, tid)], "recording": None,
                "transcripts": transcript_ids(store), "rows": rows,
                "speakers": [list(v) for v in sorted((v.id, v.label_en, v.redacted, v.position)
                                                     for v in load_speakers(store, tid).values())],
                "unconfigured": True}
    store.close()
    assert expected["corrections"] == ["tester"] and expected["terms"][0][:3] == ["harbour", "tester", ["港"]]
    assert expected["gaps"] and expected["suggestions"] and expected["speakers"] and expected["transcripts"] == [tid]
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "lib.sqlite3"), str(tid), json.dumps(ids)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr[-3000:]
    assert json.loads(lines[0].split(" ", 1)[1]) == expected
