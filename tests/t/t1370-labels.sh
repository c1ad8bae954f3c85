#!/bin/sh
# Chinese labels in and out.  A label the policy gives a value (严重 for
# major) is taken wherever the value is (log, import, filters, policy
# due) and stored as the key; a label that is another value's name, or
# two values sharing a label, is refused at load (78).  The text views
# (show -f text, list, report and remind tables) show labels; JSON,
# JSONL, CSV and YAML keep the keys.  Fields have labels too: plaint's
# own (主题, 渠道 …), which the policy may override.
. "$PLAINT_TOP/tests/test-lib.sh"

F=t/2026/11/2611-0001.yaml

test_setup 'a tree; a complaint logged by labels' '
	make_tree t &&
	plaint -C t log subject=电表 kind=投诉 channel=电话 category=账单缴费 \
		severity=重大 assignee=李四 >id &&
	echo 2611-0001 >expect && test_cmp expect id
'

test_expect_success 'log: labels are stored as their keys' '
	grep "^kind: complaint$" $F &&
	grep "^channel: phone$" $F &&
	grep "^category: billing$" $F &&
	grep "^severity: major$" $F &&
	plaint -C t check
'

test_expect_success 'log: a word that is neither key nor label is still refused (65)' '
	test_expect_code 65 plaint -C t log subject=s severity=严重 2>err &&
	grep "^plaint: log: severity: \"严重\" is not allowed; the policy allows: minor, normal, major, crisis$" err
'

test_expect_success 'import: labels in JSONL and CSV are stored as keys' '
	cat >a.jsonl <<-\EOF &&
	{"source_ref": "j-1", "subject": "停电", "channel": "热线", "category": "价格收费", "severity": "轻"}
	EOF
	plaint -C t import a.jsonl 2>err &&
	G=t/2026/11/2611-0002.yaml &&
	grep "^channel: hotline$" $G && grep "^category: price$" $G &&
	grep "^severity: minor$" $G &&
	printf "source_ref,subject,channel,category\n" >b.csv &&
	printf "c-1,服务,来访,服务态度\n" >>b.csv &&
	plaint -C t import b.csv 2>err &&
	H=t/2026/11/2611-0003.yaml &&
	grep "^channel: visit$" $H && grep "^category: service-attitude$" $H
'

test_expect_success 'filters take labels: category=账单缴费 is category=billing' '
	plaint -C t list category=账单缴费 >a &&
	plaint -C t list category=billing >b &&
	test_cmp a b && grep "^2611-0001 " a &&
	plaint -C t list status=已分派 severity=重大 >a &&
	grep "^2611-0001 " a &&
	plaint -C t report -f csv kind=投诉 >a &&
	plaint -C t report -f csv kind=complaint >b &&
	test_cmp a b
'

test_expect_success 'policy due takes labels' '
	plaint -C t policy due severity=重大 channel=电话 >a &&
	plaint -C t policy due severity=major channel=phone >b &&
	test_cmp a b
'

test_expect_success 'a label equal to its own key is no clash; the key is taken' '
	make_tree own &&
	sed -i "s/^  billing: { label: \"账单缴费\" }$/  billing: { label: \"billing\" }/" own/plaint.yaml &&
	grep "^  billing: { label: \"billing\" }$" own/plaint.yaml &&
	plaint -C own log subject=s category=billing >/dev/null &&
	grep "^category: billing$" own/2026/11/2611-0001.yaml
'

test_expect_success 'a label that is another value'"'"'s key is refused at load (78), naming both' '
	make_tree c1 &&
	sed -i "s/^  price: { label: \"价格收费\" }$/  price: { label: \"billing\" }/" c1/plaint.yaml &&
	grep "^  price: { label: \"billing\" }$" c1/plaint.yaml &&
	test_expect_code 78 plaint -C c1 list 2>err &&
	grep "categories: the label \"billing\" of \"price\" is the name of \"billing\"" err
'

test_expect_success 'two values sharing a label are refused at load (78), naming both' '
	make_tree c2 &&
	sed -i "s/^  normal: { label: \"一般\" }$/  normal: { label: \"轻\" }/" c2/plaint.yaml &&
	grep "^  normal: { label: \"轻\" }$" c2/plaint.yaml &&
	test_expect_code 78 plaint -C c2 list 2>err &&
	grep "severities: \"minor\" and \"normal\" share the label \"轻\"" err
'

test_expect_success 'two fields sharing a label are refused at load (78)' '
	make_tree c3 &&
	echo "labels: {subject: 类别}" >>c3/plaint.yaml &&
	test_expect_code 78 plaint -C c3 list 2>err &&
	grep "labels: fields \"category\" and \"subject\" share the label \"类别\"" err
