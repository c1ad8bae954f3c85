#!/bin/sh
# plaint remind as cron and systemd run it: the crontab and the units of
# plaint-remind(1), taken from the page itself (so that the page and the
# test cannot drift), run with an empty environment, the C locale, no
# terminal and a minimal PATH.  Nothing due: no output at all (no mail),
# exit 0.  Something due: the list.  On a terminal the page's sentence.
. "$PLAINT_TOP/tests/test-lib.sh"

PAGE=$PLAINT_TOP/man/man1/plaint-remind.1
# The clock: cron has none pinned, but the test must.
NOW=2026-11-27T10:00:00+08:00
# Where the page's commands are installed and their tree lives.
BIN=/usr/local/bin/plaint
SRV=/srv/complaints
SQ="'"

test_lazy_prereq SCRIPT 'script -qec true /dev/null </dev/null'
test_lazy_prereq SYSTEMD_ANALYZE 'systemd-analyze calendar "*:0/10"'

# block WORD: the literal display of the page that holds WORD, as typed.
block() {
	awk -v w="$1" '
		/^\.Bd -literal/ { inside = 1; n = 0; has = 0; next }
		/^\.Ed/ {
			if (inside && has)
				for (i = 1; i <= n; i++)
					print line[i]
			inside = 0
			next
		}
		inside { line[++n] = $0; if (index($0, w)) has = 1 }
	' "$PAGE" | sed 's/\\e/\\/g; s/\\-/-/g; s/\\&//g'
}

# local_paths: the page's paths made this test's: the binary under test,
# the tree in the test's folder.
local_paths() {
	sed "s|$BIN|$PLAINT_BIN|g; s|$SRV|$TRASH/tree|g"
}

# cron_run N: line N of the crontab's commands as cron runs it: sh -c,
# the crontab's variables, cron's PATH and SHELL, no HOME, LC_ALL=C,
# stdin not a terminal, stdout and stderr together in ./mail (what
# cron would mail).  Its exit status is the command's.
cron_run() {
	cmd=$(sed -n "$1p" commands | local_paths) &&
	test -n "$cmd" &&
	env -i $(cat assignments) PATH=/usr/bin:/bin SHELL=/bin/sh \
		LOGNAME=cron LC_ALL=C PLAINT_NOW=$NOW \
		/bin/sh -c "$cmd" </dev/null >mail 2>&1
}

# systemd_run: the service's ExecStart as systemd runs it (no shell,
# the unit's Environment=, HOME=/, LC_ALL=C, no terminal), what it
# printed (the journal's) in ./journal.
systemd_run() {
	exec_start=$(sed -n "s/^ExecStart=//p" service | local_paths) &&
	test -n "$exec_start" &&
	env -i $(sed -n "s/^Environment=//p" service) PATH=/usr/bin:/bin \
		HOME=/ LC_ALL=C PLAINT_NOW=$NOW \
		$exec_start </dev/null >journal 2>&1
}

# simple_crontab: five time fields before each command; no % (cron's
# newline), no quotes or $ for cron's sh to read differently; variables
# without spaces.
simple_crontab() {
	awk '{ if (NF < 6) exit 1
		for (i = 1; i <= 5; i++) if ($i !~ /^[0-9*\/,-]+$/) exit 1 }' entries &&
	! grep "[%\"$SQ\$]" crontab &&
	! grep " " assignments
}

# snapshot TREE: every path under TREE with the checksum of each file.
snapshot() {
	(cd "$1" && find . -print | sort && find . -type f -exec cksum {} + | sort)
}

test_setup 'the crontab and the units of plaint-remind(1); a tree with rules' '
	block MAILTO= >crontab &&
	grep "^[A-Z_]*=" crontab >assignments &&
	grep -v "^[A-Z_]*=" crontab >entries &&
	test -s assignments && test -s entries &&
	sed "s/^[^ ]*  *[^ ]*  *[^ ]*  *[^ ]*  *[^ ]*  *//" entries >commands &&
	test $(wc -l <commands) = 2 &&
	block ExecStart= >service &&
	block OnCalendar= >timer &&
	test -s service && test -s timer &&
	make_tree tree &&
	with_clocks tree &&
	echo "auto_escalate: [resolution]" >>tree/plaint.yaml
'

test_expect_success 'the crontab: five time fields, simple variables, no % and no quotes' '
	simple_crontab &&
	grep "^PLAINT_USER=" assignments
'

