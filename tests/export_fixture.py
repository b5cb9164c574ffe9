"""A small transcript with everything an export must get right, built through the store.

Corrections (live, rejected), gaps (open, filled, unrecoverable, one marked by
an annotator), flags with replies and a resolution, review states, a title and
a time line, prefixes with timestamps and labels, and hostile text: HTML,
``<script>``, Markdown syntax and control characters.
"""

from __future__ import annotations

from datetime import datetime

from model.schema import (
    Annotator,
    Correction,
    Flag,
    FlagReply,
    Gap,
    Segment,
    Speaker,
    SpeakerSuggestion,
    Transcript,
    Turn,
)
from model.store import Store

HOSTILE_EN = ("<script>alert('x')</script> <b>bold</b> **stars** [link](http://evil.example) "
              "# hash `tick` a|b ~~s~~ &amp; \x07bell\x00nul")
HOSTILE_JA = "<img src=x onerror=alert(1)> 同盟予測 **強調**"
WHEN = datetime(2024, 4, 9, 18, 30, 0)

# (kind, speaker key, timestamp, [(en_prefix, en, ja_prefix, ja, review_state)])
TURNS = [
    ("title", None, None, [("", None, "", "日米首脳会談の背景説明 2024/4/9", "approved")]),
    ("speech", None, None, [("", "So, look, the steps (inaudible) matter a lot.", "", None, "approved")]),
    ("speech", "MOD", "00:01:12", [
        ("[00:01:12] MODERATOR: ", "Welcome. Moving to the next caller from Kyoto News.",
         "[00:01:12] 司会: ", "ようこそ。次は共同通信の方です。", "approved"),
    ]),
    ("speech", "Q", None, [
        ("Q ", "Is it AI hypersonic capability or other (inaudible)?",
         "Q ", "AI極超音速能力なのか、それとも他の(聞き取れない)のか?", "edited"),
    ]),
    ("speech", "SAO", None, [
        ("SENIOR ADMINISTRATION OFFICIAL: ", HOSTILE_EN, "政府高官: ", HOSTILE_JA, "not_reviewed"),
        ("", "Mitsubishi and garbled Kawasaki build transformers.", "", "三菱と川崎が変圧器を作っています。",
         "approved"),
    ]),
    ("time", None, None, [("", "6:22 P.M. EDT", "", None, "approved")]),
]
SPEAKERS = {
    "MOD": dict(label_en="MODERATOR", label_ja="司会", role="moderator"),
    "Q": dict(label_en="Q", label_ja="Q", role="journalist", name="Ken Moriyasu", affiliation="Nikkei Asia"),
    "SAO": dict(label_en="SENIOR ADMINISTRATION OFFICIAL", label_ja="政府高官", role="official"),
}


def _segment(s, tid: int, key: str) -> Segment:
    for seg in s.query(Segment).filter_by(transcript_id=tid).order_by(Segment.id):
        if (seg.en_orig or "").startswith(key) or (seg.ja_orig or "").startswith(key):
            return seg
    raise LookupError(key)


