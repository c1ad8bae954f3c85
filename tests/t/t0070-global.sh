#!/bin/sh
# Global options, finding the tree, -h everywhere, usage errors, the lock.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
SQ="'"
F=2026/11/2611-0001.yaml
COMMANDS="init log show list assign do note escalate extend resolve close reopen pause resume set policy report remind export import check help"

# synopsis CMD: what CMD -h must print.
synopsis() {
	case $1 in
	init) echo "usage: plaint init [-p pack] [dir]" ;;
	log) printf "usage: plaint log [field=value ...]\n       plaint log -\n" ;;
	show) echo "usage: plaint show [-f yaml|json|text] ID" ;;
	list) echo "usage: plaint list [-Bmr] [-f text|json|jsonl|csv|ids] [-n count] [-o file] [-s key] [filter ...]" ;;
	report) echo "usage: plaint report [-f table|csv|json] [-B] [-b field[,field]] [-o file] [-t table] [filter ...]" ;;
	remind) echo "usage: plaint remind [-w window] [-e] [filter ...]" ;;
	export) echo "usage: plaint export [-Br] [-f jsonl|csv] [-o file] [filter ...]" ;;
	import) echo "usage: plaint import [-kn] [-d sep] [-e encoding] [-f jsonl|csv|yaml] [file ...]" ;;
	assign) echo "usage: plaint assign ID ... PERSON [department=dept] [-m note]" ;;
	note) echo "usage: plaint note ID ... -m text [-c]" ;;
	set) echo "usage: plaint set ID ... field=value ... -m reason" ;;
	escalate) echo "usage: plaint escalate ID [-m reason] [assignee=person] [department=dept]" ;;
	extend) printf "usage: plaint extend ID clock=duration approved_by=person -m reason\n       plaint extend ID field=value ... [-m reason]\n" ;;
	resolve) echo "usage: plaint resolve ID -m result [valid=yes|no] [cause=cause] [responsible=person[,person ...]]" ;;
	close) printf "usage: plaint close ID [satisfaction=satisfied|unsatisfied] [notice=letter|sms|phone|visit] [-m note]\n       plaint close ID withdrawn=yes -m note\n" ;;
	reopen) echo "usage: plaint reopen ID -m reason" ;;
	pause) echo "usage: plaint pause ID -m reason" ;;
	resume) echo "usage: plaint resume ID [-m note]" ;;
	do) echo "usage: plaint do ID ACTION [field=value ...] [-m note]" ;;
	policy) printf "usage: plaint policy [-f yaml|json|text]\n       plaint policy [-f text|json] due [field=value ...]\n" ;;
	check) echo "usage: plaint check [-x]" ;;
	help) echo "usage: plaint help [command]" ;;
	esac
}

# snapshot TREE: every path under TREE with the checksum of each file.
snapshot() {
	(cd "$1" && find . -print | sort && find . -type f -exec cksum {} + | sort)
}

# hold_lock TREE SECONDS: hold TREE's writer lock for SECONDS in the
# background ($holder is the holder's pid); returns once it is held.
hold_lock() {
	rm -f held &&
	{ flock "$1/.plaint/lock" sh -c "touch held; sleep $2" & } &&
	holder=$! &&
	i=0 &&
	while [ ! -e held ] && [ $i -lt 100 ]; do
		sleep 0.05 && i=$((i + 1)) || return 1
	done &&
	{ test -e held || { echo "the lock of $1 was not taken"; return 1; }; }
}

# The fixture: tree, with 2611-0001 and the folders tree/sub/deeper,
# and a folder outside any tree.
test_setup 'a tree with one complaint, a folder outside' '
	make_tree tree &&
	plaint -C tree -N $NOW log subject=s >/dev/null &&
	mkdir -p tree/sub/deeper outside &&
	test -f tree/$F
'

test_expect_success 'every command -h: its synopsis on stdout, exit 0, even outside a tree' '
	for c in $COMMANDS; do
		(cd outside && plaint $c -h >../out 2>../err) ||
			{ echo "$c -h: exit $?"; return 1; }
		synopsis $c >expect &&
		test_cmp expect out || return 1
		test ! -s err || { echo "$c -h wrote to stderr"; cat err; return 1; }
	done &&
	test -z "$(ls -A outside)"
'

