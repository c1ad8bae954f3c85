#!/bin/sh
# A file the user names (export -o) is replaced only when it is a regular
# file or absent (RELIABILITY R14), and only by a complete export: a
# symlink, FIFO, device or folder is refused with 73 before anything is
# read, and an export that skipped a record keeps the old file.
. "$PLAINT_TOP/tests/test-lib.sh"

test_lazy_prereq MKNOD 'mknod probe c 1 3'

test_setup 'a tree with two complaints and a good backup' '
	make_tree tree &&
	plaint -C tree log subject=a >/dev/null &&
	plaint -C tree log subject=b >/dev/null &&
	plaint -C tree export -o backup.jsonl &&
	test "$(wc -l <backup.jsonl)" = 2
'

# no_tmp: no temporary file of -o is left in this folder.
no_tmp() {
	ls -a >names &&
	! grep "\.tmp-" names
}

test_expect_success 'a FIFO is refused at once, and stays a FIFO' '
	mkfifo fifo &&
	test_expect_code 73 timeout 10 "$PLAINT_BIN" -C tree export -o fifo 2>err &&
	grep "^plaint: export: \"fifo\" is a FIFO, not a regular file" err &&
	test -p fifo && no_tmp
'

test_expect_success 'a symbolic link is refused, and its target not created' '
	ln -s "$TRASH/target" link &&
	test_expect_code 73 plaint -C tree export -o link 2>err &&
	grep "^plaint: export: \"link\" is a symbolic link, not a regular file" err &&
	test -L link && test ! -e target && no_tmp
'

test_expect_success MKNOD 'a device is refused, and stays a device' '
	mknod nulldev c 1 3 &&
	test_expect_code 73 plaint -C tree export -o nulldev 2>err &&
	grep "^plaint: export: \"nulldev\" is a device, not a regular file" err &&
	test -c nulldev && no_tmp
'

test_expect_success 'a folder is refused' '
	mkdir dir &&
	test_expect_code 73 plaint -C tree -q export -f csv -o dir 2>err &&
	grep "\"dir\" is a folder, not a regular file" err &&
	test -d dir && no_tmp
'

test_expect_success 'an export that skipped a record keeps the old backup' '
	cp backup.jsonl before &&
	printf "id: [x\n" >tree/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C tree export -o backup.jsonl 2>err &&
	grep "warning: 2026/11/2611-0002.yaml:" err &&
	grep "^plaint: export: backup.jsonl is left as it was: the export was not complete$" err &&
	test_cmp before backup.jsonl && no_tmp
'

test_expect_success 'a complete export replaces the backup, 0600' '
	plaint -C tree log subject=c >/dev/null &&
	plaint -C tree export -o backup.jsonl &&
	test "$(wc -l <backup.jsonl)" = 3 &&
	test "$(stat -c %a backup.jsonl)" = 600 && no_tmp
'

test_done
