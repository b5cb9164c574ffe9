"""Export benchmark: a 50,000-segment transcript to every format, with peak memory.

The transcript is written directly (setup, not measured): 10,000 turns of five
segments, English with a Japanese translation for half of them, labels in
the prefixes, a gap in every segment, 1,000 corrections and 500 flags with a
reply. Each format is timed as the user runs it: load the transcript through
the read model and render the file (written atomically to a temporary folder).
Each format runs in a process of its own (so its peak memory is its own: the
resident set's high-water mark, ``VmHWM``, imports included) and writes its
file as the command line does (streamed, atomically). ``qa`` is the QA run
(``taiyaku qa``), ``report_csv``/``report_html`` the change report's other formats.
Prints seconds and MB per format; the last line is machine-readable:

    txt_s=… json_s=… … load=… txt_cpu_s=… … txt_mb=… json_mb=… …

``*_s`` is wall-clock time; ``*_cpu_s`` the process's CPU time, which is what the
targets mean when the machine is shared (``load`` is the 1-minute load average);
``*_mb`` the peak resident memory in MB.

Targets on a 2-core machine: text, JSON, Markdown, TMX < 2 s each, HTML < 3 s,
DOCX < 15 s at 50,000 segments; peak memory <= 400 MB for every format but docx
(<= 1 GB) at 200,000 and 500,000 segments.
``srt`` and ``vtt`` are exported from a copy whose every 20th turn has a timestamp (subtitles need times).
Run: ``python benchmarks/export_bench.py [--segments N] [--layout side_by_side] [--formats txt,json]
[--db /tmp/export-200k.sqlite3]`` (``--db``: build once, measure many times)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, insert, select, update

from benchmarks.memory import peak_mb
from model.export import ExportOptions, get_exporter
from model.schema import Annotator, Correction, Flag, FlagReply, Gap, Segment, Speaker, Transcript, Turn
from model.store import Store

EN = "Paragraph {i}: the senior official said the (inaudible) alliance projection matters to Kyoto News today."
JA = "段落{i}:政府高官は(聞き取れない)同盟予測が今日の共同通信にとって重要だと述べた。"
LABELS = [("OPERATOR", "オペレーター"), ("Q", "Q"), ("SENIOR ADMINISTRATION OFFICIAL", "政府高官")]
FORMATS = ("txt", "json", "md", "html", "docx", "tmx", "report", "report_csv", "report_html", "srt", "vtt", "qa")
TIMED = ("srt", "vtt")  # subtitles need times: exported from a copy whose turns carry timestamps


def build(store: Store, segments: int, per_turn: int = 5) -> int:
    """Write the benchmark transcript with Core inserts; returns its id."""
    when = datetime(2024, 4, 9, 12, 0, 0)
    with store.engine.begin() as conn:
        me = conn.execute(insert(Annotator).values(name="bench-annotator")).inserted_primary_key[0]
        tid = conn.execute(insert(Transcript).values(title="Benchmark briefing", lead_lang="en",
                                                     imported_at=when)).inserted_primary_key[0]
        speakers = [conn.execute(insert(Speaker).values(transcript_id=tid, label_en=en, label_ja=ja, role="other",
                                                        position=i)).inserted_primary_key[0]
                    for i, (en, ja) in enumerate(LABELS)]
        turns = segments // per_turn
        conn.execute(insert(Turn), [{"transcript_id": tid, "position": p, "speaker_id": speakers[p % 3]}
                                    for p in range(turns)])
        turns_in_order = select(Turn.id).where(Turn.transcript_id == tid).order_by(Turn.position)
        turn_ids = [r[0] for r in conn.execute(turns_in_order)]
        rows = []
        for i in range(turns * per_turn):
            first = i % per_turn == 0
            label_en, label_ja = LABELS[(i // per_turn) % 3]
            rows.append({"turn_id": turn_ids[i // per_turn], "transcript_id": tid, "position": i % per_turn,
                         "en_prefix": f"{label_en}: " if first else "", "en_orig": EN.format(i=i),
                         "ja_prefix": f"{label_ja}: " if first and i % 2 else "",
                         "ja_orig": JA.format(i=i) if i % 2 else None,
                         "review_state": "approved" if i % 3 == 0 else "not_reviewed"})
        conn.execute(insert(Segment), rows)
        seg_ids = [r[0] for r in conn.execute(select(Segment.id).where(Segment.transcript_id == tid)
                                              .order_by(Segment.id))]
        gaps = []
        for n, sid in enumerate(seg_ids):
            at = EN.format(i=n).index("(inaudible)")
            gaps.append({"segment_id": sid, "transcript_id": tid, "lang": "en", "start": at, "end": at + 11,
                         "text": "(inaudible)", "status": "filled" if n % 7 == 0 else "open",
                         "proposed_text": "the" if n % 7 == 0 else None, "created_at": when})
        conn.execute(insert(Gap), gaps)
        # Corrections after the gap, so gap offsets stay true: "Kyoto" -> "Kyodo".
        conn.execute(insert(Correction), [
            {"segment_id": sid, "transcript_id": tid, "lang": "en", "start": EN.format(i=n).index("Kyoto"),
             "end": EN.format(i=n).index("Kyoto") + 5, "before": "Kyoto", "after": "Kyodo",
             "category": "mishearing", "note": "agency name", "status": "accepted", "annotator_id": me,
             "created_at": when}
            for n, sid in enumerate(seg_ids) if n % 50 == 0])
        conn.execute(insert(Flag), [
            {"segment_id": sid, "transcript_id": tid, "category": "mistranslation", "note": "Check *this*",
             "status": "open", "author_id": me, "created_at": when}
            for n, sid in enumerate(seg_ids) if n % 100 == 1])
        flag_ids = [r[0] for r in conn.execute(select(Flag.id).where(Flag.transcript_id == tid))]
        conn.execute(insert(FlagReply), [{"flag_id": f, "author_id": me, "created_at": when, "text": "Agreed."}
                                         for f in flag_ids])
    return tid


def stamp_turns(db: Path, timed: Path) -> None:
    """A copy of ``db`` whose every 20th turn has a timestamp (2 s a turn): the segments' times
    are estimated between them, as for a transcript imported with timestamps."""
    shutil.copyfile(db, timed)
    store = Store.open(timed, annotator="bench")
    with store.engine.begin() as conn:
        turns = [r[0] for r in conn.execute(select(Turn.id).order_by(Turn.position))]
        stamps = [{"tid": turn_id, "ts": f"{(p * 2) // 3600}:{(p * 2) // 60 % 60:02d}:{p * 2 % 60:02d}"}
                  for p, turn_id in enumerate(turns) if p % 20 == 0]
        conn.execute(update(Turn).where(Turn.id == bindparam("tid")).values(timestamp=bindparam("ts")), stamps)
    store.close()


def run_one(db: Path, tid: int, fmt: str, layout: str, out_dir: Path) -> None:
    """In a child process: export (or check) once and print ``wall cpu peak_mb size_mb``."""
    store = Store.open(db, annotator="bench")
    t, c = time.perf_counter(), time.process_time()
    size = 0.0
    if fmt == "qa":
        from model.qa.scan import iter_checks

        size = float(sum(1 for _ in iter_checks(store, tid)))  # findings, streamed
    else:
        name, _, variant = fmt.partition("_")
        exporter = get_exporter(name)
        options = ExportOptions(layout=layout, extra={"report_format": variant} if variant else {})
        out = out_dir / f"bench-{fmt}{exporter.file_suffix(options)}"
        exporter.write_file(store, tid, out, options)
        size = out.stat().st_size / 1e6
        out.unlink()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    store.close()
    print(f"{wall:.3f} {cpu:.3f} {peak_mb():.1f} {size:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--layout", choices=("interleaved", "side_by_side"), default="interleaved")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--db", type=Path, help="keep the generated transcript here (built once if missing)")
    parser.add_argument("--child", nargs=3, metavar=("DB", "TID", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, tid, fmt = args.child
        run_one(Path(db), int(tid), fmt, args.layout, Path(db).parent)
        return
    print(f"cpus={os.cpu_count()} segments={args.segments} layout={args.layout}")
    results: dict[str, float] = {}
    cpu: dict[str, float] = {}
    peak: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite3"
        if not db.exists():
            store = Store.open(db, annotator="bench")
            t0 = time.perf_counter()
            build(store, args.segments)
            store.close()
            print(f"built the transcript in {time.perf_counter() - t0:.1f} s", flush=True)
        tid = 1
        timed = db.with_name(db.stem + "-timed" + db.suffix)
        if any(f in TIMED for f in args.formats.split(",")) and not timed.exists():
            stamp_turns(db, timed)
        for fmt in args.formats.split(","):
            source = timed if fmt in TIMED else db
            child = [sys.executable, __file__, "--layout", args.layout, "--child", str(source), str(tid), fmt]
            done = subprocess.run(child, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{fmt:11s} failed:\n{done.stderr}", flush=True)
                continue
            wall, secs, mb, size = (float(x) for x in done.stdout.split()[-4:])
            results[fmt], cpu[fmt], peak[fmt] = wall, secs, mb
            what = f"{int(size)} findings" if fmt == "qa" else f"{size:6.1f} MB file"
            print(f"{fmt:11s} {wall:6.2f} s wall {secs:6.2f} s cpu {mb:7.0f} MB peak  {what}", flush=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(" ".join([*(f"{fmt}_s={secs:.2f}" for fmt, secs in results.items()), f"load={load:.1f}",
                    *(f"{fmt}_cpu_s={secs:.2f}" for fmt, secs in cpu.items()),
                    *(f"{fmt}_mb={mb:.0f}" for fmt, mb in peak.items())]))


if __name__ == "__main__":
    main()
