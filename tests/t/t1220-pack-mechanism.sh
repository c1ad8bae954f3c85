#!/bin/sh
# The mechanism pack (客户投诉处理机制): the normal, direct and external
# channels, external complaints started with senior management, inquiries
# within 24 hours, promised replies to suggestions, and the sanctions on
# staff at fault (第五条 一、1、2、), with no amount.
#
# The fixture holds a service complaint taken to the department head (2611-0001)
# and a direct one by phone (2611-0002); the tests log their other cases
# on a copy, and every test that writes a complaint ends with plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
D=tree/2026/11

penalties_of() { awk '/^penalties:/ { p = 1; print; next } p && /^[a-z]/ { exit } p' "$1"; }

test_setup 'init -p mechanism copies the pack, and it loads' '
	plaint -q init -p mechanism tree &&
	test_cmp "$PLAINT_TOP/data/policies/mechanism.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err
'

test_expect_success 'policy prints the pack: channels, chain, sources' '
	plaint -C tree policy >out &&
	grep "^policy: mechanism$" out &&
	sed -n "/^channels:/,/^categories:/p" out | sed -n "s/^  \([a-z-]*\):.*/\1/p" >actual &&
	printf "normal\ndirect\nphone\nopinion-box\nexternal\n" >expect &&
	test_cmp expect actual &&
	grep "^- {name: \"公司高层领导\", department: \"公司高层\"}$" out &&
	test "$(grep -c "^  source: \"客户投诉处理机制 第五条 " out)" = 3
'

test_expect_success 'an inquiry is answered within 24 hours (第五条 三、)' '
	plaint -C tree -N $NOW log kind=inquiry channel=phone subject=营业时间 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	echo 2026-11-28T10:00:00+08:00 >expect &&
	due_of $D/2611-0001.yaml resolution >actual && test_cmp expect actual &&
	plaint -C tree policy due kind=inquiry received=2026-02-14T18:00 >out &&
	echo "resolution       2026-02-15T18:00:00+08:00" >expect && test_cmp expect out &&
	passes_check
'

test_expect_success 'a suggestion keeps the promised reply date (第五条 二、)' '
	plaint -C tree -N $NOW log kind=suggestion channel=opinion-box subject=延长营业时间 \
		promised_reply=2026-12-04 due.resolution=2026-12-04T23:59:59+08:00 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 assign 2611-0001 行政专员 &&
	grep "^assignee: \"行政专员\"$" $D/2611-0001.yaml &&
	echo 2026-12-04T23:59:59+08:00 >expect &&
	due_of $D/2611-0001.yaml resolution >actual && test_cmp expect actual &&
	passes_check
'

test_setup 'a complaint gets no deadline (第三条 一、 names no time)' '
	plaint -C tree -N $NOW log channel=normal category=service subject=店员态度差 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	! grep "^due:" $D/2611-0001.yaml &&
	grep "^level: 0$" $D/2611-0001.yaml &&
	! grep "routes:" $D/2611-0001.yaml &&
	grep "^severity: normal$" $D/2611-0001.yaml
'

test_setup 'not satisfied, or beyond the receiver: the department head (第六条 一、1.2)' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 assign 2611-0001 店员甲 &&
	plaint -C tree -N 2026-11-27T15:00:00+08:00 escalate 2611-0001 -m "客户仍不满意" assignee=店长 &&
	grep "^level: 1$" $D/2611-0001.yaml &&
	grep "^assignee: \"店长\"$" $D/2611-0001.yaml &&
	grep "^status: escalated$" $D/2611-0001.yaml
'

test_setup 'a direct complaint by phone goes to 行政人事部 (第四条 二、)' '
	plaint -C tree -N $NOW log channel=phone department=行政人事部 subject=越级投诉 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^channel: phone$" $D/2611-0002.yaml &&
	grep "^department: \"行政人事部\"$" $D/2611-0002.yaml &&
	grep "^level: 0$" $D/2611-0002.yaml &&
	! grep "routes:" $D/2611-0002.yaml
'

# 第六条 一、1.1: 员工接到投诉后，应先了解相关情况(包括投诉事件发生的时间、
# 地点、经过、主要当事人姓名及客户联系方式等).
test_expect_success 'the event: time, place, course, main parties (第六条 一、1.1)' '
	plaint -C tree -N $NOW log channel=normal subject=收银员出言不逊 \
		incident_time=2026-11-26T19:30 incident_place=一号门店收银台 \
		incident_account=结账时收银员与客户争吵 parties=收银员甲，客户张三 \
		complainant.phone=13800000000 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	G=$D/2611-0003.yaml &&
	sed -n "/^incident_time:/,/^history:/p" $G >actual &&
	cat >expect <<-\EOT &&
	incident_time: "2026-11-26T19:30:00+08:00"
	incident_place: "一号门店收银台"
	incident_account: "结账时收银员与客户争吵"
	parties:
	- "收银员甲"
	- "客户张三"
	history:
	EOT
	test_cmp expect actual &&
	grep "^  phone: \"13800000000\"$" $G &&
	plaint -C tree show -f text 2611-0003 >out &&
	grep "^事件发生时间: *2026-11-26 19:30$" out &&
	grep "^事件发生地点: *一号门店收银台$" out &&
	grep "^事件经过: *结账时收银员与客户争吵$" out &&
	grep "^主要当事人: *收银员甲, 客户张三$" out &&
	plaint -C tree list parties=客户张三 >out &&
	grep "^2611-0003 " out &&
	passes_check
