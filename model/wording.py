"""Plain-English wording for counts in messages the model and the CLI write (history, CLI lines).

The GUI counts with Qt's ``tr(..., n)`` plurals; these texts are stored (history) or printed
(CLI), where "1 segment" / "3 segments" reads better than "segment(s)".
"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the right number: ``counted(1, "hit")`` -> "1 hit", 2 -> "2 hits"."""
    noun = singular if n == 1 else (plural or singular + "s")
    return f"{n} {noun}"
