#!/bin/sh
# The command line beyond getopt's letters: --version and -V, --help as
# -h on plaint and on every command, an unknown long option named, a
# typo of a command answered with the command meant, and "--" still
# ending the options.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
F=2026/11/2611-0001.yaml
SQ="'"
VERSION=$(sed -n "s/^VERSION = //p" "$PLAINT_TOP/Makefile")

test_lazy_prereq MAN 'command -v man || command -v mandoc'

# snapshot TREE: every path under TREE with the checksum of each file.
snapshot() {
	(cd "$1" && find . -print | sort && find . -type f -exec cksum {} + | sort)
}

test_setup 'a tree with one complaint, a folder outside, the command table' '
	make_tree tree &&
	plaint -C tree -N $NOW log subject=s >/dev/null &&
	mkdir outside &&
	plaint -h >help &&
	sed -n "s/^   \\([a-z]*\\) .*/\\1/p" help >commands &&
	test $(wc -l <commands) -ge 20
'

test_expect_success 'the Makefile sets VERSION' '
	echo "$VERSION" | grep "^[0-9][0-9]*\\.[0-9][0-9]*\\.[0-9][0-9]*$"
'

test_expect_success 'plaint --version and plaint -V: "plaint VERSION" on stdout, exit 0' '
	echo "plaint $VERSION" >expect &&
	plaint --version >out 2>err &&
	test_cmp expect out && test_cmp /dev/null err &&
	plaint -V >out 2>err &&
	test_cmp expect out && test_cmp /dev/null err &&
	(cd outside && plaint -C nowhere -V >../out) &&
	test_cmp expect out &&
	test -z "$(ls -A outside)"
'

test_expect_success 'a version that cannot be written: 74, said on stderr' '
	test -w /dev/full &&
	test_expect_code 74 plaint -V >/dev/full 2>err &&
	grep "^plaint: cannot write output: " err &&
	test_expect_code 74 plaint -C tree list --version >/dev/full 2>err &&
	grep "^plaint: cannot write output: " err
'

test_expect_success 'plaint -h ends with the version; -V is in its synopsis' '
	tail -n 1 help >actual &&
	echo "plaint $VERSION" >expect &&
	test_cmp expect actual &&
	sed -n 2p help >actual &&
	echo "   or: plaint -V" >expect &&
	test_cmp expect actual
'

test_expect_success 'plaint(1) carries the version: plaint help shows it' '
	grep "^\\.Os plaint $VERSION$" "$PLAINT_TOP/man/man1/plaint.1"
'

test_expect_success MAN 'plaint help: the version at the foot of the page' '
	(cd outside && plaint help >../out) &&
	grep "plaint $VERSION" out
'

test_expect_success 'plaint --help is plaint -h' '
	plaint --help >out 2>err &&
	test_cmp help out && test_cmp /dev/null err &&
	plaint -q -C tree --help >out &&
	test_cmp help out
'

test_expect_success 'every command: --help is -h, on stdout, exit 0, even outside a tree' '
	while read -r c; do
		(cd outside && plaint $c -h >../expect 2>../err) &&
		(cd outside && plaint $c --help >../out 2>>../err) ||
			{ echo "$c --help: exit $?"; return 1; }
		test -s out && test_cmp expect out && test_cmp /dev/null err ||
			{ echo "$c --help"; return 1; }
	done <commands &&
	test -z "$(ls -A outside)"
'

test_expect_success 'every command: --help before operands in a tree changes nothing' '
	snapshot tree >before &&
	while read -r c; do
		(cd tree && plaint $c -h >../expect) &&
		(cd tree && plaint $c --help 2611-0001 >../out 2>../err) ||
			{ echo "$c --help: exit $?"; return 1; }
		test_cmp expect out && test_cmp /dev/null err || return 1
	done <commands &&
	plaint -C tree note 2611-0001 --help -m x >out &&
	plaint -C tree note 2611-0001 -h >expect &&
	test_cmp expect out &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success 'every command: --version prints the version, changes nothing' '
	echo "plaint $VERSION" >expect &&
	snapshot tree >before &&
	while read -r c; do
		(cd tree && plaint $c --version 2611-0001 >../out 2>../err) ||
			{ echo "$c --version: exit $?"; return 1; }
		test_cmp expect out && test_cmp /dev/null err || return 1
	done <commands &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success 'every command: an unknown long option is named, exit 64, usage on stderr' '
	while read -r c; do
		(cd tree && test_expect_code 64 plaint $c --frobnicate >../out 2>../err) ||
			{ echo "$c --frobnicate: status"; return 1; }
		test_cmp /dev/null out || return 1
		head -n 1 err >actual &&
		echo "plaint: $c: unknown option --frobnicate" >expect &&
		test_cmp expect actual || return 1
		plaint $c -h >expect &&
		sed 1d err >actual &&
		test_cmp expect actual || return 1
	done <commands
