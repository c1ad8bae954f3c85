#!/bin/sh
# plaint remind: what is overdue or due within the window, per assignee,
# the written notices owed; -q is silent when nothing is due; -e
# escalates and fines what the policy says, once.
. "$PLAINT_TOP/tests/test-lib.sh"

export PLAINT_NOW=2026-11-26T10:00:00+08:00
F1=2026/11/2611-0001.yaml

# escalated_once: the state after the 10:00 cron run of remind -e (2611-0001
# escalated to level 1 and 李四 fined), for the tests that start from it.
escalated_once() {
	plaint remind -e >/dev/null
}

# Every test works in t, the tree the setup builds.
test_setup 'a tree with rules, auto_escalate and four complaints' '
	make_tree t &&
	with_clocks t &&
	cat >>t/plaint.yaml <<-\EOT &&
	penalties:
	  - {id: late-response, on: breach, clock: first_response, amount: 20, person: assignee}
	notices:
	  - {id: written-notice, when: {complainant.name: "*"}, by: [letter]}
	auto_escalate: [resolution]
	EOT
	cd t &&
	plaint -N 2026-11-20T09:00 log subject=电表 assignee=李四 >/dev/null &&
	plaint -N 2026-11-25T12:00 log subject=账单 assignee=李四 >/dev/null &&
	plaint -N 2026-11-25T13:00 note 2611-0002 -c -m 已联系 &&
	plaint -N 2026-11-25T11:00 log subject=噪音 >/dev/null &&
	plaint -N 2026-11-20T09:00 log subject=停电 assignee=张三 complainant.name=王五 >/dev/null &&
	plaint -N 2026-11-21T08:00 resolve 2611-0004 -m 已恢复供电
'

test_expect_success 'golden: grouped by assignee, overdue first, the unassigned last' '
	cd t &&
	plaint remind >out &&
	cat >expect <<-\EOT &&
	张三: 1 overdue, 1 notice owed
	  2611-0004  callback        2026-11-24 23:59  overdue by 1d 10h  停电
	  2611-0004  written-notice  -                 notice owed        停电

	李四: 2 overdue
	  2611-0001  first_response  2026-11-21 09:00  overdue by 5d 1h   电表
	  2611-0001  resolution      2026-11-25 23:59  overdue by 10h 0m  电表

	(unassigned): 1 due within 24h
	  2611-0003  first_response  2026-11-26 11:00  due in 1h 0m       噪音
	EOT
	test_cmp expect out
'

test_expect_success '-w widens the window' '
	cd t &&
	plaint remind -w 5d assignee=李四 >out &&
	cat >expect <<-\EOT &&
	李四: 2 overdue, 1 due within 5d
	  2611-0001  first_response  2026-11-21 09:00  overdue by 5d 1h   电表
	  2611-0001  resolution      2026-11-25 23:59  overdue by 10h 0m  电表
	  2611-0002  resolution      2026-11-30 23:59  due in 4d 13h      账单
	EOT
	test_cmp expect out
'

test_expect_success 'a narrow window leaves out what is not yet due' '
	cd t &&
	plaint remind -w 30m assignee= >out &&
	test_cmp /dev/null out
'

test_expect_success '-q prints nothing when nothing is due' '
	cd t &&
	plaint -q remind -w 30m assignee= >out 2>err &&
	test ! -s out && test ! -s err &&
	plaint -q remind >out && test -s out
'

test_expect_success 'remind alone changes nothing' '
	cd t &&
	cp $F1 before &&
	cp -R 2026 ../before &&
	plaint remind >/dev/null &&
	test_cmp before $F1 &&
	diff -r ../before 2026
'

test_expect_success 'a window that is not a duration is refused' '
	cd t &&
	cp -R 2026 ../before &&
	test_expect_code 64 plaint remind -w soon >out 2>err &&
	grep "^plaint: remind: -w: \"soon\" is not a duration" err &&
	test ! -s out &&
	diff -r ../before 2026
'

test_expect_success '-e escalates for the auto_escalate clock and fines once' '
	cd t &&
	plaint remind -e >out &&
	tail -n 3 out >actual &&
	cat >expect <<-\EOT &&

	escalated 2611-0001 to level 1 (部门负责人): resolution overdue
	fined 李四 20 (late-response) on 2611-0001
	EOT
	test_cmp expect actual &&
	grep "^status: escalated" $F1 && grep "^level: 1" $F1 &&
	grep -c "auto: resolution" $F1 >n && echo 1 >expect && test_cmp expect n &&
	grep -c "rule: late-response" $F1 >n && test_cmp expect n
'

test_expect_success '-e again, a minute later: nothing changes' '
	cd t &&
	escalated_once &&
	cp $F1 before &&
	cp -R 2026 ../before &&
	plaint -N 2026-11-26T10:01 remind -e >out &&
	test_cmp before $F1 &&
	diff -r ../before 2026 &&
	! grep "^escalated\|^fined" out
'

test_expect_success '-e leaves alone what is not in auto_escalate (callback) and fines nobody twice' '
	cd t &&
	escalated_once &&
	plaint -N 2026-11-26T10:01 remind -e >/dev/null &&
	grep "^status: resolved" 2026/11/2611-0004.yaml &&
	grep "^level: 0" 2026/11/2611-0004.yaml &&
	! grep "penalties" 2026/11/2611-0004.yaml &&
	grep -c "rule: late-response" $F1 >n && echo 1 >expect && test_cmp expect n
'

test_expect_success '-e fines without escalating: a penalty event, once' '
	cd t &&
	plaint -N 2026-11-25T09:00 log subject=迟复 assignee=赵六 >/dev/null &&
	plaint -N 2026-11-26T12:00 remind -e >out &&
	grep "^fined 赵六 20 (late-response) on 2611-0005" out &&
	! grep "^escalated 2611-0005" out &&
	grep "action: penalty" 2026/11/2611-0005.yaml &&
	grep "rules: \[late-response\]" 2026/11/2611-0005.yaml &&
	cp 2026/11/2611-0005.yaml before &&
	plaint -N 2026-11-26T12:05 remind -e >/dev/null &&
	test_cmp before 2026/11/2611-0005.yaml
'

test_expect_success 'a new round may be escalated again for the same clock' '
	cd t &&
	escalated_once &&
	grep "^level: 1" $F1 &&
	plaint -N 2026-11-26T13:00 resolve 2611-0001 -m 已处理 &&
	plaint -N 2026-11-26T14:00 reopen 2611-0001 -m 不满意 &&
	plaint -N 2026-12-09T10:00 remind -e >out &&
	grep "^escalated 2611-0001 to level 2 (分管领导): resolution overdue" out &&
	test "$(grep -c "auto: resolution" $F1)" = 2
'

test_expect_success 'bad files are skipped, and the status is 65' '
	cd t &&
	mkdir -p 2026/12 && printf "id: [\n" >2026/12/2612-0001.yaml &&
	test_expect_code 65 plaint remind >out 2>err &&
	grep "2612-0001.yaml" err &&
	test -s out
'

test_expect_success 'an empty tree: nothing is due' '
	cd t &&
	make_tree ../empty &&
	plaint -C ../empty remind >out 2>err &&
	test_cmp /dev/null out && test_cmp /dev/null err &&
	plaint -C ../empty -q remind -e >out && test ! -s out
'

test_done
