#!/bin/sh
# The fault matrix (RELIABILITY T7): every write command (log, note,
# note -c, assign, set, escalate, resolve, close, reopen, extend, pause,
# resume, import, export -o, remind -e, init) with each file call it makes failing in turn (tests/shims/
# faults.c), each run classified by tests/fault-matrix.py: no crash, no
# torn or lost file, no temporary file left, exit 0 only with the whole
# change, any other status truthful.  make check runs a sample;
# make torture (FAULT_MATRIX=full) all six errors at the first, second,
# last and every call.  The plain build only: a sanitizer's runtime must
# come first, before any preloaded shim.
. "$PLAINT_TOP/tests/test-lib.sh"

test_expect_success PYTHON3,CC,PLAIN_BUILD 'no fault tears a record or lies about it' '
	build_shim faults &&
	test_expect_code 0 python3 "$PLAINT_TOP/tests/fault-matrix.py" \
		"$PLAINT_BIN" "$TRASH/faults.so" "$TRASH/fm" \
		${FAULT_MATRIX:-} >out &&
	cat out &&
	read runs word rest <out &&
	test "$word" = runs: && test "$runs" -gt 300 &&
	grep ", 0 bad$" out
'

test_expect_success PYTHON3,CC,PLAIN_BUILD 'the shim fails the call it is told to, and counts' '
	build_shim faults &&
	make_tree tree &&
	(
		export FAULT_FN=openat FAULT_ERRNO=EIO FAULT_PERSIST=1 \
			FAULT_COUNTS=counts LD_PRELOAD="$TRASH/faults.so" &&
		test_expect_code 73 plaint -C tree log subject=x 2>err
	) &&
	grep "Input/output error" err &&
	grep "^openat [1-9]" counts &&
	test -z "$(find tree -name "26*.yaml")"
'

# open(2) counts from the shim's start: the tree's folder first, then
# its plaint.yaml.
test_expect_success CC,PLAIN_BUILD 'a policy denied is configuration (78), a failing one I/O (74)' '
	build_shim faults &&
	make_tree tree &&
	(
		export FAULT_FN=open FAULT_AT=2 LD_PRELOAD="$TRASH/faults.so" &&
		FAULT_ERRNO=EACCES test_expect_code 78 plaint -C tree list 2>err1 &&
		FAULT_ERRNO=EIO test_expect_code 74 plaint -C tree list 2>err2
	) &&
	grep "plaint.yaml: cannot open: Permission denied" err1 &&
	grep "plaint.yaml: cannot open: Input/output error" err2
'

test_done
