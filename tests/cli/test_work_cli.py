"""``taiyaku assign``, ``work`` and ``next`` on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

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
    assert mine.splitlines()[0].endswith("sent back because") and mine.splitlines()[1].endswith("names")
    assert_one_error_line(taiyaku("work", two, "approve", "--db", any_db), "is in progress, not in review")
    assert_one_error_line(taiyaku("assign", three, "nobody", "--db", any_db), "nobody called 'nobody'")
    assert_one_error_line(taiyaku("work", two, "--db", any_db), "give a transcript ID and a STEP")
    assert taiyaku("next", "--db", any_db).stdout.startswith(f"{one}\t")
    assert taiyaku("next", "--db", any_db).stdout.startswith(f"{three}\t")
    assert taiyaku("next", "--db", any_db).stdout.startswith("nothing left")


@pytest.mark.pg
def test_the_readmes_server_set_up_and_assignment_workflow(pg_server):
    """README, "Working as a team": the admin's login owns the database, a team role gets the rights
    on every table the admin's Taiyaku creates (now and after upgrades), people log in as themselves."""
    port, sql = pg_server.port, pg_server.admin
    sql("DO $$ BEGIN CREATE ROLE tw_admin LOGIN PASSWORD 'pw-admin'; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    sql("CREATE DATABASE tw_newsroom OWNER tw_admin")
    try:
        for statement in (
                "CREATE ROLE tw_team NOLOGIN",
                "ALTER DEFAULT PRIVILEGES FOR ROLE tw_admin IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tw_team",
                "ALTER DEFAULT PRIVILEGES FOR ROLE tw_admin IN SCHEMA public "
                "GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO tw_team",
                "CREATE ROLE tw_aya LOGIN PASSWORD 'pw-aya' IN ROLE tw_team",
                "CREATE ROLE tw_rita LOGIN PASSWORD 'pw-rita' IN ROLE tw_team"):
            sql(f"DO $$ BEGIN {statement}; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
                if statement.startswith("CREATE ROLE") else statement, database="tw_newsroom")
        admin = f"postgresql://tw_admin:pw-admin@127.0.0.1:{port}/tw_newsroom"
        aya = f"postgresql://tw_aya:pw-aya@127.0.0.1:{port}/tw_newsroom"
        rita = f"postgresql://tw_rita:pw-rita@127.0.0.1:{port}/tw_newsroom"
        assert taiyaku("list", "--db", admin).returncode == 0  # the admin's first start creates the tables
        one, two, _three = _library(admin)
        assert taiyaku("user", "add", "Aya Mori", "--login", "tw_aya", "--db", admin).returncode == 0
        assert taiyaku("user", "add", "Rita", "--role", "reviewer", "--login", "tw_rita", "--db", admin).returncode == 0
        assert taiyaku("assign", two, "Aya Mori", "--db", admin).returncode == 0
        assert_one_error_line(taiyaku("assign", one, "Aya Mori", "--db", aya), "only an admin can assign work")
        assert taiyaku("next", "--db", aya).stdout.startswith(f"{two}\t")  # her assigned work first
        assert taiyaku("work", two, "submit", "--db", aya).returncode == 0
        assert_one_error_line(taiyaku("work", two, "approve", "--db", aya), "only a reviewer or admin can approve")
        assert taiyaku("work", two, "review", "--db", rita).returncode == 0
        assert taiyaku("work", two, "approve", "--db", rita).stdout.startswith(f"transcript {two} is now approved")
        listed = taiyaku("work", "--db", aya).stdout
        assert f"{two}  Call 1  approved" in listed and "Aya Mori   Rita" in listed
    finally:
        sql("DROP DATABASE IF EXISTS tw_newsroom WITH (FORCE)")


def test_assigning_a_range_of_turns_on_the_command_line(any_db):
    store = Store.open(any_db, annotator="tester")
    try:
        tid = make_transcript(store, [(f"S{i}", [(f"Turn {i + 1}.", None)]) for i in range(5)], title="Split")
        with store.engine.begin() as conn:
            add_person(conn, "aya", "annotator", None)
            add_person(conn, "ken", "annotator", None)
    finally:
        store.close()
    done = taiyaku("assign", tid, "--turns", "2-3", "--to", "aya", "--db", any_db)
    assert done.stdout.startswith(f"Turns 2-3 of transcript {tid} assigned to aya"), done.stderr
    assert_one_error_line(taiyaku("assign", tid, "--turns", "3-4", "--to", "ken", "--db", any_db),
                          f"turns 3-4 overlap turns 2-3 of transcript {tid} (assigned to aya); nothing changed")
    assert_one_error_line(taiyaku("assign", tid, "--turns", "x", "--to", "ken", "--db", any_db), "expected FIRST-LAST")
    listed = taiyaku("work", "--db", any_db).stdout.splitlines()
    assert listed[0].split()[:3] == ["id", "title", "turns"]
    assert [line.split()[2:4] for line in listed[1:]] == [["1-1", "unassigned"], ["2-3", "assigned"],
                                                          ["4-5", "unassigned"]]
    got = taiyaku("next", "--db", any_db, env={"LOGNAME": "aya", "USER": "aya"})
    assert got.stdout.startswith(f"{tid}\tSplit\t(turns 2-3; in progress"), got.stderr
    assert taiyaku("work", tid, "submit", "--db", any_db, env={"LOGNAME": "aya", "USER": "aya"}).stdout.startswith(
        f"transcript {tid} is now submitted")
