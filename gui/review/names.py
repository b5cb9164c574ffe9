"""Translated names of the review vocabularies (flag categories, statuses, checks, languages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor


def _t(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def category_name(category: str) -> str:
    """A flag category as the user reads it."""
    return {
        "mistranslation": _t("Mistranslation"),
        "missing_translation": _t("Missing translation"),
        "inaudible": _t("Inaudible"),
        "speaker": _t("Speaker"),
        "terminology": _t("Terminology"),
        "conflict": _t("Conflict"),
        "other": _t("Other"),
    }.get(category, category)


def status_name(status: str) -> str:
    """A flag status as the user reads it."""
    return {"open": _t("Open"), "resolved": _t("Resolved"), "wontfix": _t("Won't fix")}.get(status, status)


def check_name(check: str) -> str:
    """A QA check's name as the user reads it."""
    return {
        "untranslated": _t("Untranslated"),
        "empty_turn": _t("Empty turn"),
        "unknown_speaker": _t("Unknown speaker"),
        "gap_count": _t("Gap count"),
        "numbers": _t("Numbers"),
        "redaction": _t("Redaction"),
        "speaker_label": _t("Speaker label"),
        "pairing": _t("Pairing"),
        "double_space": _t("Double space"),
        "spelling": _t("Spelling"),
        "glossary": _t("Glossary"),
        "variants": _t("Spelling variants"),
    }.get(check, check)


def lang_name(lang: str | None) -> str:
    """'English', '日本語', or 'Whole segment' for no language."""
    if lang is None or lang == "":
        return _t("Whole segment")
    return {"en": _t("English"), "ja": "日本語"}.get(lang, lang)


def palette_is_dark() -> bool:
    """Whether the application palette is a dark one (colours are picked to suit it)."""
    from PySide6.QtGui import QGuiApplication, QPalette

    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def status_colour(status: str, dark: bool | None = None) -> QColor:
    """Open flags stand out; closed ones are quiet (``dark``: default from the palette)."""
    dark = palette_is_dark() if dark is None else dark
    if status == "open":
        return QColor("#ff8a65") if dark else QColor("#d84315")
    if status == "resolved":
        return QColor("#81c784") if dark else QColor("#2e7d32")
    return QColor("#9e9e9e") if dark else QColor("#757575")


FLAG_COLOUR_LIGHT = QColor("#d84315")
FLAG_COLOUR_DARK = QColor("#ff8a65")


def finding_message(finding) -> str:  # type: ignore[no-untyped-def]
    """A QA finding's message in the UI language (the model words it in English)."""
    p = dict(finding.params)
    names = {"en": _t("English"), "ja": _t("Japanese")}
    if finding.check == "untranslated" and "lang" in p:
        return _t("no {lang} text: the segment is untranslated").format(lang=names[p["lang"]])
    if finding.check == "empty_turn":
        return _t("the turn is empty: no text in either language")
    if finding.check == "unknown_speaker":
        return _t("the speaker of this turn is unknown")
    if finding.check == "gap_count" and "en" in p:
        return _t("{en} inaudible gap(s) in English but {ja} in Japanese").format(en=p["en"], ja=p["ja"])
    if finding.check == "numbers" and "text" in p:
        return _t("“{text}” ({value}) in {source} has no counterpart in {target}").format(
            text=p["text"], value=p["value"], source=names[p["source"]], target=names[p["target"]])
    if finding.check == "redaction" and "source" in p:
        return _t("redacted in {source} only: check that {target} does not reveal what was redacted").format(
            source=names[p["source"]], target=names[p["target"]])
    if finding.check == "speaker_label" and "label" in p:
        return _t("the {lang} paragraph is labelled “{label}” ({who}) but the turn's speaker is {speaker}").format(
            lang=names[p["lang"]], label=p["label"], who=p["who"], speaker=p["speaker"])
    if finding.check == "pairing" and "confidence" in p:
        return _t("check this pairing: the importer paired these paragraphs with confidence {confidence}").format(
            confidence=p["confidence"])
    from gui.helpers.names import helper_message  # glossary, spelling, variants: the helpers' catalog

    return helper_message(finding) or str(finding.message)
