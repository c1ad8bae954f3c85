#!/bin/sh
# lint-tests.sh FILE... - what test-lib's chain lint cannot see in the
# end-to-end tests: an exit status lost in a pipe or kept in a variable,
# and the old whole-snippet form of test_expect_code.  Prints each
# offending line as FILE:LINE: what; exits 1 if there was one.
#
# A pipe whose left side runs plaint loses plaint's status; a line that
# records it itself (`{ plaint …; echo $? >rc; } | head`) is allowed, and
# so is a driver's rc=$? on a line marked "# status recorded".
exec awk '
function bad(what) {
	printf "%s:%d: %s: %s\n", FILENAME, FNR, what, $0
	n++
}
/^[ \t]*#/ { next }
/^test_expect_code [0-9]+ ['\''"]/ {
	bad("test_expect_code checks one command inside a test now")
}
# A driver that records the status of many runs says so on the line.
/rc=\$\?|exit \$rc|return \$rc/ && !/# status recorded/ {
	bad("check the status with test_expect_code on the command")
}
{
	# Text in double quotes is data: a | there is no pipe.
	line = $0
	if (line ~ /^test_(expect_success|setup) /)
		next
	gsub(/"\$PLAINT_BIN"/, "plaint", line)
	gsub(/"([^"\\]|\\.)*"/, "\"\"", line)
	if (line ~ /(^|[^-A-Za-z_.$\/])plaint( +-[A-Za-z]| +[a-z$]+)[^|#]*\|[^|]/ &&
	    line !~ /echo \$\? *>/)
		bad("a pipe loses plaint'\''s exit status")
}
END { exit n > 0 }
' "$@"
