#!/bin/sh
# The work-ticket pack (风电场、电力公司、电力生产企业、电力工作票制度、电厂):
# a ticket through every action, and through every refusal, each with its
# exit status and the file unchanged; total and sub-tickets; numbers; the
# approved period in remind; no-ticket work; every quote in the seed.
. "$PLAINT_TOP/tests/test-lib.sh"

T=2026/11/2611-0001.yaml
AT8=2026-11-27T08:00:00+08:00
AT9=2026-11-27T09:00:00+08:00
AT15=2026-11-27T15:00:00+08:00
AT18=2026-11-27T18:00:00+08:00

# A ticket: the seven fields it is logged with.
ticket() {
	plaint -C tree -N $AT8 log kind=electrical-1 subject=1号主变检修 \
		department=变电运行一班 location=1号主变 \
		planned_start=2026-11-27T09:00 planned_end=2026-11-27T17:00 \
		leader=王五 members=赵六,孙七 "$@"
}

# refused STATUS ARGS...: plaint exits STATUS, the ticket file unchanged.
refused() {
	want=$1
	shift
	cp tree/$T before &&
	test_expect_code "$want" plaint -C tree "$@" 2>err &&
	test_unchanged before tree/$T
}

test_setup 'init -p work-ticket loads; the site lists its people' '
	pack_loads work-ticket &&
	sed -i "s/^people: {}\$/people:\n  张三: { roles: [signer] }\n  李四: { roles: [permitter] }\n  王五: { roles: [leader, member] }\n  赵六: { roles: [leader, member] }\n  孙七: { roles: [member] }/" tree/plaint.yaml &&
	ticket >id &&
	echo 2611-0001 >expect && test_cmp expect id
'

test_expect_success 'every quote of the pack is in the seed, in its document' '
	python3 "$PLAINT_TOP/tools/verify-quotes.py" "$PLAINT_TOP/data/policies/work-ticket.yaml" >out &&
	grep " quotes checked, 0 failed$" out
'

test_expect_success 'the kinds, states and actions scripts rely on' '
	for k in electrical-1 electrical-2 cable-1 cable-2 live-work emergency-repair \
		wind-turbine safety-measures thermal-mechanical thermal-control-1 \
		thermal-control-2 hot-work-1 hot-work-2 no-ticket-work; do
		grep "^  $k: " tree/plaint.yaml || return 1
	done &&
	plaint -C tree policy -f text >out &&
	for s in draft issued working interrupted finished; do
		grep "^$s .* yes *no$" out || return 1
	done &&
	grep "^closed .*(历史票) *no *yes$" out &&
	for a in issue permit interrupt resume transfer extend finish close; do
		grep "^$a " out || return 1
	done
'

test_expect_success 'a ticket is logged as a draft; a missing field is 65, naming it' '
	grep "^status: draft$" tree/$T &&
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $AT8 log kind=electrical-1 subject=x \
		department=d location=l planned_start=2026-11-27T09:00 \
		planned_end=2026-11-27T17:00 members=孙七 2>err &&
	grep "leader: is required for a electrical-1" err &&
	test_expect_code 65 plaint -C tree -N $AT8 log kind=electrical-1 subject=x \
		department=d location=l planned_start=2026-11-27T09:00 \
		planned_end=tomorrow leader=王五 members=孙七 2>err &&
	grep "planned_end" err &&
	test_expect_code 65 plaint -C tree -N $AT8 log kind=electrical-1 subject=x \
		department=d location= planned_start=2026-11-27T09:00 \
		planned_end=2026-11-27T17:00 leader=王五 members=孙七 2>err &&
	grep "location: is required for a electrical-1" err &&
	ls -R tree >after && test_cmp before after
'

test_expect_success 'issue: by a signer, signed, numbered per department and day' '
	refused 1 -N $AT8 -u 王五 do 2611-0001 issue signed_by.signer=张三 &&
	grep "it needs the role signer, which 王五 does not hold" err &&
	refused 1 -N $AT8 -u 张三 do 2611-0001 issue &&
	grep "issue needs the signature of the signer" err &&
	refused 1 -N $AT8 -u 张三 do 2611-0001 issue signed_by.signer=王五 &&
	grep "王五 cannot sign as signer: the role is not theirs" err &&
	plaint -C tree -N $AT8 -u 张三 do 2611-0001 issue signed_by.signer=张三 &&
	grep "^status: issued$" tree/$T &&
	grep "^number: \"变电运行一班-20261127-001\"$" tree/$T
'

