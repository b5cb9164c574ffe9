"""The glossary: entries as undoable operations, CSV/TSV/TBX round trips, hostile files refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.errors import OperationFailed
from model.glossary.entries import TermRecord, add_term, delete_term, edit_term, import_terms, list_terms
from model.glossary.exchange import parse_tbx, read_glossary_file, render_glossary
from tests.cli.test_cli import assert_one_error_line, taiyaku

SEED = [
    TermRecord("alliance projection", "同盟の力の投射", ("同盟予測", "同盟投影"), "PM Kishida's visit, 2024"),
    TermRecord("command structure", "指揮系統", ("コマンド構造",), ""),
    TermRecord("AUKUS pillar two", "AUKUSの第2の柱", (), 'note with "quotes", commas; and | bars'),
]


def test_each_change_is_one_undoable_step_with_who_and_when(store):
    event = add_term(store, SEED[0])
    [term] = list_terms(store)
    assert (term.en, term.ja, term.forbidden, term.author) == ("alliance projection", "同盟の力の投射",
                                                               ("同盟予測", "同盟投影"), "tester")
    edit = edit_term(store, term.id, TermRecord("alliance projection", "同盟の戦力投射", ("同盟予測",)))
    assert edit is not None and list_terms(store)[0].ja == "同盟の戦力投射"
    assert list_terms(store)[0].updated_by == "tester"
    assert edit_term(store, term.id, TermRecord("alliance projection", "同盟の戦力投射", ("同盟予測",))) is None
    store.undo(edit)
    assert list_terms(store)[0].ja == "同盟の力の投射"
    gone = delete_term(store, term.id)
    assert list_terms(store) == []
    store.undo(gone)
    assert list_terms(store)[0].en == "alliance projection"
    store.undo(event)
    assert list_terms(store) == []


def test_a_term_is_one_entry_whatever_its_case(store):
    add_term(store, SEED[0])
    with pytest.raises(OperationFailed, match="already in the glossary"):
        add_term(store, TermRecord("Alliance  Projection", "x"))
    with pytest.raises(OperationFailed, match="empty"):
        add_term(store, TermRecord("term", "  "))


def test_an_import_is_one_step_that_adds_and_updates(store):
    add_term(store, TermRecord("command structure", "コマンド構造"))
    result = import_terms(store, SEED)
    assert (result.added, result.updated, result.unchanged) == (2, 1, 0)
    assert {t.en: t.ja for t in list_terms(store)}["command structure"] == "指揮系統"
    assert import_terms(store, SEED).event_id is None  # nothing new: no empty undo step
    store.undo(result.event_id)
    assert [(t.en, t.ja) for t in list_terms(store)] == [("command structure", "コマンド構造")]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "tbx"])
def test_round_trip_through_a_file(tmp_path: Path, fmt: str):
    path = tmp_path / f"glossary.{fmt}"
    path.write_text(render_glossary(SEED, fmt), encoding="utf-8")
    assert read_glossary_file(path) == SEED


def test_csv_variants_may_be_separated_by_bars_or_semicolons(tmp_path: Path):
    path = tmp_path / "g.csv"
    path.write_text("en,ja,forbidden_ja,note\nalliance projection,同盟の力の投射,同盟予測; 同盟投影 | 同盟計画,\n"
                    "command structure,指揮系統,,\n", encoding="utf-8")
    records = read_glossary_file(path)
    assert records[0].forbidden == ("同盟予測", "同盟投影", "同盟計画")
    assert records[1] == TermRecord("command structure", "指揮系統", (), "")


def test_tbx_v3_and_deprecated_terms_are_read(tmp_path: Path):
    data = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
 <text><body><conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>command structure</term></termSec></langSec>
  <langSec xml:lang="ja">
   <termSec><term>コマンド構造</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
   <termSec><term>指揮系統</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  </langSec></conceptEntry></body></text></tbx>""".encode()
    assert parse_tbx(data) == [TermRecord("command structure", "指揮系統", ("コマンド構造",), "")]


HOSTILE = {
    "wrong columns": "english,japanese\nalliance projection,同盟の力の投射\n",
    "a row with too many fields": "en,ja,forbidden_ja,note\nalliance projection,同盟の力の投射,,,extra\n",
    "empty": "",
    "header only": "en,ja\n",
    "huge field": "en,ja,forbidden_ja,note\nterm,訳," + "x" * 100_000 + ",\n",
    "empty ja": "en,ja\nterm,\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_csv_is_refused_in_one_line_and_nothing_is_imported(tmp_path: Path, db_path: Path, case: str):
    good = tmp_path / "good.csv"
    good.write_text("en,ja\nAUKUS pillar two,AUKUSの第2の柱\n", encoding="utf-8")
    assert taiyaku("glossary", "import", good, "--db", db_path).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(HOSTILE[case], encoding="utf-8")
    assert_one_error_line(taiyaku("glossary", "import", bad, "--db", db_path), "bad.csv")
    listed = taiyaku("glossary", "list", "--db", db_path).stdout
    assert "AUKUS pillar two" in listed and "alliance projection" not in listed


def test_a_binary_file_is_refused(tmp_path: Path, db_path: Path):
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_one_error_line(taiyaku("glossary", "import", bad, "--db", db_path), "binary")
    assert not db_path.exists()


def test_cli_import_list_export(tmp_path: Path, db_path: Path):
    src = tmp_path / "terms.tsv"
    src.write_text(render_glossary(SEED, "tsv"), encoding="utf-8")
    result = taiyaku("glossary", "import", src, "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    listed = taiyaku("glossary", "list", "--db", db_path)
    assert "同盟の力の投射" in listed.stdout and "コマンド構造" in listed.stdout
    out = tmp_path / "out.tbx"
    assert taiyaku("glossary", "export", out, "--db", db_path).returncode == 0
    assert sorted(read_glossary_file(out), key=lambda r: r.en) == sorted(SEED, key=lambda r: r.en)
    assert_one_error_line(taiyaku("glossary", "import", tmp_path / "missing.csv", "--db", db_path), "no such file")
