#!/bin/sh
# Workflows as data in the policy: the default one written in
# default.yaml, another kind's own workflow taken with plaint do, roles
# and the login name, final states, and what show and policy say.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
LATER=2026-11-27T11:00:00+08:00
F=2026/11/2611-0001.yaml
J=2026/11/2611-0002.yaml
ME=$(id -un)

# job_policy TREE: the default policy plus a kind "job" with a workflow
# of its own, the people who may take its steps, and a dispatcher role
# on the complaint workflow's assign.
job_policy() {
	sed -i 's/^kinds:$/kinds:\n  job: { label: "作业", workflow: job }/' "$1/plaint.yaml" &&
	sed -i 's/^      assign:$/      assign:\n        role: dispatcher/' "$1/plaint.yaml" &&
	cat >>"$1/plaint.yaml" <<-EOF
	  job:
	    title: "作业流程"
	    owner: leader
	    states:
	      draft: { label: "草稿", open: yes }
	      issued: { label: "已签发", open: yes }
	      working: { label: "工作中", open: yes }
	      closed: { label: "已终结", final: yes }
	    actions:
	      log: { to: draft }
	      issue: { from: [draft], to: issued, role: signer }
	      permit:
	        from: [issued]
	        to: working
	        role: permitter
	        requires: [location]
	        accepts: [planned_end]
	      close: { from: [working], to: closed, role: [signer, permitter] }
	      audit: { from: [working], login: yes }
	      note: { from: [draft, issued, working, closed] }
	fields:
	  location: { type: string }
	  planned_end: { type: time }
	  leader: { type: string }
	people:
	  张三: { roles: [signer] }
	  李四: { roles: [permitter, dispatcher] }
	  $ME: { roles: [signer] }
	EOF
}

test_setup 'a tree whose policy adds a kind with its own workflow' '
	make_tree tree &&
	job_policy tree &&
	plaint -C tree -N $NOW log subject=投诉 >id &&
	plaint -C tree -N $NOW log kind=job subject=更换开关 leader=王五 >>id &&
	printf "2611-0001\n2611-0002\n" >expect &&
	test_cmp expect id
'

test_expect_success 'a record starts in the state its workflow’s log gives' '
	grep "^status: new$" tree/$F &&
	grep "^status: draft$" tree/$J
'

test_expect_success 'do takes a step of the record’s own workflow' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue -m 签发 &&
	grep "^status: issued$" tree/$J &&
	grep "action: issue" tree/$J &&
	grep "by: \"张三\"" tree/$J &&
	grep "note: \"签发\"" tree/$J
'

test_expect_success 'a step needs its role: refused with 1, naming it, file unchanged' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 王五 do 2611-0002 issue 2>err &&
	test_unchanged before tree/$J &&
	test_expect_code 1 plaint -C tree -N $LATER -u 李四 do 2611-0002 issue 2>err2 &&
	test_unchanged before tree/$J &&
	grep "which 李四 does not hold" err2 &&
	cat >expect <<-\EOF &&
	plaint: do: cannot issue 2611-0002: it needs the role signer, which 王五 does not hold (people: in plaint.yaml)
	EOF
	test_cmp expect err
'

test_expect_success 'a role on a complaint command: assign needs a dispatcher' '
	cp tree/$F before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 王五 assign 2611-0001 赵六 2>err &&
	test_unchanged before tree/$F &&
	grep "cannot assign 2611-0001: it needs the role dispatcher, which 王五 does not hold" err &&
	test_expect_code 1 plaint -C tree -N $LATER -u 王五 do 2611-0001 assign 赵六 2>err &&
	test_unchanged before tree/$F &&
	plaint -C tree -N $LATER -u 李四 assign 2611-0001 赵六 &&
	grep "^assignee: \"赵六\"$" tree/$F
'

