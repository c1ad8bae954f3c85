#!/bin/sh
# The retail pack (消费者投诉处理制度): price and service complaints are
# settled within 3 working days, product quality within one week; the
# people responsible are sanctioned (四、1, 四、2: no amount), and the
# 有关领导 (四、1) and the 市场管理部销售科 (四、3) are to be informed.
#
# The fixture holds a price (2611-0001), a service (2611-0002, taken up
# to the 总经理) and a product-quality complaint (2611-0003) logged on a
# Friday; the tests check them on a copy, and every test that writes a
# complaint ends with plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
D=tree/2026/11

penalties_of() { awk '/^penalties:/ { p = 1; print; next } p && /^[a-z]/ { exit } p' "$1"; }

test_setup 'init -p retail copies the pack, and it loads' '
	plaint -q init -p retail tree &&
	test_cmp "$PLAINT_TOP/data/policies/retail.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err
'

test_expect_success 'policy prints the pack: categories price, service, product-quality' '
	plaint -C tree policy >out &&
	grep "^policy: retail$" out &&
	sed -n "/^categories:/,/^severities:/p" out | sed -n "s/^  \([a-z-]*\):.*/\1/p" >actual &&
	printf "price\nservice\nproduct-quality\nother\n" >expect && test_cmp expect actual &&
	sed -n "/^deadlines:/,/^penalties:/p" out | grep "^  set:" >actual &&
	cat >expect <<-\EOT &&
	  set: {resolution: 3wd}
	  set: {resolution: 3wd}
	  set: {resolution: 1w}
	EOT
	test_cmp expect actual &&
	test "$(grep -c "^  source: \"消费者投诉处理制度 四、" out)" = 7 &&
	sed -n "/^informs:/,\$p" out | sed -n "s/^  to: //p" >actual &&
	printf "有关领导\n市场管理部销售科\n" >expect && test_cmp expect actual &&
	test_expect_code 1 grep "^  amount:" out
'

test_setup 'logged on Friday: price and service by Wednesday, product quality by Friday' '
	plaint -C tree -N $NOW log channel=phone category=price subject=标价与结算价不符 >ids &&
	plaint -C tree -N $NOW log channel=counter category=service subject=营业员态度差 >>ids &&
	plaint -C tree -N $NOW log channel=phone category=product-quality subject=包装破损 \
		product_name=洗发水 specification=400ml batch=20261001 >>ids &&
	printf "2611-0001\n2611-0002\n2611-0003\n" >expect && test_cmp expect ids &&
	for c in "0001 2026-12-02T23:59:59+08:00" "0002 2026-12-02T23:59:59+08:00" \
		"0003 2026-12-04T23:59:59+08:00"; do
		set -- $c
		echo $2 >expect &&
		due_of $D/2611-$1.yaml resolution >actual &&
		test_cmp expect actual || return 1
	done &&
	grep "^department: \"商务部\"$" $D/2611-0001.yaml &&
	grep "^specification: \"400ml\"$" $D/2611-0003.yaml
'

test_expect_success 'working days and week ends follow the 2026 schedule' '
	for c in "price 2026-09-30T10:00 2026-10-10T23:59:59+08:00" \
		"product-quality 2026-09-30T10:00 2026-10-08T23:59:59+08:00" \
		"service 2026-02-12T10:00 2026-02-24T23:59:59+08:00" \
		"product-quality 2026-04-28T10:00 2026-05-06T23:59:59+08:00" \
		"price 2026-06-18T16:00 2026-06-24T23:59:59+08:00" \
		"product-quality 2026-06-12T16:00 2026-06-22T23:59:59+08:00"; do
		set -- $c
		plaint -C tree policy due category=$1 received=$2 >out &&
		echo "resolution       $3" >expect &&
		test_cmp expect out || return 1
	done
'

test_expect_success 'a category without a time limit gets no deadline' '
	plaint -C tree -N $NOW log category=other subject=停车难 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	! grep "^due:" $D/2611-0004.yaml &&
	plaint -C tree policy due >out && test ! -s out &&
	passes_check
'

test_expect_success 'a week past the end of 2026 is counted on weekdays and flagged' '
	plaint -C tree -N 2026-12-27T10:00:00+08:00 log category=product-quality subject=x \
		>id 2>err &&
	echo 2612-0001 >expect && test_cmp expect id &&
	grep "warning: a deadline falls in a year without a calendar" err &&
	echo 2027-01-04T23:59:59+08:00 >expect &&
	due_of tree/2026/12/2612-0001.yaml resolution >actual && test_cmp expect actual &&
	grep "^calendar: incomplete$" tree/2026/12/2612-0001.yaml &&
	passes_check
'

test_setup 'escalation to the 总经理 (四、2) keeps the time limit' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 escalate 2611-0002 -m "必要时由总经理负责落实" &&
	grep "^level: 1$" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 escalate 2611-0002 assignee=总经理 &&
	grep "^level: 2$" $D/2611-0002.yaml &&
	grep "^assignee: \"总经理\"$" $D/2611-0002.yaml &&
	echo 2026-12-02T23:59:59+08:00 >expect &&
	due_of $D/2611-0002.yaml resolution >actual && test_cmp expect actual &&
	cp $D/2611-0002.yaml before &&
	test_expect_code 1 plaint -C tree escalate 2611-0002 2>err &&
	test_cmp before $D/2611-0002.yaml &&
	grep "(level 2, 总经理)" err
'

