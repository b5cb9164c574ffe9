"""``taiyaku replace`` and ``taiyaku user``: batch edits and people on a shared database.

    taiyaku replace ID PATTERN REPLACEMENT [--lang en|ja] [--regex] [--match-case] [--db DB]
    taiyaku user add NAME [--role annotator|reviewer|admin] [--login LOGIN] [--db DB]
    taiyaku user list [--db DB]
    taiyaku user set-role NAME ROLE [--db DB]

A replace is one operation (one undo step in the window's History), recorded with the
annotator, and prints how many places changed. ``user`` manages who may do what on a
PostgreSQL server (model.people); on an SQLite file roles are kept but not enforced.
"""

from __future__ import annotations

import argparse

from cli.core import add_db_option, format_table, open_store, register_command, text_out, transcript_id
from model.errors import NotFound, TaiyakuError

# -- replace ---------------------------------------------------------------------


def _configure_replace(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", help="the transcript (see: taiyaku list)")
    p.add_argument("pattern", metavar="PATTERN", help="the text to find (a regular expression with --regex)")
    p.add_argument("replacement", metavar="REPLACEMENT", help="what replaces it (\\1 etc. with --regex)")
    p.add_argument("--lang", choices=("en", "ja"), default=None, help="only this language (default: both)")
    p.add_argument("--regex", action="store_true", help="PATTERN is a regular expression")
    p.add_argument("--match-case", action="store_true", help="match upper and lower case exactly")


def _run_replace(args: argparse.Namespace) -> int:
    from model.ops.find_replace import replace_all
    from model.readmodel import list_transcripts

    store = open_store(args, create=False)
    try:
        if args.id not in {t.id for t in list_transcripts(store)}:
            raise NotFound(f"there is no transcript {args.id} (see: taiyaku list)")
        langs = (args.lang,) if args.lang else ("en", "ja")
        event = replace_all(store, args.id, args.pattern, args.replacement, langs=langs, regex=args.regex,
                            match_case=args.match_case)
        count = 0
        if event is not None:
            from model.schema import ChangeEvent

            with store.read() as s:
                entry = s.get(ChangeEvent, event)
                count = sum(1 for r in entry.rows if r["t"] == "correction" and r["op"] == "insert") if entry else 0
    finally:
        store.close()
    out = text_out()
    if event is None:
        print("0 places changed (no match)", file=out)
    else:
        print(f"{count} place{'s' if count != 1 else ''} changed (change {event}; undo it in the window's History)",
              file=out)
    return 0


# -- user ------------------------------------------------------------------------


def _configure_user(p: argparse.ArgumentParser) -> None:
    from model.schema import PERSON_ROLES  # here, not at the top: --help and the window never load SQLAlchemy

    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a person (or give an existing one a role and login)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=PERSON_ROLES, default="annotator")
    add.add_argument("--login", default=None,
                     help="their PostgreSQL login (default on a server: NAME); changes are recorded in this name")
    sub.add_parser("list", help="everyone, with role and login")
    role = sub.add_parser("set-role", help="change a person's role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", metavar="ROLE", choices=PERSON_ROLES)
    for parser in (add, role, sub.choices["list"]):
        add_db_option(parser)


def _run_user(args: argparse.Namespace) -> int:
    from model import people

    store = open_store(args, create=args.action != "list")
    out = text_out()
    try:
        if args.action == "list":
            with store.engine.connect() as conn:
                rows = [(p.name, p.role, p.login or "-") for p in people.list_people(conn)]
            for line in format_table(("name", "role", "login"), rows, (False, False, False)):
                print(line, file=out)
            return 0
        people.require(store.role, store.annotator_name, "admin", "manage people")
        with store.engine.begin() as conn:
            if args.action == "add":
                login = args.login
                if login is None and conn.dialect.name == "postgresql":
                    login = args.name
                new = people.add_person(conn, args.name, args.role, login)
                what = "added" if new else "updated"
                print(f"{what} {args.name} ({args.role}{', login ' + login if login else ''})", file=out)
            else:
                people.set_role(conn, args.name, args.role)
                print(f"{args.name} is now {'an' if args.role[0] in 'aeiou' else 'a'} {args.role}", file=out)
    except TaiyakuError:
        raise
    finally:
        store.close()
    return 0


register_command("replace", "find and replace in a transcript, as one undo step", _configure_replace, _run_replace,
                 "Replace every match of PATTERN in transcript ID (both languages unless --lang) as one "
                 "operation, recorded with the annotator; prints how many places changed.")
register_command("user", "people and roles on a shared database (add, list, set-role)", _configure_user, _run_user)
