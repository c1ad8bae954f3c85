#!/bin/sh
# The lifecycle: assign, note, escalate, extend, resolve, close, reopen,
# and every transition the workflow (lib/workflow.c) refuses.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
SQ="'"
F=2026/11/2611-0001.yaml

# at_state TREE STATE [unassigned]: a fresh TREE whose 2611-0001 is in
# STATE, with a resolution deadline (so that extend has a clock).
at_state() {
	make_tree "$1" &&
	plaint -C "$1" -N $NOW log subject=s \
		due.resolution=2026-12-02T23:59:59+08:00 >/dev/null || return 1
	if [ "${3:-}" != unassigned ] && [ "$2" != new ]; then
		plaint -C "$1" -N $NOW assign 2611-0001 李四 || return 1
	fi
	case $2 in
	new|assigned) ;;
	escalated) plaint -C "$1" -N $NOW escalate 2611-0001 ;;
	resolved) plaint -C "$1" -N $NOW resolve 2611-0001 -m done ;;
	closed) plaint -C "$1" -N $NOW resolve 2611-0001 -m done &&
		plaint -C "$1" -N $NOW close 2611-0001 ;;
	*) return 1 ;;
	esac
}

# refused TREE ACTION [ARGS]: exit 1, file unchanged; stderr appended to err.
refused() {
	t=$1 action=$2
	shift 2
	cp "$t/$F" before &&
	test_expect_code 1 plaint -C "$t" -N 2026-11-28T09:00:00+08:00 \
		$action 2611-0001 "$@" 2>>err &&
	test_cmp before "$t/$F"
}

# status_of TREE: the status line of 2611-0001.
status_of() { sed -n "s/^status: //p" "$1/$F"; }

test_expect_success 'new: close and reopen are refused, saying what to do' '
	at_state s-new new && : >err &&
	refused s-new close &&
	refused s-new close satisfaction=satisfied &&
	refused s-new reopen -m why &&
	cat >expect <<-EOT &&
	plaint: close: cannot close 2611-0001: it is new; resolve it first (${SQ}plaint resolve ID -m RESULT${SQ})
	plaint: close: cannot close 2611-0001: it is new; resolve it first (${SQ}plaint resolve ID -m RESULT${SQ})
	plaint: reopen: cannot reopen 2611-0001: it is new; it is still open: carry on with it (${SQ}plaint note${SQ}, ${SQ}plaint resolve${SQ})
	EOT
	test_cmp expect err
'

test_expect_success 'assigned: close and reopen are refused' '
	at_state s-assigned assigned && : >err &&
	refused s-assigned close &&
	refused s-assigned reopen -m why &&
	cat >expect <<-EOT &&
	plaint: close: cannot close 2611-0001: it is assigned; resolve it first (${SQ}plaint resolve ID -m RESULT${SQ})
	plaint: reopen: cannot reopen 2611-0001: it is assigned; it is still open: carry on with it (${SQ}plaint note${SQ}, ${SQ}plaint resolve${SQ})
	EOT
	test_cmp expect err
'

test_expect_success 'escalated: close and reopen are refused' '
	at_state s-escalated escalated && : >err &&
	refused s-escalated close &&
	refused s-escalated reopen -m why &&
	cat >expect <<-EOT &&
	plaint: close: cannot close 2611-0001: it is escalated; resolve it first (${SQ}plaint resolve ID -m RESULT${SQ})
	plaint: reopen: cannot reopen 2611-0001: it is escalated; it is still open: carry on with it (${SQ}plaint note${SQ}, ${SQ}plaint resolve${SQ})
	EOT
	test_cmp expect err
'

test_expect_success 'resolved: assign, escalate, extend and resolve are refused' '
	at_state s-resolved resolved && : >err &&
	refused s-resolved assign 王五 &&
	refused s-resolved escalate -m why &&
	refused s-resolved extend resolution=1d approved_by=总经理 -m why &&
	refused s-resolved resolve -m again &&
	cat >expect <<-EOT &&
	plaint: assign: cannot assign 2611-0001: it is resolved; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: escalate: cannot escalate 2611-0001: it is resolved; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: extend: cannot extend 2611-0001: it is resolved; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: resolve: cannot resolve 2611-0001: it is resolved; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	EOT
	test_cmp expect err
'

