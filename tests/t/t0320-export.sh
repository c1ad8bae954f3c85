#!/bin/sh
# plaint export: every field as JSON Lines or CSV, formula cells
# neutralised, RFC 4180 quoting read back by python's csv module,
# personal data masked with -r, -o files private, and a round trip
# through import.
. "$PLAINT_TOP/tests/test-lib.sh"

# Tree "x": three complaints holding what spreadsheets and privacy care
# about: cells starting = + - @, TAB, CR and = after a BOM; commas,
# quotes and newlines; phone numbers and addresses, also copied into a
# description and a note.
test_setup 'tree x: three complaints for spreadsheets and privacy' '
	make_tree x &&
	desc=$(printf "客户张三, 电话 13800000000, 住某县某镇某村\n第二行 \"引号\"") &&
	plaint -C x -u @王芳 log subject==1+2 complainant.name=张三 \
		complainant.phone=13800000000 complainant.address=某县某镇某村 \
		description="$desc" department=-营业厅 >/dev/null &&
	plaint -C x -N 2026-11-27T11:00 log subject=+cmd complainant.name=欧阳娜娜 \
		complainant.phone=13912345678 complainant.address=北京市海淀区中关村大街1号 \
		source_ref=crm-1 >/dev/null &&
	plaint -C x -N 2026-11-27T11:10 note 2611-0002 -c -m "回电 13912345678 欧阳娜娜" &&
	plaint -C x -N 2026-11-27T11:20 assign 2611-0002 李四 &&
	plaint -C x -N 2026-11-27T12:00 resolve 2611-0002 -m 已退费 valid=yes \
		cause=staff responsible=赵六 &&
	plaint -C x log subject=plain >/dev/null &&
	sed "s/^subject: .*/subject: \"\\\\tTAB\"/; s/^received_by: .*/received_by: \"\\\\rCR\"/; s/^kind: .*/kind: complaint\\nsource_ref: \"\\\\ufeff=BOM\"/" \
		x/2026/11/2611-0003.yaml >f3 && cat f3 >x/2026/11/2611-0003.yaml
'

test_expect_success 'the hand-made record holds TAB, CR and a BOM' '
	grep "^subject: \"\\\\tTAB\"$" x/2026/11/2611-0003.yaml &&
	grep "^source_ref: \"\\\\ufeff=BOM\"$" x/2026/11/2611-0003.yaml &&
	plaint -C x show -f json 2611-0003 >/dev/null
'

test_expect_success PYTHON3 'jsonl (the default): one record a line, as show -f json' '
	plaint -C x export >out &&
	test $(wc -l <out) = 3 &&
	for id in 2611-0001 2611-0002 2611-0003; do
		plaint -C x show -f json $id >$id.json || return 1
	done &&
	python3 -c "
