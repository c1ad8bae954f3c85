#!/bin/sh
# The tobacco pack (客户投诉处理管理制度): inquiries answered within 24
# hours, suggestions by the date promised to the customer, complaints
# investigated by the responsible department, and the 分级负责 chain.
#
# The fixture holds an inquiry (2611-0001), a suggestion (2611-0002) and
# a complaint (2611-0003) taken up the chain and resolved as misconduct;
# the tests check each on a copy, and every test that writes a complaint
# ends with plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
F1=2026/11/2611-0001.yaml
F2=2026/11/2611-0002.yaml
F3=2026/11/2611-0003.yaml

# The penalties block: from "penalties:" to the next top-level key.
penalties_of() { awk '/^penalties:/ { p = 1; print; next } p && /^[a-z]/ { exit } p' "$1"; }

# misconduct_record: the penalties of 2611-0003 once resolved.
misconduct_record() {
	cat <<-\EOT
	penalties:
	- rule: misconduct-procedure
	  person: "赵六"
	  sanction: "按组织程序处理"
	  round: 1
	  at: "2026-11-30T10:00:00+08:00"
	EOT
}

test_setup 'init -p tobacco copies the pack, and it loads' '
	plaint -q init -p tobacco tree &&
	test_cmp "$PLAINT_TOP/data/policies/tobacco.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err &&
	plaint -C tree list >out && test ! -s out
'

test_expect_success 'policy prints the pack, with its sources' '
	plaint -C tree policy >out &&
	grep "^policy: tobacco$" out &&
	grep "^calendars: \[cn-2025, cn-2026\]$" out &&
	grep "^timezone: \"+08:00\"$" out &&
	grep "source: \"客户投诉处理管理制度 四、(一) (不能解答的……在24小时答复客户)\"" out &&
	test "$(grep -c "^  source: \"客户投诉处理管理制度 " out)" = 3 &&
	plaint -C tree policy -f json >out.json &&
	grep "\"policy\": \"tobacco\"" out.json
'

test_setup 'an inquiry is answered within 24 hours (四、(一))' '
	plaint -C tree -N $NOW log kind=inquiry channel=hotline subject=卷烟价格咨询 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	echo 2026-11-28T10:00:00+08:00 >expect &&
	due_of tree/$F1 resolution >actual && test_cmp expect actual &&
	! grep "^  first_response:" tree/$F1 &&
	! grep "^  callback:" tree/$F1
'

test_expect_success '24 hours are elapsed time, also over the National Day holiday' '
	plaint -C tree policy due kind=inquiry received=2026-09-30T15:00 >out &&
	echo "resolution       2026-10-01T15:00:00+08:00" >expect &&
	test_cmp expect out &&
	plaint -C tree policy due kind=inquiry received=2026-12-31T23:30 >out &&
	echo "resolution       2027-01-01T23:30:00+08:00" >expect &&
	test_cmp expect out
'

test_expect_success 'the answer stops the clock; a late answer is only shown, not fined' '
	plaint -C tree -N 2026-11-28T11:00:00+08:00 resolve 2611-0001 -m "已答复" &&
	grep "^status: resolved$" tree/$F1 &&
	! grep "^penalties:" tree/$F1 &&
	plaint -C tree -N 2026-11-29T10:00:00+08:00 show -f text 2611-0001 >out &&
	grep "resolution       2026-11-28 10:00" out &&
	passes_check
'

test_setup 'a suggestion keeps the reply date promised at log (四、(二))' '
	plaint -C tree -N $NOW log kind=suggestion channel=phone subject=希望增加送货次数 \
		promised_reply=2026-12-10 due.resolution=2026-12-10T23:59:59+08:00 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^promised_reply: \"2026-12-10\"$" tree/$F2 &&
	echo 2026-12-10T23:59:59+08:00 >expect &&
	due_of tree/$F2 resolution >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 assign 2611-0002 李科长 &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 note 2611-0002 -m "已向领导汇报" &&
	due_of tree/$F2 resolution >actual && test_cmp expect actual
'

test_expect_success 'the promised date may be extended (the pack has no extension rule); Sunday moves to Monday' '
	plaint -C tree -N 2026-12-01T09:00:00+08:00 extend 2611-0002 resolution=3d \
		approved_by=科长 -m "领导尚未批示" &&
	echo 2026-12-14T23:59:59+08:00 >expect &&
	due_of tree/$F2 resolution >actual && test_cmp expect actual &&
	passes_check
'

test_setup 'a complaint gets no deadline: the seed sets none' '
	plaint -C tree -N $NOW log channel=phone category=delivery subject=送货不及时 \
		investigator=周专员 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	! grep "^due:" tree/$F3 &&
	grep "^investigator: \"周专员\"$" tree/$F3 &&
	grep "^kind: complaint$" tree/$F3 &&
	grep "^severity: normal$" tree/$F3 &&
	plaint -C tree policy due >out && test ! -s out
'

test_setup 'the responsible department names its 专人 (四、(三))' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 assign 2611-0003 周专员 department=物流配送中心 &&
	grep "^assignee: \"周专员\"$" tree/$F3 &&
	grep "^department: \"物流配送中心\"$" tree/$F3 &&
	grep "^level: 0$" tree/$F3
'

