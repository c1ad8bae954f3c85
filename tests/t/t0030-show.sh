#!/bin/sh
# plaint show: one complaint as stored, as JSON, as text for people.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00

# The file of the first complaint in the tree "base".
F=base/2026/11/2611-0001.yaml

test_setup 'tree "base": one complaint with deadlines, assigned, with a contact, and an anonymous one' '
	make_tree base &&
	plaint -C base -N $NOW -u 王芳 log channel=phone category=service-attitude \
		subject=抄表员态度恶劣 complainant.name=张三 complainant.phone=13800000000 \
		due.first_response=2026-11-27T10:30:00+08:00 \
		due.resolution=2026-12-02T23:59:59+08:00 source_ref=crm-000123 >out &&
	plaint -C base -N 2026-11-27T10:05:00+08:00 -u 王芳 assign 2611-0001 李四 department=营业厅 &&
	plaint -C base -N $NOW log subject=第二件 >>out &&
	printf "2611-0001\n2611-0002\n" >expect &&
	test_cmp expect out &&
	grep "^status: assigned$" $F &&
	rm out expect
'

test_expect_success 'show prints the file as stored' '
	plaint -C base show 2611-0001 >out 2>err &&
	test_cmp $F out && test ! -s err
'

test_expect_success 'show -f yaml is the default' '
	plaint -C base show -f yaml 2611-0001 >out &&
	test_cmp $F out
'

test_expect_success 'options and the id in any order' '
	plaint -C base show 2611-0001 -f yaml >out &&
	test_cmp $F out
'

test_expect_success PYTHON3 'show -f json has the keys of the file, in order, then actions' '
	plaint -C base show -f json 2611-0001 >out &&
	python3 -c "import json,sys; print(\"\\n\".join(json.load(open(sys.argv[1]))))" out >json-keys &&
	grep -o "^[a-z_]*:" $F | tr -d : >file-keys &&
	echo actions >>file-keys &&
	test_cmp file-keys json-keys
'

test_expect_success 'show -f json: golden' '
	plaint -C base show -f json 2611-0001 >out &&
	cat >expect <<-\EOT &&
	{
	  "id": "2611-0001",
	  "kind": "complaint",
	  "status": "assigned",
	  "received": "2026-11-27T10:00:00+08:00",
	  "channel": "phone",
	  "received_by": "王芳",
	  "complainant": {
	    "name": "张三",
	    "phone": "13800000000"
	  },
	  "category": "service-attitude",
	  "severity": "normal",
	  "subject": "抄表员态度恶劣",
	  "department": "营业厅",
	  "assignee": "李四",
	  "level": 0,
	  "round": 1,
	  "due": {
	    "first_response": "2026-11-27T10:30:00+08:00",
	    "resolution": "2026-12-02T23:59:59+08:00"
	  },
	  "source_ref": "crm-000123",
	  "history": [
	    {
	      "n": 1,
	      "at": "2026-11-27T10:00:00+08:00",
	      "by": "王芳",
	      "action": "log"
	    },
	    {
	      "n": 2,
	      "at": "2026-11-27T10:05:00+08:00",
	      "by": "王芳",
	      "action": "assign",
	      "to": "李四",
	      "department": "营业厅"
	    }
	  ],
	  "actions": [
	    "assign",
	    "note",
	    "notify",
	    "set",
	    "contact",
	    "escalate",
	    "extend",
	    "pause",
	    "resume",
	    "resolve",
	    "withdraw"
	  ]
	}
	EOT
	test_cmp expect out
'

