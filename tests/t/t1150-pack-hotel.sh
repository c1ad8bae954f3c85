#!/bin/sh
# The hotel pack (酒店宾客投诉处理规章制度): four categories (二、1-4), the
# time agreed with the guest (三、1.5) as the resolution due, the call
# back after a repair (二、1) with no deadline (the text says only 事后),
# and the facts 三、1.2 asks for: 发生的时间、地点、经过、涉及人员.
#
# The fixture follows one facilities complaint, 2611-0001, from log
# through extension and escalation to its repair; the tests check each
# step on a copy.
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml


test_setup 'init -p hotel loads; policy prints it' '
	pack_loads hotel
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	for v in staff customer product other; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	for v in facilities attitude service-quality abnormal-event; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	grep "^calendars: \[cn-2025, cn-2026\]$" tree/plaint.yaml &&
	grep "^timezone: \"+08:00\"$" tree/plaint.yaml
'

# 三、1.5: the time needed is told to the guest and agreed: given at log.
test_setup 'a facilities complaint with the time agreed with the guest' '
	plaint -C tree -N 2026-11-27T21:00:00+08:00 log channel=phone \
		category=facilities subject=空调不制热 complainant.name=陈先生 \
		due.resolution=2026-11-27T22:00:00+08:00 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	test "$(due_of tree/$F resolution)" = 2026-11-27T22:00:00+08:00 &&
	test -z "$(due_of tree/$F callback)" &&
	test -z "$(due_of tree/$F first_response)"
'

test_setup 'the guest agrees to half an hour more: extend' '
	plaint -C tree -N 2026-11-27T21:30:00+08:00 extend 2611-0001 \
		resolution=30m approved_by=值班经理 -m 需更换配件 &&
	test "$(due_of tree/$F resolution)" = 2026-11-27T22:30:00+08:00
'

test_expect_success 'the callback cannot be extended' '
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree -N 2026-11-27T21:35:00+08:00 extend 2611-0001 \
		callback=1h approved_by=值班经理 -m x 2>err &&
	test_cmp before tree/$F &&
	grep "does not allow extending the callback deadline" err
'

test_setup 'escalate to the department concerned (三、1.5)' '
	plaint -C tree -N 2026-11-27T21:40:00+08:00 escalate 2611-0001 \
		department=工程部 assignee=维修工张 -m 需维修 &&
	grep "^level: 1$" tree/$F &&
	grep "^department: \"工程部\"$" tree/$F &&
	grep "^assignee: \"维修工张\"$" tree/$F &&
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree escalate 2611-0001 2>err &&
	test_cmp before tree/$F &&
	grep "already at the top of the escalation chain (level 1, " err
'

# 二、1: 事后,再次与客人电话联系 — afterwards, with no time given: the
# pack sets no callback deadline (a house may, from the commented
# example in the pack).
test_setup 'repaired: no callback deadline is set (二、1 says only 事后)' '
	plaint -C tree -N 2026-11-27T22:10:00+08:00 resolve 2611-0001 \
		-m 已更换配件 valid=yes cause=equipment &&
	test -z "$(due_of tree/$F callback)" &&
	test "$(due_of tree/$F resolution)" = 2026-11-27T22:30:00+08:00 &&
	plaint -C tree -N 2026-11-27T22:20:00+08:00 note 2611-0001 -m 工程部确认 &&
	test -z "$(due_of tree/$F callback)" &&
	! grep "^penalties:" tree/$F &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 show -f text 2611-0001 >out &&
	! grep "^  callback " out &&
	plaint -C tree policy >out &&
	! grep "^deadlines:" out &&
	grep "^#     set: { callback: 2h }$" tree/plaint.yaml
'

test_expect_success 'the call back closes it; no fine, no notice owed' '
	plaint -C tree -N 2026-11-27T23:00:00+08:00 close 2611-0001 \
		satisfaction=satisfied -m 客人确认已恢复 &&
	grep "^status: closed$" tree/$F &&
	! grep "^penalties:" tree/$F &&
	test -z "$(due_of tree/$F callback)"
'

test_expect_success 'an attitude complaint has no callback deadline' '
	plaint -C tree -N 2026-11-28T08:00:00+08:00 log channel=visit \
		category=attitude subject=前台冷淡 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0002.yaml &&
	plaint -C tree -N 2026-11-28T08:30:00+08:00 resolve 2611-0002 -m 已致歉 \
		valid=yes cause=staff responsible=前台乙 &&
	grep "^status: resolved$" $G &&
	! grep "^due:" $G &&
	! grep "^penalties:" $G
'

test_expect_success 'abnormal events are a category of their own' '
	plaint -C tree -N 2026-11-28T02:00:00+08:00 log channel=phone \
		category=abnormal-event severity=major subject=房内反锁 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^category: abnormal-event$" tree/2026/11/2611-0002.yaml
'

# 三、1.2 注意倾听客人投诉的具体 (发生的时间、地点、经过、涉及人员等).
test_expect_success 'log takes the facts of 三、1.2: time, place, course, persons involved' '
	plaint -C tree -N 2026-11-28T08:00:00+08:00 log channel=visit \
		category=service-quality subject=私闯房间 \
		occurred_at=2026-11-28T07:40 place=1208房 \
		course="未经同意开门进入客房" persons_involved=服务员乙，客人陈先生 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0002.yaml &&
	sed -n "/^occurred_at:/,/^history:/p" $G >actual &&
	cat >expect <<-\EOT &&
	occurred_at: "2026-11-28T07:40:00+08:00"
	place: "1208房"
	course: "未经同意开门进入客房"
	persons_involved:
	- "服务员乙"
	- "客人陈先生"
	history:
	EOT
	test_cmp expect actual &&
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^发生的时间:   2026-11-28 07:40$" out &&
	grep "^地点:         1208房$" out &&
	grep "^经过:         未经同意开门进入客房$" out &&
	grep "^涉及人员:     服务员乙, 客人陈先生$" out &&
	plaint -C tree show -f json 2611-0002 >out.json &&
	grep "^  \"occurred_at\": \"2026-11-28T07:40:00+08:00\",$" out.json &&
	grep "^  \"persons_involved\": \[$" out.json &&
	passes_check
'

test_expect_success 'a time of the event that is not a time is bad data (65)' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x occurred_at=昨晚 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: occurred_at: \"昨晚\" is not a time (use 2026-11-27T10:00:00+08:00)" >expect &&
	test_cmp expect err
'

test_expect_success 'a channel the pack does not have is bad data' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log channel=email subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: channel: \"email\" is not allowed; the policy allows: phone, visit, letter$" err
'

test_done
