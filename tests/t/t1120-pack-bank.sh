#!/bin/sh
# The bank pack (银行客户投诉管理制度): the three lines of 第四条, routing by
# business line (第五条), discipline cases to the 总行纪检监察室, the chain
# 营业网点 → 一级行部 → 总行; the other lines feed their records back to
# the 服务监督电话 (第四条); the seed sets no time limits.
#
# The fixture holds the four complaints of the 第四条 lines (2611-0001 to
# 0004) and one escalated to the head office (2611-0005).
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml


test_setup 'init -p bank loads; policy prints it' '
	pack_loads bank
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	pack_vocabulary
'

test_setup 'the three lines of 第四条 take complaints' '
	for ch in assistance-line hotline supervision-line phone; do
		plaint -C tree -N 2026-11-27T10:00:00+08:00 log channel=$ch \
			subject="$ch" >/dev/null || return 1
	done &&
	ls tree/2026/11 >actual &&
	printf "2611-0001.yaml\n2611-0002.yaml\n2611-0003.yaml\n2611-0004.yaml\n" >expect &&
	test_cmp expect actual &&
	grep "^channel: assistance-line$" tree/$F &&
	grep "^channel: hotline$" tree/2026/11/2611-0002.yaml
'

test_expect_success 'the seed sets no time limit: no due is computed' '
	for n in 1 2 3 4; do
		! grep "^due:" tree/2026/11/2611-000$n.yaml || return 1
	done &&
	plaint -C tree policy due received=2026-11-27T10:00:00+08:00 >out &&
	test_cmp /dev/null out
'

# 第五条: 对口处理 — a business line goes to its department.
test_expect_success 'card and e-banking complaints go to the 银行卡(电子银行)部' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=hotline \
		category=card-ebanking subject=网银转账失败 >id &&
	echo 2611-0005 >expect && test_cmp expect id &&
	grep "^department: \"银行卡(电子银行)部\"$" tree/2026/11/2611-0005.yaml
'

test_expect_success 'discipline cases go to the 总行纪检监察室' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=letter \
		category=discipline subject=柜员索要好处费 complainant.name=李雷 >id &&
	echo 2611-0005 >expect && test_cmp expect id &&
	grep "^department: \"总行纪检监察室\"$" tree/2026/11/2611-0005.yaml
'

test_expect_success 'a service complaint starts at the outlet (level 0 of the chain)' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=opinion-book \
		category=service-attitude subject=态度冷淡 >id &&
	echo 2611-0005 >expect && test_cmp expect id &&
	grep "^department: \"营业网点\"$" tree/2026/11/2611-0005.yaml &&
	grep "^level: 0$" tree/2026/11/2611-0005.yaml &&
	plaint -C tree -N 2026-11-27T11:30:00+08:00 assign 2611-0005 钱行 department=营业网点 &&
	grep "^assignee: \"钱行\"$" tree/2026/11/2611-0005.yaml &&
	grep "^department: \"营业网点\"$" tree/2026/11/2611-0005.yaml
'

test_setup 'a due given at log stays through escalation' '
	plaint -C tree -N 2026-11-27T12:00:00+08:00 log channel=supervision-line \
		subject=多次投诉未果 due.resolution=2026-12-04T17:00:00+08:00 >id &&
	echo 2611-0005 >expect && test_cmp expect id &&
	G=2026/11/2611-0005.yaml &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 escalate 2611-0005 -m 网点未处理 &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"一级行部\"$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-04T17:00:00+08:00 &&
	plaint -C tree -N 2026-11-29T09:00:00+08:00 escalate 2611-0005 -m 全行协调 &&
	grep "^level: 2$" tree/$G &&
	grep "^department: \"总行优质服务工作领导小组\"$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-04T17:00:00+08:00
'

test_expect_success 'the head office is the top of the chain' '
	G=tree/2026/11/2611-0005.yaml &&
	grep "^level: 2$" $G &&
	cp $G before &&
	test_expect_code 1 plaint -C tree -N 2026-11-29T10:00:00+08:00 escalate 2611-0005 2>err &&
	test_cmp before $G &&
	grep "already at the top of the escalation chain (level 2, 总行优质服务工作领导小组)" err
'

test_expect_success 'resolve and close: no fine, no written notice in this seed' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=letter \
		category=discipline subject=柜员索要好处费 complainant.name=李雷 >id &&
	echo 2611-0006 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0006.yaml &&
	plaint -C tree -N 2026-11-30T09:00:00+08:00 resolve 2611-0006 -m 属实 \
		valid=yes cause=staff responsible=韩梅 &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 note 2611-0006 -m 已回访 &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 close 2611-0006 satisfaction=satisfied &&
	grep "^status: closed$" $G &&
	! grep "^penalties:" $G
'

# 第四条: 做好相关记录，及时反馈至服务监督电话 — the record, from the log.
test_expect_success 'the 客户援助电话 and 客服热线 owe the 服务监督电话 their record from the log' '
	plaint -C tree -N 2026-11-27T10:30:00+08:00 remind >out &&
	grep "^(unassigned): 2 to inform$" out &&
	grep "^  2611-0001  *服务监督电话  *-  *inform owed  *assistance-line$" out &&
	grep "^  2611-0002  *服务监督电话  *-  *inform owed  *hotline$" out &&
	test_expect_code 1 grep "2611-0003\|2611-0004" out
'

test_expect_success 'do notify to=服务监督电话 discharges it; report counts it' '
	plaint -C tree -N 2026-11-27T10:40:00+08:00 do 2611-0001 notify to=服务监督电话 \
		-m "已将投诉记录反馈服务监督电话" &&
	grep "^  to: \"服务监督电话\"$" tree/$F &&
	plaint -C tree -N 2026-11-27T10:50:00+08:00 remind >out &&
	test_expect_code 1 grep "2611-0001" out &&
	grep "^  2611-0002  *服务监督电话  *-  *inform owed" out &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 report >out &&
	grep "^INFORM  *TO  *DONE  *OWED$" out &&
	grep "^record-to-supervision-line  *服务监督电话  *1  *1$" out &&
	plaint -C tree check
'

test_expect_success 'a notice to the 人力资源部 by name, or a suggestion, is not the 第四条 duty' '
	plaint -C tree -N 2026-11-27T10:40:00+08:00 do 2611-0002 notify to=总行人力资源部 &&
	plaint -C tree -N 2026-11-27T13:00:00+08:00 log kind=suggestion channel=hotline subject=s >id &&
	echo 2611-0006 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T13:30:00+08:00 remind >out &&
	grep "^  2611-0002  *服务监督电话  *-  *inform owed" out &&
	test_expect_code 1 grep "2611-0005\|2611-0006" out
'

test_expect_success 'a suggestion is a kind; an inquiry is not' '
	plaint -C tree -N 2026-11-27T13:00:00+08:00 log kind=suggestion subject=延长营业时间 >id &&
	echo 2611-0006 >expect && test_cmp expect id &&
	grep "^kind: suggestion$" tree/2026/11/2611-0006.yaml &&
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log kind=inquiry subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: kind: \"inquiry\" is not allowed; the policy allows: complaint, suggestion$" err
'

test_expect_success 'a channel the pack does not have is bad data' '
	refuses_channel "phone, assistance-line, hotline, supervision-line, counter, opinion-book, supervisor, media, letter"
'

test_done
