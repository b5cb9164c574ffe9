"""``taiyaku audio attach|align|detach|relink``: a transcript's recording, from the command line.

    taiyaku audio attach ID FILE      prints the duration; not audio: one line, exit 2, nothing stored
    taiyaku audio align ID            prints how many segments were aligned / estimated
    taiyaku audio detach ID
    taiyaku audio relink ID FOLDER    finds the moved file again by its sha256

Reading audio needs no Qt here: WAV always, other formats when FFmpeg is installed
(``model.audio.pcm``). Alignment runs offline (``model.audio.align``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli import core as cli
from model.wording import counted

if TYPE_CHECKING:
    from model.store import Store


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="audio_command", metavar="ACTION", required=True)
    attach = sub.add_parser("attach", help="attach a recording to a transcript (prints its duration)")
    attach.add_argument("id", metavar="ID", type=cli.transcript_id, help="the transcript's id (see 'list')")
    attach.add_argument("file", metavar="FILE", type=Path, help="the recording (WAV; other formats need FFmpeg)")
    align = sub.add_parser("align", help="sync the transcript with its recording (offline)")
    align.add_argument("id", metavar="ID", type=cli.transcript_id, help="the transcript's id")
    detach = sub.add_parser("detach", help="detach the recording and the times found in it")
    detach.add_argument("id", metavar="ID", type=cli.transcript_id, help="the transcript's id")
    relink = sub.add_parser("relink", help="find a moved recording again by its sha256 in FOLDER")
    relink.add_argument("id", metavar="ID", type=cli.transcript_id, help="the transcript's id")
    relink.add_argument("folder", metavar="FOLDER", type=Path, help="where to look (subfolders too)")
    for action in (attach, align, detach, relink):
        action.add_argument("--db", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                            help="the database file")


def _run(args: argparse.Namespace) -> int:
    from model.audio import ops
    from model.audio.ops import format_ms

    store = cli.open_store(args, create=False)
    out = cli.text_out()
    try:
        if args.audio_command == "attach":
            from model.audio.pcm import identify

            info = identify(args.file)  # reads the file first: nothing is stored if it is not audio
            ops.attach_recording(store, args.id, info)
            print(f"attached {info.path} ({format_ms(info.duration_ms)})", file=out)
        elif args.audio_command == "align":
            aligned, estimated, doubtful = _align(store, args.id)
            note = f" ({doubtful} heard, but where they start is doubtful)" if doubtful else ""
            print(f"{counted(aligned, 'segment')} aligned, {estimated} estimated{note}", file=out)
        elif args.audio_command == "detach":
            ops.detach_recording(store, args.id)
            print("recording detached", file=out)
        else:
            ops.relink_recording(store, args.id, args.folder)
            rec = ops.recording_of(store, args.id)
            print(f"found at {rec.path if rec else args.folder}", file=out)
    finally:
        store.close()
    return 0


def _align(store: Store, transcript_id: int) -> tuple[int, int, int]:
    """Sync and apply: (segments aligned, estimated, left estimated for a doubtful start)."""
    from model.audio import ops
    from model.audio.align import align
    from model.audio.pcm import decode
    from model.errors import OperationFailed

    rec = ops.recording_of(store, transcript_id)
    if rec is None:
        raise OperationFailed(f"transcript {transcript_id} has no recording (taiyaku audio attach ID FILE)")
    if not rec.available:
        raise OperationFailed(f"the recording is not at {rec.path} any more (taiyaku audio relink ID FOLDER)")
    samples = decode(rec.path)
    tty = sys.stderr.isatty()

    def progress(fraction: float) -> None:
        if tty:
            print(f"\raligning... {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    result = align(samples, ops.paragraphs_to_align(store, transcript_id), progress)
    if tty:
        print(file=sys.stderr)
    ops.apply_alignment(store, transcript_id, result)
    times = ops.segment_times(store, transcript_id)
    aligned = sum(1 for t in times if t.kind == "aligned")
    return aligned, len(times) - aligned, len(result.doubtful)


cli.register_command("audio", "attach a recording to a transcript, sync them, detach it", _configure, _run,
                     "Attach a recording (the database keeps its path, size, sha256 and duration, never the "
                     "media), sync the transcript with it offline, detach it, or find it again after a move.")
