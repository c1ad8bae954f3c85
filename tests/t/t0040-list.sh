#!/bin/sh
# plaint list (and check): one line per complaint, filters, bad files.
. "$PLAINT_TOP/tests/test-lib.sh"

# A single quote, for expected messages inside a test script.
SQ=\'

test_setup 'tree "base": four complaints over three months at different stages' '
	make_tree base &&
	plaint -C base -N 2026-11-27T10:00:00+08:00 log channel=phone category=service-attitude \
		subject=抄表员态度恶劣 complainant.name=张三 >ids &&
	plaint -C base -N 2026-11-28T09:15:00+08:00 log channel=visit category=price \
		subject=收费不明 assignee=李四 complainant.name=李红 >>ids &&
	plaint -C base -N 2026-12-01T08:00:00+08:00 log kind=inquiry subject=咨询电价 >>ids &&
	plaint -C base -N 2026-10-05T09:00:00+08:00 log subject="old one" assignee=Bob >>ids &&
	plaint -C base -N 2026-11-29T10:00:00+08:00 resolve 2611-0002 -m 已退费 &&
	plaint -C base -N 2026-11-29T11:00:00+08:00 close 2611-0002 satisfaction=satisfied &&
	printf "2611-0001\n2611-0002\n2612-0001\n2610-0001\n" >expect &&
	test_cmp expect ids &&
	grep "^status: closed$" base/2026/11/2611-0002.yaml &&
	rm ids expect
'

test_expect_success 'list: one line per complaint, sorted, aligned by display width' '
	plaint -C base list >out 2>err &&
	test ! -s err &&
	cat >expect <<-\EOT &&
	ID         STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2610-0001  已分派  投诉  2026-10-05 09:00  Bob       old one
	2611-0001  新建    投诉  2026-11-27 10:00  -         抄表员态度恶劣
	2611-0002  已关闭  投诉  2026-11-28 09:15  李四      收费不明
	2612-0001  新建    咨询  2026-12-01 08:00  -         咨询电价
	EOT
	test_cmp expect out
'

test_expect_success 'status=open is new, assigned or escalated' '
	plaint -C base list status=open >out &&
	cat >expect <<-\EOT &&
	ID         STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2610-0001  已分派  投诉  2026-10-05 09:00  Bob       old one
	2611-0001  新建    投诉  2026-11-27 10:00  -         抄表员态度恶劣
	2612-0001  新建    咨询  2026-12-01 08:00  -         咨询电价
	EOT
	test_cmp expect out
'

test_expect_success 'field=value and field!=value, several filters all apply' '
	plaint -C base list kind=complaint "status!=closed" assignee=Bob >out &&
	cat >expect <<-\EOT &&
	ID         STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2610-0001  已分派  投诉  2026-10-05 09:00  Bob       old one
	EOT
	test_cmp expect out
'

test_expect_success 'dotted fields filter nested values' '
	plaint -C base list complainant.name=张三 >out &&
	cat >expect <<-\EOT &&
	ID         STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2611-0001  新建    投诉  2026-11-27 10:00  -         抄表员态度恶劣
	EOT
	test_cmp expect out
'

test_expect_success PYTHON3 'filters and -f may come in any order' '
	plaint -C base list status=closed -f json >out &&
	python3 -c "import json,sys; print(\" \".join(r[\"id\"] for r in json.load(open(sys.argv[1]))))" out >actual &&
	echo 2611-0002 >expect && test_cmp expect actual
'

test_expect_success 'nothing matches: no output, exit 0' '
	plaint -C base list assignee=nobody >out &&
	test ! -s out
'

test_expect_success PYTHON3 'list -f json: an array of complete records' '
	plaint -C base list -f json >out &&
	python3 -c "
