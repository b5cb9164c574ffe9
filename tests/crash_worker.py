"""Scripted edits until killed: prints 'ack <event id> <segment id>' after each committed edit.

Run by tests/model/test_crash_safety.py, which kills this process with SIGKILL mid-run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.ops.corrections import edit_text
from model.ops.gaps import insert_gap
from model.readmodel import load_transcript
from model.store import Store
from tests.helpers import make_transcript


def main(path: str) -> None:
    store = Store.open(path, annotator="crash-worker")
    tid = make_transcript(store, [("Q", [(f"Paragraph {i} (inaudible).", f"段落{i}。") for i in range(20)])])
    segs = [s for _t, s in load_transcript(store, tid).segments()]
    texts = {s.id: s.en for s in segs}
    print("ready", flush=True)
    n = 0
    while True:
        seg = segs[n % len(segs)]
        if n % 7 == 3:
            event = insert_gap(store, seg.id, "ja", 0)
        else:
            texts[seg.id] = f"{texts[seg.id]} edit{n}"
            event = edit_text(store, seg.id, "en", texts[seg.id])
        print(f"ack {event} {seg.id} {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1])
