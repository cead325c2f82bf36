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

# System packages: chromium for the browser tests; Pango and a Vietnamese-capable font
# for WeasyPrint's handouts (python build.py handouts).
missing=()
$want_tests && [[ ! -x /usr/bin/chromium ]] && missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} )); then
    if [[ "$(id -u)" == 0 ]] || command -v sudo >/dev/null; then
        echo "Installing Debian packages: ${missing[*]}…" >&2
        sudo_cmd=""
        [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing Debian packages (install them as root): ${missing[*]}" >&2
        $want_tests && exit 1
    fi
fi
