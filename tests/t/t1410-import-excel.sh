#!/bin/sh
# plaint import of files from Excel and CRMs: GB18030 with -e (and the
# hint without it), ; and TAB separators detected or named with -d,
# unknown columns with the field they likely mean, and references
# derived from content so that re-runs file nothing twice.
. "${PLAINT_TOP:-.}/tests/test-lib.sh"

# files TREE: how many complaint files the tree holds.
files() {
	find "$1" -name '*.yaml' ! -name plaint.yaml | wc -l
}

test_setup 'gb.csv: a CSV file as Excel saves it on a Chinese Windows' '
	printf "subject,complainant.name,received\r\n停电未通知,张三,2026-11-02T09:00:00+08:00\r\n" >utf8.csv &&
	iconv -f UTF-8 -t GB18030 utf8.csv >gb.csv &&
	! cmp -s utf8.csv gb.csv
'

test_expect_success '-e gb18030 reads it; the values are stored in UTF-8' '
	make_tree t1 &&
	plaint -C t1 import -e gb18030 gb.csv 2>err &&
	grep "imported 1," err &&
	grep "^subject: \"*停电未通知\"*\$" t1/2026/11/2611-0001.yaml &&
	grep "^  name: \"*张三\"*\$" t1/2026/11/2611-0001.yaml
'

test_expect_success 'without -e: 65, the hint, nothing filed' '
	make_tree t2 &&
	test_expect_code 65 plaint -C t2 import gb.csv 2>err &&
	grep "gb.csv:2: not valid UTF-8; this looks like GB18030; use -e gb18030" err &&
	test $(files t2) = 0
'

test_expect_success '-e utf-8 is the default' '
	make_tree t3 &&
	test_expect_code 65 plaint -C t3 import -e utf-8 gb.csv 2>err &&
	grep "use -e gb18030" err &&
	plaint -C t3 import -e UTF-8 utf8.csv 2>err &&
	grep "imported 1," err
'

test_expect_success 'bytes that do not convert: 65 naming file and line' '
	make_tree t4 &&
	printf "subject\nok\n\377\377\n" >bad.csv &&
	test_expect_code 65 plaint -C t4 import -e gb18030 bad.csv 2>err &&
	grep "bad.csv:3: bytes that are not gb18030" err &&
	test $(files t4) = 0
'

test_expect_success 'a file neither UTF-8 nor GB18030: no hint' '
	make_tree t4 &&
	printf "subject\nok\n\377\377\n" >bad.csv &&
	test_expect_code 65 plaint -C t4 import bad.csv 2>err &&
	! grep "GB18030" err
'

test_expect_success 'an encoding iconv does not know is a usage error' '
	make_tree t5 &&
	test_expect_code 64 plaint -C t5 import -e no-such-code gb.csv 2>err &&
	grep "\-e: unknown encoding" err
'

test_expect_success 'a semicolon-separated file is detected from its header' '
	make_tree t6 &&
	printf "subject;complainant.name\n\"a, b\";张三\n" >semi.csv &&
	plaint -C t6 import semi.csv 2>err &&
	grep "imported 1," err &&
	grep "^subject: \"*a, b\"*\$" t6/2026/11/2611-0001.yaml
'

test_expect_success 'a TAB-separated file is detected from its header' '
	make_tree t7 &&
	printf "subject\tcomplainant.name\na;b\t张三\n" >tab.csv &&
	plaint -C t7 import tab.csv 2>err &&
	grep "imported 1," err &&
	grep "^subject: \"*a;b\"*\$" t7/2026/11/2611-0001.yaml
'

test_expect_success 'separators inside quotes in the header do not count' '
	make_tree t8 &&
	printf "subject,\"x;y;z\"\n" >quoted.csv &&
	test_expect_code 65 plaint -C t8 import quoted.csv 2>err &&
	grep "unknown column x;y;z" err
'

test_expect_success 'a tie, or a header of one column: comma' '
	make_tree t8 &&
	printf "subject;channel,x\n" >tie.csv &&
	test_expect_code 65 plaint -C t8 import tie.csv 2>err &&
	grep "unknown column subject;channel\$" err &&
	printf "subject\na,b\n" >single.csv &&
	test_expect_code 65 plaint -C t8 import single.csv 2>err &&
	grep "single.csv:2: 2 fields where the header has 1" err
'

test_expect_success '-d names the separator; it wins over detection' '
	make_tree t9 &&
	printf "subject,channel\n" >one.csv &&
	printf "a,b\n" >>one.csv &&
	test_expect_code 65 plaint -C t9 import -d ";" one.csv 2>err &&
	grep "unknown column subject,channel" err &&
	printf "subject\tcomplainant.name\na,b\t张三\n" >tab.csv &&
	plaint -C t9 import -d tab tab.csv 2>err &&
	grep "imported 1," err &&
	test_expect_code 64 plaint -C t9 import -d x tab.csv 2>err &&
	grep "\-d: unknown separator" err
