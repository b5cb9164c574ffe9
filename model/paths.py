"""Where Taiyaku keeps its database by default, and who annotates by default: light to import
(no SQLAlchemy), so the command line's help and the window's first frame can use them before
the storage stack is loaded."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "Taiyaku"


def default_db_path() -> Path:
    """The database in the user's data folder (created on first use)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "taiyaku.sqlite3"


def default_annotator_name() -> str:
    """The system user's name, the default annotator until one is chosen."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment
        return "annotator"
