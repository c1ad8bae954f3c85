#!/bin/sh
# plaint set: the data typed at intake corrected, each change in one
# history event with its old and new value; every field an action or
# the rules write refused (1); log's checks (64, 65); a required field
# never cleared; deadlines that follow received and severity; export -r
# masking the complainant's old values.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml
G=tree/2026/11/2611-0002.yaml

# refused STATUS ARGS...: plaint exits STATUS, 2611-0001 unchanged.
refused() {
	want=$1
	shift
	cp $F before &&
	test_expect_code "$want" plaint -C tree "$@" 2>err &&
	test_unchanged before $F
}

# The default policy with two clocks, a faster one for a crisis, and a
# field of its own; 2611-0001 logged at the counter with typos in it.
test_setup 'a tree with deadlines and a complaint typed in a hurry' '
	make_tree tree &&
	with_clocks tree &&
	cat >>tree/plaint.yaml <<-\EOF &&
	  - {id: crisis, when: {severity: crisis}, set: {first_response: 10m}}
	fields:
	  meter: { type: string, label: "表号" }
	  visits: { type: integer, label: "来访次数" }
	EOF
	plaint -C tree -N 2026-11-27T10:00 log subject=抄表员态度恶劣 \
		channel=phone category=billing description=第一次 \
		complainant.name=张三丰 complainant.phone=13800000000 \
		meter=A-1 >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	plaint -C tree -N 2026-11-27T11:00 log subject=b >/dev/null
'

test_expect_success 'set corrects the fields typed at intake, one event with old and new' '
	plaint -C tree -N 2026-11-27T12:00 set 2611-0001 \
		category=service-attitude channel=visit subject=抄表员态度差 \
		complainant.phone=13912345678 description=第二次 meter=B-2 \
		visits=2 -m "电话号码登记错误" >out 2>err &&
	test ! -s out && test ! -s err &&
	grep "^category: service-attitude$" $F &&
	grep "^channel: visit$" $F &&
	grep "^subject: \"抄表员态度差\"$" $F &&
	grep "^  phone: \"13912345678\"$" $F &&
	grep "^meter: \"B-2\"$" $F &&
	grep "^visits: 2$" $F &&
	sed -n "/^- n: 2$/,\$p" $F >event &&
	cat >expect <<-\EOF &&
	- n: 2
	  at: "2026-11-27T12:00:00+08:00"
	  by: "王芳"
	  action: set
	  fields:
	    category: {old: billing, new: service-attitude}
	    channel: {old: phone, new: visit}
	    subject: {old: "抄表员态度恶劣", new: "抄表员态度差"}
	    complainant.phone: {old: "13800000000", new: "13912345678"}
	    description: {old: "第一次", new: "第二次"}
	    meter: {old: "A-1", new: "B-2"}
	    visits: {new: 2}
	  note: "电话号码登记错误"
	EOF
	test_cmp expect event &&
	grep "^status: new$" $F &&
	plaint -C tree show -f text 2611-0001 >text &&
	grep "^    2  2026-11-27 12:00  王芳  set  category: billing → service-attitude  channel: phone → visit  subject: 抄表员态度恶劣 → 抄表员态度差 .*  visits: - → 2  note: 电话号码登记错误$" text
'

test_expect_success 'plaint do ID set is the same action' '
	plaint -C tree -N 2026-11-27T12:05 do 2611-0002 set subject=bb -m typo &&
	grep "^subject: bb$" $G &&
	grep "^  action: set$" $G
'

test_expect_success 'an empty value clears a field; the event keeps the old one' '
	plaint -C tree -N 2026-11-27T12:10 set 2611-0001 description= \
		complainant.name= -m "不是投诉人写的" &&
	! grep "^description:" $F &&
	! grep "^  name:" $F &&
	grep "^    description: {old: \"第一次\"}$" $F &&
	grep "^    complainant.name: {old: \"张三丰\"}$" $F
'

test_expect_success 'a field the policy requires cannot be cleared (65)' '
	refused 65 set 2611-0001 subject= -m x &&
	grep "^plaint: set: subject: is required: it cannot be cleared$" err &&
	refused 65 set 2611-0001 received= -m x &&
	grep "^plaint: set: received: is required" err
'

