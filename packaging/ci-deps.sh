#!/bin/sh
# System tools the packaging tests use: desktop-file-validate and appstreamcli.
# Called by .ci/run; safe to run again (installs only what is missing) and a
# no-op on systems without apt-get (the tests then skip with a reason).
set -eu
missing=""
command -v desktop-file-validate >/dev/null 2>&1 || missing="$missing desktop-file-utils"
command -v appstreamcli >/dev/null 2>&1 || missing="$missing appstream"
if [ -z "$missing" ]; then
    echo "ci-deps: desktop-file-utils and appstream already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci-deps: no apt-get here; missing:$missing (the metadata tests will skip)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
$SUDO apt-get install -y --no-install-recommends desktop-file-utils appstream \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends desktop-file-utils appstream; }
