#!/bin/sh
# conflicts: a permit while another ticket works at the same location
# is warned of, or refused when the policy says so (SIMOPS).
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00

test_setup 'two tickets at one location, one at another, one working' '
	make_tree tree &&
	sed -i "s/^kinds:\$/kinds:\n  job: { label: \"作业\", workflow: job }/" tree/plaint.yaml &&
	cat >>tree/plaint.yaml <<-\EOF &&
	  job:
	    states:
	      issued: { open: yes }
	      working: { open: yes }
	      done: {}
	    actions:
	      log: { to: issued }
	      permit: { from: [issued], to: working }
	      finish: { from: [working], to: done }
	fields:
	  location: { type: string }
	conflicts:
	  - { action: permit, same: location, states: [working] }
	EOF
	for l in 1号主变 1号主变 2号主变; do
		plaint -C tree -N $NOW log kind=job subject=s location=$l >/dev/null || return 1
	done &&
	plaint -C tree -N $NOW do 2611-0001 permit
'

test_expect_success 'a permit at a location another ticket works at is warned of' '
	plaint -C tree -N $NOW do 2611-0002 permit 2>err &&
	grep "^status: working$" tree/2026/11/2611-0002.yaml &&
	grep "plaint: do: warning: 2611-0001 is working at the same location (1号主变)" err
'

test_expect_success 'another location, or the other ticket done: no warning' '
	plaint -C tree -N $NOW do 2611-0003 permit 2>err &&
	test ! -s err &&
	plaint -C tree -N $NOW do 2611-0001 finish &&
	plaint -C tree -N $NOW do 2611-0002 permit 2>err &&
	test ! -s err
'

test_expect_success 'refuse: yes makes it a refusal (1), the file unchanged' '
	sed -i "s/states: \[working\] }/states: [working], refuse: yes }/" tree/plaint.yaml &&
	cp tree/2026/11/2611-0002.yaml before &&
	test_expect_code 1 plaint -C tree -N $NOW do 2611-0002 permit 2>err &&
	test_unchanged before tree/2026/11/2611-0002.yaml &&
	grep "cannot permit 2611-0002: 2611-0001 is working at the same location (1号主变)" err
'

test_expect_success 'a malformed conflicts list is 78' '
	sed -i "s/- { action: permit, same: location, states: \[working\] }/- { action: permit }/" tree/plaint.yaml &&
	test_expect_code 78 plaint -C tree list 2>err &&
	grep "conflicts: each needs action:, same:" err &&
	sed -i "s/- { action: permit }/- { action: permit, same: complainant.address, states: [working] }/" tree/plaint.yaml &&
	test_expect_code 78 plaint -C tree list 2>err &&
	grep "conflicts: same: must name a field of the record.s top level" err
'

test_done