test_expect_success 'a value unchanged is no event: nothing written, said on stderr, 0' '
	cp $F before &&
	plaint -C tree -N 2026-11-27T12:20 set 2611-0001 channel=phone \
		visits= -m again >out 2>err &&
	test_unchanged before $F &&
	test ! -s out &&
	echo "plaint: set: nothing changed: the record holds these values already" >expect &&
	test_cmp expect err &&
	plaint -C tree -q set 2611-0001 channel=phone -m again 2>err &&
	test ! -s err
'

test_expect_success 'only the changed fields go into the event' '
	plaint -C tree -N 2026-11-27T12:30 set 2611-0001 channel=phone \
		subject=抄表员态度很差 -m typo &&
	sed -n "/^  action: set$/,\$p" $F | tail -n 3 >tail &&
	printf "  fields:\n    subject: {old: \"抄表员态度恶劣\", new: \"抄表员态度很差\"}\n  note: typo\n" >expect &&
	test_cmp expect tail
'

test_expect_success 'every field an action or the rules write is refused (1), naming it' '
	for f in status due due.resolution level round resolution \
		resolution.result notice notice.by satisfaction penalties \
		extensions history id received_by source_ref parent; do
		refused 1 set 2611-0001 $f=x -m x &&
		grep "^plaint: set: $f: .*; set changes only what was typed at intake$" err ||
		{ echo "$f was not refused"; return 1; }
	done
'

test_expect_success 'assignee and department: use assign; kind: its workflow' '
	refused 1 set 2611-0001 department=营业厅 -m x &&
	grep "^plaint: set: department: is changed by .plaint assign ID PERSON department=DEPT.;" err &&
	refused 1 set 2611-0001 assignee=李四 -m x &&
	grep "^plaint: set: assignee: is changed by .plaint assign ID PERSON.;" err &&
	refused 1 set 2611-0001 kind=inquiry -m x &&
	grep "^plaint: set: kind: would move the record to another workflow" err
'

test_expect_success 'a refused field refuses the whole change' '
	refused 1 set 2611-0001 subject=x status=closed -m x
'

test_expect_success 'values are checked as log checks them (65), names as log knows them (64)' '
	refused 65 set 2611-0001 category=billling -m x &&
	grep "^plaint: set: category: \"billling\" is not allowed; the policy allows: " err &&
	refused 65 set 2611-0001 received=yesterdayish -m x &&
	grep "^plaint: set: received: \"yesterdayish\" is not a time" err &&
	refused 65 set 2611-0001 visits=many -m x &&
	grep "^plaint: set: visits: \"many\" is not an integer$" err &&
	refused 65 set 2611-0001 subject=x category=nope -m x &&
	refused 64 set 2611-0001 colour=red -m x &&
	grep "^plaint: set: colour: unknown field$" err &&
	refused 64 set 2611-0001 complainant=x -m x &&
	refused 65 set 2611-0001 complainant.phone=abc -m x &&
	grep "^plaint: set: complainant.phone: " err &&
	! grep abc err
'

test_expect_success 'the reason is required (64), and a field' '
	refused 64 set 2611-0001 subject=x &&
	grep "^plaint: set: -m: say why the record is corrected$" err &&
	refused 64 set 2611-0001 subject=x -m "" &&
	refused 64 set 2611-0001 -m x &&
	grep "^usage: plaint set ID ... field=value ... -m reason$" err &&
	refused 64 set subject=x -m x &&
	test_expect_code 66 plaint -C tree set 2611-0099 subject=x -m x 2>err
'

test_expect_success 'set received= moves the deadlines with it' '
	grep "^  resolution: \"2026-12-02T23:59:59+08:00\"$" $F &&
	plaint -C tree -N 2026-11-27T13:00 set 2611-0001 \
		received=2026-11-26T09:00 -m "登记时间填错" &&
	echo 2026-11-27T09:00:00+08:00 >expect &&
	due_of $F first_response >actual && test_cmp expect actual &&
	echo 2026-12-01T23:59:59+08:00 >expect &&
	due_of $F resolution >actual && test_cmp expect actual &&
	grep "^    received: {old: \"2026-11-27T10:00:00+08:00\", new: \"2026-11-26T09:00:00+08:00\"}$" $F
'

