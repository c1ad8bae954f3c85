#!/bin/sh
# plaint check: format, policy and permissions of every file.
. "$PLAINT_TOP/tests/test-lib.sh"

make_tree tree
plaint -C tree log subject=一 >/dev/null
plaint -C tree log subject=二 >/dev/null

test_expect_success 'a fresh tree is clean' '
	plaint -C tree check 2>err &&
	grep "2 file(s), 0 with problems" err
'

test_expect_code 65 'a record readable by others is a problem (R10)' '
	chmod 644 tree/2026/11/2611-0001.yaml &&
	plaint -C tree check 2>err; rc=$?
	chmod 600 tree/2026/11/2611-0001.yaml
	grep "2026/11/2611-0001.yaml: readable or writable by others (mode bits 0044" err &&
	grep "2 file(s), 1 with problems" err &&
	exit $rc
'

test_expect_success 'a policy with file_mode 0640 allows group read' '
	make_tree grp &&
	sed -i "s/^policy: default/policy: default\nfile_mode: \"0640\"/" grp/plaint.yaml &&
	plaint -C grp log subject=x >/dev/null &&
	test "$(stat -c %a grp/2026/11/2611-0001.yaml)" = 640 &&
	test "$(stat -c %a grp/2026/11)" = 750 &&
	plaint -C grp check 2>err &&
	chmod 644 grp/2026/11/2611-0001.yaml &&
	! plaint -C grp check 2>err
'

test_expect_code 65 'an id that disagrees with its file name' '
	sed -i "s/^id: \"2611-0002\"/id: \"2611-0009\"/" tree/2026/11/2611-0002.yaml &&
	plaint -C tree check 2>err; rc=$?
	grep "2026/11/2611-0002.yaml:1:5: id: does not match the file name" err &&
	exit $rc
'

test_expect_code 65 'a status the workflow does not know' '
	make_tree st &&
	plaint -C st log subject=x >/dev/null &&
	sed -i "s/^status: new/status: lost/" st/2026/11/2611-0001.yaml &&
	plaint -C st check 2>err; rc=$?
	grep "2611-0001.yaml:3:9: status: missing or not a known status" err &&
	exit $rc
'

test_expect_success 'check -q prints nothing but keeps the status' '
	plaint -q -C st check 2>err; rc=$?
	test $rc = 65 && ! test -s err
'

test_done
