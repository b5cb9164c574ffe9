"""The command line's core: the parser, the command registry, errors and the store. Never imports Qt.

    taiyaku import FILE [--title T] [--db DB]
    taiyaku list [--db DB]
    taiyaku export ID [ID ...] [--format json|txt|md|html|docx|tmx|report] [options] [-o OUT] [--db DB]
        (no --format: from OUT's extension; ``-o report.csv`` is the change report as CSV)

Errors are one line on stderr (``taiyaku: error: ...``) with exit status 2,
never a traceback. To add a subcommand, write ``configure(parser)`` and
``run(args) -> int`` and call ``register_command`` in a module of
``cli/`` listed in ``COMMAND_MODULES`` (one module per command group); export formats come from ``model.export``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

import model
from model.errors import NotFound, TaiyakuError

PROG_NAME = "taiyaku"
# Modules that register further subcommands when imported (e.g. QA checks).
COMMAND_MODULES: tuple[str, ...] = (
    "cli.transcripts",
    "cli.qa",
    "cli.team",
    "cli.search",
    "cli.maintenance",
    "cli.audio",
    "cli.glossary",
    "cli.stats",
    "cli.tm",
    "cli.work",
    "cli.sync",
)
EXIT_ERROR = 2


# -- the parser --------------------------------------------------------------

class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2) like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{PROG_NAME}: error: {message} (see {self.prog} --help)\n")


@dataclass(frozen=True)
class Command:
    """A subcommand: how to set up its parser and how to run it."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str = ""


COMMANDS: dict[str, Command] = {}


def register_command(name: str, help: str, configure: Callable[[argparse.ArgumentParser], None],
                     run: Callable[[argparse.Namespace], int], description: str = "") -> None:
    """Add (or replace) subcommand ``name``."""
    COMMANDS[name] = Command(name, help, configure, run, description or help)


def _add_db_option(parser: argparse.ArgumentParser, *, top: bool, helped: bool = True) -> None:
    # A subcommand's --db must not reset one given before the subcommand: SUPPRESS its default.
    # ``helped=False``: a parser that never prints help (the window's) skips finding the default
    # path for the text (platformdirs' import, ~10 ms before the window's frame).
    default = _default_db_for_help() if helped else "the data folder's taiyaku.sqlite3"
    parser.add_argument(
        "--db", metavar="PATH|URL", type=db_argument, default=None if top else argparse.SUPPRESS,
        help=f"the database file, or a shared server's postgresql://USER@HOST[:PORT]/NAME "
             f"(default: $TAIYAKU_DB, else {default})",
    )


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """--db on a nested subcommand's parser (e.g. ``user add``), like every command has it."""
    _add_db_option(parser, top=False)


def _default_db_for_help() -> str:
    from model.paths import default_db_path

    return str(default_db_path()).replace("%", "%%")


WINDOW_USAGE = "%(prog)s [--db PATH] [--sample [NAME] | FILE]       (opens the window)\n" \
               "       %(prog)s [--db PATH] COMMAND [options]             (headless)"


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sample", nargs="?", const="", default=None, metavar="NAME",
                        help="open the window on a bundled sample transcript (imported on first use)")
    parser.add_argument("--quit-after-load", action="store_true",
                        help="quit as soon as the window shows the transcript (scripted checks)")


def load_commands() -> None:
    """Import the command modules (they register their commands; light: each imports its model lazily)."""
    for module in COMMAND_MODULES:
        importlib.import_module(module)


def build_parser(prog: str | None = None, configure: Collection[str] | None = None) -> ArgumentParser:
    """The whole command line: window options, then one parser per subcommand.

    ``configure``: the subcommands whose options are set up (default: all). A run needs only its
    own command's: setting up ``export`` alone imports every exporter (lxml, nh3, ...).
    """
    load_commands()
    parser = ArgumentParser(
        prog=prog,
        usage=WINDOW_USAGE,
        description="Taiyaku (対訳): correct bilingual English/Japanese transcripts, offline. "
                    "Without a command it opens the window (on FILE, imported first, if given).",
        epilog=f"Run '{prog or PROG_NAME} COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"Taiyaku {model.__version__}")
    _add_db_option(parser, top=True)
    _add_window_options(parser)
    # prog: else argparse builds the subcommands' prog from the custom usage text.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands (headless, no window)",
                                prog=parser.prog)
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.description)
        if configure is None or cmd.name in configure:
            cmd.configure(p)
        _add_db_option(p, top=False)
        p.set_defaults(handler=cmd.run)
    return parser


def build_window_parser(prog: str | None = None) -> ArgumentParser:
    """The window's own options (a FILE may stand where a command would)."""
    parser = ArgumentParser(prog=prog, usage=WINDOW_USAGE, add_help=False)
    _add_db_option(parser, top=True, helped=False)
    _add_window_options(parser)
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE")
    return parser


def _command_in(args: Sequence[str]) -> str | None:
    """The subcommand named in ``args`` (the first word that is not an option or its value)."""
    takes_value = {"--db"}
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "--":
            return None
        if arg in takes_value:
            skip = True
            continue
        if arg == "--sample" and i + 1 < len(args) and args[i + 1] not in COMMANDS:
            skip = not args[i + 1].startswith("-")  # its optional NAME
            continue
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


# -- running -------------------------------------------------------------------

