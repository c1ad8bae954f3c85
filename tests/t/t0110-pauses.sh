#!/bin/sh
# Pauses (waiting on the customer) and the Civil Code's months and years.
#
# Paused time is time not counted.  A day clock counts the midnights a
# pause spans, and its period is counted again from the nominal end plus
# those days before art. 203 moves it off rest days.  Only a deadline
# still running when the pause begins moves: a breach stays a breach.  A
# deadline given by hand moves with the pause too.  Months (art. 202)
# end on the corresponding day, or the month's last day.
. "$PLAINT_TOP/tests/test-lib.sh"

# The pausable clocks of the rules tests, a fine for a late first
# response, and a pausable clock no rule sets (a date agreed by hand).
paused_tree() {
	make_tree "$1" &&
	cat >>"$1/plaint.yaml" <<-\EOF
	clocks:
	  first_response: {starts: log, stops: [contact, resolve], pause: true}
	  resolution: {starts: log, stops: resolve, pause: true}
	  promised: {starts: log, stops: resolve, pause: true}
	deadlines:
	  - {id: base, set: {first_response: 24h, resolution: 5d}}
	penalties:
	  - {id: late-response, on: breach, clock: first_response, amount: 20, person: assignee}
	EOF
}

# Tree "sep": 2609-0001, logged Mon Sep 28 10:00: 5 days end Sat Oct 3,
# a rest day (国庆节), hence Thu Oct 8.
test_setup 'a day clock over National Day' '
	paused_tree sep &&
	plaint -C sep -N 2026-09-28T10:00 log subject=s assignee=李四 >/dev/null &&
	echo 2026-10-08T23:59:59+08:00 >expect &&
	due_of sep/2026/09/2609-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'one day paused: the nominal end Oct 4 is still 国庆节, so Oct 8, not Oct 9' '
	plaint -C sep -N 2026-10-02T12:00 pause 2609-0001 -m 等客户 &&
	plaint -C sep -N 2026-10-03T12:00 resume 2609-0001 &&
	echo 2026-10-08T23:59:59+08:00 >expect &&
	due_of sep/2026/09/2609-0001.yaml resolution >actual && test_cmp expect actual
'

# Tree "nov": 2611-0001, logged Wed Nov 11 10:00: resolution 5 days, Mon
# Nov 16; first response 24 hours, Nov 12 10:00; 李四 holds it.
test_setup 'a complaint of Nov 11' '
	paused_tree nov &&
	plaint -C nov -N 2026-11-11T10:00 log subject=s assignee=李四 >/dev/null &&
	echo 2026-11-16T23:59:59+08:00 >expect &&
	due_of nov/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual
'

F=nov/2026/11/2611-0001.yaml

test_expect_success 'a pause within one day moves a day clock by nothing, an hour clock by its hours' '
	plaint -C nov -N 2026-11-11T11:00 pause 2611-0001 -m 等客户 &&
	plaint -C nov -N 2026-11-11T16:00 resume 2611-0001 &&
	echo 2026-11-16T23:59:59+08:00 >expect && due_of $F resolution >actual && test_cmp expect actual &&
	echo 2026-11-12T15:00:00+08:00 >expect && due_of $F first_response >actual && test_cmp expect actual
'

test_expect_success 'a pause across midnight (23:00 to 01:00) moves a day clock by one day' '
	plaint -C nov -N 2026-11-11T23:00 pause 2611-0001 -m 等客户 &&
	plaint -C nov -N 2026-11-12T01:00 resume 2611-0001 &&
	echo 2026-11-17T23:59:59+08:00 >expect && due_of $F resolution >actual && test_cmp expect actual &&
	echo 2026-11-12T12:00:00+08:00 >expect && due_of $F first_response >actual && test_cmp expect actual
'

test_expect_success 'a pause after a breach moves nothing: the breach and its fine stay' '
	plaint -C nov -N 2026-11-12T11:00 pause 2611-0001 -m 等客户 &&
	grep -c "rule: late-response" $F >n && echo 1 >expect && test_cmp expect n &&
	plaint -C nov -N 2026-11-12T12:00 list overdue=yes >out &&
	grep 2611-0001 out &&
	plaint -C nov -N 2026-11-13T11:00 resume 2611-0001 &&
	echo 2026-11-12T10:00:00+08:00 >expect && due_of $F first_response >actual && test_cmp expect actual &&
	plaint -C nov -N 2026-11-13T12:00 note 2611-0001 -c -m 联系 &&
	grep -c "rule: late-response" $F >n && echo 1 >expect && test_cmp expect n &&
	echo 2026-11-17T23:59:59+08:00 >expect && due_of $F resolution >actual && test_cmp expect actual
