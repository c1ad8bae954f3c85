#!/bin/sh
# Report periods people type: received=, from= and to= take a day, a
# month, a year, -30d, today, yesterday, this-month and last-month; any
# of them replaces the default month, and the heading states the period.
. "$PLAINT_TOP/tests/test-lib.sh"

# Tree p: one complaint in September, two in October, three in
# November, one on 2026-12-01 and one on 2026-12-02; the report runs on
# 2026-12-02 at noon, so that the default month (December) holds two.
test_setup 'tree p: complaints from September to December' '
	make_tree p &&
	plaint -C p -N 2026-09-30T23:59 log subject=九月 >/dev/null &&
	plaint -C p -N 2026-10-01T00:00 log subject=十月 >/dev/null &&
	plaint -C p -N 2026-10-31T23:59 log subject=十月底 >/dev/null &&
	plaint -C p -N 2026-11-01T00:00 log subject=十一月 >/dev/null &&
	plaint -C p -N 2026-11-05T10:00 log subject=五日 >/dev/null &&
	plaint -C p -N 2026-11-30T23:59 log subject=月底 >/dev/null &&
	plaint -C p -N 2026-12-01T09:00 log subject=昨天 >/dev/null &&
	plaint -C p -N 2026-12-02T09:00 log subject=今天 >/dev/null
'

# total PERIOD...: the report total for these operands, on 2026-12-02.
total() {
	plaint -C p -N 2026-12-02T12:00 report -f csv "$@" >out &&
	tr -d "\r" <out | sed -n 2p | cut -d, -f1 >actual
}

test_expect_success 'received=2026-11 counts November, not the default month' '
	total received=2026-11 && echo 3 >expect && test_cmp expect actual
'

test_expect_success 'a day, a year, today, yesterday, this-month, last-month' '
	total received=2026-11-05 && echo 1 >expect && test_cmp expect actual &&
	total received=2026 && echo 8 >expect && test_cmp expect actual &&
	total received=today && echo 1 >expect && test_cmp expect actual &&
	total received=yesterday && echo 1 >expect && test_cmp expect actual &&
	total received=this-month && echo 2 >expect && test_cmp expect actual &&
	total received=last-month && echo 3 >expect && test_cmp expect actual
'

test_expect_success 'relative: -32d is from then to now' '
	total received=-32d && echo 6 >expect && test_cmp expect actual &&
	total received=-1d && echo 1 >expect && test_cmp expect actual
'

test_expect_success 'received>= and received< replace the default too' '
	total "received>=2026-10" "received<2026-11" && echo 2 >expect &&
	test_cmp expect actual &&
	total "received>2026-10" && echo 5 >expect && test_cmp expect actual &&
	total "received<=2026-10-01" && echo 2 >expect && test_cmp expect actual
'

test_expect_success 'from= is the start of its period, to= the end of its own' '
	total from=2026-10 to=2026-11 && echo 5 >expect && test_cmp expect actual &&
	total from=2026-10-31 to=2026-11-01 && echo 2 >expect && test_cmp expect actual &&
	total from=last-month && echo 5 >expect && test_cmp expect actual &&
	total to=2026-09 && echo 1 >expect && test_cmp expect actual &&
	total from=yesterday to=today && echo 2 >expect && test_cmp expect actual &&
	total from=2026 to=2026 && echo 8 >expect && test_cmp expect actual
'

test_expect_success 'the heading states the period: text, json, csv' '
	plaint -C p -N 2026-12-02T12:00 report received=2026-11 >out &&
	head -n 2 out >actual &&
	printf "period: 2026-11-01 – 2026-11-30\nComplaints: 3\n" >expect &&
	test_cmp expect actual &&
	plaint -C p -N 2026-12-02T12:00 report -f json from=2026-10 to=2026-11-05 >out &&
	grep "^  \"period\": \"2026-10-01 – 2026-11-05\",\$" out &&
	plaint -C p -N 2026-12-02T12:00 report -f csv "received>=2026-11-05T10:00" >out &&
	tr -d "\r" <out | sed -n 2p | grep ",since 2026-11-05 10:00\$" &&
	plaint -C p -N 2026-12-02T12:00 report >out &&
	head -n 1 out >actual &&
	echo "period: 2026-12-01 – 2026-12-31" >expect && test_cmp expect actual
'

test_expect_success 'a bad period is a usage error naming the value' '
	test_expect_code 64 plaint -C p report received=2026-13 2>err &&
	grep "2026-13" err &&
	test_expect_code 64 plaint -C p report from=next-week 2>err &&
	grep "from=: \"next-week\" is not a period" err &&
	test_expect_code 64 plaint -C p report to=3wd 2>err &&
	grep "to=: \"3wd\"" err &&
	test_expect_code 64 plaint -C p report to=2026-10 from=2026-11 2>err &&
	grep "to= is before from=" err
'

test_expect_success 'list and export take the same periods on received' '
	plaint -C p -N 2026-12-02T12:00 list -f csv received=last-month >out &&
	test "$(sed 1d out | wc -l)" -eq 3 &&
	plaint -C p -N 2026-12-02T12:00 export -f jsonl received=2026 >out &&
	test "$(wc -l <out)" -eq 8
'

test_done