import json, sys
lines = open(sys.argv[1], encoding=\"utf-8\").read().split(\"\n\")
assert lines[-1] == \"\" and len(lines) == 4
for line, name in zip(lines, sys.argv[2:]):
    got, want = json.loads(line), json.load(open(name, encoding=\"utf-8\"))
    want.pop(\"actions\")
    assert got == want and list(got) == list(want), name
" out 2611-0001.json 2611-0002.json 2611-0003.json
'

test_expect_success 'csv: the columns, in their documented order' '
	plaint -C x export -f csv >out &&
	head -n 1 out >actual &&
	printf "id,kind,status,received,received_by,complainant.name,complainant.phone,complainant.address,severity,subject,description,department,assignee,level,round,source_ref,resolution.result,resolution.valid,resolution.cause,resolution.responsible,resolution.at,history\r\n" >expect &&
	test_cmp expect actual
'

cat >roundtrip.py <<\EOF
# roundtrip.py CSV JSONL: every csv cell is the jsonl value, a list as
# its JSON, and a cell a spreadsheet would run gets a leading ' .
import csv, json, sys

def leaves(d, path=""):
    for k, v in d.items():
        name = path + k
        if isinstance(v, dict):
            yield from leaves(v, name + ".")
        else:
            yield name, v

def text(v):
    if v is None:
        return ""
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return str(v)

rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
recs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
head = rows[0]
assert len(rows) == len(recs) + 1, (len(rows), len(recs))
guarded = 0
for row, rec in zip(rows[1:], recs):
    assert len(row) == len(head)
    want = dict(leaves(rec))
    for name, cell in zip(head, row):
        w = text(want.get(name))
        if w.lstrip("\ufeff")[:1] in ("=", "+", "-", "@", "\t", "\r"):
            w = "'" + w
            guarded += 1
        if name in ("history",):
            assert json.loads(cell) == want[name]
        else:
            assert cell == w, (name, cell, w)
    assert set(want) <= set(head), set(want) - set(head)
print(guarded)
EOF

test_expect_success PYTHON3 'csv: python reads back every cell; formulas get a leading quote' '
	plaint -C x export -f csv >out.csv &&
	plaint -C x export >out.jsonl &&
	python3 roundtrip.py out.csv out.jsonl >actual &&
	echo 7 >expect && test_cmp expect actual
'

test_expect_success PYTHON3 'csv: = + - @ TAB CR and = after a BOM, cell by cell' '
	plaint -C x export -f csv >out.csv &&
	python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
h = rows[0]
c = lambda r, k: rows[r][h.index(k)]
assert c(1, \"subject\") == \"\x27=1+2\"
assert c(1, \"received_by\") == \"\x27@王芳\"
assert c(1, \"department\") == \"\x27-营业厅\"
assert c(1, \"description\").endswith(\"第二行 \\\"引号\\\"\")
assert c(2, \"subject\") == \"\x27+cmd\"
assert c(3, \"subject\") == \"\x27\tTAB\"
assert c(3, \"received_by\") == \"\x27\rCR\"
assert c(3, \"source_ref\") == \"\x27\ufeff=BOM\"
assert c(2, \"resolution.valid\") == \"true\"
assert c(2, \"level\") == \"0\"
" out.csv
'

test_expect_success 'csv: RFC 4180 quoting of commas, quotes and newlines, CRLF rows' '
	plaint -C x export -f csv id=2611-0001 >out &&
	grep -c "\"客户张三, 电话 13800000000, 住某县某镇某村\$" out &&
	grep "第二行 \"\"引号\"\"\"" out &&
	test "$(head -n 1 out | od -c | grep -c "\\\\r  \\\\n")" = 1 &&
	test "$(tr -cd "\\r" <out | wc -c)" = 2 &&
	tail -c 2 out | od -c >actual && grep "\\\\r  \\\\n" actual
'

test_expect_success 'csv -B: the BOM first, for Excel' '
	plaint -C x export -f csv -B >out &&
	head -c 5 out >actual &&
	printf "\357\273\277id" >expect && test_cmp expect actual
'

test_expect_success 'filters select what is exported' '
	plaint -C x export status=resolved >out &&
	test $(wc -l <out) = 1 && grep "\"id\":\"2611-0002\"" out &&
	plaint -C x export -f csv status=closed >out &&
	test $(wc -l <out) = 1
'

test_expect_success PYTHON3 '-r masks name, phone and address, everywhere' '
	plaint -C x export -r >out &&
	python3 -c "
import json, sys
r = [json.loads(l) for l in open(sys.argv[1], encoding=\"utf-8\")]
assert r[0][\"complainant\"] == {\"name\": \"张*\", \"phone\": \"138****0000\", \"address\": \"某县\"}, r[0]
assert r[1][\"complainant\"] == {\"name\": \"欧***\", \"phone\": \"139****5678\", \"address\": \"北京市海淀区\"}, r[1]
assert r[1][\"history\"][1][\"note\"] == \"回电 139****5678 欧***\"
assert r[0][\"subject\"] == \"=1+2\" and r[1][\"resolution\"][\"responsible\"] == \"赵六\"
" out
'

test_expect_success '-r: no personal data is left, in jsonl or csv' '
	plaint -C x export -r >out &&
	plaint -C x export -r -f csv >>out &&
	for s in 张三 13800000000 某县某镇某村 某镇 欧阳娜娜 13912345678 中关村; do
		if grep -q "$s" out; then echo "found $s"; return 1; fi
	done &&
	grep -q "138\\*\\*\\*\\*0000" out
'

test_expect_success 'without -r the data is whole (for re-import)' '
	plaint -C x export >out &&
	grep -q 13800000000 out && grep -q 某县某镇某村 out
'

test_expect_success '-o FILE is created 0600 whatever the umask, replacing a file' '
	umask 022 &&
	plaint -C x export -o all.jsonl &&
	test "$(stat -c %a all.jsonl)" = 600 &&
	plaint -C x export >expect && test_cmp expect all.jsonl &&
	echo old >old.csv && chmod 644 old.csv &&
	plaint -C x export -f csv -o old.csv &&
	test "$(stat -c %a old.csv)" = 600 &&
	plaint -C x export -B -f csv >expect && test_cmp expect old.csv &&
	test -z "$(ls -a | grep "\\.tmp-")"
'

test_expect_success '-o into a folder that does not exist' '
	test_expect_code 73 plaint -C x export -o nowhere/x.jsonl 2>err &&
	grep "^plaint: export: " err &&
	test ! -e nowhere
'

test_expect_success 'an unknown format' '
	test_expect_code 64 plaint -C x export -f yaml >out 2>err &&
	test ! -s out &&
	echo "plaint: export: -f: unknown format \"yaml\" (jsonl or csv)" >expect &&
	test_cmp expect err
'

test_expect_success '-B is for csv only' '
	test_expect_code 64 plaint -C x export -B >out 2>err &&
	test ! -s out &&
	echo "plaint: export: -B: only with -f csv" >expect &&
	test_cmp expect err
'

test_expect_success 'an empty tree exports nothing (csv: the id column)' '
	make_tree empty &&
	plaint -C empty export >out && test ! -s out &&
	plaint -C empty export -f csv >out &&
	printf "id\r\n" >expect && test_cmp expect out
'

test_expect_success 'a malformed file is skipped with a warning, once' '
	printf "id: [\n" >x/2026/11/2611-0003.yaml &&
	test_expect_code 65 plaint -C x export -f csv >out 2>err &&
	test $(wc -l <out) -ge 3 && test $(grep -c "warning" err) = 1 &&
	grep "warning: 2026/11/2611-0003.yaml:" err &&
	grep "^2611-0001," out && grep "^2611-0002," out &&
	! grep "^2611-0003," out
'

test_expect_success PYTHON3 'export then import: the same records (import adds its event)' '
	plaint -C x export >a.jsonl &&
	make_tree copy &&
	plaint -q -C copy import a.jsonl &&
	plaint -C copy export >b.jsonl &&
	python3 -c "
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding=\"utf-8\")]
b = [json.loads(l) for l in open(sys.argv[2], encoding=\"utf-8\")]
for r in b:
    r[\"history\"] = [e for e in r[\"history\"] if e[\"action\"] != \"import\"]
assert a == b
assert [list(r) for r in a] == [list(r) for r in b]
" a.jsonl b.jsonl &&
	plaint -C copy export -f csv >b.csv &&
	plaint -C x export -f csv >a.csv &&
	test "$(head -n 1 a.csv)" = "$(head -n 1 b.csv)"
'

test_done
