#!/bin/sh
# run.sh DIR SECONDS TARGET... - run each libFuzzer target DIR/fuzz-T for
# SECONDS on a working copy of its corpus (tests/fuzz/corpus/T is only
# read), and print what it did.  Exits 1 when a target found a crash;
# the input is in DIR/crashes/T/.  Used by make fuzz.
set -u
dir=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
failed=0
for t; do
	mkdir -p "$dir/corpus/$t" "$dir/crashes/$t"
	dict=
	[ -f "$top/tests/fuzz/$t.dict" ] && dict=-dict=$top/tests/fuzz/$t.dict
	# The packs seed the policy loader.
	seeds=$top/tests/fuzz/corpus/$t
	[ "$t" = policy ] && seeds="$seeds $top/data/policies"
	echo "fuzz $t: $secs s"
	"$dir/fuzz-$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 $dict -artifact_prefix="$dir/crashes/$t/" \
	    "$dir/corpus/$t" $seeds \
	    >"$dir/fuzz-$t.log" 2>&1
	rc=$?
	grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::peak_rss_mb' \
	    "$dir/fuzz-$t.log" | sed "s/^/  /"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz $t: FAILED (exit $rc), see $dir/fuzz-$t.log:"
		grep -E 'ERROR|property does not hold|SUMMARY' "$dir/fuzz-$t.log" |
		    head -5 | sed "s/^/  /"
		failed=1
	fi
done
exit $failed
