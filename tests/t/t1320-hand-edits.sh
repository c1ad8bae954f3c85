#!/bin/sh
# Hand edits are seen (issue 13): check reports a complaint file whose
# status no action of its history led to, or whose due.* the rules
# would not give; a deadline moved by an extension or a pause, or given
# at log for a clock no rule sets, is not reported.  The readers (list,
# report, remind, export) warn with file:line:column and end with 65 on
# a file whose status or received is not valid, and go on with the rest.
. "$PLAINT_TOP/tests/test-lib.sh"

D=t/2026/11
SQ=\'

# Tree t: clocks with pauses and a deadline rule, and a clock (promised)
# no rule sets.  2611-0001 new; 0002 assigned, extended, paused and
# resumed; 0003 resolved, closed, reopened, escalated; 0004 with a
# deadline given at log; 0005 withdrawn.
test_setup 'a tree whose records went through the workflow' '
	make_tree t &&
	cat >>t/plaint.yaml <<-\EOF &&
	clocks:
	  first_response: {starts: log, stops: [contact, resolve], pause: true}
	  resolution: {starts: log, stops: resolve, pause: true}
	  callback: {starts: resolve, stops: close}
	  promised: {starts: log, stops: resolve, pause: true}
	deadlines:
	  - {id: base, set: {first_response: 24h, resolution: 5d, callback: 3d}}
	EOF
	for s in 一 二 三 四 五; do
		plaint -C t -N 2026-11-23T09:00 log subject=$s >/dev/null || return 1
	done &&
	plaint -C t -N 2026-11-23T10:00 assign 2611-0002 李四 &&
	plaint -C t -N 2026-11-23T11:00 extend 2611-0002 resolution=2d approved_by=总经理 -m 等配件 &&
	plaint -C t -N 2026-11-24T09:00 pause 2611-0002 -m 等客户 &&
	plaint -C t -N 2026-11-25T09:00 resume 2611-0002 &&
	plaint -C t -N 2026-11-23T10:00 resolve 2611-0003 -m 已处理 &&
	plaint -C t -N 2026-11-24T10:00 close 2611-0003 satisfaction=satisfied -m 回访 &&
	plaint -C t -N 2026-11-25T10:00 reopen 2611-0003 -m 又来了 &&
	plaint -C t -N 2026-11-25T11:00 escalate 2611-0003 -m 升级 &&
	plaint -C t -N 2026-11-23T09:00 log subject=六 due.promised=2026-11-30T17:00 >/dev/null &&
	plaint -C t -N 2026-11-23T10:00 do 2611-0005 withdraw -m 撤诉 &&
	grep "^  resolution:" $D/2611-0002.yaml
'

test_expect_success 'records changed only by plaint agree with their history' '
	plaint -C t check 2>err &&
	grep "6 file(s), 0 with problems" err
'

test_expect_success 'a status typed by hand is reported with what the history gives (65)' '
	sed -i "s/^status: assigned$/status: escalated/" $D/2611-0002.yaml &&
	sed -i "s/^status: new$/status: assigned/" $D/2611-0001.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "^plaint: check: warning: 2026/11/2611-0001.yaml:3:9: status: \"assigned\" is stored, but its history leads to \"new\"$" err &&
	grep "^plaint: check: warning: 2026/11/2611-0002.yaml:3:9: status: \"escalated\" is stored, but its history leads to \"assigned\"$" err &&
	grep "6 file(s), 2 with problems" err
'

test_expect_success 'a closed complaint typed back to work is reported' '
	sed -i "s/^status: closed$/status: assigned/" $D/2611-0005.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "2611-0005.yaml:3:9: status: \"assigned\" is stored, but its history leads to \"closed\"$" err
'

test_expect_success 'a deadline moved by hand is reported with what the rules give (65)' '
	sed -i "s/^  resolution: \"2026-11-30T23:59:59+08:00\"$/  resolution: \"2026-12-08T23:59:59+08:00\"/" $D/2611-0001.yaml &&
	grep "^  resolution: \"2026-12-08T23:59:59+08:00\"$" $D/2611-0001.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "^plaint: check: warning: 2026/11/2611-0001.yaml:[0-9]*:15: due.resolution: \"2026-12-08T23:59:59+08:00\" is stored, but the rules give \"2026-11-30T23:59:59+08:00\"$" err &&
	grep "6 file(s), 1 with problems" err
'

test_expect_success 'the same instant written in another zone agrees' '
	sed -i "s/^  resolution: \"2026-11-30T23:59:59+08:00\"$/  resolution: \"2026-11-30T15:59:59Z\"/" $D/2611-0001.yaml &&
	grep "^  resolution: \"2026-11-30T15:59:59Z\"$" $D/2611-0001.yaml &&
	plaint -C t check
'

test_expect_success 'a deadline removed by hand, or added where no clock runs, is reported' '
	sed -i "/^  first_response: /d" $D/2611-0004.yaml &&
	sed -i "s/^due:$/due:\n  callback: \"2026-12-01T10:00:00+08:00\"/" $D/2611-0001.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "2611-0004.yaml:[0-9:]*: due.first_response: missing, but the rules give \"2026-11-24T09:00:00+08:00\"$" err &&
	grep "2611-0001.yaml:[0-9:]*: due.callback: \"2026-12-01T10:00:00+08:00\" is stored, but the rules give none" err
