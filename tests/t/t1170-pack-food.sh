#!/bin/sh
# The food pack (食品公司消费者投诉管理制度): service and product quality
# (3.1) handled by the 销售部, the product and purchase data of 4.5.1, and
# quality-safety incidents started with the 总经理 of the 市场管理部 (4.4),
# and the 销售部's proposal on staff at fault, approved by the 总经理 and
# carried out by the 企管部 (4.1.2).
#
# The fixture holds one product-quality complaint (2611-0001).
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml

test_setup 'init -p food loads; policy prints it' '
	pack_loads food
'

test_expect_success 'the vocabulary scripts rely on' '
	grep "^  phone: " tree/plaint.yaml &&
	for v in staff customer product other; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	for v in service-quality product-quality; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	grep "^calendars: \[cn-2025, cn-2026\]$" tree/plaint.yaml &&
	grep "^timezone: \"+08:00\"$" tree/plaint.yaml
'

# 4.5.1.1-4.5.1.2: 产品名称、规格、生产批号; 购买的时间、地点.
test_setup 'a product-quality complaint with batch and purchase' '
	plaint -C tree -N 2026-11-27T10:00:00+08:00 log channel=phone \
		category=product-quality subject=饼干内有异物 product_name=苏打饼干 \
		spec=400g batch=20261105A purchase_time=2026-11-20 \
		purchase_place=某超市 complainant.name=赵女士 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	sed -n "/^product_name:/,/^purchase_place:/p" tree/$F >actual &&
	cat >expect <<-\EOT &&
	product_name: "苏打饼干"
	spec: "400g"
	batch: "20261105A"
	purchase_time: "2026-11-20"
	purchase_place: "某超市"
	EOT
	test_cmp expect actual &&
	grep "^department: \"销售部\"$" tree/$F &&
	grep "^severity: normal$" tree/$F &&
	! grep "^due:" tree/$F
'

test_expect_success 'purchase_time is a date' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x purchase_time=上周 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: purchase_time: \"上周\" is not a date" err
'

# 4.5.1.1 确定产品真假; 4.5.1.2 使用过程和方法; 4.5.1.3 不良反应产生的时间、
# 症状,发生后的处理方法; 4.5.1.4 地址和邮编.
test_expect_success 'the rest of 4.5.1: 真假, use, the reaction, the postcode' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=phone \
		category=product-quality subject=食用后腹痛 authenticity=真品 \
		usage=开袋直接食用约100克 reaction_time=2026-11-26T20:00 \
		symptoms=腹痛、腹泻 reaction_treatment=自行服用止泻药 \
		complainant.name=钱女士 complainant.address=某市某路1号 postcode=010010 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0002.yaml &&
	sed -n "/^authenticity:/,/^postcode:/p" $G >actual &&
	cat >expect <<-\EOT &&
	authenticity: "真品"
	usage: "开袋直接食用约100克"
	reaction_time: "2026-11-26T20:00:00+08:00"
	symptoms: "腹痛、腹泻"
	reaction_treatment: "自行服用止泻药"
	postcode: "010010"
	EOT
	test_cmp expect actual &&
	grep "^  address: \"某市某路1号\"$" $G &&
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^产品真假: *真品$" out &&
	grep "^使用过程和方法: *开袋直接食用约100克$" out &&
	grep "^不良反应产生时间: *2026-11-26 20:00$" out &&
	grep "^症状: *腹痛、腹泻$" out &&
	grep "^发生后的处理方法: *自行服用止泻药$" out &&
	grep "^邮编: *010010$" out &&
	passes_check
'

test_expect_success 'genuine or fake, nothing else (4.5.1.1)' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x authenticity=不确定 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: authenticity: \"不确定\" is not allowed; the policy allows: 真品, 假冒" >expect &&
	test_cmp expect err
'

test_expect_success 'the time of the reaction is a time (4.5.1.3)' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x reaction_time=吃完后 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: reaction_time: \"吃完后\" is not a time" err
'

