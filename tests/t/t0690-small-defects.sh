#!/bin/sh
# Smaller holes found under faults: -N "" is not "now"; check flags a
# folder open to others and a history with a gap; a full-state import
# of a closed complaint without its resolution, or whose history starts
# at n: 5, is rejected; a UTF-32 file is called UTF-32.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml
SQ=\'

test_setup 'a tree with one complaint' '
	make_tree tree && plaint -C tree log subject=s >/dev/null
'

test_expect_success '-N "" is a usage error, not now' '
	ls -R tree >before &&
	test_expect_code 64 plaint -N "" -C tree log subject=t 2>err &&
	echo "plaint: -N: the time is empty (use 2026-11-27T10:00:00+08:00)" >expect &&
	test_cmp expect err &&
	ls -R tree >after && test_cmp before after
'

test_expect_success 'check flags a month or year folder open to others' '
	chmod 755 tree/2026/11 &&
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "^plaint: check: warning: 2026/11: folder open to others (mode bits 0055 beyond the policy${SQ}s 0700); chmod it$" err &&
	chmod 700 tree/2026/11 && chmod 750 tree/2026 &&
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "warning: 2026: folder open to others (mode bits 0050" err &&
	chmod 700 tree/2026 &&
	plaint -C tree check
'

test_expect_success 'check flags a gap in the history numbers' '
	plaint -C tree note 2611-0001 -m a &&
	plaint -C tree note 2611-0001 -m b &&
	sed -i "s/^- n: 2$/- n: 7/" $F && grep "^- n: 7$" $F &&
	test_expect_code 65 plaint -C tree check 2>err &&
	grep "2611-0001.yaml:[0-9]*:[0-9]*: history: n skips a number: events are numbered 1, 2, 3" err
'

test_expect_success 'a full-state import needs a resolution when closed, and a history from n 1' '
	printf "%s\n" \
	"{\"id\": \"2610-0001\", \"kind\": \"complaint\", \"status\": \"closed\", \"received\": \"2026-10-01T10:00:00+08:00\", \"subject\": \"x\", \"level\": 0, \"round\": 1, \"history\": [{\"n\": 1, \"at\": \"2026-10-01T10:00:00+08:00\", \"by\": \"a\", \"action\": \"log\"}]}" \
	"{\"id\": \"2610-0002\", \"kind\": \"complaint\", \"status\": \"new\", \"received\": \"2026-10-01T10:00:00+08:00\", \"subject\": \"y\", \"level\": 0, \"round\": 1, \"history\": [{\"n\": 5, \"at\": \"2026-10-01T10:00:00+08:00\", \"by\": \"a\", \"action\": \"log\"}]}" \
	>full.jsonl &&
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree import -k full.jsonl 2>err &&
	grep "full.jsonl:1: status: resolved or closed, but the complaint has no resolution" err &&
	grep "full.jsonl:2: history: n skips a number" err &&
	ls -R tree >after && test_cmp before after
'

test_expect_success 'a UTF-32 file is named as such' '
	printf "\377\376\0\0i\0\0\0d\0\0\0" >tree/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C tree list 2>err >/dev/null &&
	grep "2611-0002.yaml:1:1: UTF-32 is not accepted, use UTF-8" err
'

test_done
