"""What a sync did, for one line per kind of outcome (``taiyaku sync``, File > Sync now)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SyncReport:
    """What a sync did, for one line per kind of outcome."""

    source: str
    sent: int = 0  # offline operations applied on the server (whole or in part)
    already: int = 0  # sent by an earlier sync
    conflicts: int = 0  # texts kept as competing corrections
    flags: int = 0  # "conflict" flags raised for a reviewer
    undos: int = 0  # offline undo/redo sent
    refused: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refreshed: bool = False
    base_event: int = 0
    total: int = 0  # offline operations to look at in this run
    done: int = 0  # ... of which looked at (sent, kept, refused or sent before)
    cancelled: bool = False

    def summary(self) -> str:
        """One line saying what happened."""
        parts = [f"{self.sent} change{'s' if self.sent != 1 else ''} sent to {self.source}"]
        if self.conflicts or self.flags:
            parts.append(f"{self.conflicts} overlapping text{'s' if self.conflicts != 1 else ''} kept as "
                         f"competing corrections, {self.flags} conflict flag{'s' if self.flags != 1 else ''} "
                         "for the reviewer")
        if self.undos:
            parts.append(f"{self.undos} undo/redo")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        if self.already:
            parts.append(f"{self.already} already sent before")
        if self.cancelled:
            parts.append(f"cancelled after {self.done} of {self.total} offline changes (sync again to send the rest)")
        parts.append("the file now holds the server's state" if self.refreshed else
                     "the file was NOT refreshed from the server (run sync again, or check out again)")
        return "; ".join(parts)
