#!/bin/sh
# A mixed soak (RELIABILITY T6), short: for SOAK_SECONDS (default 20;
# `make torture` runs 600) three writers note and one assigns on random
# complaints, cron's remind -e runs every 2 s, and an import of 500
# records runs beside them.  Afterwards every acknowledged note is in
# its complaint exactly once, every exit status is one a waiting writer
# may give (0, or 75 after the 30 s bound; 65 for a record that has
# reached the reader's limits, said so), the import filed each record
# once, and check finds every file whole with its history numbered 1, 2,
# 3… with no gap.
. "$PLAINT_TOP/tests/test-lib.sh"

SECONDS_=${SOAK_SECONDS:-20}
export PLAINT_LOCK_TIMEOUT=30

test_setup 'a tree with 20 complaints and 500 records to import' '
	make_tree tree &&
	i=0 &&
	while [ $i -lt 20 ]; do
		i=$((i + 1)) &&
		plaint -C tree log subject="第${i}号" >/dev/null || return 1
	done &&
	i=0 && : >recs.jsonl &&
	while [ $i -lt 500 ]; do
		printf "{\"subject\": \"批量%d\", \"source_ref\": \"soak-%d\"}\n" $i $i >>recs.jsonl &&
		i=$((i + 1)) || return 1
	done
'

# The load: each worker appends "what rc" lines to its own file.
cat >load.sh <<\EOF
end=$(($(date +%s) + $1))
rnd=$2
next() { rnd=$(( (rnd * 1103515245 + 12345) % 2147483648 )); }
id() { next; printf "2611-%04d" $((rnd / 65536 % 20 + 1)); }
noter() {
	k=0
	while [ "$(date +%s)" -lt "$end" ]; do
		k=$((k + 1)) && i=$(id)
		"$PLAINT_BIN" -C tree note "$i" -m "w$1-$k" 2>>err.$1
		echo "$i w$1-$k $?" >>ack.$1	# status recorded
	done
}
assigner() {
	k=0
	while [ "$(date +%s)" -lt "$end" ]; do
		k=$((k + 1)) && i=$(id)
		"$PLAINT_BIN" -C tree assign "$i" "李$k" 2>>err.a
		echo "$i $?" >>ack.a	# status recorded
	done
}
cron() {
	while [ "$(date +%s)" -lt "$end" ]; do
		"$PLAINT_BIN" -C tree -q remind -e >/dev/null 2>>err.c
		echo "$?" >>ack.c	# status recorded
		sleep 2
	done
}
noter 1 & noter 2 & noter 3 & assigner & cron &
"$PLAINT_BIN" -C tree -q import recs.jsonl 2>err.i
echo "$?" >ack.i	# status recorded
wait
EOF

test_expect_success PYTHON3 "$SECONDS_ s of notes, assigns, remind -e and an import" '
	sh load.sh "$SECONDS_" 12345 &&
	cat ack.1 ack.2 ack.3 ack.a ack.c ack.i >acks &&
	awk "{ print \$NF }" acks | sort | uniq -c >statuses &&
	test "$(cat ack.i)" = 0 &&
	test "$(wc -l <ack.1)" -gt 3 &&
	plaint -C tree export >all.jsonl &&
	python3 -c "
import json, sys
notes, refs = {}, {}
for line in open(\"all.jsonl\"):
    r = json.loads(line)
    refs[r.get(\"source_ref\")] = refs.get(r.get(\"source_ref\"), 0) + 1
    for ev in r[\"history\"]:
        if ev[\"action\"] == \"note\":
            notes[(r[\"id\"], ev[\"note\"])] = notes.get((r[\"id\"], ev[\"note\"]), 0) + 1
bad = 0
# 0; 75 after the lock wait; 65 only for a record full to the limits
# the reader keeps (a long soak fills one), each said so on stderr.
full = sum(1 for f in (\"err.1\", \"err.2\", \"err.3\", \"err.a\")
           for l in open(f)
           if \"values in one record\" in l or \"larger than 1 MiB\" in l)
codes = [l.split()[-1] for f in (\"ack.1\", \"ack.2\", \"ack.3\", \"ack.a\",
         \"ack.c\") for l in open(f)]
for c in set(codes) - {\"0\", \"75\", \"65\"}:
    print(\"exit\", c, codes.count(c), \"times\"); bad += 1
if codes.count(\"65\") != full:
    print(codes.count(\"65\"), \"refused with 65,\", full, \"for a full record\"); bad += 1
for f in (\"ack.1\", \"ack.2\", \"ack.3\"):
    for line in open(f):
        i, w, rc = line.split()
        if rc == \"0\" and notes.get((i, w)) != 1:
            print(\"lost or doubled:\", i, w, notes.get((i, w))); bad += 1
for k in range(500):
    if refs.get(\"soak-%d\" % k) != 1:
        print(\"soak-%d filed\" % k, refs.get(\"soak-%d\" % k)); bad += 1
sys.exit(bad > 0)
" &&
	plaint -C tree check &&
	find tree -name ".tmp-*" >tmps && test_cmp /dev/null tmps
'

test_done
