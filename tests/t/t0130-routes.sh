#!/bin/sh
# Routing at intake (routes: in the policy): a complaint that matches a
# route's `when` as it is logged or imported starts at the route's level,
# department, assignee or severity, unless the person logging it gave the
# field; later routes win; the log event names the routes taken.
. "$PLAINT_TOP/tests/test-lib.sh"

F=t/2026/11/2611-0001.yaml

test_setup 'a policy with routes' '
	make_tree t &&
	cat >>t/plaint.yaml <<-\EOF
	routes:
	  - id: media-to-leader
	    source: "test: media complaints go up"
	    when: {channel: media}
	    set: {level: 分管领导, department: 营销中心, severity: major}
	  - id: letters-to-wang
	    when: {channel: letter}
	    set: {assignee: 王五}
	  - id: web-letter-later
	    when: {channel: [letter, web], category: billing}
	    set: {assignee: 赵六, level: 1}
	EOF
'

test_expect_success 'log: a matching route sets level, department and severity, and is recorded' '
	plaint -C t log subject=s channel=media >id &&
	grep "^level: 2$" $F &&
	grep "^department: \"营销中心\"$" $F &&
	grep "^severity: major$" $F &&
	sed -n "/^history:/,\$p" $F >h &&
	grep "^  routes:$" h && grep "^  - media-to-leader$" h &&
	plaint -C t check
'

test_expect_success 'a field the clerk gives wins over the route' '
	plaint -C t log subject=s channel=media severity=minor department=营业厅 >id &&
	grep "^severity: minor$" $F &&
	grep "^department: \"营业厅\"$" $F &&
	grep "^level: 2$" $F
'

test_expect_success 'later routes win; a complaint no route matches starts as before' '
	plaint -C t log subject=s channel=letter category=billing >/dev/null &&
	grep "^assignee: \"赵六\"$" $F &&
	grep "^level: 1$" $F &&
	plaint -C t log subject=s channel=letter >/dev/null &&
	grep "^assignee: \"王五\"$" t/2026/11/2611-0002.yaml &&
	grep "^level: 0$" t/2026/11/2611-0002.yaml &&
	plaint -C t log subject=s channel=phone >/dev/null &&
	test_expect_code 1 grep "routes:" t/2026/11/2611-0003.yaml &&
	grep "^level: 0$" t/2026/11/2611-0003.yaml
'

test_expect_success 'import routes as log does' '
	printf "{\"subject\": \"s\", \"channel\": \"media\"}\n" >in.jsonl &&
	plaint -C t import -f jsonl in.jsonl >out &&
	grep "^level: 2$" $F &&
	grep "^  - media-to-leader$" $F
'

test_expect_success 'policy due shows the deadlines of the level routed to' '
	make_tree d &&
	with_clocks d &&
	cat >>d/plaint.yaml <<-\EOF &&
	  - {id: top, when: {level: 2}, set: {resolution: 1d}}
	routes:
	  - {id: media, when: {channel: media}, set: {level: 2}}
	EOF
	plaint -C d policy due channel=media received=2026-11-02T09:00 >out &&
	grep "^resolution  *2026-11-03T23:59:59+08:00$" out &&
	plaint -C d -N 2026-11-02T09:00 log subject=s channel=media >/dev/null &&
	echo 2026-11-03T23:59:59+08:00 >expect &&
	due_of d/2026/11/2611-0001.yaml resolution >actual && test_cmp expect actual
'

test_expect_success 'a bad route is refused at load, naming the key' '
	make_tree b &&
	printf "routes:\n  - {id: r, when: {channel: media}, set: {level: 7}}\n" >>b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "level: a level of the escalation chain" err &&
	make_tree c &&
	printf "routes:\n  - {id: r, when: {channel: media}, set: {status: closed}}\n" >>c/plaint.yaml &&
	test_expect_code 78 plaint -C c list 2>err &&
	grep "r: set: status: a route sets level, department, assignee or severity" err &&
	make_tree e &&
	printf "routes:\n  - {id: r, set: {level: 1}}\n" >>e/plaint.yaml &&
	test_expect_code 78 plaint -C e list 2>err &&
	grep "r: when:" err &&
	make_tree f &&
	printf "routes:\n  - {id: r, when: {channel: media}, set: {severity: huge}}\n" >>f/plaint.yaml &&
	test_expect_code 78 plaint -C f list 2>err &&
	grep "severity: \"huge\" is not one of the policy" err
'

test_done