# 4.4: 对于质量安全事件,市场管理部总经理应直接与消费者沟通.
test_expect_success 'a quality-safety incident starts with the 总经理 of the 市场管理部' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=consumer-association \
		category=product-quality severity=safety-incident subject=多人食用后腹泻 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=2026/11/2611-0002.yaml &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"市场管理部\"$" tree/$G &&
	grep "^assignee: \"总经理\"$" tree/$G &&
	grep "^status: assigned$" tree/$G &&
	grep "^severity: safety-incident$" tree/$G &&
	sed -n "/^history:/,\$p" tree/$G >h &&
	printf "  routes:\n  - safety-incident\n" >expect &&
	sed -n "/^  routes:/,\$p" h >actual && test_cmp expect actual &&
	! grep "^due:" tree/$G &&
	cp tree/$G before &&
	test_expect_code 1 plaint -C tree escalate 2611-0002 2>err &&
	test_cmp before tree/$G &&
	grep "already at the top of the escalation chain (level 1, " err &&
	passes_check
'

test_expect_success 'other complaints start with the 销售部, a department given is kept' '
	grep "^level: 0$" tree/$F &&
	test_expect_code 1 grep "routes:" tree/$F &&
	test_expect_code 1 grep "^assignee:" tree/$F &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=phone \
		category=product-quality severity=serious-symptoms subject=食用后呕吐 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=2026/11/2611-0002.yaml &&
	grep "^level: 0$" tree/$G &&
	grep "^department: \"销售部\"$" tree/$G &&
	test_expect_code 1 grep "routes:" tree/$G &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=phone department=销售部 \
		category=product-quality severity=safety-incident subject=批次召回 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	G=2026/11/2611-0003.yaml &&
	grep "^level: 1$" tree/$G &&
	grep "^department: \"销售部\"$" tree/$G &&
	grep "^assignee: \"总经理\"$" tree/$G
'

test_expect_success 'resolve with a refund; no fine, no notice rule in this seed' '
	plaint -C tree -N 2026-11-27T15:00:00+08:00 resolve 2611-0001 -m 已退货 \
		valid=yes cause=product &&
	plaint -C tree -N 2026-11-27T16:00:00+08:00 note 2611-0001 -m 质检研发部门已取样 &&
	plaint -C tree -N 2026-11-27T17:00:00+08:00 close 2611-0001 satisfaction=satisfied &&
	grep "^status: closed$" tree/$F &&
	! grep "^penalties:" tree/$F
'

# 4.1.2: 如与市场业务人员、临时促销人员等我司人员有关的…销售部对直接责任人提出
# 处理意见,报总经理批准后,由企管部负责处理.
test_expect_success 'staff at fault in a service complaint: the proposal, approved, carried out' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=visit \
		category=service-quality subject=促销员态度恶劣 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=2026/11/2611-0002.yaml &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0002 -m 已致歉 \
		valid=yes cause=staff responsible=张三 &&
	sed -n "/^penalties:/,/^history:/p" tree/$G >actual &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: staff-proposal
	  person: "张三"
	  sanction: "对直接责任人提出处理意见"
	  round: 1
	  approved_by: "总经理"
	  carried_out_by: "企管部"
	  at: "2026-11-28T09:00:00+08:00"
	history:
	EOT
	test_cmp expect actual &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 report >out &&
	grep "^PERSON  *RULE  *SANCTION  *COUNT$" out &&
	grep "^张三  *staff-proposal  *对直接责任人提出处理意见  *1$" out &&
	test_expect_code 1 grep "^PERSON  *RULE  *COUNT  *AMOUNT$" out &&
	plaint -C tree -N 2026-11-28T10:00:00+08:00 report -f json >out.json &&
	grep "\"fines_amount\": 0," out.json &&
	grep "\"fines_ledger\": \[\]," out.json &&
	passes_check
'

test_expect_success 'no proposal for a groundless complaint, a product complaint, or a dealer' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=visit \
		category=service-quality subject=促销员态度恶劣 >/dev/null &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log channel=dealer \
		category=service-quality subject=零售商态度差 >/dev/null &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0001 -m 已退货 \
		valid=yes cause=staff responsible=张三 &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0002 -m 已解释 \
		valid=no cause=staff responsible=张三 &&
	plaint -C tree -N 2026-11-28T09:00:00+08:00 resolve 2611-0003 -m 已协调 \
		valid=yes cause=dealer responsible=某经销商 &&
	! grep "^penalties:" tree/2026/11/*.yaml
'

test_expect_success 'a remedy other than exchange or refund is bad data' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log subject=x remedy=compensation 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: remedy: \"compensation\" is not allowed; the policy allows: exchange, refund$" err
'

test_expect_success 'a channel the pack does not have is bad data' '
	refuses_channel "phone, letter, visit, store, dealer, consumer-association"
'

test_done
