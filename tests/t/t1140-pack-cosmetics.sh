#!/bin/sh
# The cosmetics pack (消费者投诉处理管理规定): three categories handled by the
# 市场管理部; cases before a consumer association or a court go to the
# 营销中心, which informs the 法律事务部; the seed sets no time limits.
#
# The fixture holds one complaint of each category (2611-0001 to 0003).
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml

test_setup 'init -p cosmetics loads; policy prints it' '
	pack_loads cosmetics
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	for v in staff customer product other; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	for v in service-quality product-quality allergy; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	grep "^calendars: \[cn-2025, cn-2026\]$" tree/plaint.yaml &&
	grep "^timezone: \"+08:00\"$" tree/plaint.yaml
'

test_setup 'every category goes to the 市场管理部; no due is computed' '
	for cat in service-quality product-quality allergy; do
		plaint -C tree -N 2026-11-27T10:00:00+08:00 log channel=counter \
			category=$cat subject=$cat >/dev/null || return 1
	done &&
	test "$(grep -l "^department: \"市场管理部\"$" tree/2026/11/*.yaml | wc -l)" = 3 &&
	! grep "^due:" tree/2026/11/*.yaml &&
	grep "^kind: complaint$" tree/$F && grep "^severity: normal$" tree/$F
'

test_expect_success 'an allergy case before the consumer association goes to the 营销中心' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=consumer-association \
		category=allergy severity=major subject=使用面霜后皮肤红肿 \
		complainant.name=王女士 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=2026/11/2611-0004.yaml &&
	plaint -C tree -N 2026-11-27T14:00:00+08:00 escalate 2611-0004 -m 已投诉至消协 &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"营销中心\"$" tree/$G &&
	grep "^status: escalated$" tree/$G &&
	! grep "^due:" tree/$G
'

test_expect_success 'a court case likewise; the chain ends at the 营销中心' '
	plaint -C tree -N 2026-11-27T12:00:00+08:00 log channel=court \
		category=product-quality severity=major subject=起诉 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=2026/11/2611-0004.yaml &&
	plaint -C tree -N 2026-11-27T14:00:00+08:00 escalate 2611-0004 &&
	grep "^department: \"营销中心\"$" tree/$G &&
	cp tree/$G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0004 2>err &&
	test_cmp before tree/$G &&
	grep "already at the top of the escalation chain (level 1, " err
'

test_expect_success 'resolve and close: the seed names no fine and no notice' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0001 -m 已致歉 \
		valid=yes cause=staff responsible=美容顾问甲 &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 note 2611-0001 -m 已报总经理 &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" tree/$F &&
	! grep "^penalties:" tree/$F
'

test_expect_success 'a category the pack does not have is bad data' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log category=price subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: category: \"price\" is not allowed; the policy allows: service-quality, product-quality, allergy$" err
'

test_expect_success 'a channel the pack does not have is bad data' '
	refuses_channel "phone, letter, visit, headquarters, counter, dealer, consumer-association, court"
'

test_done
