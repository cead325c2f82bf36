#!/usr/bin/env bash
# Set up hocvuso in .venv/ (idempotent).  With --test, also the test tools, Debian's
# chromium for the real-browser tests, and axe-core from npm for the accessibility tests.
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

# System packages: chromium for the browser tests and npm to fetch axe-core; Pango and a
# Vietnamese-capable font for WeasyPrint's handouts (python build.py handouts).
missing=()
$want_tests && [[ ! -x /usr/bin/chromium ]] && missing+=(chromium)
$want_tests && ! command -v npm >/dev/null && missing+=(nodejs npm)
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

# axe-core, the accessibility rules the browser tests run in each page
# (tests/test_accessibility.py looks for it here, inside the git-ignored .venv/).
if $want_tests && [[ ! -f .venv/npm/node_modules/axe-core/axe.min.js ]]; then
    echo "Installing axe-core from npm…" >&2
    npm install --prefix .venv/npm --no-audit --no-fund --loglevel=error "axe-core@4"
fi
