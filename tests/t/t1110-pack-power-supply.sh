#!/bin/sh
# The power-supply pack (电力客户来信来访及投诉处理制度): 5 days to resolve,
# 10 days from receipt once escalated to 支公司业务主管部门, the fines of
# 第九条 to 第十二条 (每人每次 for 第十二条), the sanction of 第七条, the
# written notice of 第四条.
#
# The fixture follows one named complaint, 2611-0001, through its life
# (logged, escalated, resolved with three fines); the tests check each
# step on a copy, and log their own complaints for the other cases.
. "$PLAINT_TOP/tests/test-lib.sh"

F=2026/11/2611-0001.yaml


# penalties_of TREE FILE: the penalties block, up to the next key.
penalties_of() { sed -n '/^penalties:/,/^[a-z]/p' "$1/$2" | sed '$d'; }

# three_fines: the penalties of 2611-0001 once resolved (第九条 to 第十一条).
three_fines() {
	cat <<-\EOT
	penalties:
	- rule: first-responsibility
	  person: "王芳"
	  amount: 20
	  round: 1
	  at: "2026-12-01T15:00:00+08:00"
	- rule: verified-staff-fault
	  person: "赵六"
	  amount: 50
	  round: 1
	  at: "2026-12-01T15:00:00+08:00"
	- rule: rude-attitude
	  person: "赵六"
	  amount: 20
	  round: 1
	  at: "2026-12-01T15:00:00+08:00"
	EOT
}

test_setup 'init -p power-supply loads; policy prints it' '
	plaint -q init -p power-supply tree &&
	plaint -C tree policy >out &&
	grep "^policy: power-supply$" out &&
	grep "所长接待日" out &&
	plaint -C tree policy -f json >out.json &&
	grep "\"policy\": \"power-supply\"" out.json
'

test_expect_success 'the vocabulary scripts rely on' '
	for v in phone letter visit; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	pack_vocabulary
'

# 第五条: 5 days, counted from the day after receipt (Civil Code art. 201).
test_setup 'a complaint is to be resolved in 5 days' '
	plaint -C tree -N 2026-11-27T10:00:00+08:00 log channel=phone \
		category=service-attitude subject=抄表员态度生硬 \
		complainant.name=张三 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	test "$(due_of tree/$F resolution)" = 2026-12-02T23:59:59+08:00 &&
	test -z "$(due_of tree/$F first_response)" &&
	grep "^severity: light$" tree/$F &&
	grep "^kind: complaint$" tree/$F &&
	grep "^received_by: \"王芳\"$" tree/$F
'

test_expect_success 'the 5th day in the National Day holiday moves to 8 October' '
	plaint -C tree -N 2026-09-30T09:00:00+08:00 log channel=letter subject=停电 >/dev/null &&
	test "$(due_of tree/2026/09/2609-0001.yaml resolution)" = 2026-10-08T23:59:59+08:00 &&
	plaint -C tree policy due received=2026-09-24T10:00:00+08:00 >out &&
	echo "resolution       2026-09-29T23:59:59+08:00" >expect &&
	test_cmp expect out
'

test_expect_success 'a report (举报) has the same 5 days; a suggestion has none' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log kind=report channel=visit subject=r >/dev/null &&
	test "$(due_of tree/2026/11/2611-0002.yaml resolution)" = 2026-12-02T23:59:59+08:00 &&
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log kind=suggestion channel=outreach subject=s >/dev/null &&
	grep "^kind: suggestion$" tree/2026/11/2611-0003.yaml &&
	! grep "^due:" tree/2026/11/2611-0003.yaml
'

# 第五条: 10 days for a major case, counted from receipt, not from escalation.
test_setup 'escalated to 支公司业务主管部门: 10 days from receipt' '
	plaint -C tree -N 2026-11-30T09:00:00+08:00 escalate 2611-0001 -m 重大问题 &&
	grep "^level: 1$" tree/$F &&
	grep "^department: \"支公司业务主管部门\"$" tree/$F &&
	test "$(due_of tree/$F resolution)" = 2026-12-07T23:59:59+08:00 &&
	plaint -C tree policy due received=2026-09-24T10:00:00+08:00 level=1 >out &&
	echo "resolution       2026-10-08T23:59:59+08:00" >expect &&
	test_cmp expect out
'

test_expect_success 'the chain has two levels: a second escalate is refused' '
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree -N 2026-11-30T10:00:00+08:00 escalate 2611-0001 -m again 2>err &&
	test_cmp before tree/$F &&
	grep "already at the top of the escalation chain" err
'

test_expect_success 'the seed allows no extension of its deadlines' '
	plaint -C tree -N 2026-11-30T09:30:00+08:00 log channel=phone subject=延期 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	G=tree/2026/11/2611-0002.yaml &&
	grep "^  resolution: " $G &&
	cp $G before &&
	test_expect_code 1 plaint -C tree -N 2026-11-30T10:00:00+08:00 extend 2611-0002 \
		resolution=5d approved_by=所长 -m 等待 2>err &&
	test_cmp before $G &&
	grep "does not allow extending the resolution deadline" err
