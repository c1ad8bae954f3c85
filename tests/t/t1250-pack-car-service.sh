#!/bin/sh
# The car-service pack (客户投诉处理制度, the 10/20/30-minute rule):
# first contact within 30/20/10/10 minutes by severity (第六条), or 20 by
# phone and 10 on site where 第五条 (三) 注 is stricter, the manager's
# talk within 10 minutes of the 协调工作单 (第五条 (三)), a second contact
# within 24 hours of the resolve (a contact or the callback of close),
# fines of 20/30/50/80 yuan for the assignee when late,
# two rounds before the 总经理, extensions only with the 总经理.
#
# The fixture holds a complaint handled on time and then reopened twice
# (2611-0001), one fined for a late first contact (2611-0002) and a major
# one assigned to 李经理 that waits for an extension (2611-0003); the
# tests check them on a copy, and every test that writes a complaint ends
# with plaint check.
. "$PLAINT_TOP/tests/test-lib.sh"

D=tree/2026/11
T0=2026-11-27T10:00:00+08:00

penalties_of() { awk '/^penalties:/ { p = 1; print; next } p && /^[a-z]/ { exit } p' "$1"; }
# at HH:MM [DAY] COMMAND...: run plaint in the tree at 2026-11-DAY (27) HH:MM.
at() {
	t=$1 d=27
	shift
	case $1 in [0-9][0-9]) d=$1; shift ;; esac
	plaint -C tree -N 2026-11-${d}T$t:00+08:00 "$@"
}

# fine_30: the penalties of 2611-0002, late by 15 minutes (非常不满意 on
# site: 第五条 (三) 注's 10 minutes).
fine_30() {
	cat <<-\EOT
	penalties:
	- rule: late-first-contact-very-unsatisfied
	  person: "王经理"
	  amount: 30
	  round: 1
	  at: "2026-11-27T10:25:00+08:00"
	EOT
}

test_setup 'init -p car-service copies the pack, and it loads' '
	plaint -q init -p car-service tree &&
	test_cmp "$PLAINT_TOP/data/policies/car-service.yaml" tree/plaint.yaml &&
	plaint -C tree check 2>err
'

test_expect_success 'policy prints the pack: the four severities, rounds, extensions' '
	plaint -C tree policy >out &&
	grep "^policy: car-service$" out &&
	sed -n "/^severities:/,/^departments:/p" out | sed -n "s/^  \([a-z-]*\):.*/\1/p" >actual &&
	printf "unsatisfied\nvery-unsatisfied\nmajor\ncrisis\n" >expect && test_cmp expect actual &&
	grep "^  severity: unsatisfied$" out &&
	grep "^rounds: {max: 2, source: " out &&
	grep "^  second_contact: {starts: resolve, stops: \[contact, close\]}$" out &&
	! grep "^  callback:" out &&
	grep "^  manager_plan: {starts: assign, stops: \[contact, resolve\]}$" out &&
	echo $(sed -n "/^penalties:/,/^extensions:/p" out | sed -n "s/^  amount: //p") >actual &&
	echo "20 30 50 80 20 30 50 80" >expect && test_cmp expect actual &&
	sed -n "/^extensions:/,/^rounds:/p" out | grep -c "^  approved_by: \[总经理\]$" >actual &&
	echo 3 >expect && test_cmp expect actual
'

test_expect_success 'first contact within 30/20/10/10 minutes (第六条)' '
	for c in "unsatisfied 10:30" "very-unsatisfied 10:20" "major 10:10" "crisis 10:10"; do
		set -- $c
		plaint -C tree policy due severity=$1 received=$T0 >out &&
		cat >expect <<-EOT &&
		handover         2026-11-27T10:10:00+08:00
		first_response   2026-11-27T$2:00+08:00
		resolution       2026-11-27T22:00:00+08:00
		EOT
		test_cmp expect out || return 1
	done
'