test_expect_success 'every command -h inside a tree, with other operands, changes nothing' '
	snapshot tree >before &&
	for c in $COMMANDS; do
		(cd tree && plaint $c -h 2611-0001 >../out 2>../err) ||
			{ echo "$c -h: exit $?"; return 1; }
		synopsis $c >expect &&
		test_cmp expect out || return 1
		test ! -s err || { echo "$c -h wrote to stderr"; cat err; return 1; }
	done &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success 'plaint -C dir log -h' '
	plaint -C tree log -h >out &&
	synopsis log >expect && test_cmp expect out &&
	plaint -C nowhere log -h >out &&
	test_cmp expect out
'

test_expect_success 'plaint -h: the global synopsis and the commands, on stdout' '
	plaint -h >out 2>err &&
	test ! -s err &&
	head -n 1 out >actual &&
	echo "usage: plaint [-q] [-C dir] [-N now] [-u actor] command [args]" >expect &&
	test_cmp expect actual &&
	for c in $COMMANDS; do
		grep "^   $c  *[a-z]" out || { echo "$c missing"; return 1; }
	done
'

test_expect_success 'an unknown global option' '
	test_expect_code 64 plaint -z list 2>err >out &&
	test ! -s out &&
	head -n 1 err >actual &&
	echo "plaint: unknown option -z" >expect &&
	test_cmp expect actual &&
	plaint -h >expect &&
	sed 1d err >actual &&
	test_cmp expect actual
'

test_expect_success 'a global option without its value' '
	test_expect_code 64 plaint -C 2>err >out &&
	test ! -s out &&
	head -n 1 err >actual &&
	echo "plaint: option -C needs a value" >expect &&
	test_cmp expect actual &&
	plaint -h >expect &&
	sed 1d err >actual &&
	test_cmp expect actual
'

test_expect_success 'an unknown option of every command exits 64 with its usage on stderr' '
	for c in $COMMANDS; do
		(cd tree && test_expect_code 64 plaint $c -Z >../out 2>../err) ||
			{ echo "$c -Z: status"; return 1; }
		test ! -s out || { echo "$c -Z: output"; return 1; }
		grep "^plaint: $c: unknown option -Z$" err || return 1
		synopsis $c >expect &&
		sed 1d err >actual &&
		test_cmp expect actual || return 1
	done
'

test_expect_success 'an unknown command' '
	test_expect_code 64 plaint -C tree frobnicate 2>err >out &&
	test ! -s out &&
	echo "plaint: unknown command \"frobnicate\"; see $(printf "\\047")plaint -h$(printf "\\047")" >expect &&
	test_cmp expect err
'

test_expect_success 'no command' '
	test_expect_code 64 plaint -C tree 2>err >out &&
	test ! -s out &&
	grep "^usage: plaint " err &&
	plaint -h >expect &&
	test_cmp expect err
'

test_expect_success 'outside a tree: exit 78 and how to create one' '
	(cd outside && test_expect_code 78 plaint list >../out 2>../err) &&
	test ! -s out &&
	echo "plaint: list: not a plaint tree (no plaint.yaml in the working directory or above); create one with $(printf "\\047")plaint init DIR$(printf "\\047")" >expect &&
	test_cmp expect err &&
	test -z "$(ls -A outside)"
'

test_expect_success 'outside a tree every command but init and help exits 78' '
	mkdir bare &&
	for args in "log subject=s" "show 2611-0001" list "assign 2611-0001 a" \
		"note 2611-0001 -m x" "escalate 2611-0001" \
		"extend 2611-0001 resolution=1d approved_by=a -m r" \
		"resolve 2611-0001 -m r" "close 2611-0001" "reopen 2611-0001 -m r" \
		"pause 2611-0001 -m r" "resume 2611-0001" policy "policy due" \
		report remind export "import -f jsonl" check; do
		(cd bare && test_expect_code 78 plaint $args >../out 2>../err) ||
			{ echo "$args: status"; return 1; }
		test ! -s out || { echo "$args: output"; return 1; }
		grep "^plaint: ${args%% *}: not a plaint tree .*; create one with " err ||
			return 1
	done &&
	test -z "$(ls -A bare)"
'

test_expect_success '-C with a folder that is not a tree' '
	test_expect_code 78 plaint -C outside list >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: not a plaint tree (no plaint.yaml in .*outside); create one with " err
'

test_expect_success '-C with a folder that does not exist' '
	test_expect_code 78 plaint -C nowhere list >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: nowhere: cannot find the tree" err &&
	test ! -e nowhere
'

