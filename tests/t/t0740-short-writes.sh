#!/bin/sh
# Short writes (RELIABILITY T7): with every write(2) to a file cut to one
# byte (tests/shims/shortwrite.c, LD_PRELOAD), log, note, assign, import
# and export -o still exit 0 and leave files byte for byte the same as
# without the shim: the writers loop until all is written.
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'a tree with one complaint, three records to import' '
	make_tree tree &&
	plaint -C tree log subject=a >/dev/null &&
	printf "{\"subject\": \"x\", \"source_ref\": \"s1\"}\n{\"subject\": \"y\", \"source_ref\": \"s2\"}\n{\"subject\": \"z\", \"source_ref\": \"s3\"}\n" >three.jsonl
'

# steps TREE [PRELOAD]: the same five writes into TREE.
steps() {
	env ${2:+LD_PRELOAD=$2} "$PLAINT_BIN" -C "$1" log subject="第二" >/dev/null &&
	env ${2:+LD_PRELOAD=$2} "$PLAINT_BIN" -C "$1" note 2611-0001 -m "$(head -c 5000 /dev/zero | tr "\0" n)" &&
	env ${2:+LD_PRELOAD=$2} "$PLAINT_BIN" -C "$1" assign 2611-0002 李四 &&
	env ${2:+LD_PRELOAD=$2} "$PLAINT_BIN" -C "$1" -q import three.jsonl &&
	env ${2:+LD_PRELOAD=$2} "$PLAINT_BIN" -C "$1" export -o "$1.jsonl"
}

test_expect_success CC,PLAIN_BUILD 'every write cut to one byte: the same files, exit 0' '
	build_shim shortwrite &&
	cp -a tree cut &&
	steps tree &&
	steps cut "$TRASH/shortwrite.so" &&
	diff -r tree cut &&
	test_cmp tree.jsonl cut.jsonl &&
	plaint -C cut check
'

test_done
