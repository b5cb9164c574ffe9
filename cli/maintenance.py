"""``taiyaku backup`` and ``taiyaku check``: keeping the database safe (see ``model.backup``).

    taiyaku backup [--db DB] [--list]    a consistent copy into the backup folder now (or list them)
    taiyaku check [--db DB]              integrity and foreign keys; one line per problem, exit 1 if any
"""

from __future__ import annotations

import argparse
import sys

from cli.core import db_path, register_command, text_out
from model.errors import TaiyakuError

EXIT_PROBLEMS = 1


def _server_url(args: argparse.Namespace) -> bool:
    from model.backup import is_server_url

    chosen = getattr(args, "db", None)
    return chosen is not None and is_server_url(chosen)


def _configure_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--list", action="store_true", help="list the copies kept (newest first) instead")


def _run_backup(args: argparse.Namespace) -> int:
    from model import backup

    if _server_url(args):
        raise TaiyakuError("backup is for SQLite files; a PostgreSQL database is backed up on its server (pg_dump)")
    path = db_path(args)
    out = text_out()
    if args.list:
        infos = backup.list_backups(path)
        if not infos:
            print(f"no backups of {path} yet (in {backup.backup_dir(path)})", file=out)
        for info in infos:
            count = "?" if info.transcripts is None else info.transcripts
            print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {count:>4} transcripts  {info.size / 1e6:8.1f} MB  {info.path}",
                  file=out)
        return 0
    copy = backup.take_backup(path, "manual")
    print(f"backed up {path} to {copy}", file=out)
    return 0


def _configure_check(p: argparse.ArgumentParser) -> None:
    del p  # only --db


def _run_check(args: argparse.Namespace) -> int:
    from model.backup import check_database

    if _server_url(args):
        raise TaiyakuError("check is for SQLite files; PostgreSQL checks its own data (amcheck on the server)")
    path = db_path(args)
    problems = check_database(path)
    out = text_out()
    for line in problems:
        print(" ".join(line.split()), file=out)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {path}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {path} passed the integrity and foreign key checks", file=out)
    return 0


register_command("backup", "copy the database into the backup folder now (--list: the copies kept)",
                 _configure_backup, _run_backup,
                 "Take a consistent copy of the database (SQLite's VACUUM INTO) into the backup folder "
                 "in your user data folder; the oldest copies go once there are too many.")
register_command("check", "check the database for damage (integrity, foreign keys); exit 1 if any problem",
                 _configure_check, _run_check,
                 "Read every page of the database and every foreign key; print one line per problem "
                 "and exit 1 if there is any. The file is only read.")
