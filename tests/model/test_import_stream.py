"""Files are read in chunks: wherever a chunk ends, the import must be the same."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import model.importer.decode as decode_module
from model.importer import import_file
from model.importer.decode import TextChunks, sniff
from model.importer.parse import iter_paragraphs
from model.readmodel import load_transcript

LINES = ["MODERATOR: Welcome.", "司会: ようこそ。", "  indented line", "", " ", "\t", "Q: ニュース？", "\u3000",
         "a\u0085b", "6:22 P.M. EDT"]


@st.composite
def texts_and_cuts(draw):
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=25))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline * 3]))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return text, cuts


@settings(max_examples=300, deadline=None)
@given(texts_and_cuts())
def test_paragraphs_do_not_depend_on_where_chunks_end(sample):
    text, cuts = sample
    pieces = [text[a:b] for a, b in pairwise([0, *cuts, len(text)])]
    whole = [p for p, _ in iter_paragraphs(text)]
    assert [p for p, _ in iter_paragraphs(iter(pieces))] == whole
    # ... and they are the blocks between blank lines, newlines made "\n".
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks, current = [], []
    for line in lines:
        if not line.strip():  # a blank line: whitespace only
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    assert whole == blocks


TRANSCRIPT = "\r\n\r\n".join([
    "OPERATOR: Moving to the next caller. Ken Moriyasu from Nikkei Asia.",
    "Q: コンピュータのニュースについて（聞き取れない）伺います。",
    "Q: I want to ask about computer news (inaudible).",
]) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp"])
def test_tiny_chunks_import_like_one_big_read(store, tmp_path, monkeypatch, encoding):
    path = tmp_path / "call.txt"
    path.write_bytes(TRANSCRIPT.encode(encoding))
    big = load_transcript(store, import_file(store, path))
    monkeypatch.setattr(decode_module, "CHUNK", 3)  # multi-byte characters and CRLFs cut in two
    small = load_transcript(store, import_file(store, path))
    assert small.newline == big.newline == "\r\n"
    assert small.encoding == big.encoding
    assert [(s.en_prefix, s.en_orig, s.ja_prefix, s.ja_orig) for _, s in small.segments()] == \
        [(s.en_prefix, s.en_orig, s.ja_prefix, s.ja_orig) for _, s in big.segments()]
    assert [s.name for t in small.turns for s in t.suggestions] == ["Ken Moriyasu"]


def test_sniff_reports_hash_size_and_encoding_without_keeping_the_text():
    data = TRANSCRIPT.encode("cp932")
    found = sniff(io.BytesIO(data))
    assert (found.codec, found.name, found.newline, found.size) == ("cp932", "cp932", "\r\n", len(data))
    import hashlib

    assert found.sha256 == hashlib.sha256(data).hexdigest()
    reader = TextChunks(io.BytesIO(data), found.codec)
    assert "".join(reader) == TRANSCRIPT and reader.bytes_read == len(data)
