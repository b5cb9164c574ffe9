"""People and roles on a shared database.

On PostgreSQL each person connects with a login of their own, and Taiyaku maps that login
(``session_user``, as the server's own checks do: ``model.server_roles``) to its ``Annotator``
row, whose ``role`` says what they may do:

- annotator: correct texts, fill gaps, flag segments;
- reviewer: also approve segments, accept/reject corrections, resolve and reopen flags;
- admin: also add people and set roles.

The database's owner (or a superuser) is an admin and may act under any annotator name, like
a single user on SQLite. Since schema 0011 the server enforces the same rules itself
(``model.server_roles``), so a script with one's own login can do no more than the app. On
SQLite (one person on one machine) no role is enforced at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, text

from model.errors import NotFound, OperationFailed
from model.schema import PERSON_ROLES, Annotator

_RANK = {role: i for i, role in enumerate(PERSON_ROLES)}


class PermissionRefused(OperationFailed):
    """The acting person's role does not allow this action."""


@dataclass(frozen=True)
class Identity:
    """Who is connected to a server: the login, and whether it owns the database."""

    login: str
    owner: bool


def identify(conn: Connection) -> Identity | None:
    """The server login behind ``conn`` (None on SQLite: no logins there)."""
    if conn.dialect.name != "postgresql":
        return None
    row = conn.execute(text(
        "SELECT session_user, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), "
        "pg_get_userbyid(datdba) = session_user FROM pg_database WHERE datname = current_database()")).one()
    return Identity(login=str(row[0]), owner=bool(row[1]) or bool(row[2]))


def check_role(role: str) -> str:
    """``role`` if known, else a one-line error."""
    if role not in PERSON_ROLES:
        raise OperationFailed(f"unknown role {role!r} (expected one of {', '.join(PERSON_ROLES)})")
    return role


def require(acting_role: str | None, who: str, needed: str, what: str) -> None:
    """Refuse in one line when ``acting_role`` ranks below ``needed`` (None: not enforced)."""
    if acting_role is None or _RANK.get(acting_role, -1) >= _RANK[needed]:
        return
    article = "an" if needed[0] in "aeiou" else "a"
    raise PermissionRefused(f"only {article} {needed}{' or admin' if needed == 'reviewer' else ''} can {what}; "
                            f"{who} is {'an' if acting_role[0] in 'aeiou' else 'a'} {acting_role}")


def map_login(conn: Connection, identity: Identity) -> tuple[int, str, str]:
    """(annotator id, name, role) of a non-owner login; a one-line refusal if it has no account."""
    row = conn.execute(select(Annotator.id, Annotator.name, Annotator.role)
                       .where(Annotator.login == identity.login)).first()
    if row is None:
        raise PermissionRefused(f"the login {identity.login!r} has no Taiyaku account on this database; "
                                f"an admin adds it with: taiyaku user add NAME --login {identity.login}")
    return int(row[0]), str(row[1]), str(row[2])


@dataclass(frozen=True)
class Person:
    """One row of ``user list``."""

    name: str
    role: str
    login: str | None


def list_people(conn: Connection) -> list[Person]:
    """Everyone who has an annotator row, by name."""
    rows = conn.execute(select(Annotator.name, Annotator.role, Annotator.login).order_by(Annotator.name))
    return [Person(str(n), str(r), lg) for n, r, lg in rows]


def add_person(conn: Connection, name: str, role: str, login: str | None) -> bool:
    """Add a person (or give an existing name its role and login); True if they were new."""
    name = name.strip()
    if not name:
        raise OperationFailed("a person's name cannot be empty")
    check_role(role)
    if login is not None and conn.dialect.name == "postgresql":
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}).first()
        if exists is None:
            raise OperationFailed(f"the server has no login {login!r}; create it first "
                                  f"(CREATE ROLE \"{login}\" LOGIN PASSWORD '...'; see README)")
    taken = conn.execute(select(Annotator.name).where(Annotator.login == login, Annotator.name != name)).first() \
        if login is not None else None
    if taken is not None:
        raise OperationFailed(f"the login {login!r} already belongs to {taken[0]}")
    table = Annotator.__table__
    row = conn.execute(select(table.c.id).where(table.c.name == name)).first()
    if row is None:
        from model.schema import utcnow

        conn.execute(table.insert().values(name=name, role=role, login=login, created_at=utcnow()))
        return True
    values: dict[str, object] = {"role": role}
    if login is not None:
        values["login"] = login
    conn.execute(table.update().where(table.c.id == row[0]).values(**values))
    return False


def set_role(conn: Connection, name: str, role: str) -> None:
    """Give an existing person another role."""
    check_role(role)
    table = Annotator.__table__
    done = conn.execute(table.update().where(table.c.name == name).values(role=role))
    if not done.rowcount:
        raise NotFound(f"nobody called {name!r} (see: taiyaku user list)")