# 第五条 (六): the second contact counts from the resolve, not from the
# first contact; a contact before the resolve (the tracking call of
# (四)) neither starts nor stops it.
# 第五条 (三) 注: 必须在20分钟内与客户有第一次电话接触 (现场10分钟内接触);
# 第六条: 30/20/10/10 by level.  The stricter applies; the 注 names
# only 电话 (phone) and 现场 (on-site), so the other channels keep 第六条.
test_expect_success 'first contact: the stricter of 第五条 (三) 注 and 第六条, by channel and level' '
	while read ch u v m c; do
		for s in "unsatisfied $u" "very-unsatisfied $v" "major $m" "crisis $c"; do
			set -- $s
			at 10:00 log channel=$ch severity=$1 subject=首次接触 >id &&
			echo "$ch $1 2026-11-27T10:$2:00+08:00" >expect &&
			echo "$ch $1 $(due_of $D/$(cat id).yaml first_response)" >actual &&
			test_cmp expect actual || return 1
		done
	done <<-\EOT
	phone 20 20 10 10
	on-site 10 10 10 10
	callback-visit 30 20 10 10
	opinion-box 30 20 10 10
	EOT
'

test_expect_success 'a phone complaint (不满意) first reached at 21 minutes is late: fined 20' '
	at 10:00 log channel=phone subject=电话未及时接触 >id &&
	at 10:01 assign $(cat id) 李经理 &&
	at 10:21 note $(cat id) -c -m 第一次电话接触 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: late-first-contact-unsatisfied
	  person: "李经理"
	  amount: 20
	  round: 1
	  at: "2026-11-27T10:21:00+08:00"
	EOT
	penalties_of $D/$(cat id).yaml >actual && test_cmp expect actual &&
	passes_check
'

# 第五条 (三): 被投诉部门经理 (或其代理人) 需在10分钟内整理方案与客户进行沟通.
test_expect_success 'manager step: 10 minutes from the 协调工作单 (assign) to a contact (第五条 (三))' '
	at 10:00 log channel=opinion-box subject=经理沟通 >id &&
	test -z "$(due_of $D/$(cat id).yaml manager_plan)" &&
	at 10:07 assign $(cat id) 李经理 &&
	echo 2026-11-27T10:17:00+08:00 >expect &&
	due_of $D/$(cat id).yaml manager_plan >actual && test_cmp expect actual &&
	at 10:17 note $(cat id) -c -m 方案已沟通 &&
	at 10:18 show -f text $(cat id) >out &&
	grep "^  manager_plan     2026-11-27 10:17  done$" out &&
	! grep "^penalties:" $D/$(cat id).yaml
'

test_expect_success 'a late manager step shows late, and is not fined (the text gives no fine)' '
	at 10:00 log channel=opinion-box subject=经理沟通晚了 >id &&
	at 10:05 assign $(cat id) 李经理 &&
	at 10:25 note $(cat id) -c -m 方案已沟通 &&
	at 10:26 show -f text $(cat id) >out &&
	grep "^  manager_plan     2026-11-27 10:15  done, late$" out &&
	grep "^  first_response   2026-11-27 10:30  done$" out &&
	! grep "^penalties:" $D/$(cat id).yaml &&
	test_expect_code 1 at 10:26 extend $(cat id) manager_plan=10m approved_by=总经理 -m x 2>err &&
	grep "does not allow extending the manager_plan deadline" err
'

test_setup 'on time: handover and first contact; no second contact before the resolve' '
	at 10:00 log channel=phone subject=保养后异响 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	grep "^severity: unsatisfied$" $D/2611-0001.yaml &&
	at 10:05 assign 2611-0001 李经理 &&
	at 10:15 note 2611-0001 -c -m "已电话联系客户" &&
	cat >expect <<-\EOT &&
	2026-11-27T10:10:00+08:00
	2026-11-27T10:20:00+08:00
	2026-11-27T10:15:00+08:00
	2026-11-27T22:00:00+08:00
	EOT
	for c in handover first_response manager_plan resolution second_contact; do
		due_of $D/2611-0001.yaml $c
	done >actual &&
	test_cmp expect actual &&
	at 09:00 28 note 2611-0001 -c -m "追踪处理情况" &&
	test -z "$(due_of $D/2611-0001.yaml second_contact)" &&
	! grep "^penalties:" $D/2611-0001.yaml
