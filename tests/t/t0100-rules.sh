#!/bin/sh
# The rules engine through the commands: deadlines at log and escalate,
# pause and resume, extensions, penalties once per rule and round,
# notices owed at close, withdrawn complaints, rounds, policy due.
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/09/2609-0001.yaml

# A tree whose policy adds rules to the default pack.
rules_tree() {
	make_tree "$1" &&
	with_clocks "$1" &&
	cat >>"$1/plaint.yaml" <<-\EOF
	  - {id: crisis, when: {severity: crisis}, set: {first_response: 10m}}
	  - {id: level1, when: {level: 1}, from: received, set: {resolution: 10d}}
	penalties:
	  - {id: staff-fault, when: {resolution.valid: yes, resolution.cause: staff}, amount: 50}
	  - {id: late-response, on: breach, clock: first_response, amount: 20, person: assignee}
	notices:
	  - {id: written-notice, when: {complainant.name: "*"}, by: [letter]}
	extensions:
	  - {clock: resolution, max: 5d, approved_by: [总经理]}
	rounds: {max: 2}
	EOF
}

# Tree "a": one crisis complaint 2609-0001, logged Sep 28 10:00 (due_of
# is in test-lib.sh).
test_setup 'log stores the deadlines of the matching rules' '
	rules_tree a &&
	plaint -C a -N 2026-09-28T10:00 log subject=s severity=crisis >id &&
	echo 2609-0001 >expect && test_cmp expect id &&
	echo 2026-09-28T10:10:00+08:00 >expect && due_of a/$F first_response >actual && test_cmp expect actual &&
	echo 2026-10-08T23:59:59+08:00 >expect && due_of a/$F resolution >actual && test_cmp expect actual &&
	! grep -q "^  callback:" a/$F
'

# For 2609-0001 the 5 days of level 0 also end on Oct 8 (National Day):
# a complaint of Nov 2 tells 5 days (Nov 9, a Monday) from 10 (Nov 12).
test_expect_success 'escalate recomputes: level 1 has 10 days from receipt' '
	plaint -C a -N 2026-09-30T10:00 escalate 2609-0001 &&
	grep "^level: 1" a/$F &&
	echo 2026-10-08T23:59:59+08:00 >expect && due_of a/$F resolution >actual && test_cmp expect actual &&
	plaint -C a -N 2026-11-02T09:00 log subject=t >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	echo 2026-11-09T23:59:59+08:00 >expect &&
	due_of a/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual &&
	plaint -C a -N 2026-11-03T10:00 escalate 2611-0001 &&
	echo 2026-11-12T23:59:59+08:00 >expect &&
	due_of a/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'policy due prints the same, touching nothing' '
	cp -a a before &&
	plaint -C a policy due severity=crisis received=2026-09-28T10:00 >out &&
	printf "first_response   2026-09-28T10:10:00+08:00\nresolution       2026-10-08T23:59:59+08:00\n" >expect &&
	test_cmp expect out &&
	plaint -C a policy -f json due level=1 received=2026-11-02T09:00 >out &&
	printf "{\n  \"first_response\": \"2026-11-03T09:00:00+08:00\",\n  \"resolution\": \"2026-11-12T23:59:59+08:00\"\n}\n" >expect &&
	test_cmp expect out &&
	diff -r before a
'

test_expect_success 'extend without the approver the policy names is refused' '
	cp a/$F before &&
	test_expect_code 1 plaint -C a -N 2026-10-01T10:00 extend 2609-0001 resolution=3d approved_by=李四 -m r 2>err &&
	grep "extending resolution needs the approval of 总经理" err &&
	test_cmp before a/$F
'

test_expect_success 'extend past the maximum is refused' '
	cp a/$F before &&
	test_expect_code 1 plaint -C a -N 2026-10-01T10:00 extend 2609-0001 resolution=6d approved_by=总经理 -m r 2>err &&
	grep "allows extending resolution by 5d at most" err &&
	test_cmp before a/$F
