#!/bin/sh
# Personal data stays out of cron mail: remind masks a phone number or
# the complainant's name typed into a subject, as export -r does, and
# list -m masks what it prints in every format.  show, for the clerk at
# the counter, prints the subject as it was typed.
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'two overdue complaints with personal data in their subjects' '
	make_tree tree &&
	plaint -C tree -N 2026-11-20T10:00 log subject="客户13912345678投诉" \
		due.resolution=2026-11-21T10:00:00+08:00 >/dev/null &&
	plaint -C tree -N 2026-11-20T11:00 log subject="张三丰说不满意" \
		complainant.name=张三丰 complainant.phone=13800000000 \
		due.resolution=2026-11-21T10:00:00+08:00 >/dev/null
'

test_expect_success 'remind masks the subjects cron will mail' '
	plaint -C tree remind >out &&
	grep "2611-0001 .*客户139\*\*\*\*5678投诉$" out &&
	grep "2611-0002 .*张\*\*说不满意$" out &&
	! grep -e 13912345678 -e 张三丰 -e 13800000000 out
'

test_expect_success 'list -m masks every format; list alone does not' '
	for f in text csv jsonl json; do
		plaint -C tree list -m -f $f >out &&
		grep "139\*\*\*\*5678" out &&
		! grep -e 13912345678 -e 张三丰 -e 13800000000 out || return 1
	done &&
	plaint -C tree list >plain &&
	grep "客户13912345678投诉" plain &&
	plaint -C tree list -m -s subject -r >sorted &&
	grep "张\*\*说不满意" sorted
'

test_expect_success 'show prints the subject as typed' '
	plaint -C tree show -f text 2611-0001 >out &&
	grep "客户13912345678投诉" out
'

test_done
