#!/bin/sh
# A rewrite keeps what it promised to keep: fields plaint does not know
# come back with the same values after any command rewrites the file,
# nulls inside flow collections included (they came back as '').
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml

test_setup 'a complaint with unknown fields, nulls among them' '
	make_tree tree &&
	plaint -C tree log subject=s >/dev/null &&
	printf "extra: [{b: }]\nother: {c: , d: [x, {e: }], f: \"\"}\nblock:\n  g:\n" >>$F &&
	plaint -C tree export >line &&
	grep "\"extra\":\[{\"b\":null}\]" line
'

# fields FILE: the exported record up to its history.
fields() { sed "s/,\"history\":.*//" "$1"; }

test_expect_success 'note, assign and resolve keep every value, null and empty string alike' '
	fields line >before &&
	plaint -C tree note 2611-0001 -m x &&
	plaint -C tree export >line1 && fields line1 >after &&
	test_cmp before after &&
	plaint -C tree assign 2611-0001 李四 &&
	plaint -C tree resolve 2611-0001 -m done &&
	plaint -C tree export >line2 &&
	grep "\"extra\":\[{\"b\":null}\],\"other\":{\"c\":null,\"d\":\[\"x\",{\"e\":null}\],\"f\":\"\"},\"block\":{\"g\":null}" line2
'

test_done
