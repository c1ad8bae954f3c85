#!/bin/sh
# Allocation failures (RELIABILITY T11), SQLite's way: for each of log,
# show, note, resolve, import, export and set, the n-th allocation is
# made to fail, for every n the command makes (tests/shims/failmalloc.c,
# LD_PRELOAD).  Each run either succeeds with the very result of a run
# that had all its memory, or exits 71 saying "out of memory" with the
# tree exactly as it was: never a crash, never another status, never a
# half-written file.  The plain build only: the sanitizers' allocator
# is not the C library's (the skip is counted under make check-asan).
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'a tree, a complaint, ten records to import' '
	make_tree tree &&
	plaint -C tree log subject=a complainant.name=张三 >/dev/null &&
	i=0 && : >ten.jsonl &&
	while [ $i -lt 10 ]; do
		printf "{\"subject\": \"s%d\", \"source_ref\": \"r%d\", \"complainant\": {\"name\": \"李%d\"}}\n" $i $i $i >>ten.jsonl &&
		i=$((i + 1)) || return 1
	done
'

# sweep ARGS...: the plaint command ARGS with each allocation failing in
# turn; prints a line per run that breaks the rules, so none must print.
sweep() {
	shim=$TRASH/failmalloc.so
	build_shim failmalloc &&
	cp -a tree orig &&
	LD_PRELOAD=$shim PLAINT_FAIL_MALLOC_COUNT=$TRASH/count \
		"$PLAINT_BIN" -C tree "$@" >ref.out 2>/dev/null &&
	mv tree ref && cp -a orig tree &&
	n=$(cat count) && i=1 &&
	test "$n" -gt 100 &&
	while [ $i -le $n ]; do
		LD_PRELOAD=$shim PLAINT_FAIL_MALLOC=$i "$PLAINT_BIN" -C tree "$@" \
			>run.out 2>run.err
		rc=$?	# status recorded, and judged below
		if [ $rc = 0 ]; then
			diff -r ref tree >/dev/null || echo "n=$i: exit 0, another result"
			cmp -s ref.out run.out || echo "n=$i: exit 0, other output"
		elif [ $rc = 71 ]; then
			grep -q "out of memory" run.err || echo "n=$i: 71 without out of memory"
			diff -r orig tree >/dev/null || echo "n=$i: 71 but the tree changed"
		else
			echo "n=$i: exit status $rc: $(head -c 200 run.err)"
		fi
		rm -rf tree && cp -a orig tree
		i=$((i + 1))
	done >problems &&
	test_cmp /dev/null problems
}

for cmd in "log subject=b" "show 2611-0001" "note 2611-0001 -m x" \
	"resolve 2611-0001 -m done" "import ten.jsonl" "export -r" \
	"set 2611-0001 subject=c complainant.name=李四 -m typo"; do
	test_expect_success CC,PLAIN_BUILD "plaint $cmd, every allocation failing in turn" '
		sweep $cmd
	'
done

test_done