'

test_expect_success 'extend of a clock the policy does not list is refused' '
	cp a/$F before &&
	test_expect_code 1 plaint -C a -N 2026-10-01T10:00 extend 2609-0001 first_response=1h approved_by=总经理 -m r 2>err &&
	grep "does not allow extending the first_response deadline" err &&
	test_cmp before a/$F
'

test_expect_success 'extend with the approver: 3 days after Oct 8 is Sunday, so Monday' '
	plaint -C a -N 2026-10-01T10:00 extend 2609-0001 resolution=3d approved_by=总经理 -m r &&
	echo 2026-10-12T23:59:59+08:00 >expect && due_of a/$F resolution >actual && test_cmp expect actual
'

# 5 days from Sep 28 end on Sat Oct 3, a rest day (国庆节), so on Oct 8;
# extended by 3 days to Oct 12.  Three days paused in the holiday make
# the nominal end Oct 6, still 国庆节: still Oct 8, then Oct 12 (paused
# time is counted again from the nominal end, not from the moved one).
test_expect_success 'pause and resume recount a day clock from its nominal end' '
	plaint -C a -N 2026-10-01T10:00 extend 2609-0001 resolution=3d approved_by=总经理 -m r &&
	echo 2026-10-12T23:59:59+08:00 >expect && due_of a/$F resolution >actual && test_cmp expect actual &&
	plaint -C a -N 2026-10-02T12:00 pause 2609-0001 -m "等客户补充材料" &&
	plaint -C a -N 2026-10-03T12:00 show -f text 2609-0001 >out &&
	grep "^Paused: *since 2026-10-02 12:00: 等客户补充材料" out &&
	plaint -C a -N 2026-10-05T12:00 resume 2609-0001 &&
	due_of a/$F resolution >actual && test_cmp expect actual &&
	plaint -C a -N 2026-10-12T09:00 pause 2609-0001 -m again &&
	plaint -C a -N 2026-10-14T09:00 resume 2609-0001 &&
	echo 2026-10-14T23:59:59+08:00 >expect && due_of a/$F resolution >actual && test_cmp expect actual
'

test_expect_success 'resume of a complaint that is not paused is refused' '
	cp a/$F before &&
	test_expect_code 1 plaint -C a resume 2609-0001 2>err &&
	grep "2609-0001 is not paused" err &&
	test_cmp before a/$F
'

test_expect_success 'pause twice is refused' '
	plaint -C a -N 2026-10-06T12:00 pause 2609-0001 -m x &&
	cp a/$F before &&
	test_expect_code 1 plaint -C a -N 2026-10-06T13:00 pause 2609-0001 -m y 2>err &&
	grep "is paused already" err &&
	test_cmp before a/$F
'

test_expect_success 'a policy without pausable clocks refuses pause' '
	make_tree np &&
	plaint -C np -N 2026-09-28T10:00 log subject=s >/dev/null &&
	cp np/$F before &&
	test_expect_code 1 plaint -C np pause 2609-0001 -m x 2>err &&
	grep "the policy lets no clock pause" err &&
	test_cmp before np/$F
'

# Tree "b" is one story, told by the setups below: a crisis complaint for
# 李四 from 张三 (so a written notice is owed), contacted 20 minutes late,
# resolved as a staff fault of 赵六, closed, and reopened twice.
test_setup 'a breached first response fines the assignee once' '
	rules_tree b &&
	plaint -C b -N 2026-09-28T10:00 log subject=s severity=crisis assignee=李四 complainant.name=张三 >/dev/null &&
	plaint -C b -N 2026-09-28T10:30 note 2609-0001 -c -m 联系 &&
	grep -c "rule: late-response" b/$F >n && echo 1 >expect && test_cmp expect n &&
	plaint -C b -N 2026-09-28T11:00 note 2609-0001 -m again &&
	grep -c "rule: late-response" b/$F >n && test_cmp expect n &&
	grep -A4 "rule: late-response" b/$F >out &&
	printf -- "- rule: late-response\n  person: \"李四\"\n  amount: 20\n  round: 1\n  at: \"2026-09-28T10:30:00+08:00\"\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a breach is fined to whoever held the complaint when it ran out' '
	rules_tree hb &&
	plaint -C hb -N 2026-09-28T10:00 log subject=s severity=crisis >/dev/null &&
	plaint -C hb -N 2026-09-28T10:05 assign 2609-0001 李四 &&
	plaint -C hb -N 2026-09-28T11:30 assign 2609-0001 王五 &&
	grep -A1 "rule: late-response" hb/$F >out &&
	printf -- "- rule: late-response\n  person: \"李四\"\n" >expect &&
	test_cmp expect out