test_expect_success 'the tree is found by walking up from a subdirectory' '
	(cd tree/sub/deeper && plaint show 2611-0001 >../../../out) &&
	test_cmp tree/$F out &&
	(cd tree/sub/deeper && plaint -N $NOW log subject=from-below >../../../out) &&
	echo 2611-0002 >expect && test_cmp expect out &&
	test -f tree/2026/11/2611-0002.yaml &&
	test ! -e tree/sub/deeper/2026
'

test_expect_success 'the nearest tree wins' '
	plaint -q init tree/sub/inner &&
	(cd tree/sub/inner && plaint -N $NOW log subject=inner >../../../out) &&
	echo 2611-0001 >expect && test_cmp expect out &&
	test -f tree/sub/inner/$F
'

test_expect_success '$PLAINT_DIR names the tree' '
	(cd outside && PLAINT_DIR=../tree plaint show 2611-0001 >../out) &&
	test_cmp tree/$F out
'

test_expect_success '-C wins over $PLAINT_DIR, which wins over the working directory' '
	make_tree other &&
	(cd tree && PLAINT_DIR=../other plaint -C ../tree show 2611-0001 >../out) &&
	test_cmp tree/$F out &&
	(cd tree && PLAINT_DIR=../other test_expect_code 66 plaint show 2611-0001 >../out 2>../err) &&
	test ! -s out &&
	grep "no such complaint \"2611-0001\"" err
'

test_expect_success '-N fixes the clock; $PLAINT_NOW too; -N wins' '
	make_tree clock &&
	PLAINT_NOW=2026-11-03T08:00:00+08:00 plaint -C clock log subject=a >/dev/null &&
	PLAINT_NOW=2026-11-03T08:00:00+08:00 plaint -C clock -N 2026-11-04T09:30:00+08:00 log subject=b >/dev/null &&
	grep "^received: \"2026-11-03T08:00:00+08:00\"$" clock/2026/11/2611-0001.yaml &&
	grep "^received: \"2026-11-04T09:30:00+08:00\"$" clock/2026/11/2611-0002.yaml
'

