"""The change report: every correction, gap and flag of a transcript, for the client
or the project lead, as Markdown, HTML or CSV (``options.extra["report_format"]``).

- corrections: where, language, before, after, category, note, status, annotator, time;
- gaps: where, language, marker, status, proposed text, confidence, who, when;
- flags: where, category, note, status, author, time, resolution (note, who, when), replies.

It reads the JSON export's full-truth data (``json_export.build``), so both
always agree. ``--lang`` and ``--approved-only`` narrow it; text is escaped
for each format, and CSV cells that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import model
from model.export import ExportOptions, register
from model.export.html_export import esc, page_css
from model.export.md import md_escape
from model.export.walk import paused_gc, show_controls
from model.notes import render_note

if TYPE_CHECKING:
    from model.store import Store

REPORT_FORMATS = ("md", "html", "csv")
LANG_LABEL = {"en": "EN", "ja": "JA", None: "—"}


def report_format(options: ExportOptions) -> str:
    """The report format the options ask for (md by default)."""
    fmt = (options.extra or {}).get("report_format", "md")
    return fmt if fmt in REPORT_FORMATS else "md"


@dataclass(slots=True)
class Row:
    """One line of the report."""

    kind: str  # correction | gap | flag
    where: str
    speaker: str
    lang: str | None
    fields: dict[str, Any]


def _where(turn_no: int, seg_no: int) -> str:
    return f"¶{turn_no}.{seg_no}"


def _speaker(turn: dict[str, Any]) -> str:
    sp = turn.get("speaker") or {}
    unnamed = "" if turn.get("kind") in ("title", "time", "note") else "Unknown speaker"
    return sp.get("name") or sp.get("label") or unnamed


def rows(data: dict[str, Any], options: ExportOptions) -> Iterator[Row]:
    """Every correction, gap and flag in reading order, filtered by the options."""
    for turn_no, turn in enumerate(data["turns"], 1):
        who = _speaker(turn)
        for seg_no, seg in enumerate(turn["segments"], 1):
            if options.approved_only and seg.get("review_state") != "approved":
                continue
            where = _where(turn_no, seg_no)
            for c in seg.get("corrections", []):
                if c["lang"] in options.langs:
                    yield Row("correction", where, who, c["lang"], c)
            for g in seg.get("gaps", []):
                if g["lang"] in options.langs:
                    yield Row("gap", where, who, g["lang"], g)
            for f in seg.get("flags", []):
                if f.get("lang") is None or f["lang"] in options.langs:
                    yield Row("flag", where, who, f.get("lang"), f)
            if seg.get("comment"):
                yield Row("comment", where, who, None, {"id": seg["id"], "text": seg["comment"]})


def _replies(f: dict[str, Any]) -> str:
    return " / ".join(f"{r['author']}: {r['text']}" for r in f.get("replies", []))


def _summary(all_rows: list[Row]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {"correction": Counter(), "gap": Counter(), "flag": Counter()}
    for r in all_rows:
        if r.kind in out:  # comments have no status: counted apart
            out[r.kind][r.fields.get("status") or "?"] += 1
    return out


def _summary_line(counts: dict[str, Counter[str]]) -> str:
    parts = []
    for kind, label in (("correction", "corrections"), ("gap", "gaps"), ("flag", "flags")):
        c = counts[kind]
        detail = ", ".join(f"{n} {s}" for s, n in sorted(c.items()))
        parts.append(f"{sum(c.values())} {label}" + (f" ({detail})" if detail else ""))
    return " · ".join(parts)


def _comments_line(all_rows: list[Row]) -> str:
    n = sum(1 for r in all_rows if r.kind == "comment")
    return f" · {n} comments" if n else ""


# Column headings and how to read each cell, per kind of row.
COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "correction": [
        ("Where", lambda r: r.where), ("Speaker", lambda r: r.speaker), ("Lang", lambda r: LANG_LABEL[r.lang]),
        ("Before", lambda r: r.fields["before"]), ("After", lambda r: r.fields["after"]),
        ("Category", lambda r: r.fields.get("category") or ""), ("Note", lambda r: r.fields.get("note") or ""),
        ("Status", lambda r: r.fields["status"]), ("Annotator", lambda r: r.fields.get("annotator") or ""),
        ("Time", lambda r: r.fields.get("created_at") or ""),
    ],
    "gap": [
        ("Where", lambda r: r.where), ("Speaker", lambda r: r.speaker), ("Lang", lambda r: LANG_LABEL[r.lang]),
        ("Marker", lambda r: r.fields["text"]), ("Status", lambda r: r.fields["status"]),
        ("Proposed text", lambda r: r.fields.get("proposed_text") or ""),
        ("Confidence", lambda r: (r.fields.get("confidence") or "").replace("_", " ")),
        ("By", lambda r: r.fields.get("updated_by") or r.fields.get("created_by") or ""),
        ("Time", lambda r: r.fields.get("updated_at") or ""),
    ],
    "flag": [
        ("Where", lambda r: r.where), ("Speaker", lambda r: r.speaker), ("Lang", lambda r: LANG_LABEL[r.lang]),
        ("Category", lambda r: r.fields["category"].replace("_", " ")), ("Note", lambda r: r.fields.get("note") or ""),
        ("Status", lambda r: r.fields["status"]), ("Author", lambda r: r.fields.get("author") or ""),
        ("Time", lambda r: r.fields.get("created_at") or ""),
        ("Resolution", lambda r: r.fields.get("resolution_note") or ""),
        ("Resolved by", lambda r: r.fields.get("resolved_by") or ""),
        ("Resolved at", lambda r: r.fields.get("resolved_at") or ""), ("Replies", lambda r: _replies(r.fields)),
    ],
    "comment": [("Where", lambda r: r.where), ("Speaker", lambda r: r.speaker),
                ("Comment", lambda r: r.fields["text"])],
}
SECTIONS = (("correction", "Corrections"), ("gap", "Gaps"), ("flag", "Flags"), ("comment", "Comments"))
OPTIONAL_SECTIONS = {"comment"}  # shown only when there is one
MARKDOWN_CELLS = {("flag", "Note"), ("flag", "Resolution")}  # annotators write these in Markdown


def render_report_md(data: dict[str, Any], options: ExportOptions) -> str:
    """The report as Markdown tables (every cell escaped)."""
    all_rows = list(rows(data, options))
    out = [f"# Change report: {md_escape(data['title'], ' ')}", ""]
    meta = [m for m in (data.get("source"), data.get("date")) if m]
    if meta:
        out += [" · ".join(md_escape(m, " ") for m in meta), ""]
    out += [_summary_line(_summary(all_rows)) + _comments_line(all_rows), ""]
    for kind, heading in SECTIONS:
        mine = [r for r in all_rows if r.kind == kind]
        if not mine and kind in OPTIONAL_SECTIONS:
            continue
        out += [f"## {heading}", ""]
        if not mine:
            out += ["None.", ""]
            continue
        cols = COLUMNS[kind]
        out.append("| " + " | ".join(name for name, _ in cols) + " |")
        out.append("|" + "---|" * len(cols))
        for r in mine:
            out.append("| " + " | ".join(md_escape(str(get(r)), "<br>") for _, get in cols) + " |")
        out.append("")
    return "\n".join(out)


def render_report_html(data: dict[str, Any], options: ExportOptions) -> str:
    """The report as a standalone HTML page (text escaped, flag notes rendered safely)."""
    all_rows = list(rows(data, options))
    meta = " · ".join(esc(m) for m in (data.get("source"), data.get("date")) if m)
    out = [
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Change report: {esc(data['title'])}</title>\n<style>\n{page_css()}{REPORT_CSS}</style>\n"
        f'</head>\n<body>\n<main class="report">\n<header><h1>Change report: {esc(data["title"])}</h1>'
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + f'<p class="meta">{esc(_summary_line(_summary(all_rows)) + _comments_line(all_rows))}</p></header>\n'
    ]
    for kind, heading in SECTIONS:
        mine = [r for r in all_rows if r.kind == kind]
        if not mine and kind in OPTIONAL_SECTIONS:
            continue
        out.append(f"<h2>{heading}</h2>\n")
        if not mine:
            out.append("<p>None.</p>\n")
            continue
        cols = COLUMNS[kind]
        out.append(f'<table class="report {kind}"><thead><tr>'
                   + "".join(f"<th>{esc(name)}</th>" for name, _ in cols) + "</tr></thead>\n<tbody>\n")
        for r in mine:
            cells = []
            for name, get in cols:
                value = str(get(r))
                lang = f' lang="{r.lang}"' if name in ("Before", "After", "Marker", "Proposed text") and r.lang else ""
                body = render_note(show_controls(value)) if (kind, name) in MARKDOWN_CELLS else esc(value)
                cls = f' class="{name.lower().replace(" ", "-")}"'
                cells.append(f"<td{cls}{lang}>{body}</td>")
            out.append(f'<tr class="{esc(r.fields.get("status") or "")}">' + "".join(cells) + "</tr>\n")
        out.append("</tbody></table>\n")
    out.append(f"<footer>Exported by Taiyaku {esc(model.__version__)}</footer>\n</main>\n</body>\n</html>\n")
    return "".join(out)


REPORT_CSS = """
main.report { max-width: 84rem; }
main.report h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
table.report { width: 100%; border-collapse: collapse; font-size: .84rem; }
table.report th { text-align: left; color: var(--muted); border-bottom: 2px solid var(--ink); padding: .3rem .4rem;
                  font-size: .74rem; text-transform: uppercase; letter-spacing: .04em; }
