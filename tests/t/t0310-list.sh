#!/bin/sh
# plaint list: sort keys, reverse order, the formats (text, json, jsonl,
# csv), and columns aligned by display width also in the C locale.
. "$PLAINT_TOP/tests/test-lib.sh"

# Tree "s": five complaints, two with a deadline, one escalated, one
# with a serial past 9999 (written by hand: a month can hold that many).
test_setup 'tree s: five complaints, one numbered past 9999' '
	make_tree s &&
	plaint -C s log subject=抄表员态度恶劣 assignee=李四 \
		due.resolution=2026-12-02T23:59:59+08:00 >/dev/null &&
	plaint -C s -N 2026-11-25T08:00 log subject=meter assignee=Bob \
		due.first_response=2026-11-27T12:00:00+08:00 >/dev/null &&
	plaint -C s -N 2026-11-26T09:30 log subject=电费 channel=web >/dev/null &&
	plaint -C s -N 2026-10-05T09:00 log subject=old assignee=Ann severity=major >/dev/null &&
	plaint -C s escalate 2610-0001 -m up &&
	sed "s/^id: .*/id: \"2611-10000\"/; s/电费/ＡＢ全角/" s/2026/11/2611-0003.yaml >s/2026/11/2611-10000.yaml &&
	chmod 600 s/2026/11/2611-10000.yaml
'

test_expect_success 'by id (the default), serials past 9999 last; aligned in the C locale' '
	LC_ALL=C plaint -C s list >out 2>err &&
	test ! -s err &&
	cat >expect <<-\EOT &&
	ID          STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2610-0001   已升级  投诉  2026-10-05 09:00  Ann       old
	2611-0001   已分派  投诉  2026-11-27 10:00  李四      抄表员态度恶劣
	2611-0002   已分派  投诉  2026-11-25 08:00  Bob       meter
	2611-0003   新建    投诉  2026-11-26 09:30  -         电费
	2611-10000  新建    投诉  2026-11-26 09:30  -         ＡＢ全角
	EOT
	test_cmp expect out
'

test_expect_success 'the same in UTF-8 and C locales, and without LANG at all' '
	LC_ALL=C.UTF-8 plaint -C s list -s assignee >a &&
	LC_ALL=C plaint -C s list -s assignee >b &&
	(unset LC_ALL LANG && plaint -C s list -s assignee >c) &&
	test_cmp a b && test_cmp a c
'

test_expect_success '-s received: ties keep id order' '
	plaint -C s list -s received >out &&
	cat >expect <<-\EOT &&
	ID          STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2610-0001   已升级  投诉  2026-10-05 09:00  Ann       old
	2611-0002   已分派  投诉  2026-11-25 08:00  Bob       meter
	2611-0003   新建    投诉  2026-11-26 09:30  -         电费
	2611-10000  新建    投诉  2026-11-26 09:30  -         ＡＢ全角
	2611-0001   已分派  投诉  2026-11-27 10:00  李四      抄表员态度恶劣
	EOT
	test_cmp expect out
'

test_expect_success '-s due: the earliest running deadline, shown; none last' '
	LC_ALL=C plaint -C s list -s due >out &&
	cat >expect <<-\EOT &&
	ID          STATUS  KIND  RECEIVED          ASSIGNEE  DUE               SUBJECT
	2611-0002   已分派  投诉  2026-11-25 08:00  Bob       2026-11-27 12:00  meter
	2611-0001   已分派  投诉  2026-11-27 10:00  李四      2026-12-02 23:59  抄表员态度恶劣
	2610-0001   已升级  投诉  2026-10-05 09:00  Ann       -                 old
	2611-0003   新建    投诉  2026-11-26 09:30  -         -                 电费
	2611-10000  新建    投诉  2026-11-26 09:30  -         -                 ＡＢ全角
	EOT
	test_cmp expect out
'

test_expect_success '-r reverses; complaints without the key stay last' '
	plaint -C s list -s due -r >out &&
	cut -d" " -f1 out >actual &&
	printf "%s\n" ID 2611-0001 2611-0002 2610-0001 2611-0003 2611-10000 >expect &&
	test_cmp expect actual
'

test_expect_success '-s id -r: newest first' '
	plaint -C s list -r >out &&
	cut -d" " -f1 out >actual &&
	printf "%s\n" ID 2611-10000 2611-0003 2611-0002 2611-0001 2610-0001 >expect &&
	test_cmp expect actual &&
	plaint -C s list -s id -r >out2 && test_cmp out out2
'

test_expect_success '-s any field: strings by code point, numbers as numbers, shown' '
	plaint -C s list -s assignee >out &&
	cut -d" " -f1 out >actual &&
	printf "%s\n" ID 2610-0001 2611-0002 2611-0001 2611-0003 2611-10000 >expect &&
	test_cmp expect actual &&
	plaint -C s list -s level -r >out &&
	cat >expect <<-\EOT &&
	ID          STATUS  KIND  RECEIVED          ASSIGNEE  LEVEL       SUBJECT
	2610-0001   已升级  投诉  2026-10-05 09:00  Ann       部门负责人  old
	2611-0001   已分派  投诉  2026-11-27 10:00  李四      受理部门    抄表员态度恶劣
	2611-0002   已分派  投诉  2026-11-25 08:00  Bob       受理部门    meter
	2611-0003   新建    投诉  2026-11-26 09:30  -         受理部门    电费
	2611-10000  新建    投诉  2026-11-26 09:30  -         受理部门    ＡＢ全角
	EOT
	test_cmp expect out
