#!/bin/sh
# Filters, shared by list, export, report and remind: every operator on
# strings, numbers, times and ids, dotted fields, status=open,
# overdue=yes with the policy's clocks, due<24h, and usage errors.
. "$PLAINT_TOP/tests/test-lib.sh"

# The clock is 2026-11-27T10:00:00+08:00 (test-lib.sh).  Tree "f": a
# policy with clocks, and five complaints:
#   2610-0001  closed: no clock runs
#   2611-0001  received Nov 20, first response due Nov 21: overdue
#   2611-0002  contacted and escalated: resolution due Dec 1
#   2611-0003  received today 09:00: first response due tomorrow 09:00
#   2611-0004  paused: its clocks stand still, so it is not overdue
test_setup 'tree f: five complaints under a policy with clocks' '
	make_tree f &&
	with_clocks f &&
	plaint -C f -N 2026-11-20T09:00 log subject=停电 channel=phone category=price \
		complainant.name=张三 assignee=李四 severity=major >/dev/null &&
	plaint -C f -N 2026-11-26T10:00 log subject=电费 assignee=Bob >/dev/null &&
	plaint -C f -N 2026-11-26T11:00 note 2611-0002 -c -m 已联系 &&
	plaint -C f -N 2026-11-26T12:00 escalate 2611-0002 -m 升级 &&
	plaint -C f -N 2026-11-27T09:00 log subject=抄表 severity=minor >/dev/null &&
	plaint -C f -N 2026-11-10T09:00 log subject=等待客户 assignee=李四 >/dev/null &&
	plaint -C f -N 2026-11-11T09:00 pause 2611-0004 -m 等客户 &&
	plaint -C f -N 2026-10-05T09:00 log subject=旧事 assignee=Bob >/dev/null &&
	plaint -C f -N 2026-10-06T09:00 resolve 2610-0001 -m 已处理 &&
	plaint -C f -N 2026-10-07T09:00 close 2610-0001 satisfaction=satisfied
'

# ids FILTER...: the ids list prints for these filters, sorted, on one line.
ids() {
	plaint -C f list -f csv "$@" >out &&
	sed 1d out | cut -d, -f1 | sort | tr "\n" " " | sed "s/ \$//" >actual &&
	echo >>actual
}

# expect_ids "IDS" FILTER...: list prints exactly these ids.
expect_ids() {
	want=$1
	shift
	ids "$@" && echo "$want" >expect && test_cmp expect actual
}

test_expect_success '= and != on strings' '
	expect_ids "2610-0001 2611-0002" assignee=Bob &&
	expect_ids "2611-0001 2611-0003 2611-0004" assignee!=Bob &&
	expect_ids "2611-0001" severity=major channel=phone
'

test_expect_success '< <= > >= on strings compare by code point' '
	expect_ids "2610-0001 2611-0002" "assignee<M" &&
	expect_ids "2611-0001 2611-0004" "assignee>M" &&
	expect_ids "2610-0001 2611-0002" "assignee<=Bob" &&
	expect_ids "2610-0001 2611-0001 2611-0002 2611-0004" "assignee>=Bob"
'

test_expect_success 'an empty value: the field is absent (=) or present (!=)' '
	expect_ids "2611-0003" assignee= &&
	expect_ids "2610-0001 2611-0001 2611-0002 2611-0004" assignee!=
'

test_expect_success 'dotted fields' '
	expect_ids "2611-0001" complainant.name=张三 &&
	expect_ids "2610-0001 2611-0002 2611-0003 2611-0004" complainant.name!=张三 &&
	expect_ids "2610-0001" resolution.result=已处理
'

test_expect_success 'status=open is new, assigned or escalated' '
	expect_ids "2611-0001 2611-0002 2611-0003 2611-0004" status=open &&
	expect_ids "2610-0001" status!=open
'

test_expect_success 'numbers compare as numbers' '
	expect_ids "2611-0002" "level>0" &&
	expect_ids "2611-0002" "level>=1" &&
	expect_ids "2611-0002" level=1.0 &&
	expect_ids "2610-0001 2611-0001 2611-0003 2611-0004" "level<1" &&
	expect_ids "2610-0001 2611-0001 2611-0003 2611-0004" "level<=0" &&
	expect_ids "2610-0001 2611-0001 2611-0003 2611-0004" level!=1
'

test_expect_success 'times compare as instants; a day is the whole day in the zone' '
	expect_ids "2611-0001 2611-0002 2611-0003 2611-0004" "received>=2026-11-01" &&
	expect_ids "2610-0001" "received<2026-11-01" &&
	expect_ids "2610-0001 2611-0001 2611-0002 2611-0004" "received<=2026-11-26" &&
	expect_ids "2611-0003" "received>2026-11-26" &&
	expect_ids "2611-0002" received=2026-11-26 &&
	expect_ids "2610-0001 2611-0001 2611-0003 2611-0004" received!=2026-11-26
'