'

test_setup 'late first contact: the assignee is fined 30 (非常不满意)' '
	at 10:00 log channel=on-site severity=very-unsatisfied subject=等待时间过长 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	at 10:05 assign 2611-0002 王经理 &&
	at 10:25 note 2611-0002 -c -m "第一次联系" &&
	fine_30 >expect &&
	penalties_of $D/2611-0002.yaml >actual && test_cmp expect actual
'

test_expect_success 'further commands add no second fine' '
	at 10:30 note 2611-0002 -m 跟进 &&
	at 10:40 note 2611-0002 -c -m 再次联系 &&
	at 10:45 show 2611-0002 >/dev/null &&
	at 10:45 list >out &&
	grep "^2611-0002 " out &&
	fine_30 >expect &&
	penalties_of $D/2611-0002.yaml >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'a clock running past its due is fined at the next command, once (危机事件 80)' '
	at 10:00 log channel=phone severity=crisis subject=车辆起火 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:02 assign 2611-0003 赵经理 &&
	at 10:09 note 2611-0003 -m 准备 &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	at 10:30 note 2611-0003 -m "仍未联系上" &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: late-first-contact-crisis
	  person: "赵经理"
	  amount: 80
	  round: 1
	  at: "2026-11-27T10:30:00+08:00"
	EOT
	penalties_of $D/2611-0003.yaml >actual && test_cmp expect actual &&
	at 10:35 note 2611-0003 -m "还在联系" &&
	at 10:40 note 2611-0003 -c -m "已联系" &&
	penalties_of $D/2611-0003.yaml >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'late second contact: fined too (重大投诉 50)' '
	at 10:00 log channel=phone severity=major subject=维修质量 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:01 assign 2611-0003 孙经理 &&
	at 10:05 note 2611-0003 -c -m 第一次 &&
	at 18:00 resolve 2611-0003 -m 已返修 &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	echo 2026-11-28T18:00:00+08:00 >expect &&
	due_of $D/2611-0003.yaml second_contact >actual && test_cmp expect actual &&
	at 19:00 28 note 2611-0003 -c -m 第二次 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: late-second-contact-major
	  person: "孙经理"
	  amount: 50
	  round: 1
	  at: "2026-11-28T19:00:00+08:00"
	EOT
	penalties_of $D/2611-0003.yaml >actual && test_cmp expect actual &&
	passes_check
'

# 第五条 (五)(六): the 协调工作单 reaches the 回访专员 at the resolve, and
# he speaks to the customer again within 24 hours of it; the callback
# that close records is that talk.
test_expect_success 'second contact: the close 23 hours after the resolve is in time (第五条 (六))' '
	at 10:00 log channel=phone subject=回访后关闭 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:05 assign 2611-0003 李经理 &&
	at 10:20 note 2611-0003 -c -m 第一次电话接触 &&
	at 21:00 resolve 2611-0003 -m 已处理 valid=yes cause=staff &&
	echo 2026-11-28T21:00:00+08:00 >expect &&
	due_of $D/2611-0003.yaml second_contact >actual && test_cmp expect actual &&
	at 20:00 28 close 2611-0003 satisfaction=satisfied &&
	grep "^status: closed$" $D/2611-0003.yaml &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	at 10:00 29 note 2611-0003 -m 已归档 &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	passes_check
'