'

# 第九条 (首位责任制, the receiver), 第十条 (staff fault, by phone or
# letter), 第十一条 (rude attitude): 20 + 50 + 20, for they add up.
test_setup 'verified, the staff at fault, rude: three fines' '
	plaint -C tree -N 2026-12-01T15:00:00+08:00 -u 赵主任 resolve 2611-0001 \
		-m 已道歉 valid=yes cause=staff responsible=赵六 &&
	three_fines >expect &&
	penalties_of tree $F >actual &&
	test_cmp expect actual
'

test_expect_success 'a later note fines nobody a second time' '
	plaint -C tree -N 2026-12-02T09:00:00+08:00 note 2611-0001 -m 已寄出书面答复 &&
	grep "^  note: \"已寄出书面答复\"$" tree/$F &&
	three_fines >expect &&
	penalties_of tree $F >actual &&
	test_cmp expect actual
'

# 第四条: a named complainant is told the result in writing.
test_expect_success 'close is refused while the written notice is owed' '
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree -N 2026-12-02T10:00:00+08:00 close 2611-0001 \
		satisfaction=satisfied 2>err &&
	test_cmp before tree/$F &&
	echo "plaint: close: a written notice of the result is owed to the complainant (rule written-notice); give notice=letter when it is sent" >expect &&
	test_cmp expect err
'

test_expect_success 'a notice by phone is not a written one' '
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree -N 2026-12-02T10:00:00+08:00 close 2611-0001 \
		notice=phone 2>err &&
	test_cmp before tree/$F &&
	grep "a written notice of the result is owed to the complainant (rule written-notice)" err
'

test_expect_success 'close with notice=letter; the penalties stay as they were' '
	plaint -C tree -N 2026-12-02T10:00:00+08:00 close 2611-0001 \
		satisfaction=satisfied notice=letter &&
	grep "^status: closed$" tree/$F &&
	grep "^  by: letter$" tree/$F &&
	plaint -C tree -N 2026-12-03T10:00:00+08:00 note 2611-0001 -m 归档 &&
	three_fines >expect &&
	penalties_of tree $F >actual &&
	test_cmp expect actual
'

test_expect_success 'an anonymous complaint closes without a notice' '
	plaint -C tree -N 2026-11-27T11:00:00+08:00 log kind=report channel=visit subject=r >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	! grep "^complainant:" tree/2026/11/2611-0002.yaml &&
	plaint -C tree -N 2026-12-03T09:00:00+08:00 resolve 2611-0002 -m 查无此事 valid=no &&
	plaint -C tree -N 2026-12-03T10:00:00+08:00 close 2611-0002 &&
	grep "^status: closed$" tree/2026/11/2611-0002.yaml &&
	! grep "^penalties:" tree/2026/11/2611-0002.yaml
'

# 第十二条: 吃拿卡要, 100 yuan and 通报批评; by visit, so no 第十条 fine.
test_expect_success '吃拿卡要 by staff, in person: 20 + 50 + 100 yuan and 通报批评' '
	plaint -C tree -N 2026-12-04T09:00:00+08:00 -u 李四 log channel=visit \
		category=misconduct subject=索要好处 >id &&
	echo 2612-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-12-08T09:00:00+08:00 resolve 2612-0001 -m 属实 \
		valid=yes cause=staff responsible=孙七 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: first-responsibility
	  person: "李四"
	  amount: 20
	  round: 1
	  at: "2026-12-08T09:00:00+08:00"
	- rule: verified-staff-fault
	  person: "孙七"
	  amount: 50
	  round: 1
	  at: "2026-12-08T09:00:00+08:00"
	- rule: misconduct
	  person: "孙七"
	  amount: 100
	  round: 1
	  also: "通报批评"
	  at: "2026-12-08T09:00:00+08:00"
	EOT
	penalties_of tree 2026/12/2612-0001.yaml >actual &&
	test_cmp expect actual
'

# 第十二条: 每人每次罚款100元，并通报批评 — each of the people named.
test_expect_success '吃拿卡要 by two: 100 yuan and 通报批评 for each (第十二条)' '
	plaint -C tree -N 2026-12-04T09:00:00+08:00 -u 李四 log channel=visit \
		category=misconduct subject=索要好处 >id &&
	echo 2612-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-12-08T09:00:00+08:00 resolve 2612-0001 -m 属实 \
		valid=yes cause=staff "responsible=张三,赵六" &&
	G=2026/12/2612-0001.yaml &&
	penalties_of tree $G >p &&
	grep -A3 "^- rule: misconduct$" p >m &&
	sed -n "s/^  person: //p" m >actual &&
	printf "\"张三\"\n\"赵六\"\n" >expect && test_cmp expect actual &&
	sed -n "s/^  amount: //p" m >actual &&
	printf "100\n100\n" >expect && test_cmp expect actual &&
	grep -c "^  also: \"通报批评\"$" p >n && echo 2 >expect && test_cmp expect n &&
	plaint -C tree -N 2026-12-08T10:00:00+08:00 report >out &&
	sed -n "/^PERSON  *RULE  *COUNT  *AMOUNT$/,/^$/p" out >fines &&
	grep "^张三  *misconduct  *1  *100$" fines &&
	grep "^赵六  *misconduct  *1  *100$" fines &&
	grep "^李四  *first-responsibility  *1  *20$" fines &&
	sed -n "/^PERSON  *RULE  *SANCTION  *COUNT$/,/^$/p" out >sanctions &&
	grep "^张三  *misconduct  *通报批评  *1$" sanctions &&
	grep "^赵六  *misconduct  *通报批评  *1$" sanctions &&
	plaint -C tree -N 2026-12-08T10:00:00+08:00 report -f json >out.json &&
	grep "\"fines_amount\": 320," out.json &&
	plaint -C tree check
