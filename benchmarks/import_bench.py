"""Import benchmark: a synthetic 50,000-segment transcript (about 20 MB) into a fresh database.

Half the segments carry a Japanese translation; turns have speaker labels,
operator introductions, gap markers and redactions. The same file is also
loaded by a bare ``sqlite3`` baseline that parses it the simplest way (split
on blank lines, label before ": ", pair by script) and inserts the same rows
in one transaction. Each side runs in its own child process so its peak
memory (VmHWM, benchmarks/memory.py) is its own. The last line is machine-readable:

    import_s=… baseline_s=… ratio=… cpu_ratio=… peak_mb=… load=…

Target: ratio < 2.5 (issue 13: no slower than ~1.8), and peak memory that does not grow
with the file beyond what the rows need (compare ``--segments 12500``).
Each side runs ``--repeat`` times (default 3), alternating; the fastest run of each
counts for ``ratio``, and the medians are printed too. On a shared machine the wall
clock mostly measures the other processes: ``cpu_ratio`` (median CPU seconds of
each side) is the steadier figure, and the load average is printed beside it.
Run: ``python benchmarks/import_bench.py [--segments N] [--repeat N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.memory import peak_mb  # noqa: E402

LABELS = [("SENIOR ADMINISTRATION OFFICIAL", "政府高官"), ("MS. DALTON", "ダルトン氏"), ("MODERATOR", "司会")]
EN_WORDS = ["the", "alliance", "we", "will", "announce", "tomorrow", "a", "series", "of", "steps", "on",
            "security", "cooperation", "with", "Japan", "and", "our", "partners", "in", "the", "region",
            "including", "deterrence", "technology", "space", "and", "the", "economy"]
JA_WORDS = ["同盟", "明日", "発表", "安全保障", "協力", "日本", "パートナー", "地域", "抑止", "技術", "宇宙", "経済",
            "について", "します", "そして", "また", "重要な", "一連の"]


def _en(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(EN_WORDS) for _ in range(words))
    if rng.random() < 0.25:
        body += " (inaudible) " + " ".join(rng.choice(EN_WORDS) for _ in range(6))
    if rng.random() < 0.1:
        body += " as [senior administration official] said"
    return body[:1].upper() + body[1:] + "."


def _ja(rng: random.Random, words: int) -> str:
    body = "".join(rng.choice(JA_WORDS) for _ in range(words))
    if rng.random() < 0.25:
        body += "(聞き取れない)" + "".join(rng.choice(JA_WORDS) for _ in range(4))
    if rng.random() < 0.1:
        body += "【政府高官】が述べたように"
    return body + "。"


def synthesize(path: Path, segments: int, seed: int = 9) -> int:
    """Write the synthetic transcript to ``path`` (streamed); returns its size in bytes."""
    rng = random.Random(seed)
    made = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("Synthetic background press call   The White House   2024/4/9\n\n")
        caller = 0
        while made < segments:
            caller += 1
            fh.write(f"OPERATOR: Moving to the next caller. Caller{caller} Name from News Agency {caller}. "
                     "Please go ahead.\n\n")
            fh.write(f"Q {_en(rng, 30)}\n\nQ {_ja(rng, 20)}\n\n")
            made += 2
            en_label, ja_label = LABELS[caller % len(LABELS)]
            for i in range(min(rng.randint(2, 8), segments - made)):
                prefix_en = f"{en_label}: " if i == 0 else ""
                fh.write(f"{prefix_en}{_en(rng, 50)}\n\n")
                if rng.random() < 0.5:
                    prefix_ja = f"{ja_label}: " if i == 0 else ""
                    fh.write(f"{prefix_ja}{_ja(rng, 26)}\n\n")
                made += 1
    return path.stat().st_size


def run_import(src: Path, db: Path) -> dict[str, float]:
    """Child process: time ``import_file`` into a fresh database."""
    import time

    from sqlalchemy import func, select

    from model.importer import import_file
    from model.schema import Base
    from model.store import Store

    store = Store.open(db, annotator="bench")
    store.annotator_id  # noqa: B018 - create the annotator row before timing
    t0, c0 = time.perf_counter(), time.process_time()
    import_file(store, src)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    with store.read() as s:
        rows = {name: s.scalar(select(func.count()).select_from(t)) for name, t in Base.metadata.tables.items()}
    store.close()
    return {"seconds": elapsed, "cpu": cpu, "peak_mb": peak_mb(), "rows": rows}


def run_baseline(src: Path, db: Path) -> dict[str, float]:
    """Child process: simplest parse + bare sqlite3 inserts of the same rows, one transaction."""
    import re
    import sqlite3
    import time

    from model.db import open_database

    open_database(db).dispose()  # the same schema and indexes, made before timing
    t0, c0 = time.perf_counter(), time.process_time()
    text = src.read_bytes().decode("utf-8")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    cur = conn.cursor()
    cur.execute("BEGIN")
    cur.execute("INSERT INTO transcript (title, newline, lead_lang, imported_at) VALUES ('bench', '\n', 'en', '')")
    tid = cur.lastrowid
    label_re = re.compile(r"([A-Z][A-Z. ]+|[^\x00-\x7f]{1,8}|Q): ?|Q ")
    gap_re = re.compile(r"\(inaudible\)|\(聞き取れない\)")
    red_re = re.compile(r"\[senior administration official\]|【政府高官】")
    paras, turns, segs, gaps, reds, speakers = [], [], [], [], [], {}
    seg_id, turn_id = 0, 1
    turns.append((1, tid, 1, None, "title"))  # the title line and anything before the first label
    last: list | None = None
    for pos, par in enumerate(p for p in text.split("\n\n") if p.strip()):
        ja = par[:40] > "" and any(ord(c) > 0x3000 for c in par[:40])
        paras.append((tid, pos, "ja" if ja else "en", par))
        m = label_re.match(par)
        prefix, body = (par[:m.end()], par[m.end():]) if m else ("", par)
        lang = "ja" if ja else "en"
        if ja and last is not None and last[7] is None and last[5] is not None:  # translation of the last one
            last[6], last[7] = prefix, body
        else:
            if m and not ja:
                label = m.group(1) or "Q"
                if label not in speakers:
                    cur.execute("INSERT INTO speaker (transcript_id, label_en, role, redacted, position) "
                                "VALUES (?, ?, 'other', 0, ?)", (tid, label, len(speakers)))
                    speakers[label] = cur.lastrowid
                turn_id += 1
                turns.append((turn_id, tid, turn_id, speakers[label], "speech"))
            seg_id += 1
            # id, turn, transcript, position, en_prefix, en_orig, ja_prefix, ja_orig
            last = [seg_id, turn_id, tid, seg_id, "", None, "", None]
            last[6 if ja else 4], last[7 if ja else 5] = prefix, body
            segs.append(last)
        for g in gap_re.finditer(body):
            gaps.append((seg_id, tid, lang, g.start(), g.end(), g.group(), "inaudible", "open", "import", ""))
        for r in red_re.finditer(body):
            reds.append((seg_id, tid, lang, r.start(), r.end(), r.group()))
    base = cur.execute("SELECT coalesce(max(id), 0) FROM turn").fetchone()[0]
    cur.executemany("INSERT INTO source_paragraph (transcript_id, position, lang, text) VALUES (?, ?, ?, ?)", paras)
    cur.executemany("INSERT INTO turn (id, transcript_id, position, speaker_id, kind) VALUES (?, ?, ?, ?, ?)",
                    [(base + t[0], *t[1:]) for t in turns])
    cur.executemany("INSERT INTO segment (id, turn_id, transcript_id, position, en_prefix, en_orig, ja_prefix, "
                    "ja_orig, review_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'not_reviewed')",
                    [(s[0], base + s[1], *s[2:]) for s in segs])
    cur.executemany("INSERT INTO gap (segment_id, transcript_id, lang, start, \"end\", text, kind, status, origin, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", gaps)
    cur.executemany("INSERT INTO redaction (segment_id, transcript_id, lang, start, \"end\", text) "
                    "VALUES (?, ?, ?, ?, ?, ?)", reds)
    conn.commit()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rows = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("source_paragraph", "turn", "segment", "gap", "redaction")}
    conn.close()
    return {"seconds": elapsed, "cpu": cpu, "peak_mb": peak_mb(), "rows": rows}


def _child(kind: str, src: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(src), str(db)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{kind} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the fastest counts")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, src, db = args.child
        result = (run_import if kind == "import" else run_baseline)(Path(src), Path(db))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        src = folder / "synthetic-call.txt"
        size = synthesize(src, args.segments)
        print(f"file: {args.segments} segments, {size / 1e6:.1f} MB ({src})", flush=True)
        runs: dict[str, list[dict]] = {"baseline": [], "import": []}
        for n in range(args.repeat):  # alternate the two sides; keep each side's best (the machine is noisy)
            for kind in runs:
                db = folder / f"{kind}-{n}.sqlite3"
                runs[kind].append(_child(kind, src, db))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
        base = min(runs["baseline"], key=lambda r: r["seconds"])
        imp = min(runs["import"], key=lambda r: r["seconds"])
        imp["peak_mb"] = max(r["peak_mb"] for r in runs["import"])
        print(f"best of {args.repeat} runs each")
        print(f"baseline (bare sqlite3): {base['seconds']:.2f} s, peak {base['peak_mb']:.0f} MB, rows {base['rows']}")
        print(f"import_file:             {imp['seconds']:.2f} s, peak {imp['peak_mb']:.0f} MB")
        print("  rows: " + ", ".join(f"{k} {v}" for k, v in imp["rows"].items() if v))
        ratio = imp["seconds"] / base["seconds"]
        med = {kind: (statistics.median(r["seconds"] for r in rs), statistics.median(r["cpu"] for r in rs))
               for kind, rs in runs.items()}
        cpu_ratio = med["import"][1] / med["baseline"][1]
        load = os.getloadavg()[0]
        print(f"medians: baseline {med['baseline'][0]:.2f} s wall / {med['baseline'][1]:.2f} s CPU, "
              f"import {med['import'][0]:.2f} s wall / {med['import'][1]:.2f} s CPU; load average {load:.1f}")
        print(f"ratio {ratio:.2f} (best wall clock; target < 2.5), CPU ratio {cpu_ratio:.2f} (medians)")
        print(f"import_s={imp['seconds']:.2f} baseline_s={base['seconds']:.2f} ratio={ratio:.2f} "
              f"cpu_ratio={cpu_ratio:.2f} peak_mb={imp['peak_mb']:.0f} load={load:.1f}")


if __name__ == "__main__":
    main()
