#!/bin/sh
# Run the whole suite: the unit tests of lib/ and every tests/t/*.sh
# against the binary.  Ends with one line "N passed, N failed" (and
# ", N skipped" when a prerequisite was missing), the sum over all.
#
# A file counts only by what it reports: its last line must be its
# summary ("NAME: N passed, N failed") and its exit status must agree
# with it.  A unit binary or test file that crashes, is killed, exits
# early or fails after its summary is one more failure, named here with
# its exit status; so is one that ran nothing.  T=pattern runs the test
# files whose names contain pattern (and the unit tests when it matches
# "unit"; U=suite runs one unit suite).
unit=$1
bin=$2
top=$(cd "$(dirname "$0")/.." && pwd)
case $bin in /*) ;; *) bin=$top/$bin ;; esac
case $unit in /*) ;; *) unit=$top/$unit ;; esac
# The fuzz corpus drivers (make check sets PLAINT_FUZZ; t0760).
case ${PLAINT_FUZZ:-/} in /*) ;; *) PLAINT_FUZZ=$top/$PLAINT_FUZZ ;; esac
export PLAINT_FUZZ
results=$(mktemp)
out=$(mktemp)
trap 'rm -f "$results" "$out"' EXIT
export PLAINT_BIN="$bin" PLAINT_TOP="$top"
# A sanitizer's report must not pass for a refusal (exit 1).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=125"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=125:print_stacktrace=1"

# status_text RC: how a process with exit status RC ended.
status_text() {
	if [ "$1" -gt 128 ] && [ "$1" -lt 160 ]; then
		echo "killed by signal $(($1 - 128))"
	else
		echo "exit status $1"
	fi
}

# run_one NAME CMD...: run CMD, show what failed and its summary, and
# add one line to the results: "NAME: P passed, F failed[, S skipped]".
run_one() {
	name=$1
	shift
	"$@" >"$out" 2>&1 </dev/null
	rc=$?
	grep -v "^$name: [0-9]* passed, [0-9]* failed" "$out"
	last=$(tail -n 1 "$out")
	if ! printf '%s\n' "$last" |
	    grep -q "^$name: [0-9]* passed, [0-9]* failed\(, [0-9]* skipped\)\{0,1\}$"; then
		echo "not ok $name - ended without its summary line ($(status_text $rc))"
		echo "$name: 0 passed, 1 failed" >>"$results"
	else
		echo "$last"
		echo "$last" >>"$results"
		failed=$(echo "$last" | sed 's/.* \([0-9]*\) failed.*/\1/')
		total=$(echo "$last" | awk '{ n = 0; for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) n += $i; print n }')
		if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
			echo "not ok $name - reported no failure but ended with $(status_text $rc)"
			echo "$name: 0 passed, 1 failed" >>"$results"
		elif [ "$rc" = 0 ] && [ "$failed" != 0 ]; then
			echo "not ok $name - reported failures but ended with exit status 0"
			echo "$name: 0 passed, 1 failed" >>"$results"
		elif [ "$total" = 0 ]; then
			echo "not ok $name - ran no test"
			echo "$name: 0 passed, 1 failed" >>"$results"
		fi
	fi
}

if [ -z "${T:-}" ] || case unit in *"$T"*) true ;; *) false ;; esac; then
	run_one unit "$unit" ${U:-}
fi

for t in "$top"/tests/t/t*.sh; do
	[ -f "$t" ] || continue
	if [ -n "${T:-}" ]; then
		case $(basename "$t") in *$T*) ;; *) continue ;; esac
	fi
	run_one "$(basename "$t" .sh)" sh "$t"
done

awk '{
	for (i = 1; i <= NF; i++) {
		if ($(i + 1) ~ /^passed/) p += $i
		if ($(i + 1) ~ /^failed/) f += $i
		if ($(i + 1) ~ /^skipped/) s += $i
	}
	n++
} END {
	if (n == 0) { print "0 passed, 1 failed (nothing ran)"; exit 1 }
	if (s > 0)
		printf "%d passed, %d failed, %d skipped\n", p, f, s
	else
		printf "%d passed, %d failed\n", p, f
	exit f > 0
}' "$results"
