"""``taiyaku assign``, ``work`` and ``next`` on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from model.people import add_person
from model.store import Store
from tests.cli.test_cli import assert_one_error_line
from tests.cli.test_team_cli import taiyaku
from tests.helpers import make_transcript


def _library(db) -> list[int]:
    store = Store.open(db, annotator="tester")
    try:
        ids = [make_transcript(store, [("Q", [(f"Line {i}.", None)])], title=f"Call {i}") for i in range(3)]
        with store.engine.begin() as conn:
            add_person(conn, "rita", "reviewer", None)
        return ids
    finally:
        store.close()


def test_assign_work_and_next_on_the_command_line(any_db):
    one, two, three = _library(any_db)
    listed = taiyaku("work", "--db", any_db)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split() == [str(one), "Call", "0", "unassigned", "-", "-"]
    assert taiyaku("assign", two, "tester", "--db", any_db).stdout.startswith(f"Transcript {two} assigned to tester")
    assert taiyaku("assign", two, "rita", "--review", "--db", any_db).returncode == 0
    got = taiyaku("next", "--db", any_db, env={"LOGNAME": "tester", "USER": "tester"})
    assert got.returncode == 0, got.stderr
    assert got.stdout.startswith(f"{two}\tCall 1")  # my assigned work comes first
    assert taiyaku("work", two, "submit", "--db", any_db).stdout.startswith(f"transcript {two} is now submitted")
    assert taiyaku("work", two, "review", "--db", any_db).returncode == 0
    rejected = taiyaku("work", two, "reject", "--note", "names", "--db", any_db)
    assert rejected.stdout.startswith(f"transcript {two} is now in progress")
    mine = taiyaku("work", "--mine", "--db", any_db, env={"LOGNAME": "tester", "USER": "tester"}).stdout
    assert f"{two}  Call 1" in mine and "Call 0" not in mine
    assert_one_error_line(taiyaku("work", two, "approve", "--db", any_db), "is in progress, not in review")
    assert_one_error_line(taiyaku("assign", three, "nobody", "--db", any_db), "nobody called 'nobody'")
    assert_one_error_line(taiyaku("work", two, "--db", any_db), "give a transcript ID and a STEP")
    assert taiyaku("next", "--db", any_db).stdout.startswith(f"{one}\t")
    assert taiyaku("next", "--db", any_db).stdout.startswith(f"{three}\t")
    assert taiyaku("next", "--db", any_db).stdout.startswith("nothing left")
