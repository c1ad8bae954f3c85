#!/bin/sh
# Fines on several people and sanctions that are not money.
#
# resolution.responsible names one person or several (每人每次): a
# penalty rule that fires records one entry for each, once per rule,
# round and person.  A rule fines (amount, in yuan) or sanctions
# (sanction: 通报批评); the fines ledger adds up yuan only, and report
# shows the sanctions in a table of their own, in text, CSV and JSON.
. "$PLAINT_TOP/tests/test-lib.sh"

F=t/2026/11/2611-0001.yaml

test_setup 'a tree that fines and sanctions the people responsible' '
	make_tree t &&
	with_clocks t &&
	cat >>t/plaint.yaml <<-\EOF &&
	penalties:
	  - {id: extortion, when: {resolution.cause: staff}, amount: 100, also: 通报批评}
	  - {id: rude, when: {resolution.cause: staff}, sanction: 按考核规定处理, approved_by: 总经理, carried_out_by: 人力资源科}
	  - {id: slow, on: breach, clock: first_response, sanction: 通报批评, person: assignee}
	EOF
	plaint -C t log subject=s assignee=李四 >/dev/null
'

test_expect_success 'resolve responsible=张三,赵六 fines and sanctions each of them' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三,赵六" &&
	sed -n "/^resolution:/,/^[a-z]/p" $F >res &&
	grep "^  responsible:$" res &&
	grep "^  - \"张三\"$" res && grep "^  - \"赵六\"$" res &&
	grep -c "^- rule: extortion$" $F >n && echo 2 >expect && test_cmp expect n &&
	grep -c "^- rule: rude$" $F >n && test_cmp expect n &&
	grep -A6 "^- rule: rude$" $F >rude &&
	grep "^  sanction: \"按考核规定处理\"$" rude &&
	grep "^  approved_by: \"总经理\"$" rude &&
	grep "^  carried_out_by: \"人力资源科\"$" rude &&
	test_expect_code 1 grep "amount" rude &&
	plaint -C t show -f text 2611-0001 >out &&
	grep "responsible: 张三, 赵六)" out &&
	plaint -C t check
'

test_expect_success 'the full-width comma and one name: a name stays a string' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三，赵六" &&
	grep -c "^- rule: extortion$" $F >n && echo 2 >expect && test_cmp expect n &&
	plaint -C t -N 2026-11-27T12:00 log subject=s2 >/dev/null &&
	plaint -C t -N 2026-11-27T13:00 resolve 2611-0002 -m done valid=yes cause=staff responsible=张三 &&
	grep "^  responsible: \"张三\"$" t/2026/11/2611-0002.yaml &&
	grep -c "^- rule: extortion$" t/2026/11/2611-0002.yaml >n && echo 1 >expect && test_cmp expect n
'

test_expect_success 'a name twice, or an empty entry, is refused and nothing is written' '
	cp $F before &&
	test_expect_code 65 plaint -C t resolve 2611-0001 -m done "responsible=张三,张三" 2>err &&
	grep "responsible" err && grep "twice" err &&
	test_expect_code 65 plaint -C t resolve 2611-0001 -m done "responsible=张三," 2>err &&
	grep "responsible: has an empty entry" err &&
	test_cmp before $F
'

test_expect_success 'the next round fines whoever it names then, once each' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三,赵六" &&
	plaint -C t -N 2026-11-27T11:05 note 2611-0001 -m again &&
	grep -c "^- rule: extortion$" $F >n && echo 2 >expect && test_cmp expect n &&
	plaint -C t -N 2026-11-28T09:00 reopen 2611-0001 -m 客户不满意 &&
	plaint -C t -N 2026-11-28T10:00 resolve 2611-0001 -m done valid=yes cause=staff responsible=赵六 &&
	grep -A1 "^- rule: extortion$" $F | sed -n "s/^  person: //p" >who &&
	printf "\"张三\"\n\"赵六\"\n\"赵六\"\n" >expect && test_cmp expect who
'

test_expect_success 'a breach sanctions the assignee; remind -e says so' '
	plaint -C t -N 2026-11-29T10:00 remind -e >out &&
	grep "^sanctioned 李四: 通报批评 (slow) on 2611-0001$" out &&
	grep -A3 "^- rule: slow$" $F >slow &&
	grep "^  sanction: \"通报批评\"$" slow
'

# The ledger adds up yuan; the sanctions table counts each one.
test_expect_success 'report: the fines ledger in yuan, the sanctions apart (text)' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三,赵六" &&
	plaint -C t -N 2026-11-29T10:00 report >out &&
	sed -n "/^PERSON  *RULE  *COUNT  *AMOUNT$/,/^$/p" out >fines &&
	grep "^张三  *extortion  *1  *100$" fines &&
	grep "^赵六  *extortion  *1  *100$" fines &&
	test_expect_code 1 grep "rude\|slow" fines &&
	grep "^张三  *extortion  *通报批评  *1$" out &&
	grep "^张三  *rude  *按考核规定处理  *1$" out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out
'

test_expect_success 'report -f csv and -f json carry the sanctions table' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三,赵六" &&
	plaint -C t -N 2026-11-29T10:00 report -f csv >out.csv &&
	grep "^person,rule,sanction,count" out.csv &&
	grep "^张三,rude,按考核规定处理,1" out.csv &&
	grep "^person,rule,count,amount" out.csv &&
	grep "^赵六,extortion,1,100" out.csv &&
	plaint -C t -N 2026-11-29T10:00 report -f json >out.json &&
	grep "\"fines_amount\": 200," out.json &&
	grep "{\"person\": \"赵六\", \"rule\": \"rude\", \"sanction\": \"按考核规定处理\", \"count\": 1}" out.json
'

test_expect_success 'export -f csv puts the people responsible in one cell' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done valid=yes cause=staff "responsible=张三,赵六" &&
	plaint -C t export -f csv >out.csv &&
	grep "张三,赵六" out.csv
'

test_expect_success 'a rule with both amount and sanction, or neither, is refused at load' '
	make_tree b &&
	printf "penalties:\n  - {id: x, amount: 20, sanction: 通报批评}\n" >>b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "x: a fine (amount) or a sanction (sanction), one of the two" err &&
	make_tree c &&
	printf "penalties:\n  - {id: y, on: resolve}\n" >>c/plaint.yaml &&
	test_expect_code 78 plaint -C c list 2>err &&
	grep "y: a fine (amount) or a sanction" err &&
	make_tree d &&
	printf "penalties:\n  - {id: z, sanction: 通报批评, also: x}\n" >>d/plaint.yaml &&
	test_expect_code 78 plaint -C d list 2>err &&
	grep "z: also: goes with a fine" err
'

test_done
