#!/bin/sh
# plaint import: JSON Lines, CSV and YAML streams; validation first and
# all-or-nothing unless -k; -n; idempotent by source_ref; ids per
# received month; the same files as plaint log; full-state round trip.
. "${PLAINT_TOP:-.}/tests/test-lib.sh"

# files TREE: the complaint files of a tree, one path a line, sorted.
files() {
	(cd "$1" && find . -name '*.yaml' ! -name plaint.yaml | sort)
}

# refs TREE: the source_ref of every complaint, sorted.
refs() {
	cat "$1"/20*/*/*.yaml | sed -n 's/^source_ref: "*\([^"]*\)"*$/\1/p' |
		sort
}

# import_a TREE: a new TREE with a.jsonl imported (two complaints,
# 2611-0001 and 2611-0002), as the first test makes t1.
import_a() {
	make_tree "$1" &&
	plaint -C "$1" import a.jsonl 2>/dev/null
}

# compact_json: the JSON document on stdin on one line, as Python's
# json.dumps writes it (plaint prints one member or element a line).
compact_json() {
	sed -e "s/^ *//" -e "s/,\$/, /" | tr -d "\n" && echo
}

test_setup 'a.jsonl: two intake records and an empty line' '
	cat >a.jsonl <<-\EOF
	{"source_ref": "crm-1", "channel": "phone", "category": "service-attitude", "subject": "抄表员态度恶劣", "complainant": {"name": "张三", "phone": "13800000000"}}

	{"source_ref": "crm-2", "channel": "hotline", "subject": "停电", "received": "2026-11-20T08:00:00+08:00"}
	EOF
'

test_expect_success 'JSON Lines: one record a line, summary on stderr' '
	make_tree t1 &&
	plaint -C t1 import a.jsonl >out 2>err &&
	test ! -s out &&
	echo "plaint: import: imported 2, skipped 0 (already present), rejected 0" >expect &&
	test_cmp expect err &&
	files t1 >actual &&
	printf "%s\n" ./2026/11/2611-0001.yaml ./2026/11/2611-0002.yaml >expect &&
	test_cmp expect actual &&
	plaint -C t1 check
'

test_expect_success 'an intake record gives the file plaint log gives' '
	import_a t1 &&
	make_tree viaLog &&
	plaint -C viaLog log source_ref=crm-1 channel=phone \
		category=service-attitude subject=抄表员态度恶劣 \
		complainant.name=张三 complainant.phone=13800000000 >/dev/null &&
	test_cmp viaLog/2026/11/2611-0001.yaml t1/2026/11/2611-0001.yaml
'

test_expect_success 're-running the same import imports nothing, exit 0' '
	import_a t1 &&
	cp -R t1 before &&
	plaint -C t1 import a.jsonl 2>err &&
	grep "imported 0, skipped 2 (already present), rejected 0" err &&
	test $(files t1 | wc -l) = 2 &&
	diff -r before t1
'

