"""Numbers read across English and Japanese: full-width digits, kanji units, ranges, words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.qa.numbers import canonical, missing_numbers, numbers


def values(text, lang, firm_only=False):
    return [canonical(n.value) for n in numbers(text, lang) if n.firm or not firm_only]


@pytest.mark.parametrize("en, ja", [
    ("The budget is 120 billion yen.", "予算は約１２００億円です。"),
    ("I think it's close to $6- or $7 billion.", "60億ドルか70億ドルに近いと思います。"),
    ("They helped corral 8 out of the 10 ASEAN countries.", "ASEAN10か国中8か国をまとめました。"),
    ("in the 21st century", "21世紀に"),
    ("1.2 trillion yen", "1兆2000億円"),
    ("30,000 troops", "３万人の部隊"),
    ("1.5 million people", "150万人"),
    ("a rise of 5 percent", "5％の上昇"),
    ("a rise of 5.5%", "５．５パーセントの上昇"),
    ("in March 2022", "2022年3月に"),
    ("one of the topics at pillar two", "議題の1つ、第2の柱"),
    ("at 5:00 a.m.", "午前5時に"),
    ("6:22 P.M. EDT", "午後6時22分"),
    ("at 6:00 p.m.", "18時に"),
    ("twenty-one countries", "二十一か国"),
    ("in 2024", "二〇二四年に"),
    ("1,234 people", "１，２３４人"),
    ("between 60 and 70 billion yen", "600億～700億円"),
    ("two-thirds of the members", "議員の3分の2"),
    ("three quarters of the budget", "予算の4分の3"),
])
def test_counterparts_are_found(en, ja):
    assert missing_numbers(en, "en", ja, "ja") == []
    assert missing_numbers(ja, "ja", en, "en") == []


@pytest.mark.parametrize("en, ja, missing_in_ja, missing_in_en", [
    ("The budget is 120 billion yen.", "予算は約１２０億円です。", ["120000000000"], ["12000000000"]),
    ("8 out of the 10 countries", "10か国すべて", ["8"], []),
    ("Growth was 3 percent.", "成長は緩やかだった。", ["3"], []),
    ("We spoke in April.", "2023年4月に話しました。", [], ["2023"]),
    ("close to $7 billion", "7000億ドル近く", ["7000000000"], ["700000000000"]),
    ("in the 21st century", "20世紀に", ["21"], ["20"]),
])
def test_missing_numbers_are_reported(en, ja, missing_in_ja, missing_in_en):
    assert [canonical(n.value) for n in missing_numbers(en, "en", ja, "ja")] == missing_in_ja
    assert [canonical(n.value) for n in missing_numbers(ja, "ja", en, "en")] == missing_in_en


def test_lone_kanji_in_words_are_not_numbers_to_demand():
    # 一緒 (together), 三菱 (Mitsubishi), 二国間 (bilateral), 万一 (just in case): no digits to find.
    assert values("一緒に、三菱と二国間で、万一に備える", "ja", firm_only=True) == []
    assert missing_numbers("三菱と川崎が一緒に", "ja", "Mitsubishi and Kawasaki together", "en") == []


def test_full_width_and_kanji_units_read_as_values():
    assert values("約１２００億円", "ja") == ["120000000000"]
    assert values("千二百億円", "ja") == ["120000000000"]
    assert values("3万5千人", "ja") == ["35000"]
    assert numbers("②日本の訪問", "ja") == []  # a circled list marker is not "2"


def test_english_words_and_scales():
    assert values("six or seven billion dollars", "en") == ["6", "7000000000"]
    six = numbers("six or seven billion dollars", "en")[0]
    assert Decimal(6 * 10**9) in six.values  # "six ... billion" also reads as six billion
    assert values("two hundred and fifty", "en") == ["250"]
    assert values("a million, twenty-one", "en") == ["1000000", "21"]
    assert values("the first time", "en", firm_only=True) == []


def _ja_units(n: int, full_width: bool) -> str:
    """Write ``n`` the way Japanese text does: 兆/億/万 groups, e.g. 1億2345万6789."""
    parts = []
    for unit, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        if n >= size:
            parts.append(f"{n // size}{unit}")
            n %= size
    if n or not parts:
        parts.append(str(n))
    text = "".join(parts)
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if full_width else text


@given(st.integers(min_value=1, max_value=10**15), st.booleans())
def test_any_amount_matches_across_languages(n, full_width):
    en = f"The fund holds {n:,} yen."
    ja = f"基金は{_ja_units(n, full_width)}円を保有しています。"
    assert missing_numbers(en, "en", ja, "ja") == []
    assert missing_numbers(ja, "ja", en, "en") == []


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=1, max_value=9))
def test_a_different_amount_is_reported(n, delta):
    en = f"The fund holds {n:,} yen."
    ja = f"基金は{_ja_units(n + delta, True)}円を保有しています。"
    assert [canonical(x.value) for x in missing_numbers(en, "en", ja, "ja")] == [str(n)]
