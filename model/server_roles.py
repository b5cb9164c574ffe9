"""Roles enforced by the PostgreSQL server itself (migration 0011), not only by the app.

The app maps each login to its annotator and role (``model.people``) and refuses what the role
does not allow. A person could still connect with their own login from a script of their own
and write rows in someone else's name, or approve as an annotator. These triggers (BEFORE
INSERT/UPDATE/DELETE, one PL/pgSQL function per table) check every such row against the person
mapped to ``session_user``:

- authorship: a correction, flag, flag reply, gap fill, finding dismissal or change event is
  written in the name of the login's own person;
- review decisions: approving a segment, accepting/rejecting a correction, resolving, closing
  or reopening a flag need a reviewer (or admin), in their own name;
- assignment: only the annotator of a piece of work starts/submits it, only its reviewer takes,
  approves or rejects it, anyone may claim what nobody has; everything else is an admin's;
- people (the ``annotator`` table) and the history (a change event's author, action and rows)
  are the admin's alone.

The database's owner and superusers (who run the migrations) and people with the admin role
may do anything. Undo and redo write row images back: a value someone else wrote is accepted
when that person's own change event wrote it (``taiyaku_restores``) -- events cannot be forged
in another's name, and ids are never reused, so this only lets the history be replayed.

A refusal is SQLSTATE 42501 with the hint ``HINT`` and, as its message, the same one line the
app gives (``model.store`` turns it into ``PermissionRefused``). Not enforced here: setting
segments back to "not reviewed" (an annotator's edit does that to an approved segment too),
and rows no author column describes (speakers, turns, texts of segments).

Nothing here runs on SQLite: one person, one file.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

HINT = "refused by the Taiyaku roles of this server"

# The functions look names up in pg_catalog first (nobody's own "format" or "=" stands in for the
# built-in one), then in the schema they were installed in, and in pg_temp last: a temporary
# table called "annotator" must not stand in for the real one.
_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION taiyaku_refuse(msg text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = msg, HINT = '@HINT@';
END $f$;

CREATE OR REPLACE FUNCTION taiyaku_article(word text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE WHEN left(word, 1) IN ('a', 'e', 'i', 'o', 'u') THEN 'an ' ELSE 'a ' END || word
$f$;

-- Who session_user is: free (owner, superuser, admin: anything goes) or a person with a role.
CREATE OR REPLACE FUNCTION taiyaku_person(OUT id integer, OUT name text, OUT role text, OUT free boolean)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, @SCHEMA@, pg_temp AS $f$
BEGIN
  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user)
     OR (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database
         WHERE datname = current_database()) = session_user THEN
    free := true;
    RETURN;
  END IF;
  SELECT a.id, a.name, a.role INTO id, name, role FROM annotator a WHERE a.login = session_user;
  IF id IS NULL THEN
    PERFORM taiyaku_refuse(format('the login %L has no Taiyaku account on this database; '
      'an admin adds it with: taiyaku user add NAME --login %s', session_user, session_user));
  END IF;
  free := role = 'admin';
END $f$;

-- "only a reviewer or admin can approve segments; Aya is an annotator" (model.people.require).
CREATE OR REPLACE FUNCTION taiyaku_needs(needed text, what text, who_name text, who_role text) RETURNS void
LANGUAGE plpgsql AS $f$
BEGIN
  IF needed = 'reviewer' AND who_role IN ('reviewer', 'admin') THEN
    RETURN;
  END IF;
  PERFORM taiyaku_refuse(format('only %s%s can %s; %s is %s', taiyaku_article(needed),
    CASE WHEN needed = 'reviewer' THEN ' or admin' ELSE '' END, what, who_name, taiyaku_article(who_role)));
END $f$;

-- Refuse writing a row in someone else's name.
CREATE OR REPLACE FUNCTION taiyaku_not_in_name_of(other integer, what text, who_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, @SCHEMA@, pg_temp AS $f$
BEGIN
  PERFORM taiyaku_refuse(format('nobody can record changes in someone else''s name: %s in the name of %s '
    'refused; this login is %s', what, coalesce((SELECT a.name FROM annotator a WHERE a.id = other), '#' || other),
    who_name));
END $f$;

-- Whether person ``author``'s own change event wrote ``image`` (some columns) into row ``pk``
-- of ``tbl``: undo/redo may then write it back, whoever undoes.
CREATE OR REPLACE FUNCTION taiyaku_restores(tbl text, pk integer, tid integer, image jsonb, author integer)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, @SCHEMA@, pg_temp AS $f$
  SELECT author IS NOT NULL AND EXISTS (
    SELECT 1 FROM change_event e
    WHERE e.annotator_id = author AND (tid IS NULL OR e.transcript_id = tid)
      AND e.rows::jsonb @> jsonb_build_array(jsonb_build_object('t', tbl, 'pk', pk, 'after', image)))
$f$;

-- One author column: NULL, the person, or written back by undo/redo.
CREATE OR REPLACE FUNCTION taiyaku_author_ok(me integer, author integer, tbl text, pk integer, tid integer,
                                             image jsonb) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT author IS NULL OR author = me OR taiyaku_restores(tbl, pk, tid, image, author)
$f$;
"""