'

test_expect_success 'sort and filters together' '
	plaint -C s list -s due status=assigned >out &&
	cut -d" " -f1 out >actual &&
	printf "%s\n" ID 2611-0002 2611-0001 >expect &&
	test_cmp expect actual
'

test_expect_success '-f csv: RFC 4180 with raw values, the key column too' '
	plaint -C s list -f csv -s due >out &&
	printf "id,status,kind,received,assignee,due,subject\r\n" >expect &&
	printf "2611-0002,assigned,complaint,2026-11-25T08:00:00+08:00,Bob,2026-11-27T12:00:00+08:00,meter\r\n" >>expect &&
	printf "2611-0001,assigned,complaint,2026-11-27T10:00:00+08:00,李四,2026-12-02T23:59:59+08:00,抄表员态度恶劣\r\n" >>expect &&
	printf "2610-0001,escalated,complaint,2026-10-05T09:00:00+08:00,Ann,,old\r\n" >>expect &&
	printf "2611-0003,new,complaint,2026-11-26T09:30:00+08:00,,,电费\r\n" >>expect &&
	printf "2611-10000,new,complaint,2026-11-26T09:30:00+08:00,,,ＡＢ全角\r\n" >>expect &&
	test_cmp expect out
'

test_expect_success '-f csv of nothing is the header; -B adds the BOM' '
	plaint -C s list -f csv assignee=nobody >out &&
	printf "id,status,kind,received,assignee,subject\r\n" >expect &&
	test_cmp expect out &&
	plaint -C s list -f csv -B assignee=nobody >out &&
	printf "\357\273\277id,status,kind,received,assignee,subject\r\n" >expect &&
	test_cmp expect out
'

test_expect_success PYTHON3 '-f csv: python reads back every cell' '
	plaint -C s log subject="a, \"quoted\" =one" assignee="=cmd|x" >/dev/null &&
	plaint -C s list -f csv assignee="=cmd|x" >out &&
	python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
assert rows[0] == [\"id\", \"status\", \"kind\", \"received\", \"assignee\", \"subject\"], rows[0]
assert rows[1][4] == \"\x27=cmd|x\", rows[1]
assert rows[1][5] == \"a, \\\"quoted\\\" =one\", rows[1]
" out
'

test_expect_success PYTHON3 '-f jsonl: one complete record a line, in sort order' '
	plaint -C s list -f jsonl -s due "due!=" >out &&
	test $(wc -l <out) = 2 &&
	plaint -C s show -f json 2611-0002 >one &&
	python3 -c "
import json, sys
lines = open(sys.argv[1]).read().splitlines()
one = json.load(open(sys.argv[2]))
one.pop(\"actions\")
first = json.loads(lines[0])
assert first == one and list(first) == list(one)
assert json.loads(lines[1])[\"id\"] == \"2611-0001\"
" out one
'

# The complaint logged now is numbered 2611-10001 and ties with 2611-0001.
test_expect_success PYTHON3 '-f json sorted: one array, in sort order' '
	plaint -C s log subject=later >id &&
	echo 2611-10001 >expect && test_cmp expect id &&
	plaint -C s list -f json -s received -r >out &&
	python3 -c "
import json, sys
print(\" \".join(r[\"id\"] for r in json.load(open(sys.argv[1]))))
" out >actual &&
	echo "2611-0001 2611-10001 2611-0003 2611-10000 2611-0002 2610-0001" >expect &&
	test_cmp expect actual
'

test_expect_success '-f json and jsonl of nothing' '
	plaint -C s list -f json -s due assignee=nobody >out &&
	echo "[]" >expect && test_cmp expect out &&
	plaint -C s list -f jsonl assignee=nobody >out &&
	test ! -s out
'

test_expect_success '-s with an unknown field' '
	test_expect_code 64 plaint -C s list -s colour >out 2>err &&
	test ! -s out &&
	echo "plaint: list: -s: unknown field \"colour\"" >expect &&
	test_cmp expect err
'

test_expect_success '-s with a mapping' '
	test_expect_code 64 plaint -C s list -s history 2>err &&
	grep "^plaint: list: -s: cannot sort by \"history\"" err
'

test_expect_success '-B without -f csv' '
	test_expect_code 64 plaint -C s list -B 2>err &&
	echo "plaint: list: -B: only with -f csv" >expect &&
	test_cmp expect err
'

# Ten complaints of 20 kB each: far more than a pipe holds, so list
# surely writes into the closed pipe.
test_expect_success 'a closed pipe ends list quietly' '
	big=$(printf "%020000d" 0) &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		plaint -C s -N 2026-11-28T10:00 log subject="filler $i $big" >/dev/null || return 1
	done &&
	plaint -C s list -f jsonl >all &&
	test "$(wc -c <all)" -gt 200000 &&
	{ plaint -C s list -f jsonl; echo $? >rc; } 2>err | head -c 10 >/dev/null &&
	test ! -s err && echo 0 >expect && test_cmp expect rc
'

test_done