test_expect_success '-N: other forms, in the policy time zone without an offset' '
	make_tree forms &&
	plaint -C forms -N "2026-11-27 10:00" log subject=a >/dev/null &&
	plaint -C forms -N 2026-11-28 log subject=b >/dev/null &&
	plaint -C forms -N 2026-11-29T02:00:00Z log subject=c >/dev/null &&
	grep -h "^received:" forms/2026/11/*.yaml >actual &&
	cat >expect <<-\EOT &&
	received: "2026-11-27T10:00:00+08:00"
	received: "2026-11-28T00:00:00+08:00"
	received: "2026-11-29T10:00:00+08:00"
	EOT
	test_cmp expect actual
'

test_expect_success '-N that is not a time' '
	test_expect_code 64 plaint -C tree -N last-week list 2>err >out &&
	test ! -s out &&
	echo "plaint: list: -N: \"last-week\" is not a time (use 2026-11-27T10:00:00+08:00, yesterday 14:30 or -2h)" >expect &&
	test_cmp expect err
'

test_expect_success '-u names the actor; $PLAINT_USER too; -u wins' '
	make_tree who &&
	PLAINT_USER=甲 plaint -C who -N $NOW log subject=a >/dev/null &&
	PLAINT_USER=甲 plaint -C who -N $NOW -u 乙 note 2611-0001 -m x &&
	sed -n "s/^  by: //p" who/$F >actual &&
	printf "\"甲\"\n\"乙\"\n" >expect &&
	test_cmp expect actual &&
	grep "^received_by: \"甲\"$" who/$F
'

test_expect_success 'without -u and $PLAINT_USER, the login name' '
	make_tree login &&
	(unset PLAINT_USER && plaint -C login -N $NOW log subject=a >/dev/null) &&
	me=$(id -un) &&
	grep "^received_by: \"\\{0,1\\}$me\"\\{0,1\\}$" login/$F
'

test_expect_success '-u with an empty or invalid name' '
	snapshot tree >before &&
	test_expect_code 64 plaint -C tree -u "" -N $NOW log subject=a 2>err &&
	test_expect_code 64 plaint -C tree -u "$(printf "a\\377")" -N $NOW log subject=a 2>>err &&
	test_expect_code 64 plaint -C tree -u "" note 2611-0001 -m x 2>>err &&
	cat >expect <<-EOT &&
	plaint: log: -u: the actor${SQ}s name is empty
	plaint: log: -u: the actor${SQ}s name is not valid UTF-8
	plaint: note: -u: the actor${SQ}s name is empty
	EOT
	test_cmp expect err &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success '-q: no warnings on stderr, the exit status unchanged' '
	make_tree quiet &&
	plaint -C quiet -N $NOW log subject=a >/dev/null &&
	printf "id: [\n" >quiet/2026/11/2611-0002.yaml &&
	test_expect_code 65 plaint -C quiet list >out 2>err &&
	grep "^plaint: list: warning: 2026/11/2611-0002.yaml" err &&
	mv out loud &&
	test_expect_code 65 plaint -q -C quiet list >out 2>err &&
	test ! -s err &&
	test_cmp loud out &&
	test_expect_code 65 plaint -C quiet check 2>err &&
	grep "^plaint: check: warning: 2026/11/2611-0002.yaml" err &&
	test_expect_code 65 plaint -q -C quiet check 2>err &&
	test ! -s err
'

test_expect_success '-q: errors are still printed' '
	test_expect_code 66 plaint -q -C tree show 2611-0099 2>err &&
	grep "^plaint: show: no such complaint" err &&
	test_expect_code 65 plaint -q -C tree log channel=fax subject=x 2>err &&
	grep "^plaint: log: channel: " err
'

test_expect_success 'global options in any order before the command' '
	plaint -q -u 丙 -N $NOW -C tree note 2611-0001 -m y &&
	plaint -N $NOW -C tree -u 丁 -q note 2611-0001 -m z &&
	sed -n "s/^  by: //p" tree/$F | tail -n 2 >actual &&
	printf "\"丙\"\n\"丁\"\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'help CMD shows the manual page, with no tree' '
	(cd outside && plaint help note >../out) &&
	grep "plaint-note" out &&
	grep "^ *plaint note ID ... -m text \[-c\]" out &&
	(cd outside && plaint help >../out) &&
	grep "PLAINT(1)" out
'

test_expect_success 'help of a command that has no page' '
	test_expect_code 64 plaint help frobnicate >out 2>err &&
	test ! -s out &&
	echo "plaint: help: no manual page for \"frobnicate\"" >expect &&
	test_cmp expect err
'

test_expect_success 'busy: a held lock makes a write exit 75, changing nothing; then it works' '
	make_tree lk &&
	plaint -C lk -N $NOW log subject=a >/dev/null &&
	cp lk/$F before &&
	hold_lock lk 3 &&
	t0=$(date +%s%N) &&
	PLAINT_LOCK_TIMEOUT=0.5 test_expect_code 75 plaint -C lk -N $NOW note 2611-0001 -m x 2>err &&
	ms=$(( ($(date +%s%N) - t0) / 1000000 )) &&
	test $ms -ge 400 &&
	{ [ "${PLAINT_VALGRIND:-0}" = 1 ] || test $ms -lt 2500; } &&
	echo "plaint: note: busy: another plaint is changing this tree (waited 500 ms); try again" >expect &&
	test_cmp expect err &&
	test_cmp before lk/$F &&
	PLAINT_LOCK_TIMEOUT=0.5 test_expect_code 75 plaint -C lk -N $NOW log subject=b 2>err &&
	echo "plaint: log: busy: another plaint is changing this tree (waited 500 ms); try again" >expect &&
	test_cmp expect err &&
	test ! -e lk/2026/11/2611-0002.yaml &&
	plaint -C lk show 2611-0001 >out &&
	test_cmp before out &&
	wait $holder &&
	PLAINT_LOCK_TIMEOUT=0.5 plaint -C lk -N $NOW note 2611-0001 -m x &&
	grep "^  note: x$" lk/$F &&
	PLAINT_LOCK_TIMEOUT=0.5 plaint -C lk -N $NOW log subject=b >out &&
	echo 2611-0002 >expect && test_cmp expect out
'

test_expect_success 'a writer waits for the lock within PLAINT_LOCK_TIMEOUT' '
	make_tree lw &&
	plaint -C lw -N $NOW log subject=a >/dev/null &&
	hold_lock lw 1 &&
	t0=$(date +%s%N) &&
	PLAINT_LOCK_TIMEOUT=5 plaint -C lw -N $NOW note 2611-0001 -m waited &&
	ms=$(( ($(date +%s%N) - t0) / 1000000 )) &&
	wait $holder &&
	{ test $ms -ge 500 || { echo "the note did not wait: $ms ms"; return 1; }; } &&
	grep "^  note: waited$" lw/$F
'

test_done
