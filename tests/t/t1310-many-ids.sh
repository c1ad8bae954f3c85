#!/bin/sh
# assign, note and set on several records at once, or on ids read from
# stdin (list -f ids prints them): each record its own change, each
# refusal named, a summary line, the status of the first failure.
. "$PLAINT_TOP/tests/test-lib.sh"

D=tree/2026/11
SQ="'"

# snapshot: every file of the tree with its checksum.
snapshot() { (cd tree && find . -type f -exec cksum {} + | sort); }

# Four complaints: 2611-0003 resolved, so that assign refuses it.
test_setup 'a tree with four complaints, one resolved' '
	make_tree tree &&
	for s in a b c d; do
		plaint -C tree -N 2026-11-27T09:00 log subject=$s >/dev/null || return 1
	done &&
	plaint -C tree -N 2026-11-27T09:30 resolve 2611-0003 -m done
'

test_expect_success 'list -f ids: one id a line, filtered and sorted as any list' '
	plaint -C tree list -f ids >out &&
	printf "2611-0001\n2611-0002\n2611-0003\n2611-0004\n" >expect &&
	test_cmp expect out &&
	plaint -C tree list -f ids status=new -s subject -r >out &&
	printf "2611-0004\n2611-0002\n2611-0001\n" >expect &&
	test_cmp expect out &&
	plaint -C tree list -f ids status=closed >out &&
	test ! -s out
'

test_expect_success 'assign ID ID PERSON: both assigned, a summary on stderr' '
	plaint -C tree -N 2026-11-27T10:00 assign 2611-0001 2611-0002 李四 >out 2>err &&
	test ! -s out &&
	echo "plaint: assign: 2 of 2 changed, 0 refused" >expect &&
	test_cmp expect err &&
	grep "^assignee: \"李四\"$" $D/2611-0001.yaml &&
	grep "^assignee: \"李四\"$" $D/2611-0002.yaml &&
	! grep "^assignee:" $D/2611-0004.yaml &&
	plaint -C tree -q assign 2611-0001 2611-0002 王五 2>err &&
	test ! -s err &&
	test_expect_code 1 plaint -C tree -q assign 2611-0001 2611-0003 王五 2>err &&
	grep "^plaint: assign: 1 of 2 changed, 1 refused$" err
'

test_expect_success 'one refused: named, the others changed, the summary, exit 1' '
	test_expect_code 1 plaint -C tree assign 2611-0001 2611-0003 2611-0004 李四 >out 2>err &&
	test ! -s out &&
	grep "^plaint: assign: 2611-0003: cannot assign 2611-0003: it is resolved;" err &&
	tail -n 1 err >last &&
	echo "plaint: assign: 2 of 3 changed, 1 refused" >expect &&
	test_cmp expect last &&
	grep "^assignee: \"李四\"$" $D/2611-0001.yaml &&
	grep "^assignee: \"李四\"$" $D/2611-0004.yaml &&
	! grep "^assignee:" $D/2611-0003.yaml
'

test_expect_success 'the status is that of the first failure' '
	test_expect_code 66 plaint -C tree assign 2611-0009 2611-0003 2611-0001 李四 2>err &&
	grep "^plaint: assign: 2611-0009: no such complaint" err &&
	grep "^plaint: assign: 1 of 3 changed, 2 failed$" err &&
	test_expect_code 1 plaint -C tree assign 2611-0003 2611-0009 2611-0001 李四 2>err
'

test_expect_success 'ids from stdin: blank lines left out, as list -f ids gives them' '
	plaint -C tree list -f ids status=new >ids &&
	printf "\n  \n\t\n" >>ids &&
	plaint -C tree -N 2026-11-27T10:00 assign - 王五 <ids 2>err &&
	echo "plaint: assign: 3 of 3 changed, 0 refused" >expect &&
	test_cmp expect err &&
	for n in 1 2 4; do
		grep "^assignee: \"王五\"$" $D/2611-000$n.yaml || return 1
	done
'