test_expect_success 'second contact: a close 25 hours after the resolve is fined 20 (不满意)' '
	at 10:00 log channel=phone subject=回访过晚 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:05 assign 2611-0003 李经理 &&
	at 10:20 note 2611-0003 -c -m 第一次电话接触 &&
	at 21:00 resolve 2611-0003 -m 已处理 valid=yes cause=staff &&
	at 22:00 28 close 2611-0003 satisfaction=satisfied &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: late-second-contact-unsatisfied
	  person: "李经理"
	  amount: 20
	  round: 1
	  at: "2026-11-28T22:00:00+08:00"
	EOT
	penalties_of $D/2611-0003.yaml >actual && test_cmp expect actual &&
	passes_check
'

test_expect_success 'an unassigned complaint has nobody to fine' '
	at 10:00 log channel=phone severity=major subject=无人受理 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:30 note 2611-0003 -c -m 联系 &&
	! grep "^assignee:" $D/2611-0003.yaml &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	passes_check
'

test_setup 'round 2: deadlines count from the reopen, level stays' '
	at 09:30 28 resolve 2611-0001 -m "已更换部件" valid=yes cause=product &&
	at 10:00 28 close 2611-0001 satisfaction=unsatisfied &&
	at 10:30 28 reopen 2611-0001 -m "客户仍不满意" &&
	grep "^round: 2$" $D/2611-0001.yaml &&
	grep "^level: 0$" $D/2611-0001.yaml &&
	grep "^status: assigned$" $D/2611-0001.yaml &&
	echo 2026-11-28T10:50:00+08:00 >expect &&
	due_of $D/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	echo 2026-11-28T22:30:00+08:00 >expect &&
	due_of $D/2611-0001.yaml resolution >actual && test_cmp expect actual &&
	! grep "^  second_contact:" $D/2611-0001.yaml &&
	! grep "^  callback:" $D/2611-0001.yaml &&
	echo 2026-11-28T10:40:00+08:00 >expect &&
	due_of $D/2611-0001.yaml handover >actual && test_cmp expect actual &&
	! grep "^  manager_plan:" $D/2611-0001.yaml &&
	at 10:35 28 assign 2611-0001 李经理 -m "再次提交协调工作单" &&
	grep "^assignee: \"李经理\"$" $D/2611-0001.yaml &&
	echo 2026-11-28T10:45:00+08:00 >expect &&
	due_of $D/2611-0001.yaml manager_plan >actual && test_cmp expect actual
'

test_setup 'round 3 (past 对应次数 2次) escalates to the 总经理' '
	at 10:40 28 note 2611-0001 -c -m 联系 &&
	at 11:00 28 resolve 2611-0001 -m 再次处理 &&
	at 11:30 28 close 2611-0001 satisfaction=unsatisfied &&
	at 12:00 28 reopen 2611-0001 -m "第三次投诉" &&
	grep "^round: 3$" $D/2611-0001.yaml &&
	grep "^level: 1$" $D/2611-0001.yaml &&
	grep "^status: escalated$" $D/2611-0001.yaml &&
	sed -n "/^history:/,\$p" $D/2611-0001.yaml | tail -n 7 >actual &&
	cat >expect <<-\EOT &&
	- n: 12
	  at: "2026-11-28T12:00:00+08:00"
	  by: "王芳"
	  action: reopen
	  round: 3
	  note: "第三次投诉"
	  level: 1
	EOT
	test_cmp expect actual &&
	echo 2026-11-28T12:20:00+08:00 >expect &&
	due_of $D/2611-0001.yaml first_response >actual && test_cmp expect actual &&
	! grep "^penalties:" $D/2611-0001.yaml
'

test_expect_success 'a late contact in a new round is fined again (once per round)' '
	at 13:00 28 note 2611-0001 -c -m 联系晚了 &&
	cat >expect <<-\EOT &&
	penalties:
	- rule: late-first-contact-unsatisfied
	  person: "李经理"
	  amount: 20
	  round: 3
	  at: "2026-11-28T13:00:00+08:00"
	EOT
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	at 13:30 28 note 2611-0001 -c -m 再次联系 &&
	penalties_of $D/2611-0001.yaml >actual && test_cmp expect actual &&
	test "$(grep -c "^- rule: " $D/2611-0001.yaml)" = 1 &&
	passes_check
