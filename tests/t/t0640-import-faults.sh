#!/bin/sh
# An import whose link step fails (renameat2, injected by strace) says
# so with 73 and leaves no temporary file behind: the files linked
# before the fault are whole, and check finds nothing to sweep.
. "$PLAINT_TOP/tests/test-lib.sh"

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

test_setup 'a tree and three records' '
	make_tree tree &&
	printf "{\"subject\": \"a\", \"source_ref\": \"r1\"}\n{\"subject\": \"b\", \"source_ref\": \"r2\"}\n{\"subject\": \"c\", \"source_ref\": \"r3\"}\n" >three.jsonl
'

# no_tmp: no temporary file anywhere in the tree.
no_tmp() {
	find tree -name ".tmp-*" >tmps &&
	test_cmp /dev/null tmps
}

for when in 1 2 3; do
	test_expect_success STRACE "renameat2 fails at file $when: 73, no temporary file left" '
		test_expect_code 73 strace -f -o /dev/null -e trace=renameat2 \
			-e inject=renameat2:error=EIO:when='$when' \
			"$PLAINT_BIN" -C tree import three.jsonl 2>err &&
		grep "cannot create: Input/output error" err &&
		no_tmp &&
		find tree/2026 -name "*.yaml" >files &&
		test "$(wc -l <files)" = $(('$when' - 1)) &&
		plaint -C tree check &&
		plaint -C tree import three.jsonl &&
		find tree/2026 -name "*.yaml" >files &&
		test "$(wc -l <files)" = 3
	'
done

test_done