test_expect_success 'a required field: missing is 65 naming it, unknown is 64' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	cp tree/$J before &&
	test_expect_code 65 plaint -C tree -N $LATER -u 李四 do 2611-0002 permit 2>err &&
	test_unchanged before tree/$J &&
	grep "location: is required by the action permit" err &&
	test_expect_code 64 plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=1号主变 colour=red 2>err &&
	test_unchanged before tree/$J &&
	grep "colour: not a field permit takes" err &&
	test_expect_code 65 plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=1号主变 planned_end=tomorrowish 2>err &&
	test_unchanged before tree/$J &&
	grep "planned_end" err
'

test_expect_success 'the fields given are set and recorded in the event' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=1号主变 \
		planned_end=2026-11-27T18:00 -m 许可开工 &&
	grep "^status: working$" tree/$J &&
	grep "^location: \"1号主变\"$" tree/$J &&
	grep "^planned_end: \"2026-11-27T18:00:00+08:00\"$" tree/$J &&
	grep "action: permit" tree/$J
'

test_expect_success 'an action the state does not allow: 1, and what it does allow' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 张三 do 2611-0002 close 2>err &&
	test_unchanged before tree/$J &&
	grep "cannot close 2611-0002: it is draft; the workflow does not allow it; from draft it allows: issue, note$" err &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0002 frobnicate 2>err &&
	test_unchanged before tree/$J &&
	cat >expect <<-\EOF &&
	plaint: do: cannot frobnicate 2611-0002: the job workflow has no action frobnicate; from draft it allows: issue, note
	EOF
	test_cmp expect err
'

test_expect_success 'a complaint command on a record whose workflow lacks it is refused' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER resolve 2611-0002 -m x 2>err &&
	test_unchanged before tree/$J &&
	grep "the job workflow has no action resolve" err
'

test_expect_success 'a final state refuses every action, note included' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=x &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 close &&
	grep "^status: closed$" tree/$J &&
	cp tree/$J before &&
	for a in "do 2611-0002 note -m x" "note 2611-0002 -m x" \
		"reopen 2611-0002 -m x" "do 2611-0002 issue"; do
		test_expect_code 1 plaint -C tree -N $LATER -u 张三 $a 2>err &&
		grep "it is closed; it is final: no action changes it any more" err ||
		return 1
	done &&
	test_unchanged before tree/$J
'

test_expect_success 'login: yes counts only the login name, not -u or PLAINT_USER' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=x &&
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 张三 do 2611-0002 audit 2>err &&
	test_unchanged before tree/$J &&
	grep "only the login name" err &&
	plaint -C tree -N $LATER -u "$ME" do 2611-0002 audit &&
	grep "action: audit" tree/$J
'

test_expect_success 'show lists the actions open now, as text and JSON' '
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^Actions: *issue, note$" out &&
	plaint -C tree show -f json 2611-0002 >out.json &&
	python3 -c "import json,sys; d=json.load(open(\"out.json\")); sys.exit(d[\"actions\"] != [\"issue\", \"note\"])" &&
	plaint -C tree show -f text 2611-0001 >out &&
	grep "^Actions: *assign, note, notify, set, contact, escalate, extend, pause, resume, resolve, withdraw$" out &&
	plaint -C tree show 2611-0002 >out.yaml &&
	! grep "^actions:" out.yaml
'

test_expect_success PYTHON3 'import drops the actions show -f json adds' '
	plaint -C tree show -f json 2611-0001 >one.json &&
	python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))" one.json >one.jsonl &&
	make_tree t2 &&
	plaint -C t2 -N $LATER import one.jsonl 2>err &&
	! grep -r "^actions:" t2/2026 &&
	echo "{\"subject\": \"s\", \"actions\": [\"x\"]}" >two.jsonl &&
	plaint -C t2 -N $LATER import two.jsonl 2>err &&
	! grep -r "^actions:" t2/2026
'

