#!/bin/sh
# The cosmetics pack (消费者投诉处理管理规定): three categories handled by the
# 市场管理部; allergy cases before a consumer association or a court start
# with the 营销中心 and the 法律事务部 is to be informed; staff at fault in
# a service complaint get the 销售科's proposal, approved by the 总经理
# and carried out by the 人力资源科; the seed sets no time limits.
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

# 投诉分类 消费者过敏投诉: 对于已投诉至消费者协会或上诉到法院的重大投诉事件,
# 由营销中心牵头知会法律事务部,并由法律事务部提供司法指导.
test_expect_success 'an allergy case before the consumer association starts with the 营销中心' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=consumer-association \
		category=allergy subject=使用面霜后皮肤红肿 complainant.name=王女士 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=2026/11/2611-0004.yaml &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"营销中心\"$" tree/$G &&
	grep "^severity: major$" tree/$G &&
	grep "^status: new$" tree/$G &&
	sed -n "/^history:/,\$p" tree/$G >h &&
	printf "  routes:\n  - consumer-association-court\n" >expect &&
	sed -n "/^  routes:/,\$p" h >actual && test_cmp expect actual &&
	! grep "^due:" tree/$G &&
	cp tree/$G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0004 2>err &&
	test_cmp before tree/$G &&
	grep "already at the top of the escalation chain (level 1, " err &&
	passes_check
'

test_expect_success 'an allergy case in court too; a severity the clerk gives is kept' '
	plaint -C tree -N 2026-11-27T12:00:00+08:00 log channel=court \
		category=allergy severity=normal subject=起诉 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=2026/11/2611-0004.yaml &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"营销中心\"$" tree/$G &&
	grep "^severity: normal$" tree/$G &&
	grep "^  - consumer-association-court$" tree/$G
'

test_expect_success 'a product case in court, or an allergy case at the counter, starts as before' '
	G=2026/11/2611-0003.yaml &&
	grep "^category: allergy$" tree/$G &&
	grep "^level: 0$" tree/$G &&
	grep "^department: \"市场管理部\"$" tree/$G &&
	test_expect_code 1 grep "routes:" tree/$G &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 log channel=court \
		category=product-quality subject=起诉 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=2026/11/2611-0004.yaml &&
	grep "^level: 0$" tree/$G &&
	grep "^department: \"市场管理部\"$" tree/$G &&
	grep "^severity: normal$" tree/$G &&
	test_expect_code 1 grep "routes:" tree/$G &&
	plaint -C tree -N 2026-11-27T14:00:00+08:00 escalate 2611-0004 -m 已起诉 &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"营销中心\"$" tree/$G &&
	plaint -C tree remind >out &&
	test_expect_code 1 grep "法律事务部" out
'

test_expect_success 'the 法律事务部 is owed a notice until do notify records it' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=consumer-association \
		category=allergy subject=使用面霜后皮肤红肿 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T11:30:00+08:00 remind >out &&
	grep "^  2611-0004  *法律事务部  *-  *inform owed" out &&
	test_expect_code 1 grep "2611-000[123]" out &&
	plaint -C tree -N 2026-11-27T11:30:00+08:00 report >out &&
	grep "^legal  *法律事务部  *0  *1$" out &&
	plaint -C tree -N 2026-11-27T11:40:00+08:00 do 2611-0004 notify to=营销中心 -m 已报 &&
	plaint -C tree -N 2026-11-27T11:45:00+08:00 remind >out &&
	grep "^  2611-0004  *法律事务部  *-  *inform owed" out &&
	plaint -C tree -N 2026-11-27T11:50:00+08:00 do 2611-0004 notify to=法律事务部 -m 已电话知会 &&
	grep "^  to: \"法律事务部\"$" tree/2026/11/2611-0004.yaml &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 remind >out &&
	test_expect_code 1 grep "法律事务部" out &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 report >out &&
	grep "^INFORM  *TO  *DONE  *OWED$" out &&
	grep "^legal  *法律事务部  *1  *0$" out &&
	passes_check
'

# 投诉处理 服务质量投诉: 如与…美容护肤顾问…等我司人员有关的…销售科对直接责任人
# 提出处理意见,报总经理批准后,由人力资源科负责处理.
test_expect_success 'staff at fault in a service complaint: the proposal, approved, carried out' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0001 -m 已致歉 \
		valid=yes cause=staff responsible=张三 &&
	sed -n "/^penalties:/,/^history:/p" tree/$F >actual &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: staff-proposal
	  person: "张三"
	  sanction: "对直接责任人提出处理意见"
	  round: 1
	  approved_by: "总经理"
	  carried_out_by: "人力资源科"
	  at: "2026-11-30T09:00:00+08:00"
	history:
	EOT
	test_cmp expect actual &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 report >out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out &&
	grep "^张三  *staff-proposal  *对直接责任人提出处理意见  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 report -f json >out.json &&
	grep "\"fines_amount\": 0," out.json &&
	grep "\"fines_ledger\": \[\]," out.json &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" tree/$F &&
	grep -c "^- rule: staff-proposal$" tree/$F >n && echo 1 >expect && test_cmp expect n &&
	passes_check
'

test_expect_success 'no proposal for a groundless complaint, a product complaint, or a dealer' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0001 -m 已解释 \
		valid=no cause=staff responsible=张三 &&
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0002 -m 已换货 \
		valid=yes cause=staff responsible=张三 &&
	plaint -C tree -N 2026-11-27T10:30:00+08:00 log channel=dealer \
		category=service-quality subject=零售商态度差 >/dev/null &&
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0004 -m 已协调 \
		valid=yes cause=dealer responsible=某零售商 &&
	! grep "^penalties:" tree/2026/11/*.yaml
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