test_expect_success PYTHON3 'show -f json keeps unknown fields and their types' '
	make_tree extra &&
	mkdir -p extra/2026/11 &&
	cat >extra/2026/11/2611-0001.yaml <<-\EOT &&
	id: "2611-0001"
	order_no: "A-1"
	kind: complaint
	status: new
	received: "2026-11-27T10:00:00+08:00"
	x_custom: {a: 1, b: [true, "x"]}
	subject: "s"
	level: 0
	round: 1
	history:
	- {n: 1, at: "2026-11-27T10:00:00+08:00", by: "王芳", action: log}
	EOT
	plaint -C extra show -f json 2611-0001 >out &&
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(list(d))); print(json.dumps([d[\"x_custom\"], d[\"level\"], d[\"order_no\"]]))" out >actual &&
	cat >expect <<-\EOT &&
	["id", "order_no", "kind", "status", "received", "x_custom", "subject", "level", "round", "history", "actions"]
	[{"a": 1, "b": [true, "x"]}, 0, "A-1"]
	EOT
	test_cmp expect actual
'

test_expect_success 'show -f text: deadlines with time left' '
	plaint -C base -N 2026-11-27T10:10:00+08:00 show -f text 2611-0001 >out &&
	cat >expect <<-\EOT &&
	2611-0001  投诉  已分派
	主题:         抄表员态度恶劣
	受理时间:     2026-11-27 10:00
	受理人:       王芳
	渠道:         电话
	类别:         服务态度
	严重程度:     一般
	部门:         营业厅
	承办人:       李四
	级别:         0 (受理部门), round 1
	投诉人:       张三, 13800000000
	来源编号:     crm-000123
	期限:
	  first_response   2026-11-27 10:30  due in 20m
	  resolution       2026-12-02 23:59  due in 5d 13h
	Actions:      assign, note, notify, set, contact, escalate, extend, pause, resume, resolve, withdraw
	处理记录:
	    1  2026-11-27 10:00  王芳  log
	    2  2026-11-27 10:05  王芳  assign  to: 李四
	EOT
	test_cmp expect out
'

test_expect_success 'show -f text: how late, measured from -N' '
	plaint -C base -N 2026-11-28T09:00:00+08:00 show -f text 2611-0001 >out &&
	grep "^  first_response   2026-11-27 10:30  overdue by 22h 30m$" out &&
	grep "^  resolution       2026-12-02 23:59  due in 4d 14h$" out
'

test_expect_success 'a deadline is passed only when the clock is later than it' '
	plaint -C base -N 2026-11-27T10:30:00+08:00 show -f text 2611-0001 >out &&
	grep "^  first_response   2026-11-27 10:30  due in 0m$" out &&
	plaint -C base -N 2026-11-27T10:30:01+08:00 show -f text 2611-0001 >out &&
	grep "^  first_response   2026-11-27 10:30  overdue by 0m$" out
'

test_expect_success 'show -f text: an anonymous complaint without deadlines' '
	plaint -C base -N $NOW show -f text 2611-0002 >out &&
	cat >expect <<-\EOT &&
	2611-0002  投诉  新建
	主题:         第二件
	受理时间:     2026-11-27 10:00
	受理人:       王芳
	严重程度:     一般
	级别:         0 (受理部门), round 1
	投诉人:       anonymous
	Actions:      assign, note, notify, set, contact, escalate, extend, pause, resume, resolve, withdraw
	处理记录:
	    1  2026-11-27 10:00  王芳  log
	EOT
	test_cmp expect out
'

test_expect_success 'show changes nothing and takes no lock' '
	cp $F before &&
	{
		flock -n 9 &&
		PLAINT_LOCK_TIMEOUT=0 test_expect_code 75 plaint -C base note 2611-0001 -m x 2>err &&
		grep "^plaint: note: busy: another plaint is changing this tree" err &&
		PLAINT_LOCK_TIMEOUT=0 plaint -C base show 2611-0001 >out
	} 9>>base/.plaint/lock &&
	test_cmp before $F && test_cmp before out
'

test_expect_success 'show of a complaint that does not exist (66)' '
	test_expect_code 66 plaint -C base show 2611-0099 >out 2>err &&
	test ! -s out &&
	echo "plaint: show: no such complaint \"2611-0099\"" >expect &&
	test_cmp expect err
'

test_expect_success 'show of an id in a month with no folder (66)' '
	test ! -e base/2025 &&
	test_expect_code 66 plaint -C base show 2501-0001 >out 2>err &&
	test ! -s out &&
	echo "plaint: show: no such complaint \"2501-0001\"" >expect &&
	test_cmp expect err
'

test_expect_success 'show with a malformed id (64)' '
	test_expect_code 64 plaint -C base show 2611-1 >out 2>err &&
	test ! -s out &&
	echo "plaint: show: not a complaint id: \"2611-1\" (ids look like 2611-0001)" >expect &&
	test_cmp expect err
'

test_expect_success 'show with an unknown format (64)' '
	test_expect_code 64 plaint -C base show -f xml 2611-0001 >out 2>err &&
	test ! -s out &&
	echo "plaint: show: -f: unknown format \"xml\" (yaml, json or text)" >expect &&
	test_cmp expect err
'

test_expect_success 'show without an id (64)' '
	test_expect_code 64 plaint -C base show >out 2>err &&
	test ! -s out &&
	echo "usage: plaint show [-f yaml|json|text] ID" >expect &&
	test_cmp expect err
'

test_expect_success 'show with two ids (64)' '
	test_expect_code 64 plaint -C base show 2611-0001 2611-0002 >out 2>err &&
	test ! -s out &&
	echo "usage: plaint show [-f yaml|json|text] ID" >expect &&
	test_cmp expect err
'

test_done
