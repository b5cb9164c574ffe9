"""The helpers' findings and fixes worded in the UI language (the model words them in English)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate in the helpers' catalog (context ``Helpers``)."""
    return QCoreApplication.translate("Helpers", text)


def _width(form: str) -> str:
    return tr("full-width") if form == "full" else tr("half-width")


def _way(group: str, form: str) -> str:
    return _width(form) if group.startswith("width:") else f"「{form}」"


def helper_message(finding: Any) -> str | None:
    """The message of a glossary, spelling or variants finding, or None for other checks."""
    p = dict(finding.params)
    if finding.check == "glossary" and "term" in p:
        if p.get("variant"):
            return tr("“{term}” is rendered 「{variant}」; the glossary's approved term is 「{approved}」").format(
                term=p["term"], variant=p["variant"], approved=p["approved"])
        return tr("“{term}”: the glossary's approved term 「{approved}」 is not in the Japanese").format(
            term=p["term"], approved=p["approved"])
    if finding.check == "spelling" and "word" in p:
        if p.get("kind") == "name":
            return tr("“{word}” is not in the dictionary: a name? Add it to the dictionary").format(word=p["word"])
        if p.get("suggestions"):
            return tr("“{word}” is not in the dictionary (did you mean {suggestions}?)").format(
                word=p["word"], suggestions=", ".join(p["suggestions"].split("|")))
        return tr("“{word}” is not in the dictionary").format(word=p["word"])
    if finding.check == "variants" and "group" in p:
        group = p["group"]
        if "preferred" in p:
            return tr("{form} is written {preferred} (the preferred spelling)").format(
                form=_way(group, p["form"]), preferred=_way(group, p["preferred"]))
        if group.startswith("width:"):
            what = tr("digits") if group == "width:digits" else tr("Latin letters")
            return tr("{what} written {second} here but {first} in {where}").format(
                what=what, second=_width(p["second"]), first=_width(p["first"]), where=_where(p["where"]))
        return tr("「{second}」 here but 「{first}」 in {where}: one word written two ways").format(
            second=p["second"], first=p["first"], where=_where(p["where"]))
    return None


def _where(place: str) -> str:
    if place.startswith("turn "):
        return tr("turn {n}").format(n=place[5:])
    return place


def fix_label(fix: Any) -> str:
    """A fix's wording in the UI language."""
    p = dict(fix.params)
    if fix.kind == "replace" and p.get("action") == "Use glossary term":
        return tr("replace 「{old}」 with the approved term 「{new}」").format(old=p["old"], new=p["new"])
    if fix.kind == "replace":
        return tr("replace “{old}” with “{new}”").format(old=p["old"], new=p["new"])
    if fix.kind == "add_word":
        return tr("add “{word}” to the dictionary").format(word=p["word"])
    if fix.kind == "prefer_variant":
        way = _way(p["group"], p["preferred"])
        if p.get("scope") == "segment":
            return tr("write {form} here").format(form=way)
        return tr("write {form} everywhere (and prefer it from now on)").format(form=way)
    return str(fix.label)