test_expect_success 'a verified price complaint records the person to be punished (四、1), once' '
	plaint -C tree -N 2026-11-30T10:00:00+08:00 resolve 2611-0001 -m "已退差价" \
		valid=yes cause=price responsible=物价员吴 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: price-responsible
	  person: "物价员吴"
	  sanction: "对相关责任人给予处罚"
	  round: 1
	  at: "2026-11-30T10:00:00+08:00"
	EOT
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 note 2611-0001 -m 已上报 &&
	plaint -C tree -N 2026-11-30T12:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" $D/2611-0001.yaml &&
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'service: the direct responsible person, for the 总经理 to approve (四、2)' '
	plaint -C tree -N 2026-12-01T10:00:00+08:00 resolve 2611-0002 -m "已道歉" \
		valid=yes cause=staff responsible=张三 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: service-responsible
	  person: "张三"
	  sanction: "对直接责任人提出处理意见"
	  round: 1
	  approved_by: "总经理"
	  carried_out_by: "人力资源科"
	  at: "2026-12-01T10:00:00+08:00"
	EOT
	penalties_of $D/2611-0002.yaml >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'report: the 四、2 proposal is a sanction, not in the fines ledger' '
	plaint -C tree -N 2026-12-01T10:00:00+08:00 resolve 2611-0002 -m "已道歉" \
		valid=yes cause=staff responsible=张三 &&
	plaint -C tree -N 2026-12-01T11:00:00+08:00 report from=2026-11-01 >out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out &&
	grep "^张三  *service-responsible  *对直接责任人提出处理意见  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	grep "^TOTAL  *OPEN  *OVERDUE  *INVALID  *UNSATISFIED  *FINES  *AMOUNT$" out &&
	grep "^3  *2  *0  *0  *0  *0  *0$" out
'

test_expect_success 'a staff cause not verified, or another cause, sanctions nobody (四、2)' '
	plaint -C tree -N 2026-12-01T10:00:00+08:00 resolve 2611-0002 -m "不属实" \
		valid=no cause=staff responsible=张三 &&
	test_expect_code 1 grep "^penalties:" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-12-01T11:00:00+08:00 reopen 2611-0002 -m 复查 &&
	plaint -C tree -N 2026-12-01T12:00:00+08:00 resolve 2611-0002 -m "顾客误会" \
		valid=yes cause=customer responsible=张三 &&
	test_expect_code 1 grep "^penalties:" $D/2611-0002.yaml
'

# 四、1: the cause and the result go to the 有关领导 once it is settled.
test_expect_success 'price: the 有关领导 are owed the result from the resolve on (四、1)' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 remind >out &&
	test_expect_code 1 grep "有关领导" out &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 resolve 2611-0001 -m "已退差价" \
		valid=yes cause=price responsible=物价员吴 &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 remind >out &&
	grep "^  2611-0001  *有关领导  *-  *inform owed" out &&
	plaint -C tree -N 2026-11-30T12:00:00+08:00 do 2611-0001 notify to=有关领导 \
		-m "已上报原因及处理结果" &&
	plaint -C tree -N 2026-11-30T13:00:00+08:00 remind >out &&
	test_expect_code 1 grep "有关领导" out &&
	plaint -C tree -N 2026-11-30T13:00:00+08:00 report >out &&
	grep "^INFORM  *TO  *DONE  *OWED$" out &&
	grep "^price-to-leaders  *有关领导  *1  *0$" out &&
	passes_check
'

# 四、3: a major event is fed back to the 市场管理部销售科 at once, to
# agree the solution: owed from the log, not from the resolve.
test_expect_success 'a major product-quality event is owed to the 市场管理部销售科 from the log (四、3)' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=phone category=product-quality \
		severity=major assignee=商务部负责人 subject=批量变质 >id &&
	echo 2611-0004 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 remind >out &&
	grep "^商务部负责人: 1 to inform$" out &&
	grep "^  2611-0004  *市场管理部销售科  *-  *inform owed" out &&
	test_expect_code 1 grep "2611-0003  *市场管理部销售科" out &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 report >out &&
	grep "^major-to-sales-office  *市场管理部销售科  *0  *1$" out &&
	plaint -C tree -N 2026-11-27T13:00:00+08:00 do 2611-0004 notify to=市场管理部销售科 \
		-m "已反馈，协商解决方案" &&
	plaint -C tree -N 2026-11-27T14:00:00+08:00 remind >out &&
	test_expect_code 1 grep "市场管理部销售科" out &&
	plaint -C tree -N 2026-11-27T14:00:00+08:00 report >out &&
	grep "^major-to-sales-office  *市场管理部销售科  *1  *0$" out &&
	passes_check
'

test_expect_success 'a notice to another department leaves the 四、3 duty owed' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log category=product-quality \
		severity=major subject=批量变质 >id &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 do 2611-0004 notify to=总经理 -m 已汇报 &&
	plaint -C tree -N 2026-11-27T13:00:00+08:00 remind >out &&
	grep "^  2611-0004  *市场管理部销售科  *-  *inform owed" out
'

test_expect_success 'the time limit may be extended (the seed has no extension rule)' '
	plaint -C tree -N 2026-12-01T10:00:00+08:00 extend 2611-0003 resolution=3wd \
		approved_by=商务部负责人 -m "等待厂家检测" &&
	echo 2026-12-09T23:59:59+08:00 >expect &&
	due_of $D/2611-0003.yaml resolution >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'a category the pack does not list is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log category=parking subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: category: \"parking\" is not allowed; the policy allows: price, service, product-quality, other" >expect &&
	test_cmp expect err
'

test_expect_success 'a severity the pack does not list is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log severity=crisis subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: severity: \"crisis\" is not allowed; the policy allows: normal, major$" err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 3 file(s), 0 with problems$" err
'

test_done
