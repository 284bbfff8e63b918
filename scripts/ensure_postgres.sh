#!/usr/bin/env bash
# Make sure the PostgreSQL server the storage tests use is reachable (VANTHU_TEST_PG, default
# postgres@127.0.0.1:5432 with trust auth): start the local cluster if it is down, install
# PostgreSQL from Debian if it is missing. Fails loudly when it still cannot connect.
set -euo pipefail
url="${VANTHU_TEST_PG:-postgresql://postgres@127.0.0.1:5432/postgres}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
reachable() { psql "$url" -Atqc "select 1" >/dev/null 2>&1; }
reachable && exit 0
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
for version in $(ls /etc/postgresql 2>/dev/null); do
  $sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
done
for _ in $(seq 1 30); do reachable && exit 0; sleep 1; done
# A fresh Debian cluster asks for a password on TCP: allow the local trust the tests expect.
for hba in /etc/postgresql/*/main/pg_hba.conf; do
  [ -f "$hba" ] || continue
  if ! grep -q "vanthu-tests" "$hba"; then
    printf '# vanthu-tests\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' \
      | $sudo tee /tmp/vanthu-hba >/dev/null
    $sudo sh -c "cat '$hba' >> /tmp/vanthu-hba && cp /tmp/vanthu-hba '$hba'"
    version=$(basename "$(dirname "$(dirname "$hba")")")
    $sudo pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  fi
done
for _ in $(seq 1 10); do reachable && exit 0; sleep 1; done
echo "PostgreSQL is not reachable at $url: the storage tests need a real server" >&2
exit 1