'

# 第七条: 因拖延得不到解决而投诉或举报到上级有关部门 … 对当事人予以处罚, by
# the branch's own rules: a sanction, not money.
test_expect_success 'left unresolved, taken to a higher authority: the 第七条 sanction' '
	plaint -C tree -N 2026-12-04T09:00:00+08:00 -u 李四 log kind=report channel=superior \
		delayed=yes category=repair subject=报修三次无人处理 >id &&
	echo 2612-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-12-05T09:00:00+08:00 resolve 2612-0001 -m 属实 \
		valid=yes cause=staff responsible=孙七 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: verified-staff-fault
	  person: "孙七"
	  amount: 50
	  round: 1
	  at: "2026-12-05T09:00:00+08:00"
	- rule: delay-to-superior
	  person: "孙七"
	  sanction: "按支公司有关规定和供电所综合管理考核办法有关规定对当事人予以处罚"
	  round: 1
	  at: "2026-12-05T09:00:00+08:00"
	EOT
	penalties_of tree 2026/12/2612-0001.yaml >actual &&
	test_cmp expect actual &&
	plaint -C tree -N 2026-12-05T10:00:00+08:00 report >out &&
	grep "^孙七  *delay-to-superior  *按支公司有关规定和供电所综合管理考核办法有关规定对当事人予以处罚  *1$" out &&
	test_expect_code 1 grep "^孙七  *delay-to-superior  *1" out
'

test_expect_success 'from a higher authority but not delayed, or not verified: no 第七条 sanction' '
	plaint -C tree -N 2026-12-04T09:00:00+08:00 log kind=report channel=superior \
		category=repair subject=a >/dev/null &&
	plaint -C tree -N 2026-12-04T09:00:00+08:00 log kind=report channel=superior \
		delayed=yes category=repair subject=b >/dev/null &&
	plaint -C tree -N 2026-12-04T09:00:00+08:00 log kind=report channel=phone \
		delayed=yes category=repair subject=c >/dev/null &&
	plaint -C tree -N 2026-12-05T09:00:00+08:00 resolve 2612-0001 -m 属实 \
		valid=yes cause=staff responsible=孙七 &&
	plaint -C tree -N 2026-12-05T09:00:00+08:00 resolve 2612-0002 -m 不属实 \
		valid=no cause=customer responsible=孙七 &&
	plaint -C tree -N 2026-12-05T09:00:00+08:00 resolve 2612-0003 -m 属实 \
		valid=yes cause=staff responsible=孙七 &&
	test_expect_code 1 grep "delay-to-superior" tree/2026/12/2612-0001.yaml \
		tree/2026/12/2612-0002.yaml tree/2026/12/2612-0003.yaml
'

# 第九条 has no 属实 condition (第十条 has: 经落实属实): a complaint found
# not valid still costs its receiver the 20 yuan; 第十条 and 第十一条 fine
# nothing, for nothing was found.
test_expect_success 'a complaint found not valid still costs the 20 of 第九条, and only that' '
	plaint -C tree -N 2026-12-04T09:00:00+08:00 -u 李四 log channel=phone \
		category=service-attitude subject=x >id &&
	echo 2612-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-12-05T09:00:00+08:00 resolve 2612-0001 -m 不属实 \
		valid=no cause=customer responsible=赵六 &&
	grep "^status: resolved$" tree/2026/12/2612-0001.yaml &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: first-responsibility
	  person: "李四"
	  amount: 20
	  round: 1
	  at: "2026-12-05T09:00:00+08:00"
	EOT
	penalties_of tree 2026/12/2612-0001.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'the pack says why 第九条 has no 属实 condition, and how to add it' '
	grep "^# 第九条 fines every complaint" tree/plaint.yaml &&
	grep "^# They add up." tree/plaint.yaml &&
	grep "^    #   when: { kind: complaint, resolution.valid: yes }$" tree/plaint.yaml &&
	grep "^    when: { kind: complaint }$" tree/plaint.yaml
'

test_expect_success 'a channel the pack does not have is bad data' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log channel=email subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: channel: \"email\" is not allowed; the policy allows: phone, repair-line, letter, visit, reception-day, outreach, superior$" err
'

test_done
