"""Library benchmark: 1,000 transcripts (200,000 segments) listed in the library panel.

Measures, in this process: reading the library (``list_transcripts``: titles, sizes,
review progress, open flags and gaps), filling the panel's model and laying out the
list on screen (offscreen Qt), then filtering and re-sorting it. Prints seconds;
the last line is machine-readable:

    read_s=… listed_s=… filter_s=… sort_s=… peak_mb=…

Goal: 1,000 transcripts listed (read + shown) in <= 1 s (2-core machine, shared).
Run: ``python benchmarks/library_bench.py [--transcripts N] [--segments-per N] [--db PATH]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.memory import peak_mb  # noqa: E402
from model.readmodel import list_transcripts  # noqa: E402
from model.schema import Annotator, Flag, Segment, Transcript, Turn  # noqa: E402
from model.store import Store  # noqa: E402


def build(store: Store, transcripts: int, per: int, per_turn: int = 5) -> None:
    """Write the library with Core inserts (setup, not measured)."""
    when = datetime(2024, 4, 9, 12, 0, 0)
    with store.engine.begin() as conn:
        me = conn.execute(insert(Annotator).values(name="library-bench")).inserted_primary_key[0]
        for t in range(transcripts):
            tid = conn.execute(insert(Transcript).values(title=f"Briefing {t:04d} on the alliance", lead_lang="en",
                                                         event_date=f"2024-{1 + t % 12:02d}-{1 + t % 28:02d}",
                                                         imported_at=when)).inserted_primary_key[0]
            conn.execute(insert(Turn), [{"transcript_id": tid, "position": p} for p in range(per // per_turn)])
            turn_ids = [r[0] for r in conn.execute(select(Turn.id).where(Turn.transcript_id == tid)
                                                   .order_by(Turn.position))]
            conn.execute(insert(Segment), [
                {"turn_id": turn_ids[i // per_turn], "transcript_id": tid, "position": i % per_turn, "en_prefix": "",
                 "en_orig": f"Paragraph {i} of briefing {t}.", "ja_prefix": "", "ja_orig": None,
                 "review_state": "approved" if i % (1 + t % 7) == 0 else "not_reviewed"}
                for i in range(per)])
            first = conn.execute(select(Segment.id).where(Segment.transcript_id == tid).limit(1)).scalar_one()
            conn.execute(insert(Flag), [{"segment_id": first, "transcript_id": tid, "category": "other", "note": "",
                                         "status": "open", "author_id": me, "created_at": when}])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=1000)
    parser.add_argument("--segments-per", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="keep the library here (reused if it exists)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from gui.library import LibraryView
    from gui.models.library_model import LibraryModel

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "library.sqlite3"
        fresh = not db.exists()
        store = Store.open(db, annotator="bench")
        if fresh:
            t0 = time.perf_counter()
            build(store, args.transcripts, args.segments_per)
            print(f"built the library in {time.perf_counter() - t0:.1f} s", flush=True)
        t = time.perf_counter()
        rows = list_transcripts(store)
        read = time.perf_counter() - t
        model = LibraryModel(store)
        view = LibraryView(model)
        view.resize(260, 800)
        t = time.perf_counter()
        model.reload()
        view.show()
        app.processEvents()
        view.viewport().repaint()
        listed = time.perf_counter() - t
        t = time.perf_counter()
        model.set_view(filter_text="0042")
        app.processEvents()
        filtered = time.perf_counter() - t
        t = time.perf_counter()
        model.set_view(filter_text="", sort_key="progress", descending=True)
        view.viewport().repaint()
        app.processEvents()
        resorted = time.perf_counter() - t
        print(f"transcripts={len(rows)} segments={sum(r.segments for r in rows)} cpus={os.cpu_count()}")
        print(f"read {read:.3f} s, listed (read + model + shown) {listed:.3f} s, filter {filtered:.3f} s, "
              f"sort {resorted:.3f} s")
        print(f"read_s={read:.3f} listed_s={listed:.3f} filter_s={filtered:.3f} sort_s={resorted:.3f} "
              f"peak_mb={peak_mb():.0f} load={os.getloadavg()[0]:.1f}")
        store.close()


if __name__ == "__main__":
    main()
