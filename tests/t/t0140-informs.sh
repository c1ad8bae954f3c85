#!/bin/sh
# Internal notices (informs: in the policy): a duty to inform a
# department, not the complainant.  It is owed once the complaint matches
# and the event it follows has happened, until `plaint do ID notify
# to=DEPARTMENT` records it; remind lists it while owed, report counts
# the departments informed and still to inform.
. "$PLAINT_TOP/tests/test-lib.sh"

F=t/2026/11/2611-0001.yaml

test_setup 'a policy with two duties to inform' '
	make_tree t &&
	cat >>t/plaint.yaml <<-\EOF &&
	informs:
	  - id: legal
	    source: "test: 知会法律事务部"
	    when: {category: billing}
	    to: 法律事务部
	  - id: sales
	    when: {category: billing}
	    after: resolve
	    to: 市场管理部销售科
	    within: 24h
	EOF
	plaint -C t log subject=s category=billing assignee=李四 >/dev/null &&
	plaint -C t log subject=t category=price assignee=李四 >/dev/null
'

test_expect_success 'remind lists the department to inform, from the log on' '
	plaint -C t remind >out &&
	grep "^李四: 1 to inform$" out &&
	grep "^  2611-0001  *法律事务部  *-  *inform owed" out &&
	test_expect_code 1 grep "市场管理部销售科" out &&
	test_expect_code 1 grep "2611-0002" out
'

test_expect_success 'do notify to=法律事务部 records it, and it is owed no more' '
	plaint -C t do 2611-0001 notify to=法律事务部 -m "已知会" &&
	sed -n "/^history:/,\$p" $F >h &&
	grep "^  action: notify$" h && grep "^  to: \"法律事务部\"$" h &&
	grep "^status: assigned$" $F &&
	plaint -C t remind >out &&
	test_expect_code 1 grep "法律事务部" out &&
	plaint -C t check
'

test_expect_success 'a notice to another department does not count' '
	plaint -C t do 2611-0001 notify to=财务部 &&
	plaint -C t remind >out &&
	grep "法律事务部  *-  *inform owed" out
'

test_expect_success 'a duty after resolve, within 24 hours: owed, then overdue' '
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done &&
	plaint -C t -N 2026-11-27T12:00 remind >out &&
	grep "2611-0001  *市场管理部销售科  *2026-11-28 11:00  *inform owed" out &&
	plaint -C t -N 2026-11-29T09:00 remind >out &&
	grep "2611-0001  *市场管理部销售科  *2026-11-28 11:00  *inform overdue by 22h" out
'

test_expect_success 'report counts the departments informed and still to inform' '
	plaint -C t do 2611-0001 notify to=法律事务部 &&
	plaint -C t report >out &&
	grep "^INFORM  *TO  *DONE  *OWED$" out &&
	grep "^legal  *法律事务部  *1  *0$" out &&
	test_expect_code 1 grep "^sales " out &&
	plaint -C t -N 2026-11-27T11:00 resolve 2611-0001 -m done &&
	plaint -C t report -f csv >out.csv &&
	grep "^inform,to,done,owed" out.csv &&
	grep "^sales,市场管理部销售科,0,1" out.csv &&
	plaint -C t report -f json >out.json &&
	grep "{\"inform\": \"legal\", \"to\": \"法律事务部\", \"done\": 1, \"owed\": 0}" out.json &&
	grep "{\"inform\": \"sales\", \"to\": \"市场管理部销售科\", \"done\": 0, \"owed\": 1}" out.json
'

test_expect_success 'notify needs to=; note refuses to=; nothing is written' '
	cp $F before &&
	test_expect_code 64 plaint -C t do 2611-0001 notify -m x 2>err &&
	grep "to=: the department informed" err &&
	test_expect_code 64 plaint -C t note 2611-0001 to=法律事务部 -m x 2>err &&
	grep "plaint do ID notify to=DEPARTMENT" err &&
	test_cmp before $F
'

test_expect_success 'an inform rule without to is refused at load' '
	make_tree b &&
	printf "informs:\n  - {id: x, when: {category: billing}}\n" >>b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "x: to: the department to inform" err
'

test_done
