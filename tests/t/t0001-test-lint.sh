#!/bin/sh
# The tests themselves: no end-to-end test loses plaint's exit status in
# a pipe or a variable, or checks a whole snippet's status
# (tests/lint-tests.sh; test-lib's chain lint covers the && chains).
. "$PLAINT_TOP/tests/test-lib.sh"

LINT=$PLAINT_TOP/tests/lint-tests.sh

# This file holds bad lines on purpose, as the lint'"'"'s own test data.
test_expect_success 'every test file and test-lib.sh pass the lint' '
	ls "$PLAINT_TOP"/tests/t/t*.sh | grep -v /t0001- >files &&
	test -s files &&
	sh "$LINT" $(cat files) "$PLAINT_TOP"/tests/test-lib.sh >out &&
	test_cmp /dev/null out
'

test_expect_success 'the lint finds each kind of lost status' '
	cat >bad.sh <<-\EOF &&
	test_expect_code 1 "refused" "
		plaint -C t list | head -n 1 >first
		"$PLAINT_BIN" -C t list | wc -l
		plaint -C t show x; rc=$?
	"
	printf x | plaint -C t log -
	{ plaint -C t list; echo $? >rc; } | head -n 1
	echo "usage: plaint show [-f yaml|json|text] ID" >expect
	EOF
	test_expect_code 1 sh "$LINT" bad.sh >out &&
	sed "s/: .*//; s/^bad.sh://" out >lines &&
	printf "1\n2\n3\n4\n" >expect &&
	test_cmp expect lines
'

test_done