def _authored(table: str, column: str, what: str, *, transcript: str = "NEW.transcript_id", also: str = "") -> str:
    """The guard's check that ``column`` names the connected person (or that undo writes back
    what that person's own change wrote): ``what`` is how a refusal names the row."""
    image = f"'{column}', NEW.{column}" + (f", {also}" if also else "")
    return f"""
  IF TG_OP = 'INSERT' OR NEW.{column} IS DISTINCT FROM OLD.{column} THEN
    IF NOT taiyaku_author_ok(p.id, NEW.{column}, '{table}', NEW.id, {transcript},
        jsonb_build_object({image})) THEN
      PERFORM taiyaku_not_in_name_of(NEW.{column}, '{what}', p.name);
    END IF;
  END IF;"""

_GUARDS: dict[str, str] = {
    "change_event": r"""
  IF TG_OP = 'DELETE' THEN
    PERFORM taiyaku_needs('admin', 'delete history', p.name, p.role);
  ELSIF TG_OP = 'INSERT' THEN
    IF NEW.annotator_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_not_in_name_of(NEW.annotator_id, 'a change', p.name);
    END IF;
  ELSE
    -- Undo and redo set undone, undone_by_id and undone_at; anything else is the admin's. (Which
    -- columns an UPDATE sets, not their values: comparing a big change's rows would cost.)
    IF TG_ARGV[0] = 'history' THEN
      PERFORM taiyaku_needs('admin', 'rewrite the history', p.name, p.role);
    END IF;
    IF NEW.undone_by_id IS NOT NULL AND NEW.undone_by_id IS DISTINCT FROM p.id
       AND NEW.undone_by_id IS DISTINCT FROM OLD.undone_by_id THEN
      PERFORM taiyaku_not_in_name_of(NEW.undone_by_id, 'an undo', p.name);
    END IF;
  END IF;""",
    "annotator": r"""
  PERFORM taiyaku_needs('admin', 'manage people', p.name, p.role);""",
    "correction": _authored("correction", "annotator_id", "a correction", also="'after', NEW.after") + r"""
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status
     OR NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id THEN
    IF taiyaku_restores('correction', NEW.id, NEW.transcript_id,
        jsonb_build_object('status', NEW.status, 'reviewed_by_id', NEW.reviewed_by_id), NEW.reviewed_by_id) THEN
      RETURN NEW;
    END IF;
    IF NEW.status IN ('accepted', 'rejected') AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
      PERFORM taiyaku_needs('reviewer', CASE NEW.status WHEN 'accepted' THEN 'accept corrections'
                                       ELSE 'reject corrections' END, p.name, p.role);
    END IF;
    IF NEW.reviewed_by_id IS NOT NULL AND NEW.reviewed_by_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_not_in_name_of(NEW.reviewed_by_id, 'a review of a correction', p.name);
    END IF;
  END IF;""",
    "segment": r"""
  IF NEW.review_state = 'approved' OR NEW.reviewed_by_id IS NOT NULL THEN
    IF taiyaku_restores('segment', NEW.id, NEW.transcript_id, jsonb_build_object(
        'review_state', NEW.review_state, 'reviewed_by_id', NEW.reviewed_by_id), NEW.reviewed_by_id) THEN
      RETURN NEW;
    END IF;
    PERFORM taiyaku_needs('reviewer', 'approve segments', p.name, p.role);
    IF NEW.reviewed_by_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_not_in_name_of(NEW.reviewed_by_id, 'an approval', p.name);
    END IF;
  END IF;""",
    "flag": _authored("flag", "author_id", "a flag") + r"""
  IF (TG_OP = 'INSERT' AND NEW.status <> 'open') OR (TG_OP = 'UPDATE' AND (NEW.status IS DISTINCT FROM OLD.status
      OR NEW.resolved_by_id IS DISTINCT FROM OLD.resolved_by_id)) THEN
    IF taiyaku_restores('flag', NEW.id, NEW.transcript_id, jsonb_build_object(
        'status', NEW.status, 'resolved_by_id', NEW.resolved_by_id), NEW.resolved_by_id) THEN
      RETURN NEW;
    END IF;
    PERFORM taiyaku_needs('reviewer', CASE WHEN NEW.status = 'open' THEN 'reopen flags'
                                     ELSE 'resolve or close flags' END, p.name, p.role);
    IF NEW.resolved_by_id IS NOT NULL AND NEW.resolved_by_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_not_in_name_of(NEW.resolved_by_id, 'a flag''s resolution', p.name);
    END IF;
  END IF;""",
    "flag_reply": _authored("flag_reply", "author_id", "a reply", transcript="NULL", also="'text', NEW.text"),
    "gap": _authored("gap", "created_by_id", "a gap") + _authored("gap", "updated_by_id", "a gap''s fill"),
    "finding_dismissal": _authored("finding_dismissal", "annotator_id", "a dismissal"),
    "assignment": r"""
  IF TG_OP = 'DELETE' THEN
    PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);
  ELSIF TG_OP = 'INSERT' THEN
    -- anyone's "Next transcript" makes the rows of whole transcripts nobody has yet; ranges are the admin's
    IF NEW.state <> 'unassigned' OR NEW.annotator_id IS NOT NULL OR NEW.reviewer_id IS NOT NULL
       OR NEW.first_turn <> 1 OR NEW.last_turn IS NOT NULL THEN
      PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);
    END IF;
  ELSIF NEW.transcript_id IS DISTINCT FROM OLD.transcript_id OR NEW.first_turn IS DISTINCT FROM OLD.first_turn
        OR NEW.last_turn IS DISTINCT FROM OLD.last_turn THEN
    PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);  -- which turns: the admin's
  ELSIF NEW.annotator_id IS DISTINCT FROM OLD.annotator_id THEN
    -- a claim of what nobody has (or its undo) is the claimer's; any other change, the admin's
    IF NOT (NEW.reviewer_id IS NOT DISTINCT FROM OLD.reviewer_id AND (
        (OLD.annotator_id IS NULL AND OLD.state = 'unassigned' AND NEW.annotator_id = p.id
         AND NEW.state = 'in_progress')
        OR (NEW.annotator_id IS NULL AND OLD.annotator_id = p.id AND OLD.state = 'in_progress'
            AND NEW.state = 'unassigned'))) THEN
      PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);
    END IF;
  ELSIF (OLD.state, NEW.state) IN (('assigned', 'in_progress'), ('in_progress', 'assigned'),
                                   ('in_progress', 'submitted'), ('submitted', 'in_progress'))
        AND NEW.reviewer_id IS NOT DISTINCT FROM OLD.reviewer_id THEN
    IF NEW.annotator_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_refuse(format('cannot %s: transcript %s is assigned to %s, not to %s',
        CASE WHEN NEW.state = 'submitted' THEN 'submit work' ELSE 'start work' END, NEW.transcript_id,
        coalesce((SELECT a.name FROM annotator a WHERE a.id = NEW.annotator_id), 'nobody'), p.name));
    END IF;
  ELSIF (OLD.state, NEW.state) IN (('submitted', 'in_review'), ('in_review', 'submitted'),
                                   ('in_review', 'approved'), ('approved', 'in_review'),
                                   ('in_review', 'in_progress'), ('in_progress', 'in_review')) THEN
    PERFORM taiyaku_needs('reviewer', CASE NEW.state WHEN 'approved' THEN 'approve work'
      WHEN 'in_progress' THEN 'reject work' ELSE 'take work for review' END, p.name, p.role);
    IF NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id THEN
      -- taking unassigned review (or its undo) names the reviewer themselves
      IF NOT ((OLD.reviewer_id IS NULL AND NEW.reviewer_id = p.id)
              OR (NEW.reviewer_id IS NULL AND OLD.reviewer_id = p.id)) THEN
        PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);
      END IF;
    ELSIF NEW.reviewer_id IS DISTINCT FROM p.id THEN
      PERFORM taiyaku_refuse(format('cannot %s: %s is reviewing it',
        CASE NEW.state WHEN 'approved' THEN 'approve work' WHEN 'in_progress' THEN 'reject work'
        ELSE 'take work for review' END,
        coalesce((SELECT a.name FROM annotator a WHERE a.id = NEW.reviewer_id), 'nobody')));
    END IF;
  ELSIF NEW.state IS DISTINCT FROM OLD.state OR NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id
        OR NEW.note IS DISTINCT FROM OLD.note THEN
    PERFORM taiyaku_needs('admin', 'assign work', p.name, p.role);
  END IF;""",
}