test_expect_success 'closed: assign, escalate, extend, resolve and close are refused' '
	at_state s-closed closed && : >err &&
	refused s-closed assign 王五 &&
	refused s-closed escalate &&
	refused s-closed extend resolution=1d approved_by=总经理 -m why &&
	refused s-closed resolve -m again &&
	refused s-closed close satisfaction=satisfied &&
	cat >expect <<-EOT &&
	plaint: assign: cannot assign 2611-0001: it is closed; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: escalate: cannot escalate 2611-0001: it is closed; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: extend: cannot extend 2611-0001: it is closed; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: resolve: cannot resolve 2611-0001: it is closed; reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	plaint: close: cannot close 2611-0001: it is closed; to record another callback, reopen it first (${SQ}plaint reopen ID -m REASON${SQ})
	EOT
	test_cmp expect err
'

n_allowed=0
# allowed STATE ACTION NEXT [ARGS]: from STATE, ACTION succeeds, leads to
# NEXT and records its event (a note with -c records a contact).
allowed() {
	s=$1 action=$2 next=$3
	shift 3
	n_allowed=$((n_allowed + 1))
	t=a$n_allowed-$s-$action
	want=$action
	if [ "$action" = note ] && [ "${1:-}" = -c ]; then
		want=contact
	fi
	at_state $t $s &&
	{ plaint -C $t -N 2026-11-28T09:00:00+08:00 $action 2611-0001 "$@" ||
		{ echo "$action from $s failed"; return 1; }; } &&
	got=$(status_of $t) &&
	{ test "$got" = "$next" ||
		{ echo "$action from $s: $got, wanted $next"; return 1; }; } &&
	last=$(sed -n "s/^  action: //p" $t/$F | tail -n 1) &&
	{ test "$last" = "$want" ||
		{ echo "$action from $s: last event $last"; return 1; }; }
}

test_expect_success 'every transition the workflow allows, and where it leads' '
	allowed new assign assigned 王五 &&
	allowed new note new -m n &&
	allowed new note new -c -m n &&
	allowed new escalate escalated &&
	allowed new extend new resolution=1d approved_by=总经理 -m why &&
	allowed new resolve resolved -m done &&
	allowed assigned assign assigned 王五 &&
	allowed assigned note assigned -m n &&
	allowed assigned note assigned -c -m n &&
	allowed assigned escalate escalated &&
	allowed assigned extend assigned resolution=1d approved_by=总经理 -m why &&
	allowed assigned resolve resolved -m done &&
	allowed escalated assign escalated 王五 &&
	allowed escalated note escalated -m n &&
	allowed escalated note escalated -c -m n &&
	allowed escalated escalate escalated &&
	allowed escalated extend escalated resolution=1d approved_by=总经理 -m why &&
	allowed escalated resolve resolved -m done &&
	allowed resolved note resolved -m n &&
	allowed resolved note resolved -c -m n &&
	allowed resolved close closed &&
	allowed resolved reopen assigned -m why &&
	allowed closed note closed -m n &&
	allowed closed note closed -c -m n &&
	allowed closed reopen assigned -m why
'

test_expect_success 'reopen of an unassigned complaint makes it new again' '
	at_state u1 resolved unassigned &&
	plaint -C u1 -N $NOW reopen 2611-0001 -m why &&
	test "$(status_of u1)" = new &&
	at_state u2 closed unassigned &&
	plaint -C u2 -N $NOW reopen 2611-0001 -m why &&
	test "$(status_of u2)" = new
'

