"""What the panes show: corrected text (default), the original, or the changes inline."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QTextCharFormat

from gui.row_metrics import Rendered, corrected_text
from gui.window.theme import Theme
from model.readmodel import SegmentView
from model.text import DiffPiece

_TOKENS = re.compile(r"[A-Za-z0-9\u00C0-\u024F'’]+|\s+|.", re.DOTALL)  # Latin words; other characters one by one


def word_diff(original: str, corrected: str) -> list[DiffPiece]:
    """Compare by words (Latin script) and by characters (Japanese), so a changed word shows as
    the old word struck through and the new one marked, never as letters mixed together."""
    from rapidfuzz.distance import Levenshtein

    a, b = _TOKENS.findall(original), _TOKENS.findall(corrected)
    pieces: list[DiffPiece] = []
    for op in Levenshtein.opcodes(a, b):
        tag, a0, a1, b0, b1 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            pieces.append(DiffPiece("equal", "".join(a[a0:a1])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(DiffPiece("delete", "".join(a[a0:a1])))
        if tag in ("insert", "replace"):
            pieces.append(DiffPiece("insert", "".join(b[b0:b1])))
    merged: list[DiffPiece] = []
    gone, new = "", ""  # a run of changes reads best as: all that went, then all that came
    for p in pieces + [DiffPiece("equal", "")]:
        if p.kind == "delete":
            gone += p.text
        elif p.kind == "insert":
            new += p.text
        else:
            merged.extend(DiffPiece(k, t) for k, t in (("delete", gone), ("insert", new)) if t)
            gone = new = ""
            if p.text:
                merged.append(p)
    return merged

MODES = ("corrected", "changes", "original")


def _redactions(seg: SegmentView, lang: str, text: str, theme: Theme) -> list[tuple[int, int, QTextCharFormat]]:
    out = []
    for red in seg.redactions:
        if red.lang == lang and text[red.start:red.end] == red.text:
            f = QTextCharFormat()
            f.setBackground(theme.redaction_bg)
            f.setForeground(theme.redaction_fg)
            out.append((red.start, red.end, f))
    return out


def original_text(seg: SegmentView, lang: str, theme: Theme) -> Rendered | None:
    """The text as imported (redactions styled; gaps index the corrected text, so not shown)."""
    text = seg.original(lang)
    if text is None:
        return None
    return Rendered(text, _redactions(seg, lang, text, theme))


def _change_formats(theme: Theme) -> tuple[QTextCharFormat, QTextCharFormat]:
    deleted, inserted = QTextCharFormat(), QTextCharFormat()
    deleted.setFontStrikeOut(True)
    deleted.setForeground(QColor("#ff8a80") if theme.dark else QColor("#b3261e"))
    deleted.setBackground(QColor("#4a1c1c") if theme.dark else QColor("#fde7e7"))
    inserted.setFontUnderline(True)
    inserted.setForeground(QColor("#9be7a8") if theme.dark else QColor("#0b6b2b"))
    inserted.setBackground(QColor("#17402a") if theme.dark else QColor("#dff5e3"))
    return deleted, inserted


def changes_text(seg: SegmentView, lang: str, theme: Theme) -> Rendered | None:
    """Original and corrected text merged: deletions struck through, insertions underlined."""
    original, corrected = seg.original(lang), seg.corrected(lang)
    if original is None and corrected is None:
        return None
    if original == corrected:
        return corrected_text(seg, lang, theme)
    deleted, inserted = _change_formats(theme)
    parts: list[str] = []
    spans: list[tuple[int, int, QTextCharFormat]] = []
    at = 0
    for piece in word_diff(original or "", corrected or ""):
        parts.append(piece.text)
        if piece.kind != "equal":
            spans.append((at, at + len(piece.text), deleted if piece.kind == "delete" else inserted))
        at += len(piece.text)
    return Rendered("".join(parts), spans)


PROVIDERS = {"corrected": corrected_text, "changes": changes_text, "original": original_text}