# Triggers that fire only when the columns they judge change (a text edit's segment update,
# the most frequent write of all, does not call the function).
_WHEN: dict[str, str] = {
    "segment": "UPDATE OF review_state, reviewed_by_id",
}
# A change event's columns that nobody but an admin may set once it is written.
_HISTORY = ("transcript_id", "annotator_id", "created_at", "action", "description", "rows")
_CONDITION: dict[str, str] = {
    "segment": " WHEN (OLD.review_state IS DISTINCT FROM NEW.review_state "
               "OR OLD.reviewed_by_id IS DISTINCT FROM NEW.reviewed_by_id)",
}


def _guard_function(table: str, body: str) -> str:
    return (f"CREATE OR REPLACE FUNCTION taiyaku_guard_{table}() RETURNS trigger LANGUAGE plpgsql "
            f"SET search_path = pg_catalog, @SCHEMA@, pg_temp AS $f$\nDECLARE p record;\nBEGIN\n"
            f"  SELECT * INTO p FROM taiyaku_person();\n"
            f"  IF NOT p.free THEN\n{body}\n  END IF;\n"
            f"  IF TG_OP = 'DELETE' THEN\n    RETURN OLD;\n  END IF;\n  RETURN NEW;\nEND $f$;")


def _statements(schema: str) -> list[str]:
    quoted = '"' + schema.replace('"', '""') + '"'
    out = [_FUNCTIONS.replace("@HINT@", HINT).replace("@SCHEMA@", quoted)]
    for table, body in _GUARDS.items():
        out.append(_guard_function(table, body).replace("@SCHEMA@", quoted))
        events = _WHEN.get(table, "INSERT OR UPDATE OR DELETE")
        out.append(f"DROP TRIGGER IF EXISTS taiyaku_guard ON {table}")
        out.append(f"CREATE TRIGGER taiyaku_guard BEFORE {events} ON {table} FOR EACH ROW{_CONDITION.get(table, '')} "
                   f"EXECUTE FUNCTION taiyaku_guard_{table}()")
    out.append("DROP TRIGGER IF EXISTS taiyaku_guard_history ON change_event")
    out.append(f"CREATE TRIGGER taiyaku_guard_history BEFORE UPDATE OF {', '.join(_HISTORY)} ON change_event "
               "FOR EACH ROW EXECUTE FUNCTION taiyaku_guard_change_event('history')")
    return out