test_expect_success 'the approval of plaint-workflow(7): only a manager takes it' '
	make_tree a &&
	cat >>a/plaint.yaml <<-\EOF &&
	      approve:
	        label: "审批"
	        from: [assigned, escalated]
	        role: manager
	        requires: [approved_by]
	fields:
	  approved_by: { type: string }
	people:
	  王经理: { roles: [manager] }
	EOF
	plaint -C a -N $NOW log subject=退换 assignee=李四 >/dev/null &&
	cp a/$F before &&
	test_expect_code 1 plaint -C a -N $LATER -u 李四 do 2611-0001 approve approved_by=李四 2>err &&
	test_unchanged before a/$F &&
	plaint -C a -N $LATER -u 王经理 do 2611-0001 approve approved_by=王经理 -m 同意退换 &&
	grep "^approved_by: \"王经理\"$" a/$F &&
	grep "^status: assigned$" a/$F &&
	grep "action: approve" a/$F
'

test_expect_success 'an action with an effect runs as itself: its role, states and event' '
	make_tree f &&
	cat >>f/plaint.yaml <<-\EOF &&
	      approve:
	        effect: resolve
	        from: [assigned]
	        to: resolved
	        role: manager
	people:
	  王经理: { roles: [manager] }
	EOF
	plaint -C f -N $NOW log subject=退换 >/dev/null &&
	cp f/$F before &&
	test_expect_code 1 plaint -C f -N $LATER -u 王经理 do 2611-0001 approve -m 同意 2>err &&
	grep "cannot approve 2611-0001: it is new" err &&
	plaint -C f -N $LATER assign 2611-0001 李四 &&
	cp f/$F before &&
	test_expect_code 1 plaint -C f -N $LATER -u 路人 do 2611-0001 approve -m 同意 2>err &&
	test_unchanged before f/$F &&
	grep "cannot approve 2611-0001: it needs the role manager" err &&
	plaint -C f -N $LATER -u 王经理 do 2611-0001 approve -m 同意退换 &&
	grep "^status: resolved$" f/$F &&
	grep "action: approve" f/$F &&
	! grep "action: resolve" f/$F &&
	grep "^  result: \"同意退换\"$" f/$F
'

test_expect_success 'show of a closed record says no action is open' '
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=x &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 close &&
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^Actions: *none (final)$" out
'

test_expect_success 'status=open means the open states of each record’s workflow' '
	plaint -C tree list status=open >open &&
	grep "^2611-0001" open && grep "^2611-0002" open &&
	plaint -C tree -N $LATER -u 张三 do 2611-0002 issue &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit location=x &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 close &&
	plaint -C tree list status=open >open &&
	grep "^2611-0001" open && ! grep "^2611-0002" open &&
	plaint -C tree list status=closed >closed &&
	grep "^2611-0002" closed
'

test_expect_success 'report counts each workflow’s states' '
	plaint -C tree report -f json received=2026-11 >r.json &&
	grep "\"draft\": 1" r.json &&
	grep "\"new\": 1" r.json
'

test_expect_success 'check accepts a record in a state of its own workflow' '
	plaint -C tree check
'

test_expect_success 'policy -f text prints every workflow as a table' '
	plaint -C tree policy -f text >out &&
	grep "^workflow complaint (投诉处理流程), owner: assignee$" out &&
	grep "^workflow job (作业流程), owner: leader$" out &&
	grep "^closed *已终结 *no *yes$" out &&
	grep "^permit *issued *working *location *permitter$" out &&
	grep "^assign *分派 *new, assigned, escalated *assigned (escalated stays) *- *dispatcher$" out &&
	grep "^audit *working *(stays) *- *anyone, login name$" out
'

test_expect_success 'log needs the role the workflow’s log action names' '
	sed -i "s/^      log: { to: draft }$/      log: { to: draft, role: signer }/" tree/plaint.yaml &&
	ls -R tree >before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 王五 log kind=job subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "cannot log it: it needs the role signer, which 王五 does not hold" err &&
	echo "{\"kind\": \"job\", \"subject\": \"y\"}" >in.jsonl &&
	test_expect_code 65 plaint -C tree -N $LATER -u 王五 import in.jsonl 2>err &&
	grep "needs the role signer" err &&
	plaint -C tree -N $LATER -u 张三 log kind=job subject=x >id &&
	echo 2611-0003 >expect && test_cmp expect id
'

# Bad workflows are configuration errors, named by file, line and key.
bad_workflow() {
	make_tree b &&
	cat >>b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err
}

