#!/bin/sh
# The round cap (rounds: {max: N} in the policy): a complaint is handled
# in at most N rounds at one level; the reopen that would start one more
# round sends it one level up the escalation chain instead (status
# escalated, level + 1, the level recorded in the reopen event).  At the
# top of the chain, or without a cap, a reopen only starts the next round.
. "$PLAINT_TOP/tests/test-lib.sh"

F=tree/2026/11/2611-0001.yaml

# capped MAX: a default tree (three levels) allowing MAX rounds (none if
# empty), with 2611-0001 assigned to 李四 and resolved.
capped() {
	make_tree tree &&
	if [ -n "$1" ]; then
		printf 'rounds: {max: %s}\n' "$1" >>tree/plaint.yaml
	fi &&
	plaint -C tree log subject=s >/dev/null &&
	plaint -C tree assign 2611-0001 李四 &&
	plaint -C tree resolve 2611-0001 -m done
}

# again N: N times, reopen and resolve again; ends reopened.
again() {
	i=0 &&
	while [ "$i" -lt "$1" ]; do
		i=$((i + 1)) &&
		plaint -C tree reopen 2611-0001 -m "客户不满意" || return 1
		[ "$i" = "$1" ] || plaint -C tree resolve 2611-0001 -m again ||
			return 1
	done
}

# state_is STATUS LEVEL ROUND: the complaint's status, level and round.
state_is() {
	printf 'status: %s\nlevel: %s\nround: %s\n' "$1" "$2" "$3" >expect &&
	grep -E "^(status|level|round): " $F >actual &&
	test_cmp expect actual
}

test_expect_success 'max 2: the second round stays at its level' '
	capped 2 && again 1 && state_is assigned 0 2
'

test_expect_success 'max 2: the third round goes one level up' '
	capped 2 && again 2 && state_is escalated 1 3 &&
	sed -n "/action: reopen/,\$p" $F >reopens &&
	grep -c "^  level: 1$" reopens >n && echo 1 >expect && test_cmp expect n
'

test_expect_success 'max 1: the first reopen already goes up' '
	capped 1 && again 1 && state_is escalated 1 2
'

test_expect_success 'max 1: every further round goes one more level up' '
	capped 1 && again 2 && state_is escalated 2 3
'

test_expect_success 'at the top of the chain a reopen only starts a round' '
	capped 1 && again 3 && state_is assigned 2 4
'

test_expect_success 'without a cap, rounds go on at the same level' '
	capped "" && again 5 && state_is assigned 0 6
'

test_expect_success 'a bad cap is a configuration error' '
	capped 2 &&
	printf "rounds: {max: 0}\n" >>tree/plaint.yaml &&
	cp $F before &&
	test_expect_code 78 plaint -C tree reopen 2611-0001 -m x 2>err &&
	grep "rounds" err &&
	test_cmp before $F
'

test_done