test_setup 'escalation: 本部门领导, then 分公司客户服务部, then refused' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 escalate 2611-0003 -m "属于工作失职" &&
	grep "^level: 1$" tree/$F3 &&
	grep "^status: escalated$" tree/$F3 &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 escalate 2611-0003 -m "超出本单位范围" &&
	grep "^level: 2$" tree/$F3 &&
	grep "^department: \"分公司客户服务部\"$" tree/$F3 &&
	cp tree/$F3 before &&
	test_expect_code 1 plaint -C tree -N 2026-11-28T10:00:00+08:00 escalate 2611-0003 2>err &&
	test_cmp before tree/$F3 &&
	grep "already at the top of the escalation chain (level 2, 分公司客户服务部)" err
'

test_setup 'a verified misconduct records who is dealt with (a sanction: the procedure)' '
	plaint -C tree -N 2026-11-30T10:00:00+08:00 resolve 2611-0003 -m "已补送并道歉" \
		valid=yes cause=misconduct responsible=赵六 &&
	misconduct_record >expect &&
	penalties_of tree/$F3 >actual && test_cmp expect actual
'

test_expect_success 'further commands add no second record' '
	plaint -C tree -N 2026-11-30T11:00:00+08:00 note 2611-0003 -m "已通知" &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 close 2611-0003 satisfaction=satisfied &&
	grep "^status: closed$" tree/$F3 &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 show 2611-0003 >/dev/null &&
	test "$(grep -c "^- rule: " tree/$F3)" = 1 &&
	misconduct_record >expect &&
	penalties_of tree/$F3 >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'a general lapse records the 考核 rule; an invalid complaint none' '
	plaint -C tree -N $NOW log subject=服务欠缺 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	plaint -C tree -N $NOW resolve 2611-0004 -m r valid=yes cause=staff responsible=钱七 &&
	cat >expect <<-EOT &&
	penalties:
	- rule: lapse-assessment
	  person: "钱七"
	  sanction: "按所在单位有关规章制度和考核规定对当事人进行处理"
	  round: 1
	  at: "$NOW"
	EOT
	penalties_of tree/2026/11/2611-0004.yaml >actual && test_cmp expect actual &&
	plaint -C tree -N $NOW log subject=误会 >id &&
	echo 2611-0005 >expect && test_cmp expect id &&
	plaint -C tree -N $NOW resolve 2611-0005 -m r valid=no cause=customer responsible=钱七 &&
	grep "^status: resolved$" tree/2026/11/2611-0005.yaml &&
	! grep "^penalties:" tree/2026/11/2611-0005.yaml &&
	passes_check
'

# 四、(三): both are sanctions, not money: the report lists them apart.
test_expect_success 'report: the two sanctions in their table, nothing in the fines ledger' '
	plaint -C tree -N $NOW log subject=服务欠缺 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	plaint -C tree -N $NOW resolve 2611-0004 -m r valid=yes cause=staff "responsible=钱七,孙八" &&
	plaint -C tree -N 2026-11-30T12:00:00+08:00 report >out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out &&
	grep "^赵六  *misconduct-procedure  *按组织程序处理  *1$" out &&
	grep "^钱七  *lapse-assessment  *按所在单位有关规章制度和考核规定对当事人进行处理  *1$" out &&
	grep "^孙八  *lapse-assessment  *按所在单位有关规章制度和考核规定对当事人进行处理  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	plaint -C tree -N 2026-11-30T12:00:00+08:00 report -f json >out.json &&
	grep "\"fines_amount\": 0," out.json
'

# 三、(二) 2、 各单位接收超出本单位范围投诉的，应及时登记，传真到分公司客户服务部:
# the customer phoned the county unit; the fax is the unit forwarding it.
test_expect_success 'a complaint a county unit faxed on keeps the customer channel (三、(二) 2、)' '
	plaint -C tree -N $NOW log channel=phone receiving_unit=某县级公司区域营销部 \
		faxed_to_branch=2026-11-27T10:30 category=delivery subject=外县送货延误 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0004.yaml &&
	grep "^channel: phone$" $G &&
	grep "^receiving_unit: \"某县级公司区域营销部\"$" $G &&
	grep "^faxed_to_branch: \"2026-11-27T10:30:00+08:00\"$" $G &&
	plaint -C tree show -f text 2611-0004 >out &&
	grep "^渠道: *投诉电话 (县级公司区域营销部等)$" out &&
	grep "^接诉单位: *某县级公司区域营销部$" out &&
	grep "^传真到分公司客户服务部: *2026-11-27 10:30$" out &&
	passes_check
'

test_expect_success 'the fax is not a channel: how the customer complained is' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log channel=fax subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: channel: \"fax\" is not allowed; the policy allows: phone, hotline, visit" >expect &&
	test_cmp expect err
'

test_expect_success 'the time of the fax is a time' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log channel=phone subject=x \
		faxed_to_branch=当天 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: faxed_to_branch: \"当天\" is not a time" err
'

test_expect_success 'a kind the document does not have is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=report subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: kind: \"report\" is not allowed; the policy allows: complaint, suggestion, inquiry" >expect &&
	test_cmp expect err
'

test_expect_success 'a promised reply that is not a date is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=suggestion subject=x \
		promised_reply=2026-12-32 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: promised_reply: \"2026-12-32\" is not a date" err
'

test_expect_success 'a cause the pack does not list is refused' '
	plaint -C tree -N $NOW log subject=x >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	cp tree/2026/11/2611-0004.yaml before &&
	test_expect_code 65 plaint -C tree -N $NOW resolve 2611-0004 -m r cause=weather 2>err &&
	test_cmp before tree/2026/11/2611-0004.yaml &&
	grep "^plaint: resolve: cause: \"weather\" is not allowed; the policy allows: .*misconduct" err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 3 file(s), 0 with problems$" err
'

test_done
