"""Small transcripts built straight through the ORM, for tests that must not depend on the importer."""

from __future__ import annotations

from model.schema import Correction, Gap, Redaction, Segment, Speaker, SpeakerSuggestion, Transcript, Turn
from model.store import Store


def make_transcript(store: Store, title: str = "Briefing on the harbour project") -> int:
    """A two-speaker transcript with a gap, a redaction, a correction and a suggestion. Returns its id."""
    with store.operation("Make a test transcript") as op:
        s = op.session
        t = Transcript(title=title, source="Port authority", event_date="2024-05-02", lead_lang="en",
                       source_filename="harbour.txt")
        s.add(t)
        s.flush()
        op.transcript_id = t.id
        host = Speaker(transcript_id=t.id, label_en="MODERATOR", label_ja="司会", role="moderator", position=0)
        guest = Speaker(transcript_id=t.id, label_en="Q", label_ja="Q", role="journalist", position=1)
        s.add_all([host, guest])
        s.flush()
        title_turn = Turn(transcript_id=t.id, position=0, kind="title")
        t1 = Turn(transcript_id=t.id, position=1, speaker_id=host.id, timestamp="00:00:05")
        t2 = Turn(transcript_id=t.id, position=2, speaker_id=guest.id)
        s.add_all([title_turn, t1, t2])
        s.flush()
        seg0 = Segment(turn_id=title_turn.id, transcript_id=t.id, position=0, en_orig=title, ja_orig=None)
        seg1 = Segment(turn_id=t1.id, transcript_id=t.id, position=0,
                       en_prefix="[00:00:05] MODERATOR: ", en_orig="Welcome. [harbour official] will speak first.",
                       ja_prefix="司会: ", ja_orig="ようこそ。[港湾当局者]が最初に話します。")
        seg2 = Segment(turn_id=t2.id, transcript_id=t.id, position=0, en_prefix="Q ",
                       en_orig="When does the (inaudible) open?", ja_prefix="Q ", ja_orig=None,
                       review_state="edited")
        s.add_all([seg0, seg1, seg2])
        s.flush()
        s.add_all([
            Redaction(segment_id=seg1.id, transcript_id=t.id, lang="en", start=9, end=27,
                      text="[harbour official]"),
            Gap(segment_id=seg2.id, transcript_id=t.id, lang="en", start=14, end=25, text="(inaudible)"),
            Correction(segment_id=seg1.id, transcript_id=t.id, lang="en", start=0, end=7, before="Welcome",
                       after="Good morning", category="mishearing", annotator_id=op.annotator_id),
            SpeakerSuggestion(transcript_id=t.id, turn_id=t2.id, source_turn_id=t1.id, name=None,
                              affiliation="Harbour Times"),
        ])
    return t.id