'

test_expect_success 'plaint list --frobnicate, and a long option with a value' '
	test_expect_code 64 plaint -C tree list --frobnicate 2>err &&
	grep "^plaint: list: unknown option --frobnicate$" err &&
	test_expect_code 64 plaint -C tree list --format=csv 2>err &&
	grep "^plaint: list: unknown option --format=csv$" err &&
	test_expect_code 64 plaint -C tree list "--$(printf "a\\033b")" 2>err &&
	grep "^plaint: list: unknown option --a?b$" err
'

test_expect_success 'an unknown global long option is named' '
	test_expect_code 64 plaint --frobnicate list >out 2>err &&
	test_cmp /dev/null out &&
	head -n 1 err >actual &&
	echo "plaint: unknown option --frobnicate" >expect &&
	test_cmp expect actual &&
	sed 1d err >actual &&
	test_cmp help actual
'

test_expect_success 'short options still say which letter' '
	test_expect_code 64 plaint -C tree list -Z 2>err &&
	grep "^plaint: list: unknown option -Z$" err &&
	test_expect_code 64 plaint -C tree list -f 2>err &&
	grep "^plaint: list: option -f needs a value$" err
'

test_expect_success 'plaint lsit: did you mean list?' '
	test_expect_code 64 plaint -C tree lsit status=open >out 2>err &&
	test_cmp /dev/null out &&
	echo "plaint: unknown command \"lsit\"; did you mean list?" >expect &&
	test_cmp expect err
'

test_expect_success 'other slips of a command name' '
	for typo in remnid:remind reslove:resolve exprot:export shwo:show \
		asign:assign clsoe:close Show:show; do
		test_expect_code 64 plaint -C tree ${typo%:*} 2>err || return 1
		echo "plaint: unknown command \"${typo%:*}\"; did you mean ${typo#*:}?" >expect &&
		test_cmp expect err || return 1
	done
'

test_expect_success 'a word far from every command: no suggestion' '
	for word in frobnicate xyzzy q escalations; do
		test_expect_code 64 plaint -C tree $word >out 2>err || return 1
		test_cmp /dev/null out &&
		echo "plaint: unknown command \"$word\"; see ${SQ}plaint -h${SQ}" >expect &&
		test_cmp expect err || return 1
	done
'

test_expect_success 'a typo changes nothing' '
	snapshot tree >before &&
	test_expect_code 64 plaint -C tree lgo subject=x 2>err &&
	grep "did you mean log?" err &&
	snapshot tree >after &&
	test_cmp before after
'

test_expect_success '"--" still ends the options: what follows is an operand' '
	test_expect_code 64 plaint help -- --help >out 2>err &&
	test_cmp /dev/null out &&
	echo "plaint: help: no manual page for \"--help\"" >expect &&
	test_cmp expect err &&
	test_expect_code 64 plaint -C tree show -- --version >out 2>err &&
	test_cmp /dev/null out &&
	echo "plaint: show: not a complaint id: \"--version\" (ids look like 2611-0001)" >expect &&
	test_cmp expect err &&
	test_expect_code 64 plaint -C tree list -- --frobnicate 2>err &&
	grep "^plaint: list: not a filter: \"--frobnicate\"" err
'

test_expect_success '"--" ends the global options too' '
	plaint -C tree -- list >out &&
	grep "^2611-0001 " out &&
	test_expect_code 64 plaint -C tree -- --version >out 2>err &&
	test_cmp /dev/null out &&
	echo "plaint: unknown command \"--version\"; see ${SQ}plaint -h${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'an option value that starts with -- is a value' '
	plaint -C tree -N $NOW note 2611-0001 -m --help &&
	grep "^  note: \"*--help\"*$" tree/$F &&
	plaint -C tree -N $NOW note 2611-0001 -m --version >out &&
	test_cmp /dev/null out &&
	grep "^  note: \"*--version\"*$" tree/$F
'

test_done
