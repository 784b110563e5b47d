#!/usr/bin/env bash
# The two commands a new machine needs:
#   ./run.sh serve   install what the bot needs and serve it on http://127.0.0.1:8000
#   ./run.sh test    install what the tests need and run lint, type check and the whole suite
set -euo pipefail
cd "$(dirname "$0")"

VENV="${KIRUNA_BOT_VENV:-.venv}"
PY="$VENV/bin/python"

need_python() {
  local cand
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$cand"; return
    fi
  done
  echo "Python 3.11 or newer is needed" >&2; exit 1
}

make_venv() {
  if [ ! -x "$PY" ]; then
    "$(need_python)" -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
  fi
}

pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@"; }

# What the tests need, installed once per pyproject.toml: pip takes seconds to find it all installed.
# The stamp names what was installed; a changed pyproject.toml or torch pin installs again (so does
# deleting $VENV/.test-install).
install_test_tools() {
  local torch="torch==2.13.0" stamp="$VENV/.test-install" want
  want="$(cat pyproject.toml; echo "$torch")"
  want="$(printf '%s' "$want" | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return; fi
  rm -f "$stamp"
  # torch first, pinned: 2.13.0 is a CPU build; an unpinned torch pulls a multi-GB CUDA build.
  pip_install "$torch"
  pip_install -e ".[dev,st]"
  echo "$want" >"$stamp"
}

case "${1:-}" in
  serve)
    shift
    make_venv
    pip_install -e .
    exec "$VENV/bin/kiruna-bot" serve "$@"
    ;;
  test)
    shift
    quick=""
    if [ "${1:-}" = "--quick" ]; then
      # the fast tier: fakes instead of the model, no server process, browser or PostgreSQL
      quick=1
      shift
    else
      # Debian's Chromium for the browser tests and a local PostgreSQL (loopback) for the storage tests.
      KIRUNA_BOT_TEST_DATABASE_URL="$(./scripts/test-services.sh | tail -n 1)"
      export KIRUNA_BOT_TEST_DATABASE_URL
    fi
    make_venv
    install_test_tools
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/hadolint" Dockerfile
    # pytest rewrites the test modules and its plugins' (~300) on every start unless it may cache them
    # in __pycache__ (gitignored): some environments forbid writing bytecode, costing each worker seconds.
    unset PYTHONDONTWRITEBYTECODE
    # The type check (one core; 2 s with its cache, ~40 s without) runs beside tests, its verdict counting
    # as before and its report following theirs: beside the fast tier in --quick, else beside the slow
    # tier, whose workers often wait on servers and browsers (the fast tier keeps both cores busy).
    typecheck="$(mktemp)"
    trap 'kill "${mypy_pid:-}" 2>/dev/null || true; rm -f "$typecheck"' EXIT
    start_typecheck() {
      "$VENV/bin/mypy" >"$typecheck" 2>&1 &
      mypy_pid=$!
    }
    # The fast tier (fakes, no process, browser or PostgreSQL) on both cores, a test file's tests on one
    # worker (its module fixtures are built once), the longest files first (tests/conftest.py).
    fast_tier=("$VENV/bin/pytest" -m "not slow" -n 2 --dist loadfile --no-loadscope-reorder "$@")
    if [ -n "$quick" ]; then
      start_typecheck
      tests=0
      "${fast_tier[@]}" || tests=$?
      types=0
      wait "$mypy_pid" || types=$?
      cat "$typecheck"
      if [ "$tests" -ne 0 ]; then exit "$tests"; fi
      exit "$types"
    fi
    "${fast_tier[@]}"
    # The slow tier on both cores too, a test file's tests on one worker (its servers start once; the
    # PostgreSQL tests take turns on their database).
    start_typecheck
    tests=0
    "$VENV/bin/pytest" -m "slow and not serial" -n 2 --dist loadfile --no-loadscope-reorder "$@" || tests=$?
    types=0
    wait "$mypy_pid" || types=$?
    cat "$typecheck"
    # Timing checks under load (a liveness probe under attack, a stalled provider, publishing across two
    # hosts) alone on the machine, as they would be in production: after the rest, one at a time.
    serial=0
    "$VENV/bin/pytest" -m "slow and serial" "$@" || serial=$?
    if [ "$tests" -ne 0 ]; then exit "$tests"; fi
    if [ "$serial" -ne 0 ]; then exit "$serial"; fi
    exit "$types"
    ;;
  *)
    echo "usage: ./run.sh serve [--host H] [--port P] | ./run.sh test [--quick] [pytest args]" >&2
    exit 2
    ;;
esac