test_expect_success 'one id on stdin is the one-id command: no summary' '
	echo 2611-0001 >ids &&
	plaint -C tree assign - 王五 <ids 2>err &&
	test ! -s err &&
	grep "^assignee: \"王五\"$" $D/2611-0001.yaml
'

test_expect_success 'no id on stdin: nothing to do, 0' '
	snapshot >before &&
	plaint -C tree assign - 王五 </dev/null 2>err &&
	test ! -s err &&
	snapshot >after &&
	test_cmp before after
'

test_expect_success 'a malformed line, or an id twice, is a usage error before anything changes' '
	snapshot >before &&
	printf "2611-0001\nnot-an-id\n2611-0002\n" >ids &&
	test_expect_code 64 plaint -C tree assign - 王五 <ids 2>err &&
	echo "plaint: assign: <stdin>:2: not a complaint id: \"not-an-id\" (one id a line, as ${SQ}plaint list -f ids$SQ prints them)" >expect &&
	test_cmp expect err &&
	test_expect_code 64 plaint -C tree assign 2611-0001 2611-0002 2611-0001 王五 2>err &&
	grep "^plaint: assign: 2611-0001: given twice$" err &&
	test_expect_code 64 plaint -C tree note 2611-0001 x-1 -m hi 2>err &&
	test_expect_code 64 plaint -C tree assign 2611-0001 2611-0002 2>err &&
	grep "^usage: plaint assign ID ... PERSON" err &&
	snapshot >after &&
	test_cmp before after
'

test_expect_success 'note on several ids, and on stdin' '
	plaint -C tree -N 2026-11-27T11:00 note 2611-0001 2611-0003 -m 已电话联系 2>err &&
	echo "plaint: note: 2 of 2 changed, 0 refused" >expect &&
	test_cmp expect err &&
	grep "^  note: \"已电话联系\"$" $D/2611-0001.yaml &&
	grep "^  note: \"已电话联系\"$" $D/2611-0003.yaml &&
	printf "2611-0002\n2611-0004\n" >ids &&
	plaint -C tree -N 2026-11-27T11:00 note -c - -m 回电 <ids 2>err &&
	grep "^  action: contact$" $D/2611-0002.yaml &&
	grep "^  action: contact$" $D/2611-0004.yaml
'

test_expect_success 'set on several ids: each its own event; a refusal named' '
	plaint -C tree -N 2026-11-27T12:00 set 2611-0001 2611-0002 category=billing -m 类别错误 2>err &&
	echo "plaint: set: 2 of 2 changed, 0 refused" >expect &&
	test_cmp expect err &&
	grep "^category: billing$" $D/2611-0001.yaml &&
	grep "^category: billing$" $D/2611-0002.yaml &&
	plaint -C tree -N 2026-11-27T12:10 set 2611-0001 2611-0004 category=billing -m again 2>err &&
	grep "^plaint: set: 2611-0001: nothing changed" err &&
	grep "^category: billing$" $D/2611-0004.yaml &&
	test_expect_code 66 plaint -C tree set 2611-0001 2611-0008 category=price -m x 2>err &&
	grep "^plaint: set: 2611-0008: no such complaint" err &&
	grep "^category: price$" $D/2611-0001.yaml
'

test_expect_success 'a bad value is refused once, before any record changes' '
	snapshot >before &&
	test_expect_code 65 plaint -C tree set 2611-0001 2611-0002 category=nope -m x 2>err &&
	grep -c "category" err >n &&
	echo 1 >expect && test_cmp expect n &&
	test_expect_code 1 plaint -C tree set 2611-0001 2611-0002 status=closed -m x 2>err &&
	snapshot >after &&
	test_cmp before after
'

test_expect_success 'one id: the message as before, no id prefix, no summary' '
	test_expect_code 1 plaint -C tree assign 2611-0003 李四 2>err &&
	echo "plaint: assign: cannot assign 2611-0003: it is resolved; reopen it first (${SQ}plaint reopen ID -m REASON$SQ)" >expect &&
	test_cmp expect err
'

test_done
