#!/bin/sh
# The pharma-sales pack (关于客户投诉的管理制度及操作流程): service and
# product quality complaints, valid and invalid ones, an opinion on a
# service complaint lodged with the 销售部 within 1 working day (4.1.1),
# none for one taken to the 大区经理 (4.1.2); the criticism of 4.1.2
# and 4.1.3 as sanctions, not fines.
#
# The fixture holds a service complaint lodged with the 销售部 on a
# Friday (2611-0001)
# and a serious one taken up to the 营销总监 (2611-0002); the tests check
# them on a copy, and every test that writes a complaint ends with
# plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
D=tree/2026/11

penalties_of() { awk '/^penalties:/ { p = 1; print; next } p && /^[a-z]/ { exit } p' "$1"; }

test_setup 'init -p pharma-sales copies the pack, and it loads' '
	plaint -q init -p pharma-sales tree &&
	test_cmp "$PLAINT_TOP/data/policies/pharma-sales.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err
'

test_expect_success 'policy prints the pack: the two kinds of complaint, the chain' '
	plaint -C tree policy >out &&
	grep "^policy: pharma-sales$" out &&
	sed -n "/^categories:/,/^severities:/p" out | sed -n "s/^  \([a-z-]*\):.*/\1/p" >actual &&
	printf "service\nproduct-quality\n" >expect && test_cmp expect actual &&
	sed -n "/^escalation:/,/^required:/p" out >actual &&
	cat >expect <<-\EOT &&
	escalation:
	- name: "销售部 (受理人、销售后勤负责人)"
	- name: "区域负责人 (大区经理)"
	- name: "营销总监"
	required: [subject]
	EOT
	test_cmp expect actual &&
	grep "source: \"关于客户投诉的管理制度及操作流程 4.1.1 (客户直接反映到公司销售部的……营销总监及区域经理在1个工作日内作出处理意见); 4.1.2 (直接投诉到大区经理处的) 无时限\"" out &&
	grep "^  when: {category: service, lodged_at: 公司销售部}$" out &&
	sed -n "/^channels:/,/^categories:/p" out | sed -n "s/^  \([a-z-]*\):.*/\1/p" >actual &&
	printf "phone\nvisit\nletter\n" >expect && test_cmp expect actual
'

# 4.1.1: 客户直接反映到公司销售部的 … 在1个工作日内作出处理意见.  Logged
# on Friday 27 November: the one working day is Monday 30 November.
test_setup 'lodged with the 销售部 on a Friday: the opinion is due Monday (4.1.1, 1wd)' '
	plaint -C tree -N $NOW log channel=phone lodged_at=公司销售部 category=service \
		staff_role=地区经理 subject=地区经理态度差 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	echo 2026-11-30T23:59:59+08:00 >expect &&
	due_of $D/2611-0001.yaml resolution >actual && test_cmp expect actual &&
	grep "^department: \"销售部\"$" $D/2611-0001.yaml &&
	grep "^staff_role: \"地区经理\"$" $D/2611-0001.yaml &&
	grep "^lodged_at: \"公司销售部\"$" $D/2611-0001.yaml &&
	grep "^channel: phone$" $D/2611-0001.yaml &&
	! grep "^  first_response:" $D/2611-0001.yaml
'

test_expect_success 'show names where it was lodged, in Chinese' '
	plaint -C tree show -f text 2611-0001 >out &&
	grep "^客户直接投诉到: *公司销售部$" out
'

# 4.1.2: 客户直接投诉到大区经理处的 … 大区经理必须根据实况作出处理意见 —
# no time limit, so no deadline; nor without lodged_at.
test_expect_success 'taken to the 大区经理 (4.1.2): no resolution deadline' '
	plaint -C tree -N $NOW log channel=visit lodged_at=大区经理处 category=service \
		staff_role=省区经理 subject=省区经理未回电 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^lodged_at: \"大区经理处\"$" $D/2611-0002.yaml &&
	! grep "^due:" $D/2611-0002.yaml &&
	! grep "^  resolution:" $D/2611-0002.yaml &&
	plaint -C tree policy due category=service lodged_at=大区经理处 \
		received=2026-11-27T10:00 >out &&
	test_cmp /dev/null out &&
	plaint -C tree policy due category=service received=2026-11-27T10:00 >out &&
	test_cmp /dev/null out &&
	plaint -C tree policy due category=service lodged_at=公司销售部 \
		received=2026-11-27T10:00 >out &&
	echo "resolution       2026-11-30T23:59:59+08:00" >expect &&
	test_cmp expect out &&
	passes_check