test_expect_success 'times: any offset, minutes, months, today, windows from now' '
	expect_ids "2611-0003" received=2026-11-27T01:00:00Z &&
	expect_ids "2611-0003" received=2026-11-27T09:00 &&
	expect_ids "2610-0001 2611-0001 2611-0002 2611-0004" "received<2026-11-27T09:00:00+08:00" &&
	expect_ids "2611-0001 2611-0002 2611-0003 2611-0004" received=2026-11 &&
	expect_ids "2611-0003" received=today &&
	expect_ids "2611-0002 2611-0003" "received>-2d" &&
	expect_ids "2610-0001 2611-0001 2611-0004" "received<-1w" &&
	expect_ids "2610-0001 2611-0001 2611-0004" "due.resolution<2026-11-30" &&
	expect_ids "2610-0001" "resolution.at<=2026-10-06"
'

test_expect_success 'ids compare by month and serial' '
	expect_ids "2611-0003 2611-0004" "id>2611-0002" &&
	expect_ids "2610-0001 2611-0001" "id<=2611-0001" &&
	expect_ids "2611-0001 2611-0002 2611-0003 2611-0004" "id>=2611-0001"
'

test_expect_success 'overdue=yes: a running clock past its deadline; paused clocks stand still' '
	expect_ids "2611-0001" overdue=yes &&
	expect_ids "2610-0001 2611-0002 2611-0003 2611-0004" overdue=no &&
	expect_ids "2610-0001 2611-0002 2611-0003 2611-0004" overdue!=yes
'

test_expect_success 'overdue follows the clock (-N)' '
	plaint -C f -N 2026-11-28T09:00:01+08:00 list -f csv overdue=yes >out &&
	sed 1d out | cut -d, -f1 >actual &&
	printf "2611-0001\n2611-0003\n" >expect && test_cmp expect actual &&
	plaint -C f -N 2026-11-21T09:00:00+08:00 list -f csv overdue=yes >out &&
	test $(wc -l <out) = 1
'

test_expect_success 'due<24h: the earliest running deadline within a day, overdue included' '
	expect_ids "2611-0001 2611-0003" "due<24h" &&
	expect_ids "2611-0003" "due<24h" overdue=no &&
	expect_ids "2611-0001" "due<1h" &&
	expect_ids "2611-0002 2611-0003" "due>now" &&
	expect_ids "2611-0002" "due>=2026-12-01" &&
	expect_ids "2610-0001 2611-0004" due= &&
	expect_ids "2611-0001 2611-0002 2611-0003" due!=
'

test_expect_success PYTHON3 'export and list select the same' '
	plaint -C f export "due<24h" >out &&
	python3 -c "
import json, sys
print(\" \".join(json.loads(l)[\"id\"] for l in open(sys.argv[1])))
" out >exported &&
	echo "2611-0001 2611-0003" >expect && test_cmp expect exported &&
	ids "due<24h" && test_cmp exported actual
'

test_expect_success 'an unknown field is a usage error naming it' '
	test_expect_code 64 plaint -C f list "colour<1" >out 2>err &&
	test ! -s out &&
	echo "plaint: list: colour: unknown field in filter" >expect &&
	test_cmp expect err
'

test_expect_success 'a malformed time names the field' '
	test_expect_code 64 plaint -C f list "received>=yesterdayish" >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: received: \"yesterdayish\" is not a time" err
'

test_expect_success 'a malformed number names the field' '
	test_expect_code 64 plaint -C f list "level>x" 2>err &&
	echo "plaint: list: level: \"x\" is not a number" >expect &&
	test_cmp expect err
'

test_expect_success 'overdue takes yes or no' '
	test_expect_code 64 plaint -C f list overdue=maybe 2>err &&
	echo "plaint: list: overdue: \"maybe\" is not yes or no" >expect &&
	test_cmp expect err
'

test_expect_success 'windows are in m, h, d or w' '
	test_expect_code 64 plaint -C f list "due<3wd" 2>err &&
	grep "^plaint: list: due: \"3wd\" is not a time" err
'

test_expect_success 'a yes/no field takes = and != only' '
	test_expect_code 64 plaint -C f list "resolution.valid<yes" 2>err &&
	echo "plaint: list: resolution.valid: takes = or != only" >expect &&
	test_cmp expect err
'

test_expect_success 'an ordering needs a value' '
	test_expect_code 64 plaint -C f list "received<" 2>err &&
	grep "^plaint: list: received: " err
'

test_expect_success 'a malformed id names the field' '
	test_expect_code 64 plaint -C f list "id>x" 2>err &&
	echo "plaint: list: id: \"x\" is not a complaint id" >expect &&
	test_cmp expect err
'

test_expect_success 'export refuses a bad filter too, writing nothing' '
	test_expect_code 64 plaint -C f export -o out.jsonl "level>x" 2>err &&
	echo "plaint: export: level: \"x\" is not a number" >expect &&
	test_cmp expect err &&
	test ! -e out.jsonl && test -z "$(ls -a | grep "^out.jsonl")"
'

test_done
