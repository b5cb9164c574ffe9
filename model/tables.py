"""All of Taiyaku's tables: the core schema and every feature's own table module.

``Base.metadata`` knows a table only once its module is imported; the database
set-up (``model.db``) and the migrations import ``Base`` from here so that
``create_all`` and Alembic see every table. A feature that adds tables writes
them in a module of its own (on ``model.schema.Base``) and adds one import below.
"""

from __future__ import annotations

import model.assignment.tables  # who works on which transcript (issue 17)
import model.glossary.tables  # glossary, spelling dictionary, preferred spellings
import model.live  # noqa: F401 - live_signal: undo/redo for other programs' watchers (issue 17)
from model.audio import tables as _audio_tables  # noqa: F401  (recording, segment/gap timing)
from model.schema import Base
from model.search_index import SearchText  # noqa: F401 - search (issue 15)
from model.sync import tables as _sync_tables  # noqa: F401  (checkout, sync receipts)

__all__ = ["Base"]
