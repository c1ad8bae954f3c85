#!/bin/sh
# Numbers with a pattern, given at an action, unique within their scope
# (department and day) under concurrent writers, never given twice.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
LATER=2026-11-27T11:00:00+08:00

# number_policy TREE: a job workflow that numbers a job when it is
# issued, per department and day, with 手 for a hand-filled one.
number_policy() {
	sed -i "s/^kinds:\$/kinds:\n  job: { label: \"作业\", workflow: job }/" "$1/plaint.yaml" &&
	cat >>"$1/plaint.yaml" <<-\EOF
	  job:
	    number:
	      at: issue
	      pattern: "{department}-{YYYY}{MM}{DD}-{NNN}"
	      scope: [department, day]
	      suffix: { handwritten: "手" }
	    states:
	      draft: { open: yes }
	      issued: { open: yes }
	    actions:
	      log: { to: draft }
	      issue: { from: [draft], to: issued }
	      note: { from: [draft, issued] }
	fields:
	  handwritten: { type: bool }
	EOF
}

number_of() { sed -n 's/^number: "\(.*\)"$/\1/p' "$1"; }

test_setup 'a tree whose jobs are numbered when issued' '
	make_tree tree &&
	number_policy tree &&
	plaint -C tree -N $NOW log kind=job subject=a department=运行一班 >/dev/null &&
	plaint -C tree -N $NOW log kind=job subject=b department=运行一班 handwritten=yes >/dev/null &&
	plaint -C tree -N $NOW log kind=job subject=c department=检修二班 >/dev/null &&
	plaint -C tree -N $NOW log kind=job subject=d >/dev/null
'

test_expect_success 'the number is given at issue, by the pattern, and recorded in the event' '
	! grep "^number:" tree/2026/11/2611-0001.yaml &&
	plaint -C tree -N $LATER do 2611-0001 issue &&
	echo 运行一班-20261127-001 >expect &&
	number_of tree/2026/11/2611-0001.yaml >actual &&
	test_cmp expect actual &&
	grep "^  number: \"运行一班-20261127-001\"$" tree/2026/11/2611-0001.yaml
'

test_expect_success 'the next in the same department and day; 手 for a hand-filled one' '
	plaint -C tree -N $LATER do 2611-0001 issue &&
	plaint -C tree -N $LATER do 2611-0002 issue &&
	echo 运行一班-20261127-002手 >expect &&
	number_of tree/2026/11/2611-0002.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'another department counts from 1' '
	plaint -C tree -N $LATER do 2611-0001 issue &&
	plaint -C tree -N $LATER do 2611-0003 issue &&
	echo 检修二班-20261127-001 >expect &&
	number_of tree/2026/11/2611-0003.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'another day counts from 1' '
	plaint -C tree -N $LATER do 2611-0001 issue &&
	plaint -C tree -N 2026-11-28T08:00:00+08:00 do 2611-0002 issue &&
	echo 运行一班-20261128-001手 >expect &&
	number_of tree/2026/11/2611-0002.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'a record without the field the number is counted by: 65, unchanged' '
	cp tree/2026/11/2611-0004.yaml before &&
	test_expect_code 65 plaint -C tree -N $LATER do 2611-0004 issue 2>err &&
	test_unchanged before tree/2026/11/2611-0004.yaml &&
	grep "number: the record needs the fields its number is counted by" err
'

test_expect_success 'a number is plaint’s: log cannot set it; a filter finds it' '
	test_expect_code 64 plaint -C tree -N $NOW log kind=job subject=x number=1 2>err &&
	grep "number: is kept by plaint" err &&
	plaint -C tree -N $LATER do 2611-0001 issue &&
	plaint -C tree list number=运行一班-20261127-001 >out &&
	grep "^2611-0001 " out
'

# The numbers file is replaced first (renameat 1), the record second.
test_expect_success CC,PLAIN_BUILD 'a failed write leaves a gap, never a number given twice' '
	build_shim faults &&
	plaint -C tree -N $LATER do 2611-0001 issue &&
	cp tree/2026/11/2611-0002.yaml before &&
	(
		export FAULT_FN=renameat FAULT_AT=2 FAULT_ERRNO=EIO \
			LD_PRELOAD="$TRASH/faults.so" &&
		test_expect_code 74 plaint -C tree -N $LATER do 2611-0002 issue 2>err
	) &&
	test_unchanged before tree/2026/11/2611-0002.yaml &&
	plaint -C tree -N $LATER do 2611-0002 issue &&
	echo 运行一班-20261127-003手 >expect &&
	number_of tree/2026/11/2611-0002.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'a refused issue takes no number' '
	sed -i "s/pattern: \"{department}-{YYYY}{MM}{DD}-{NNN}\"/pattern: \"{department}-{YYYY}{MM}{DD}-{team}-{NNN}\"/" tree/plaint.yaml &&
	for i in 1 2 3; do
		test_expect_code 65 plaint -C tree -N $LATER do 2611-0001 issue 2>err || return 1
	done &&
	grep "number: the record lacks a field its number shows" err &&
	test ! -e tree/.plaint/numbers.yaml
'

test_expect_success 'a pattern that does not show its scope’s day is refused (78)' '
	make_tree b &&
	number_policy b &&
	sed -i "s/pattern: \"{department}-{YYYY}{MM}{DD}-{NNN}\"/pattern: \"{department}-{YYYY}{MM}-{NNN}\"/" b/plaint.yaml &&
	test_expect_code 78 plaint -C b list 2>err &&
	grep "number: pattern: counted per day, so it must show the day" err
'

test_expect_success '8 writers at once in two departments: unique, no gaps' '
	make_tree p &&
	number_policy p &&
	i=0 &&
	while [ $i -lt 40 ]; do
		if [ $((i % 2)) = 0 ]; then d=运行一班; else d=检修二班; fi &&
		plaint -C p -N $NOW log kind=job subject=s$i department=$d >>ids ||
		return 1
		i=$((i + 1))
	done &&
	split -n l/8 ids part. &&
	for f in part.*; do
		(
			while read -r id; do
				PLAINT_LOCK_TIMEOUT=120 plaint -C p -N $LATER do "$id" issue ||
				exit 1
			done <"$f"
		) &
	done &&
	wait &&
	for f in p/2026/11/*.yaml; do number_of "$f"; done | sort >numbers &&
	test $(wc -l <numbers) = 40 &&
	sort -u numbers >unique && test_cmp numbers unique &&
	for d in 运行一班 检修二班; do
		grep "^$d-" numbers | sed "s/.*-//" >got &&
		seq -f "%03g" 1 20 >want &&
		test_cmp want got || return 1
	done
'

test_done
