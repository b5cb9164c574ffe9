"""What a sync may send, and how it names things: the role rules an offline action is checked
against on the server (on the laptop nothing enforced them), the server's own refusals, and
how a conflict flag's note names a column."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from model.assignment.ops import ACTIONS, TRANSITIONS
from model.assignment.tables import Assignment
from model.people import PermissionRefused
from model.schema import Annotator, Speaker, Transcript
from model.store import Operation

# Offline actions only a reviewer may send (the same rule as on the server: model.people).
REVIEWER_ACTIONS = {
    "Approve segment": "approve segments", "Approve segments": "approve segments",
    "Set review state": "change review states", "Set review states": "change review states",
    "Withdraw approval": "withdraw approvals", "Accept correction": "accept corrections",
    "Reject correction": "reject corrections", "Reopen flag": "reopen flags",
    "Resolve flag": "resolve or close flags", "Close flag (won't fix)": "resolve or close flags",
}
# Offline assignment steps: (role needed, what it is, whose work it must be: "annotator", "reviewer",
# "reviewer or nobody", or None), the same rules as ``model.assignment.ops.transition``.
ASSIGNMENT_STEPS: dict[str, tuple[str, str, str | None]] = {
    ACTIONS["assign"]: ("admin", "assign work", None), ACTIONS["assign_review"]: ("admin", "assign work", None),
    **{ACTIONS[name]: (role, what, {"annotator": "annotator", "reviewer": "reviewer"}[role])
       for name, (_from, _to, role, what) in TRANSITIONS.items()},
    ACTIONS["review"]: ("reviewer", TRANSITIONS["review"][3], "reviewer or nobody"),
    ACTIONS["claim"]: ("annotator", "claim work", None),
}
# What a server's own rules (row-level rights, triggers) raise: insufficient_privilege, raise_exception.
_REFUSING_STATES = frozenset({"42501", "P0001"})


def server_refusal(exc: BaseException) -> str | None:
    """The server's words if ``exc`` is a refusal by its rules, not a failure (None)."""
    seen: BaseException | None = exc
    while seen is not None:
        orig = getattr(seen, "orig", None)
        state = getattr(orig, "sqlstate", None)
        if state in _REFUSING_STATES:
            return str(getattr(getattr(orig, "diag", None), "message_primary", None) or orig).strip().splitlines()[0]
        seen = seen.__cause__ or seen.__context__
    return None


def describe_column(obj: Any, table: str, col: str) -> str:
    """How a note names a column of a row: "the name of speaker 'Q'", "the title of the transcript"."""
    column = col.replace("_", " ")
    if isinstance(obj, Speaker):
        return f"the {column} of speaker {obj.label_en or obj.label_ja or obj.id!r}"
    if isinstance(obj, Transcript):
        return f"the {column} of the transcript"
    return f"{table}.{col}"


def check_offline_action(op: Operation, conn: Connection, action: str, transcript_id: int) -> None:
    """Refuse (``PermissionRefused``) an offline action the syncing person's role -- or, for an
    assignment step, the server's assignment -- does not allow them: on the laptop nothing stopped it."""
    needed = REVIEWER_ACTIONS.get(action)
    if needed is not None:
        op.require("reviewer", needed)
    if action not in ASSIGNMENT_STEPS:
        return
    role, what, whose = ASSIGNMENT_STEPS[action]
    op.require(role, what)
    if whose is None or op.role is None or op.role == "admin":
        return
    table = Assignment.__table__
    row = conn.execute(select(table.c.annotator_id, table.c.reviewer_id)
                       .where(table.c.transcript_id == transcript_id)).first()
    holder = None if row is None else row.annotator_id if whose == "annotator" else row.reviewer_id
    if holder == op.annotator_id or (whose == "reviewer or nobody" and holder is None):
        return
    names = dict(conn.execute(select(Annotator.__table__.c.id, Annotator.__table__.c.name)).all())
    raise PermissionRefused(f"cannot {what}: the transcript's {whose.split()[0]} on the server is "
                            f"{names.get(holder, 'nobody')}, not {op.annotator_name}")