'

test_expect_success 'a place of lodging the text does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log category=service lodged_at=总经理 subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: lodged_at: \"总经理\" is not allowed; the policy allows: 公司销售部, 大区经理处" >expect &&
	test_cmp expect err
'

test_expect_success 'working days follow the 2026 schedule' '
	for c in "2026-09-24T16:00 2026-09-28T23:59:59+08:00" \
		"2026-02-13T16:00 2026-02-14T23:59:59+08:00" \
		"2026-02-14T09:00 2026-02-24T23:59:59+08:00" \
		"2025-12-31T16:00 2026-01-04T23:59:59+08:00" \
		"2026-09-30T09:00 2026-10-08T23:59:59+08:00"; do
		set -- $c
		plaint -C tree policy due category=service lodged_at=公司销售部 received=$1 >out &&
		echo "resolution       $2" >expect &&
		test_cmp expect out || return 1
	done
'

# 4.1.1 (lodged with the 销售部, about a 地区经理) names no sanction:
# the opinion is the 处理意见 itself.
test_expect_success 'the opinion (resolve) stops the clock; valid=yes is an 有效投诉; 4.1.1 sanctions nobody' '
	plaint -C tree -N 2026-11-30T15:00:00+08:00 assign 2611-0001 区域经理 &&
	plaint -C tree -N 2026-11-30T16:00:00+08:00 resolve 2611-0001 -m "处理意见: 通报批评" \
		valid=yes cause=staff responsible=孙经理 &&
	grep "^  valid: true$" $D/2611-0001.yaml &&
	test_expect_code 1 grep "^penalties:" $D/2611-0001.yaml &&
	plaint -C tree -N 2026-11-30T17:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" $D/2611-0001.yaml &&
	test_expect_code 1 grep "^penalties:" $D/2611-0001.yaml &&
	passes_check
'

# 4.1.2: 直接投诉到大区经理处的 … 有必要的、常见的，要予以公开通告批评.
test_expect_success 'lodged with the 大区经理: the public criticism, by the 大区经理, as a sanction (4.1.2)' '
	plaint -C tree -N $NOW log lodged_at=大区经理处 category=service staff_role=省区经理 \
		subject=省区经理推诿 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-30T10:00:00+08:00 resolve 2611-0002 -m "处理意见" \
		valid=yes cause=staff responsible=张三 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: regional-public-criticism
	  person: "张三"
	  sanction: "有必要的、常见的，要予以公开通告批评"
	  round: 1
	  carried_out_by: "大区经理"
	  at: "2026-11-30T10:00:00+08:00"
	EOT
	penalties_of $D/2611-0002.yaml >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-30T11:00:00+08:00 report >out &&
	grep "^张三  *regional-public-criticism  *有必要的、常见的，要予以公开通告批评  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	passes_check
'

# 4.1.3: 投诉后勤人员的 … 对被投诉人员作出指导、批评, wherever lodged.
test_expect_success 'about a 销售后勤: 指导、批评 for each person responsible (4.1.3)' '
	plaint -C tree -N $NOW log lodged_at=公司销售部 category=service staff_role=销售后勤 \
		subject=发货错误 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T15:00:00+08:00 resolve 2611-0002 -m "处理意见" \
		valid=yes cause=staff "responsible=张三,赵六" &&
	grep -A2 "^- rule: logistics-criticism$" $D/2611-0002.yaml | sed -n "s/^  person: //p" >who &&
	printf "\"张三\"\n\"赵六\"\n" >expect && test_cmp expect who &&
	grep -c "^  sanction: \"对被投诉人员作出指导、批评\"$" $D/2611-0002.yaml >n &&
	echo 2 >expect && test_cmp expect n &&
	test_expect_code 1 grep "regional-public-criticism\|amount\|carried_out_by" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-11-27T16:00:00+08:00 report >out &&
	grep "^赵六  *logistics-criticism  *对被投诉人员作出指导、批评  *1$" out &&
	passes_check
