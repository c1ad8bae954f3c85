#!/bin/sh
# Records that belong to records: parent=ID, shown both ways; a record
# reaches a final state only after its sub-records; a sub-record's
# leader is not its parent's (工作负责人不得兼任班组作业负责人).
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
LATER=2026-11-27T11:00:00+08:00
P=2026/11/2611-0001.yaml

test_setup 'a total ticket and two sub-tickets' '
	make_tree tree &&
	sed -i "s/^kinds:\$/kinds:\n  job: { label: \"作业\", workflow: job }/" tree/plaint.yaml &&
	cat >>tree/plaint.yaml <<-\EOF &&
	  job:
	    children: yes
	    distinct_from_parent: [leader]
	    states:
	      working: { open: yes }
	      finished: {}
	      closed: { final: yes }
	    actions:
	      log: { to: working }
	      finish: { from: [working], to: finished }
	      assign: { from: [working] }
	      resolve: { from: [working], to: finished }
	      close: { from: [finished], to: closed }
	      note: { from: [working, finished] }
	fields:
	  leader: { type: string }
	EOF
	plaint -C tree -N $NOW log kind=job subject=总票 leader=王五 >/dev/null &&
	plaint -C tree -N $NOW log kind=job subject=分票一 leader=赵六 parent=2611-0001 >/dev/null &&
	plaint -C tree -N $NOW log kind=job subject=分票二 leader=孙七 parent=2611-0001 >/dev/null &&
	plaint -C tree -N $NOW log subject=投诉 >/dev/null
'

test_expect_success 'the sub-ticket holds its parent; show lists both ways' '
	grep "^parent: \"2611-0001\"$" tree/2026/11/2611-0002.yaml &&
	plaint -C tree show -f text 2611-0001 >out &&
	grep "^Children: *2611-0002 (working), 2611-0003 (working)$" out &&
	plaint -C tree show -f text 2611-0002 >out &&
	grep "^上级记录: *2611-0001$" out &&
	plaint -C tree list parent=2611-0001 >out &&
	grep "^2611-0002 " out && grep "^2611-0003 " out
'

test_expect_success 'the total ticket cannot close while a sub-ticket is open' '
	plaint -C tree -N $LATER do 2611-0001 finish &&
	cp tree/$P before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 close 2>err &&
	test_unchanged before tree/$P &&
	grep "cannot close 2611-0001: its sub-record 2611-0002 is still working" err &&
	plaint -C tree -N $LATER do 2611-0002 finish &&
	plaint -C tree -N $LATER do 2611-0002 close &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 close 2>err &&
	grep "its sub-record 2611-0003 is still working" err &&
	plaint -C tree -N $LATER do 2611-0003 finish &&
	plaint -C tree -N $LATER do 2611-0003 close &&
	plaint -C tree -N $LATER do 2611-0001 close &&
	grep "^status: closed$" tree/$P
'

test_expect_success 'a sub-ticket found whether its parent is quoted or plain' '
	sed -i "s/^parent: \"2611-0001\"$/parent: 2611-0001/" tree/2026/11/2611-0002.yaml &&
	grep "^parent: 2611-0001$" tree/2026/11/2611-0002.yaml &&
	plaint -C tree -N $LATER do 2611-0001 finish &&
	plaint -C tree -N $LATER do 2611-0003 finish && plaint -C tree -N $LATER do 2611-0003 close &&
	cp tree/$P before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 close 2>err &&
	test_unchanged before tree/$P &&
	grep "its sub-record 2611-0002 is still working" err
'

test_expect_success 'a finished sub-ticket is not final: it still holds the parent' '
	plaint -C tree -N $LATER do 2611-0001 finish &&
	plaint -C tree -N $LATER do 2611-0002 finish && plaint -C tree -N $LATER do 2611-0002 close &&
	plaint -C tree -N $LATER do 2611-0003 finish &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 close 2>err &&
	grep "2611-0003 is still finished" err
'

test_expect_success 'a sub-ticket whose leader is the parent’s is refused (1), nothing written' '
	ls -R tree >before &&
	test_expect_code 1 plaint -C tree -N $NOW log kind=job subject=x leader=王五 parent=2611-0001 2>err &&
	ls -R tree >after && test_cmp before after &&
	grep "cannot log it: leader: 王五 is the leader of 2611-0001, its parent, and may not be both" err
'

test_expect_success 'a parent that is not there is 65; not an id is 65' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=job subject=x parent=2611-0099 2>err &&
	grep "parent: no record 2611-0099" err &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=job subject=x parent=nonsense 2>err &&
	grep "parent: \"nonsense\" is not a record id" err &&
	ls -R tree >after && test_cmp before after
'

test_expect_success 'a parent whose workflow takes no sub-records, or is final, refuses (1)' '
	test_expect_code 1 plaint -C tree -N $NOW log kind=job subject=x parent=2611-0004 2>err &&
	grep "2611-0004 cannot have sub-records" err &&
	plaint -C tree -N $LATER do 2611-0002 finish && plaint -C tree -N $LATER do 2611-0002 close &&
	test_expect_code 1 plaint -C tree -N $NOW log kind=job subject=x leader=甲 parent=2611-0002 2>err &&
	grep "2611-0002 is closed, a final state: it takes no sub-record" err
'

test_expect_success 'a workflow’s own assign and resolve: the owner field, the state' '
	sed -i "s/^  job:\$/  job:\n    owner: leader/" tree/plaint.yaml &&
	plaint -C tree -N $LATER assign 2611-0002 钱八 &&
	grep "^leader: \"钱八\"$" tree/2026/11/2611-0002.yaml &&
	grep "^  to: \"钱八\"$" tree/2026/11/2611-0002.yaml &&
	! grep "^assignee:" tree/2026/11/2611-0002.yaml &&
	plaint -C tree -N $LATER resolve 2611-0002 -m 完工 &&
	grep "^status: finished$" tree/2026/11/2611-0002.yaml &&
	! grep "^resolution:" tree/2026/11/2611-0002.yaml &&
	grep "^  note: \"完工\"$" tree/2026/11/2611-0002.yaml
'

test_done
