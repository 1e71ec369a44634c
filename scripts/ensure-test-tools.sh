#!/usr/bin/env bash
# Tools some tests run as a user would: Debian's Chromium (the HTML report's test renders the
# page in a real browser, and prints reports to PDF), poppler's pdftotext (the extractor reads
# what pdftotext makes of a report's PDF, with and without -layout), MuPDF's mutool (the text
# PyMuPDF's get_text gives of a PDF), LibreOffice Writer (a
# word processor exports reports to PDF, as the published ones are made) and tesseract (a
# scanned report OCR'd, as ocrmypdf does it). Installs what is
# missing when we may (root with apt-get, as on this project's machines and CI); otherwise says
# what to do.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
writer=()
[ -x /usr/bin/soffice ] || writer+=(libreoffice-writer-nogui fonts-liberation)
if [ ${#missing[@]} -eq 0 ] && [ ${#writer[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} ${writer[*]} for the tests (once)..." >&2
  apt-get update -qq >&2
  export DEBIAN_FRONTEND=noninteractive
  if [ ${#missing[@]} -gt 0 ]; then apt-get install -y -qq "${missing[@]}" >&2; fi
  # Writer alone, without the suite's recommended extras (Java, the other programs).
  if [ ${#writer[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${writer[@]}" >&2; fi
  exit 0
fi
echo "The tests need ${missing[*]} ${writer[*]}: run 'sudo apt-get install ${missing[*]} ${writer[*]}'." >&2
exit 1
