#!/bin/sh
# plaint log: record a complaint from operands or from one document on stdin.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00

# The files of a tree but its policy, sorted: what was written.
files() { (cd "$1" && find . -path ./.plaint -prune -o -type f -print | grep -v '^./plaint.yaml$' | sort); }

test_expect_success 'log with operands writes the file and prints the id' '
	make_tree t1 &&
	plaint -C t1 -N $NOW -u 王芳 log channel=phone category=service-attitude \
		subject=抄表员态度恶劣 complainant.name=张三 \
		complainant.phone=13800000000 complainant.address=某县某镇某村 \
		description="多次上门未果" >out 2>err &&
	echo 2611-0001 >expect && test_cmp expect out &&
	test ! -s err &&
	cat >expect <<-\EOT &&
	id: "2611-0001"
	kind: complaint
	status: new
	received: "2026-11-27T10:00:00+08:00"
	channel: phone
	received_by: "王芳"
	complainant:
	  name: "张三"
	  phone: "13800000000"
	  address: "某县某镇某村"
	category: service-attitude
	severity: normal
	subject: "抄表员态度恶劣"
	description: "多次上门未果"
	level: 0
	round: 1
	history:
	- n: 1
	  at: "2026-11-27T10:00:00+08:00"
	  by: "王芳"
	  action: log
	EOT
	test_cmp expect t1/2026/11/2611-0001.yaml
'

test_expect_success 'received defaults to -N, received_by to -u, kind and severity to the policy' '
	make_tree t2 &&
	plaint -C t2 -N 2026-11-03T08:15:00+08:00 -u 李四 log subject=s >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	cat >expect <<-\EOT &&
	id: "2611-0001"
	kind: complaint
	status: new
	received: "2026-11-03T08:15:00+08:00"
	received_by: "李四"
	severity: normal
	subject: s
	level: 0
	round: 1
	history:
	- n: 1
	  at: "2026-11-03T08:15:00+08:00"
	  by: "李四"
	  action: log
	EOT
	test_cmp expect t2/2026/11/2611-0001.yaml
'

test_expect_success 'the actor comes from $PLAINT_USER and the clock from $PLAINT_NOW' '
	make_tree t3 &&
	PLAINT_USER=赵六 PLAINT_NOW=2026-11-05T12:00:00+08:00 plaint -C t3 log subject=s &&
	grep "^received: \"2026-11-05T12:00:00+08:00\"$" t3/2026/11/2611-0001.yaml &&
	grep "^received_by: \"赵六\"$" t3/2026/11/2611-0001.yaml
'

test_expect_success 'an assignee makes it start assigned; kind, severity, source_ref, due kept' '
	make_tree t4 &&
	plaint -C t4 -N $NOW log kind=suggestion severity=major subject=s \
		department=营业厅 assignee=李四 source_ref=crm-000123 \
		due.resolution=2026-12-02T23:59:59+08:00 >/dev/null &&
	cat >expect <<-\EOT &&
	id: "2611-0001"
	kind: suggestion
	status: assigned
	received: "2026-11-27T10:00:00+08:00"
	received_by: "王芳"
	severity: major
	subject: s
	department: "营业厅"
	assignee: "李四"
	level: 0
	round: 1
	due:
	  resolution: "2026-12-02T23:59:59+08:00"
	source_ref: crm-000123
	history:
	- n: 1
	  at: "2026-11-27T10:00:00+08:00"
	  by: "王芳"
	  action: log
	EOT
	test_cmp expect t4/2026/11/2611-0001.yaml
'

test_expect_success 'serials count up within a month and start again the next' '
	make_tree t5 &&
	for n in 1 2 3; do plaint -C t5 -N 2026-11-2${n}T09:00:00+08:00 log subject=s$n || exit 1; done >out &&
	plaint -C t5 -N 2026-12-01T09:00:00+08:00 log subject=d >>out &&
	cat >expect <<-\EOT &&
	2611-0001
	2611-0002
	2611-0003
	2612-0001
	EOT
	test_cmp expect out &&
	cat >expect <<-\EOT &&
	./2026/11/2611-0001.yaml
	./2026/11/2611-0002.yaml
	./2026/11/2611-0003.yaml
	./2026/12/2612-0001.yaml
	EOT
	files t5 >actual && test_cmp expect actual
'

