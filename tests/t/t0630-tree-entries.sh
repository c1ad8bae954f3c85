#!/bin/sh
# What plaint opens in a tree is what it expects there: .plaint as a
# symbolic link is not followed (no lock is made elsewhere), and a FIFO
# or device in place of plaint.yaml or a calendar is refused at once
# with 78 instead of hanging every command, cron's remind -e included.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml

test_setup 'a tree with one complaint' '
	make_tree tree && plaint -C tree log subject=s >/dev/null
'

test_expect_success '.plaint as a link to elsewhere: writers refuse, nothing is made there' '
	mkdir elsewhere &&
	rm -rf tree/.plaint && ln -s "$TRASH/elsewhere" tree/.plaint &&
	cp $F before &&
	test_expect_code 73 plaint -C tree note 2611-0001 -m x 2>err &&
	grep "^plaint: note: .plaint: cannot open the folder of the lock (it must be a folder, not a link)" err &&
	test_expect_code 73 plaint -C tree log subject=t 2>err &&
	ls -A elsewhere >inside && test_cmp /dev/null inside &&
	test_cmp before $F && test ! -e tree/2026/11/2611-0002.yaml
'

test_expect_success 'a FIFO as plaint.yaml: every command ends at once with 78' '
	rm tree/plaint.yaml && mkfifo tree/plaint.yaml &&
	for cmd in "remind -e" list "note 2611-0001 -m x" check; do
		test_expect_code 78 timeout 10 "$PLAINT_BIN" -C tree $cmd 2>err &&
		grep "plaint.yaml: not a regular file" err || return 1
	done &&
	test -p tree/plaint.yaml
'

test_expect_success 'a FIFO as a calendar: refused at once with 78' '
	cp -R "$PLAINT_TOP/data" data &&
	rm data/calendars/cn-2026.yaml && mkfifo data/calendars/cn-2026.yaml &&
	test_expect_code 78 timeout 10 env PLAINT_DATADIR="$TRASH/data" \
		"$PLAINT_BIN" -C tree list 2>err &&
	grep "cn-2026.yaml: not a regular file" err
'

test_done
