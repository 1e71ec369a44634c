#!/usr/bin/env bash
# The HTML report's test runs in a real browser: Debian's Chromium at /usr/bin/chromium.
# Installs it when missing and we may (root with apt-get, as on this project's machines and CI);
# otherwise says what to do.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser test (once)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  exit 0
fi
echo "The browser test needs Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
exit 1
