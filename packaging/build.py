"""Build the self-contained Taiyaku application folder with PyInstaller.

    python packaging/build.py            -> dist/Taiyaku/ (run dist/Taiyaku/taiyaku)
    python packaging/build.py --clean    also empty PyInstaller's cache first

Needs the ``package`` extra (``pip install -e .[package]``). Compiles the Qt
translations (``resources/i18n/*.ts`` -> ``.qm``, into the work folder), runs
PyInstaller on ``packaging/taiyaku.spec``, checks that the result
starts (``--version``), and prints the folder size and build time. The last line
is machine-readable: ``build_s=... bundle_mb=... files=...``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "taiyaku.spec"


def say(message: str) -> None:
    """Progress on stderr (stdout keeps the summary)."""
    print(f"build: {message}", file=sys.stderr, flush=True)


def executable(dist: Path) -> Path:
    """The console program inside the built folder, per platform."""
    if sys.platform == "win32":
        return dist / "Taiyaku" / "taiyaku-cli.exe"
    if sys.platform == "darwin":
        return dist / "Taiyaku.app" / "Contents" / "MacOS" / "Taiyaku"
    return dist / "Taiyaku" / "taiyaku"


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under *folder*, not following symbolic links."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def compile_translations(work: Path) -> Path | None:
    """``pyside6-lrelease`` every resources/i18n/*.ts into *work*/i18n; returns that folder.

    Compiled into the work folder, never over the .qm files in resources/, so a
    build leaves the checkout untouched and the bundle matches the .ts sources.
    """
    sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    if not sources:
        return None
    path = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    lrelease = shutil.which("pyside6-lrelease", path=path)
    if lrelease is None:
        say("pyside6-lrelease is missing (it comes with PySide6): bundling the committed .qm files")
        return None
    out = work / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.qm"):  # a .ts removed since the last build must not linger
        old.unlink()
    for ts in sources:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)], check=True)
    say(f"compiled {len(sources)} translation(s)")
    return out


def build(dist: Path, work: Path, clean: bool, i18n: Path | None) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build: PyInstaller is not installed; run: pip install -e '.[package]'") from None
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    say("running PyInstaller (about 20-60 s)")
    env = dict(os.environ)
    if i18n is not None:
        env["TAIYAKU_I18N_BUILD"] = str(i18n)  # read by taiyaku.spec
    start = time.perf_counter()
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        raise SystemExit("build: PyInstaller failed (see above)")
    return time.perf_counter() - start


def smoke(program: Path) -> str:
    """Start the built program with --version; returns what it printed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(program), "--version"], capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"build: the built app does not start: {(result.stderr or result.stdout).strip()}")
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/Taiyaku with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--clean", action="store_true", help="clear PyInstaller's cache before building")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    seconds = build(args.dist.resolve(), work, args.clean, compile_translations(work))
    program = executable(args.dist.resolve())
    version = smoke(program)
    folder = program.parents[2] if sys.platform == "darwin" else program.parent
    size, files = folder_size(folder)
    print(f"{version}: {folder} is {size / 2**20:.1f} MiB in {files} files, built in {seconds:.1f} s")
    print(f"build_s={seconds:.1f} bundle_mb={size / 2**20:.1f} files={files}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