'

test_expect_success 'an event time that is not a time is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log subject=x incident_time=昨晚 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: incident_time: \"昨晚\" is not a time" err
'

test_expect_success 'a complaint about goods goes to 采购部门 (第五条 一、4)' '
	plaint -C tree -N $NOW log channel=normal category=goods subject=商品破损 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	grep "^department: \"采购部门\"$" $D/2611-0003.yaml &&
	passes_check
'

test_expect_success 'an external complaint starts with senior management (第四条 三、)' '
	plaint -C tree -N $NOW log channel=external external_body=消费者协会 subject=消协转办 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	G=$D/2611-0003.yaml &&
	grep "^external_body: \"消费者协会\"$" $G &&
	grep "^level: 2$" $G &&
	grep "^department: \"公司高层\"$" $G &&
	grep "^severity: normal$" $G &&
	sed -n "/^history:/,\$p" $G >h &&
	printf "  routes:\n  - external\n" >expect &&
	sed -n "/^  routes:/,\$p" h >actual && test_cmp expect actual &&
	plaint -C tree list channel=external level!=2 >out &&
	! grep "^2611-0003 " out &&
	cp $G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0003 2>err &&
	test_cmp before $G &&
	grep "(level 2, 公司高层领导)" err &&
	passes_check
'

# 第五条 一、1: 投诉工作或服务的,…判定属于违规或工作失职的,应将具体情况向本部门
# 领导汇报,按组织程序处理.
test_expect_success 'verified misconduct: the person is recorded for the procedure, once' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0001 -m "已道歉" \
		valid=yes cause=misconduct responsible=店员甲 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: misconduct-procedure
	  person: "店员甲"
	  sanction: "向本部门领导汇报,按组织程序处理"
	  round: 1
	  at: "2026-11-28T09:00:00+08:00"
	EOT
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 note 2611-0001 -m 回访 &&
	plaint -C tree -N 2026-11-28T11:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" $D/2611-0001.yaml &&
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-28T12:00:00+08:00 report >out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out &&
	grep "^店员甲  *misconduct-procedure  *向本部门领导汇报,按组织程序处理  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	plaint -C tree -N 2026-11-28T12:00:00+08:00 report -f json >out.json &&
	grep "\"fines_amount\": 0," out.json &&
	grep "\"fines_ledger\": \[\]," out.json &&
	passes_check
'

# 第五条 一、2: 属于一般工作失误、服务欠缺的,按所在部门有关规章制度和考核规定
# 对当事人进行处理,并使其立即纠正.
test_expect_success 'a verified lapse: each person is dealt with by the assessment rules' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0001 -m "已道歉" \
		valid=yes cause=staff responsible=店员甲,店员乙 &&
	grep -c "^- rule: lapse-assessment$" $D/2611-0001.yaml >n &&
	echo 2 >expect && test_cmp expect n &&
	grep -A4 "^- rule: lapse-assessment$" $D/2611-0001.yaml >lapse &&
	grep "^  sanction: \"按所在部门有关规章制度和考核规定对当事人进行处理,并使其立即纠正\"$" lapse &&
	test_expect_code 1 grep "amount\|approved_by\|carried_out_by" lapse &&
	plaint -C tree -N 2026-11-28T12:00:00+08:00 report >out &&
	grep "^店员乙  *lapse-assessment  *按所在部门有关规章制度和考核规定对当事人进行处理,并使其立即纠正  *1$" out &&
	passes_check
'

test_expect_success 'a goods complaint, or one found groundless, sanctions nobody' '
	plaint -C tree -N $NOW log channel=normal category=goods subject=商品破损 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0003 -m "已换货" \
		valid=yes cause=misconduct responsible=采购员甲 &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0001 -m "已解释" \
		valid=no cause=staff responsible=店员甲 &&
	plaint -C tree -N $NOW log channel=normal category=service subject=收银员违规 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0004 -m "查无此事" \
		valid=no cause=misconduct responsible=收银员甲 &&
	! grep "^penalties:" $D/2611-0001.yaml $D/2611-0003.yaml $D/2611-0004.yaml &&
	passes_check
'

test_expect_success 'a customer misunderstanding (第五条 一、3) sanctions nobody' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0002 -m "已解释" \
		valid=no cause=customer responsible=某人 &&
	grep "^status: resolved$" $D/2611-0002.yaml &&
	! grep "^penalties:" $D/2611-0002.yaml &&
	passes_check
'

test_expect_success 'an external body the seed does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log channel=external external_body=朋友圈 subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: external_body: \"朋友圈\" is not allowed; the policy allows: 消费者协会, 行业协会, 行政管理机关, 新闻媒体, 司法机关" >expect &&
	test_cmp expect err
'

test_expect_success 'a channel the seed does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log channel=hotline subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: channel: \"hotline\" is not allowed; the policy allows: normal, direct, phone, opinion-box, external$" err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 2 file(s), 0 with problems$" err
'

test_done
