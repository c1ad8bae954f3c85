#!/bin/sh
# Once a new complaint's file has its name, log says so: it prints the
# id whatever fails after, so that a retrying script never files it
# twice.  A temporary name that cannot be removed is a warning (exit 0;
# check -x sweeps it); a folder that cannot be synced is exit 74, id
# printed (filed, durability not confirmed).  Faults come from strace.
. "$PLAINT_TOP/tests/test-lib.sh"

# LeakSanitizer cannot run under ptrace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# The month's folder exists, so that the only fsyncs are the file's and
# its folder's.
test_setup 'a tree with one complaint' '
	make_tree tree && plaint -C tree log subject=first >/dev/null
'

# faulty SPEC ARGS...: plaint under strace, SPEC injected (the real binary).
faulty() {
	spec=$1
	shift
	strace -f -o /dev/null -e trace=unlinkat,fsync -e inject=$spec \
		"$PLAINT_BIN" "$@"
}

test_expect_success STRACE 'the temporary name left behind: a warning, the id, exit 0' '
	test_expect_code 0 faulty unlinkat:error=EIO:when=1 -C tree log subject=a >id 2>err &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^plaint: log: warning: 2026/11/2611-0002.yaml: filed, but its temporary file stays until .plaint check -x. removes it: Input/output error$" err &&
	test -f tree/2026/11/2611-0002.yaml &&
	ls -a tree/2026/11 >names && grep "^\.tmp-" names &&
	plaint -C tree check -x 2>err &&
	grep "removed 1 leftover temporary file" err &&
	ls -a tree/2026/11 >names && ! grep "^\.tmp-" names
'

test_expect_success STRACE 'the folder not synced: the id, exit 74, and no second file on a retry' '
	test_expect_code 74 faulty fsync:error=EIO:when=2 -C tree log subject=a >id 2>err &&
	echo 2611-0002 >expect && test_cmp expect id &&
	grep "^plaint: log: 2026/11/2611-0002.yaml: filed, but its folder could not be synced to disk: Input/output error$" err &&
	test -f tree/2026/11/2611-0002.yaml &&
	plaint -C tree show 2611-0002 >/dev/null &&
	test_expect_code 66 plaint -C tree show 2611-0003 2>/dev/null
'

test_expect_success STRACE 'the file itself not synced: nothing filed, exit 74, no id' '
	test_expect_code 74 faulty fsync:error=EIO:when=1 -C tree log subject=a >id 2>err &&
	test_cmp /dev/null id &&
	grep "^plaint: log: .*Input/output error" err &&
	test ! -e tree/2026/11/2611-0002.yaml &&
	ls -a tree/2026/11 >names && ! grep "^\.tmp-" names
'

test_done
