#!/bin/sh
# plaint list in text: a DUE column whenever it filters on deadlines
# (overdue=, due, due.CLOCK), " !" after an overdue deadline, and -n.
. "$PLAINT_TOP/tests/test-lib.sh"

# The clock is 2026-11-27T10:00:00+08:00 (test-lib.sh).  Tree d:
#   2611-0001  received Nov 20, first response due Nov 21: overdue
#   2611-0002  received today 09:00: first response due tomorrow 09:00
#   2611-0003  received Nov 26 10:00, contacted: resolution running
test_setup 'tree d: three complaints under a policy with clocks' '
	make_tree d &&
	with_clocks d &&
	plaint -C d -N 2026-11-20T09:00 log subject=停电 assignee=李四 >/dev/null &&
	plaint -C d -N 2026-11-27T09:00 log subject=抄表 >/dev/null &&
	plaint -C d -N 2026-11-26T10:00 log subject=电费 assignee=Bob >/dev/null &&
	plaint -C d -N 2026-11-26T11:00 note 2611-0003 -c -m 已联系
'

test_expect_success 'overdue=yes shows DUE, marked with !' '
	LC_ALL=C plaint -C d list overdue=yes >out &&
	head -n 1 out | grep "ASSIGNEE  DUE  *SUBJECT\$" &&
	grep "^2611-0001 .* 2026-11-21 09:00 !  *停电\$" out &&
	test "$(wc -l <out)" -eq 2
'

test_expect_success 'due< shows DUE; only the overdue row is marked' '
	plaint -C d list "due<48h" >out &&
	head -n 1 out | grep " DUE " &&
	grep -c " !" out >n && echo 1 >expect && test_cmp expect n &&
	grep "^2611-0002 .* 2026-11-28 09:00  *抄表\$" out
'

test_expect_success 'due.CLOCK< and overdue=no show DUE too' '
	plaint -C d list "due.first_response<2026-12-01" >out &&
	head -n 1 out | grep " DUE " &&
	plaint -C d list overdue=no >out &&
	head -n 1 out | grep " DUE "
'

test_expect_success 'columns stay aligned by display width with the marker' '
	plaint -C d list "due!=" >out &&
	# Each CJK character (three bytes) is two columns wide.
	LC_ALL=C sed "s/[\xe4-\xe9][\x80-\xbf][\x80-\xbf]/XX/g" out >wide &&
	awk "NR>1 { print index(\$0, \"2026-11-\") }" wide | sort -u >cols &&
	test "$(wc -l <cols)" -eq 1 &&
	sed -n 1p out >head &&
	LC_ALL=C plaint -C d list "due!=" >c &&
	test_cmp out c
'

test_expect_success 'no DUE without a deadline filter, nor in csv' '
	plaint -C d list >out &&
	! grep " DUE " out &&
	plaint -C d list status=new >out &&
	! grep " DUE " out &&
	plaint -C d list -f csv overdue=yes >out &&
	head -n 1 out | tr -d "\r" >actual &&
	echo id,status,kind,received,assignee,subject >expect &&
	test_cmp expect actual
'

test_expect_success '-s due shows one DUE column, marked' '
	plaint -C d list -s due overdue=yes >out &&
	test "$(head -n 1 out | grep -o DUE | wc -l)" -eq 1 &&
	grep "2026-11-21 09:00 !" out
'

test_expect_success '-n COUNT: at most COUNT rows, in every format, also sorted' '
	plaint -C d list -n 2 >out &&
	test "$(wc -l <out)" -eq 3 &&
	plaint -C d list -n 1 -f jsonl >out &&
	test "$(wc -l <out)" -eq 1 &&
	plaint -C d list -n 1 -s received -r >out &&
	sed 1d out | cut -d" " -f1 >actual &&
	echo 2611-0002 >expect && test_cmp expect actual &&
	plaint -C d list -n 1 -f json -s due >out &&
	grep -c "\"id\"" out >n && echo 1 >expect && test_cmp expect n &&
	plaint -C d list -n 10 -f csv >out &&
	test "$(wc -l <out)" -eq 4
'

test_expect_success '-n with a bad COUNT is a usage error' '
	test_expect_code 64 plaint -C d list -n 0 2>err &&
	grep -- "-n: \"0\" is not a count" err &&
	test_expect_code 64 plaint -C d list -n x 2>err &&
	test_expect_code 64 plaint -C d list -n -3 2>err &&
	test_expect_code 64 plaint -C d list -n 2x 2>err
'

test_done