# The whole round in w is the fixture of the two tests after it.
test_setup 'a whole round: golden file' '
	make_tree w &&
	plaint -C w -N $NOW -u 王芳 log channel=phone category=service-attitude \
		subject=抄表员态度恶劣 complainant.name=张三 \
		due.first_response=2026-11-27T10:30:00+08:00 \
		due.resolution=2026-12-02T23:59:59+08:00 >/dev/null &&
	plaint -C w -N 2026-11-27T10:05:00+08:00 -u 王芳 assign 2611-0001 李四 department=营业厅 -m "请今天内回电客户" &&
	plaint -C w -N 2026-11-27T10:20:00+08:00 -u 李四 note 2611-0001 -c -m "已致电客户" &&
	plaint -C w -N 2026-11-27T11:00:00+08:00 -u 李四 note 2611-0001 -m "约定明天上门" &&
	plaint -C w -N 2026-11-28T09:00:00+08:00 -u 王芳 escalate 2611-0001 -m "客户要求领导处理" assignee=赵主任 department=客服部 &&
	plaint -C w -N 2026-11-28T10:00:00+08:00 -u 赵主任 extend 2611-0001 resolution=5d approved_by=总经理 -m "等待计量中心结果" &&
	plaint -C w -N 2026-11-30T15:00:00+08:00 -u 赵主任 resolve 2611-0001 -m "已向客户道歉" valid=yes cause=staff responsible=赵六 &&
	plaint -C w -N 2026-12-01T09:00:00+08:00 -u 王芳 close 2611-0001 satisfaction=satisfied notice=letter -m "回访满意" &&
	cat >expect <<-\EOT &&
	id: "2611-0001"
	kind: complaint
	status: closed
	received: "2026-11-27T10:00:00+08:00"
	channel: phone
	received_by: "王芳"
	complainant:
	  name: "张三"
	category: service-attitude
	severity: normal
	subject: "抄表员态度恶劣"
	department: "客服部"
	assignee: "赵主任"
	level: 1
	round: 1
	due:
	  first_response: "2026-11-27T10:30:00+08:00"
	  resolution: "2026-12-07T23:59:59+08:00"
	resolution:
	  result: "已向客户道歉"
	  valid: true
	  cause: staff
	  responsible: "赵六"
	  at: "2026-11-30T15:00:00+08:00"
	notice:
	  by: letter
	  at: "2026-12-01T09:00:00+08:00"
	satisfaction: satisfied
	extensions:
	- clock: resolution
	  duration: "5d"
	  until: "2026-12-07T23:59:59+08:00"
	  approved_by: "总经理"
	  reason: "等待计量中心结果"
	  at: "2026-11-28T10:00:00+08:00"
	history:
	- n: 1
	  at: "2026-11-27T10:00:00+08:00"
	  by: "王芳"
	  action: log
	- n: 2
	  at: "2026-11-27T10:05:00+08:00"
	  by: "王芳"
	  action: assign
	  to: "李四"
	  department: "营业厅"
	  note: "请今天内回电客户"
	- n: 3
	  at: "2026-11-27T10:20:00+08:00"
	  by: "李四"
	  action: contact
	  note: "已致电客户"
	- n: 4
	  at: "2026-11-27T11:00:00+08:00"
	  by: "李四"
	  action: note
	  note: "约定明天上门"
	- n: 5
	  at: "2026-11-28T09:00:00+08:00"
	  by: "王芳"
	  action: escalate
	  level: 1
	  note: "客户要求领导处理"
	  to: "赵主任"
	  department: "客服部"
	- n: 6
	  at: "2026-11-28T10:00:00+08:00"
	  by: "赵主任"
	  action: extend
	  clock: resolution
	  duration: "5d"
	  until: "2026-12-07T23:59:59+08:00"
	  approved_by: "总经理"
	  note: "等待计量中心结果"
	- n: 7
	  at: "2026-11-30T15:00:00+08:00"
	  by: "赵主任"
	  action: resolve
	  result: "已向客户道歉"
	  valid: true
	  cause: staff
	  responsible: "赵六"
	- n: 8
	  at: "2026-12-01T09:00:00+08:00"
	  by: "王芳"
	  action: close
	  satisfaction: satisfied
	  notice: letter
	  note: "回访满意"
	EOT
	test_cmp expect w/$F &&
	plaint -C w check 2>err &&
	echo "plaint: check: 1 file(s), 0 with problems" >expect &&
	test_cmp expect err &&
	rm expect err
'

test_expect_success 'show -f text after a contact and a resolve: the clocks are done' '
	plaint -C w -N 2026-12-10T00:00:00+08:00 show -f text 2611-0001 >out &&
	grep "^  first_response   2026-11-27 10:30  done$" out &&
	grep "^  resolution       2026-12-07 23:59  done$" out &&
	grep "^处理结果:     已向客户道歉 (valid: true, cause: 员工过错, responsible: 赵六)$" out &&
	grep "^满意度:       satisfied$" out &&
	grep "^书面告知:     letter$" out
'

test_expect_success 'reopen: round+1, resolution, satisfaction and notice go, history keeps them' '
	cp -R w w2 &&
	plaint -C w2 -N 2026-12-02T09:00:00+08:00 -u 王芳 reopen 2611-0001 -m "客户再次来电" &&
	test "$(status_of w2)" = assigned &&
	grep "^round: 2$" w2/$F &&
	! grep "^resolution:" w2/$F &&
	! grep "^satisfaction:" w2/$F &&
	! grep "^notice:" w2/$F &&
	sed -n "/^history:/,\$p" w/$F >h1 &&
	cat h1 - >expect <<-\EOT &&
	- n: 9
	  at: "2026-12-02T09:00:00+08:00"
	  by: "王芳"
	  action: reopen
	  round: 2
	  note: "客户再次来电"
	EOT
	sed -n "/^history:/,\$p" w2/$F >actual &&
	test_cmp expect actual &&
	plaint -C w2 -N 2026-12-03T09:00:00+08:00 resolve 2611-0001 -m "第二轮" &&
	plaint -C w2 -N 2026-12-03T10:00:00+08:00 close 2611-0001 satisfaction=unsatisfied &&
	plaint -C w2 -N 2026-12-04T10:00:00+08:00 reopen 2611-0001 -m "又来了" &&
	grep "^round: 3$" w2/$F &&
	test "$(grep -c "^  action: reopen$" w2/$F)" = 2
