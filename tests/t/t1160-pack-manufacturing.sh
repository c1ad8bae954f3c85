#!/bin/sh
# The manufacturing pack (客户投诉管理制度模板, 企业客户投诉管理制度): ids by
# year, month and serial (模板 (八)), the order fields of 模板 (九) 1, quality
# and non-quality causes (第五条), the departments of 第七条.
#
# The fixture holds one quality complaint with its order data (2611-0001).
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml


test_setup 'init -p manufacturing loads; policy prints it' '
	pack_loads manufacturing
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	pack_vocabulary
'

# 模板 (九) 1: 编号、料号、交运日期、数量、不良数量、客户要求.
test_setup 'a quality complaint with its order data' '
	plaint -C tree -N 2026-11-27T10:00:00+08:00 -u 业务员刘 log channel=phone \
		category=quality subject=PCB焊盘氧化 order_no=SO-2611-088 \
		part_no=PCB-4L-1020 quantity=5000 defect_quantity=120 \
		ship_date=2026-11-20 customer_request=客户加工中未确定 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	sed -n "/^order_no:/,/^customer_request:/p" tree/$F >actual &&
	cat >expect <<-\EOT &&
	order_no: "SO-2611-088"
	part_no: "PCB-4L-1020"
	quantity: 5000
	defect_quantity: 120
	ship_date: "2026-11-20"
	customer_request: "客户加工中未确定"
	EOT
	test_cmp expect actual &&
	grep "^department: \"质量管理部\"$" tree/$F &&
	! grep "^due:" tree/$F
'

# 模板 (八): 年度(××)月份(××)流水编号, 编号周期以年度月份为原则.
test_expect_success 'ids: year, month and a serial reset every month' '
	plaint -C tree -N 2026-11-30T16:00:00+08:00 log subject=b >ids &&
	plaint -C tree -N 2026-12-01T08:00:00+08:00 log subject=c >>ids &&
	plaint -C tree -N 2027-01-04T08:00:00+08:00 log subject=d >>ids 2>/dev/null &&
	printf "2611-0002\n2612-0001\n2701-0001\n" >expect &&
	test_cmp expect ids &&
	test -f tree/2026/11/2611-0002.yaml &&
	test -f tree/2026/12/2612-0001.yaml &&
	test -f tree/2027/01/2701-0001.yaml
'

test_expect_success 'quantity must be a whole number' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x quantity=12.5 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: quantity: \"12.5\" is not an integer" >expect &&
	test_cmp expect err
'

test_expect_success 'ship_date must be a date' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x ship_date=11/20 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: ship_date: \"11/20\" is not a date" err
'

test_expect_success 'escalate: 总经理室, then the 总经理 decides (核决); a due given stays' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log category=non-quality \
		subject=交期延误 due.resolution=2026-12-04T17:00:00+08:00 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=2026/11/2611-0002.yaml &&
	plaint -C tree -N 2026-11-30T09:00:00+08:00 escalate 2611-0002 &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"总经理室\"$" tree/$G &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 escalate 2611-0002 &&
	grep "^level: 2$" tree/$G &&
	grep "^assignee: \"总经理\"$" tree/$G &&
	test "$(due_of tree/$G resolution)" = 2026-12-04T17:00:00+08:00 &&
	cp tree/$G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0002 2>err &&
	test_cmp before tree/$G &&
	grep "already at the top of the escalation chain (level 2, " err
'

test_expect_success 'resolve with the cause found: quality (product) or not' '
	plaint -C tree -N 2026-12-02T09:00:00+08:00 resolve 2611-0001 \
		-m 退换不良品120片 valid=yes cause=product responsible=制造部二班 &&
	plaint -C tree -N 2026-12-02T10:00:00+08:00 note 2611-0001 -m 改进对策已提报 &&
	grep "^  cause: product$" tree/$F &&
	! grep "^penalties:" tree/$F &&
	plaint -C tree -N 2026-12-02T11:00:00+08:00 close 2611-0001 &&
	grep "^status: closed$" tree/$F
'

test_expect_success 'an 异常处理单 (no loss) is a kind of its own' '
	plaint -C tree -N 2026-11-28T09:00:00+08:00 log kind=abnormality subject=标签错印 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^kind: abnormality$" tree/2026/11/2611-0002.yaml
'

test_expect_success 'a channel the pack does not have is bad data' '
	refuses_channel "phone, letter, email, visit, sales-visit"
'

test_done
