#!/bin/sh
# Values are checked on intake (issue 13): complainant.phone must be a
# Chinese phone number unless the policy sets another format (formats:
# in plaint-policy(5)), at log and at import, and the refusal names the
# field without repeating the number.
. "$PLAINT_TOP/tests/test-lib.sh"

F=t/2026/11/2611-0001.yaml
PHONE_MSG="plaint: log: complainant.phone: is not a phone number"

test_setup 'a tree' '
	make_tree t
'

test_expect_success 'log: a phone that is not one is refused with 65, the value not repeated' '
	test_expect_code 65 plaint -C t log subject=s complainant.phone=abc 2>err &&
	grep "^$PHONE_MSG (a mobile" err &&
	! grep abc err &&
	test ! -e $F
'

test_expect_success 'log: a number of the wrong length is refused' '
	test_expect_code 65 plaint -C t log subject=s complainant.phone=1380000000 2>err &&
	grep "^$PHONE_MSG" err &&
	test_expect_code 65 plaint -C t log subject=s complainant.phone=010-1234567 2>err &&
	grep "^$PHONE_MSG" err &&
	test ! -e $F
'

test_expect_success 'log: the forms plaint-policy(5) lists are taken as written' '
	for p in 13800000000 "138 0013 8000" 138-0013-8000 "+86 13800138000" \
	    010-12345678 0755-1234567 0755-12345678 "010-12345678 转 8001" \
	    010-12345678-123 95598 400-123-4567 "+86 10 12345678"; do
		plaint -C t log subject=s "complainant.phone=$p" >/dev/null ||
		return 1
	done &&
	grep "^  phone: \"138 0013 8000\"$" t/2026/11/2611-0002.yaml &&
	plaint -C t check
'

test_expect_success 'import: the record with a bad phone is rejected with its line' '
	printf "subject,complainant.phone\na,13800000000\nb,99\nc,010-12345678\n" >a.csv &&
	test_expect_code 65 plaint -C t import a.csv 2>err &&
	grep "^plaint: import: a.csv:3: complainant.phone: is not a phone number" err &&
	! grep 99 err &&
	test ! -e $F
'

test_expect_success 'import: JSON Lines are checked the same' '
	printf "{\"subject\": \"a\", \"complainant\": {\"phone\": \"x\"}}\n" >a.jsonl &&
	test_expect_code 65 plaint -C t import a.jsonl 2>err &&
	grep "^plaint: import: a.jsonl:1: complainant.phone: is not a phone number" err &&
	test ! -e $F
'

test_expect_success 'import: a full state brought from another tree is checked too' '
	printf "{\"id\": \"2611-0001\", \"kind\": \"complaint\", \"status\": \"new\", \"received\": \"2026-11-20T09:00:00+08:00\", \"subject\": \"x\", \"complainant\": {\"phone\": \"13800000000\"}, \"history\": [{\"n\": 1, \"at\": \"2026-11-20T09:00:00+08:00\", \"by\": \"a\", \"action\": \"log\"}]}\n" >full.jsonl &&
	sed "s/13800000000/1380000/; s/2611-0001/2611-0002/" full.jsonl >second &&
	cat second >>full.jsonl &&
	test_expect_code 65 plaint -C t import full.jsonl 2>err &&
	grep "^plaint: import: full.jsonl:2: complainant.phone: is not a phone number" err &&
	test ! -e $F &&
	printf "formats:\n  complainant.phone: none\n" >>t/plaint.yaml &&
	plaint -C t import full.jsonl 2>err &&
	grep "imported 2," err
'

test_expect_success 'a policy turns the check off with format none' '
	printf "formats:\n  complainant.phone: none\n" >>t/plaint.yaml &&
	plaint -C t log subject=s complainant.phone="+1 555 0100" >/dev/null &&
	grep "^  phone: \"+1 555 0100\"$" $F
'

test_expect_success 'a policy sets its own pattern, and its example is shown' '
	printf "formats:\n  complainant.phone: {pattern: \"[0-9]{8}\", example: \"62345678\"}\n" >>t/plaint.yaml &&
	plaint -C t log subject=s complainant.phone=62345678 >/dev/null &&
	test_expect_code 65 plaint -C t log subject=s complainant.phone=13800000000 2>err &&
	echo "plaint: log: complainant.phone: does not have the policy'"'"'s format (like 62345678)" >expect &&
	test_cmp expect err
'

test_expect_success 'a format on a string field of fields:' '
	cat >>t/plaint.yaml <<-\EOF &&
	fields:
	  order_no: { type: string }
	formats:
	  order_no: { pattern: "SO-[0-9]{4}" }
	EOF
	plaint -C t log subject=s order_no=SO-1234 >/dev/null &&
	test_expect_code 65 plaint -C t log subject=s order_no=SO-12345 2>err &&
	grep "^plaint: log: order_no: does not match the policy.s format (SO-\[0-9\]{4})$" err &&
	test_expect_code 65 plaint -C t log subject=s complainant.phone=abc 2>err &&
	grep "^$PHONE_MSG" err
'

test_expect_success 'a policy with a bad format is refused at load, 78' '
	printf "formats:\n  complainant.phone: {pattern: \"[0-9\"}\n" >>t/plaint.yaml &&
	test_expect_code 78 plaint -C t list 2>err &&
	grep "complainant.phone: pattern: not a POSIX extended regular expression" err
'

test_expect_success 'a format for a field that is not text is refused at load' '
	printf "formats:\n  severity: phone\n" >>t/plaint.yaml &&
	test_expect_code 78 plaint -C t list 2>err &&
	grep "formats: severity: not a text field" err
'

test_expect_success 'a format plaint does not know is refused at load' '
	printf "formats:\n  complainant.phone: mobile\n" >>t/plaint.yaml &&
	test_expect_code 78 plaint -C t list 2>err &&
	grep "a format is phone, none, or {pattern: REGEX, example: TEXT}" err
'

test_done