test_expect_success 'the id month is that of the received time in +08:00' '
	make_tree t6 &&
	plaint -C t6 -N 2026-11-30T23:59:59+08:00 log subject=a >out &&
	plaint -C t6 -N 2026-12-01T00:00:00+08:00 log subject=b >>out &&
	plaint -C t6 -N 2026-11-30T15:59:59Z log subject=c >>out &&
	plaint -C t6 -N 2026-11-30T16:00:00Z log subject=d >>out &&
	cat >expect <<-\EOT &&
	2611-0001
	2612-0001
	2611-0002
	2612-0002
	EOT
	test_cmp expect out &&
	grep "^received: \"2026-12-01T00:00:00+08:00\"$" t6/2026/12/2612-0002.yaml
'

test_expect_success 'received=... files the complaint under its own month' '
	make_tree t7 &&
	plaint -C t7 -N $NOW log received=2026-10-05T09:00 subject=s >out &&
	echo 2610-0001 >expect && test_cmp expect out &&
	echo ./2026/10/2610-0001.yaml >expect &&
	files t7 >actual && test_cmp expect actual &&
	grep "^received: \"2026-10-05T09:00:00+08:00\"$" t7/2026/10/2610-0001.yaml &&
	grep -A1 "^- n: 1" t7/2026/10/2610-0001.yaml | grep "at: \"2026-11-27T10:00:00+08:00\""
'

test_expect_success 'the serial widens past 9999' '
	make_tree t8 &&
	plaint -C t8 -N $NOW log subject=s >/dev/null &&
	sed "s/2611-0001/2611-9999/" t8/2026/11/2611-0001.yaml >t8/2026/11/2611-9999.yaml &&
	plaint -C t8 -N $NOW log subject=wide >out &&
	echo 2611-10000 >expect && test_cmp expect out &&
	test -f t8/2026/11/2611-10000.yaml &&
	grep "^id: \"2611-10000\"$" t8/2026/11/2611-10000.yaml &&
	plaint -C t8 show 2611-10000 >actual &&
	test_cmp t8/2026/11/2611-10000.yaml actual
'

test_expect_success 'a site prefix from numbering.prefix' '
	make_tree t9 &&
	sed "s/^  prefix: \"\"/  prefix: \"BJ\"/" t9/plaint.yaml >p && mv p t9/plaint.yaml &&
	grep "^  prefix: \"BJ\"$" t9/plaint.yaml &&
	plaint -C t9 -N $NOW log subject=s >out &&
	plaint -C t9 -N $NOW log subject=s >>out &&
	printf "BJ-2611-0001\nBJ-2611-0002\n" >expect && test_cmp expect out &&
	printf "./2026/11/BJ-2611-0001.yaml\n./2026/11/BJ-2611-0002.yaml\n" >expect &&
	files t9 >actual && test_cmp expect actual &&
	grep "^id: \"BJ-2611-0001\"$" t9/2026/11/BJ-2611-0001.yaml &&
	plaint -C t9 show BJ-2611-0002 >actual &&
	test_cmp t9/2026/11/BJ-2611-0002.yaml actual
'

test_expect_success 'log - reads one YAML mapping with a nested complainant' '
	make_tree y1 &&
	cat >in.yaml <<-\EOT &&
	received: "2026-11-28T16:00:00+08:00"
	channel: phone
	category: service-attitude
	subject: "停电未提前通知"
	complainant:
	  name: "李红"
	  phone: "13900000000"
	EOT
	plaint -C y1 -N $NOW log - <in.yaml >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	cat >expect <<-\EOT &&
	id: "2611-0001"
	kind: complaint
	status: new
	received: "2026-11-28T16:00:00+08:00"
	channel: phone
	received_by: "王芳"
	complainant:
	  name: "李红"
	  phone: "13900000000"
	category: service-attitude
	severity: normal
	subject: "停电未提前通知"
	level: 0
	round: 1
	history:
	- n: 1
	  at: "2026-11-27T10:00:00+08:00"
	  by: "王芳"
	  action: log
	EOT
	test_cmp expect y1/2026/11/2611-0001.yaml
'

test_expect_success 'log - reads JSON too, to the same file' '
	make_tree y2 &&
	echo "{\"received\": \"2026-11-28T16:00:00+08:00\", \"channel\": \"phone\", \"category\": \"service-attitude\", \"subject\": \"停电未提前通知\", \"complainant\": {\"name\": \"李红\", \"phone\": \"13900000000\"}}" >in.json &&
	plaint -C y2 -N $NOW log - <in.json >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	test_cmp y1/2026/11/2611-0001.yaml y2/2026/11/2611-0001.yaml
