"""Faults injected for real, each checked by what the user sees (issue #11).

Another process holding the write lock during an edit, an undo, an import and on the
command line; a full disk; a read-only file; a damaged file; characters XML cannot hold
through every exporter. Every test asserts the message and that the database is unchanged
(or that the edit was kept and lands once the fault is gone) -- never just "no exception".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.errors import DatabaseBusy, DiskFull
from model.readmodel import list_transcripts, load_segment, load_transcript
from model.store import Store
from tests.faults import TEST_BUSY_TIMEOUT_MS, fill_up, limit_pages, lock_held, scramble_pages, tiny_disk
from tests.helpers import make_transcript

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAIYAKU_BUSY_TIMEOUT_MS", TEST_BUSY_TIMEOUT_MS)


def _first_segment(store: Store, tid: int) -> int:
    view = load_transcript(store, tid)
    return view.turns[0].segments[0].id


def _cli(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONIOENCODING="utf-8", TAIYAKU_BUSY_TIMEOUT_MS=TEST_BUSY_TIMEOUT_MS,
                XDG_DATA_HOME=str(ROOT / ".no-such-data"), **(env or {}))
    full.pop("TAIYAKU_DEBUG", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=full, cwd=ROOT, timeout=120)


def _one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("taiyaku: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# -- another program holds the write lock --------------------------------------------------

def test_an_edit_under_another_programs_lock_fails_in_one_line_and_lands_after(store: Store, db_path: Path):
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    seg = _first_segment(store, tid)
    states: list[tuple[str, str]] = []
    store.watch_writes(lambda state, detail: states.append((state, detail)))
    with lock_held(db_path), pytest.raises(DatabaseBusy) as caught:
        edit_text(store, seg, "en", "Hello, everyone.")
    message = str(caught.value)
    assert "another program is writing to this database" in message and "\n" not in message
    assert load_segment(store, seg).corrected("en") == "Hello there."  # nothing written
    assert [s for s, _ in states].count("waiting") >= 1, states  # a window could say it is waiting
    assert states[-1][0] == "failed"
    # The lock is gone: the same edit now lands, and undo works.
    event = edit_text(store, seg, "en", "Hello, everyone.")
    assert load_segment(store, seg).corrected("en") == "Hello, everyone."
    assert states[-1] == ("saved", "Edit text")
    assert event is not None


def test_undo_and_redo_under_a_lock_leave_the_change_as_it_was(store: Store, db_path: Path):
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    seg = _first_segment(store, tid)
    event = edit_text(store, seg, "en", "Hello, everyone.")
    assert event is not None
    with lock_held(db_path), pytest.raises(DatabaseBusy):
        store.undo(event)
    assert load_segment(store, seg).corrected("en") == "Hello, everyone."
    store.undo(event)  # not "already undone": the failed undo changed nothing
    with lock_held(db_path), pytest.raises(DatabaseBusy):
        store.redo(event)
    assert load_segment(store, seg).corrected("en") == "Hello there."
    store.redo(event)
    assert load_segment(store, seg).corrected("en") == "Hello, everyone."


def test_review_speaker_and_flag_actions_under_a_lock_say_so(store: Store, db_path: Path):
    from model.ops import flags, review_state, speakers

    tid = make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    seg = _first_segment(store, tid)
    first = load_transcript(store, tid).turns[0].speaker
    assert first is not None
    speaker = first.id
    actions = [lambda: review_state.approve(store, seg),
               lambda: speakers.rename_speaker(store, speaker, "Ken"),
               lambda: flags.add_flag(store, seg, "other", "check this")]
    with lock_held(db_path):
        for action in actions:
            with pytest.raises(DatabaseBusy, match="another program is writing"):
                action()
    view = load_transcript(store, tid)
    assert view.turns[0].segments[0].review_state == "not_reviewed"
    assert view.speakers[speaker].name != "Ken"


def test_an_import_under_a_lock_imports_nothing(store: Store, db_path: Path, tmp_path: Path):
    from model.importer import import_text

    make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    before = len(list_transcripts(store))
    with lock_held(db_path), pytest.raises(DatabaseBusy):
        import_text(store, "Q: A question.\nQ: 質問です。\n", filename="x.txt")
    assert len(list_transcripts(store)) == before


def test_the_command_line_under_a_lock_is_one_line_and_exit_2(store: Store, db_path: Path, tmp_path: Path):
    make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    store.close()
    source = tmp_path / "t.txt"
    source.write_text("Q: A question.\nQ: 質問です。\n", encoding="utf-8")
    with lock_held(db_path):
        _one_error_line(_cli("import", source, "--db", db_path), "another program is writing to this database")
        listing = _cli("list", "--db", db_path)  # reading is fine while another program writes
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 2


# -- a full disk ---------------------------------------------------------------------------

def test_a_full_disk_during_an_edit_or_import_says_so_and_changes_nothing(store: Store, db_path: Path):
    from model.importer import import_text
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    seg = _first_segment(store, tid)
    limit_pages(store, extra_pages=1)
    with pytest.raises(DiskFull) as caught:
        edit_text(store, seg, "en", "A very long correction. " * 400)
    assert str(caught.value) == "could not edit text: the disk is full; nothing was changed"
    assert load_segment(store, seg).corrected("en") == "Hello there."
    big = "".join(f"Q: Question number {n} about the harbour.\nQ: 質問{n}です。\n\n" for n in range(400))
    with pytest.raises(DiskFull, match="the disk is full"):
        import_text(store, big, filename="big.txt")
    assert [t.id for t in list_transcripts(store)] == [tid]
    assert len(store.history(tid)) == 1  # only the transcript's creation


def test_the_command_line_on_a_really_full_disk_is_one_line_and_leaves_no_side_files(tmp_path: Path):
    with tiny_disk(tmp_path) as disk:
        db = disk / "db.sqlite3"
        source = tmp_path / "t.txt"
        source.write_text("Q: A question.\nQ: 質問です。\n", encoding="utf-8")
        assert _cli("import", source, "--db", db).returncode == 0
        fill_up(disk)
        before = db.read_bytes()
        _one_error_line(_cli("list", "--db", db), "the disk is full")
        _one_error_line(_cli("import", source, "--db", db), "the disk is full")
        assert sorted(p.name for p in disk.iterdir()) == ["db.sqlite3", "filler"]  # no stray -wal/-shm
        assert db.read_bytes() == before


# -- read-only and damaged files -----------------------------------------------------------

def test_a_read_only_database_is_refused_in_one_line_and_left_as_it_is(store: Store, db_path: Path,
                                                                        tmp_path: Path):
    make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    store.close()
    db_path.chmod(0o444)
    before = db_path.read_bytes()
    source = tmp_path / "t.txt"
    source.write_text("Q: A question.\nQ: 質問です。\n", encoding="utf-8")
    _one_error_line(_cli("import", source, "--db", db_path), "read-only")
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists()


def test_the_window_on_a_database_damaged_in_the_middle_says_one_line_and_no_traceback(tmp_path: Path):
    """Pages in the middle scrambled: the window's first reads (library counts) meet the damage
    before the background damage check has spoken; still one line, exit 2, file untouched."""
    from model.importer import import_text

    path = tmp_path / "big.sqlite3"
    store = Store.open(path, annotator="tester")
    text = "".join(f"Q: Question number {n} about the harbour and the ferry schedule.\n"
                   f"Q: 質問{n}です。港湾とフェリーについて。\n\n" for n in range(4000))
    import_text(store, text, filename="big.txt")
    store.close()
    scramble_pages(path)
    before = path.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "--quit-after-load"],
                            capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [ln for ln in result.stderr.splitlines() if "error" in ln.lower()]
    assert len(errors) == 1 and errors[0].startswith("taiyaku: error: ") and "damaged" in errors[0], result.stderr
    assert path.read_bytes() == before


# -- characters XML cannot hold, through every exporter -------------------------------------

ODD = "odd\ufffe one\uffff two\x0b three\x01 four"


@pytest.mark.parametrize("layout", ["interleaved", "side_by_side"])
def test_noncharacters_and_controls_go_through_every_exporter(store: Store, layout: str):
    import io
    import json
    import xml.etree.ElementTree as ET

    import docx

    from model.export import ExportFailed, ExportOptions, get_exporter, load_builtin_exporters
    from model.importer import import_text
    from model.ops.corrections import edit_text
    from model.ops.flags import add_flag

    tid = import_text(store, f"Title {ODD}\n\nMODERATOR: Welcome, {ODD}.\n\n司会: ようこそ、{ODD}。\n",
                      filename="odd.txt")
    view = load_transcript(store, tid)
    seg = view.turns[-1].segments[-1]
    assert seg.ja is not None  # a bilingual segment: a TMX unit
    assert "\ufffe" in (seg.en or "")  # the importer accepts them
    edit_text(store, seg.id, "en", (seg.en or "") + " \uffff fixed")
    add_flag(store, seg.id, "other", f"note {ODD}")
    options = ExportOptions(layout=layout)
    formats = load_builtin_exporters()
    required = {"txt", "md", "html", "docx", "json", "tmx", "report"}
    assert required <= set(formats)
    out = {}
    for name in formats:
        try:
            out[name] = get_exporter(name)(store, tid, options)
        except ExportFailed:  # e.g. subtitles need times this transcript has not: a one-line refusal
            assert name not in required, name
    # XML formats hold no character XML 1.0 forbids; a U+FFFD stands where U+FFFE/U+FFFF were.
    document = docx.Document(io.BytesIO(out["docx"]))
    body = "\n".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "odd\ufffd one\ufffd two" in body
    tmx = ET.fromstring(out["tmx"].encode("utf-8") if isinstance(out["tmx"], str) else out["tmx"])
    assert any("odd\ufffd one\ufffd two" in (el.text or "") for el in tmx.iter("seg"))
    for name in ("md", "html", "report"):
        text = out[name] if isinstance(out[name], str) else out[name].decode("utf-8")
        assert "\ufffe" not in text and "\uffff" not in text and "\x01" not in text, name
        assert "odd\ufffd one\ufffd two" in text, name
    # The truth stays in JSON (and plain text, which can hold them).
    data = json.loads(out["json"])
    assert "\ufffe" in json.dumps(data, ensure_ascii=False) and "\uffff fixed" in json.dumps(data, ensure_ascii=False)
    assert "\ufffe" in out["txt"]


def test_the_first_write_of_a_new_annotator_under_a_lock_waits_visibly_then_says_so(store: Store, db_path: Path):
    from model.ops.corrections import edit_text

    tid = make_transcript(store, [("Q", [("Hello there.", "こんにちは。")])])
    seg = _first_segment(store, tid)
    store.set_annotator("Second annotator")  # their row is written with their first change
    states: list[str] = []
    store.watch_writes(lambda state, _detail: states.append(state))
    with lock_held(db_path), pytest.raises(DatabaseBusy, match="another program is writing"):
        edit_text(store, seg, "en", "Hello, everyone.")
    assert "waiting" in states and states[-1] == "failed"
    assert edit_text(store, seg, "en", "Hello, everyone.") is not None
    assert store.history(tid)[0]["annotator"] == "Second annotator"
