#!/bin/sh
# The auto-dealer pack (客户投诉处理制度和流程): listen, apologise, collect,
# solve, confirm; the kinds of 补偿性关照; no time limits in the seed.
#
# The fixture holds the complaint as the sales adviser heard it
# (2611-0001), one with a compensation agreed on the spot (2611-0002) and
# one with a deadline given by hand, extended (2611-0003); the tests check
# them on a copy, and every test that writes a complaint ends with
# plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
D=tree/2026/11

test_setup 'init -p auto-dealer copies the pack, and it loads' '
	plaint -q init -p auto-dealer tree &&
	test_cmp "$PLAINT_TOP/data/policies/auto-dealer.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err
'

test_expect_success 'policy prints the pack: the compensation kinds, the chain' '
	plaint -C tree policy >out &&
	grep "^policy: auto-dealer$" out &&
	grep "^    values: \[打折, 免费赠品, 免费服务, 公司吸纳额外成本, 无\]$" out &&
	grep "^- name: \"上级主管 (三变法: 变换人员)\"$" out &&
	! grep "^deadlines:" out && ! grep "^penalties:" out &&
	plaint -C tree policy due >out && test ! -s out
'

test_setup 'listen: the complaint as told, and what is learnt of the customer' '
	plaint -C tree -N $NOW -u 销售顾问小刘 log channel=showroom category=delivery \
		subject=交车延期 description="客户称约定交车日已过两周" \
		customer_type=理智型 concern=交车时间 expectation=尽快交车并补偿 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	grep "^customer_type: \"理智型\"$" $D/2611-0001.yaml &&
	grep "^expectation: \"尽快交车并补偿\"$" $D/2611-0001.yaml &&
	grep "^received_by: \"销售顾问小刘\"$" $D/2611-0001.yaml &&
	! grep "^due:" $D/2611-0001.yaml
'

test_expect_success 'apologise, collect, solve, confirm: the events of the history' '
	plaint -C tree -N 2026-11-27T10:10:00+08:00 note 2611-0001 -c -m "已向客户道歉" &&
	plaint -C tree -N 2026-11-27T10:30:00+08:00 note 2611-0001 -m "确认客户身份及购车合同" &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 resolve 2611-0001 -m "三日内交车, 赠送保养一次" \
		valid=yes cause=staff responsible=销售顾问小刘 &&
	plaint -C tree -N 2026-11-29T10:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	sed -n "s/^  action: //p" $D/2611-0001.yaml >actual &&
	printf "log\ncontact\nnote\nresolve\nclose\n" >expect &&
	test_cmp expect actual &&
	grep "^satisfaction: satisfied$" $D/2611-0001.yaml &&
	! grep "^penalties:" $D/2611-0001.yaml &&
	passes_check
'

test_setup 'a compensation agreed on the spot is recorded at log' '
	plaint -C tree -N $NOW log channel=phone subject=试驾不满 compensation=免费服务 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^compensation: \"免费服务\"$" $D/2611-0002.yaml
'

test_setup 'a deadline given by hand stays, and may be extended by anyone' '
	plaint -C tree -N $NOW log subject=价格争议 due.resolution=2026-11-30T23:59:59+08:00 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 assign 2611-0003 小王 &&
	echo 2026-11-30T23:59:59+08:00 >expect &&
	due_of $D/2611-0003.yaml resolution >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-28T11:00:00+08:00 extend 2611-0003 resolution=2d approved_by=小王 -m 变换时间 &&
	echo 2026-12-02T23:59:59+08:00 >expect &&
	due_of $D/2611-0003.yaml resolution >actual && test_cmp expect actual
'

test_expect_success '变换人员: escalate to the level above the sales adviser, then refused' '
	plaint -C tree -N 2026-11-28T12:00:00+08:00 escalate 2611-0003 -m 变换人员 assignee=展厅经理 &&
	grep "^level: 1$" $D/2611-0003.yaml &&
	grep "^assignee: \"展厅经理\"$" $D/2611-0003.yaml &&
	cp $D/2611-0003.yaml before &&
	test_expect_code 1 plaint -C tree escalate 2611-0003 2>err &&
	test_cmp before $D/2611-0003.yaml &&
	grep "(level 1, 上级主管 (三变法: 变换人员))" err &&
	passes_check
'

test_expect_success 'not satisfied: reopen for another round, as often as needed (no rounds cap)' '
	plaint -C tree -N $NOW log subject=反复 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	for i in 1 2 3; do
		plaint -C tree -N $NOW resolve 2611-0004 -m r &&
		plaint -C tree -N $NOW close 2611-0004 satisfaction=unsatisfied &&
		plaint -C tree -N $NOW reopen 2611-0004 -m again || return 1
	done &&
	grep "^round: 4$" $D/2611-0004.yaml &&
	grep "^level: 0$" $D/2611-0004.yaml &&
	passes_check
'

test_expect_success 'a compensation the seed does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log subject=x compensation=现金 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: compensation: \"现金\" is not allowed; the policy allows: 打折, 免费赠品, 免费服务, 公司吸纳额外成本, 无" >expect &&
	test_cmp expect err
'

test_expect_success 'a satisfaction other than satisfied or unsatisfied is refused' '
	plaint -C tree -N $NOW resolve 2611-0002 -m r &&
	cp $D/2611-0002.yaml before &&
	test_expect_code 65 plaint -C tree -N $NOW close 2611-0002 satisfaction=so-so 2>err &&
	test_cmp before $D/2611-0002.yaml &&
	grep "^plaint: close: satisfaction: \"so-so\" is not allowed; the policy allows: satisfied, unsatisfied$" err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 3 file(s), 0 with problems$" err
'

test_done