test_expect_success 'the crontab names plaint by a path cron finds: cron gives PATH=/usr/bin:/bin' '
	while read -r cmd; do
		case $cmd in
		/*) ;;
		*) echo "not a full path: $cmd"; return 1 ;;
		esac
	done <commands &&
	grep -c "^$BIN " commands >n && echo 2 >expect && test_cmp expect n
'

test_expect_success 'an empty tree: the morning line mails nothing, exit 0' '
	test_expect_code 0 cron_run 1 &&
	test_cmp /dev/null mail
'

test_expect_success 'a tree where nothing is due: both lines mail nothing, change nothing' '
	plaint -C tree -N 2026-11-27T09:00:00+08:00 log subject=噪音 >/dev/null &&
	plaint -C tree -N 2026-11-27T09:10:00+08:00 note 2611-0001 -c -m 已联系 &&
	snapshot tree >before &&
	test_expect_code 0 cron_run 1 &&
	test_cmp /dev/null mail &&
	test_expect_code 0 cron_run 2 &&
	test_cmp /dev/null mail &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success 'something overdue: the morning line mails the list; the -e line escalates, mailing nothing' '
	plaint -C tree -N 2026-11-20T09:00:00+08:00 log subject=抄表员态度恶劣 assignee=李四 >/dev/null &&
	test_expect_code 0 cron_run 1 &&
	cat >expect <<-\EOF &&
	李四: 2 overdue
	  2611-0001  first_response  2026-11-21 09:00  overdue by 6d 1h   抄表员态度恶劣
	  2611-0001  resolution      2026-11-25 23:59  overdue by 1d 10h  抄表员态度恶劣
	EOF
	test_cmp expect mail &&
	grep "^level: 0$" tree/2026/11/2611-0001.yaml &&
	test_expect_code 0 cron_run 2 &&
	test_cmp /dev/null mail &&
	grep "^level: 1$" tree/2026/11/2611-0001.yaml &&
	grep "^  by: \"*cron\"*$" tree/2026/11/2611-0001.yaml
'

test_expect_success 'a broken file is mailed: a warning and exit 65' '
	plaint -C tree -N 2026-11-27T09:00:00+08:00 log subject=噪音 >/dev/null &&
	printf "id: [\n" >tree/2026/11/2611-0002.yaml &&
	test_expect_code 65 cron_run 1 &&
	grep "^plaint: remind: warning: 2026/11/2611-0002.yaml" mail
'

test_expect_success 'the service: ExecStart is a full path and a plain word list' '
	grep "^ExecStart=/" service &&
	! grep "^ExecStart=.*[\"\\$;|&<>]" service &&
	grep "^Type=oneshot$" service &&
	grep "^Environment=PLAINT_USER=" service
'

test_expect_success 'the service, nothing due: no output, exit 0, no change' '
	plaint -C tree -N 2026-11-27T09:00:00+08:00 log subject=噪音 >/dev/null &&
	plaint -C tree -N 2026-11-27T09:10:00+08:00 note 2611-0001 -c -m 已联系 &&
	snapshot tree >before &&
	test_expect_code 0 systemd_run &&
	test_cmp /dev/null journal &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success 'the service, something overdue: the list and what it escalated' '
	plaint -C tree -N 2026-11-20T09:00:00+08:00 log subject=抄表员态度恶劣 assignee=李四 >/dev/null &&
	test_expect_code 0 systemd_run &&
	cat >expect <<-\EOF &&
	李四: 2 overdue
	  2611-0001  first_response  2026-11-21 09:00  overdue by 6d 1h   抄表员态度恶劣
	  2611-0001  resolution      2026-11-25 23:59  overdue by 1d 10h  抄表员态度恶劣

	escalated 2611-0001 to level 1 (部门负责人): resolution overdue
	EOF
	test_cmp expect journal &&
	grep "^  by: \"*systemd\"*$" tree/2026/11/2611-0001.yaml &&
	test_expect_code 0 systemd_run &&
	grep "^李四: 2 overdue$" journal &&
	! grep "^escalated" journal
'

test_expect_success 'the timer: every ten minutes, persistent, for the service of the same name' '
	grep "^OnCalendar=\\*:0/10$" timer &&
	grep "^Persistent=true$" timer &&
	grep "^WantedBy=timers.target$" timer &&
	grep "^\\.Pa /etc/systemd/system/plaint-remind\\.service$" "$PAGE" &&
	grep "^\\.Pa /etc/systemd/system/plaint-remind\\.timer ,$" "$PAGE"
'

test_expect_success SYSTEMD_ANALYZE 'systemd-analyze takes the units and the calendar' '
	mkdir units &&
	local_paths <service >units/plaint-remind.service &&
	cp timer units/plaint-remind.timer &&
	systemd-analyze verify units/plaint-remind.service units/plaint-remind.timer &&
	systemd-analyze calendar "$(sed -n "s/^OnCalendar=//p" timer)"
'

test_expect_success 'not a terminal, nothing due: a pipe and a file get nothing' '
	plaint -C tree remind >out 2>err &&
	test_cmp /dev/null out && test_cmp /dev/null err &&
	{ plaint -C tree remind; echo $? >rc; } | cat >out &&
	echo 0 >expect && test_cmp expect rc &&
	test_cmp /dev/null out
'

test_expect_success SCRIPT 'on a terminal, nothing due: the sentence' '
	test_expect_code 0 script -qec "$PLAINT_BIN -C tree remind" /dev/null </dev/null >tty &&
	tr -d "\\r" <tty >out &&
	echo "nothing overdue or due within 24h" >expect &&
	test_cmp expect out &&
	test_expect_code 0 script -qec "$PLAINT_BIN -C tree remind -w 3d" /dev/null </dev/null >tty &&
	tr -d "\\r" <tty >out &&
	echo "nothing overdue or due within 3d" >expect &&
	test_cmp expect out
'

test_expect_success SCRIPT 'on a terminal with -q: nothing' '
	test_expect_code 0 script -qec "$PLAINT_BIN -q -C tree remind" /dev/null </dev/null >tty &&
	test_cmp /dev/null tty
'

test_expect_success SCRIPT 'on a terminal, something due: the same list as cron mails' '
	plaint -C tree -N 2026-11-20T09:00:00+08:00 log subject=抄表员态度恶劣 assignee=李四 >/dev/null &&
	plaint -C tree remind >expect &&
	test -s expect &&
	test_expect_code 0 script -qec "$PLAINT_BIN -C tree remind" /dev/null </dev/null >tty &&
	tr -d "\\r" <tty >out &&
	test_cmp expect out
'

test_done
