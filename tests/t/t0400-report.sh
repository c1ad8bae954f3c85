#!/bin/sh
# plaint report on a hand-built tree whose right answers are written
# here: five November complaints (and one in October) at known times.
#
#   2611-0001 billing, 营业厅, 李四: contact after 1h, resolved after
#             2d 1h (valid, staff fault of 赵六: fined 50), closed after
#             1d, unsatisfied
#   2611-0002 service-attitude, 营业厅, 张三, a suggestion: contact after
#             2d, late (fined 20 to 张三); open, resolution overdue
#   2611-0003 billing, nobody: new, first response overdue
#   2611-0004 billing, 客服中心, 李四: contact after 30m, resolved after
#             9d (late), invalid; callback overdue
#   2611-0005 a category the policy no longer lists (meter-reading):
#             contact after 2h; open, resolution overdue
#
# first_response stopped: 30m 1h 2h 2d -> 3 on time, 1 late (75.0%),
# median (rank 2 of 4) 1h, 90th percentile (rank 4) 2d.  resolution:
# 2d 1h on time, 9d late (50.0%), median 2d 1h, p90 9d.
. "$PLAINT_TOP/tests/test-lib.sh"

export PLAINT_NOW=2026-11-27T10:00:00+08:00

# Every test works in t, the tree the setup builds.
test_setup 'a tree with rules and six complaints' '
	make_tree t &&
	with_clocks t &&
	cat >>t/plaint.yaml <<-\EOT &&
	penalties:
	  - {id: staff-fault, when: {resolution.valid: yes, resolution.cause: staff}, amount: 50}
	  - {id: late-response, on: breach, clock: first_response, amount: 20, person: assignee}
	EOT
	cd t &&
	plaint -N 2026-10-30T09:00 log subject=旧 category=billing >/dev/null &&
	plaint -N 2026-11-02T09:00 log subject=电费 category=billing department=营业厅 assignee=李四 >/dev/null &&
	plaint -N 2026-11-02T10:00 note 2611-0001 -c -m 已联系 &&
	plaint -N 2026-11-04T10:00 resolve 2611-0001 -m 已退费 valid=yes cause=staff responsible=赵六 &&
	plaint -N 2026-11-05T10:00 close 2611-0001 satisfaction=unsatisfied &&
	plaint -N 2026-11-03T09:00 log subject=态度 category=service-attitude department=营业厅 assignee=张三 kind=suggestion >/dev/null &&
	plaint -N 2026-11-05T09:00 note 2611-0002 -c -m 迟了 &&
	plaint -N 2026-11-10T09:00 log subject=账单 category=billing >/dev/null &&
	plaint -N 2026-11-11T09:00 log subject=表计 category=billing department=客服中心 assignee=李四 >/dev/null &&
	plaint -N 2026-11-11T09:30 note 2611-0004 -c -m 联系 &&
	plaint -N 2026-11-20T09:00 resolve 2611-0004 -m 无效 valid=no cause=customer &&
	plaint -N 2026-11-12T09:00 log subject=抄表 category=billing >/dev/null &&
	plaint -N 2026-11-12T11:00 note 2611-0005 -c -m 联系 &&
	sed -i "s/^category: billing/category: meter-reading/" 2026/11/2611-0005.yaml
'

test_expect_success 'by category, this month: every figure' '
	cd t &&
	plaint report -b category >out &&
	cat >expect <<-\EOT &&
	period: 2026-11-01 – 2026-11-30
	Complaints by category: 5

	CATEGORY       TOTAL  OPEN  OVERDUE  INVALID  UNSATISFIED  FINES  AMOUNT
	账单缴费       3      1     2        1        1            1      50
	meter-reading  1      1     1        0        0            0      0
	服务态度       1      1     1        0        0            1      20
	(all)          5      3     4        1        1            2      70

	CATEGORY       投诉  建议  咨询
	账单缴费       3     0     0
	meter-reading  1     0     0
	服务态度       0     1     0
	(all)          4     1     0

	CATEGORY       新建  已分派  已升级  已办结  已关闭
	账单缴费       1     0       0       1       1
	meter-reading  1     0       0       0       0
	服务态度       0     1       0       0       0
	(all)          2     1       0       1       1

	CATEGORY       CLOCK           ON TIME  LATE  MET     MEDIAN  P90
	账单缴费       first_response  2        0     100.0%  30m     1h 0m
	账单缴费       resolution      1        1     50.0%   2d 1h   9d 0h
	账单缴费       callback        1        0     100.0%  1d 0h   1d 0h
	meter-reading  first_response  1        0     100.0%  2h 0m   2h 0m
	服务态度       first_response  0        1     0.0%    2d 0h   2d 0h
	(all)          first_response  3        1     75.0%   1h 0m   2d 0h
	(all)          resolution      1        1     50.0%   2d 1h   9d 0h
	(all)          callback        1        0     100.0%  1d 0h   1d 0h

	CATEGORY  PERSON  RULE           COUNT  AMOUNT
	账单缴费  赵六    staff-fault    1      50
	服务态度  张三    late-response  1      20
	(all)     张三    late-response  1      20
	(all)     赵六    staff-fault    1      50
	EOT
	test_cmp expect out
