#!/usr/bin/env bash
# Renders workbooks as an officer prints them: LibreOffice headless to PDF
# (A4, each sheet's own page setup), then one PNG per page to look at.
#   tests/print/render.sh WORKBOOK.xlsx... [-o DIR]   (default DIR: reports/print)
# Prints "file: N pages" per workbook. Needs soffice (LibreOffice) and
# pdftoppm (poppler-utils); touches no network.
set -euo pipefail
out=reports/print
files=()
while (($#)); do
  case $1 in
    -o) out=$2; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
((${#files[@]})) || { echo "usage: $0 WORKBOOK.xlsx... [-o DIR]" >&2; exit 2; }
command -v soffice > /dev/null || { echo "soffice (LibreOffice) not found" >&2; exit 2; }
command -v pdftoppm > /dev/null || { echo "pdftoppm (poppler-utils) not found" >&2; exit 2; }
mkdir -p "$out"
# A profile of its own: no clash with a running LibreOffice, no user settings.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for f in "${files[@]}"; do
  base=$(basename "${f%.*}")
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$f" > /dev/null 2>&1
  pdf="$out/$base.pdf"
  [[ -s $pdf ]] || { echo "$f: LibreOffice wrote no PDF" >&2; exit 1; }
  rm -f "$out/$base"-*.png
  pdftoppm -r 70 -png "$pdf" "$out/$base"
  pages=$(ls "$out/$base"-*.png | wc -l)
  echo "$f: $pages pages -> $out/$base-*.png"
done