test_expect_success 'a hand-filled ticket gets 手 after its number' '
	ticket handwritten=yes >/dev/null &&
	plaint -C tree -N $AT8 -u 张三 do 2611-0002 issue signed_by.signer=张三 &&
	grep "^number: \"变电运行一班-20261127-001手\"$" tree/2026/11/2611-0002.yaml
'

test_expect_success 'permit: by the permitter, earth wires entered, signed by both' '
	plaint -C tree -N $AT8 -u 张三 do 2611-0001 issue signed_by.signer=张三 &&
	refused 65 -N $AT9 -u 李四 do 2611-0001 permit signed_by.permitter=李四 signed_by.leader=王五 &&
	grep "earth_wires: is required by the action permit" err &&
	refused 1 -N $AT9 -u 李四 do 2611-0001 permit earth_wires=1号 signed_by.permitter=李四 &&
	grep "permit needs the signature of the leader" err &&
	refused 1 -N $AT9 -u 李四 do 2611-0001 permit earth_wires=1号 signed_by.permitter=李四 signed_by.leader=赵六 &&
	grep "赵六 cannot sign as leader: the record.s leader is 王五" err &&
	refused 1 -N $AT9 -u 王五 do 2611-0001 permit earth_wires=1号 signed_by.permitter=李四 signed_by.leader=王五 &&
	grep "needs the role permitter" err &&
	plaint -C tree -N $AT9 -u 李四 do 2611-0001 permit earth_wires=1号,2号 \
		signed_by.permitter=李四 signed_by.leader=王五 &&
	grep "^status: working$" tree/$T &&
	grep "signed_by: {permitter: \"李四\", leader: \"王五\"}" tree/$T &&
	plaint -C tree show -f text 2611-0001 >out &&
	grep "^许可开工时间: 2026-11-27 09:00$" out &&
	grep "^接地线编号: *1号, 2号$" out &&
	grep "^Number: *变电运行一班-20261127-001$" out
'

# Each step from the fixture's draft, as a list of do commands.
to_working() {
	plaint -C tree -N $AT8 -u 张三 do 2611-0001 issue signed_by.signer=张三 &&
	plaint -C tree -N $AT9 -u 李四 do 2611-0001 permit earth_wires=1号 \
		signed_by.permitter=李四 signed_by.leader=王五
}

test_expect_success 'interrupt, resume, transfer' '
	to_working &&
	plaint -C tree -N $AT15 do 2611-0001 interrupt -m 午休 &&
	grep "^status: interrupted$" tree/$T &&
	refused 1 -N $AT15 do 2611-0001 finish &&
	plaint -C tree -N $AT15 do 2611-0001 resume &&
	plaint -C tree -N $AT15 do 2611-0001 transfer location=2号主变 &&
	grep "^location: \"2号主变\"$" tree/$T &&
	grep "^status: working$" tree/$T
'

test_expect_success 'extend: only the leader, only within the approved period' '
	to_working &&
	refused 1 -N $AT15 -u 李四 extend 2611-0001 planned_end=2026-11-27T20:00 &&
	grep "needs the role leader, which 李四 does not hold" err &&
	refused 65 -N $AT15 -u 王五 extend 2611-0001 planned_end=soon &&
	plaint -C tree -N $AT15 -u 王五 extend 2611-0001 planned_end=2026-11-27T20:00 -m 延期 &&
	grep "^planned_end: \"2026-11-27T20:00:00+08:00\"$" tree/$T &&
	grep "^  approved_period: \"2026-11-27T20:00:00+08:00\"$" tree/$T &&
	refused 1 -N 2026-11-27T21:00:00+08:00 -u 王五 extend 2611-0001 planned_end=2026-11-27T23:00 &&
	grep "its planned_end, 2026-11-27T20:00:00+08:00, has passed" err &&
	refused 64 -N $AT15 -u 王五 extend 2611-0001 approved_period=2h approved_by=王五 -m x &&
	grep "approved_period: not a field extend takes" err
'

test_expect_success 'remind lists a ticket whose approved period ends soon or has passed, by leader' '
	to_working &&
	plaint -C tree -N 2026-11-27T16:00:00+08:00 remind -w 2h >out &&
	grep "^王五: 1 due within 2h$" out &&
	grep "2611-0001  approved_period  2026-11-27 17:00" out &&
	plaint -C tree -N $AT18 remind >out &&
	grep "^王五: 1 overdue$" out
'