'

test_expect_success 'escalate walks up the chain, then is refused at the top' '
	at_state top new &&
	plaint -C top -N $NOW escalate 2611-0001 -m one &&
	grep "^level: 1$" top/$F &&
	plaint -C top -N $NOW escalate 2611-0001 -m two &&
	grep "^level: 2$" top/$F &&
	test "$(status_of top)" = escalated &&
	cp top/$F before &&
	test_expect_code 1 plaint -C top -N $NOW escalate 2611-0001 -m three 2>err &&
	test_cmp before top/$F &&
	echo "plaint: escalate: already at the top of the escalation chain (level 2, 分管领导); handle it at this level, or lengthen the chain in plaint.yaml" >expect &&
	test_cmp expect err
'

test_expect_success 'escalate takes the department and assignee the policy names for the level' '
	at_state lvl assigned &&
	sed "s/^  - name: \"部门负责人\"$/  - { name: \"部门负责人\", department: \"客服部\", assignee: \"周经理\" }/" lvl/plaint.yaml >p &&
	cat p >lvl/plaint.yaml &&
	grep "周经理" lvl/plaint.yaml &&
	plaint -C lvl -N $NOW escalate 2611-0001 &&
	grep "^assignee: \"周经理\"$" lvl/$F &&
	grep "^department: \"客服部\"$" lvl/$F
'

test_expect_success 'assign to a new person keeps assigned; department is optional' '
	at_state as assigned &&
	plaint -C as -N $NOW assign 2611-0001 王五 &&
	grep "^assignee: \"王五\"$" as/$F &&
	! grep "^department:" as/$F &&
	test "$(status_of as)" = assigned
'

test_expect_success 'assign of an escalated complaint keeps it escalated' '
	at_state ae escalated &&
	plaint -C ae -N $NOW assign 2611-0001 王五 &&
	test "$(status_of ae)" = escalated &&
	grep "^assignee: \"王五\"$" ae/$F
'

test_expect_success 'assign to a department the policy does not list' '
	at_state dep new &&
	sed "s/^departments: \[\]$/departments: [营业厅, 客服部]/" dep/plaint.yaml >p &&
	cat p >dep/plaint.yaml &&
	grep "^departments: \[营业厅, 客服部\]$" dep/plaint.yaml &&
	cp dep/$F before &&
	test_expect_code 65 plaint -C dep assign 2611-0001 李四 department=后勤 2>err &&
	test_cmp before dep/$F &&
	echo "plaint: assign: department: \"后勤\" is not allowed; the policy allows: 营业厅, 客服部" >expect &&
	test_cmp expect err
'

test_expect_success 'extend of a clock the complaint does not have' '
	at_state nc new &&
	cp nc/$F before &&
	test_expect_code 1 plaint -C nc extend 2611-0001 first_response=30m approved_by=总经理 -m why 2>err &&
	test_cmp before nc/$F &&
	echo "plaint: extend: there is no first_response deadline to extend" >expect &&
	test_cmp expect err
'

test_expect_success 'extend: durations in minutes, hours, days and weeks' '
	at_state du new &&
	plaint -C du -N $NOW extend 2611-0001 resolution=30m approved_by=a -m r &&
	grep "^  resolution: \"2026-12-03T00:29:59+08:00\"$" du/$F &&
	plaint -C du -N $NOW extend 2611-0001 resolution=24h approved_by=a -m r &&
	grep "^  resolution: \"2026-12-04T00:29:59+08:00\"$" du/$F &&
	plaint -C du -N $NOW extend 2611-0001 resolution=1w approved_by=a -m r &&
	grep "^  resolution: \"2026-12-11T23:59:59+08:00\"$" du/$F &&
	test "$(grep -c "^- clock: resolution$" du/$F)" = 3
'

test_expect_success 'extend: a bad duration, no approver, no reason, two clocks are usage errors' '
	at_state eu new &&
	cp eu/$F before &&
	for args in "resolution=5x approved_by=a -m r" "resolution=5d -m r" \
		"resolution=5d approved_by=a" "resolution=1d first_response=1d approved_by=a -m r" \
		"approved_by=a -m r"; do
		test_expect_code 64 plaint -C eu extend 2611-0001 $args 2>/dev/null ||
			return 1
	done &&
	test_cmp before eu/$F
