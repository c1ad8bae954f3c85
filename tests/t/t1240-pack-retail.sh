#!/bin/sh
# The retail pack (消费者投诉处理制度): price and service complaints are
# settled within 3 working days, product quality within one week.
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
	test "$(grep -c "^  source: \"消费者投诉处理制度 四、" out)" = 5
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
	  amount: 0
	  round: 1
	  also: "处理结果上报有关领导，给予处罚"
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
		valid=yes cause=staff responsible=营业员郑 &&
	grep "^- rule: service-responsible$" $D/2611-0002.yaml &&
	grep "^  person: \"营业员郑\"$" $D/2611-0002.yaml &&
	grep "^  also: \"提出处理意见，报总经理批准，人力资源科处理\"$" $D/2611-0002.yaml &&
	passes_check
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
