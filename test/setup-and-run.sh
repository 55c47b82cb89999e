#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: the system tools the tests drive (LibreOffice to convert
# the Word files, poppler, Debian's Chromium for the browser tests), the npm packages, then npm test.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "Missing system packages: ${need[*]} (install them with apt-get, then run this again)." >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

npm ci
npm test
