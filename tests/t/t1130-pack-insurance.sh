#!/bin/sh
# The insurance pack (保险消费投诉处理管理办法): complaints to the institution
# and complaints lodged with the regulator, two tracks (第二条); the
# regulator supervises (第四条) and is no level of the institution's chain,
# which is its complaint department alone (第五条); the seed gives no time
# limits, so the pack sets none.
#
# The fixture holds a complaint to the institution (2611-0001) and one
# lodged with a 派出机构 (2611-0002).
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

# 第二条第三款: 保险消费者向中国保监会及其派出机构提出保险消费投诉 … 申请其
# 履行法定监管职责 — the regulator's track, recorded as such.
test_setup 'a complaint lodged with a 派出机构 is recorded as such (第二条第三款)' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=regulator \
		regulator_body=中国保监会派出机构 category=violation \
		respondent=intermediary subject=销售误导 \
		due.resolution=2026-12-11T17:00:00+08:00 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^channel: regulator$" tree/$G &&
	grep "^regulator_body: \"中国保监会派出机构\"$" tree/$G &&
	grep "^level: 0$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-11T17:00:00+08:00 &&
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^受理投诉的监管机构: *中国保监会派出机构$" out &&
	plaint -C tree policy >out &&
	grep "^  regulator: {label: \"向中国保监会及其派出机构提出 (第二条第三款)\"}$" out
'

test_expect_success 'the regulator track is listed apart from the institution track' '
	plaint -C tree list channel=regulator >out &&
	grep "^2611-0002 " out &&
	! grep "^2611-0001 " out &&
	plaint -C tree list regulator_body=中国保监会派出机构 >out &&
	grep "^2611-0002 " out
'

# 第四条: the 保险消费者权益保护局 and the 派出机构 监督管理 complaint
# handling; 第五条: the institution's own department handles it.  The
# chain is that department, and escalation stops there.
test_expect_success 'the chain is the complaint department alone: escalate is refused there' '
	plaint -C tree policy >out &&
	sed -n "/^escalation:/,/^required:/p" out >actual &&
	cat >expect <<-\EOT &&
	escalation:
	- {name: "本单位保险消费投诉处理部门", department: "保险消费投诉处理部门"}
	required: [subject]
	EOT
	test_cmp expect actual &&
	for c in 2611-0001 2611-0002; do
		cp tree/2026/11/$c.yaml before &&
		test_expect_code 1 plaint -C tree -N 2026-11-30T09:00:00+08:00 \
			escalate $c -m 消费者向派出机构投诉 2>err &&
		test_cmp before tree/2026/11/$c.yaml &&
		grep "already at the top of the escalation chain (level 0, 本单位保险消费投诉处理部门)" err ||
		return 1
	done &&
	test "$(due_of tree/$G resolution)" = 2026-12-11T17:00:00+08:00
'

test_expect_success 'the regulator is not a department of the institution' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x department=中国保监会派出机构 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: department: \"中国保监会派出机构\" is not allowed; the policy allows: 保险消费投诉处理部门$" err
'

test_expect_success 'a regulator the text does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x channel=regulator regulator_body=消费者协会 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: regulator_body: \"消费者协会\" is not allowed; the policy allows: 中国保监会, 中国保监会派出机构" >expect &&
	test_cmp expect err
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