'

test_expect_code 65 'a value outside the policy list is refused, naming field and values' '
	make_tree b1 &&
	plaint -C b1 log channel=fax subject=s >out 2>err;
	rc=$? &&
	echo "plaint: log: channel: \"fax\" is not allowed; the policy allows: phone, hotline, visit, letter, email, web, opinion-box, media, regulator" >expect &&
	test_cmp expect err && test ! -s out &&
	files b1 >actual && test ! -s actual && test ! -e b1/2026 &&
	exit $rc
'

test_expect_code 65 'the same check for kind, category and severity' '
	make_tree b2 &&
	for f in kind=gripe category=weather severity=huge; do
		plaint -C b2 log $f subject=s 2>err
		test $? = 65 || exit 1
		grep "^plaint: log: ${f%%=*}: \"${f#*=}\" is not allowed; the policy allows: " err || exit 1
	done &&
	files b2 >actual && test ! -s actual &&
	plaint -C b2 log severity=huge subject=s
'

test_expect_code 65 'a value outside the list on stdin is refused with its place' '
	make_tree b3 &&
	echo "{\"subject\": \"x\", \"channel\": \"fax\"}" | plaint -C b3 log - 2>err;
	rc=$? &&
	echo "plaint: log: <stdin>:1:29: channel: \"fax\" is not allowed; the policy allows: phone, hotline, visit, letter, email, web, opinion-box, media, regulator" >expect &&
	test_cmp expect err && test ! -e b3/2026 &&
	exit $rc
'

test_expect_code 64 'an unknown field name is a usage error' '
	make_tree b4 &&
	plaint -C b4 log colour=red subject=s 2>err;
	rc=$? &&
	echo "plaint: log: colour: unknown field" >expect &&
	test_cmp expect err && test ! -e b4/2026 &&
	exit $rc
'

test_expect_code 64 'an unknown field name on stdin is a usage error' '
	make_tree b5 &&
	printf "subject: x\ncolour: red\n" | plaint -C b5 log - 2>err;
	rc=$? &&
	echo "plaint: log: <stdin>:2:9: colour: unknown field" >expect &&
	test_cmp expect err && test ! -e b5/2026 &&
	exit $rc
'

test_expect_success 'fields plaint keeps itself are refused (64)' '
	make_tree b6 &&
	for f in id=2611-0009 status=closed level=1 round=2 history=x resolution=x satisfaction=x penalties=x; do
		plaint -C b6 log subject=s $f 2>err
		test $? = 64 || { echo "$f: not 64"; exit 1; }
		echo "plaint: log: ${f%%=*}: is kept by plaint and cannot be set here" >expect
		test_cmp expect err || exit 1
	done &&
	test ! -e b6/2026
'

test_expect_success 'complainant and due are given by their parts (64)' '
	make_tree b6c &&
	plaint -C b6c log subject=s complainant=张三 2>err
	test $? = 64 &&
	echo "plaint: log: complainant: give its parts: complainant.name, complainant.phone, complainant.address" >expect &&
	test_cmp expect err &&
	test ! -e b6c/2026
'

test_expect_success 'a YAML document with a UTF-8 BOM is read (Windows editors)' '
	make_tree bom &&
	printf "\357\273\277subject: 有BOM\n" | plaint -C bom log - >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	grep "^subject: \"有BOM\"" bom/2026/11/2611-0001.yaml
'

test_expect_success 'an empty actor is refused (64)' '
	make_tree ea &&
	plaint -C ea -u "" log subject=s 2>err
	test $? = 64 &&
	echo "plaint: log: -u: the actor${SQ}s name is empty" | sed "s/\${SQ}/\x27/" >expect &&
	grep "the actor.s name is empty" err
'

test_expect_code 65 'a required field missing is bad data' '
	make_tree b7 &&
	plaint -C b7 log channel=phone 2>err;
	rc=$? &&
	echo "plaint: log: subject: is required by the policy" >expect &&
	test_cmp expect err && test ! -e b7/2026 &&
	exit $rc
'

test_expect_code 65 'invalid UTF-8 in a field value' '
	make_tree b8 &&
	plaint -C b8 log "subject=$(printf "a\377b")" 2>err;
	rc=$? &&
	echo "plaint: log: subject: value is not valid UTF-8" >expect &&
	test_cmp expect err && test ! -e b8/2026 &&
	exit $rc
