#!/bin/sh
# Concurrency (RELIABILITY.md T3, T4): many plaint processes at once
# lose no update and never hand out one id twice.  fsync stays on (no
# eatmydata); the counts are smaller than T3/T4's so that the file runs
# in well under a minute on 2 cores: 8 x 200 log in one month, 8 x 100
# log over two months, 4 x 100 note on one complaint.  The load runs the
# binary itself, not valgrind (check-valgrind would take hours).
. "${PLAINT_TOP:-.}/tests/test-lib.sh"

# Every waiter must get the lock: a 30 s bound, so a "busy" here is a bug.
export PLAINT_LOCK_TIMEOUT=30
NOV=2026-11-27T10:00:00+08:00
OCT=2026-10-15T10:00:00+08:00

# barrier: wait for the file go, so that the workers start at once.
barrier() {
	while [ ! -e "$TRASH/go" ]; do sleep 0.01; done
}

# log_worker P N [NOW]: N 'plaint log' calls; ids to ids.P, exit codes
# (one a line) to rc.P, "id subject" to subj.P, stderr to err.P.
log_worker() {
	barrier
	i=0
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		id=$("$PLAINT_BIN" -C tree -N "${3:-$NOV}" log subject="p$1-$i" \
			2>>"err.$1")
		echo $? >>"rc.$1"
		[ -z "$id" ] || printf '%s\n' "$id" >>"ids.$1"
		[ -z "$id" ] || printf '%s p%s-%s\n' "$id" "$1" "$i" >>"subj.$1"
	done
}

# note_worker P N ID: N 'plaint note' calls on ID.
note_worker() {
	barrier
	i=0
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		"$PLAINT_BIN" -C tree note "$3" -m "p$1-$i" 2>>"err.$1"
		echo $? >>"rc.$1"
	done
}

# expect_ok N: every recorded call exited 0, N calls in all.
expect_ok() {
	n=$(cat rc.* | wc -l) &&
	bad=$(cat rc.* | grep -vc '^0$'; true) &&
	echo "calls: $n, non-zero: $bad" &&
	{ [ "$bad" = 0 ] || { cat err.* | sort | uniq -c | head; false; }; } &&
	[ "$n" = "$1" ]
}

# expect_ids PREFIX COUNT FILE: FILE holds exactly PREFIX-0001..COUNT.
expect_ids() {
	i=0 &&
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		printf '%s-%04d\n' "$1" "$i"
	done >expect.ids &&
	sort "$3" >actual.ids &&
	test_cmp expect.ids actual.ids
}

# no_tmp: no tmp file is left anywhere in the tree.
no_tmp() {
	find tree -name ".tmp-*" >tmps &&
	test_cmp /dev/null tmps
}

# --- T4: 8 x 200 log in one month ------------------------------------

# The load runs once, in the fixture; the tests after it check its
# results, each on a copy.
test_setup 'T4: 8 processes x 200 log in one month' '
	make_tree &&
	rm -f go &&
	for p in 1 2 3 4 5 6 7 8; do log_worker $p 200 & done &&
	touch go &&
	wait &&
	expect_ok 1600
'

test_expect_success 'T4: 1600 distinct ids were printed' '
	cat ids.* >all.ids &&
	[ "$(wc -l <all.ids)" = 1600 ] &&
	sort -u all.ids >uniq.ids &&
	[ "$(wc -l <uniq.ids)" = 1600 ]
'

test_expect_success 'T4: ids are contiguous 2611-0001..2611-1600' '
	cat ids.* >all.ids &&
	expect_ids 2611 1600 all.ids
'

test_expect_success 'T4: 1600 files, one per printed id, no leftovers' '
	cat ids.* >all.ids &&
	[ "$(wc -l <all.ids)" = 1600 ] &&
	sed "s/\$/.yaml/" all.ids >names &&
	sort names >expect.files &&
	ls -A tree/2026/11 >files &&
	sort files >actual.files &&
	test_cmp expect.files actual.files
'

test_expect_success 'T4: every file holds its own id and subject' '
	cat subj.* >subj &&
	[ "$(wc -l <subj)" = 1600 ] &&
	sort subj >expect.subj &&
	awk "/^id: /{ id = \$2 } /^subject: /{ print id, \$2 }" \
		tree/2026/11/*.yaml >pairs &&
	tr -d "\"" <pairs >unquoted &&
	sort unquoted >actual.subj &&
	test_cmp expect.subj actual.subj
'

test_expect_success 'T4: check is clean after the run' '
	plaint -C tree check &&
	no_tmp
'

# --- T4 repeated with two months interleaved --------------------------

test_setup 'T4: 8 x 100 log, half of the processes in October' '
	rm -rf tree go ids.* subj.* rc.* err.* &&
	make_tree &&
	for p in 1 2 3 4; do log_worker $p 100 & done &&
	for p in 5 6 7 8; do log_worker $p 100 "$OCT" & done &&
	touch go &&
	wait &&
	expect_ok 800
'

test_expect_success 'T4: two months: ids contiguous in each month' '
	cat ids.1 ids.2 ids.3 ids.4 >nov.ids &&
	cat ids.5 ids.6 ids.7 ids.8 >oct.ids &&
	expect_ids 2611 400 nov.ids &&
	expect_ids 2610 400 oct.ids &&
	ls -A tree/2026/11 >nov.files &&
	ls -A tree/2026/10 >oct.files &&
	[ "$(grep -c "^2611-[0-9]*\\.yaml\$" nov.files)" = 400 ] &&
	[ "$(grep -c "^2610-[0-9]*\\.yaml\$" oct.files)" = 400 ] &&
	[ "$(wc -l <nov.files)" = 400 ] &&
	[ "$(wc -l <oct.files)" = 400 ] &&
	plaint -C tree check &&
	no_tmp
'

# --- T3 (smaller): 4 x 100 note on one complaint -----------------------

test_setup 'T3: 4 processes x 100 note on one complaint' '
	rm -rf tree go ids.* subj.* rc.* err.* &&
	make_tree &&
	plaint -C tree log subject=shared >id &&
	echo 2611-0001 >expect &&
	test_cmp expect id &&
	for p in 1 2 3 4; do note_worker $p 100 2611-0001 & done &&
	touch go &&
	wait &&
	expect_ok 400
'

test_expect_success PYTHON3 'T3: history has the log and 400 notes, n = 1..401' '
	plaint -C tree show -f json 2611-0001 >shown.json &&
	python3 - shown.json <<-\EOF
	import json, sys
	doc = json.load(open(sys.argv[1]))
	h = doc["history"]
	ns = [e["n"] for e in h]
	assert ns == list(range(1, 402)), ("n not 1..401", ns[:5], len(ns))
	assert h[0]["action"] == "log", h[0]
	notes = sorted(e["note"] for e in h[1:] if e["action"] == "note")
	want = sorted("p%d-%d" % (p, i) for p in range(1, 5)
	              for i in range(1, 101))
	assert notes == want, "notes lost or repeated"
	EOF
'

test_expect_success PYTHON3 "T3: each worker's notes are in its own order" '
	plaint -C tree show -f json 2611-0001 >shown.json &&
	python3 - shown.json <<-\EOF
	import json, sys
	h = json.load(open(sys.argv[1]))["history"]
	for p in range(1, 5):
	    mine = [int(e["note"].split("-")[1]) for e in h
	            if e.get("note", "").startswith("p%d-" % p)]
	    assert mine == list(range(1, 101)), (p, mine[:10])
	EOF
'

test_expect_success 'T3: check is clean and no tmp file is left' '
	plaint -C tree check &&
	no_tmp
'

test_done