'

test_expect_success 'a deadline given at log moves with no rule, and is not reported' '
	sed -i "s/^  promised: \"2026-11-30T17:00:00+08:00\"$/  promised: \"2026-12-30T17:00:00+08:00\"/" $D/2611-0006.yaml &&
	grep "^  promised: \"2026-12-30T17:00:00+08:00\"$" $D/2611-0006.yaml &&
	plaint -C t check
'

test_expect_success 'an extension typed by hand, without its event, is reported' '
	sed -i "s/^  resolution: \"2026-11-30T23:59:59+08:00\"$/  resolution: \"2026-12-02T23:59:59+08:00\"/" $D/2611-0004.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "2611-0004.yaml:[0-9:]*: due.resolution: \"2026-12-02T23:59:59+08:00\" is stored, but the rules give \"2026-11-30T23:59:59+08:00\"$" err
'

test_expect_success 'a history that does not replay is reported with the event that breaks it' '
	sed -i "s/^  action: resolve$/  action: close/" $D/2611-0003.yaml &&
	test_expect_code 65 plaint -C t check 2>err &&
	grep "2611-0003.yaml:[0-9:]*: status: \"escalated\" is stored, but its history does not replay through its workflow: the close event cannot follow the ones before it$" err
'

test_expect_success 'check -q reports nothing but keeps the status' '
	sed -i "s/^status: new$/status: assigned/" $D/2611-0001.yaml &&
	test_expect_code 65 plaint -q -C t check >out 2>err &&
	test ! -s out && test ! -s err
'

test_expect_success 'a record imported with its history starts the replay again at the import' '
	make_tree dst &&
	cat >full.jsonl <<-\EOF &&
	{"id": "2611-0001", "kind": "complaint", "status": "escalated", "received": "2026-11-20T09:00:00+08:00", "subject": "x", "level": 1, "round": 1, "history": [{"n": 1, "at": "2026-11-20T09:00:00+08:00", "by": "张三", "action": "log"}]}
	EOF
	plaint -C dst import full.jsonl 2>err &&
	grep "^status: escalated$" dst/2026/11/2611-0001.yaml &&
	plaint -C dst check &&
	plaint -C dst assign 2611-0001 李四 &&
	sed -i "s/^status: escalated$/status: new/" dst/2026/11/2611-0001.yaml &&
	test_expect_code 65 plaint -C dst check 2>err &&
	grep "status: \"new\" is stored, but its history leads to \"assigned\" or \"escalated\"$" err
'

# Tree r: three records; readers tests break one or two of them.
test_setup 'a tree for the readers' '
	make_tree r &&
	for s in 一 二 三; do
		plaint -C r log subject=$s >/dev/null || return 1
	done
'

test_expect_success 'list: a status that is no state is warned with file:line:column, 65, the others listed' '
	sed -i "s/^status: new$/status: nonsense/" r/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C r list >out 2>err &&
	grep "^plaint: list: warning: 2026/11/2611-0002.yaml:3:9: status: missing or not a known status: \"nonsense\" is not a state of the record${SQ}s workflow$" err &&
	grep "^2611-0001 " out && grep "^2611-0003 " out && ! grep 2611-0002 out
'

test_expect_success 'list: a received that is not a time is warned, 65' '
	sed -i "s/^received: .*/received: garbage/" r/2026/11/2611-0003.yaml &&
	test_expect_code 65 plaint -C r list >out 2>err &&
	grep "^plaint: list: warning: 2026/11/2611-0003.yaml:4:11: received: \"garbage\" is not a time$" err &&
	grep "^2611-0001 " out && grep "^2611-0002 " out && ! grep 2611-0003 out
'

test_expect_success 'report, remind and export warn the same and end with 65' '
	sed -i "s/^status: new$/status: nonsense/" r/2026/11/2611-0002.yaml &&
	sed -i "s/^received: .*/received: garbage/" r/2026/11/2611-0003.yaml &&
	test_expect_code 65 plaint -C r report -f json >out 2>err &&
	grep "^plaint: report: warning: 2026/11/2611-0002.yaml:3:9: status: " err &&
	grep "^plaint: report: warning: 2026/11/2611-0003.yaml:4:11: received: " err &&
	grep "\"total\": 1" out &&
	test_expect_code 65 plaint -C r remind >out 2>err &&
	grep "^plaint: remind: warning: 2026/11/2611-0002.yaml:3:9: status: " err &&
	grep "^plaint: remind: warning: 2026/11/2611-0003.yaml:4:11: received: " err &&
	test_expect_code 65 plaint -C r export >out 2>err &&
	grep "^plaint: export: warning: 2026/11/2611-0002.yaml:3:9: status: " err &&
	grep "^plaint: export: warning: 2026/11/2611-0003.yaml:4:11: received: " err &&
	grep "\"id\":\"2611-0001\"" out && ! grep "2611-000[23]" out
'

test_expect_success 'a status that is missing, or no state at all, is warned' '
	sed -i "s/^status: new$/status: missing-state/" r/2026/11/2611-0001.yaml &&
	sed -i "/^status:/d" r/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C r list >out 2>err &&
	grep "2611-0001.yaml:3:9: status: missing or not a known status: \"missing-state\"" err &&
	grep "2611-0002.yaml:[0-9:]*: status: missing or not a known status$" err
'

test_done
