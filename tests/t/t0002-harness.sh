#!/bin/sh
# The harness itself: tests/run.sh counts what did not report (a unit
# binary that crashes, a test file that exits early, lies about its
# status or ran nothing), and test-lib fails a test whose &&-chain is
# broken, whose exit status is checked on the wrong command, or in which
# plaint crashed, counts a skip, and keeps a failing test's folder.
# Each case runs a copy of the harness on planted test files.
. "$PLAINT_TOP/tests/test-lib.sh"

# harness: a copy of tests/run.sh and tests/test-lib.sh in h/, with a
# unit binary that passes and one that dies of SIGSEGV before its count.
test_setup 'a copy of the harness' '
	mkdir -p h/tests/t &&
	cp "$PLAINT_TOP/tests/run.sh" "$PLAINT_TOP/tests/test-lib.sh" h/tests/ &&
	printf "#!/bin/sh\necho \"unit: 3 passed, 0 failed\"\n" >h/unit-ok &&
	printf "#!/bin/sh\necho \"not ok x\"\nkill -SEGV \$\$\n" >h/unit-crash &&
	printf "#!/bin/sh\nkill -SEGV \$\$\n" >segv &&
	chmod +x h/unit-ok h/unit-crash segv
'

# plant NAME BODY: a test file h/tests/t/NAME.sh that sources test-lib.
plant() {
	printf "#!/bin/sh\n. \"\$PLAINT_TOP/tests/test-lib.sh\"\n%s\n" "$2" \
		>"h/tests/t/$1.sh"
}

# run_harness UNIT: the copied runner over the planted files, to out,
# whatever selection (make check T=…) the outer run was given.
run_harness() {
	mkdir -p tmp &&
	TMPDIR=$TRASH/tmp env -u T -u U -u TEST_VERBOSE -u TEST_KEEP \
		sh h/tests/run.sh "$TRASH/h/$1" "$PLAINT_BIN" >out 2>&1
}

test_expect_success 'a clean run passes, and a skip is named and counted' '
	plant t9001-good "test_expect_success \"ok\" \"true\"
test_done" &&
	plant t9002-skip "test_expect_success NOSUCH \"needs nosuch\" \"true\"
test_expect_success \"ok\" \"true\"
test_done" &&
	test_expect_code 0 run_harness unit-ok &&
	grep "^skip t9002-skip 1 - needs nosuch (missing NOSUCH)$" out &&
	tail -n 1 out >last && echo "5 passed, 0 failed, 1 skipped" >expect &&
	test_cmp expect last
'

test_expect_success 'a unit binary that crashes before its count fails the run' '
	plant t9001-good "test_expect_success \"ok\" \"true\"
test_done" &&
	test_expect_code 1 run_harness unit-crash &&
	grep "^not ok unit - ended without its summary line (killed by signal 11)$" out &&
	tail -n 1 out >last && echo "1 passed, 1 failed" >expect &&
	test_cmp expect last
'

test_expect_success 'a file that exits before test_done fails the run' '
	plant t9003-early "test_expect_success \"ok\" \"true\"
exit 0" &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9003-early - ended without its summary line (exit status 0)$" out
'

test_expect_success 'a file whose status belies its summary fails the run' '
	printf "#!/bin/sh\necho \"t9004-lie: 1 passed, 0 failed\"\nexit 3\n" \
		>h/tests/t/t9004-lie.sh &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9004-lie - reported no failure but ended with exit status 3$" out
'

test_expect_success 'a file that ran no test fails the run' '
	plant t9005-empty "test_done" &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9005-empty - ran no test$" out
'

test_expect_success 'a broken &&-chain fails its test, and runs nothing after the break' '
	plant t9006-chain "test_expect_success \"broken\" \"
		true
		touch ran
	\"
test_done" &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9006-chain 1 - broken$" out &&
	grep "broken &&-chain" out &&
	find tmp -name ran >found && test_cmp /dev/null found
'

test_expect_success 'a status checked on the wrong step fails; a crash fails whatever the script did' '
	plant t9007-status "test_expect_success \"refused, but by grep\" \"
		test_expect_code 1 plaint -C nowhere show 2611-0001 2>err
	\"
test_expect_success \"a crash whose status is ignored\" \"
		PLAINT_BIN=$TRASH/segv && { plaint show; true; }
	\"
test_expect_success \"a crash is no refusal\" \"
		PLAINT_BIN=$TRASH/segv && test_must_fail plaint show
	\"
test_done" &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9007-status 1 - refused, but by grep$" out &&
	grep "test_expect_code: exit status 78, wanted 1: plaint -C nowhere show 2611-0001" out &&
	grep "^not ok t9007-status 2 - a crash whose status is ignored$" out &&
	grep "plaint show: exit status 139 (crashed or killed)" out &&
	grep "^not ok t9007-status 3 - a crash is no refusal$" out &&
	grep "test_must_fail: crashed (exit status 139): plaint show" out &&
	grep "^t9007-status: 0 passed, 3 failed$" out
'

test_expect_success 'each test starts from the fixture; a failure keeps its folder' '
	plant t9008-fresh "test_setup \"fixture\" \"echo f >shared\"
test_expect_success \"changes its copy\" \"echo x >>shared && echo y >mine\"
test_expect_success \"sees the fixture only\" \"
	echo f >expect && test_cmp expect shared && test ! -e mine && false
\"
test_done" &&
	test_expect_code 1 run_harness unit-ok &&
	grep "^not ok t9008-fresh 3 - sees the fixture only$" out &&
	sed -n "s/^#   in //p" out >kept &&
	test -f "$(cat kept)/shared" &&
	test ! -e "$(cat kept)/mine" &&
	test ! -e "$(dirname "$(cat kept)")/002"
'

test_done
