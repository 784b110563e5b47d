#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond Python: Debian's Chromium (browser tests)
# and a local PostgreSQL on loopback (storage tests). Idempotent; needs root for apt-get.
# Prints the PostgreSQL URL for the storage tests on its last line. KIRUNA_BOT_TEST_DB names the
# database (default kiruna_test), so two checkouts can run their suites side by side.
set -euo pipefail
db="${KIRUNA_BOT_TEST_DB:-kiruna_test}"
case "$db" in *[!a-z0-9_]*|"") echo "KIRUNA_BOT_TEST_DB must be lower-case letters, digits or _" >&2; exit 2;; esac

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing ${need[*]}: install them (Debian packages) or run as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
# loopback only
conf_dir="/etc/postgresql/$version/main/conf.d"
if [ -d "$conf_dir" ] && [ ! -f "$conf_dir/kiruna-loopback.conf" ]; then
  echo "listen_addresses = '127.0.0.1'" > "$conf_dir/kiruna-loopback.conf"
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -q && break
  sleep 1
done

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='kiruna'\" | grep -q 1 || psql -qc \"CREATE ROLE kiruna LOGIN PASSWORD 'kiruna'\"" >&2
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$db'\" | grep -q 1 || createdb -O kiruna $db" >&2
echo "postgresql+psycopg://kiruna:kiruna@127.0.0.1:5432/$db"
