#!/bin/sh
# out_of_hours: next-opening: a complaint received outside business
# hours or on a day off counts as received at the next opening; without
# the key (or with as-received) every clock runs from the moment of
# receipt.
. "$PLAINT_TOP/tests/test-lib.sh"

hours_tree() {
	make_tree "$1" &&
	with_clocks "$1" &&
	cat >>"$1/plaint.yaml" <<-EOF
	  - {id: quick, when: {severity: crisis}, set: {first_response: 10m}}
	business_hours: "08:00-17:00"
	$2
	EOF
}

test_expect_success 'received at 20:00 on Friday: 10 minutes run from Monday 08:00' '
	hours_tree t "out_of_hours: next-opening" &&
	plaint -C t -N 2026-11-27T20:00 log subject=s severity=crisis >/dev/null &&
	echo 2026-11-30T08:10:00+08:00 >expect &&
	due_of t/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	echo 2026-12-07T17:00:00+08:00 >expect &&
	due_of t/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'received before opening, on a holiday, in hours' '
	hours_tree t "out_of_hours: next-opening" &&
	plaint -C t -N 2026-11-30T07:00 log subject=a severity=crisis >/dev/null &&
	echo 2026-11-30T08:10:00+08:00 >expect &&
	due_of t/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	plaint -C t -N 2026-10-03T10:00 log subject=b severity=crisis >/dev/null &&
	echo 2026-10-08T08:10:00+08:00 >expect &&
	due_of t/2026/10/2610-0001.yaml first_response >actual && test_cmp expect actual &&
	plaint -C t -N 2026-11-30T09:00 log subject=c severity=crisis >/dev/null &&
	echo 2026-11-30T09:10:00+08:00 >expect &&
	due_of t/2026/11/2611-0002.yaml first_response >actual && test_cmp expect actual
'

test_expect_success 'without the key, or as-received, the clock runs from receipt' '
	hours_tree t "" &&
	plaint -C t -N 2026-11-27T20:00 log subject=s severity=crisis >/dev/null &&
	echo 2026-11-27T20:10:00+08:00 >expect &&
	due_of t/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	hours_tree u "out_of_hours: as-received" &&
	plaint -C u -N 2026-11-27T20:00 log subject=s severity=crisis >/dev/null &&
	due_of u/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual
'

test_expect_success 'a reopen counts from the reopen, in hours or not' '
	hours_tree t "out_of_hours: next-opening" &&
	plaint -C t -N 2026-11-30T09:00 log subject=s severity=crisis >/dev/null &&
	plaint -C t -N 2026-11-30T09:05 resolve 2611-0001 -m done &&
	plaint -C t -N 2026-11-30T20:00 reopen 2611-0001 -m again &&
	echo 2026-11-30T20:10:00+08:00 >expect &&
	due_of t/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual
'

test_expect_success 'next-opening needs business_hours; a bad value is refused' '
	make_tree b &&
	echo "out_of_hours: next-opening" >>b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "next-opening needs business_hours" err &&
	hours_tree c "out_of_hours: later" &&
	test_expect_code 78 plaint -C c list 2>err &&
	grep "out_of_hours: next-opening or as-received" err
'

test_done
