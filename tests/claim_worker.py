"""Claims transcripts with ``claim_next`` until none is left; prints one claimed id per line.

Run by tests/model/test_assignment_race.py, several at once: each waits for the start file to
appear (so that they all ask at the same moment), then claims as annotator NAME. With a fourth
argument "ranges" (tests/model/test_assignment_ranges.py) it prints ID:FIRST-LAST per claim.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.assignment.ops import claim_next_range, transition
from model.store import Store


def main(db: str, name: str, start_file: str, mode: str = "") -> None:
    store = Store.open(db, annotator=name)
    _ = store.annotator_id  # the annotator row exists before the race starts
    print("ready", flush=True)
    while not Path(start_file).exists():
        time.sleep(0.005)
    while True:
        claimed = claim_next_range(store)
        if claimed is None:
            break
        tid, _event, span = claimed
        print(f"{tid}:{span[0]}-{span[1]}" if mode == "ranges" and span else tid, flush=True)
        # Hand it on at once, so that this worker comes back for more: the race lasts.
        transition(store, tid, "submit", turns=span)
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