'

test_expect_success 'a pause that began in time holds the clock past its deadline, and no fine' '
	plaint -C nov -N 2026-11-12T09:00 pause 2611-0001 -m 等客户 &&
	plaint -C nov -N 2026-11-12T12:00 list overdue=yes >out &&
	! grep 2611-0001 out &&
	test_expect_code 1 grep "late-response" $F &&
	plaint -C nov -N 2026-11-12T13:00 resume 2611-0001 &&
	echo 2026-11-12T14:00:00+08:00 >expect && due_of $F first_response >actual && test_cmp expect actual
'

# Tree "hand": due.promised agreed by hand at log: an instant, and the end
# of a day.
test_setup 'deadlines given by hand' '
	paused_tree hand &&
	plaint -C hand -N 2026-11-11T10:00 log subject=a due.promised=2026-11-20T17:00 >/dev/null &&
	plaint -C hand -N 2026-11-11T10:00 log subject=b due.promised=2026-11-20T23:59:59 >/dev/null &&
	plaint -C hand -N 2026-11-11T10:00 log subject=c due.promised=2026-11-11T12:00 >/dev/null
'

test_expect_success 'a deadline given by hand moves with the pause: by the time, or by the days' '
	for i in 1 2 3; do
		plaint -C hand -N 2026-11-12T10:00 pause 2611-000$i -m 等客户 &&
		plaint -C hand -N 2026-11-13T12:00 resume 2611-000$i || return 1
	done &&
	echo 2026-11-21T19:00:00+08:00 >expect &&
	due_of hand/2026/11/2611-0001.yaml promised >actual && test_cmp expect actual &&
	echo 2026-11-23T23:59:59+08:00 >expect &&
	due_of hand/2026/11/2611-0002.yaml promised >actual && test_cmp expect actual &&
	echo 2026-11-11T12:00:00+08:00 >expect &&
	due_of hand/2026/11/2611-0003.yaml promised >actual && test_cmp expect actual &&
	plaint -C hand check
'

# Months and years (Civil Code art. 202).
months_tree() {
	make_tree "$1" &&
	cat >>"$1/plaint.yaml" <<-\EOF
	clocks:
	  resolution: {starts: log, stops: resolve, pause: true}
	deadlines:
	  - {id: month, set: {resolution: 1mo}}
	  - {id: year, when: {severity: major}, set: {resolution: 1y}}
	extensions:
	  - {clock: resolution, max: 1mo}
	EOF
}

test_expect_success '1mo from Jan 31 ends Feb 28, a make-up working day; 1y from Mar 3' '
	months_tree m &&
	plaint -C m -N 2026-01-31T10:00 log subject=s >/dev/null &&
	echo 2026-02-28T23:59:59+08:00 >expect &&
	due_of m/2026/01/2601-0001.yaml resolution >actual && test_cmp expect actual &&
	plaint -C m -N 2025-03-03T10:00 log subject=s severity=major >/dev/null &&
	echo 2026-03-03T23:59:59+08:00 >expect &&
	due_of m/2025/03/2503-0001.yaml resolution >actual && test_cmp expect actual &&
	plaint -C m policy due received=2026-09-01T08:00 >out &&
	grep "^resolution  *2026-10-08T23:59:59+08:00$" out
'

test_expect_success 'extend by 1mo, within the policy max; 2mo is refused' '
	months_tree m &&
	plaint -C m -N 2026-03-16T10:00 log subject=s >/dev/null &&
	plaint -C m -N 2026-03-17T10:00 extend 2603-0001 resolution=1mo approved_by=主任 -m 等材料 &&
	echo 2026-05-18T23:59:59+08:00 >expect &&
	due_of m/2026/03/2603-0001.yaml resolution >actual && test_cmp expect actual &&
	test_expect_code 1 plaint -C m extend 2603-0001 resolution=2mo approved_by=主任 -m x 2>err &&
	grep "by 1mo at most" err
'

test_expect_success 'a filter counts months back: received>-1mo' '
	months_tree m &&
	plaint -C m -N 2026-10-30T10:00 log subject=old >/dev/null &&
	plaint -C m -N 2026-11-02T10:00 log subject=new >/dev/null &&
	plaint -C m -N 2026-12-01T10:00 list "received>-1mo" >out &&
	grep 2611-0001 out &&
	! grep 2610-0001 out
'

test_expect_success 'a bad unit is refused at load, naming the units' '
	months_tree m &&
	sed -i "s/resolution: 1mo}}/resolution: 1mon}}/" m/plaint.yaml &&
	test_expect_code 78 plaint -C m list 2>err &&
	grep "1mo, 1y" err
'

test_done
