#!/bin/sh
# plaint check: format, policy and permissions of every file.
. "$PLAINT_TOP/tests/test-lib.sh"

SQ=\'

# lost_status TREE: a new TREE whose one complaint has a status the
# workflow does not know.
lost_status() {
	make_tree "$1" &&
	plaint -C "$1" log subject=x >/dev/null &&
	sed -i "s/^status: new/status: lost/" "$1"/2026/11/2611-0001.yaml &&
	grep "^status: lost$" "$1"/2026/11/2611-0001.yaml
}

test_setup 'a tree with two complaints' '
	make_tree tree &&
	plaint -C tree log subject=一 >/dev/null &&
	plaint -C tree log subject=二 >/dev/null
'

test_expect_success 'a fresh tree is clean' '
	plaint -C tree check 2>err &&
	grep "2 file(s), 0 with problems" err
'

test_expect_success 'a record readable by others is a problem (R10)' '
	chmod 644 tree/2026/11/2611-0001.yaml &&
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "2026/11/2611-0001.yaml: readable or writable by others (mode bits 0044" err &&
	grep "2 file(s), 1 with problems" err
'

test_expect_success 'a policy with file_mode 0640 allows group read' '
	make_tree grp &&
	sed -i "s/^policy: default/policy: default\nfile_mode: \"0640\"/" grp/plaint.yaml &&
	grep "^file_mode: \"0640\"$" grp/plaint.yaml &&
	plaint -C grp log subject=x >/dev/null &&
	test "$(stat -c %a grp/2026/11/2611-0001.yaml)" = 640 &&
	test "$(stat -c %a grp/2026/11)" = 750 &&
	plaint -C grp check 2>err &&
	grep "1 file(s), 0 with problems" err &&
	chmod 644 grp/2026/11/2611-0001.yaml &&
	test_expect_code 65 plaint -C grp check 2>err &&
	grep "2026/11/2611-0001.yaml: readable or writable by others (mode bits 0004 beyond the policy.s 0640)" err &&
	grep "1 file(s), 1 with problems" err
'

test_expect_success 'an id that disagrees with its file name' '
	sed -i "s/^id: \"2611-0002\"/id: \"2611-0009\"/" tree/2026/11/2611-0002.yaml &&
	grep "^id: \"2611-0009\"$" tree/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "2026/11/2611-0002.yaml:1:5: id: \"2611-0009\" does not match the file${SQ}s name (\"2611-0002\")" err &&
	grep "2 file(s), 1 with problems" err
'

test_expect_success 'a status the workflow does not know' '
	lost_status st &&
	test_expect_code 65 plaint -C st check 2>err &&
	grep "2611-0001.yaml:3:9: status: missing or not a known status" err
'

test_expect_success 'check -q prints nothing but keeps the status' '
	lost_status st &&
	test_expect_code 65 plaint -q -C st check >out 2>err &&
	test ! -s out &&
	test ! -s err
'

test_done