test_expect_success 'a source_ref twice in one batch: the first is imported' '
	make_tree t2 &&
	cat >dup.jsonl <<-\EOF &&
	{"source_ref": "d-1", "subject": "first"}
	{"source_ref": "d-2", "subject": "other"}
	{"source_ref": "d-1", "subject": "second"}
	EOF
	plaint -C t2 import dup.jsonl 2>err &&
	grep "dup.jsonl:3: source_ref: given before, at dup.jsonl:1; skipped" err &&
	grep "imported 2, skipped 1 (already present), rejected 0" err &&
	grep -l "^subject: first$" t2/2026/11/*.yaml &&
	! grep -l "^subject: second$" t2/2026/11/*.yaml
'

test_expect_success 'records without source_ref are filed once: a ref from content' '
	make_tree t3 &&
	echo "{\"subject\": \"no ref\"}" >noref.jsonl &&
	plaint -C t3 import noref.jsonl 2>/dev/null &&
	plaint -C t3 import noref.jsonl 2>/dev/null &&
	test $(files t3 | wc -l) = 1
'

test_expect_success 'records of several months: ids counted per received month' '
	make_tree t4 &&
	cat >months.jsonl <<-\EOF &&
	{"source_ref": "m-1", "subject": "a", "received": "2026-09-30T23:59:59+08:00"}
	{"source_ref": "m-2", "subject": "b", "received": "2026-10-01T00:00:00+08:00"}
	{"source_ref": "m-3", "subject": "c", "received": "2026-09-01T08:00:00+08:00"}
	{"source_ref": "m-4", "subject": "d"}
	{"source_ref": "m-5", "subject": "e", "received": "2025-12-31T16:00:00Z"}
	EOF
	plaint -C t4 log subject=before received=2026-10-05T09:00:00+08:00 >/dev/null &&
	plaint -C t4 import months.jsonl 2>/dev/null &&
	files t4 >actual &&
	cat >expect <<-\EOF &&
	./2026/01/2601-0001.yaml
	./2026/09/2609-0001.yaml
	./2026/09/2609-0002.yaml
	./2026/10/2610-0001.yaml
	./2026/10/2610-0002.yaml
	./2026/11/2611-0001.yaml
	EOF
	test_cmp expect actual &&
	grep "^source_ref: m-1" t4/2026/09/2609-0001.yaml &&
	grep "^source_ref: m-3" t4/2026/09/2609-0002.yaml &&
	grep "^source_ref: m-2" t4/2026/10/2610-0002.yaml &&
	plaint -C t4 check
'

test_expect_success 'CSV: header of dotted names, BOM, CRLF, quoted newlines and quotes' '
	make_tree t5 &&
	printf "\357\273\277source_ref,channel,subject,complainant.name,description\r\n" >b.csv &&
	printf "c-1,phone,\"a, b\",张三,\"line one\r\nline \"\"two\"\"\"\r\n" >>b.csv &&
	printf "c-2,visit,plain,,\r\n" >>b.csv &&
	plaint -C t5 import b.csv 2>err &&
	grep "imported 2," err &&
	grep "^subject: \"a, b\"$" t5/2026/11/2611-0001.yaml &&
	grep "^description: \"line one\\\\nline \\\\\"two\\\\\"\"$" t5/2026/11/2611-0001.yaml &&
	grep "^  name: \"张三\"$" t5/2026/11/2611-0001.yaml &&
	! grep "complainant" t5/2026/11/2611-0002.yaml &&
	! grep "^description" t5/2026/11/2611-0002.yaml &&
	plaint -C t5 import b.csv 2>err &&
	grep "imported 0, skipped 2" err
'

test_setup 'c.yaml: a stream of three documents' '
	cat >c.yaml <<-\EOF
	# from the call centre
	---
	source_ref: y-1
	subject: 一
	---
	source_ref: y-2
	subject: 二
	description: |
	  two
	  lines
	...
	--- # the last
	source_ref: y-3
	subject: 三
	EOF
'

test_expect_success 'YAML: a stream of documents' '
	make_tree t6 &&
	plaint -C t6 import c.yaml 2>err &&
	grep "imported 3," err &&
	grep "^description: \"two\\\\nlines\\\\n\"$" t6/2026/11/2611-0002.yaml
'

test_expect_success 'the format comes from -f, or else from the name' '
	cp a.jsonl a.txt &&
	make_tree t7 &&
	test_expect_code 64 plaint -C t7 import a.txt 2>err &&
	grep "cannot tell the format" err &&
	test -z "$(files t7)" &&
	plaint -C t7 import -f jsonl a.txt 2>/dev/null &&
	plaint -C t7 import -f jsonl <a.jsonl 2>err &&
	grep "skipped 2" err
'

# A bad record in each format: nothing is written, the line is named.
bad_case() {
	make_tree "$1" &&
	test_expect_code 65 plaint -C "$1" import "$2" 2>err &&
	grep "^plaint: import: $3$" err &&
	grep "imported 0, .* rejected 1; nothing was imported" err &&
	test -z "$(files "$1")"
}

test_setup 'bad.jsonl: the second of three records is bad' '
	cat >bad.jsonl <<-\EOF
	{"source_ref": "b-1", "subject": "good"}
	{"source_ref": "b-2", "subject": "bad", "channel": "fax"}
	{"source_ref": "b-3", "subject": "good"}
	EOF
'

test_expect_success 'JSON Lines: a bad record, nothing written' '
	bad_case t8 bad.jsonl "bad.jsonl:2: channel: \"fax\" is not allowed; .*"
'

test_setup 'bad.csv: the second of three records, on lines 4-5, is bad' '
	printf "source_ref,subject,description\n" >bad.csv &&
	printf "b-1,good,\"two\nlines\"\n" >>bad.csv &&
	printf "b-2,,\"no\nsubject\"\n" >>bad.csv &&
	printf "b-3,good,x\n" >>bad.csv
'

test_expect_success 'CSV: a bad record, named by its first line' '
	bad_case t9 bad.csv "bad.csv:4: subject: is required by the policy"
'

test_setup 'bad.yaml: the second of two documents is bad' '
	cat >bad.yaml <<-\EOF
	---
	source_ref: b-1
	subject: good
	---
	source_ref: b-2
	subject: bad
	received: yesterday
	EOF
'

test_expect_success 'YAML: a bad record, named by the line of its field' '
	bad_case t10 bad.yaml "bad.yaml:7: received: \"yesterday\" is not a time .*"
'

test_expect_success 'every bad record is reported, syntax errors too' '
	cat >worse.jsonl <<-\EOF &&
	{"source_ref": "w-1", "subject": "x", "status": "closed"}
	{"source_ref": "w-2", "subject": "x"
	["not", "a", "mapping"]
	{"source_ref": "w-4", "subject": "good"}
	{"source_ref": "w-5", "subject": "x", "subject": "twice"}
	EOF
	make_tree t11 &&
	test_expect_code 65 plaint -C t11 import worse.jsonl 2>err &&
	grep "^plaint: import: worse.jsonl:1: status: is kept by plaint" err &&
	grep "^plaint: import: worse.jsonl:2: " err &&
	grep "^plaint: import: worse.jsonl:3: a record must be a mapping" err &&
	grep "^plaint: import: worse.jsonl:5: duplicate key" err &&
	grep "rejected 4" err &&
	test -z "$(files t11)"
'

test_expect_success '-k imports the good records, reports the bad, exits 65' '
	make_tree t12 &&
	test_expect_code 65 plaint -C t12 import -k bad.jsonl bad.csv bad.yaml 2>err &&
	grep "bad.jsonl:2: channel" err &&
	grep "bad.csv:4: subject" err &&
	grep "bad.yaml:7: received" err &&
	grep "bad.csv:2: source_ref: given before, at bad.jsonl:1; skipped" err &&
	grep "imported 2, skipped 3 (already present), rejected 3$" err &&
	test $(files t12 | wc -l) = 2 &&
	plaint -C t12 check
'

test_expect_success '-n checks and counts, writes nothing, takes no lock' '
	make_tree t13 &&
	plaint -C t13 import -n a.jsonl c.yaml 2>err &&
	grep "would import 5, skipped 0 (already present), rejected 0" err &&
	test -z "$(files t13)" &&
	test ! -e t13/.plaint/lock &&
	test_expect_code 65 plaint -C t13 import -n bad.jsonl 2>err &&
	grep "bad.jsonl:2: channel" err &&
	test -z "$(files t13)" &&
	test ! -e t13/.plaint/lock
'

test_expect_success 'kept fields need the full state; unknown CSV columns fail once' '
	make_tree t14 &&
	printf "source_ref,subject,status\nk-1,x,closed\n" >kept.csv &&
	test_expect_code 65 plaint -C t14 import kept.csv 2>err &&
	grep "kept.csv:1: status: " err &&
	printf "source_ref,subjct\nk-1,x\n" >typo.csv &&
	test_expect_code 65 plaint -C t14 import typo.csv 2>err &&
	grep "typo.csv:1: unknown column subjct; did you mean subject?" err &&
	test -z "$(files t14)"
'

# A source tree with complaints in several states, for the round trip.
test_setup 'a source tree in several states, and its full state in export.jsonl' '
	make_tree src &&
	plaint -C src log subject=one channel=phone source_ref=r-1 >/dev/null &&
	plaint -C src log subject=two channel=visit received=2026-10-02T09:00:00+08:00 >/dev/null &&
	plaint -C src log subject=three complainant.name=李红 >/dev/null &&
	plaint -C src assign 2611-0001 李四 >/dev/null &&
	plaint -C src resolve 2611-0001 -m "已处理" valid=yes cause=staff responsible=李四 >/dev/null &&
	plaint -C src close 2611-0001 satisfaction=satisfied >/dev/null &&
	plaint -C src note 2610-0001 -m "联系客户" >/dev/null &&
	for f in $(files src); do
		plaint -C src show -f json "$(basename "$f" .yaml)" >one.json &&
		compact_json <one.json || return 1
	done >export.jsonl &&
	rm one.json &&
	test $(wc -l <export.jsonl) = 3
'

test_expect_success PYTHON3 'full state: export, import into an empty tree, same content' '
	make_tree dst &&
	plaint -C dst -N 2026-12-01T09:00:00+08:00 -u 赵六 import export.jsonl 2>err &&
	grep "imported 3," err &&
	files src >expect && files dst >actual && test_cmp expect actual &&
	for f in $(files src); do
		python3 - src/$f dst/$f <<-\EOF || return 1
		import sys
		a, b = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
		# b is a with one more history event at the end of the file
		assert b.startswith(a), (a, b)
		tail = b[len(a):]
		assert tail.startswith("- n: ") and "  action: import\n" in tail, tail
		assert "  by: \"赵六\"\n" in tail and "  source: \"export.jsonl:" in tail, tail
		EOF
	done &&
	plaint -C dst check &&
	plaint -C dst import export.jsonl 2>err &&
	grep "imported 0, skipped 3 (already present)" err
'

test_expect_success 'full state into a tree that has its ids: new ids, old id kept as source_ref' '
	import_a t1 &&
	plaint -C t1 import export.jsonl 2>err &&
	grep "imported 3," err &&
	grep -l "^source_ref: r-1" t1/2026/11/*.yaml >r1 &&
	test $(wc -l <r1) = 1 &&
	f=$(grep -l "^subject: three" t1/2026/11/*.yaml) &&
	test "$f" = t1/2026/11/2611-0004.yaml &&
	grep "^source_ref: \"2611-0002\"" "$f" &&
	grep "^  was: \"2611-0002\"" "$f" &&
	test -f t1/2026/10/2610-0001.yaml &&
	plaint -C t1 check &&
	plaint -C t1 import export.jsonl 2>err &&
	grep "imported 0, skipped 3 (already present)" err
'

test_expect_success 'the same export into its own tree imports nothing' '
	cp -R src before &&
	plaint -C src import export.jsonl 2>err &&
	grep "imported 0, skipped 3 (already present)" err &&
	diff -r before src
'

test_expect_success 'plaint export -f jsonl | plaint import: the same files plus the event' '
	plaint -C src export -f jsonl >ex2.jsonl &&
	make_tree dst2 &&
	plaint -C dst2 import ex2.jsonl 2>/dev/null &&
	for f in $(files src); do
		test_expect_code 1 diff src/$f dst2/$f >d &&
		grep "^> *action: import$" d &&
		test "$(grep -c "^[<>]" d)" = "$(grep -c "^>" d)" || return 1
	done
'

test_expect_success 'builder threads or none: the same files, ids and order' '
	awk "BEGIN {
		for (i = 1; i <= 1500; i++) {
			m = 1 + i % 3
			if (i % 2)
				printf \"{\\\"source_ref\\\": \\\"t-%d\\\", \\\"subject\\\": \\\"第%d号\\\", \\\"channel\\\": \\\"phone\\\", \\\"received\\\": \\\"2026-0%d-1%dT08:00:00+08:00\\\"}\\n\", i, i, m + 6, i % 10
			else
				printf \"{\\\"subject\\\": \\\"no ref %d\\\", \\\"received\\\": \\\"2026-0%d-0%dT09:00:00+08:00\\\"}\\n\", i, m + 6, 1 + i % 9
		}
	}" >many.jsonl &&
	test $(wc -l <many.jsonl) = 1500 &&
	make_tree one &&
	make_tree many &&
	PLAINT_THREADS=1 plaint -C one import many.jsonl 2>err1 &&
	PLAINT_THREADS=3 plaint -C many import many.jsonl 2>err3 &&
	grep "imported 1500," err1 &&
	test_cmp err1 err3 &&
	files one >f1 && files many >f3 && test_cmp f1 f3 &&
	test $(wc -l <f1) = 1500 &&
	for f in $(cat f1); do cmp one/$f many/$f || return 1; done &&
	plaint -C many check
'

test_done
