#!/bin/sh
# show -f text shows what a clerk at the counter must know beyond the
# fields: the fines and sanctions recorded on the complaint (person,
# rule, amount or sanction), what is owed to others (a department to
# inform, the written notice a rule wants before close) and the actions
# the workflow allows now.
. "$PLAINT_TOP/tests/test-lib.sh"

AT=2026-11-28T10:00:00+08:00

test_setup 'the power-supply pack: a verified 吃拿卡要 complaint, resolved' '
	plaint -q init -p power-supply ps &&
	plaint -C ps log channel=phone category=misconduct subject=吃拿卡要 \
		complainant.name=张三 assignee=李四 >/dev/null &&
	plaint -C ps -N $AT resolve 2611-0001 valid=yes cause=staff \
		responsible=赵六 -m 查实 &&
	plaint -C ps log channel=superior delayed=yes subject=拖延 \
		assignee=李四 >/dev/null &&
	plaint -C ps -N $AT resolve 2611-0002 valid=yes cause=staff \
		responsible=孙七 -m 查实
'

test_expect_success 'the fines: person, rule, amount in yuan, the also of a fine' '
	plaint -C ps -N $AT show -f text 2611-0001 >out &&
	sed -n "/^处罚:$/,/^[^ ]/p" out >fines &&
	cat >expect <<-\EOT &&
	处罚:
	  王芳         first-responsibility     20 元  round 1
	  赵六         verified-staff-fault     50 元  round 1
	  赵六         misconduct               100 元, 通报批评  round 1
	EOT
	sed "\$d" fines >actual &&
	test_cmp expect actual
'

test_expect_success 'a sanction that is not money shows as the sanction' '
	plaint -C ps -N $AT show -f text 2611-0002 >out &&
	grep "^  孙七  *delay-to-superior  *按支公司有关规定和供电所综合管理考核办法有关规定对当事人予以处罚  round 1$" out
'

test_expect_success 'the written notice owed before close, until close records it' '
	plaint -C ps -N $AT show -f text 2611-0001 >out &&
	grep "^Owed: *written notice before close (written-notice)$" out &&
	plaint -C ps -N $AT close 2611-0001 notice=letter satisfaction=satisfied -m 回访 &&
	plaint -C ps -N $AT show -f text 2611-0001 >out &&
	test_expect_code 1 grep "^Owed:" out
'

test_expect_success 'no fines, nothing owed: no such lines' '
	make_tree t &&
	plaint -C t log subject=s >/dev/null &&
	plaint -C t show -f text 2611-0001 >out &&
	test_expect_code 1 grep "^处罚:" out &&
	test_expect_code 1 grep "^Owed:" out
'

test_expect_success 'a department still to inform is owed, until notify records it' '
	make_tree i &&
	cat >>i/plaint.yaml <<-\EOF &&
	informs:
	  - {id: legal, when: {category: billing}, to: 法律事务部}
	EOF
	plaint -C i log subject=s category=billing >/dev/null &&
	plaint -C i show -f text 2611-0001 >out &&
	grep "^Owed: *inform 法律事务部 (legal)$" out &&
	plaint -C i do 2611-0001 notify to=法律事务部 &&
	plaint -C i show -f text 2611-0001 >out &&
	test_expect_code 1 grep "^Owed:" out
'

test_expect_success 'the actions open now, by the workflow and the state' '
	plaint -C ps -N $AT show -f text 2611-0001 >out &&
	grep "^Actions: *note, notify, set, contact, close, withdraw, reopen$" out &&
	plaint -C ps log subject=new >/dev/null &&
	plaint -C ps show -f text 2611-0003 >out &&
	grep "^Actions: *assign, note, notify, set, contact, escalate, " out
'

test_done
