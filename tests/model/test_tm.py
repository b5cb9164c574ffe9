"""Suggestions from earlier corrections: found by English similarity, replayed on the current text,
applied as one correction; TMX units imported as suggestions too."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.errors import OperationFailed
from model.ops.corrections import edit_text
from model.readmodel import load_transcript
from model.store import Store
from model.tm import TmxError, apply_suggestion, import_tmx, load_memory, replay, suggestions_for
from tests.helpers import make_transcript

EN = "You talked about the transition from alliance protection to alliance projection."
JA = "同盟保護から同盟予測への移行について話しました。"


def segs(store, tid):
    return [s for _t, s in load_transcript(store, tid).segments()]


def test_a_similar_segment_gets_the_earlier_correction_with_similarity_and_author(db_path: Path):
    store = Store.open(db_path, annotator="aiko")
    first = make_transcript(store, [("Q", [(EN, JA)])], title="April call")
    edit_text(store, segs(store, first)[0].id, "ja", "同盟保護から同盟の力の投射への移行について話しました。")
    store.set_annotator("ben")
    later = make_transcript(store, [("Q", [
        ("You talked about a transition from alliance protection to alliance projection.",
         "同盟保護から同盟予測への移行についてお話しされました。"),
        ("Something else entirely, about trade.", "貿易について全く別の話。")])])
    target, other = segs(store, later)
    found = suggestions_for(store, [target.id, other.id])
    assert found[other.id] == []
    [s] = found[target.id]
    assert s.lang == "ja" and s.entry.author == "aiko" and s.entry.source == "April call"
    assert 75 <= s.similarity < 100
    assert s.proposed == "同盟保護から同盟の力の投射への移行についてお話しされました。"
    event = apply_suggestion(store, target.id, s)
    assert segs(store, later)[0].ja == s.proposed
    assert load_transcript(store, later).turns[0].segments[0].corrections[0].annotator == "ben"
    with pytest.raises(OperationFailed, match="changed"):
        apply_suggestion(store, target.id, s)
    store.undo(event)
    assert segs(store, later)[0].ja == "同盟保護から同盟予測への移行についてお話しされました。"
    store.close()


def test_no_suggestion_below_the_threshold_or_from_the_segment_itself(store):
    tid = make_transcript(store, [("Q", [(EN, JA), ("Alliance projection is new.", "同盟予測は新しい。")])])
    a, b = segs(store, tid)
    edit_text(store, a.id, "ja", "同盟保護から同盟の力の投射への移行について話しました。")
    found = suggestions_for(store, [a.id, b.id])
    assert found == {a.id: [], b.id: []}


def test_replay_places_edits_only_where_the_text_still_matches():
    assert replay("the alliance projection", "the alliance power projection", "our alliance projection") \
        == "our alliance power projection"
    assert replay("同盟予測", "同盟の力の投射", "全く違う文") is None


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" srclang="en" segtype="sentence" adminlang="en" datatype="plaintext"
 o-tmf="x"/><body>
<tu changeid="translator-k"><tuv xml:lang="en-US"><seg>Could I ask also about the command structure?</seg></tuv>
<tuv xml:lang="ja-JP"><seg>指揮系統についてもお伺いしてよろしいですか。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>English only.</seg></tuv></tu>
</body></tmx>"""


def test_tmx_units_become_suggestions(store, tmp_path: Path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    event, added = import_tmx(store, path)
    assert added == 1
    assert import_tmx(store, path) == (None, 0)  # nothing new: no empty undo step
    tid = make_transcript(store, [("Q", [("Could I also ask about the command structure?",
                                          "コマンド構造についてもお伺いしてもよろしいですか。")])])
    [s] = suggestions_for(store, [segs(store, tid)[0].id])[segs(store, tid)[0].id]
    assert s.proposed == "指揮系統についてもお伺いしてよろしいですか。" and s.entry.author == "translator-k"
    store.undo(event)
    assert len(load_memory(store)) == 0


@pytest.mark.parametrize("content", ["", "<html><body/></html>", "<tmx><body>", "\x00\x01binary"])
def test_a_bad_tmx_is_refused_in_one_line(store, tmp_path: Path, content: str):
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TmxError) as err:
        import_tmx(store, path)
    assert "\n" not in str(err.value) and "bad.tmx" in str(err.value)
    assert len(load_memory(store)) == 0


def test_cli_import_and_suggest(db_path: Path, tmp_path: Path):
    from tests.cli.test_cli import assert_one_error_line, taiyaku

    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    result = taiyaku("tm", "import", path, "--db", db_path)
    assert result.returncode == 0 and "1 translation units added" in result.stdout, result.stderr
    store = Store.open(db_path, annotator="tester")
    tid = make_transcript(store, [("Q", [("Could I also ask about the command structure?", "コマンド構造？")])])
    store.close()
    listed = taiyaku("tm", "suggest", tid, "--db", db_path)
    assert "指揮系統についてもお伺いしてよろしいですか。" in listed.stdout and "translator-k" in listed.stdout
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx>", encoding="utf-8")
    assert_one_error_line(taiyaku("tm", "import", bad, "--db", db_path), "bad.tmx")
