#!/bin/sh
# bench-import.sh - how fast 'plaint import' files records, against the
# write floor of ../shared/bench (writeall -m syncfs: write + rename per
# file, one syncfs at the end).  Not part of 'make check'.
#
#	tools/bench-import.sh [-n COUNT] [-r ROUNDS] [PLAINT]
#
# The records are gen-complaints' JSON Lines (full state: status,
# history, resolution...), each given a unique source_ref.  The floor
# and the import run alternately, ROUNDS times (the disk here is noisy),
# each on a fresh folder after a sync; the figure is the median ratio.
# PLAINT_IMPORT_SYNC=each measures the per-file fsync mode instead.
# Needs python3, make and cc; data and tools go to $BENCH_TMP
# (default /tmp/plaint-bench-import), removed at the end unless KEEP=1.
set -eu
count=100000
rounds=3
while getopts n:r: opt; do
	case $opt in
	n) count=$OPTARG ;;
	r) rounds=$OPTARG ;;
	*) echo "usage: bench-import.sh [-n count] [-r rounds] [plaint]" >&2
	   exit 64 ;;
	esac
done
shift $((OPTIND - 1))
top=$(cd "$(dirname "$0")/.." && pwd)
plaint=${1:-$top/plaint}
case $plaint in /*) ;; *) plaint=$PWD/$plaint ;; esac
shared=${SHARED:-$top/../shared}
[ -d "$shared/bench" ] || shared=/work/shared
tmp=${BENCH_TMP:-/tmp/plaint-bench-import}
mkdir -p "$tmp"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$tmp/floor" "$tmp/tree"' EXIT

make -s -C "$shared/bench" OUT="$tmp/tools" "$tmp/tools/writeall" >/dev/null
recs=$tmp/recs-$count.jsonl
if [ ! -s "$recs" ]; then
	python3 "$shared/bench/gen-complaints" --count "$count" --seed 1 \
		--format jsonl | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    r = json.loads(line)
    r["source_ref"] = "bench-%07d" % i
    sys.stdout.write(json.dumps(r, ensure_ascii=False,
                                separators=(",", ":")) + "\n")
' >"$recs.tmp"
	mv "$recs.tmp" "$recs"
fi

now() { date +%s.%N; }

# Fresh ground for the next measurement: what the last one wrote is
# removed and synced, then we wait out ext4's "recently deleted" window
# (5-10 s, checked at each inode allocation on a file system without a
# journal, as here), which otherwise slows whichever run comes second.
settle() {
	rm -rf "$tmp/floor" "$tmp/tree"
	sync
	sleep "${SETTLE:-11}"
}

ratios=
i=1
while [ "$i" -le "$rounds" ]; do
	settle
	floor=$("$tmp/tools/writeall" -m syncfs -n "$count" "$tmp/floor" |
		awk '{ for (k = 1; k < NF; k++) if ($k == "files_per_s") print $(k + 1) }')
	settle
	"$plaint" -q init "$tmp/tree" >/dev/null
	# The generator's categories include one the default pack lacks.
	sed -i 's/^categories:$/categories:\n  outage: { label: "停电" }/' \
		"$tmp/tree/plaint.yaml"
	t0=$(now)
	"$plaint" -q -C "$tmp/tree" -u bench -N 2027-01-01T00:00:00+08:00 \
		import "$recs"
	t1=$(now)
	n=$(find "$tmp/tree" -name '*.yaml' ! -name plaint.yaml | wc -l)
	[ "$n" = "$count" ] || { echo "imported $n of $count" >&2; exit 1; }
	rate=$(echo "$t0 $t1 $count" | awk '{ printf "%.0f", $3 / ($2 - $1) }')
	ratio=$(echo "$rate $floor" | awk '{ printf "%.2f", $1 / $2 }')
	printf 'round %d: import %s records/s (%s s), floor %s files/s, ratio %s\n' \
		"$i" "$rate" "$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')" \
		"$floor" "$ratio"
	ratios="$ratios $ratio"
	i=$((i + 1))
done
echo "$ratios" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '
	{ v[NR] = $1 }
	END { printf "import of %s records: median ratio to the write floor %.2f (target 0.50)\n",
	      "'"$count"'", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
