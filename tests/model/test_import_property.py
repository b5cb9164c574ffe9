"""Property: importing, exporting as text and importing again gives the same transcript."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.importer import import_text
from model.readmodel import TranscriptView, load_transcript
from model.store import Store
from tests.import_support import export_txt

EN_WORDS = ["alliance", "summit", "Japan", "the", "security", "partners", "we", "will", "announce", "tomorrow",
            "cooperation", "Tokyo", "deterrence", "and", "of", "U.S.", "2024", "very", "important"]
JA_WORDS = ["同盟", "首脳会談", "日本", "安全保障", "パートナー", "明日", "発表", "協力", "東京", "抑止",
            "は", "を", "に", "します", "とても", "重要", "です"]
LABELS = [("SENIOR ADMINISTRATION OFFICIAL", "政府高官"), ("OPERATOR", "オペレーター"), ("Q", "Q"),
          ("MS. DALTON", "ダルトン氏"), ("MODERATOR", "司会")]
GAPS = [("(inaudible)", "(聞き取れない)"), ("[inaudible]", "（聞き取れない）"), ("(crosstalk)", "(クロストーク)")]


@st.composite
def sentence(draw: Any, words: list[str], join: str, end: str) -> str:
    chosen = draw(st.lists(st.sampled_from(words), min_size=2, max_size=12))
    text = join.join(chosen)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        gap = draw(st.sampled_from(GAPS))[0 if join == " " else 1]
        text = text[:at] + (" " if join == " " else "") + gap + (" " if join == " " else "") + text[at:]
    text = text.strip()
    return text[:1].upper() + text[1:] + end + draw(st.sampled_from(["", "", " "]))


@st.composite
def transcripts(draw: Any) -> tuple[list[str], str, str | None]:
    """(paragraphs, newline, lead language if any paragraph is translated) of a generated transcript."""
    ja_first = draw(st.booleans())
    translated = False
    paragraphs: list[str] = []
    if draw(st.booleans()):  # speech before the first label, in the lead language, perhaps translated
        preamble = ["The first words spoken before anyone was named.", "名乗る前に話された最初の言葉です。"]
        paragraphs.extend((preamble[::-1] if ja_first else preamble)[:draw(st.integers(1, 2))])
    for _ in range(draw(st.integers(1, 8))):
        en_label, ja_label = draw(st.sampled_from(LABELS))
        stamp = draw(st.sampled_from(["", "", "[00:01:12] "]))
        for i in range(draw(st.integers(1, 3))):
            en = draw(sentence(EN_WORDS, " ", "."))
            ja = draw(sentence(JA_WORDS, "", "。"))
            if i == 0:
                colon = draw(st.sampled_from([": ", ":", " "])) if en_label == "Q" else ": "
                en, ja = f"{stamp}{en_label}{colon}{en}", f"{stamp}{ja_label}{draw(st.sampled_from([': ', '：']))}{ja}"
            pair = [ja, en] if ja_first else [en, ja]
            if draw(st.integers(0, 3)) == 0:
                pair = pair[:1]  # untranslated
            translated = translated or len(pair) == 2
            paragraphs.extend(pair)
    if draw(st.booleans()):
        paragraphs.extend(["6:22 P.M. EDT", "午後6時22分"] if not ja_first else ["午後6時22分", "6:22 P.M. EDT"])
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return paragraphs, newline, ("ja" if ja_first else "en") if translated else None


def _structure(view: TranscriptView) -> list[Any]:
    speakers = {sid: i for i, sid in enumerate(sorted(view.speakers))}
    return [view.title, view.lead_lang] + [
        (t.kind, t.timestamp, None if t.speaker is None else
         (speakers[t.speaker.id], t.speaker.label_en, t.speaker.label_ja, t.speaker.role, t.speaker.redacted),
         [(s.en_prefix, s.en_orig, s.ja_prefix, s.ja_orig,
           sorted((g.lang, g.start, g.end, g.text, g.kind) for g in s.gaps),
           sorted((r.lang, r.start, r.end, r.text) for r in s.redactions)) for s in t.segments],
         [(s.name, s.affiliation) for s in t.suggestions])
        for t in view.turns]


def test_import_export_import_gives_the_same_structure(tmp_path):
    store = Store.open(tmp_path / "prop.sqlite3", annotator="property")

    @settings(max_examples=int(os.environ.get('TAIYAKU_PROPERTY_EXAMPLES', '60')), deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(transcripts())
    def check(doc: tuple[list[str], str, str | None]) -> None:
        paragraphs, newline, lead = doc
        blank = newline * draw_blank_lines(len(paragraphs))
        data = blank.join(paragraphs) + newline  # one newline convention throughout
        first = import_text(store, data.encode("utf-8"))
        exported = export_txt(store, first, corrected=False)
        # The file back exactly: every paragraph and every blank line, in its newline convention.
        assert exported == data
        if lead is not None:
            assert load_transcript(store, first).lead_lang == lead
        second = import_text(store, exported)
        assert _structure(load_transcript(store, second)) == _structure(load_transcript(store, first))

    def draw_blank_lines(n: int) -> int:
        return 2 + n % 3  # one to three blank lines between paragraphs

    try:
        check()
    finally:
        store.close()