WindowLauncher = Callable[[list[str], argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, window: WindowLauncher | None = None) -> int:
    """Parse ``argv`` and run its command, or ``window`` when there is none. Returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # answered before loading the database and export machinery
        print(f"Taiyaku {model.__version__}")
        return 0
    try:
        with user_errors():
            load_commands()
            command = _command_in(args_list)
            if command is None and not {"-h", "--help", "--version"} & set(args_list):
                options = build_window_parser(_prog()).parse_args(args_list)
                if options.file is not None and not options.file.exists():  # a typo, most likely
                    raise TaiyakuError(f"{str(options.file)!r} is neither a command ({', '.join(COMMANDS)}) "
                                       "nor a transcript file")
                if window is None:
                    return window_unavailable("the window is not available here", options)
                return window(args_list, options)
            args = build_parser(_prog(), {command} if command else set()).parse_args(args_list)
            return int(args.handler(args) or 0)
    except SystemExit as exc:  # --help, --version, usage errors, reported errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_ERROR)
    return EXIT_ERROR  # not reached


def _prog() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else PROG_NAME
    return name if name not in ("", "-c", "__main__.py") else PROG_NAME


def fail(message: str) -> None:
    """Print one error line on stderr (newlines folded)."""
    line = " ".join(str(message).split())
    print(f"{PROG_NAME}: error: {line}", file=sys.stderr)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every error a user can meet into one line on stderr (TAIYAKU_DEBUG=1: traceback)."""
    try:
        yield
    except TaiyakuError as exc:
        fail(str(exc) or type(exc).__name__)
    except BrokenPipeError:  # e.g. `taiyaku export 1 --format txt | head`
        _silence_stdout()
    except KeyboardInterrupt:
        print(f"{PROG_NAME}: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("TAIYAKU_DEBUG"):
            raise
        fail(describe_unexpected(exc))
    else:
        return
    raise SystemExit(EXIT_ERROR)


def describe_unexpected(exc: BaseException) -> str:
    """One line for an error outside the app's own (a system, encoding or database error)."""
    if isinstance(exc, OSError):
        what = f"{exc.filename}: " if exc.filename else ""
        return f"{what}{exc.strerror or exc}"
    if isinstance(exc, UnicodeError):
        return f"a text encoding problem: {exc}"
    if isinstance(exc, MemoryError):
        return "not enough memory"
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        from model.db import describe_db_error

        return describe_db_error(exc)
    return f"unexpected {type(exc).__name__}: {exc} (set TAIYAKU_DEBUG=1 to see where)"


def _silence_stdout() -> None:
    # Python flushes stdout at exit and would complain about the closed pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def text_out() -> IO[str]:
    """stdout, never failing on characters the terminal's encoding lacks."""
    stream = sys.stdout
    if hasattr(stream, "reconfigure") and (stream.errors or "strict") == "strict":
        with suppress(ValueError, OSError):
            stream.reconfigure(errors="replace")
    return stream


# -- the store -----------------------------------------------------------------

class ServerDb(str):
    """A server database's URL where a file path could stand: it always "exists"."""

    def exists(self) -> bool:
        """A server database is there to be asked (opening it says if it is not)."""
        return True


def db_argument(value: str) -> Path | ServerDb:
    """argparse type of --db: a server URL stays as written (a Path would fold its //)."""
    if "://" in value:
        return ServerDb(value)
    return Path(value).expanduser()


def db_path(args: argparse.Namespace) -> Path | ServerDb:
    """The database the user chose with --db, else $TAIYAKU_DB, else the default file."""
    from model.paths import default_db_path

    chosen = getattr(args, "db", None)
    if chosen is None and os.environ.get("TAIYAKU_DB", "").strip():
        chosen = db_argument(os.environ["TAIYAKU_DB"].strip())
    if isinstance(chosen, str) and not isinstance(chosen, ServerDb):
        chosen = db_argument(chosen)
    return chosen if chosen is not None else default_db_path()


def open_store(args: argparse.Namespace, *, create: bool) -> Any:
    """Open the chosen database; without ``create``, a missing file is an error, not a new database."""
    from model.store import Store

    path = db_path(args)
    if not create and not path.exists():
        raise NotFound(f"there is no database at {path} (import a transcript first)")
    return Store.open(path)


def transcript_rows(store: Any) -> list[tuple[int, str, int, int]]:
    """(id, title, turns, segments) of every transcript, in id order."""
    from model.readmodel import list_transcripts

    return [(t.id, t.title, t.turns, t.segments) for t in list_transcripts(store)]


def transcript_id(value: str) -> int:
    """argparse type of a transcript id: a positive whole number."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a transcript id is a number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"a transcript id is a positive number, not {value}")
    return number


# -- tables --------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def format_table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool]) -> list[str]:
    """Rows aligned in columns (numbers right, text left), aware of wide characters."""
    cells = [[str(c) for c in header]] + [[" ".join(str(c).split()) for c in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if numeric[i] else cell + pad)
        lines.append("  ".join(parts).rstrip())
    return lines



# -- the window's fallback -------------------------------------------------------

def window_unavailable(reason: str, args: argparse.Namespace, status: int = 0) -> int:
    """Say in one line why there is no window.

    With a FILE or ``--sample`` (which the window would import and show) nothing is done
    headless -- a refusal comes before any write, so running it again changes nothing either
    -- and the exit status is 2. Bare, the line is followed by the help.
    """
    file, sample = getattr(args, "file", None), getattr(args, "sample", None)
    if file is not None or sample is not None:
        hint = f"'{_prog()} import {file}'" if file is not None else f"'{_prog()} import FILE'"
        fail(f"{reason}; nothing was imported (without a window: {hint})")
        return EXIT_ERROR
    print(f"{PROG_NAME}: {reason}; the command line works without it:", file=sys.stderr)
    build_parser(_prog(), set()).print_help(text_out())
    return status
