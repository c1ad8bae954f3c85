#!/bin/sh
# plaint log: record a complaint from operands or from one document on stdin.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00

# The files of a tree but its policy, sorted: what was written.
files() { (cd "$1" && find . -path ./.plaint -prune -o -type f -print | grep -v '^./plaint.yaml$' | sort); }

# The channels the default policy allows, as a refusal names them.
ALLOWED_CHANNELS="phone, hotline, visit, letter, email, web, opinion-box, media, regulator"

test_setup 'a fresh tree with the default policy' '
	make_tree tree &&
	files tree >actual &&
	test ! -s actual &&
	rm actual
'

test_expect_success 'log with operands writes the file and prints the id' '
	plaint -C tree -N $NOW -u 王芳 log channel=phone category=service-attitude \
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
	test_cmp expect tree/2026/11/2611-0001.yaml
'

test_expect_success 'received defaults to -N, received_by to -u, kind and severity to the policy' '
	plaint -C tree -N 2026-11-03T08:15:00+08:00 -u 李四 log subject=s >out &&
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
	test_cmp expect tree/2026/11/2611-0001.yaml
'

test_expect_success 'the actor comes from $PLAINT_USER and the clock from $PLAINT_NOW' '
	PLAINT_USER=赵六 PLAINT_NOW=2026-11-05T12:00:00+08:00 plaint -C tree log subject=s >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	grep "^received: \"2026-11-05T12:00:00+08:00\"$" tree/2026/11/2611-0001.yaml &&
	grep "^received_by: \"赵六\"$" tree/2026/11/2611-0001.yaml
'

test_expect_success 'an assignee makes it start assigned; kind, severity, source_ref, due kept' '
	plaint -C tree -N $NOW log kind=suggestion severity=major subject=s \
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
	test_cmp expect tree/2026/11/2611-0001.yaml
'

test_expect_success 'serials count up within a month and start again the next' '
	for n in 1 2 3; do
		plaint -C tree -N 2026-11-2${n}T09:00:00+08:00 log subject=s$n || return 1
	done >out &&
	plaint -C tree -N 2026-12-01T09:00:00+08:00 log subject=d >>out &&
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
	files tree >actual && test_cmp expect actual
'

test_expect_success 'the id month is that of the received time in +08:00' '
	plaint -C tree -N 2026-11-30T23:59:59+08:00 log subject=a >out &&
	plaint -C tree -N 2026-12-01T00:00:00+08:00 log subject=b >>out &&
	plaint -C tree -N 2026-11-30T15:59:59Z log subject=c >>out &&
	plaint -C tree -N 2026-11-30T16:00:00Z log subject=d >>out &&
	cat >expect <<-\EOT &&
	2611-0001
	2612-0001
	2611-0002
	2612-0002
	EOT
	test_cmp expect out &&
	grep "^received: \"2026-12-01T00:00:00+08:00\"$" tree/2026/12/2612-0002.yaml
'

test_expect_success 'received=... files the complaint under its own month' '
	plaint -C tree -N $NOW log received=2026-10-05T09:00 subject=s >out &&
	echo 2610-0001 >expect && test_cmp expect out &&
	echo ./2026/10/2610-0001.yaml >expect &&
	files tree >actual && test_cmp expect actual &&
	grep "^received: \"2026-10-05T09:00:00+08:00\"$" tree/2026/10/2610-0001.yaml &&
	grep -A1 "^- n: 1" tree/2026/10/2610-0001.yaml >actual &&
	grep "^  at: \"2026-11-27T10:00:00+08:00\"$" actual
'

test_expect_success 'the serial widens past 9999' '
	plaint -C tree -N $NOW log subject=s >/dev/null &&
	sed "s/2611-0001/2611-9999/" tree/2026/11/2611-0001.yaml >tree/2026/11/2611-9999.yaml &&
	plaint -C tree -N $NOW log subject=wide >out &&
	echo 2611-10000 >expect && test_cmp expect out &&
	test -f tree/2026/11/2611-10000.yaml &&
	grep "^id: \"2611-10000\"$" tree/2026/11/2611-10000.yaml &&
	plaint -C tree show 2611-10000 >actual &&
	test_cmp tree/2026/11/2611-10000.yaml actual
'

