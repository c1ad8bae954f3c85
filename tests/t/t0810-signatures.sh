#!/bin/sh
# Signatures on an action (signed_by.ROLE=NAME), roles no one person
# holds two of on one record, and fields that are lists or name a person.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
LATER=2026-11-27T11:00:00+08:00
J=2026/11/2611-0001.yaml

test_setup 'a tree with a job workflow whose permit needs two signatures' '
	make_tree tree &&
	sed -i "s/^kinds:\$/kinds:\n  job: { label: \"作业\", workflow: job }/" tree/plaint.yaml &&
	cat >>tree/plaint.yaml <<-\EOF &&
	  job:
	    owner: leader
	    exclusive: [signer, permitter, leader]
	    states:
	      draft: { open: yes }
	      issued: { open: yes }
	      working: { open: yes }
	    actions:
	      log: { to: draft }
	      issue: { from: [draft], to: issued, signatures: [signer] }
	      permit:
	        from: [issued]
	        to: working
	        role: permitter
	        requires: [earth_wires]
	        signatures: [permitter, leader]
	        exclusive: yes
	      handover: { from: [working], signatures: [member, leader], exclusive: yes }
	      note: { from: [draft, issued, working] }
	fields:
	  leader: { type: person }
	  members: { type: list, of: person }
	  earth_wires: { type: list }
	people:
	  张三: { roles: [signer] }
	  李四: { roles: [permitter] }
	  王五: { roles: [leader, member, signer] }
	  赵六: { roles: [member, permitter, leader] }
	  孙七: { roles: [member] }
	EOF
	plaint -C tree -N $NOW log kind=job subject=检修 leader=王五 members=赵六,孙七 >id &&
	echo 2611-0001 >expect && test_cmp expect id
'

test_expect_success 'a list field is a YAML sequence; a person field names one of the people' '
	cat >expect <<-\EOF &&
	members:
	- "赵六"
	- "孙七"
	EOF
	sed -n "/^members:/,/^[a-z]/p" tree/$J | sed "\$d" >actual &&
	test_cmp expect actual &&
	grep "^leader: \"王五\"$" tree/$J
'

test_expect_success 'a list may be typed with a Chinese comma, and spaces are trimmed' '
	plaint -C tree -N $NOW log kind=job subject=x "members=赵六， 孙七" >/dev/null &&
	sed -n "/^members:/,/^[a-z]/p" tree/2026/11/2611-0002.yaml >actual &&
	grep "^- \"赵六\"$" actual && grep "^- \"孙七\"$" actual
'

test_expect_success 'someone not in people: is 65, naming the field; nothing is written' '
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=job subject=x members=赵六,钱八 2>err &&
	grep "members: \"钱八\" is not one of the people in the policy" err &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=job subject=x leader=钱八 2>err &&
	grep "leader: \"钱八\" is not one of the people" err &&
	test_expect_code 65 plaint -C tree -N $NOW log kind=job subject=x members=赵六,,孙七 2>err &&
	grep "members: has an empty entry" err &&
	ls -R tree >after &&
	test_cmp before after
'

test_expect_success 'a filter on a list field matches a record whose list holds the value' '
	plaint -C tree list members=孙七 >out &&
	grep "^2611-0001 " out &&
	plaint -C tree list members=张三 >out &&
	! grep "^2611-0001 " out &&
	plaint -C tree list members!=孙七 >out &&
	! grep "^2611-0001 " out
'

test_expect_success PYTHON3 'lists are arrays in JSON and "a,b" in one CSV cell, and read back' '
	plaint -C tree export >out.jsonl &&
	python3 -c "import json,sys; r=json.loads(open(sys.argv[1]).readline()); sys.exit(r[\"members\"] != [\"赵六\", \"孙七\"])" out.jsonl &&
	plaint -C tree export -f csv >out.csv &&
	grep "\"赵六,孙七\"" out.csv &&
	printf "subject,kind,members\n检修,job,\"赵六,孙七\"\n" >in.csv &&
	make_tree t2 &&
	cp tree/plaint.yaml t2/plaint.yaml &&
	plaint -C t2 -N $NOW import in.csv &&
	sed -n "/^members:/,/^[a-z]/p" t2/$J >actual &&
	grep "^- \"赵六\"$" actual && grep "^- \"孙七\"$" actual &&
	echo "{\"subject\": \"s\", \"kind\": \"job\", \"members\": [\"孙七\", \"赵六\"]}" >in.jsonl &&
	plaint -C t2 -N $NOW import in.jsonl &&
	sed -n "/^members:/,/^[a-z]/p" t2/2026/11/2611-0002.yaml >actual &&
	grep "^- \"孙七\"$" actual &&
	echo "{\"subject\": \"s\", \"kind\": \"job\", \"members\": [\"孙七\", \"钱八\"]}" >bad.jsonl &&
	test_expect_code 65 plaint -C t2 -N $NOW import bad.jsonl 2>err &&
	grep "钱八" err
