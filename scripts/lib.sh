# Shared by scripts/build and scripts/test: make sure .venv exists and has newskg installed.
# A fresh Debian machine may lack the venv module (package python3-venv); as root we install it.
ensure_venv() {
  local extras="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing python3-venv (Debian package) ..." >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv .venv
      else
        echo "error: python3 cannot create a virtual environment; install python3-venv first" >&2
        exit 1
      fi
    fi
  fi
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  local log
  log=$(mktemp)
  if ! .venv/bin/python -m pip install -q -e ".${extras}" >"$log" 2>&1; then
    cat "$log" >&2
    echo "error: installing newskg failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
  .venv/bin/python -c "import newskg" || { echo "error: newskg did not install" >&2; exit 1; }
}

# Debian's chromium for the browser tests (Playwright drives it; no browser download).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium (Debian package) for the browser tests ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || echo "warning: could not install chromium; the browser tests will be skipped" >&2
  else
    echo "warning: /usr/bin/chromium missing and not root: the browser tests will be skipped" >&2
  fi
}