'

test_expect_code 65 'invalid UTF-8 on stdin' '
	make_tree b9 &&
	printf "subject: \"a\377\"\n" | plaint -C b9 log - 2>err;
	rc=$? && test ! -e b9/2026 &&
	grep "^plaint: log: <stdin>: .*UTF-8" err &&
	exit $rc
'

test_expect_code 65 'a time that is not a time' '
	make_tree b10 &&
	plaint -C b10 log received=garbage subject=s 2>err;
	rc=$? && test ! -e b10/2026 &&
	echo "plaint: log: received: \"garbage\" is not a time (use 2026-11-27T10:00:00+08:00)" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 64 'a field given twice' '
	make_tree b11 &&
	plaint -C b11 log subject=a subject=b 2>err;
	rc=$? && test ! -e b11/2026 &&
	echo "plaint: log: field \"subject\" given twice" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 64 'an operand that is not field=value' '
	make_tree b12 &&
	plaint -C b12 log subject=a stray 2>err;
	rc=$? && test ! -e b12/2026 &&
	echo "plaint: log: expected field=value, not \"stray\"" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 64 'fields both on the command line and on stdin' '
	make_tree b13 &&
	echo "subject: x" | plaint -C b13 log - channel=phone 2>err;
	rc=$? && test ! -e b13/2026 &&
	echo "plaint: log: give fields on the command line or on stdin, not both" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 65 'stdin that is not a mapping' '
	make_tree b14 &&
	echo "[1, 2]" | plaint -C b14 log - 2>err;
	rc=$? && test ! -e b14/2026 &&
	echo "plaint: log: <stdin>:1:1: expected one mapping of field: value" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 65 'stdin that is not YAML' '
	make_tree b15 &&
	echo "{a: [" | plaint -C b15 log - 2>err;
	rc=$? && test ! -e b15/2026 &&
	grep "^plaint: log: <stdin>:2:1: " err &&
	exit $rc
'

test_expect_code 65 'empty stdin' '
	make_tree b16 &&
	plaint -C b16 log - </dev/null 2>err;
	rc=$? && test ! -e b16/2026 &&
	exit $rc
'

test_expect_code 65 'stdin with an alias is refused, not expanded' '
	make_tree b17 &&
	printf "subject: &s x\ndescription: *s\n" | plaint -C b17 log - 2>err;
	rc=$? && test ! -e b17/2026 &&
	exit $rc
'

test_expect_success 'an empty value and control characters are bad data (65)' '
	make_tree b18 &&
	plaint -C b18 log subject= 2>err; test $? = 65 &&
	echo "plaint: log: subject: is empty" >expect && test_cmp expect err &&
	plaint -C b18 log "subject=$(printf "a\001b")" 2>err; test $? = 65 &&
	echo "plaint: log: subject: control characters are not allowed" >expect &&
	test_cmp expect err &&
	plaint -C b18 log "subject=$(printf "a\nb")" 2>/dev/null; test $? = 65 &&
	test ! -e b18/2026 &&
	plaint -C b18 -N $NOW log subject=s "description=$(printf "line 1\nline 2")" >/dev/null &&
	plaint -C b18 show -f json 2611-0001 >out &&
	python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[\"description\"])" out >actual &&
	printf "line 1\nline 2\n" >expect && test_cmp expect actual
'

test_expect_success 'new files are 0600 and folders 0700 under umask 000' '
	(umask 000 && make_tree m1 && plaint -C m1 -N $NOW log subject=s >/dev/null) &&
	echo 600 >expect &&
	stat -c %a m1/2026/11/2611-0001.yaml >actual && test_cmp expect actual &&
	echo 700 >expect &&
	stat -c %a m1/2026 >actual && test_cmp expect actual &&
	stat -c %a m1/2026/11 >actual && test_cmp expect actual &&
	(umask 000 && plaint -C m1 -N $NOW note 2611-0001 -m x) &&
	echo 600 >expect &&
	stat -c %a m1/2026/11/2611-0001.yaml >actual && test_cmp expect actual
'

test_expect_success 'log -h prints both forms' '
	plaint log -h >out &&
	printf "usage: plaint log [field=value ...]\n       plaint log -\n" >expect &&
	test_cmp expect out
'

test_done
