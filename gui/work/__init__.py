"""Team work in the window: who has which transcript (``model.assignment``), and other databases.

- the library shows each transcript's state and who has it, and a "My work" filter;
- a transcript's context menu offers the steps of its work that the person's role allows
  (start, submit; take for review, approve, reject; assign, assign review); a refused step
  says why in one line;
- File > Next transcript claims (and opens) the next transcript (or range of turns) nobody has;
- an admin may assign a range of turns; the person's own range is marked in the panes
  (``gui.work.ranges``);
- File > Open database… and File > Open recent (``gui.work.databases``).

Each step is one store operation, and one undo step on the stack of the transcript it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QInputDialog, QLineEdit, QMenu

from gui.window.storage_errors import describe_failure
from gui.work.databases import Databases
from gui.work.text import tr
from model.errors import TaiyakuError
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


def step_names() -> dict[str, str]:
    """The menu text of each step of the work (``model.assignment.ops.TRANSITIONS``)."""
    return {"start": tr("Start work"), "submit": tr("Submit for review"), "review": tr("Take for review"),
            "approve": tr("Approve transcript"), "reject": tr("Reject (back to the annotator)…")}


# Which steps each role may take (model.assignment.ops.TRANSITIONS; admins and unchecked: all).
_ROLE_STEPS = {"annotator": ("start", "submit"), "reviewer": ("start", "submit", "review", "approve", "reject")}


class WorkFeature(QObject):
    """The library's work columns, filter and menu entries, and File > Next transcript."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.model = window.library_model
        self.databases: Any = None  # gui.work.databases.Databases, set by install
        self.ranges: Any = None  # gui.work.ranges.RangeMark, set by install
        self.tools: Any = getattr(window, "library_tools", None)  # gui.library_tools installs it first
        self.mine = QCheckBox(tr("My work"), window.widget())
        self.mine.setObjectName("library_mine")
        self.mine.setToolTip(tr("Only the transcripts I annotate or review and have not finished"))
        self.mine.setChecked(str(window.settings.value("library/mine", "false")).lower() == "true")
        self.mine.toggled.connect(self._filter_mine)
        if self.tools is not None:
            self.tools.layout().insertWidget(1, self.mine)
            self.tools.menu_extensions.append(self.extend_menu)
        self.model.set_view(mine_only=self.mine.isChecked())
        file_menu = window.registry.menu("file")
        first = file_menu.actions()[0]  # the window's own File menu (Import… first) exists already
        action = window.registry.add("next_transcript", tr("&Next transcript"), self.next_transcript,
                                     shortcut="Ctrl+Alt+Shift+N", icon_name="mdi6.briefcase-arrow-left-right-outline",
                                     tip=tr("Open my next transcript: my assigned work first, else one nobody has"),
                                     group="file")
        file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)
        ctx.bridge.changed.connect(self._on_changes)

    # -- the library ---------------------------------------------------------------------------
    def _filter_mine(self, on: bool) -> None:
        self.window.settings.setValue("library/mine", on)
        self.model.set_view(mine_only=on)
        if self.tools is not None:
            self.tools.view.show_transcript(self.ctx.transcript_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("assignment"):
            self.window.reload_library()

    # -- the steps -----------------------------------------------------------------------------
    def allowed_steps(self, transcript_id: int) -> list[str]:
        """The steps the person's role allows from the transcript's state (in menu order)."""
        from model.assignment.ops import TRANSITIONS

        work = self.model.work.get(transcript_id)
        state = work.state if work is not None else "unassigned"
        role = self._role()
        steps = _ROLE_STEPS.get(role or "admin", tuple(TRANSITIONS))
        return [name for name in steps if state in TRANSITIONS[name][0]]

    def _role(self) -> str | None:
        try:
            return self.ctx.store.role
        except TaiyakuError:
            return "annotator"  # the server refused the login: offer the least; the step will say why

    def extend_menu(self, menu: QMenu, transcript_id: int) -> None:
        """A transcript's context menu: the steps of its work this person may take."""
        menu.addSeparator()
        names = step_names()
        for name in self.allowed_steps(transcript_id):
            action = menu.addAction(names[name], self._stepper(transcript_id, name))
            action.setObjectName(f"work_{name}")
        if self._role() in (None, "admin"):
            menu.addAction(tr("Assign to…"), lambda: self.ask_assign(transcript_id)).setObjectName("work_assign")
            menu.addAction(tr("Assign review to…"),
                           lambda: self.ask_assign(transcript_id, review=True)).setObjectName("work_assign_review")
            menu.addAction(tr("Assign turns to…"),
                           lambda: self.ask_assign(transcript_id, ranged=True)).setObjectName("work_assign_turns")

    def _stepper(self, transcript_id: int, name: str) -> Callable[[], object]:
        return lambda: self.take_step(transcript_id, name)

    def take_step(self, transcript_id: int, name: str, note: str | None = None) -> int | None:
        """Take one step of the transcript's work (reject asks why, unless ``note`` is given)."""
        from model.assignment.ops import transition

        if name == "reject" and note is None:
            note, ok = QInputDialog.getText(self.window.widget(), tr("Reject transcript"),
                                            tr("What should the annotator fix?"), QLineEdit.EchoMode.Normal, "")
            if not ok:
                return None
        text = tr("Reject transcript") if name == "reject" else step_names()[name]
        work = self.model.work.get(transcript_id)  # the piece shown in the library (mine first)
        turns = (work.first_turn, work.last_turn) if work is not None and work.turns and work.last_turn else None
        return self._run(text, transcript_id,
                         lambda: transition(self.ctx.store, transcript_id, name, note=note, turns=turns))

    def ask_assign(self, transcript_id: int, *, review: bool = False, ranged: bool = False) -> None:
        """Choose a person from the database's people (and with ``ranged`` the turns), then assign."""
        from model.assignment.ops import parse_turns
        from model.people import list_people

        turns: tuple[int, int] | None = None
        if ranged:
            text, ok = QInputDialog.getText(self.window.widget(), tr("Assign turns"),
                                            tr("Turns (first-last, e.g. 10-40):"), QLineEdit.EchoMode.Normal, "")
            if not ok or not text.strip():
                return
            try:
                turns = parse_turns(text.strip())
            except TaiyakuError as exc:
                self.ctx.report_error(describe_failure(exc))
                return
        with self.ctx.store.engine.connect() as conn:
            names = [p.name for p in list_people(conn)]
        title = tr("Assign review") if review else tr("Assign turns") if ranged else tr("Assign transcript")
        person, ok = QInputDialog.getItem(self.window.widget(), title, tr("Person:"), names, 0, True)
        if ok and person.strip():
            self.assign(transcript_id, person, review=review, turns=turns)

    def assign(self, transcript_id: int, person: str, *, review: bool = False,
               turns: tuple[int, int] | None = None) -> int | None:
        """Give the transcript (or its review, or with ``turns`` a range of its turns) to ``person``:
        one undo step. A range that overlaps someone else's is refused in one line."""
        from model.assignment.ops import assign

        text = tr("Assign review") if review else tr("Assign turns") if turns else tr("Assign transcript")
        return self._run(text, transcript_id,
                         lambda: assign(self.ctx.store, transcript_id, person, review=review, turns=turns))

    def _run(self, text: str, transcript_id: int, perform: Callable[[], int]) -> int | None:
        # One undo step on the stack of the transcript concerned: undo only touches what is shown.
        return self.ctx.run(text, perform, transcript_id=transcript_id)

    def next_transcript(self) -> int | None:
        """File > Next transcript: claim my next transcript and open it (None: nothing left)."""
        from model.assignment.ops import claim_next

        try:
            claimed = claim_next(self.ctx.store)
        except TaiyakuError as exc:
            self.ctx.report_error(describe_failure(exc))
            return None
        if claimed is None:
            self.ctx.statusMessage.emit(tr("Nothing left: every transcript has someone on it"))
            return None
        transcript_id, event_id = claimed
        self.ctx.set_transcript(transcript_id)  # first: the step goes on its undo stack, on screen now
        self.ctx.run(tr("Claim next transcript"), lambda: event_id)
        self.window.reload_library()
        if self.ranges is not None:
            self.ranges.follow()  # a range of turns: marked, and the window goes to its first turn
        return transcript_id


def install(window: FeatureWindow, ctx: AppContext) -> WorkFeature:
    """Work columns, "My work", the steps in the library's menu, File > Next transcript, my
    range of turns marked in the panes (``gui.work.ranges``), and File > Open database… / Open
    recent (``gui.work.databases``)."""
    from gui.work.ranges import RangeMark

    feature = WorkFeature(window, ctx)
    feature.databases = Databases(window, ctx)  # above Next transcript: Open database…, Open recent
    feature.ranges = RangeMark(window, ctx)
    return feature
