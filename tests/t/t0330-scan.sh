#!/bin/sh
# Readers parse a big month on several threads and still see every
# complaint once, in id order, with bad files reported in place.
. "$PLAINT_TOP/tests/test-lib.sh"

# 700 complaints in November (more than the batches the readers share),
# written straight to disk; one of them malformed.
test_setup 'a tree of 700 complaints, 2611-0350 malformed' '
	make_tree big &&
	mkdir -p big/2026/11 &&
	i=1 &&
	while [ $i -le 700 ]; do
		id=$(printf "2611-%04d" $i) &&
		cat >big/2026/11/$id.yaml <<-EOF || return 1
		id: "$id"
		kind: complaint
		status: new
		received: "2026-11-02T10:00:00+08:00"
		subject: "第${i}号"
		level: 0
		round: 1
		history:
		- {n: 1, at: "2026-11-02T10:00:00+08:00", by: "王芳", action: log}
		EOF
		i=$((i + 1))
	done &&
	chmod 600 big/2026/11/*.yaml &&
	printf "id: [unclosed\n" >big/2026/11/2611-0350.yaml
'

test_expect_success 'threads and one reader list the same, in id order' '
	PLAINT_THREADS=1 test_expect_code 65 plaint -C big list -f jsonl >one 2>err1 &&
	test_expect_code 65 plaint -C big list -f jsonl >many 2>errn &&
	test_cmp one many && test_cmp err1 errn &&
	test "$(wc -l <many)" = 699 &&
	sed -n "s/.*\"subject\":\"第\([0-9]*\)号\".*/\1/p" many >order &&
	seq 1 700 | grep -vx 350 >expect && test_cmp expect order
'

test_expect_success 'the bad file is reported where it lies' '
	PLAINT_THREADS=1 test_expect_code 65 plaint -C big list -f jsonl >/dev/null 2>err1 &&
	test_expect_code 65 plaint -C big list -f jsonl >/dev/null 2>errn &&
	grep "warning: 2026/11/2611-0350.yaml:2:1: did not find expected" err1 &&
	grep "warning: 2026/11/2611-0350.yaml:2:1: did not find expected" errn
'

test_expect_success 'check and report agree with one reader' '
	PLAINT_THREADS=1 test_expect_code 65 plaint -C big check 2>c1 &&
	test_expect_code 65 plaint -C big check 2>cn &&
	test_cmp c1 cn &&
	grep "warning: 2026/11/2611-0350.yaml:2:1: " cn &&
	PLAINT_THREADS=1 test_expect_code 65 plaint -C big -N 2026-11-30T10:00 report -f json >r1 &&
	test_expect_code 65 plaint -C big -N 2026-11-30T10:00 report -f json >rn &&
	test_cmp r1 rn && grep "\"total\": *699" rn
'

# The output (150 kB) is more than a pipe holds, so plaint meets the
# closed pipe.  Without the bad file its status is 0 and it says nothing.
test_expect_success 'a reader that stops early (a closed pipe) ends cleanly' '
	rm big/2026/11/2611-0350.yaml &&
	{ plaint -C big list -f jsonl; echo $? >rc; } 2>err | head -n 3 >three &&
	test "$(wc -l <three)" = 3 &&
	echo 0 >expect && test_cmp expect rc &&
	test ! -s err
'

# With the bad file it depends on timing whether plaint reaches it
# before the pipe closes: 0 and silent, or 65 and the warning alone.
test_expect_success 'a closed pipe before or after the bad file: 0, or 65 with the warning' '
	{ plaint -C big list -f jsonl; echo $? >rc; } 2>err | head -n 3 >three &&
	test "$(wc -l <three)" = 3 &&
	case $(cat rc) in
	0)	test ! -s err ;;
	65)	grep "^plaint: list: warning: 2026/11/2611-0350.yaml:2:1: " err &&
		! grep -v "^plaint: list: warning: 2026/11/2611-0350.yaml:2:1: " err ;;
	*)	echo "exit status $(cat rc)" && false ;;
	esac
'

test_done
