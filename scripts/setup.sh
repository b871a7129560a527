#!/usr/bin/env bash
# Installs exactly what reunite needs to build and test, from Debian packages
# (and, once the web UI exists, npm). Idempotent: when everything is present
# it only checks, in well under a second.
set -euo pipefail

DEBIAN_PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache clang clang-format clang-tidy
  # libraries
  libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libsqlite3-dev libpq-dev libpqxx-dev libsodium-dev
  libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev libsimdjson-dev
  libxxhash-dev libxlsxwriter-dev zlib1g-dev libcpp-httplib-dev libtomlplusplus-dev
  # tests: JSON Schema validation of API replies against api/openapi.json; TLS certificates
  libvalijson-dev openssl
  # servers the tests start (scripts/pg.sh)
  postgresql
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