'

test_expect_success 'the table lines up under the C locale too' '
	cd t &&
	plaint report -b category >out &&
	LC_ALL=C plaint report -b category >out.c &&
	test_cmp out out.c
'

test_expect_success 'json: the same figures, one document' '
	cd t &&
	plaint report -f json >out &&
	cat >expect <<-\EOT &&
	{
	  "from": "2026-11-01T00:00:00+08:00",
	  "to": "2026-11-30T23:59:59+08:00",
	  "period": "2026-11-01 – 2026-11-30",
	  "by": [],
	  "total": 5,
	  "open": 3,
	  "overdue": 4,
	  "invalid": 1,
	  "unsatisfied": 1,
	  "kinds": {"complaint": 4, "suggestion": 1, "inquiry": 0},
	  "statuses": {"new": 2, "assigned": 1, "escalated": 0, "resolved": 1, "closed": 1},
	  "clocks": {
	    "first_response": {"on_time": 3, "late": 1, "met_pct": 75.0, "stopped": 4, "median_s": 3600, "p90_s": 172800},
	    "resolution": {"on_time": 1, "late": 1, "met_pct": 50.0, "stopped": 2, "median_s": 176400, "p90_s": 777600},
	    "callback": {"on_time": 1, "late": 0, "met_pct": 100.0, "stopped": 1, "median_s": 86400, "p90_s": 86400}
	  },
	  "fines": 2,
	  "fines_amount": 70,
	  "fines_ledger": [
	    {"person": "张三", "rule": "late-response", "count": 1, "amount": 20},
	    {"person": "赵六", "rule": "staff-fault", "count": 1, "amount": 50}
	  ],
	  "sanctions": [],
	  "informs": [],
	  "groups": []
	}
	EOT
	test_cmp expect out
'

test_expect_success PYTHON3 'json with two levels nests the groups' '
	cd t &&
	plaint report -f json -b department,category >out &&
	python3 -c "import json,sys; d=json.load(open(\"out\"))
