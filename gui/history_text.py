"""History in the UI language, also for steps made before a language switch.

Two kinds of history entries:

- the transcript's recorded changes (``Store.history``): their ``action`` is the operation's
  kind as the model names it (English, a key); ``action_name`` renders it in the UI language
  when the History tab shows it;
- this session's undo steps: their text was written in the UI language of the moment.
  ``retranslate_undo_stack`` renders each one again after the language changed: the step's
  kind (context and source text) is found from the catalogs of the old language.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

log = logging.getLogger(__name__)


def action_name(action: str) -> str:
    """A recorded operation's kind (``Edit text``, ``Move translation down``...) in the UI language."""
    names = {
        "Accept all speaker suggestions": QCoreApplication.translate("History", "Accept all speaker suggestions"),
        "Accept correction": QCoreApplication.translate("History", "Accept correction"),
        "Accept speaker suggestion": QCoreApplication.translate("History", "Accept speaker suggestion"),
        "Approve segment": QCoreApplication.translate("History", "Approve segment"),
        "Approve segments": QCoreApplication.translate("History", "Approve segments"),
        "Change speaker of turn": QCoreApplication.translate("History", "Change speaker of turn"),
        "Close flag (won't fix)": QCoreApplication.translate("History", "Close flag (won't fix)"),
        "Comment": QCoreApplication.translate("History", "Comment"),
        "Delete flag": QCoreApplication.translate("History", "Delete flag"),
        "Describe correction": QCoreApplication.translate("History", "Describe correction"),
        "Dismiss all speaker suggestions": QCoreApplication.translate("History", "Dismiss all speaker suggestions"),
        "Dismiss finding": QCoreApplication.translate("History", "Dismiss finding"),
        "Dismiss speaker suggestion": QCoreApplication.translate("History", "Dismiss speaker suggestion"),
        "Edit flag": QCoreApplication.translate("History", "Edit flag"),
        "Edit speaker": QCoreApplication.translate("History", "Edit speaker"),
        "Edit text": QCoreApplication.translate("History", "Edit text"),
        "Fill gap": QCoreApplication.translate("History", "Fill gap"),
        "Flag segment": QCoreApplication.translate("History", "Flag segment"),
        "Import": QCoreApplication.translate("History", "Import"),
        "Insert gap": QCoreApplication.translate("History", "Insert gap"),
        "Link gaps": QCoreApplication.translate("History", "Link gaps"),
        "Link proposed gaps": QCoreApplication.translate("History", "Link proposed gaps"),
        "Mark gap": QCoreApplication.translate("History", "Mark gap"),
        "Mark gap unrecoverable": QCoreApplication.translate("History", "Mark gap unrecoverable"),
        "Merge segments": QCoreApplication.translate("History", "Merge segments"),
        "Merge speakers": QCoreApplication.translate("History", "Merge speakers"),
        "Merge turns": QCoreApplication.translate("History", "Merge turns"),
        "Move translation down": QCoreApplication.translate("History", "Move translation down"),
        "Move translation up": QCoreApplication.translate("History", "Move translation up"),
        "Reject correction": QCoreApplication.translate("History", "Reject correction"),
        "Remove gap": QCoreApplication.translate("History", "Remove gap"),
        "Rename speaker": QCoreApplication.translate("History", "Rename speaker"),
        "Reopen flag": QCoreApplication.translate("History", "Reopen flag"),
        "Reopen gap": QCoreApplication.translate("History", "Reopen gap"),
        "Replace": QCoreApplication.translate("History", "Replace"),
        "Replace all": QCoreApplication.translate("History", "Replace all"),
        "Reply to flag": QCoreApplication.translate("History", "Reply to flag"),
        "Resolve flag": QCoreApplication.translate("History", "Resolve flag"),
        "Restore finding": QCoreApplication.translate("History", "Restore finding"),
        "Revert segment": QCoreApplication.translate("History", "Revert segment"),
        "Set review state": QCoreApplication.translate("History", "Set review state"),
        "Split segment": QCoreApplication.translate("History", "Split segment"),
        "Split speaker": QCoreApplication.translate("History", "Split speaker"),
        "Split turn": QCoreApplication.translate("History", "Split turn"),
        "Unlink gap": QCoreApplication.translate("History", "Unlink gap"),
        "Withdraw approval": QCoreApplication.translate("History", "Withdraw approval"),
        # The steps of a transcript's work (model.assignment.ops.ACTIONS)
        "Assign transcript": QCoreApplication.translate("History", "Assign transcript"),
        "Assign review": QCoreApplication.translate("History", "Assign review"),
        "Start work": QCoreApplication.translate("History", "Start work"),
        "Submit for review": QCoreApplication.translate("History", "Submit for review"),
        "Take for review": QCoreApplication.translate("History", "Take for review"),
        "Approve transcript": QCoreApplication.translate("History", "Approve transcript"),
        "Reject transcript": QCoreApplication.translate("History", "Reject transcript"),
        "Claim next transcript": QCoreApplication.translate("History", "Claim next transcript"),
    }
    return names.get(action, action)


@cache
def _catalog(lang: str) -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """From the ``*_<lang>.ts`` catalogs: translation -> (context, source), and source -> contexts."""
    import xml.etree.ElementTree as ET  # only when a history is named in another language

    from gui.window.i18n import i18n_dir

    by_text: dict[str, tuple[str, str]] = {}
    by_source: dict[str, list[str]] = {}
    folder = i18n_dir()
    for path in sorted(folder.glob(f"*_{lang}.ts")):
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:  # a missing catalog only leaves texts as they were
            log.warning("cannot read %s: %s", path, exc)
            continue
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                text = message.findtext("translation") or ""
                if text:
                    by_text.setdefault(text, (name, source))
                by_source.setdefault(source, []).append(name)
    return by_text, by_source


def step_kind(text: str, lang: str, other_lang: str = "ja") -> tuple[str, str] | None:
    """The (context, source) of an undo step's text written in UI language ``lang``; None if unknown."""
    if lang == "en":  # the text is the source itself: any context that translates it
        contexts = _catalog(other_lang)[1].get(text)
        return (contexts[0], text) if contexts else None
    return _catalog(lang)[0].get(text)


def _commands(stack: QUndoStack) -> list[QUndoCommand]:
    out: list[QUndoCommand] = []
    for i in range(stack.count()):
        cmd = stack.command(i)
        if cmd is not None:
            out.append(cmd)
            out.extend(cmd.child(j) for j in range(cmd.childCount()) if cmd.child(j) is not None)
    return out


def capture_undo_kinds(stack: QUndoStack, lang: str) -> list[tuple[QUndoCommand, tuple[str, str] | None]]:
    """Before a language switch: each undo step with its kind (context, source), read from its text."""
    return [(cmd, step_kind(cmd.text(), lang)) for cmd in _commands(stack)]


def retranslate_undo_stack(kinds: list[tuple[QUndoCommand, tuple[str, str] | None]]) -> int:
    """After the switch: render each known step's text in the new language; returns how many changed."""
    changed = 0
    for cmd, kind in kinds:
        if kind is None:
            continue
        text = QCoreApplication.translate(*kind)
        if text != cmd.text():
            cmd.setText(text)
            changed += 1
    return changed