'

test_expect_success 'an unknown column names the field it likely means' '
	make_tree t10 &&
	printf "subject,complainant.nmae\na,b\n" >typo.csv &&
	test_expect_code 65 plaint -C t10 import typo.csv 2>err &&
	grep "typo.csv:1: unknown column complainant.nmae; did you mean complainant.name?" err &&
	printf "subject,frobnicate\na,b\n" >far.csv &&
	test_expect_code 65 plaint -C t10 import far.csv 2>err &&
	grep "unknown column frobnicate\$" err &&
	test $(files t10) = 0
'

test_expect_success 're-run without source_ref files nothing the second time' '
	make_tree t11 &&
	printf "subject,complainant.name,received\na,张三,2026-11-02T09:00:00+08:00\nb,李四,2026-11-03T09:00:00+08:00\n" >noref.csv &&
	plaint -C t11 import noref.csv 2>err &&
	grep "imported 2, skipped 0 (already present), rejected 0, 2 source_ref derived from content\$" err &&
	plaint -C t11 -N 2026-11-21T10:00:00+08:00 import noref.csv 2>err &&
	grep "imported 0, skipped 2 (already present), rejected 0, 2 source_ref derived from content\$" err &&
	test $(files t11) = 2
'

test_expect_success 'the derived reference is sha256 of the normalised fields' '
	make_tree t12 &&
	printf "%s\n" "{\"subject\": \"  停电 \", \"channel\": \"phone\", \"complainant\": {\"name\": \"张三\"}, \"received\": \"2026-11-02T09:00:00+08:00\"}" >one.jsonl &&
	plaint -C t12 import one.jsonl 2>/dev/null &&
	received=$(sed -n "s/^received: \"*\([^\"]*\)\"*\$/\1/p" t12/2026/11/2611-0001.yaml) &&
	printf "received=%s\nchannel=phone\nsubject=停电\ncomplainant.name=张三" "$received" >norm &&
	sum=$(sha256sum norm | cut -d" " -f1) &&
	grep "^source_ref: \"sha256:$sum\"\$" t12/2026/11/2611-0001.yaml
'

test_expect_success 'received is no part of it when the record has none' '
	make_tree t13 &&
	printf "subject\nno time\n" >notime.csv &&
	plaint -C t13 import notime.csv 2>/dev/null &&
	sum=$(printf "subject=no time" | sha256sum | cut -d" " -f1) &&
	grep "^source_ref: \"sha256:$sum\"\$" t13/2026/11/2611-0001.yaml &&
	plaint -C t13 -N 2026-11-25T10:00:00+08:00 import notime.csv 2>err &&
	grep "imported 0, skipped 1" err
'

test_expect_success 'a record with its own source_ref keeps it' '
	make_tree t14 &&
	printf "source_ref,subject\ncrm-7,a\n,b\n" >mixed.csv &&
	plaint -C t14 import mixed.csv 2>err &&
	grep "imported 2, .*, 1 source_ref derived from content\$" err &&
	grep "^source_ref: crm-7\$" t14/2026/11/2611-0001.yaml &&
	grep "^source_ref: \"sha256:" t14/2026/11/2611-0002.yaml
'

test_expect_success 'a header row of field labels, as a Chinese office types it' '
	plaint init -p power-supply t15 2>/dev/null &&
	printf "渠道,类别,主题,投诉人姓名,联系电话\r\nphone,抄表、电费,电费多收,张三,13800000000\r\n" >zh.csv &&
	iconv -f UTF-8 -t GB18030 zh.csv >zh-gb.csv &&
	plaint -C t15 import -e gb18030 zh-gb.csv 2>err &&
	grep "imported 1," err &&
	f=t15/2026/11/2611-0001.yaml &&
	grep "^category: billing\$" $f &&
	grep "^channel: phone\$" $f &&
	grep "^subject: \"*电费多收\"*\$" $f &&
	grep "^  name: \"*张三\"*\$" $f
'

test_expect_success 'the policy names its own labels; a label nobody gave is an unknown column' '
	plaint init -p power-supply t16 2>/dev/null &&
	printf "labels:\n  subject: 事由\n" >>t16/plaint.yaml &&
	printf "事由,投诉内容\n停电,x\n" >own.csv &&
	test_expect_code 65 plaint -C t16 import own.csv 2>err &&
	grep "^plaint: import: own.csv:1: unknown column 投诉内容" err &&
	! test -e t16/2026 &&
	printf "事由,主题\n停电,x\n" >both.csv &&
	test_expect_code 65 plaint -C t16 import both.csv 2>err &&
	grep "unknown column 主题" err &&
	printf "事由\n停电\n" >own.csv &&
	plaint -C t16 import own.csv 2>err &&
	grep "^subject: \"*停电\"*\$" t16/2026/11/2611-0001.yaml
'

test_done
