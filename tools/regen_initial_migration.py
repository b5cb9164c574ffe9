"""Regenerate model/migrations/versions/0001_initial_schema.py from model/schema.py.

Only while Taiyaku is unreleased: once a database exists in the wild, schema
changes get a new revision (``alembic revision --autogenerate``) instead.
Run: ``python tools/regen_initial_migration.py``
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402

from model.db import alembic_config, make_engine  # noqa: E402

target = ROOT / "model" / "migrations" / "versions" / "0001_initial_schema.py"
target.unlink(missing_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(Path(tmp) / "empty.sqlite3")
    command.revision(alembic_config(engine), message="initial schema", autogenerate=True, rev_id="0001")
    engine.dispose()
text = target.read_text(encoding="utf-8")
target.write_text(re.sub(r"Create Date: .*", "Create Date: (regenerated)", text), encoding="utf-8")
print(f"wrote {target.relative_to(ROOT)}")
