"""Small builders for tests: a transcript made through the store, without the importer."""

from __future__ import annotations

from model.schema import Gap, Segment, Speaker, Transcript, Turn
from model.store import Store


def make_transcript(store: Store, turns: list[tuple[str | None, list[tuple[str | None, str | None]]]],
                    title: str = "Test briefing") -> int:
    """Create a transcript: ``turns`` is [(speaker label or None, [(en, ja), ...]), ...].

    Gaps are recorded for every ``(inaudible)`` / ``(聞き取れない)`` marker. Returns the id.
    """
    with store.operation("Create test transcript") as op:
        s = op.session
        t = Transcript(title=title, lead_lang="en")
        s.add(t)
        s.flush()
        op.transcript_id = t.id
        speakers: dict[str, Speaker] = {}
        for tpos, (label, segments) in enumerate(turns):
            speaker = None
            if label is not None:
                speaker = speakers.get(label)
                if speaker is None:
                    speaker = Speaker(transcript_id=t.id, label_en=label, role="other", position=len(speakers))
                    s.add(speaker)
                    s.flush()
                    speakers[label] = speaker
            turn = Turn(transcript_id=t.id, position=tpos, speaker_id=speaker.id if speaker else None)
            s.add(turn)
            s.flush()
            for spos, (en, ja) in enumerate(segments):
                seg = Segment(turn_id=turn.id, transcript_id=t.id, position=spos, en_orig=en, ja_orig=ja)
                s.add(seg)
                s.flush()
                for lang, text, marker in (("en", en, "(inaudible)"), ("ja", ja, "(聞き取れない)")):
                    at = (text or "").find(marker)
                    while at != -1:
                        s.add(Gap(segment_id=seg.id, transcript_id=t.id, lang=lang, start=at,
                                  end=at + len(marker), text=marker))
                        at = text.find(marker, at + 1)
    return t.id