test_expect_success 'a site prefix from numbering.prefix' '
	sed "s/^  prefix: \"\"/  prefix: \"BJ\"/" tree/plaint.yaml >p && mv p tree/plaint.yaml &&
	grep "^  prefix: \"BJ\"$" tree/plaint.yaml &&
	plaint -C tree -N $NOW log subject=s >out &&
	plaint -C tree -N $NOW log subject=s >>out &&
	printf "BJ-2611-0001\nBJ-2611-0002\n" >expect && test_cmp expect out &&
	printf "./2026/11/BJ-2611-0001.yaml\n./2026/11/BJ-2611-0002.yaml\n" >expect &&
	files tree >actual && test_cmp expect actual &&
	grep "^id: \"BJ-2611-0001\"$" tree/2026/11/BJ-2611-0001.yaml &&
	plaint -C tree show BJ-2611-0002 >actual &&
	test_cmp tree/2026/11/BJ-2611-0002.yaml actual
'

test_setup 'one complaint as a YAML and a JSON document, and the file it makes' '
	cat >in.yaml <<-\EOT &&
	received: "2026-11-28T16:00:00+08:00"
	channel: phone
	category: service-attitude
	subject: "停电未提前通知"
	complainant:
	  name: "李红"
	  phone: "13900000000"
	EOT
	echo "{\"received\": \"2026-11-28T16:00:00+08:00\", \"channel\": \"phone\", \"category\": \"service-attitude\", \"subject\": \"停电未提前通知\", \"complainant\": {\"name\": \"李红\", \"phone\": \"13900000000\"}}" >in.json &&
	cat >expect-doc.yaml <<-\EOT
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
'

test_expect_success 'log - reads one YAML mapping with a nested complainant' '
	plaint -C tree -N $NOW log - <in.yaml >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	test_cmp expect-doc.yaml tree/2026/11/2611-0001.yaml
'

test_expect_success 'log - reads JSON too, to the same file' '
	plaint -C tree -N $NOW log - <in.json >out &&
	echo 2611-0001 >expect && test_cmp expect out &&
	test_cmp expect-doc.yaml tree/2026/11/2611-0001.yaml
'

test_expect_success 'a value outside the policy list is refused, naming field and values (65)' '
	test_expect_code 65 plaint -C tree log channel=fax subject=s >out 2>err &&
	echo "plaint: log: channel: \"fax\" is not allowed; the policy allows: $ALLOWED_CHANNELS" >expect &&
	test_cmp expect err && test ! -s out &&
	files tree >actual && test ! -s actual && test ! -e tree/2026
'

test_expect_success 'the same check for kind, category and severity (65)' '
	for f in kind=gripe category=weather severity=huge; do
		test_expect_code 65 plaint -C tree log $f subject=s >out 2>err &&
		test ! -s out &&
		grep "^plaint: log: ${f%%=*}: \"${f#*=}\" is not allowed; the policy allows: " err ||
		return 1
	done &&
	files tree >actual && test ! -s actual && test ! -e tree/2026
'

test_expect_success 'a value outside the list on stdin is refused with its place (65)' '
	echo "{\"subject\": \"x\", \"channel\": \"fax\"}" |
	test_expect_code 65 plaint -C tree log - 2>err &&
	echo "plaint: log: <stdin>:1:29: channel: \"fax\" is not allowed; the policy allows: $ALLOWED_CHANNELS" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'an unknown field name is a usage error (64)' '
	test_expect_code 64 plaint -C tree log colour=red subject=s 2>err &&
	echo "plaint: log: colour: unknown field" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'an unknown field name on stdin is a usage error (64)' '
	printf "subject: x\ncolour: red\n" | test_expect_code 64 plaint -C tree log - 2>err &&
	echo "plaint: log: <stdin>:2:9: colour: unknown field" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'fields plaint keeps itself are refused (64)' '
	for f in id=2611-0009 status=closed level=1 round=2 history=x resolution=x satisfaction=x penalties=x; do
		test_expect_code 64 plaint -C tree log subject=s $f 2>err &&
		echo "plaint: log: ${f%%=*}: is kept by plaint and cannot be set here" >expect &&
		test_cmp expect err || return 1
	done &&
	test ! -e tree/2026
'

