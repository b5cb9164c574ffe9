"""Importing files into the store: encodings, newlines, rows written, all or nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlalchemy import func, select

from model.errors import ImportRefused
from model.importer import import_file, import_text
from model.importer.decode import decode
from model.readmodel import list_transcripts, load_transcript
from model.schema import Base, SourceParagraph, Transcript
from tests.import_support import export_txt

TEXT = (
    "日米首脳会談に関する記者会見   国務省 2024年4月10日\n"
    "\n"
    "MODERATOR: Good morning. Our first caller is on the line.\n"
    "\n"
    "司会: おはようございます。最初の方がお待ちです。\n"
    "\n"
    "Q: What did the news (inaudible) say about the summit?\n"
    "\n"
    "Q: ニュースは首脳会談について(聞き取れない)何と言いましたか。\n"
    "\n"
    "MR. PRICE: We will see.\nThe summit is next week.\n"  # two lines, one paragraph
)
PARAGRAPHS = TEXT.rstrip("\n").split("\n\n")


pytestmark = pytest.mark.both_engines


def _counts(store) -> dict[str, int]:
    with store.read() as s:
        return {name: s.scalar(select(func.count()).select_from(table))
                for name, table in Base.metadata.tables.items()}


def _paragraphs(store, tid: int) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(SourceParagraph.text).where(SourceParagraph.transcript_id == tid)
                              .order_by(SourceParagraph.position)))


@pytest.mark.parametrize("encoding, name", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-be", None),
    ("cp932", "cp932"), ("shift_jis", "cp932"), ("euc_jp", "euc-jp")])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_encoding_and_newline_imports_the_same_paragraphs(store, tmp_path, encoding, name, newline):
    data = TEXT.replace("\n", newline).encode(encoding)
    if encoding == "utf-16-be":
        data, name = codecs.BOM_UTF16_BE + data, "utf-16"
    path = tmp_path / "call.txt"
    path.write_bytes(data)
    tid = import_file(store, path)
    assert _paragraphs(store, tid) == PARAGRAPHS
    view = load_transcript(store, tid)
    assert (view.encoding, view.newline, view.lead_lang) == (name, newline, "en")
    assert view.title == "日米首脳会談に関する記者会見" and view.event_date == "2024-04-10"
    assert view.source_filename == "call.txt"
    gaps = sorted((g.lang, g.text) for _, seg in view.segments() for g in seg.gaps)
    assert gaps == [("en", "(inaudible)"), ("ja", "(聞き取れない)")]


def test_cp932_bytes_0x85_are_not_line_breaks(store):
    # "ュ" is 0x83 0x85 in cp932: decoded as latin-1, 0x85 would be NEL, a line break for splitlines().
    text = "OPERATOR: Next caller.\n\nQ: ニュースについて。コンピュータのキュー。\n"
    data = text.encode("cp932")
    assert b"\x85" in data
    decoded, enc, newline = decode(data)
    assert (decoded, enc, newline) == (text, "cp932", "\n")
    tid = import_text(store, data)
    assert _paragraphs(store, tid) == ["OPERATOR: Next caller.", "Q: ニュースについて。コンピュータのキュー。"]


def test_text_with_nel_and_line_separator_characters_is_split_on_newlines_only():
    text, _, _ = decode("A line\u0085with NEL\u2028and LS.\n\nQ: Next.".encode("utf-8"))
    from model.importer import parse

    doc = parse(text)
    assert [p.text for p in doc.paragraphs] == ["A line\u0085with NEL\u2028and LS.", "Q: Next."]


def test_rows_of_an_import(store, press_call: Path):
    tid = import_file(store, press_call, title="Kishida visit preview")
    counts = _counts(store)
    assert counts["transcript"] == 1 and counts["source_paragraph"] == 67
    assert counts["gap"] == 22 and counts["speaker_suggestion"] == 6
    assert counts["change_event"] == 0  # an import is not an undoable edit
    with store.read() as s:
        t = s.get(Transcript, tid)
        assert t.title == "Kishida visit preview"  # --title wins over the title line
        assert len(t.source_sha256) == 64 and t.imported_by_id == store.annotator_id
    [summary] = list_transcripts(store)
    assert (summary.id, summary.turns, summary.open_gaps) == (tid, 27, 22)


def test_title_falls_back_to_the_file_name(store, tmp_path):
    path = tmp_path / "briefing-2024-05-01.txt"
    path.write_text("Q: Is this on?\n\nMODERATOR: Yes, it is.\n", encoding="utf-8")
    tid = import_file(store, path)
    assert load_transcript(store, tid).title == "briefing-2024-05-01"


def test_import_is_announced_and_reports_progress(store):
    seen, progress = [], []
    store.subscribe(seen.append)
    tid = import_text(store, TEXT, progress=lambda done, total: progress.append((done, total)))
    assert [(c.action, c.kind, c.transcript_ids) for c in seen] == [("Import", "import", frozenset({tid}))]
    assert progress[-1] == (len(TEXT), len(TEXT))


def test_two_imports_never_share_ids_and_export_separately(store):
    first = import_text(store, TEXT)
    second = import_text(store, TEXT.replace("summit", "meeting"))
    a, b = load_transcript(store, first), load_transcript(store, second)
    ids_a = {seg.id for _, seg in a.segments()}
    ids_b = {seg.id for _, seg in b.segments()}
    assert ids_a and ids_b and not ids_a & ids_b
    assert export_txt(store, first, corrected=False) == "\n\n".join(PARAGRAPHS) + "\n"
    assert "meeting" in export_txt(store, second)


def test_ids_of_a_deleted_transcript_are_not_reused(store):
    first = import_text(store, TEXT)
    old_segments = {seg.id for _, seg in load_transcript(store, first).segments()}
    with store.engine.begin() as conn:
        conn.execute(Transcript.__table__.delete())  # children go by ON DELETE CASCADE
    second = import_text(store, TEXT)
    assert second != first
    assert not old_segments & {seg.id for _, seg in load_transcript(store, second).segments()}


# -- bad input: one line, database unchanged -------------------------------------------------------
BAD = [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not text"),
    (b"MODERATOR: Hello.\n\nQ: Hi.\x00\n", "NUL"),
    (b"Hello \x81 world \xff\x20 again", "cannot be decoded"),
    (b"\xef\xbb\xbfHello \xc3\x28 broken", "cannot be decoded"),
    (b"\n\n   \r\n\t\n", "no paragraph"),
    (b"12:30\n\n---\n", "no paragraph"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "cannot be decoded as UTF-16"),
    (bytes(range(1, 32)) * 40, "control characters"),
]


@pytest.mark.parametrize("data, reason", BAD)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(store, tmp_path, data, reason):
    import_text(store, TEXT)
    before = _counts(store)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ImportRefused) as info:
        import_file(store, path)
    message = str(info.value)
    assert reason in message and "\n" not in message
    assert _counts(store) == before


def test_missing_file_and_folder_are_refused(store, tmp_path):
    with pytest.raises(ImportRefused, match="does not exist"):
        import_file(store, tmp_path / "nope.txt")
    with pytest.raises(ImportRefused, match="folder"):
        import_file(store, tmp_path)


def test_failure_in_the_middle_rolls_everything_back(store):
    import_text(store, TEXT)
    before = _counts(store)

    def explode(done: int, total: int) -> None:
        if done < total:
            raise RuntimeError("disk pulled out")

    big = "\n\n".join(f"Q: Question number {i}?\n\nSENIOR ADMINISTRATION OFFICIAL: Answer {i}." for i in range(4000))
    with pytest.raises(RuntimeError):
        import_text(store, big, progress=explode)
    assert _counts(store) == before
