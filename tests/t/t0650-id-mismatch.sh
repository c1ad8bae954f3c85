#!/bin/sh
# A file whose id: disagrees with its name (a copy, a hand edit) is not
# taken for either: writers refuse it with 65 and change nothing;
# readers warn, leave it out, and end with 65, so that export never
# hands another tree a record under the wrong id.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0002.yaml
MSG='2026/11/2611-0002.yaml:1:5: id: "2611-0001" does not match the file'"'"'s name ("2611-0002"): correct one of them'

test_setup 'two complaints, the second holding the first one'"'"'s id' '
	make_tree tree &&
	plaint -C tree log subject=a >/dev/null &&
	plaint -C tree log subject=b >/dev/null &&
	sed -i "s/^id: \"2611-0002\"$/id: \"2611-0001\"/" $F &&
	grep "^id: \"2611-0001\"$" $F
'

test_expect_success 'show and every writer refuse it with 65, changing nothing' '
	cp $F before &&
	test_expect_code 65 plaint -C tree show 2611-0002 2>err &&
	echo "plaint: show: $MSG" >expect && test_cmp expect err &&
	test_expect_code 65 plaint -C tree note 2611-0002 -m x 2>err &&
	echo "plaint: note: $MSG" >expect && test_cmp expect err &&
	test_expect_code 65 plaint -C tree assign 2611-0002 李四 2>/dev/null &&
	test_expect_code 65 plaint -C tree resolve 2611-0002 -m r 2>/dev/null &&
	test_cmp before $F
'

test_expect_success 'list and export warn, leave it out, and end with 65' '
	test_expect_code 65 plaint -C tree list -f jsonl 2>err >out &&
	echo "plaint: list: warning: $MSG" >expect && test_cmp expect err &&
	test "$(wc -l <out)" = 1 && grep "2611-0001" out &&
	test_expect_code 65 plaint -C tree export 2>err >out &&
	echo "plaint: export: warning: $MSG" >expect && test_cmp expect err &&
	test "$(wc -l <out)" = 1 && grep "\"subject\":\"a\"" out
'

test_expect_success 'check reports it' '
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "$MSG" err
'

test_done
