#!/bin/sh
# Every manual page is clean under mandoc's lint (warnings count), and
# every command's page has the sections a command's page must have, in
# their order (style(9) and STYLE.md).
. "$PLAINT_TOP/tests/test-lib.sh"

for page in "$PLAINT_TOP"/man/man?/*.[157]; do
	name=$(basename "$page")
	test_expect_success MANDOC "$name: mandoc -T lint is clean" '
		mandoc -T lint -W warning "$page" >lint 2>&1 &&
		test_cmp /dev/null lint
	'
done

for page in "$PLAINT_TOP"/man/man1/*.1; do
	name=$(basename "$page")
	test_expect_success "$name: NAME … SEE ALSO, in order" '
		sed -n "s/^\.Sh //p" "$page" >sections &&
		printf "%s\n" NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT \
			FILES "EXIT STATUS" EXAMPLES "SEE ALSO" >expect &&
		test_cmp expect sections
	'
done

test_done
