"""``Finding``: one hit of a QA check, where it is, and the key a dismissal or a flag records.

A window keeps every finding of the open transcript (528,598 of them at 500,000 segments),
so a finding is two references: its *kind* -- check, language, message, detail, category,
values, per turn -- a tuple that the findings of one run share (``Finding.of_kind``), and its
*place* -- turn number, segment number, segment id, turn id -- packed in one integer. A
frozen dataclass of eleven fields took 230 bytes a finding (its three large integers 96 of
them); this takes about 100. Pickled, it is the two (a batch's findings share their kinds).
"""

from __future__ import annotations

from typing import Any

Kind = tuple[str, str | None, str, str, str, tuple[tuple[str, str], ...], bool]
_WIDTH_BITS = 8  # the low bits of a place: how wide each of its four fields is
_FIELDS = ("check", "turn", "segment", "lang", "message", "segment_id", "detail", "turn_id", "category",
           "params", "per_turn")


def _pack(turn: int, segment: int | None, segment_id: int | None, turn_id: int) -> int:
    # Four fields of one width, that width in the low bits; None is stored as 0, a number as itself + 1.
    fields = (turn, 0 if segment is None else segment + 1, 0 if segment_id is None else segment_id + 1, turn_id)
    if min(fields) < 0:
        raise ValueError(f"a finding's place is never negative: {fields}")
    width = max(1, max(fields).bit_length())
    packed = 0
    for value in reversed(fields):
        packed = (packed << width) | value
    return (packed << _WIDTH_BITS) | width


def _unpack(place: int) -> tuple[int, int | None, int | None, int]:
    width = place & ((1 << _WIDTH_BITS) - 1)
    mask, rest = (1 << width) - 1, place >> _WIDTH_BITS
    turn, segment, segment_id, turn_id = (rest & mask, (rest >> width) & mask, (rest >> 2 * width) & mask,
                                          rest >> 3 * width)
    return turn, (segment - 1 if segment else None), (segment_id - 1 if segment_id else None), turn_id


def _key(name: str, where: str, lang: str | None, detail: str) -> str:
    return f"{name}:{where}:{lang or '-'}:{detail}"[:200]


class Finding:
    """A QA finding: which check, where (positions from 1), which language, what, and its key.

    Immutable, compared and hashed by its fields, like the frozen dataclass it was; see the
    module for how it is kept small.
    """

    __slots__ = ("_kind", "_place")
    _kind: Kind
    _place: int

    def __init__(self, check: str, turn: int, segment: int | None, lang: str | None, message: str,
                 segment_id: int | None, detail: str, turn_id: int, category: str = "other",
                 params: tuple[tuple[str, str], ...] = (), per_turn: bool = False) -> None:
        object.__setattr__(self, "_kind", (check, lang, message, detail, category, params, per_turn))
        object.__setattr__(self, "_place", _pack(turn, segment, segment_id, turn_id))

    @classmethod
    def of_kind(cls, kind: Kind, turn: int, segment: int | None, segment_id: int | None,
                turn_id: int) -> Finding:
        """A finding of ``kind`` (``Finding.kind_of(...)``, shared by the findings that read the same)."""
        finding = object.__new__(cls)
        object.__setattr__(finding, "_kind", kind)
        object.__setattr__(finding, "_place", _pack(turn, segment, segment_id, turn_id))
        return finding

    @staticmethod
    def kind_of(check: str, lang: str | None, message: str, detail: str, category: str = "other",
                params: tuple[tuple[str, str], ...] = (), per_turn: bool = False) -> Kind:
        """What findings of one check that read the same share (see ``of_kind``)."""
        return (check, lang, message, detail, category, params, per_turn)

    # -- the fields ------------------------------------------------------------------------------
    @property
    def check(self) -> str:
        return self._kind[0]

    @property
    def lang(self) -> str | None:
        return self._kind[1]

    @property
    def message(self) -> str:
        return self._kind[2]

    @property
    def detail(self) -> str:
        """What tells it from the check's other findings in the same place (in its key)."""
        return self._kind[3]

    @property
    def category(self) -> str:
        """The flag category a finding becomes."""
        return self._kind[4]

    @property
    def params(self) -> tuple[tuple[str, str], ...]:
        """Values in the message (a UI can word it in its language)."""
        return self._kind[5]

    @property
    def per_turn(self) -> bool:
        """A turn's finding (keyed by its turn), not a segment's."""
        return self._kind[6]

    @property
    def turn(self) -> int:
        return _unpack(self._place)[0]

    @property
    def segment(self) -> int | None:
        return _unpack(self._place)[1]

    @property
    def segment_id(self) -> int | None:
        return _unpack(self._place)[2]

    @property
    def turn_id(self) -> int:
        return _unpack(self._place)[3]

    @property
    def key(self) -> str:
        """What a dismissal or a flag records of it: check, place, language and detail."""
        check, lang, _message, detail, _category, _params, per_turn = self._kind
        _turn, _segment, segment_id, turn_id = _unpack(self._place)
        where = f"t{turn_id}" if per_turn else f"s{segment_id}"
        return _key(check, where, lang, detail)

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON output."""
        return {"check": self.check, "turn": self.turn, "segment": self.segment, "lang": self.lang,
                "message": self.message, "segment_id": self.segment_id, "key": self.key,
                "turn_id": self.turn_id, "category": self.category, "params": self.params}

    # -- an immutable value ----------------------------------------------------------------------
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Finding is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._place == other._place and self._kind == other._kind

    def __hash__(self) -> int:
        return hash((self._kind, self._place))

    def __reduce__(self) -> tuple[Any, tuple[Kind, int]]:
        return _restore, (self._kind, self._place)

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Finding({values})"


def _restore(kind: Kind, place: int) -> Finding:
    """A pickled finding, back (its place as packed, its kind as shared in the pickle)."""
    finding = object.__new__(Finding)
    object.__setattr__(finding, "_kind", kind)
    object.__setattr__(finding, "_place", place)
    return finding