'

test_expect_success 'resolve with valid= other than yes or no' '
	at_state rv assigned &&
	cp rv/$F before &&
	test_expect_code 65 plaint -C rv resolve 2611-0001 -m r valid=maybe 2>err &&
	test_cmp before rv/$F &&
	echo "plaint: resolve: valid: must be yes or no" >expect &&
	test_cmp expect err
'

test_expect_success 'resolve with a cause the policy does not list' '
	at_state rc assigned &&
	cp rc/$F before &&
	test_expect_code 65 plaint -C rc resolve 2611-0001 -m r cause=weather 2>err &&
	test_cmp before rc/$F &&
	echo "plaint: resolve: cause: \"weather\" is not allowed; the policy allows: staff, process, product, equipment, third-party, customer, other" >expect &&
	test_cmp expect err
'

test_expect_success 'resolve valid=no, without cause: only what is given is stored' '
	at_state rn assigned &&
	plaint -C rn -N 2026-11-29T10:00:00+08:00 resolve 2611-0001 -m "不属实" valid=no &&
	sed -n "/^resolution:/,/^[a-z]/p" rn/$F >actual &&
	cat >expect <<-\EOT &&
	resolution:
	  result: "不属实"
	  valid: false
	  at: "2026-11-29T10:00:00+08:00"
	history:
	EOT
	test_cmp expect actual
'

test_expect_success 'close with a satisfaction or notice not allowed' '
	at_state cs resolved &&
	cp cs/$F before &&
	test_expect_code 65 plaint -C cs close 2611-0001 satisfaction=meh 2>err &&
	test_expect_code 65 plaint -C cs close 2611-0001 notice=pigeon 2>>err &&
	test_cmp before cs/$F &&
	cat >expect <<-\EOT &&
	plaint: close: satisfaction: "meh" is not allowed; the policy allows: satisfied, unsatisfied
	plaint: close: notice: "pigeon" is not allowed; the policy allows: letter, sms, phone, visit
	EOT
	test_cmp expect err
'

test_expect_success 'the -m of note, resolve, reopen is required (64)' '
	at_state mm resolved &&
	cp mm/$F before &&
	test_expect_code 64 plaint -C mm note 2611-0001 2>/dev/null &&
	test_expect_code 64 plaint -C mm reopen 2611-0001 2>/dev/null &&
	test_cmp before mm/$F &&
	at_state mr assigned &&
	cp mr/$F before &&
	test_expect_code 64 plaint -C mr resolve 2611-0001 2>/dev/null &&
	test_cmp before mr/$F
'

test_expect_success 'fields a command does not take are usage errors' '
	at_state ft assigned &&
	cp ft/$F before &&
	for args in "assign 2611-0001 王五 colour=red" "escalate 2611-0001 colour=red" \
		"resolve 2611-0001 -m r colour=red" "close 2611-0001 colour=red" \
		"assign 2611-0001" "assign 2611-0001 a b" "note 2611-0001 extra -m x"; do
		test_expect_code 64 plaint -C ft $args 2>/dev/null || return 1
	done &&
	test_cmp before ft/$F
'

test_expect_success 'options and operands in any order; -- ends the options' '
	at_state ord new &&
	plaint -C ord -N $NOW note -m first 2611-0001 &&
	plaint -C ord -N $NOW note 2611-0001 -c -m second &&
	plaint -C ord -N $NOW assign -m "third" 2611-0001 李四 department=营业厅 &&
	plaint -C ord -N $NOW note -m fourth -- 2611-0001 &&
	sed -n "s/^  note: //p" ord/$F >actual &&
	printf "first\nsecond\nthird\nfourth\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a note longer than 64 KiB is bad data' '
	at_state big new &&
	cp big/$F before &&
	test_expect_code 65 plaint -C big note 2611-0001 -m "$(head -c 70000 /dev/zero | tr "\0" a)" 2>err &&
	test_cmp before big/$F &&
	echo "plaint: note: -m: longer than 64 KiB" >expect &&
	test_cmp expect err
'

test_expect_success 'every change command on a missing complaint exits 66' '
	make_tree miss &&
	for args in "assign 2611-0009 a" "note 2611-0009 -m x" "escalate 2611-0009" \
		"extend 2611-0009 resolution=1d approved_by=a -m r" "resolve 2611-0009 -m r" \
		"close 2611-0009" "reopen 2611-0009 -m r"; do
		test_expect_code 66 plaint -C miss $args 2>err &&
		grep "no such complaint \"2611-0009\"" err || return 1
	done &&
	test ! -e miss/2026
'

test_done