def refusal(exc: BaseException) -> str | None:
    """The one-line refusal a driver error carries when these triggers refused a write, else None."""
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    if getattr(orig, "sqlstate", None) != "42501" or diag is None or diag.message_hint != HINT:
        return None
    return str(diag.message_primary or "").strip() or None


def install(conn: Connection) -> None:
    """Create (or replace) the functions and triggers on PostgreSQL; nothing on SQLite."""
    if conn.dialect.name != "postgresql":
        return
    schema = str(conn.execute(text("SELECT current_schema()")).scalar())
    for statement in _statements(schema):
        conn.exec_driver_sql(statement.replace("%", "%%"))


def remove(conn: Connection) -> None:
    """Drop the triggers and functions (the migration's downgrade)."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS taiyaku_guard_history ON change_event")
    for table in _GUARDS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS taiyaku_guard ON {table}")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS taiyaku_guard_{table}()")
    for name in ("taiyaku_author_ok(integer, integer, text, integer, integer, jsonb)",
                 "taiyaku_restores(text, integer, integer, jsonb, integer)",
                 "taiyaku_not_in_name_of(integer, text, text)", "taiyaku_needs(text, text, text, text)",
                 "taiyaku_person()", "taiyaku_article(text)", "taiyaku_refuse(text)"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}")