import json, sys
a = json.load(open(sys.argv[1]))
print(len(a), [r[\"id\"] for r in a])
" out >actual &&
	echo "4 [$(printf "\\047")2610-0001$(printf "\\047"), $(printf "\\047")2611-0001$(printf "\\047"), $(printf "\\047")2611-0002$(printf "\\047"), $(printf "\\047")2612-0001$(printf "\\047")]" >expect &&
	test_cmp expect actual &&
	plaint -C base show -f json 2611-0002 >one &&
	python3 -c "
import json, sys
a = json.load(open(sys.argv[1]))
one = json.load(open(sys.argv[2]))
one.pop(\"actions\")
sys.exit(0 if a[2] == one and list(a[2]) == list(one) else 1)
" out one
'

test_expect_success 'list -f json of nothing is []' '
	make_tree empty &&
	plaint -C empty list -f json >out &&
	echo "[]" >expect && test_cmp expect out &&
	plaint -C empty list >out && test ! -s out
'

test_expect_success 'an unknown filter field is a usage error (64)' '
	test_expect_code 64 plaint -C base list colour=red >out 2>err &&
	test ! -s out &&
	echo "plaint: list: colour: unknown field in filter" >expect &&
	test_cmp expect err
'

test_expect_success 'an operand that is not a filter (64)' '
	test_expect_code 64 plaint -C base list garbage >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: not a filter: \"garbage\"" err
'

test_expect_success 'an unknown format (64)' '
	test_expect_code 64 plaint -C base list -f yaml >out 2>err &&
	test ! -s out &&
	echo "plaint: list: -f: unknown format \"yaml\" (text, json, jsonl, csv or ids)" >expect &&
	test_cmp expect err
'

test_setup 'tree "bad": two good complaints and a malformed one between them' '
	make_tree bad &&
	plaint -C bad -N 2026-11-27T10:00:00+08:00 log subject=good1 >/dev/null &&
	plaint -C bad -N 2026-11-27T10:00:00+08:00 log subject=bad >/dev/null &&
	plaint -C bad -N 2026-11-27T10:00:00+08:00 log subject=good3 >/dev/null &&
	printf "id: \"2611-0002\"\nkind: complaint\nstatus: [new\nsubject: x\n" >bad/2026/11/2611-0002.yaml &&
	test -f bad/2026/11/2611-0001.yaml && test -f bad/2026/11/2611-0003.yaml
'

test_expect_success 'list warns about a malformed file with file:line:col, lists the rest (65)' '
	test_expect_code 65 plaint -C bad list >out 2>err &&
	cat >expect <<-\EOT &&
	ID         STATUS  KIND  RECEIVED          ASSIGNEE  SUBJECT
	2611-0001  新建    投诉  2026-11-27 10:00  -         good1
	2611-0003  新建    投诉  2026-11-27 10:00  -         good3
	EOT
	test_cmp expect out &&
	echo "plaint: list: warning: 2026/11/2611-0002.yaml:4:8: did not find expected $(printf "\\047"),$(printf "\\047") or $(printf "\\047")]$(printf "\\047") while parsing a flow sequence" >expect &&
	test_cmp expect err
'

test_expect_success PYTHON3 'list -f json with a malformed file is still valid JSON (65)' '
	test_expect_code 65 plaint -C bad list -f json >out 2>/dev/null &&
	python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" out >actual &&
	echo 2 >expect && test_cmp expect actual
'

test_expect_success 'list -q: no warning, still 65' '
	test_expect_code 65 plaint -q -C bad list >out 2>err &&
	test ! -s err && test $(wc -l <out) = 3
'

test_expect_success 'check warns with file:line:col and exits 65' '
	test_expect_code 65 plaint -C bad check >out 2>err &&
	test ! -s out &&
	grep "^plaint: check: warning: 2026/11/2611-0002.yaml:4:8: " err &&
	grep "^plaint: check: 3 file(s), 1 with problems$" err
'

test_expect_success 'check of a good tree exits 0 and prints nothing on stdout' '
	plaint -C base check >out 2>err &&
	test ! -s out &&
	echo "plaint: check: 4 file(s), 0 with problems" >expect &&
	test_cmp expect err
'

test_expect_success 'check finds a value the policy does not allow (65)' '
	make_tree pol &&
	plaint -C pol -N 2026-11-27T10:00:00+08:00 log subject=s channel=phone >/dev/null &&
	sed "s/^channel: phone/channel: fax/" pol/2026/11/2611-0001.yaml >x &&
	grep "^channel: fax$" x &&
	cat x >pol/2026/11/2611-0001.yaml &&
	test_expect_code 65 plaint -C pol check 2>err &&
	grep "^plaint: check: warning: 2026/11/2611-0001.yaml:[0-9]*:[0-9]*: channel: " err
'

test_expect_success 'check finds an id that does not match the file name (65)' '
	make_tree idm &&
	plaint -C idm -N 2026-11-27T10:00:00+08:00 log subject=s >/dev/null &&
	sed "s/^id: .*/id: \"2611-0007\"/" idm/2026/11/2611-0001.yaml >x &&
	grep "^id: \"2611-0007\"$" x &&
	cat x >idm/2026/11/2611-0001.yaml &&
	test_expect_code 65 plaint -C idm check 2>err &&
	grep "^plaint: check: warning: 2026/11/2611-0001.yaml:1:[0-9]*: id: " err
'

test_expect_success 'check reports leftovers of interrupted writes; -x removes the dead ones' '
	cat >expect-leftover <<-EOT &&
	plaint: check: 1 leftover temporary file(s) of interrupted writes; ${SQ}plaint check -x${SQ} removes them
	plaint: check: 1 file(s), 0 with problems
	EOT
	make_tree sw &&
	plaint -C sw -N 2026-11-27T10:00:00+08:00 log subject=s >/dev/null &&
	cp sw/2026/11/2611-0001.yaml before &&
	dead=$(sh -c "echo \$\$") &&
	echo junk >sw/2026/11/.tmp-$dead-1 &&
	echo junk >sw/2026/11/.tmp-$$-2 &&
	plaint -C sw check 2>err &&
	test -e sw/2026/11/.tmp-$dead-1 &&
	test_cmp expect-leftover err &&
	plaint -C sw check -x 2>err &&
	test ! -e sw/2026/11/.tmp-$dead-1 &&
	test -e sw/2026/11/.tmp-$$-2 &&
	grep "^plaint: check: removed 1 leftover temporary file(s)$" err &&
	test_cmp before sw/2026/11/2611-0001.yaml
'

test_expect_success 'check takes no operands (64)' '
	test_expect_code 64 plaint -C base check extra >out 2>err &&
	test ! -s out &&
	echo "usage: plaint check [-x]" >expect &&
	test_cmp expect err
'

test_done