'

test_setup 'resolve fines the responsible person for a staff fault, once' '
	plaint -C b -N 2026-09-29T10:00 resolve 2609-0001 -m done valid=yes cause=staff responsible=赵六 &&
	grep -A2 "rule: staff-fault" b/$F >out &&
	printf -- "- rule: staff-fault\n  person: \"赵六\"\n  amount: 50\n" >expect &&
	test_cmp expect out &&
	plaint -C b -N 2026-09-29T11:00 note 2609-0001 -m more &&
	test "$(grep -c "rule: staff-fault" b/$F)" = 1
'

test_expect_success 'resolve starts the callback clock' '
	grep "^status: resolved" b/$F &&
	echo 2026-10-08T23:59:59+08:00 >expect && due_of b/$F callback >actual && test_cmp expect actual
'

test_expect_success 'a fine must not vanish: resolve without the person responsible is refused' '
	rules_tree p &&
	plaint -C p -N 2026-09-28T10:00 log subject=s >/dev/null &&
	cp p/$F before &&
	test_expect_code 1 plaint -C p -N 2026-09-29T10:00 resolve 2609-0001 -m done valid=yes cause=staff 2>err &&
	echo "plaint: resolve: the policy fines the person responsible (rule staff-fault): give responsible=NAME" >expect &&
	test_cmp expect err && test_cmp before p/$F
'

test_expect_success 'a misspelt key inside a rule is refused, not ignored' '
	make_tree typo &&
	printf "deadlines:\n  - {wen: {level: 1}, set: {resolution: 10d}}\n" >>typo/plaint.yaml &&
	test_expect_code 78 plaint -C typo list 2>err &&
	grep "plaint.yaml:[0-9]*:[0-9]*: deadlines: unknown key \"wen\" in a rule" err
'

test_expect_success 'close is refused while a written notice is owed' '
	cp b/$F before &&
	test_expect_code 1 plaint -C b -N 2026-09-30T10:00 close 2609-0001 satisfaction=satisfied notice=phone 2>err &&
	echo "plaint: close: a written notice of the result is owed to the complainant (rule written-notice); give notice=letter when it is sent" >expect &&
	test_cmp expect err && test_cmp before b/$F
'

test_setup 'close with the written notice' '
	plaint -C b -N 2026-09-30T10:00 close 2609-0001 satisfaction=satisfied notice=letter &&
	grep "^status: closed" b/$F
'

test_setup 'a third round escalates (rounds: max 2)' '
	plaint -C b -N 2026-10-09T10:00 reopen 2609-0001 -m 客户仍不满意 &&
	grep "^status: assigned" b/$F && grep "^level: 0" b/$F &&
	plaint -C b -N 2026-10-09T11:00 resolve 2609-0001 -m r2 &&
	plaint -C b -N 2026-10-09T12:00 close 2609-0001 notice=letter &&
	plaint -C b -N 2026-10-10T10:00 reopen 2609-0001 -m 第三次 &&
	grep "^status: escalated" b/$F && grep "^level: 1" b/$F && grep "^round: 3" b/$F
'