'

test_setup 'a major complaint assigned to 李经理, for the extension tests' '
	at 10:00 log channel=phone severity=major subject=电话打不通 >id &&
	echo 2611-0003 >expect && test_cmp expect id &&
	at 10:01 assign 2611-0003 李经理 &&
	grep "^assignee: \"李经理\"$" $D/2611-0003.yaml &&
	! grep "^extensions:" $D/2611-0003.yaml
'

test_expect_success 'extension without the 总经理 is refused (第六条 延期处理申请)' '
	cp $D/2611-0003.yaml before &&
	test_expect_code 1 at 10:05 extend 2611-0003 first_response=30m approved_by=李经理 \
		-m 电话无人接听 2>err &&
	echo "plaint: extend: extending first_response needs the approval of 总经理" >expect &&
	test_cmp expect err &&
	test_cmp before $D/2611-0003.yaml
'

test_expect_success 'the resolution clock too' '
	cp $D/2611-0003.yaml before &&
	test_expect_code 1 at 10:05 extend 2611-0003 resolution=24h approved_by=部门经理 \
		-m 等待配件 2>err &&
	echo "plaint: extend: extending resolution needs the approval of 总经理" >expect &&
	test_cmp expect err &&
	test_cmp before $D/2611-0003.yaml
'

test_expect_success 'a clock the pack does not let be extended (handover)' '
	cp $D/2611-0003.yaml before &&
	test_expect_code 1 at 10:05 extend 2611-0003 handover=10m approved_by=总经理 -m x 2>err &&
	echo "plaint: extend: the policy does not allow extending the handover deadline" >expect &&
	test_cmp expect err &&
	test_cmp before $D/2611-0003.yaml
'

test_expect_success 'with the 总经理: the deadline moves, and a contact within it is not fined' '
	at 10:05 extend 2611-0003 first_response=30m approved_by=总经理 -m 电话无人接听 &&
	echo 2026-11-27T10:40:00+08:00 >expect &&
	due_of $D/2611-0003.yaml first_response >actual && test_cmp expect actual &&
	at 10:06 extend 2611-0003 resolution=24h approved_by=总经理 -m 等待配件 &&
	echo 2026-11-28T22:00:00+08:00 >expect &&
	due_of $D/2611-0003.yaml resolution >actual && test_cmp expect actual &&
	at 10:35 note 2611-0003 -c -m 已联系 &&
	! grep "^penalties:" $D/2611-0003.yaml &&
	sed -n "/^extensions:/,/^history:/p" $D/2611-0003.yaml >actual &&
	cat >expect <<-\EOT &&
	extensions:
	- clock: first_response
	  duration: "30m"
	  until: "2026-11-27T10:40:00+08:00"
	  approved_by: "总经理"
	  reason: "电话无人接听"
	  at: "2026-11-27T10:05:00+08:00"
	- clock: resolution
	  duration: "24h"
	  until: "2026-11-28T22:00:00+08:00"
	  approved_by: "总经理"
	  reason: "等待配件"
	  at: "2026-11-27T10:06:00+08:00"
	history:
	EOT
	test_cmp expect actual &&
	passes_check
'

test_expect_success 'a severity other than the four is refused' '
	ls -R tree >before &&
	test_expect_code 65 at 10:00 log severity=angry subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	echo "plaint: log: severity: \"angry\" is not allowed; the policy allows: unsatisfied, very-unsatisfied, major, crisis" >expect &&
	test_cmp expect err
'

test_expect_success 'every complaint file passes check' '
	plaint -C tree check 2>err &&
	grep "^plaint: check: 3 file(s), 0 with problems$" err
'

test_done
