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
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$tmp"/run*' EXIT

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

# Fresh ground: ext4 without a journal (as here) scans the inodes freed
# in the last dirty_expire_centisecs (30 s) at each inode allocation, so
# whatever runs within 30 s of a large delete is slowed.  Nothing is
# deleted between runs (each writes a new folder; all go at the end),
# and the first run waits out any delete that came before.
settle() {
	sync
	sleep "${SETTLE:-31}"
}
rm -rf "$tmp"/run*
settle
ratios=
i=1
while [ "$i" -le "$rounds" ]; do
	sync
	floor=$("$tmp/tools/writeall" -m syncfs -n "$count" "$tmp/run$i-floor" |
		awk '{ for (k = 1; k < NF; k++) if ($k == "files_per_s") print $(k + 1) }')
	tree=$tmp/run$i-tree
	"$plaint" -q init "$tree" >/dev/null
	# The generator's categories include one the default pack lacks.
	sed -i 's/^categories:$/categories:\n  outage: { label: "停电" }/' \
		"$tree/plaint.yaml"
	sync
	t0=$(now)
	"$plaint" -q -C "$tree" -u bench -N 2027-01-01T00:00:00+08:00 \
		import "$recs"
	t1=$(now)
	n=$(find "$tree" -name '*.yaml' ! -name plaint.yaml | wc -l)
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