test_expect_success 'reopen drops the deadline of a clock that has not started this round' '
	grep "^round: 3" b/$F &&
	! grep -q "^  callback:" b/$F &&
	grep "^  resolution:" b/$F
'

test_expect_success 'the first level of the chain routes a new complaint' '
	make_tree lv &&
	sed -i "s/^  - name: \"受理部门\"/  - {name: \"受理部门\", department: \"客服中心\", assignee: \"值班员\"}/" lv/plaint.yaml &&
	plaint -C lv -N 2026-09-28T10:00 log subject=s >/dev/null &&
	grep "^department: \"客服中心\"" lv/$F && grep "^assignee: \"值班员\"" lv/$F &&
	grep "^status: assigned" lv/$F &&
	plaint -C lv -N 2026-09-28T10:00 log subject=s department=营业厅 assignee=李四 >/dev/null &&
	grep "^department: \"营业厅\"" lv/2026/09/2609-0002.yaml
'

test_expect_success 'a withdrawn complaint closes the day the withdrawal comes, without notice' '
	rules_tree w &&
	plaint -C w -N 2026-09-28T10:00 log subject=s complainant.name=张三 >/dev/null &&
	plaint -C w -N 2026-09-29T15:00 close 2609-0001 withdrawn=yes -m "客户来电撤诉" &&
	grep "^status: closed" w/$F && grep "^withdrawn: true" w/$F &&
	grep -A5 "action: withdraw" w/$F | grep "note: \"客户来电撤诉\""
'

test_expect_success 'a complaint logged late counts from its receipt' '
	rules_tree late &&
	plaint -C late -N 2026-11-30T09:00 log subject=s received=2026-11-23T10:00 >/dev/null &&
	echo 2026-11-24T10:00:00+08:00 >expect &&
	due_of late/2026/11/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	# Nov 23 + 5 days is Saturday Nov 28: the period ends on Monday.
	echo 2026-11-30T23:59:59+08:00 >expect &&
	due_of late/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'a withdrawal stops the clocks: no breach fine afterwards' '
	rules_tree wb &&
	plaint -C wb -N 2026-09-28T10:00 log subject=s severity=crisis assignee=李四 >/dev/null &&
	plaint -C wb -N 2026-09-28T10:05 close 2609-0001 withdrawn=yes -m 撤诉 &&
	plaint -C wb -N 2026-10-09T10:00 note 2609-0001 -m 归档 &&
	! grep -q "^penalties:" wb/$F
'

test_expect_success 'withdrawn=yes needs -m' '
	rules_tree w2 &&
	plaint -C w2 -N 2026-09-28T10:00 log subject=s >/dev/null &&
	cp w2/$F before &&
	test_expect_code 64 plaint -C w2 close 2609-0001 withdrawn=yes 2>err &&
	grep "^plaint: close: withdrawn=yes needs -m" err &&
	test_cmp before w2/$F
'

test_expect_success 'a deadline in a year without a calendar is flagged' '
	rules_tree y &&
	plaint -C y -N 2027-03-01T10:00 log subject=s >/dev/null 2>err &&
	grep "warning: a deadline falls in a year without a calendar" err &&
	grep "^calendar: incomplete" y/2027/03/2703-0001.yaml &&
	echo 2027-03-08T23:59:59+08:00 >expect && due_of y/2027/03/2703-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'a rule naming an unknown clock is a configuration error' '
	make_tree bad &&
	printf "deadlines:\n  - {set: {nosuch: 5d}}\n" >>bad/plaint.yaml &&
	test_expect_code 78 plaint -C bad list 2>err &&
	grep "plaint.yaml:[0-9]*:[0-9]*: deadlines: set: no clock \"nosuch\"" err
'

test_expect_success 'a bh duration without business hours is a configuration error' '
	make_tree bh &&
	printf "deadlines:\n  - {set: {resolution: 8bh}}\n" >>bh/plaint.yaml &&
	test_expect_code 78 plaint -C bh list 2>err &&
	grep "business hours (bh) need business_hours" err
'

test_done
