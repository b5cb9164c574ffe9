"""Edit benchmark: 1,000 scripted corrections on a 50,000-segment transcript, then undo them all.

Uses the same operation functions the GUI calls (``model.ops``), each one a
persisted, journaled transaction. Prints p50/p95 milliseconds per edit and the
time to undo all of them; the last line is machine-readable:

    p50_ms=… p95_ms=… undo_1000_s=…

Targets: p95 < 15 ms, undo of 1,000 < 5 s. Run: ``python benchmarks/edit_bench.py [--segments N]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from model.ops.corrections import edit_text
from model.ops.gaps import insert_gap
from model.schema import Gap, Segment, Speaker, Transcript, Turn
from model.store import Store

EN = "Paragraph {i}: the senior official said the (inaudible) alliance projection matters to Kyoto News."
JA = "段落{i}:政府高官は(聞き取れない)同盟予測が重要だと述べた。"


def build(store: Store, segments: int, per_turn: int = 5) -> list[int]:
    """A transcript of ``segments`` segments written directly (setup, not measured). Returns segment ids."""
    with store.engine.begin() as conn:
        transcript = insert(Transcript).values(title="Benchmark briefing", lead_lang="en")
        tid = conn.execute(transcript).inserted_primary_key[0]
        speakers = [conn.execute(insert(Speaker).values(transcript_id=tid, label_en=label, role="other",
                                                        position=i)).inserted_primary_key[0]
                    for i, label in enumerate(["OPERATOR", "Q", "SENIOR ADMINISTRATION OFFICIAL"])]
        turns = segments // per_turn
        conn.execute(insert(Turn), [{"transcript_id": tid, "position": p, "speaker_id": speakers[p % 3]}
                                    for p in range(turns)])
        turn_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM turn ORDER BY position")]
        conn.execute(insert(Segment), [
            {"turn_id": turn_ids[i // per_turn], "transcript_id": tid, "position": i % per_turn,
             "en_prefix": "", "ja_prefix": "", "en_orig": EN.format(i=i), "ja_orig": JA.format(i=i) if i % 4 else None}
            for i in range(turns * per_turn)])
        seg_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM segment ORDER BY id")]
        start = EN.index("(inaudible)")
        conn.execute(insert(Gap), [{"segment_id": sid, "transcript_id": tid, "lang": "en", "start": start + len(str(n)),
                                    "end": start + len(str(n)) + 11, "text": "(inaudible)"}
                                   for n, sid in enumerate(seg_ids)])
    return seg_ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--edits", type=int, default=1_000)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.sqlite3", annotator="bench")
        t0 = time.perf_counter()
        seg_ids = build(store, args.segments)
        print(f"built {len(seg_ids)} segments in {time.perf_counter() - t0:.1f} s")
        texts: dict[int, str] = {}
        events: list[int] = []
        times: list[float] = []
        cpu0 = time.process_time()
        for n in range(args.edits):
            sid = rng.choice(seg_ids)
            i = seg_ids.index(sid) if sid not in texts else None
            text = texts.get(sid) or EN.format(i=i)
            t = time.perf_counter()
            if n % 10 == 9:  # now and then a gap insertion: a correction plus a gap record
                event = insert_gap(store, sid, "en", 0)
                text = "(inaudible)" + text
            else:
                words = text.split(" ")
                w = rng.randrange(len(words))
                words[w] = words[w][:-1] if words[w].endswith(",") else words[w] + ","  # always a change
                text = " ".join(words)
                event = edit_text(store, sid, "en", text, category="typo")
            times.append((time.perf_counter() - t) * 1000)
            texts[sid] = text
            if event is not None:
                events.append(event)
        edit_cpu = time.process_time() - cpu0
        t, c = time.perf_counter(), time.process_time()
        for event in reversed(events):
            store.undo(event)
        undo_s, undo_cpu = time.perf_counter() - t, time.process_time() - c
        store.close()
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{len(times)} edits: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms (targets: p95 < 15 ms)")
    print(f"undo of {len(events)} edits: {undo_s:.2f} s (target < 5 s)")
    # Wall time is what the annotator feels; CPU time shows the cost itself when the machine is busy.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"CPU of this process: {edit_cpu * 1000 / len(times):.2f} ms per edit, undo {undo_cpu:.2f} s "
          f"(load average {load:.1f} on {os.cpu_count()} CPUs)")
    print(f"p50_ms={p50:.2f} p95_ms={p95:.2f} undo_1000_s={undo_s:.2f}")


if __name__ == "__main__":
    main()
