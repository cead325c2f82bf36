#!/usr/bin/env bash
# Set up hocvuso in .venv/ (idempotent).  With --test, also the test tools and
# Debian's chromium for the real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=false
[[ "${1:-}" == "--test" ]] && want_tests=true

if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
fi
extras=""
$want_tests && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"

if $want_tests && [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing Debian's chromium for the browser tests…" >&2
    sudo_cmd=""
    [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
