"""A sync cut off half-way -- cancelled, or the server gone -- loses nothing, and the next sync
sends only what is left (receipts), against a real PostgreSQL server and a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from model.errors import TaiyakuError
from model.schema import Correction, Flag
from model.store import Store
from model.sync.takeout import checkout, sync
from tests.model.test_sync import _edit, _server, _texts
from tests.tcp_cut import Relay

pytestmark = pytest.mark.pg


@pytest.fixture
def four_edits(pg_url: str, tmp_path: Path) -> tuple[str, Path, list[int]]:
    """A checked-out file with four offline edits (the first overlaps bob's on the server)."""
    tid, segs = _server(pg_url, 4)
    out = tmp_path / "offline.sqlite3"
    checkout(pg_url, tid, out)
    for i, seg in enumerate(segs):
        _edit(out, "alice", seg, f"Sentence {i}, alice.")
    _edit(pg_url, "bob", segs[0], "Sentence 0, bob.")
    return pg_url, out, segs


def _kept(url: str) -> tuple[int, int]:
    store = Store.open(url)
    try:
        with store.read() as s:
            return (s.scalar(select(func.count()).select_from(Correction).where(Correction.status == "competing")) or 0,
                    s.scalar(select(func.count()).select_from(Flag).where(Flag.category == "conflict")) or 0)
    finally:
        store.close()


def test_a_cancelled_sync_keeps_the_rest_in_the_file_and_the_next_sends_only_that(four_edits):
    url, out, segs = four_edits
    seen: list[tuple[int, int]] = []
    report = sync(out, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: len(seen) >= 2)
    assert report.cancelled and not report.refreshed and (report.done, report.total) == (2, 4)
    assert seen == [(1, 4), (2, 4)]
    assert "cancelled after 2 of 4" in report.summary()
    assert _texts(url, segs) == ["Sentence 0, bob.", "Sentence 1, alice.", "Sentence 2.", "Sentence 3."]
    assert _kept(url) == (1, 1)  # the conflict met before the cancel is kept at once
    assert _texts(out, segs)[2:] == ["Sentence 2, alice.", "Sentence 3, alice."]  # still in the file
    rest = sync(out)
    assert (rest.sent, rest.already, rest.flags, rest.refreshed) == (2, 2, 0, True)
    assert _texts(url, segs) == ["Sentence 0, bob.", "Sentence 1, alice.", "Sentence 2, alice.", "Sentence 3, alice."]
    assert _kept(url) == (1, 1)


def test_a_server_gone_mid_sync_is_one_line_the_file_keeps_everything_and_a_rerun_loses_nothing(pg_server,
                                                                                              four_edits):
    url, out, segs = four_edits
    relay = Relay(pg_server.port).start()
    through = make_url(url).set(port=relay.port).render_as_string(hide_password=False)
    before = out.read_bytes()

    def cut(done: int, _total: int) -> None:
        if done == 2:
            relay.cut()

    with pytest.raises(TaiyakuError) as caught:
        sync(out, through, progress=cut)
    assert "\n" not in str(caught.value)
    assert out.read_bytes() == before  # not refreshed: the file keeps what was not sent
    assert _texts(url, segs)[1:] == ["Sentence 1, alice.", "Sentence 2.", "Sentence 3."]
    rest = sync(out)
    assert rest.sent == 2 and rest.already == 2 and rest.refreshed
    assert _texts(url, segs) == ["Sentence 0, bob.", "Sentence 1, alice.", "Sentence 2, alice.", "Sentence 3, alice."]
    # The first edit lost to bob's before the server went: it is kept for the reviewer all the same.
    assert _kept(url) == (1, 1)
    assert sync(out).flags == 0 and _kept(url) == (1, 1)