'

test_expect_success 'every shipped pack still loads' '
	for f in "$PLAINT_TOP"/data/policies/*.yaml; do
		n=$(basename "$f" .yaml) &&
		plaint -q init -p "$n" "p-$n" >/dev/null &&
		plaint -C "p-$n" policy -f text >/dev/null &&
		plaint -C "p-$n" list >/dev/null || { echo "$n"; return 1; }
	done
'

test_expect_success 'show -f text: the values by their labels, the fields by theirs' '
	plaint -C t show -f text 2611-0001 >out &&
	grep "^2611-0001  投诉  已分派$" out &&
	grep "^主题: *电表$" out &&
	grep "^渠道: *电话$" out &&
	grep "^类别: *账单缴费$" out &&
	grep "^严重程度: *重大$" out &&
	grep "^承办人: *李四$" out &&
	grep "^级别: *0 (受理部门), round 1$" out
'

test_expect_success 'list: status and kind by their labels, and a sort column' '
	plaint -C t list -s category >out &&
	grep "^ID  *STATUS  *KIND  .*  CATEGORY  *SUBJECT$" out &&
	grep "^2611-0001  *已分派  *投诉  .*  账单缴费  *电表$" out
'

test_expect_success 'report table: group values and the kind and status columns by label' '
	plaint -C t report -b category >out &&
	grep "^账单缴费  *1  " out && test_expect_code 1 grep "^billing" out &&
	grep "^CATEGORY  *投诉  *建议  *咨询$" out &&
	grep "^CATEGORY  *新建  *已分派  *已升级  *已办结  *已关闭$" out
'

test_expect_success 'remind: a department to inform by its label' '
	make_tree r &&
	sed -i "s/^departments: \[\]$/departments: {sales: {label: 市场管理部销售科}}/" r/plaint.yaml &&
	cat >>r/plaint.yaml <<-\EOF &&
	informs:
	  - {id: sales, when: {category: billing}, to: sales}
	EOF
	plaint -C r log subject=s category=billing assignee=李四 >/dev/null &&
	plaint -C r remind >out &&
	grep "^  2611-0001  *市场管理部销售科  *-  *inform owed" out
'

test_expect_success 'a state two workflows label differently: each record by its own' '
	plaint -q init -p work-ticket w &&
	plaint -C w log kind=no-ticket-work subject=无票作业 location=3号线 >id &&
	plaint -C w do $(cat id) report -m 已报告 &&
	plaint -C w do $(cat id) close -m 已查实 &&
	plaint -C w list >out &&
	grep "^$(cat id)  *已查实处理  " out &&
	plaint -C w show -f text $(cat id) >out &&
	grep "^$(cat id)  .*  已查实处理$" out &&
	plaint -C w list status=已终结\(历史票\) >a &&
	plaint -C w list status=已查实处理 >b &&
	test_cmp a b && grep "^$(cat id) " a
'

test_expect_success 'the machine formats keep the keys' '
	plaint -C t list -f json category=账单缴费 >out &&
	grep "\"category\": *\"billing\"" out && grep "\"status\": *\"assigned\"" out &&
	test_expect_code 1 grep "账单缴费" out &&
	plaint -C t list -f csv >out &&
	grep "^2611-0001,assigned,complaint," out &&
	plaint -C t show 2611-0001 >out &&
	grep "^category: billing$" out &&
	plaint -C t show -f json 2611-0001 >out &&
	grep "\"severity\": *\"major\"" out &&
	plaint -C t report -f csv -b category >out &&
	grep "^billing,1," out && test_expect_code 1 grep "账单缴费" out &&
	plaint -C t export >out &&
	grep "\"channel\": *\"phone\"" out
'

test_expect_success 'a policy renames fields: labels: for plaint'"'"'s, label: for its own' '
	make_tree o &&
	cat >>o/plaint.yaml <<-\EOF &&
	labels: {subject: 事由, complainant.name: 来电人}
	fields:
	  order_no: {type: string, label: 工单号}
	EOF
	plaint -C o log subject=停电 complainant.name=张三 order_no=A-1 >/dev/null &&
	plaint -C o show -f text 2611-0001 >out &&
	grep "^事由: *停电$" out &&
	grep "^工单号: *A-1$" out &&
	test_expect_code 1 grep "^主题:" out &&
	grep "^渠道:\|^类别:\|^投诉人:" out
'

test_expect_success 'labels: for a field no complaint has is refused (78)' '
	make_tree o2 &&
	echo "labels: {nosuch: 某某}" >>o2/plaint.yaml &&
	test_expect_code 78 plaint -C o2 list 2>err &&
	grep "labels: nosuch: not a field of a complaint" err
'

test_done
