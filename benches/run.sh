#!/usr/bin/env bash
# Benchmarks on generated rosters, release build: wall time and peak memory.
#   benches/run.sh [ROWS_CSV] [ROWS_XLSX]
# Needs GNU time (/usr/bin/time). Set CARGO_TARGET_DIR to reuse a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
rows_csv=${1:-1000000}
rows_xlsx=${2:-100000}
work=${BENCH_DIR:-$(mktemp -d)}
# Generated files carry the generator's version (v2: province công chức and
# Party bodies besides the communes; v3: names as varied as a real roster's),
# so a cached older roster is not reused.
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/nhanluc
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; exit 1; }
  read -r wall kb < "$work/time"
  last_wall=$wall
  printf '%-44s %8.2f s %8.0f MB\n' "$label" "$wall" "$((kb / 1024))"
}
[[ -f $work/roster-v3-$rows_csv.csv && -f $work/catalogue-5000.csv ]] ||
  "$bin" generate --rows "$rows_csv" -o "$work/roster-v3-$rows_csv.csv" --catalogue "$work/catalogue-5000.csv" > /dev/null
[[ -f $work/roster-v3-$rows_xlsx.xlsx ]] || "$bin" generate --rows "$rows_xlsx" -o "$work/roster-v3-$rows_xlsx.xlsx" > /dev/null
echo "data in $work"
measure "check, $rows_csv-row CSV" "$bin" --quiet check --as-of 2026-01-01 "$work/roster-v3-$rows_csv.csv"
measure "check, $rows_xlsx-row xlsx (government layout)" "$bin" --quiet check --as-of 2026-01-01 "$work/roster-v3-$rows_xlsx.xlsx"
measure "report (Bắc Kạn policy), $rows_csv-row CSV" "$bin" --quiet report --as-of 2026-01-01 -o "$work/r.xlsx" "$work/roster-v3-$rows_csv.csv"
ours=$last_wall
# The same two targets per commune, with shortfalls and the people below, in
# pandas + XlsxWriter (pip install pandas pyarrow xlsxwriter): the figure a
# user would compare with.
if python3 -c "import pandas, pyarrow, xlsxwriter" 2> /dev/null; then
  measure "pandas reference (benches/pandas_report.py)" python3 benches/pandas_report.py "$work/roster-v3-$rows_csv.csv" "$work/pandas.xlsx"
  awk -v a="$ours" -v b="$last_wall" 'BEGIN { printf "%-44s %8.2f× (pandas wall / nhanluc report wall)\n", "ratio", b / a }'
else
  echo "pandas reference skipped: pip install pandas pyarrow xlsxwriter"
fi
measure "report (Law 80), no catalogue" "$bin" --quiet report --policy policies/luat-80-2025.toml --as-of 2026-01-01 -o "$work/r.xlsx" "$work/roster-v3-$rows_csv.csv"
measure "report (Law 80), 5,000-row catalogue" "$bin" --quiet report --policy policies/luat-80-2025.toml --positions "$work/catalogue-5000.csv" --as-of 2026-01-01 -o "$work/r.xlsx" "$work/roster-v3-$rows_csv.csv"
measure "plan (benches/plan-2030.toml), $rows_csv-row CSV" "$bin" --quiet plan --policy benches/plan-2030.toml --as-of 2026-01-01 -o "$work/p.xlsx" "$work/roster-v3-$rows_csv.csv"
measure "report, $rows_xlsx-row xlsx" "$bin" --quiet report --as-of 2026-01-01 -o "$work/r2.xlsx" "$work/roster-v3-$rows_xlsx.xlsx"
measure "forms (all shipped forms), $rows_csv-row CSV" "$bin" --quiet forms --as-of 2026-01-01 -o "$work/f.xlsx" "$work/roster-v3-$rows_csv.csv"
# Where the time goes: the stages of report and forms (--timings, stderr).
for cmd in report forms; do
  echo "--timings: $cmd, $rows_csv-row CSV"
  "$bin" --quiet "$cmd" --as-of 2026-01-01 -o "$work/t.xlsx" "$work/roster-v3-$rows_csv.csv" --timings 2>&1 > /dev/null |
    sed -n '/^timings:/,$p' | tail -n +2
done
