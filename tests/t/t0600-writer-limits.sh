#!/bin/sh
# Nothing plaint writes can lock it out (RELIABILITY R13): a change that
# would make a record larger than the reader takes (1 MiB a file, 64 KiB
# a value) is refused with 65 before anything is replaced, whatever the
# way in: notes that add up, a long field at log, assign or -u, a long
# CSV cell, text that grows when escaped.  And one unreadable file in
# the tree does not stop an import of other records.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml

# long N [CHAR]: N bytes of CHAR (default a).
long() { head -c "$1" /dev/zero | tr "\0" "${2:-a}"; }

test_setup 'a tree with one complaint, and seventeen notes of 60 KB' '
	make_tree tree &&
	plaint -C tree log subject=s >id &&
	long 60000 >note &&
	i=0 &&
	while [ $i -lt 17 ]; do
		i=$((i + 1)) &&
		plaint -C tree note 2611-0001 -m "$(cat note)" || return 1
	done &&
	test "$(wc -c <$F)" -gt 1000000
'

test_expect_success 'the note that would pass 1 MiB is refused, and the record stays readable' '
	cp $F before &&
	test_expect_code 65 plaint -C tree note 2611-0001 -m "$(cat note)" 2>err &&
	grep "^plaint: note: 2026/11/2611-0001.yaml: the record would be [0-9]* bytes, over the 1 MiB a file may hold" err &&
	test_cmp before $F &&
	plaint -C tree show 2611-0001 >/dev/null &&
	plaint -C tree check &&
	plaint -C tree export >out && test "$(wc -l <out)" = 1
'

test_expect_success 'log refuses a field over 64 KiB, naming it, and files nothing' '
	ls -R tree >before &&
	for f in subject description complainant.name; do
		other=subject=s &&
		if [ $f = subject ]; then other=channel=phone; fi &&
		test_expect_code 65 plaint -C tree log $other "$f=$(long 70000)" 2>err &&
		grep "^plaint: log: .*: $f: a value of 70000 bytes is over the 64 KiB a field may hold" err ||
		return 1
	done &&
	ls -R tree >after &&
	test_cmp before after
'

test_expect_success 'assign and -u with a 70 KB name are refused' '
	cp $F before &&
	test_expect_code 65 plaint -C tree assign 2611-0001 "$(long 70000 b)" 2>err &&
	grep "assignee: a value of 70000 bytes" err &&
	test_expect_code 65 plaint -C tree -u "$(long 70000 c)" note 2611-0001 -m x 2>err &&
	grep "history.19.by: a value of 70000 bytes" err &&
	test_cmp before $F
'

test_expect_success 'a CSV cell over 64 KiB is refused with its row, quoted or not' '
	ls -R tree >before &&
	{ echo subject,channel && printf "\"%s\",phone\n" "$(long 70000)"; } >quoted.csv &&
	test_expect_code 65 plaint -C tree import quoted.csv 2>err &&
	grep "^plaint: import: quoted.csv:2: subject: a value of 70000 bytes" err &&
	{ echo subject,channel && printf "%s,phone\n" "$(long 70000)"; } >plain.csv &&
	test_expect_code 65 plaint -C tree import -k plain.csv 2>err &&
	grep "^plaint: import: plain.csv:2: subject: a value of 70000 bytes" err &&
	ls -R tree >after &&
	test_cmp before after
'

test_expect_success PYTHON3 'a JSONL record of 567 KB that escapes past 1 MiB is refused' '
	python3 -c "
import json
v = \"\ufeff\" * 21000
r = {k: v for k in (\"subject\", \"description\", \"received_by\",
    \"assignee\", \"department\", \"source_ref\")}
r[\"complainant\"] = {k: v for k in (\"name\", \"phone\", \"address\")}
print(json.dumps(r, ensure_ascii=False))" >feff.jsonl &&
	test "$(wc -c <feff.jsonl)" -lt 1048576 &&
	printf "formats:\n  complainant.phone: none\n" >>tree/plaint.yaml &&
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree import feff.jsonl 2>err &&
	grep "^plaint: import: feff.jsonl:1: the record would be [0-9]* bytes, over the 1 MiB" err &&
	ls -R tree >after &&
	test_cmp before after
'

test_expect_success 'an unreadable file in the tree does not stop an import of others' '
	{ printf "subject: " && long 1100000; } >tree/2026/11/2611-0009.yaml &&
	chmod 600 tree/2026/11/2611-0009.yaml &&
	printf "{\"subject\": \"ok\", \"source_ref\": \"r1\"}\n" >ok.jsonl &&
	test_expect_code 65 plaint -C tree import ok.jsonl 2>err &&
	grep "^plaint: import: warning: 2026/11/2611-0009.yaml: file larger than 1024 KiB" err &&
	grep "^plaint: import: imported 1, skipped 0" err &&
	grep -l "source_ref: r1" tree/2026/11/*.yaml >found &&
	test "$(wc -l <found)" = 1 &&
	test_expect_code 65 plaint -C tree import ok.jsonl 2>err &&
	grep "^plaint: import: imported 0, skipped 1" err
'

test_done