'

test_expect_success 'issue: the signer signs, and the event holds signed_by' '
	plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=张三 &&
	grep "^status: issued$" tree/$J &&
	grep "signed_by: {signer: \"张三\"}" tree/$J
'

test_expect_success 'a missing signature is refused with 1, naming it' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 issue 2>err &&
	test_unchanged before tree/$J &&
	grep "issue needs the signature of the signer (signed_by.signer=NAME)" err
'

test_expect_success 'a signature by someone without the role is refused with 1' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=李四 2>err &&
	test_unchanged before tree/$J &&
	grep "李四 cannot sign as signer: the role is not theirs" err
'

test_expect_success 'the record names its leader: no one else signs as leader' '
	plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=张三 &&
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 李四 do 2611-0001 permit \
		earth_wires=1号,2号 signed_by.permitter=李四 signed_by.leader=赵六 2>err &&
	test_unchanged before tree/$J &&
	grep "赵六 cannot sign as leader: the record.s leader is 王五" err
'

test_expect_success 'the leader may not also sign as signer (exclusive roles)' '
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=王五 2>err &&
	test_unchanged before tree/$J &&
	grep "王五 cannot sign as signer: they sign this record as leader" err
'

test_expect_success 'one person cannot sign one record in two exclusive roles' '
	plaint -C tree -N $NOW log kind=job subject=y leader=赵六 >/dev/null &&
	plaint -C tree -N $LATER do 2611-0002 issue signed_by.signer=张三 &&
	cp tree/2026/11/2611-0002.yaml before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 李四 do 2611-0002 permit \
		earth_wires=1号 signed_by.permitter=赵六 signed_by.leader=赵六 2>err &&
	test_unchanged before tree/2026/11/2611-0002.yaml &&
	grep "赵六 cannot sign as permitter: they sign this record as leader" err &&
	plaint -C tree -N $LATER -u 李四 do 2611-0002 permit \
		earth_wires=1号 signed_by.permitter=李四 signed_by.leader=赵六 &&
	cp tree/2026/11/2611-0002.yaml before &&
	test_expect_code 1 plaint -C tree -N $LATER do 2611-0002 handover \
		signed_by.member=赵六 signed_by.leader=赵六 2>err &&
	test_unchanged before tree/2026/11/2611-0002.yaml &&
	grep "赵六 cannot sign as both member and leader" err &&
	plaint -C tree -N $LATER do 2611-0002 handover \
		signed_by.member=孙七 signed_by.leader=赵六
'

test_expect_success 'permit with both signatures: the list and signed_by recorded' '
	plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=张三 &&
	plaint -C tree -N $LATER -u 李四 do 2611-0001 permit earth_wires=1号,2号 \
		signed_by.permitter=李四 signed_by.leader=王五 -m 许可开工 &&
	grep "^status: working$" tree/$J &&
	grep "signed_by: {permitter: \"李四\", leader: \"王五\"}" tree/$J &&
	sed -n "/^earth_wires:/,/^[a-z]/p" tree/$J >actual &&
	grep "^- \"1号\"$" actual && grep "^- \"2号\"$" actual
'

test_expect_success 'a signature the action does not need is a usage error' '
	cp tree/$J before &&
	test_expect_code 64 plaint -C tree -N $LATER do 2611-0001 issue \
		signed_by.signer=张三 signed_by.leader=王五 2>err &&
	test_unchanged before tree/$J &&
	grep "signed_by.leader: not a field issue takes" err
'

test_expect_success 'the person with a role, but not this one, is refused (role check)' '
	plaint -C tree -N $LATER do 2611-0001 issue signed_by.signer=张三 &&
	cp tree/$J before &&
	test_expect_code 1 plaint -C tree -N $LATER -u 孙七 do 2611-0001 permit \
		earth_wires=1号 signed_by.permitter=李四 signed_by.leader=王五 2>err &&
	test_unchanged before tree/$J &&
	grep "it needs the role permitter, which 孙七 does not hold" err
'

test_done
