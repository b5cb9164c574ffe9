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
    }.get(check, check)


def lang_name(lang: str | None) -> str:
    """'English', '日本語', or 'Whole segment' for no language."""
    if lang is None or lang == "":
        return _t("Whole segment")
    return {"en": _t("English"), "ja": "日本語"}.get(lang, lang)


def status_colour(status: str, dark: bool = False) -> QColor:
    """Open flags stand out; closed ones are quiet."""
    if status == "open":
        return QColor("#ff8a65") if dark else QColor("#d84315")
    if status == "resolved":
        return QColor("#81c784") if dark else QColor("#2e7d32")
    return QColor("#9e9e9e") if dark else QColor("#757575")


FLAG_COLOUR_LIGHT = QColor("#d84315")
FLAG_COLOUR_DARK = QColor("#ff8a65")