'

test_expect_success 'an invalid complaint (误会, 2.2.2) records no criticism' '
	plaint -C tree -N $NOW log category=service lodged_at=大区经理处 staff_role=销售后勤 \
		subject=误会 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 resolve 2611-0002 -m "已解释" \
		valid=no cause=customer responsible=孙经理 &&
	grep "^  valid: false$" $D/2611-0002.yaml &&
	! grep "^penalties:" $D/2611-0002.yaml &&
	passes_check
'

test_expect_success 'a product quality complaint: no deadline, the product details (4.2.1)' '
	plaint -C tree -N $NOW log channel=phone category=product-quality subject=服用后不适 \
		product_type=胶囊 batch=B20261101 product_date=2026-11-01 arrival_date=2026-11-20 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	! grep "^due:" $D/2611-0002.yaml &&
	grep "^department: \"销售部后勤\"$" $D/2611-0002.yaml &&
	grep "^batch: \"B20261101\"$" $D/2611-0002.yaml &&
	grep "^arrival_date: \"2026-11-20\"$" $D/2611-0002.yaml &&
	passes_check
'

test_setup 'serious: up to the regional manager, then the 营销总监 (4.1.3, 3.3)' '
	plaint -C tree -N $NOW log lodged_at=公司销售部 category=service severity=serious \
		subject=后勤人员 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 escalate 2611-0002 assignee=大区经理 &&
	grep "^level: 1$" $D/2611-0002.yaml &&
	grep "^assignee: \"大区经理\"$" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-11-27T12:00:00+08:00 escalate 2611-0002 assignee=营销总监 &&
	grep "^level: 2$" $D/2611-0002.yaml &&
	grep "^assignee: \"营销总监\"$" $D/2611-0002.yaml &&
	echo 2026-11-30T23:59:59+08:00 >expect &&
	due_of $D/2611-0002.yaml resolution >actual && test_cmp expect actual &&
	cp $D/2611-0002.yaml before &&
	test_expect_code 1 plaint -C tree escalate 2611-0002 2>err &&
	test_cmp before $D/2611-0002.yaml &&
	grep "already at the top of the escalation chain (level 2, 营销总监)" err
'

test_expect_success 'a late opinion is shown overdue, and fines nobody (the seed names no amount)' '
	plaint -C tree -N 2026-12-01T09:00:00+08:00 note 2611-0002 -m 催办 &&
	grep "^  note: \"催办\"$" $D/2611-0002.yaml &&
	! grep "^penalties:" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 show -f text 2611-0002 >out &&
	grep "resolution       2026-11-30 23:59  overdue" out &&
	passes_check
'

test_expect_success 'the deadline may be extended (no extension rule in the seed)' '
	plaint -C tree -N 2026-12-01T09:00:00+08:00 extend 2611-0002 resolution=1wd \
		approved_by=营销总监 -m "等待调查" &&
	echo 2026-12-01T23:59:59+08:00 >expect &&
	due_of $D/2611-0002.yaml resolution >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'a service person the seed does not name is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log category=service staff_role=司机 subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: staff_role: \"司机\" is not allowed; the policy allows: 销售后勤, 地区经理, 省区经理, 大区经理" >expect &&
	test_cmp expect err
'

test_expect_success 'a category other than service or product quality is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log category=price subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: category: \"price\" is not allowed; the policy allows: service, product-quality$" err
'

test_expect_success 'a kind the document does not have (inquiry) is refused' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=inquiry subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: kind: \"inquiry\" is not allowed; the policy allows: complaint$" err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 2 file(s), 0 with problems$" err
'

test_done
