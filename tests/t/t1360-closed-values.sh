#!/bin/sh
# Closed fields in filters (status, kind, channel, category, severity,
# department, level): a value the field cannot hold is a usage error (64)
# naming the field and the values it takes, in list, report, export and
# remind alike, instead of an empty result that looks like "none".
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'a tree with listed departments and two complaints' '
	make_tree t &&
	sed -i "s/^departments: \[\]$/departments: [营业厅, 客服部]/" t/plaint.yaml &&
	grep "^departments: \[营业厅, 客服部\]$" t/plaint.yaml &&
	plaint -C t log subject=电表 category=billing severity=major \
		department=营业厅 >/dev/null &&
	plaint -C t log subject=态度 category=service-attitude >/dev/null &&
	plaint -C t escalate 2611-0002 -m up >/dev/null
'

test_expect_success 'list status=nonsense: 64, naming the field, its states and open' '
	test_expect_code 64 plaint -C t list status=nonsense >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: status: \"nonsense\" is not one of its values: new (新建), assigned (已分派), escalated (已升级), resolved (已办结), closed (已关闭), or open$" err
'

test_expect_success 'list category=billling: 64, naming billing among the values' '
	test_expect_code 64 plaint -C t list category=billling 2>err &&
	grep "^plaint: list: category: \"billling\" is not one of its values: .*billing (账单缴费)" err
'

test_expect_success 'kind, channel, severity, department: each refuses a typo' '
	for f in kind=complant channel=fone severity=grave department=后勤; do
		test_expect_code 64 plaint -C t list "$f" 2>err &&
		grep "^plaint: list: ${f%%=*}: \"${f#*=}\" is not one of its values: " err ||
		return 1
	done
'

test_expect_success '!= is checked too; an empty value still tests presence' '
	test_expect_code 64 plaint -C t list "category!=billling" 2>err &&
	grep "category: \"billling\"" err &&
	plaint -C t list severity= >out &&
	test_expect_code 1 grep "^2611-0001 " out &&
	plaint -C t list "severity!=" >out &&
	grep "^2611-0001 " out
'

test_expect_success 'a department is open when the policy lists none' '
	make_tree open &&
	plaint -C open list department=后勤 >out &&
	test ! -s out
'

test_expect_success 'level: by number or by name; one past the chain is refused' '
	plaint -C t list level=部门负责人 >out &&
	grep "^2611-0002 " out && test_expect_code 1 grep "^2611-0001 " out &&
	plaint -C t list level=1 >out2 && test_cmp out out2 &&
	plaint -C t list level=1.0 >out2 && test_cmp out out2 &&
	test_expect_code 64 plaint -C t list level=3 2>err &&
	grep "^plaint: list: level: \"3\" is not one of its values: 0 (受理部门), 1 (部门负责人), 2 (分管领导)$" err &&
	plaint -C t list "level<5" >out &&
	grep "^2611-0001 " out
'

test_expect_success 'good values still filter: status=open, escalated, a category' '
	plaint -C t list status=open >out &&
	grep "^2611-0001 " out && grep "^2611-0002 " out &&
	plaint -C t list status=escalated category=service-attitude >out &&
	grep "^2611-0002 " out && test_expect_code 1 grep "^2611-0001 " out
'

test_expect_success 'report, export and remind refuse the same, writing nothing' '
	test_expect_code 64 plaint -C t report status=nonsense >out 2>err &&
	test ! -s out &&
	grep "^plaint: report: status: \"nonsense\" is not one of its values: " err &&
	test_expect_code 64 plaint -C t export -o x.jsonl category=billling 2>err &&
	test ! -e x.jsonl &&
	grep "^plaint: export: category: \"billling\"" err &&
	test_expect_code 64 plaint -C t remind kind=complant >out 2>err &&
	test ! -s out &&
	grep "^plaint: remind: kind: \"complant\"" err
'

test_expect_success 'policy due: level by number or by name, else 64' '
	plaint -C t policy due level=部门负责人 >a &&
	plaint -C t policy due level=1 >b &&
	test_cmp a b &&
	test_expect_code 64 plaint -C t policy due level=nosuch 2>err &&
	grep "^plaint: policy: level: not a level of the escalation chain" err
'

test_done
