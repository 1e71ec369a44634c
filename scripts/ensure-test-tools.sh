#!/usr/bin/env bash
# Tools some tests run as a user would: Debian's Chromium (the HTML report's test renders the
# page in a real browser) and poppler's pdftotext (the extractor reads what pdftotext makes of
# a report's PDF, with and without -layout). Installs what is missing when we may (root with
# apt-get, as on this project's machines and CI); otherwise says what to do.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the tests (once)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  exit 0
fi
echo "The tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}'." >&2
exit 1
