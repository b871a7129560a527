#!/usr/bin/env bash
# Installs exactly what reunite needs to build and test, from Debian packages
# and, for the web UI, the npm packages pinned in web/package-lock.json.
# Idempotent: when everything is present it only checks, in well under a second.
set -euo pipefail

DEBIAN_PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache clang clang-format clang-tidy
  # libFuzzer and the sanitizer runtimes for clang (scripts/build.sh fuzz)
  libclang-rt-14-dev
  # libraries
  libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libsqlite3-dev libpq-dev libpqxx-dev libsodium-dev
  libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev libsimdjson-dev
  libxxhash-dev libxlsxwriter-dev zlib1g-dev libcpp-httplib-dev libtomlplusplus-dev
  # tests: JSON Schema validation of API replies against api/openapi.json; TLS certificates
  libvalijson-dev openssl
  # servers the tests start (scripts/pg.sh)
  postgresql
  # the web UI's browser tests: Debian's Chromium, driven by playwright-core
  # (npm never downloads a browser), and a font for stable screenshots
  chromium fonts-dejavu-core
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

# The web UI (web/, docs/web.md): Vite 8 needs Node.js >= 20.19. The machine
# image ships Node.js 20 (Debian 12's own nodejs is 18, too old).
if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "setup: web/ needs Node.js >= 20.19 and npm (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# npm ci when node_modules is missing or was installed from another lock file.
cd "$(dirname "$0")/../web"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.reunite-lock-hash ] || [ "$(cat node_modules/.reunite-lock-hash)" != "$lock_hash" ]; then
  echo "setup: npm ci in web/" >&2
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_hash" > node_modules/.reunite-lock-hash
fi
