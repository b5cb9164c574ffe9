"""Who may move work along, on a shared PostgreSQL server where each person has a login."""

from __future__ import annotations

import pytest

from model.assignment.ops import assign, claim_next, list_work, transition
from model.people import PermissionRefused, add_person
from model.store import Store
from tests.helpers import make_transcript

pytestmark = pytest.mark.pg


def login(pg_server, name: str, db_url: str) -> str:
    """A server login with a password and the team's table rights; its URL for ``db_url``."""
    pg_server.admin(f"DO $$ BEGIN CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'; "
                    f"EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    database = db_url.rsplit("/", 1)[1]
    pg_server.grant_team_access(name, database)
    return f"postgresql+psycopg://{name}:pw-{name}@127.0.0.1:{pg_server.port}/{database}"


def test_roles_decide_who_moves_work_and_a_refusal_says_why(pg_server, pg_url):
    owner = Store.open(pg_url, annotator="owner")
    tid = make_transcript(owner, [("Q", [("Hello.", None)])])
    other = make_transcript(owner, [("Q", [("Other.", None)])], title="Other")
    urls = {name: login(pg_server, name, pg_url) for name in ("aya", "ken", "rita", "rob")}
    with owner.engine.begin() as conn:
        add_person(conn, "Aya", "annotator", "aya")
        add_person(conn, "Ken", "annotator", "ken")
        add_person(conn, "Rita", "reviewer", "rita")
        add_person(conn, "Rob", "reviewer", "rob")
    aya, ken, rita, rob = (Store.open(urls[name]) for name in ("aya", "ken", "rita", "rob"))
    try:
        with pytest.raises(PermissionRefused, match="only an admin can assign work; Aya is an annotator"):
            assign(aya, tid, "Aya")
        assign(owner, tid, "Aya")  # the database's owner is an admin
        with pytest.raises(PermissionRefused, match="assigned to Aya, not to Ken"):
            transition(ken, tid, "start")
        transition(aya, tid, "start")
        with pytest.raises(PermissionRefused, match="only a reviewer or admin can take work for review"):
            transition(aya, tid, "review")
        transition(aya, tid, "submit")
        transition(rita, tid, "review")
        with pytest.raises(PermissionRefused, match="Rita is reviewing it"):
            transition(rob, tid, "approve")
        with pytest.raises(PermissionRefused, match="only a reviewer or admin can approve work"):
            transition(aya, tid, "approve")
        transition(rita, tid, "reject", note="the speaker in turn 1")
        transition(aya, tid, "submit")
        transition(rita, tid, "review")
        transition(rita, tid, "approve")
        claimed = claim_next(ken)  # anyone with an account may claim what nobody has
        assert claimed is not None and claimed[0] == other
        work = {w.transcript_id: w for w in list_work(owner)}
        assert (work[tid].state, work[tid].annotator, work[tid].reviewer) == ("approved", "Aya", "Rita")
        assert work[other].annotator == "Ken"
        assert [h["annotator"] for h in owner.history(tid)][:2] == ["Rita", "Rita"]
    finally:
        for s in (owner, aya, ken, rita, rob):
            s.close()