def build_export_sample(store: Store, title: str = "Background press call <b>&</b> **Japan** visit") -> int:
    """Create the sample transcript (see the module docstring); returns its id."""
    with store.operation("Create export sample") as op:
        s = op.session
        reviewer = s.query(Annotator).filter_by(name="Reviewer <R>").one_or_none() or Annotator(name="Reviewer <R>")
        s.add(reviewer)
        t = Transcript(title=title, source="White House NSC", event_date="2024-04-09", lead_lang="en",
                       newline="\n", source_filename="press.txt", imported_at=WHEN)
        s.add(t)
        s.flush()
        op.transcript_id = tid = t.id
        speakers = {}
        for pos, (key, attrs) in enumerate(SPEAKERS.items()):
            speakers[key] = Speaker(transcript_id=tid, position=pos, **attrs)
            s.add(speakers[key])
        s.flush()
        for tpos, (kind, key, stamp, segs) in enumerate(TURNS):
            turn = Turn(transcript_id=tid, position=tpos, kind=kind, timestamp=stamp,
                        speaker_id=speakers[key].id if key else None)
            s.add(turn)
            s.flush()
            for spos, (enp, en, jap, ja, state) in enumerate(segs):
                seg = Segment(turn_id=turn.id, transcript_id=tid, position=spos, en_prefix=enp, en_orig=en,
                              ja_prefix=jap, ja_orig=ja, review_state=state)
                s.add(seg)
                s.flush()
                for lang, text, marker in (("en", en, "(inaudible)"), ("ja", ja, "(聞き取れない)")):
                    at = (text or "").find(marker)
                    if at != -1:
                        s.add(Gap(segment_id=seg.id, transcript_id=tid, lang=lang, start=at, end=at + len(marker),
                                  text=marker, created_at=WHEN))
        s.flush()
        me = op.annotator_id
        # The moderator's line: a live correction and a rejected one.
        mod = _segment(s, tid, "Welcome.")
        at = mod.en_orig.index("Kyoto")
        s.add(Correction(segment_id=mod.id, transcript_id=tid, lang="en", start=at, end=at + 5, before="Kyoto",
                         after="Kyodo", category="mishearing", note="The agency is Kyodo <News>.",
                         status="accepted", annotator_id=me, created_at=WHEN, reviewed_by_id=None))
        s.add(Correction(segment_id=mod.id, transcript_id=tid, lang="en", start=0, end=7, before="Welcome",
                         after="Hello", category="style", note=None, status="rejected", annotator_id=me,
                         created_at=WHEN))
        # The question: English gap filled (best guess), Japanese gap unrecoverable.
        q = _segment(s, tid, "Is it AI")
        for gap in s.query(Gap).filter_by(segment_id=q.id):
            if gap.lang == "en":
                gap.status, gap.proposed_text, gap.confidence = "filled", "areas", "best_guess"
            else:
                gap.status = "unrecoverable"
        # The hostile segment: a Japanese correction and a flag with a reply and a resolution.
        sao = _segment(s, tid, "<script>")
        at = sao.ja_orig.index("同盟予測")
        s.add(Correction(segment_id=sao.id, transcript_id=tid, lang="ja", start=at, end=at + 4, before="同盟予測",
                         after="同盟の抑止力", category="mistranslation", note="alliance projection",
                         status="proposed", annotator_id=me, created_at=WHEN))
        flag = Flag(segment_id=sao.id, transcript_id=tid, lang="ja", start=at, end=at + 4,
                    category="mistranslation", note="Check **this** <img src=x onerror=alert(1)>",
                    status="resolved", author_id=me, created_at=WHEN, resolution_note="Fixed <i>now</i>",
                    resolved_by_id=reviewer.id, resolved_at=WHEN)
        s.add(flag)
        s.flush()
        s.add(FlagReply(flag_id=flag.id, author_id=reviewer.id, created_at=WHEN,
                        text="Agreed, *see* [x](javascript:alert(1))"))
        # An annotator marked garbled words as a gap (no marker in the text).
        m = _segment(s, tid, "Mitsubishi")
        at = m.en_orig.index("garbled")
        s.add(Gap(segment_id=m.id, transcript_id=tid, lang="en", start=at, end=at + 7, text="garbled",
                  origin="annotator", created_by_id=me, created_at=WHEN))
        s.add(Flag(segment_id=m.id, transcript_id=tid, category="inaudible", note="Name unclear", status="open",
                   author_id=me, created_at=WHEN))
        q_turn = s.get(Turn, q.turn_id)
        s.add(SpeakerSuggestion(transcript_id=tid, turn_id=q_turn.id, name="Ken Moriyasu",
                                affiliation="Nikkei Asia", status="accepted"))
    return tid
