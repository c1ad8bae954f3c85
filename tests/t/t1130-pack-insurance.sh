#!/bin/sh
# The insurance pack (保险消费投诉处理管理办法): complaints to the institution
# and to the regulator (第二条), the chain up to the 保险消费者权益保护局
# (第四条); the seed gives no time limits, so the pack sets none.
#
# The fixture holds a complaint to the institution (2611-0001) and one
# passed on by the regulator (2611-0002).
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml
G=2026/11/2611-0002.yaml


test_setup 'init -p insurance loads; policy prints it' '
	pack_loads insurance
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	grep "^  regulator: " tree/plaint.yaml &&
	pack_vocabulary
'

test_expect_success 'the pack says the seed gives no time limits, and has no deadline rule' '
	grep "^# DEADLINES: the seed gives no time limits" tree/plaint.yaml &&
	grep "^#   deadlines:$" tree/plaint.yaml &&
	! grep "^deadlines:" tree/plaint.yaml &&
	plaint -C tree policy due received=2026-11-27T10:00:00+08:00 >out &&
	test_cmp /dev/null out
'

test_setup 'a complaint to the institution: no due unless given' '
	plaint -C tree -N 2026-11-27T10:00:00+08:00 log channel=phone \
		category=dispute respondent=insurer subject=理赔金额争议 \
		complainant.name=张三 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	! grep "^due:" tree/$F &&
	grep "^respondent: insurer$" tree/$F
'

test_setup 'a complaint passed on by the regulator, with the due it set' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=regulator \
		category=violation respondent=intermediary subject=销售误导 \
		due.resolution=2026-12-11T17:00:00+08:00 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^channel: regulator$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-11T17:00:00+08:00
'

test_expect_success 'escalate: the 派出机构, then the 保险消费者权益保护局; the due stays' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 escalate 2611-0002 -m 消费者向派出机构投诉 &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"中国保监会派出机构\"$" tree/$G &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 escalate 2611-0002 &&
	grep "^level: 2$" tree/$G &&
	grep "^department: \"中国保监会保险消费者权益保护局\"$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-11T17:00:00+08:00 &&
	cp tree/$G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0002 2>err &&
	test_cmp before tree/$G &&
	grep "already at the top of the escalation chain (level 2, " err
'

test_expect_success 'resolve and close: no fine, no notice rule in this seed' '
	plaint -C tree -N 2026-12-02T09:00:00+08:00 resolve 2611-0001 -m 已按条款赔付 \
		valid=yes cause=product &&
	plaint -C tree -N 2026-12-02T10:00:00+08:00 note 2611-0001 -m 结案 &&
	plaint -C tree -N 2026-12-02T11:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" tree/$F &&
	! grep "^penalties:" tree/$F
'

test_expect_success 'a respondent the pack does not know is bad data' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x respondent=bank 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: respondent: \"bank\" is not allowed; the policy allows: insurer, intermediary, practitioner$" err
'

test_expect_success 'a channel the pack does not have is bad data' '
	refuses_channel "phone, letter, visit, email, web, intermediary, regulator"
'

test_done