test_expect_success 'a workflow naming a state it lacks is 78, with the line' '
	bad_workflow <<-\EOF &&
	  other:
	    states: { a: {} }
	    actions: { go: { from: [a], to: nowhere } }
	EOF
	grep "plaint.yaml:[0-9]*:[0-9]*: go: \"nowhere\" is not a state of workflow other" err
'

test_expect_success 'a kind naming a workflow the policy lacks is 78' '
	make_tree b &&
	sed -i "s/^kinds:$/kinds:\n  job: { workflow: nope }/" b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "job: workflow: \"nope\" is not one of the policy" err
'

test_expect_success 'a policy without workflows takes the default one' '
	make_tree old &&
	sed -i "/^workflows:/,\$d" old/plaint.yaml &&
	! grep "^workflows:" old/plaint.yaml &&
	plaint -C old -N $NOW log subject=s &&
	plaint -C old -N $NOW assign 2611-0001 李四 &&
	test_expect_code 1 plaint -C old -N $NOW close 2611-0001 2>err &&
	grep "resolve it first" err &&
	plaint -C old policy -f text >out &&
	grep "^workflow complaint" out
'

test_expect_success 'a policy without workflows and no default installed is 78' '
	make_tree old &&
	sed -i "/^workflows:/,\$d" old/plaint.yaml &&
	mkdir -p empty/calendars && cp "$PLAINT_TOP"/data/calendars/* empty/calendars/ &&
	PLAINT_DATADIR=$PWD/empty test_expect_code 78 plaint -C old list 2>err &&
	grep "writes no workflows" err
'

test_expect_success 'do forwards to the command that owns the action: the same file' '
	for t in x y; do
		make_tree $t &&
		plaint -C $t -N $NOW log subject=s >/dev/null || return 1
	done &&
	plaint -C x -N $LATER assign 2611-0001 李四 -m hi &&
	plaint -C y -N $LATER do 2611-0001 assign 李四 -m hi &&
	test_cmp x/$F y/$F &&
	plaint -C x -N $LATER note 2611-0001 -c -m called &&
	plaint -C y -N $LATER do 2611-0001 contact -m called &&
	test_cmp x/$F y/$F &&
	plaint -C x -N $LATER close 2611-0001 withdrawn=yes -m gone &&
	plaint -C y -N $LATER do -m gone 2611-0001 withdraw &&
	test_cmp x/$F y/$F
'

test_expect_success 'remind -e escalates through the same action as plaint escalate' '
	for t in e r; do
		make_tree $t &&
		with_clocks $t &&
		echo "auto_escalate: [resolution]" >>$t/plaint.yaml &&
		echo "penalties: [{id: late, on: breach, clock: resolution, amount: 20, person: assignee}]" >>$t/plaint.yaml &&
		plaint -C $t -N $NOW log subject=s assignee=李四 >/dev/null || return 1
	done &&
	plaint -C e -N 2026-12-10T10:00:00+08:00 -u 值班 escalate 2611-0001 &&
	plaint -C r -N 2026-12-10T10:00:00+08:00 -u 值班 remind -e >out &&
	grep "^escalated 2611-0001 to level 1 (部门负责人): resolution overdue$" out &&
	grep "^fined 李四 20 (late) on 2611-0001$" out &&
	grep -v "^  auto: resolution$" r/$F >r.yaml &&
	test_cmp e/$F r.yaml &&
	grep -c "^  auto: resolution$" r/$F >n && echo 1 >one && test_cmp one n
'

test_expect_success 'do: usage errors are 64 and touch nothing' '
	make_tree u &&
	plaint -C u -N $NOW log subject=s >/dev/null &&
	cp u/$F before &&
	test_expect_code 64 plaint -C u do 2611-0001 2>err &&
	test_expect_code 64 plaint -C u do 2611-0001 log 2>err &&
	grep "use .plaint log." err &&
	test_expect_code 64 plaint -C u do nonsense note -m x 2>err &&
	test_expect_code 66 plaint -C u do 2611-0009 note -m x 2>err &&
	test_unchanged before u/$F
'

test_done