test_expect_success 'finish and close: by the permitter; then a 历史票, final' '
	to_working &&
	refused 1 -N $AT15 -u 王五 do 2611-0001 finish &&
	plaint -C tree -N $AT15 -u 李四 do 2611-0001 finish &&
	plaint -C tree -N $AT15 -u 李四 do 2611-0001 close &&
	grep "^status: closed$" tree/$T &&
	grep "^  approved_period: " tree/$T &&
	for a in "do 2611-0001 note -m x" "note 2611-0001 -m x" "reopen 2611-0001 -m x" \
		"extend 2611-0001 planned_end=2026-11-28T10:00" "do 2611-0001 close"; do
		refused 1 -N $AT18 -u 李四 $a &&
		grep "it is closed; it is final" err || return 1
	done
'

test_expect_success 'a total ticket closes only after its sub-tickets; their leaders differ' '
	to_working &&
	ls -R tree >before &&
	test_expect_code 1 plaint -C tree -N $AT9 log kind=electrical-1 subject=分票 \
		department=变电检修班 location=1号主变 planned_start=2026-11-27T09:00 \
		planned_end=2026-11-27T17:00 leader=王五 members=孙七 parent=2611-0001 2>err &&
	ls -R tree >after && test_cmp before after &&
	grep "leader: 王五 is the leader of 2611-0001, its parent, and may not be both" err &&
	plaint -C tree -N $AT9 log kind=electrical-1 subject=分票 \
		department=变电检修班 location=1号主变 planned_start=2026-11-27T09:00 \
		planned_end=2026-11-27T17:00 leader=赵六 members=孙七 parent=2611-0001 >id &&
	echo 2611-0002 >expect && test_cmp expect id &&
	plaint -C tree -N $AT15 -u 李四 do 2611-0001 finish &&
	refused 1 -N $AT15 -u 李四 do 2611-0001 close &&
	grep "its sub-record 2611-0002 is still draft" err &&
	plaint -C tree show -f text 2611-0001 >out &&
	grep "^Children: *2611-0002 (draft)$" out
'

test_expect_success 'a second ticket permitted at a working location is warned of' '
	to_working &&
	ticket >/dev/null &&
	plaint -C tree -N $AT8 -u 张三 do 2611-0002 issue signed_by.signer=张三 &&
	plaint -C tree -N $AT9 -u 李四 do 2611-0002 permit earth_wires=3号 \
		signed_by.permitter=李四 signed_by.leader=王五 2>err &&
	grep "warning: 2611-0001 is working at the same location (1号主变)" err
'

test_expect_success 'no-ticket work: logged where it was found, reported, closed' '
	plaint -C tree -N $AT9 log kind=no-ticket-work subject=无票作业 location=3号线 >id &&
	plaint -C tree -N $AT9 do $(cat id) report -m 已报告安监部门 &&
	plaint -C tree -N $AT15 do $(cat id) close -m 已查实 &&
	grep "^status: closed$" tree/2026/11/$(cat id).yaml &&
	test_expect_code 65 plaint -C tree -N $AT9 log kind=no-ticket-work subject=x 2>err &&
	grep "location: is required for a no-ticket-work" err
'

test_expect_success 'status=open and the leader filter for scripts' '
	to_working &&
	plaint -C tree list status=open leader=王五 >out &&
	grep "^2611-0001 " out &&
	plaint -C tree list status=working >out &&
	grep "^2611-0001 " out
'

test_expect_success MANDOC 'the ticket day of plaint-workflow(7) runs as written' '
	mandoc -T utf8 "$PLAINT_TOP/man/man7/plaint-workflow.7" | col -b |
		sed -n "/A work ticket.s day/,/^SEE ALSO/p" |
		sed -n "s/^[[:space:]]*\\$ //p" >cmds &&
	test $(wc -l <cmds) = 7 &&
	rm -rf tree/2026 &&
	cd tree &&
	while IFS= read -r line; do
		eval "PLAINT_NOW=2026-11-27T10:00:00+08:00 $line" </dev/null >>../ex-out 2>../ex-err || {
			echo "failed: \$ $line"; cat ../ex-err; return 1
		}
	done <../cmds &&
	grep "^2611-0001  变电站(发电厂)第一种工作票  已终结(历史票)$" ../ex-out &&
	grep "^许可开工时间: 2026-11-27 10:00$" ../ex-out
'

test_expect_success 'check accepts every file, a closed ticket without a resolution too' '
	to_working &&
	plaint -C tree -N $AT15 -u 李四 do 2611-0001 finish &&
	plaint -C tree -N $AT15 -u 李四 do 2611-0001 close &&
	passes_check
'

test_done
