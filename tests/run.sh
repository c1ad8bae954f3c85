#!/bin/sh
# Run the whole suite: the unit tests of lib/, every tests/t/*.sh against
# the binary, and a lint of the manual pages.  Ends with one line
# "N passed, N failed" (the sum over everything).
unit=$1
bin=$2
top=$(cd "$(dirname "$0")/.." && pwd)
case $bin in /*) ;; *) bin=$top/$bin ;; esac
case $unit in /*) ;; *) unit=$top/$unit ;; esac
results=$(mktemp)
trap 'rm -f "$results"' EXIT
export PLAINT_BIN="$bin" TEST_RESULTS="$results" PLAINT_TOP="$top"

echo "unit tests ($unit)"
"$unit" | tee -a "$results" | tail -n 1 || true

for t in "$top"/tests/t/t*.sh; do
	[ -f "$t" ] || continue
	if [ -n "${T:-}" ]; then
		case $(basename "$t") in *$T*) ;; *) continue ;; esac
	fi
	sh "$t"
	tail -n 1 "$results"
done

if command -v mandoc >/dev/null 2>&1; then
	n=0; bad=0
	for page in "$top"/man/man?/*.[157]; do
		n=$((n + 1))
		if ! mandoc -T lint -W warning "$page" >/dev/null 2>&1; then
			mandoc -T lint -W warning "$page"
			bad=$((bad + 1))
		fi
	done
	echo "man lint: $((n - bad)) passed, $bad failed" | tee -a "$results"
else
	echo "man lint: skipped (mandoc is not installed)"
fi

awk '/[0-9]+ passed, [0-9]+ failed/ {
	for (i = 1; i <= NF; i++) {
		if ($(i + 1) ~ /^passed/) p += $i
		if ($(i + 1) ~ /^failed/) f += $i
	}
} END { printf "%d passed, %d failed\n", p, f; exit f > 0 }' "$results"
