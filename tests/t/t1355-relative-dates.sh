#!/bin/sh
# Relative dates where a person types a time: log received=yesterday,
# -2h, "today 09:30" (from the command's clock, stored as an absolute
# time), and the global -N yesterday, -N -2h (from the real clock).
. "$PLAINT_TOP/tests/test-lib.sh"

# The clock is 2026-11-27T10:00:00+08:00 (PLAINT_NOW, test-lib.sh).
test_setup 'tree r' '
	make_tree r
'

# received ID: the received line of a complaint file.
received() {
	sed -n "s/^received: //p" r/2026/*/"$1".yaml | tr -d "\""
}

test_expect_success 'log received=yesterday is yesterday at the time of day of the clock' '
	plaint -C r log subject=昨天 received=yesterday >id &&
	received "$(cat id)" >actual &&
	echo 2026-11-26T10:00:00+08:00 >expect && test_cmp expect actual
'

test_expect_success 'log received="yesterday 14:30", today 08:05, -2h, -3d' '
	plaint -C r log subject=a "received=yesterday 14:30" >id &&
	received "$(cat id)" >actual &&
	echo 2026-11-26T14:30:00+08:00 >expect && test_cmp expect actual &&
	plaint -C r log subject=b "received=today 08:05" >id &&
	received "$(cat id)" >actual &&
	echo 2026-11-27T08:05:00+08:00 >expect && test_cmp expect actual &&
	plaint -C r log subject=c received=-2h >id &&
	received "$(cat id)" >actual &&
	echo 2026-11-27T08:00:00+08:00 >expect && test_cmp expect actual &&
	plaint -C r -N 2026-11-03T09:00 log subject=d received=-3d >id &&
	received "$(cat id)" >actual &&
	echo 2026-10-31T09:00:00+08:00 >expect && test_cmp expect actual &&
	test -f r/2026/10/"$(cat id)".yaml
'

test_expect_success 'log refuses a relative date it does not know' '
	test_expect_code 65 plaint -C r log subject=e received=tomorrow 2>err &&
	grep "received" err &&
	test_expect_code 65 plaint -C r log subject=e "received=yesterday 25:00" 2>err &&
	grep "received" err
'

test_expect_success '-N yesterday and -N -2h count from the real clock' '
	plaint -C r -N yesterday log subject=f >id &&
	received "$(cat id)" | cut -c1-10 >actual &&
	TZ=UTC-8 date -d "@$(($(date +%s) - 86400))" +%Y-%m-%d >expect &&
	test_cmp expect actual &&
	plaint -C r -N -2h log subject=g >id &&
	received "$(cat id)" | cut -c1-13 >actual &&
	TZ=UTC-8 date -d "@$(($(date +%s) - 7200))" +%Y-%m-%dT%H >expect &&
	test_cmp expect actual
'

test_expect_success '-N takes a time of day after yesterday; a bad -N is 64' '
	plaint -C r -N "yesterday 09:00" log subject=h >id &&
	received "$(cat id)" | cut -c12- >actual &&
	echo 09:00:00+08:00 >expect && test_cmp expect actual &&
	test_expect_code 64 plaint -C r -N -2x list 2>err &&
	grep -- "-N: \"-2x\" is not a time" err
'

test_done