test_expect_success 'set severity= moves the deadlines its rules give' '
	plaint -C tree -N 2026-11-27T13:10 set 2611-0002 severity=crisis -m "其实是危机" &&
	echo 2026-11-27T11:10:00+08:00 >expect &&
	due_of $G first_response >actual && test_cmp expect actual &&
	plaint -C tree -N 2026-11-27T13:20 set 2611-0002 severity=normal -m "不是危机" &&
	echo 2026-11-28T11:00:00+08:00 >expect &&
	due_of $G first_response >actual && test_cmp expect actual
'

test_expect_success 'set works on a closed complaint, and leaves its state' '
	plaint -C tree -N 2026-11-27T14:00 resolve 2611-0002 -m done &&
	plaint -C tree -N 2026-11-27T14:10 close 2611-0002 &&
	plaint -C tree -N 2026-11-27T14:20 set 2611-0002 subject=bbb -m typo &&
	grep "^status: closed$" $G &&
	grep "^subject: bbb$" $G
'

test_expect_success 'export -r masks the complainant in the set events, and the old values elsewhere' '
	plaint -C tree -N 2026-11-27T12:00 set 2611-0001 \
		complainant.phone=13912345678 -m "电话号码登记错误" &&
	plaint -C tree -N 2026-11-27T12:10 set 2611-0001 complainant.name= \
		-m "不是投诉人写的" &&
	plaint -C tree -N 2026-11-27T15:00 note 2611-0001 -m "旧号码13800000000停机，张三丰说" &&
	plaint -C tree export -r >out &&
	grep "\"complainant.phone\":{\"old\":\"138\*\*\*\*0000\",\"new\":\"139\*\*\*\*5678\"}" out &&
	grep "\"complainant.name\":{\"old\":\"张\*\*\"}" out &&
	grep "旧号码138\*\*\*\*0000停机，张\*\*说" out &&
	! grep -e 13800000000 -e 13912345678 -e 张三丰 out &&
	plaint -C tree export -r -f csv >out.csv &&
	! grep -e 13800000000 -e 13912345678 -e 张三丰 out.csv &&
	plaint -C tree export >plain &&
	grep 13800000000 plain
'

test_expect_success 'check passes the records set changed' '
	plaint -C tree set 2611-0001 subject=x complainant.phone=13912345678 -m x &&
	plaint -C tree set 2611-0002 received=2026-11-02T08:00 -m x &&
	plaint -C tree check 2>err &&
	grep "0 with problems" err
'

test_expect_success 'a work ticket: what log takes, not what a later action writes' '
	plaint -q init -p work-ticket wt &&
	sed -i "s/^people: {}\$/people:\n  王五: { roles: [leader, member] }\n  赵六: { roles: [member] }\n  孙七: { roles: [member] }/" wt/plaint.yaml &&
	plaint -C wt -N 2026-11-27T08:00 log kind=electrical-1 subject=1号主变检修 \
		department=变电运行一班 location=1号主变 \
		planned_start=2026-11-27T09:00 planned_end=2026-11-27T17:00 \
		leader=王五 members=赵六,孙七 >/dev/null &&
	plaint -C wt -N 2026-11-27T08:10 set 2611-0001 subject=2号主变检修 -m typo &&
	grep "^subject: \"2号主变检修\"$" wt/2026/11/2611-0001.yaml &&
	plaint -C wt -N 2026-11-27T08:20 set 2611-0001 location=2号主变 -m typo &&
	grep "^location: \"2号主变\"$" wt/2026/11/2611-0001.yaml &&
	cp wt/2026/11/2611-0001.yaml before &&
	test_expect_code 1 plaint -C wt set 2611-0001 earth_wires=3 -m x 2>err &&
	grep "^plaint: set: earth_wires: is written by the action permit" err &&
	test_expect_code 1 plaint -C wt set 2611-0001 leader=赵六 -m x 2>err &&
	grep "^plaint: set: leader: names who has the record: it is changed by .plaint assign ID PERSON.;" err &&
	test_expect_code 1 plaint -C wt set 2611-0001 number=X-1 -m x 2>err &&
	grep "^plaint: set: number: is the number the workflow gave the record; it cannot change;" err &&
	test_unchanged before wt/2026/11/2611-0001.yaml
'

test_done
