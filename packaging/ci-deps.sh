#!/bin/sh
# System packages the test suite uses, installed when missing (safe to run again):
#   desktop-file-utils, appstream   packaging metadata checks
#   espeak-ng, sox                  test recordings for the listening features
#   pulseaudio, pulseaudio-utils    a private null sink: audio_bench's seek-to-audible latency
#   postgresql                      a throwaway server for the team (PostgreSQL) tests
#   libegl1 libgl1 ...              what Qt's offscreen platform loads on a minimal Debian
# Called by .ci/run; a no-op on systems without apt-get (the tests that need a tool skip there,
# except in CI, where the tests that need PostgreSQL fail instead).
set -eu
need=""
have() { command -v "$1" >/dev/null 2>&1; }
pkg_missing() { ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
have desktop-file-validate || need="$need desktop-file-utils"
have appstreamcli || need="$need appstream"
have espeak-ng || need="$need espeak-ng"
have sox || need="$need sox"
have pulseaudio || need="$need pulseaudio"
have parec || need="$need pulseaudio-utils"
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
if have dpkg-query; then
    for p in libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3; do
        pkg_missing "$p" && need="$need $p"
    done
fi
if [ -z "$need" ]; then
    echo "ci-deps: every system package is installed"
    exit 0
fi
if ! have apt-get; then
    echo "ci-deps: no apt-get here; missing:$need (the tests that need them will skip)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && have sudo && SUDO="sudo"
echo "ci-deps: installing$need"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $need \
    || { $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $need; }
