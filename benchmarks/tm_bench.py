"""Translation-memory benchmark: suggestion lookup among 200,000 remembered segments.

Builds a memory of N English sentences (random words from a briefing vocabulary, 8-30 words,
like transcript paragraphs), then times ``TranslationMemory.suggest`` for segments that have a
close match (one word changed) and for segments that have none, and prints peak memory. With
``--db-segments M`` it also times reading the memory from a database holding M corrected segments.
Goal: lookup <= 50 ms. Last line machine-readable:

    entries=… build_s=… hit_ms_median=… hit_ms_max=… miss_ms_median=… miss_ms_max=… peak_mb=… [load_s=…]

Run: ``python benchmarks/tm_bench.py [--entries N] [--db-segments M]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.memory import peak_mb
from model.readmodel import SegmentView
from model.tm import MemoryEntry, TranslationMemory, load_memory

# Briefing English: frequent words, then a long tail (Zipf-like), as in real transcripts.
COMMON = ("the of and to a in that we is for this it on with our as be are have will I you at by not from "  # noqa: SIM905
          "alliance Japan United States security defense minister prime summit cooperation deterrence region "
          "partners question thank announce tomorrow posture forces exercise economic development pillar two "
          "AUKUS capabilities technology investment space cyber operator next caller official said important "
          "countries people Indo-Pacific command structure projection").split()


def vocabulary(rng: random.Random, size: int = 30_000) -> tuple[list[str], list[float]]:
    """Words and their cumulative weights: the common ones, then made-up rarer words (syllables), Zipf-like."""
    syllables = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
    rare = list(dict.fromkeys("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                              for _ in range(size)))
    words = COMMON + rare
    return words, list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(words))))


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    return " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(8, 30))).capitalize() + "."


def segment(en: str, sid: int) -> SegmentView:
    return SegmentView(sid, 1, 0, "", en, "", "訳文。", "not_reviewed", en, "訳文。")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--lookups", type=int, default=50)
    parser.add_argument("--db-segments", type=int, default=0)
    parser.add_argument("--trace-memory", action="store_true", help="peak of Python allocations (slows the build)")
    args = parser.parse_args()
    rng = random.Random(7)
    if args.trace_memory:
        tracemalloc.start()
    words, weights = vocabulary(rng)
    texts = [sentence(rng, words, weights) for _ in range(args.entries)]
    t0 = time.perf_counter()  # the memory's build, not the making of the sentences
    when = datetime(2024, 4, 9)
    memory = TranslationMemory(MemoryEntry(en, "ja", "訳文。", "訂正した訳文。", "bench", when, i, "bench")
                               for i, en in enumerate(texts))
    build_s = time.perf_counter() - t0
    hits, misses = [], []
    for n in range(args.lookups):
        words = texts[rng.randrange(len(texts))].split()
        words[rng.randrange(len(words))] = "harbour"
        seg = segment(" ".join(words), -n - 1)
        t0 = time.perf_counter()
        found = memory.suggest(seg)
        hits.append((time.perf_counter() - t0) * 1000)
        assert found, "a one-word change must find its sentence"
        t0 = time.perf_counter()
        memory.suggest(segment("Completely unrelated words about harbour fishing quotas and weather " * 2, -10**6))
        misses.append((time.perf_counter() - t0) * 1000)
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.trace_memory else peak_mb()  # else peak RSS
    tracemalloc.stop()
    line = (f"entries={len(memory)} build_s={build_s:.2f} hit_ms_median={statistics.median(hits):.1f} "
            f"hit_ms_max={max(hits):.1f} miss_ms_median={statistics.median(misses):.1f} "
            f"miss_ms_max={max(misses):.1f} peak_mb={peak:.0f}")
    if args.db_segments:
        line += f" load_s={_load_from_db(args.db_segments, rng, words, weights):.2f}"
    print(line)


def _load_from_db(count: int, rng: random.Random, words: list[str], weights: list[float]) -> float:
    """Time ``load_memory`` on a database of ``count`` corrected segments."""
    from sqlalchemy import insert

    from model.schema import Correction, Segment, Transcript, Turn
    from model.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "tm.sqlite3", annotator="bench")
        aid = store.annotator_id
        with store.engine.begin() as conn:
            tid = conn.execute(insert(Transcript).values(title="bench", lead_lang="en", newline="\n",
                                                         imported_at=datetime.now())).inserted_primary_key[0]
            turn = conn.execute(insert(Turn).values(transcript_id=tid, position=0,
                                                    kind="speech")).inserted_primary_key[0]
            conn.execute(insert(Segment), [dict(turn_id=turn, transcript_id=tid, position=i, en_prefix="",
                                                en_orig=sentence(rng, words, weights), ja_prefix="",
                                                ja_orig="訳文です。", review_state="edited") for i in range(count)])
            conn.execute(insert(Correction), [dict(segment_id=i + 1, transcript_id=tid, lang="ja", start=0, end=2,
                                                   before="訳文", after="翻訳", status="proposed", annotator_id=aid,
                                                   created_at=datetime.now()) for i in range(count)])
        t0 = time.perf_counter()
        memory = load_memory(store)
        took = time.perf_counter() - t0
        assert len(memory) == count
        store.close()
    return took


if __name__ == "__main__":
    main()
