#!/usr/bin/env bash
# CI's print check: renders the sample's report, plan, issues and forms workbooks
# with LibreOffice (tests/print/render.sh) and checks what a reader of the
# printout would: page 1 is the document form without a page number, every
# later page is numbered, nothing prints "###" or a placeholder, and the page
# counts stay within bounds (a sheet that stops fitting the page's width, or
# rows that stop wrapping, moves them).
#   tests/print/check.sh            (needs soffice, pdftoppm, pdftotext)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v soffice > /dev/null || ! command -v pdftotext > /dev/null; then
  # CI machines start without LibreOffice; the fonts give Excel's metrics
  # (Carlito for Calibri column widths, Liberation for Times New Roman).
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito \
    fonts-liberation > /dev/null; }; then
    echo "print check SKIPPED: LibreOffice could not be installed here" >&2
    exit 0
  fi
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=${NHANLUC:-${CARGO_TARGET_DIR:-target}/debug/nhanluc}
[[ -x $bin ]] || cargo build --quiet --locked
"$bin" --quiet report --as-of 2013-12-31 -o "$out/report.xlsx" > /dev/null
"$bin" --quiet plan --as-of 2013-12-31 -o "$out/plan.xlsx" > /dev/null
"$bin" --quiet check --as-of 2013-12-31 --issues "$out/issues.xlsx" > /dev/null
"$bin" --quiet forms --as-of 2013-12-31 -o "$out/forms.xlsx" > /dev/null
# The movement (issue 14): the 2014 sample against the 2013 one, with one
# small form so the movement sheets are most of the workbook.
"$bin" --quiet forms examples/rosters-2014 --as-of 2014-12-31 --previous rosters --form BM01/BNV \
  -o "$out/movement.xlsx" > /dev/null
tests/print/render.sh "$out/report.xlsx" "$out/plan.xlsx" "$out/issues.xlsx" "$out/forms.xlsx" \
  "$out/movement.xlsx" -o "$out/print"
fail=0
bad() { echo "print check: $*" >&2; fail=1; }
check() { # name, min pages, max pages, is a document
  local name=$1 min=$2 max=$3 doc=$4 pdf="$out/print/$1.pdf"
  local pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  ((pages >= min && pages <= max)) || bad "$name: $pages pages, expected $min–$max"
  local text
  text=$(pdftotext -layout "$pdf" -)
  grep -q '###' <<< "$text" && bad "$name: a cell prints ###"
  grep -qi 'cần điền' <<< "$text" && bad "$name: placeholder text"
  for ((p = 1; p <= pages; p++)); do
    local page first
    page=$(pdftotext -layout -f "$p" -l "$p" "$pdf" -)
    first=$(awk 'NF {print $1; exit}' <<< "$page")
    if ((p == 1)) && [[ $doc == yes ]]; then
      [[ $first =~ ^[0-9]+$ ]] && bad "$name: page 1 shows a page number"
      for want in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "BÁO CÁO" "Số:" "Căn cứ"; do
        grep -q "$want" <<< "$page" || bad "$name: page 1 lacks \"$want\""
      done
    elif ! [[ $first =~ ^[0-9]+$ ]]; then
      bad "$name: page $p has no page number at the top (starts \"$first\")"
    fi
  done
  grep -q "Nơi nhận" <<< "$text" || [[ $doc != yes ]] || bad "$name: no \"Nơi nhận\""
  echo "$name: $pages pages checked"
}
check report 15 45 yes
check plan 18 50 yes
check issues 2 12 no
check forms 15 40 no
check movement 15 45 no
# The movement's own sheets: the table (its header repeated on every page)
# and the list of people who changed, each within bounds; the table's
# "Tổng số" row as the sample's ground truth has it.
movement_pages() { # marker
  local pdf="$out/print/movement.pdf" n=0 p pages text
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -layout -f "$p" -l "$p" "$pdf" - | tr -s ' \n' ' ')
    grep -q "$1" <<< "$text" && n=$((n + 1))
  done
  echo "$n"
}
# The table's notes and signatures print with its last rows: the table's
# last page (its header repeated) also holds a category row ("– Công chức").
last_table_page_has_rows() {
  local pdf="$out/print/movement.pdf" p pages text last=""
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -layout -f "$p" -l "$p" "$pdf" -)
    grep -q "Kiêm nhiệm mới" <<< "$text" && last=$text
  done
  grep -q "^ *– " <<< "$last"
}
last_table_page_has_rows || bad "movement table: its last page holds no row of the table"
# A parent prints on the page of its first unit: the page holding 27.1
# (UBND xã Dương Phong) also holds 27 (UBND huyện Bạch Thông).
parent_with_first_unit() {
  local pdf="$out/print/movement.pdf" p pages text
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -layout -f "$p" -l "$p" "$pdf" -)
    if grep -q "^ *27\.1 " <<< "$text"; then
      grep -q "^ *27 .*Bạch Thông" <<< "$text"
      return
    fi
  done
  return 1
}
parent_with_first_unit || bad "movement table: a parent row prints apart from its first unit"
table=$(movement_pages "Kiêm nhiệm mới")
list=$(movement_pages "Ghép hai năm theo")
((table >= 5 && table <= 10)) || bad "movement table: $table pages, expected 5–10"
((list >= 1 && list <= 4)) || bad "movement list: $list pages, expected 1–4"
text=$(pdftotext -layout "$out/print/movement.pdf" - | tr -s ' ')
grep -q "Tổng số 301 7 5 1 1 0 9 5 1 2 1 0 299" <<< "$text" ||
  bad "movement table: no \"Tổng số 301 … 299\" row"
echo "movement sheets: table $table pages, list $list pages checked"
exit $fail
