"""Roles enforced by the PostgreSQL server (migration 0011), not only by the app.

Two real logins set up as the README says (a team role with the table rights, one login each):
a plain psycopg connection as an annotator cannot write in someone else's name or approve, a
reviewer can; the app's own operations still work as each role, refusals reach the user as the
app's one line, and a sync of offline work passes the triggers (an offline approval by an
annotator is refused, the rest lands).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from model.assignment.ops import assign, claim_next, claim_next_range, transition
from model.ops.corrections import accept_correction, edit_text, revert_segment
from model.ops.flags import add_flag, set_flag_status
from model.ops.review_state import approve
from model.people import PermissionRefused, add_person
from model.schema import Annotator, Correction, Flag, Segment
from model.store import Operation, Store
from model.sync.takeout import checkout, sync
from tests.helpers import make_transcript

pytestmark = pytest.mark.pg


def _readme_team(pg_server, pg_url: str) -> dict[str, str]:
    """The README's set-up on a test database: a team role with the rights, a login per person."""
    database = pg_url.rsplit("/", 1)[1]
    team = f"{database}_team"
    pg_server.admin(f"CREATE ROLE {team} NOLOGIN")
    for sql in (f"GRANT USAGE ON SCHEMA public TO {team}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {team}",
                f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {team}"):
        pg_server.admin(sql, database=database)
    urls = {}
    for name in ("aya", "ken", "rita"):
        pg_server.admin(f"DO $$ BEGIN CREATE ROLE sr_{name} LOGIN PASSWORD 'pw-{name}'; "
                        f"EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        pg_server.admin(f"GRANT {team} TO sr_{name}")
        urls[name] = f"postgresql+psycopg://sr_{name}:pw-{name}@127.0.0.1:{pg_server.port}/{database}"
    return urls


@pytest.fixture
def team(pg_server, pg_url):
    owner = Store.open(pg_url, annotator="owner")
    tid = make_transcript(owner, [("Q", [("One.", "一。"), ("Two.", "二。"), ("Three.", "三。")])])
    urls = _readme_team(pg_server, pg_url)
    with owner.engine.begin() as conn:
        add_person(conn, "Aya", "annotator", "sr_aya")
        add_person(conn, "Ken", "annotator", "sr_ken")
        add_person(conn, "Rita", "reviewer", "sr_rita")
    with owner.read() as s:
        segs = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
        people = {n: i for n, i in s.execute(select(Annotator.name, Annotator.id))}
    owner.close()
    return pg_server, pg_url, urls, tid, segs, people


def _plain(url: str) -> psycopg.Connection:
    """A connection of the person's own script: psycopg, no Taiyaku in between."""
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _refused(conn: psycopg.Connection, sql: str, params: tuple[object, ...], match: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=match):
        conn.execute(sql.encode() if not params else sql, params)  # type: ignore[arg-type]


def test_a_script_with_an_annotators_login_cannot_write_in_anothers_name_or_approve(team):
    _server, _url, urls, tid, segs, people = team
    aya_id, ken_id, rita_id = people["Aya"], people["Ken"], people["Rita"]
    insert_correction = ("INSERT INTO correction (segment_id, transcript_id, lang, start, \"end\", before, after, "
                         "status, annotator_id, created_at) VALUES (%s, %s, 'en', 0, 3, 'One', 'Uno', %s, %s, now()) "
                         "RETURNING id")
    with _plain(urls["aya"]) as aya:
        _refused(aya, insert_correction, (segs[0], tid, "proposed", ken_id),
                 "nobody can record changes in someone else's name: a correction in the name of Ken")
        _refused(aya, insert_correction, (segs[0], tid, "accepted", aya_id),
                 "only a reviewer or admin can accept corrections; Aya is an annotator")
        own = aya.execute(insert_correction, (segs[0], tid, "proposed", aya_id)).fetchone()
        assert own is not None  # in her own name, what the app does too
        _refused(aya, "UPDATE correction SET annotator_id = %s WHERE id = %s", (ken_id, own[0]),
                 "in the name of Ken")
        _refused(aya, "UPDATE segment SET review_state = 'approved', reviewed_by_id = %s WHERE id = %s",
                 (aya_id, segs[1]), "only a reviewer or admin can approve segments; Aya is an annotator")
        flag = aya.execute("INSERT INTO flag (segment_id, transcript_id, category, note, status, author_id, "
                           "created_at) VALUES (%s, %s, 'other', 'check', 'open', %s, now()) RETURNING id",
                           (segs[2], tid, aya_id)).fetchone()
        assert flag is not None
        _refused(aya, "UPDATE flag SET status = 'resolved', resolved_by_id = %s WHERE id = %s", (aya_id, flag[0]),
                 "only a reviewer or admin can resolve or close flags; Aya is an annotator")
        _refused(aya, "INSERT INTO flag (segment_id, transcript_id, category, note, status, author_id, created_at) "
                 "VALUES (%s, %s, 'other', 'x', 'open', %s, now())", (segs[2], tid, rita_id), "in the name of Rita")
        _refused(aya, "INSERT INTO change_event (annotator_id, created_at, action, description, rows, undone) "
                 "VALUES (%s, now(), 'Edit', '', '[]', false)", (ken_id,), "a change in the name of Ken")
        _refused(aya, "UPDATE annotator SET role = 'admin' WHERE login = 'sr_aya'", (),
                 "only an admin can manage people; Aya is an annotator")
        _refused(aya, "DELETE FROM change_event", (), "only an admin can delete history")
        _refused(aya, "UPDATE change_event SET description = 'nothing happened'", (),
                 "only an admin can rewrite the history; Aya is an annotator")
        _refused(aya, "UPDATE change_event SET undone = true, undone_by_id = %s", (ken_id,),
                 "an undo in the name of Ken")
        # A temporary table called "annotator" does not stand in for the real one.
        aya.execute("CREATE TEMP TABLE annotator (id int, name text, role text, login text)")
        aya.execute("INSERT INTO annotator VALUES (%s, 'Aya', 'admin', 'sr_aya')", (aya_id,))
        _refused(aya, "UPDATE segment SET review_state = 'approved', reviewed_by_id = %s WHERE id = %s",
                 (aya_id, segs[1]), "only a reviewer or admin can approve")
    with _plain(urls["rita"]) as rita:  # a reviewer may, in her own name
        rita.execute("UPDATE segment SET review_state = 'approved', reviewed_by_id = %s WHERE id = %s",
                     (rita_id, segs[1]))
        rita.execute("UPDATE flag SET status = 'resolved', resolved_by_id = %s WHERE id = %s", (rita_id, flag[0]))
        _refused(rita, "UPDATE segment SET reviewed_by_id = %s WHERE id = %s", (ken_id, segs[1]),
                 "an approval in the name of Ken")
        _refused(rita, "INSERT INTO assignment (transcript_id, state, first_turn, last_turn, updated_at) "
                 "VALUES (%s, 'unassigned', 2, 3, now())", (tid,), "only an admin can assign work; Rita is a reviewer")
        _refused(rita, "INSERT INTO assignment (transcript_id, state, annotator_id, updated_at) "
                 "VALUES (%s, 'assigned', %s, now())", (tid, ken_id),
                 "only an admin can assign work; Rita is a reviewer")


def test_the_apps_operations_work_as_each_role_and_undo_brings_back_others_work(team):
    _server, url, urls, tid, segs, _people = team
    aya, rita, ken = Store.open(urls["aya"]), Store.open(urls["rita"]), Store.open(urls["ken"])
    owner = Store.open(url, annotator="owner")
    try:
        edit_text(aya, segs[0], "en", "One, corrected.")
        add_flag(aya, segs[0], "other", "please check")
        with aya.read() as s:
            cor = s.scalars(select(Correction.id).where(Correction.segment_id == segs[0])).one()
            flag = s.scalars(select(Flag.id).where(Flag.segment_id == segs[0])).one()
        accept_correction(rita, cor)
        set_flag_status(rita, flag, "resolved")
        approve(rita, segs[0])
        # Ken reverts Aya's correction that Rita accepted (the approval goes); his undo brings
        # back Rita's acceptance and approval -- written back from her own change events.
        reverted = revert_segment(ken, segs[0])
        assert reverted is not None
        ken.undo(reverted)
        with owner.read() as s:
            seg = s.get(Segment, segs[0])
            assert (seg.review_state, s.get(Correction, cor).status) == ("approved", "accepted")
        assign(owner, tid, "Aya")
        claimed = claim_next(aya)  # her assigned work, started
        assert claimed is not None and claimed[0] == tid
    finally:
        for s in (aya, rita, ken, owner):
            s.close()


def test_a_refusal_by_the_server_reaches_the_user_as_the_apps_one_line(team, monkeypatch):
    _server, _url, urls, tid, segs, _people = team
    # Without the app's own check (as in a script built on Taiyaku's model), the server says no,
    # in the same words, and nothing is written.
    monkeypatch.setattr(Operation, "require", lambda self, role, what: None)
    aya = Store.open(urls["aya"])
    try:
        with pytest.raises(PermissionRefused) as refused:
            approve(aya, segs[1])
        assert str(refused.value) == "only a reviewer or admin can approve segments; Aya is an annotator"
        with pytest.raises(PermissionRefused, match="only an admin can assign work; Aya is an annotator"):
            assign(aya, tid, "Ken")
        with aya.read() as s:
            assert s.get(Segment, segs[1]).review_state != "approved"
    finally:
        aya.close()


def test_work_moves_along_as_the_server_allows(team):
    _server, url, urls, tid, _segs, _people = team
    owner, aya, ken, rita = Store.open(url, annotator="owner"), *(Store.open(urls[n]) for n in ("aya", "ken", "rita"))
    try:
        assign(owner, tid, "Aya")
        with _plain(urls["ken"]) as script:  # Ken's own script cannot start or take Aya's work
            _refused(script, "UPDATE assignment SET state = 'in_progress' WHERE transcript_id = %s", (tid,),
                     f"cannot start work: transcript {tid} is assigned to Aya, not to Ken")
            _refused(script, "UPDATE assignment SET annotator_id = (SELECT id FROM annotator WHERE name = 'Ken') "
                     "WHERE transcript_id = %s", (tid,), "only an admin can assign work; Ken is an annotator")
        start = transition(aya, tid, "start")
        aya.undo(start)  # her own step, undone
        aya.redo(start)
        transition(aya, tid, "submit")
        with _plain(urls["aya"]) as script:
            _refused(script, "UPDATE assignment SET state = 'approved' WHERE transcript_id = %s", (tid,),
                     "only an admin can assign work")
        transition(rita, tid, "review")
        transition(rita, tid, "reject", note="names")
        transition(aya, tid, "submit")
        transition(rita, tid, "review")
        approved = transition(rita, tid, "approve")
        rita.undo(approved)
        rita.redo(approved)
    finally:
        for s in (owner, aya, ken, rita):
            s.close()


@pytest.mark.parametrize("app_checks", [True, False], ids=["app-and-server", "server-alone"])
def test_a_sync_of_an_annotators_offline_work_passes_and_her_offline_approval_is_refused(
        team, tmp_path: Path, monkeypatch, app_checks: bool):
    _server, url, urls, _tid, segs, people = team
    if not app_checks:  # the server's triggers alone refuse it, in the same words
        monkeypatch.setattr(Operation, "require", lambda self, role, what: None)
    out = tmp_path / "offline.sqlite3"
    tid = team[3]
    checkout(urls["aya"], tid, out)
    local = Store.open(out, annotator="Aya")
    try:
        edit_text(local, segs[0], "en", "One, offline.")
        add_flag(local, segs[2], "other", "offline question")
        approve(local, segs[1])  # nobody stops her offline: one person, one file
        edit_text(local, segs[2], "en", "Three, offline.")
    finally:
        local.close()
    report = sync(out, urls["aya"])
    assert len(report.refused) == 1
    assert "only a reviewer or admin can approve segments; Aya is an annotator" in report.refused[0]
    owner = Store.open(url, annotator="owner")
    try:
        with owner.read() as s:
            assert s.get(Segment, segs[1]).review_state != "approved"
            authors = set(s.scalars(select(Correction.annotator_id).where(Correction.transcript_id == tid)))
            assert authors == {people["Aya"]}  # the rest landed, in her name
            assert s.scalars(select(Flag.note).where(Flag.author_id == people["Aya"])).all() == ["offline question"]
            texts = [c for c in s.scalars(select(Correction.after).where(Correction.transcript_id == tid))]
            assert any("offline" in t for t in texts) and len(texts) == 2
    finally:
        owner.close()
    assert sync(out, urls["aya"]).sent == 0  # a second sync sends nothing (the refusal is not retried)


def test_migration_0011_on_postgresql_installs_the_guards_and_its_downgrade_removes_them(pg_server):
    from alembic import command
    from sqlalchemy import inspect

    from model.db import alembic_config, make_engine

    url = pg_server.new_database(empty=True)
    engine = make_engine(url)

    def guards() -> int:
        rows = pg_server.admin("SELECT count(*) FROM pg_trigger WHERE tgname = 'taiyaku_guard'",
                               database=url.rsplit("/", 1)[1])
        return int(str(rows[0][0]))

    try:
        command.upgrade(alembic_config(engine), "0010")
        assert guards() == 0
        command.upgrade(alembic_config(engine), "head")
        assert guards() == 9
        found = inspect(engine)  # a transcript's work may now be in several rows, one per range
        assert {"first_turn", "last_turn"} <= {c["name"] for c in found.get_columns("assignment")}
        assert [u["column_names"] for u in found.get_unique_constraints("assignment")] == [["transcript_id",
                                                                                           "first_turn"]]
        command.downgrade(alembic_config(engine), "0010")
        assert guards() == 0
        command.upgrade(alembic_config(engine), "head")
        assert guards() == 9
    finally:
        engine.dispose()
        pg_server.drop_database(url)


def test_ranges_of_turns_as_each_role(team):
    _server, url, urls, first, _segs, _people = team
    owner = Store.open(url, annotator="owner")
    ken = Store.open(urls["ken"])
    try:
        assign(owner, first, "Aya")  # not free: the claim below can only be a range of the other
        tid = make_transcript(owner, [(f"S{i}", [(f"Turn {i + 1}.", None)]) for i in range(6)], title="Six")
        with pytest.raises(PermissionRefused, match="only an admin can assign work; Ken is an annotator"):
            assign(ken, tid, "Ken", turns=(1, 2))
        assign(owner, tid, "Aya", turns=(3, 4))
        claimed = claim_next_range(ken)  # a free range, claimed in his own name through the triggers
        assert claimed is not None and claimed[0] == tid and claimed[2] == (1, 2)
        transition(ken, tid, "submit")
        with _plain(urls["ken"]) as script:
            _refused(script, "UPDATE assignment SET last_turn = 6 WHERE transcript_id = %s AND first_turn = 1",
                     (tid,), "only an admin can assign work; Ken is an annotator")
            _refused(script, "UPDATE assignment SET state = 'in_progress' WHERE transcript_id = %s AND first_turn = 3",
                     (tid,), f"cannot start work: transcript {tid} is assigned to Aya, not to Ken")
    finally:
        owner.close()
        ken.close()


def test_an_annotators_merge_gap_and_reply_pass_and_undoing_the_merge_brings_back_rita_s_rows(team):
    _server, url, urls, _tid, segs, people = team
    from model.ops.alignment import merge_segments
    from model.ops.flags import delete_flag, reply_to_flag
    from model.ops.gaps import fill_gap, insert_gap
    from model.schema import FlagReply, Gap

    aya, rita = Store.open(urls["aya"]), Store.open(urls["rita"])
    try:
        edit_text(aya, segs[1], "en", "Two, by Aya.")
        add_flag(rita, segs[1], "other", "Rita asks")
        with rita.read() as s:
            flag = s.scalars(select(Flag.id).where(Flag.segment_id == segs[1])).one()
            cor = s.scalars(select(Correction.id).where(Correction.segment_id == segs[1])).one()
        accept_correction(rita, cor)
        reply_to_flag(aya, flag, "Aya answers")
        insert_gap(aya, segs[0], "en", 0)
        with aya.read() as s:
            gap = s.scalars(select(Gap.id).where(Gap.segment_id == segs[0])).one()
        fill_gap(aya, gap, "Well,")
        merged = merge_segments(aya, segs[0])  # Rita's flag and accepted correction move or go
        aya.undo(merged)  # ... and come back, in Rita's name, through the server's checks
        aya.undo(delete_flag(aya, flag))  # re-inserted in Rita's name: her own change made that row
        with aya.read() as s:
            assert s.get(Flag, flag).author_id == people["Rita"] and s.get(Flag, flag).segment_id == segs[1]
            assert (s.get(Correction, cor).status, s.get(Correction, cor).reviewed_by_id) == ("accepted",
                                                                                                people["Rita"])
            assert s.scalars(select(FlagReply.author_id).where(FlagReply.flag_id == flag)).all() == [people["Aya"]]
            assert s.get(Gap, gap).updated_by_id == people["Aya"]
    finally:
        aya.close()
        rita.close()


def test_on_the_command_line_the_servers_refusal_is_one_error_line(team):
    """``taiyaku work ID review`` with the app's own check switched off (as a script built on
    Taiyaku could): the server refuses, and the command says so in one line, exit 2."""
    import subprocess
    import sys

    from tests.cli.test_cli import assert_one_error_line

    _server, url, urls, tid, _segs, _people = team
    owner = Store.open(url, annotator="owner")
    try:
        assign(owner, tid, "Aya")
    finally:
        owner.close()
    aya = urls["aya"].replace("postgresql+psycopg://", "postgresql://")
    root = Path(__file__).resolve().parents[2]
    main = str(root / "main.py")
    unchecked = ("import runpy, sys; import model.store as s; s.Operation.require = lambda *a: None; "
                 f"sys.argv = ['main.py', *sys.argv[1:]]; runpy.run_path({main!r}, run_name='__main__')")

    def run(step: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", unchecked, "work", str(tid), step, "--db", aya],
                              capture_output=True, text=True, cwd=root, timeout=120)

    for step in ("start", "submit"):  # her own steps pass the server's checks
        assert run(step).returncode == 0
    refused = run("review")
    assert_one_error_line(refused, "only a reviewer or admin can take work for review; Aya is an annotator")
