#!/bin/sh
# The manual pages of the commands agree with the binary: the synopsis
# of -h is the SYNOPSIS section, and every example runs.
. "$PLAINT_TOP/tests/test-lib.sh"

MAN1=$PLAINT_TOP/man/man1

# section PAGE NAME: the text of section NAME of a rendered PAGE.
section() {
	mandoc -T utf8 "$1" | col -b |
		awk -v s="$2" '$0 == s { p = 1; next } /^[A-Z]/ { p = 0 } p'
}

# squash: all whitespace runs to one space, none at the ends.
squash() { tr -s " \t\n" "   " | sed "s/^ //; s/ \$//"; }

# examples PAGE: the commands of the EXAMPLES section, without "$ ".
examples() {
	section "$1" EXAMPLES | sed -n "s/^[[:space:]]*\\\$ //p"
}

# fixture DIR: a fresh tree with one November-2026 complaint 2611-0001,
# with deadlines (so that extend has a clock to push).
fixture() {
	make_tree "$1" &&
	plaint -C "$1" -N 2026-11-27T10:00:00+08:00 -u 王芳 log channel=phone \
		category=service-attitude subject=抄表员态度恶劣 \
		complainant.name=张三 complainant.phone=13800000000 \
		due.first_response=2026-11-27T10:30:00+08:00 \
		due.resolution=2026-12-02T23:59:59+08:00 >/dev/null
}

test_expect_success 'there is a page for every command, and a command for every page' '
	plaint -h >help &&
	sed -n "s/^   \\([a-z]*\\) .*/\\1/p" help | sort >commands &&
	test -s commands &&
	ls "$MAN1" | sed -n "s/^plaint-\\(.*\\)\\.1\$/\\1/p" | sort >pages &&
	test_cmp commands pages
'

for page in "$MAN1"/plaint-*.1; do
	cmd=$(basename "$page" .1)
	cmd=${cmd#plaint-}
	test_expect_success MANDOC "$cmd: -h is the SYNOPSIS of plaint-$cmd(1)" '
		section "$page" SYNOPSIS | squash >expect &&
		test -s expect &&
		plaint $cmd -h >help &&
		sed "s/^usage://" help | squash >actual &&
		test_cmp expect actual
	'
done

for page in "$MAN1"/plaint-*.1; do
	cmd=$(basename "$page" .1)
	test_expect_success MANDOC "$cmd(1): every example runs" '
		examples "$page" >cmds &&
		test -s cmds &&
		fixture ex-$cmd &&
		cd ex-$cmd &&
		while IFS= read -r line; do
			eval "$line" </dev/null >../ex-out 2>../ex-err || {
				echo "failed: \$ $line"
				cat ../ex-err
				return 1
			}
		done <../cmds
	'
done

test_expect_success MANDOC 'plaint(1): the examples run in an empty folder' '
	examples "$MAN1/plaint.1" >cmds &&
	test -s cmds &&
	mkdir ex-plaint && cd ex-plaint &&
	while IFS= read -r line; do
		eval "$line" </dev/null >>../ex-out 2>../ex-err || {
			echo "failed: \$ $line"
			cat ../ex-err
			return 1
		}
	done <../cmds &&
	grep "^2611-0001$" ../ex-out &&
	grep "^2611-0001  投诉  已关闭$" ../ex-out
'

test_done