assert d[\"total\"] == 5 and d[\"by\"] == [\"department\", \"category\"]
g = [(x[\"key\"], x[\"total\"], [(y[\"key\"], y[\"total\"]) for y in x[\"groups\"]]) for x in d[\"groups\"]]
assert g == [(\"客服中心\", 1, [(\"billing\", 1)]), (\"营业厅\", 2, [(\"billing\", 1), (\"service-attitude\", 1)]), (None, 2, [(\"billing\", 1), (\"meter-reading\", 1)])], g
assert d[\"groups\"][1][\"fines_amount\"] == 70"
'

test_expect_success 'json with two levels: absent keys are null' '
	cd t &&
	plaint report -f json -b department,category >out &&
	grep -c "\"key\": null" out >n && echo 1 >expect && test_cmp expect n
'

test_expect_success 'csv: one row per group, CRLF, the fines ledger after an empty line' '
	cd t &&
	plaint report -f csv -b department,category >out &&
	tr -d "\r" <out | cut -d, -f1-9 >actual &&
	cat >expect <<-\EOT &&
	department,category,total,open,overdue,invalid,unsatisfied,fines,fines_amount
	客服中心,(all),1,0,1,1,0,0,0
	客服中心,billing,1,0,1,1,0,0,0
	营业厅,(all),2,1,1,0,1,2,70
	营业厅,billing,1,0,0,0,1,1,50
	营业厅,service-attitude,1,1,1,0,0,1,20
	(none),(all),2,2,2,0,0,0,0
	(none),billing,1,1,1,0,0,0,0
	(none),meter-reading,1,1,1,0,0,0,0
	(all),(all),5,3,4,1,1,2,70

	department,category,person,rule,count,amount
	营业厅,(all),张三,late-response,1,20
	营业厅,(all),赵六,staff-fault,1,50
	营业厅,billing,赵六,staff-fault,1,50
	营业厅,service-attitude,张三,late-response,1,20
	(all),(all),张三,late-response,1,20
	(all),(all),赵六,staff-fault,1,50
	EOT
	test_cmp expect actual &&
	test "$(grep -c "$(printf "\r")\$" out)" = 18 &&
	head -n 1 out | tr -d "\r" | tr , "\n" | sed -n "18,22p" >cols &&
	printf "%s\n" first_response_on_time first_response_late first_response_met_pct first_response_median_s first_response_p90_s >expect &&
	test_cmp expect cols &&
	tr -d "\r" <out | sed -n "10p" | cut -d, -f18-22 >all &&
	echo 3,1,75.0,3600,172800 >expect && test_cmp expect all
'

test_expect_success 'csv: -B starts with the BOM, nothing else changes' '
	cd t &&
	plaint report -f csv -b category >plain &&
	plaint report -f csv -B -b category >bom &&
	printf "\357\273\277" >expect && head -c 3 bom >actual && test_cmp expect actual &&
	tail -c +4 bom >rest && test_cmp plain rest
'

test_expect_success 'csv: a cell that starts a formula is neutralised' '
	cd t &&
	plaint -N 2026-11-13T09:00 log subject=公式 category=other "department=-1+1" >/dev/null &&
	plaint -N 2026-11-13T09:00 log subject=公式 category=other "department==SUM(A1)" >/dev/null &&
	plaint report -f csv -b department >out &&
	grep "^'"'"'-1+1,1," out &&
	grep "^'"'"'=SUM(A1),1," out
'

test_expect_success 'by month over a period given with from= and to=' '
	cd t &&
	plaint report -b month from=2026-10-01 to=2026-11-30 >out &&
	sed -n "1,7p" out >actual &&
	cat >expect <<-\EOT &&
	period: 2026-10-01 – 2026-11-30
	Complaints by month: 6

	MONTH    TOTAL  OPEN  OVERDUE  INVALID  UNSATISFIED  FINES  AMOUNT
	2026-10  1      1     1        0        0            0      0
	2026-11  5      3     4        1        1            2      70
	(all)    6      4     5        1        1            2      70
	EOT
	test_cmp expect actual
'

test_expect_success 'the default period is the month of -N' '
	cd t &&
	plaint -N 2026-10-31T23:00 report >out &&
	head -n 5 out >actual &&
	cat >expect <<-\EOT &&
	period: 2026-10-01 – 2026-10-31
	Complaints: 1

	TOTAL  OPEN  OVERDUE  INVALID  UNSATISFIED  FINES  AMOUNT
	1      1     1        0        0            0      0
	EOT
	test_cmp expect actual
'

test_expect_success 'filters narrow what is counted; by assignee' '
	cd t &&
	plaint report -b assignee status=open >out &&
	sed -n "1,7p" out >actual &&
	cat >expect <<-\EOT &&
	period: 2026-11-01 – 2026-11-30
	Complaints by assignee: 3

	ASSIGNEE  TOTAL  OPEN  OVERDUE  INVALID  UNSATISFIED  FINES  AMOUNT
	张三      1      1     1        0        0            1      20
	(none)    2      2     2        0        0            0      0
	(all)     3      3     3        0        0            1      20
	EOT
	test_cmp expect actual
'

test_expect_success 'an empty period says so' '
	cd t &&
	plaint report from=2027-01-01 >out &&
	printf "period: since 2027-01-01\nComplaints: 0\n" >expect &&
	test_cmp expect out
'

test_expect_success 'grouping by phone numbers is refused' '
	cd t &&
	test_expect_code 64 plaint report -b complainant.phone >out 2>err &&
	grep "never prints phone numbers or addresses" err &&
	test ! -s out
'

test_expect_success 'grouping by an address is refused' '
	cd t &&
	test_expect_code 64 plaint report -b department,complainant.address >out 2>err &&
	grep "never prints phone numbers or addresses" err &&
	test ! -s out
'

test_expect_success 'an unknown field is a usage error naming it' '
	cd t &&
	test_expect_code 64 plaint report -b colour >out 2>err &&
	grep "colour" err &&
	test ! -s out
'

test_expect_success 'three levels are refused' '
	cd t &&
	test_expect_code 64 plaint report -b department,category,kind >out 2>err &&
	grep "two fields at most" err &&
	test ! -s out
'

test_expect_success 'a malformed from= is refused' '
	cd t &&
	test_expect_code 64 plaint report from=November >out 2>err &&
	grep "from=" err &&
	test ! -s out
'

test_expect_success 'an unknown format is refused' '
	cd t &&
	test_expect_code 64 plaint report -f xml >out 2>err &&
	grep "unknown format \"xml\"" err &&
	test ! -s out
'

test_expect_success 'a bad file is skipped with a warning, and the status is 65' '
	cd t &&
	mkdir -p 2026/12 && printf "id: [\n" >2026/12/2612-0001.yaml &&
	test_expect_code 65 plaint report >out 2>err &&
	grep "2612-0001.yaml" err &&
	grep "^Complaints: 5$" out
'

test_done
