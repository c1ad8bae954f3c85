#!/bin/sh
# The fuzz corpora (RELIABILITY T9): every saved input and every past
# crash of each harness in tests/fuzz, run through a driver built with
# the ordinary compiler (make check builds them into $PLAINT_FUZZ), so
# that what libFuzzer once found stays fixed without clang.
. "$PLAINT_TOP/tests/test-lib.sh"

test_lazy_prereq FUZZ_REPLAY 'test -x "${PLAINT_FUZZ:-/nonexistent}/complaint"'

for t in complaint csv filter jsonl policy; do
	test_expect_success FUZZ_REPLAY "the $t corpus and its past crashes replay" '
		test_expect_code 0 "$PLAINT_FUZZ/'$t'" \
			"$PLAINT_TOP/tests/fuzz/corpus/'$t'" \
			"$PLAINT_TOP/tests/fuzz/crashes/'$t'" >out &&
		read n word <out && test "$word" = inputs && test "$n" -gt 0
	'
done

# Strict: each shipped pack loads, and a complaint in its vocabulary
# validates and goes through its rules (the harness would otherwise
# test the rules of none of them).
test_expect_success FUZZ_REPLAY 'every pack carries a complaint through its rules' '
	FUZZ_STRICT=1 test_expect_code 0 "$PLAINT_FUZZ/policy" \
		"$PLAINT_TOP/data/policies" >out &&
	read n word <out && test "$n" -ge 14
'

test_expect_success FUZZ_REPLAY 'a missing input fails the replay' '
	printf "x" >in &&
	test_expect_code 1 "$PLAINT_FUZZ/complaint" in missing 2>err >out &&
	grep "missing: no such file" err
'

test_done