table.report td { vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--rule);
                  overflow-wrap: anywhere; }
table.report td.before { color: #8a1f1f; text-decoration: line-through; text-decoration-color: #c77; }
table.report td.after { color: var(--filled-ink); }
table.report tr.rejected td, table.report tr.reverted td { color: var(--muted); }
table.report td p { margin: 0; }
"""

CSV_FIELDS = ("kind", "where", "speaker", "lang", "before", "after", "category", "note", "status", "by", "time",
              "resolution", "resolved_by", "resolved_at", "replies", "segment_id", "id")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    text = "" if value is None else show_controls(str(value).replace("\r\n", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_report_csv(data: dict[str, Any], options: ExportOptions) -> str:
    """The report as one CSV table (UTF-8 with a byte order mark, so spreadsheets read Japanese)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    seg_ids = {}
    for turn in data["turns"]:
        for seg in turn["segments"]:
            for key in ("corrections", "gaps", "flags"):
                for item in seg.get(key, []):
                    seg_ids[(key, item["id"])] = seg["id"]
    for r in rows(data, options):
        f = r.fields
        key = {"correction": "corrections", "gap": "gaps", "flag": "flags", "comment": "comment"}[r.kind]
        values = {
            "kind": r.kind, "where": r.where, "speaker": r.speaker, "lang": r.lang or "",
            "before": f.get("before", f.get("text") if r.kind == "gap" else ""),
            "after": f.get("after", f.get("proposed_text") if r.kind == "gap" else ""),
            "category": f.get("category") or (f.get("kind") if r.kind == "gap" else ""),
            "note": f.get("text", "") if r.kind == "comment" else f.get("note") or "",
            "status": f.get("status") or "",
            "by": f.get("annotator") or f.get("author") or f.get("updated_by") or "",
            "time": f.get("created_at") or f.get("updated_at") or "",
            "resolution": f.get("resolution_note") or "", "resolved_by": f.get("resolved_by") or "",
            "resolved_at": f.get("resolved_at") or "", "replies": _replies(f) if r.kind == "flag" else "",
            "segment_id": f["id"] if r.kind == "comment" else seg_ids.get((key, f["id"]), ""),
            "id": "" if r.kind == "comment" else f["id"],
        }
        writer.writerow([_csv_cell(values[name]) for name in CSV_FIELDS])
    return "\ufeff" + buf.getvalue()


RENDERERS = {"md": render_report_md, "html": render_report_html, "csv": render_report_csv}


def render_report(data: dict[str, Any], options: ExportOptions) -> str:
    """The report in the format the options ask for."""
    return RENDERERS[report_format(options)](data, options)


@register("report", suffix=".md", description="change report: corrections, gaps, flags (md, html or csv)",
          suffix_for=lambda options: "." + report_format(options),
          variants={f".{fmt}": {"report_format": fmt} for fmt in REPORT_FORMATS})
def export_report(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """Change report of one transcript."""
    from model.export.json_export import build

    with paused_gc():
        return render_report(build(store, transcript_id), options)