test_expect_success 'complainant and due are given by their parts (64)' '
	test_expect_code 64 plaint -C tree log subject=s complainant=张三 2>err &&
	echo "plaint: log: complainant: give its parts: complainant.name, complainant.phone, complainant.address" >expect &&
	test_cmp expect err &&
	test_expect_code 64 plaint -C tree log subject=s due=2026-12-02T23:59:59+08:00 2>err &&
	echo "plaint: log: due: give its parts: due.resolution and the like" >expect &&
	test_cmp expect err &&
	test ! -e tree/2026
'

test_expect_success 'a YAML document with a UTF-8 BOM is read (Windows editors)' '
	printf "\357\273\277subject: 有BOM\n" | plaint -C tree log - >id &&
	echo 2611-0001 >expect && test_cmp expect id &&
	grep "^subject: \"有BOM\"" tree/2026/11/2611-0001.yaml
'

test_expect_success 'an empty actor is refused (64)' '
	test_expect_code 64 plaint -C tree -u "" log subject=s 2>err &&
	printf "plaint: log: -u: the actor\047s name is empty\n" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'a required field missing is bad data (65)' '
	test_expect_code 65 plaint -C tree log channel=phone 2>err &&
	echo "plaint: log: subject: is required by the policy" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'invalid UTF-8 in a field value (65)' '
	test_expect_code 65 plaint -C tree log "subject=$(printf "a\377b")" 2>err &&
	echo "plaint: log: subject: value is not valid UTF-8" >expect &&
	test_cmp expect err && test ! -e tree/2026
'

test_expect_success 'invalid UTF-8 on stdin (65)' '
	printf "subject: \"a\377\"\n" | test_expect_code 65 plaint -C tree log - 2>err &&
	test ! -e tree/2026 &&
	grep "^plaint: log: <stdin>: .*UTF-8" err
'

test_expect_success 'a time that is not a time (65)' '
	test_expect_code 65 plaint -C tree log received=garbage subject=s 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: received: \"garbage\" is not a time (use 2026-11-27T10:00:00+08:00)" >expect &&
	test_cmp expect err
'

test_expect_success 'a field given twice (64)' '
	test_expect_code 64 plaint -C tree log subject=a subject=b 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: field \"subject\" given twice" >expect &&
	test_cmp expect err
'

test_expect_success 'an operand that is not field=value (64)' '
	test_expect_code 64 plaint -C tree log subject=a stray 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: expected field=value, not \"stray\"" >expect &&
	test_cmp expect err
'

test_expect_success 'fields both on the command line and on stdin (64)' '
	echo "subject: x" | test_expect_code 64 plaint -C tree log - channel=phone 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: give fields on the command line or on stdin, not both" >expect &&
	test_cmp expect err
'

test_expect_success 'stdin that is not a mapping (65)' '
	echo "[1, 2]" | test_expect_code 65 plaint -C tree log - 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: <stdin>:1:1: expected one mapping of field: value" >expect &&
	test_cmp expect err
'

test_expect_success 'stdin that is not YAML (65)' '
	echo "{a: [" | test_expect_code 65 plaint -C tree log - 2>err &&
	test ! -e tree/2026 &&
	grep "^plaint: log: <stdin>:2:1: " err
'

test_expect_success 'empty stdin (65)' '
	test_expect_code 65 plaint -C tree log - </dev/null 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: <stdin>:1:1: empty document" >expect &&
	test_cmp expect err
'

test_expect_success 'stdin with an alias is refused, not expanded (65)' '
	printf "subject: &s x\ndescription: *s\n" | test_expect_code 65 plaint -C tree log - 2>err &&
	test ! -e tree/2026 &&
	echo "plaint: log: <stdin>:1:10: YAML anchors are not allowed" >expect &&
	test_cmp expect err
'

test_expect_success 'an empty value and control characters are bad data (65)' '
	test_expect_code 65 plaint -C tree log subject= 2>err &&
	echo "plaint: log: subject: is empty" >expect && test_cmp expect err &&
	test_expect_code 65 plaint -C tree log "subject=$(printf "a\001b")" 2>err &&
	echo "plaint: log: subject: control characters are not allowed" >expect &&
	test_cmp expect err &&
	test_expect_code 65 plaint -C tree log "subject=$(printf "a\nb")" 2>err &&
	test_cmp expect err &&
	test ! -e tree/2026
'

test_expect_success PYTHON3 'a newline is allowed in the description' '
	plaint -C tree -N $NOW log subject=s "description=$(printf "line 1\nline 2")" >/dev/null &&
	plaint -C tree show -f json 2611-0001 >out &&
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
