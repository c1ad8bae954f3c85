# test-lib.sh - a small git-style harness for end-to-end tests of plaint.
#
# A test file sources this, then declares tests and ends with test_done:
#
#	test_setup TITLE SCRIPT		builds state that later tests share
#	test_expect_success [PREREQ] TITLE SCRIPT
#					SCRIPT, joined with &&, must exit 0
#	test_done			prints "tNNNN: N passed, N failed[, N skipped]"
#
# Every test runs in a fresh folder of its own, which starts as a copy of
# the fixture: what the file's top level and its test_setup scripts left
# there.  So a test sees the state the file set up, never what another
# test changed.  A failing test's folder is kept and its path printed; the
# whole root is removed when every test passed (TEST_KEEP=1 keeps it).
#
# Inside a script, check an exit status on the one command that gives it:
#
#	test_expect_code N CMD...	CMD must exit N
#	test_must_fail CMD...		CMD must fail, but not crash
#
# never on a snippet whose last step is grep or diff, never through a
# pipe.  Before a script runs, it is run once with a false first link
# (git's chain lint): a step that does not hang on && fails the test.
# Any plaint run that ends by a signal or with status 125 or more (the
# sanitizers and valgrind are set to exit 125) fails the test it ran in,
# whatever the script did with its status.
#
# Prerequisites (MANDOC, STRACE, VALGRIND, PYTHON3, USERNS, CC and
# PLAIN_BUILD, the binary without sanitizers) are probed once when first
# asked for; a test whose prerequisite is missing is
# counted as skipped and named.  The clock, zone, locale and user are
# pinned; $PLAINT is the binary under test (under valgrind when
# PLAINT_VALGRIND=1).
set -u
: "${PLAINT_BIN:?run through tests/run.sh}"
TEST_NAME=$(basename "$0" .sh)
TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/plaint-$TEST_NAME.XXXXXX") || exit 1
TEST_FIXTURE=$TEST_ROOT/fixture
mkdir "$TEST_FIXTURE" "$TEST_ROOT/.lint" || exit 1
cd "$TEST_FIXTURE" || exit 1
# TRASH is the folder of the running test (the fixture between tests).
TRASH=$TEST_FIXTURE
export TZ=Asia/Shanghai LC_ALL=C.UTF-8 HOME="$TEST_FIXTURE"
export PLAINT_NOW=2026-11-27T10:00:00+08:00 PLAINT_USER=王芳
unset PLAINT_DIR PLAINT_DATADIR PLAINT_LOCK_TIMEOUT
# A sanitizer's report must not pass for a refusal (exit 1).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=125"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=125:print_stacktrace=1"
test_count=0
test_passed=0
test_failed=0
test_skipped=0
TEST_CRASHES=$TEST_ROOT/.crashes

test_cleanup_() {
	if [ "$test_failed" = 0 ] && [ -z "${TEST_KEEP:-}" ]; then
		rm -rf "$TEST_ROOT"
	else
		printf '# %s: kept %s\n' "$TEST_NAME" "$TEST_ROOT"
	fi
}
trap test_cleanup_ EXIT

plaint() {
	if [ "${PLAINT_VALGRIND:-0}" = 1 ]; then
		valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
			--error-exitcode=125 "$PLAINT_BIN" "$@"
	else
		"$PLAINT_BIN" "$@"
	fi
	plaint_rc_=$?
	if [ "$plaint_rc_" -ge 125 ]; then
		printf 'plaint %s: exit status %s (crashed or killed)\n' \
			"$*" "$plaint_rc_" >>"$TEST_CRASHES"
	fi
	return "$plaint_rc_"
}

say() { printf '%s\n' "$*" >&2; }

# test_expect_code N CMD...: CMD exits with status N.
test_expect_code() {
	want_=$1
	shift
	"$@"
	got_=$?
	[ "$got_" = "$want_" ] && return 0
	printf 'test_expect_code: exit status %s, wanted %s: %s\n' \
		"$got_" "$want_" "$*" >&4
	return 1
}

# test_must_fail CMD...: CMD fails, with a status below 125 (a signal,
# a sanitizer or valgrind gives 125 or more: a crash, not a refusal).
test_must_fail() {
	"$@"
	got_=$?
	if [ "$got_" = 0 ]; then
		printf 'test_must_fail: succeeded: %s\n' "$*" >&4
		return 1
	elif [ "$got_" -ge 125 ]; then
		printf 'test_must_fail: crashed (exit status %s): %s\n' \
			"$got_" "$*" >&4
		return 1
	fi
	return 0
}

# test_cmp EXPECTED ACTUAL: files are equal (shows the diff otherwise).
test_cmp() {
	diff -u "$1" "$2"
}

# test_unchanged BEFORE FILE: FILE (a copy taken before) is unchanged.
test_unchanged() {
	cmp -s "$1" "$2" && return 0
	printf 'test_unchanged: %s changed\n' "$2" >&4
	diff -u "$1" "$2" >&4
	return 1
}

# Prerequisites: test_lazy_prereq NAME SCRIPT probes NAME when a test
# first asks for it; test_have_prereq A,B says whether all are there.
test_lazy_prereq() {
	eval "test_prereq_script_$1=\$2"
}

test_have_prereq() {
	old_ifs_=$IFS
	IFS=,
	set -- $1
	IFS=$old_ifs_
	for p_; do
		eval "state_=\${test_prereq_state_$p_:-}"
		if [ -z "$state_" ]; then
			eval "script_=\${test_prereq_script_$p_:-false}"
			if (cd "$TEST_ROOT/.lint" && eval "$script_") \
			    >/dev/null 2>&1; then
				state_=yes
			else
				state_=no
			fi
			eval "test_prereq_state_$p_=$state_"
		fi
		if [ "$state_" != yes ]; then
			test_missing_prereq_=$p_
			return 1
		fi
	done
	return 0
}

test_lazy_prereq MANDOC 'command -v mandoc && command -v col'
test_lazy_prereq STRACE 'strace -f -o /dev/null true'
test_lazy_prereq VALGRIND 'valgrind -q true'
test_lazy_prereq PYTHON3 'python3 -c "import sys"'
test_lazy_prereq USERNS 'unshare -Urm true'
# The C library's allocator and write(2): shims and timings need them.
test_lazy_prereq PLAIN_BUILD '! nm "$PLAINT_BIN" | grep -q __asan_init'
test_lazy_prereq CC 'echo "int main(void){return 0;}" >t.c && cc -o t t.c'

# build_shim NAME: tests/shims/NAME.c as $TRASH/NAME.so, for LD_PRELOAD.
build_shim() {
	cc -shared -fPIC -O1 -o "$TRASH/$1.so" "$PLAINT_TOP/tests/shims/$1.c"
}

test_ok_() {
	test_passed=$((test_passed + 1))
	[ -n "${TEST_VERBOSE:-}" ] && printf 'ok %s %d - %s\n' "$TEST_NAME" \
		"$test_count" "$1"
	return 0
}

test_fail_() {
	test_failed=$((test_failed + 1))
	printf 'not ok %s %d - %s\n' "$TEST_NAME" "$test_count" "$1"
	[ -s "$2" ] && sed 's/^/#   /' "$2" | tail -n 30
	printf '#   in %s\n' "$3"
	return 0
}

# test_run_ KIND TITLE SCRIPT: KIND is "test" (a fresh copy of the
# fixture) or "setup" (in the fixture itself).
test_run_() {
	test_count=$((test_count + 1))
	if [ "$1" = setup ]; then
		dir_=$TEST_FIXTURE
	else
		dir_=$TEST_ROOT/$(printf '%03d' "$test_count")
		mkdir "$dir_" && cp -a "$TEST_FIXTURE/." "$dir_/" || {
			test_fail_ "$2" /dev/null "$dir_"
			return
		}
	fi
	out_=$TEST_ROOT/$(printf '%03d' "$test_count").out
	: >"$out_"
	rm -f "$TEST_CRASHES"
	# Chain lint: with a false first link, a script that is one &&
	# chain does nothing and keeps the 117.
	(cd "$TEST_ROOT/.lint" && eval "(exit 117) && $3
") >/dev/null 2>&1 </dev/null 4>/dev/null
	lint_=$?
	rm -rf "$TEST_ROOT/.lint" && mkdir "$TEST_ROOT/.lint"
	if [ "$lint_" != 117 ]; then
		echo "broken &&-chain: a step runs even when the one before it fails" >>"$out_"
		rm -f "$TEST_CRASHES"
		test_fail_ "$2" "$out_" "$dir_"
		return
	fi
	(cd "$dir_" && TRASH=$dir_ && HOME=$dir_ && export HOME &&
		eval "$3") >>"$out_" 2>&1 </dev/null 4>&1
	rc_=$?
	if [ -s "$TEST_CRASHES" ]; then
		cat "$TEST_CRASHES" >>"$out_"
		rm -f "$TEST_CRASHES"
		test_fail_ "$2" "$out_" "$dir_"
	elif [ "$rc_" = 0 ]; then
		test_ok_ "$2"
		[ "$1" = setup ] || rm -rf "$dir_"
		rm -f "$out_"
	else
		echo "exit status $rc_" >>"$out_"
		test_fail_ "$2" "$out_" "$dir_"
	fi
}

# test_expect_success [PREREQ] TITLE SCRIPT
test_expect_success() {
	if [ $# = 3 ]; then
		if ! test_have_prereq "$1"; then
			test_count=$((test_count + 1))
			test_skipped=$((test_skipped + 1))
			printf 'skip %s %d - %s (missing %s)\n' "$TEST_NAME" \
				"$test_count" "$2" "$test_missing_prereq_"
			return 0
		fi
		shift
	fi
	test_run_ test "$1" "$2"
}

# test_setup TITLE SCRIPT: build state in the fixture, for the tests
# after it.  It counts as a test: a setup that fails is a failure.
test_setup() {
	test_run_ setup "$1" "$2"
}

# A fresh tree with the default policy in ./$1 (default: tree).
make_tree() {
	plaint -q init "${1:-tree}" >/dev/null
}

# with_clocks TREE: the three clocks of the rules tests and their base
# deadlines appended to TREE's policy; the deadlines list is left open,
# so a caller may append more rules to it.
with_clocks() {
	cat >>"$1/plaint.yaml" <<-\EOF
	clocks:
	  first_response: {starts: log, stops: [contact, resolve], pause: true}
	  resolution: {starts: log, stops: resolve, pause: true}
	  callback: {starts: resolve, stops: close}
	deadlines:
	  - {id: base, set: {first_response: 24h, resolution: 5d, callback: 3d}}
	EOF
}

# Policy packs (t11xx, t12xx).

# due_of FILE CLOCK: the stored due.CLOCK of a complaint file.
due_of() { sed -n "s/^  $2: \"\(.*\)\"$/\1/p" "$1"; }

# pack_loads PACK: init -p PACK makes tree, and policy prints the pack,
# as text and as JSON.
pack_loads() {
	plaint -q init -p "$1" tree &&
	plaint -C tree policy >out &&
	grep "^policy: $1$" out &&
	plaint -C tree policy -f json >out.json &&
	grep "\"policy\": \"$1\"" out.json
}

# pack_vocabulary: the causes, calendars and time zone scripts rely on.
pack_vocabulary() {
	for v in staff customer product other; do
		grep "^  $v: " tree/plaint.yaml || return 1
	done &&
	grep "^calendars: \[cn-2025, cn-2026\]$" tree/plaint.yaml &&
	grep "^timezone: \"+08:00\"$" tree/plaint.yaml
}

# passes_check: plaint check finds no problem in any file of tree.
passes_check() {
	plaint -C tree check 2>check.err &&
	grep "^plaint: check: [0-9]* file(s), 0 with problems$" check.err
}

# refuses_channel ALLOWED: log with a channel the pack lacks exits 65,
# writes nothing, and names the channels it allows.
refuses_channel() {
	ls -R tree >before &&
	test_expect_code 65 plaint -C tree log channel=wechat subject=x 2>err &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: channel: \"wechat\" is not allowed; the policy allows: $1$" err
}

test_done() {
	trap - EXIT
	test_cleanup_
	if [ "$test_skipped" -gt 0 ]; then
		skipped_=", $test_skipped skipped"
	else
		skipped_=
	fi
	printf '%s: %d passed, %d failed%s\n' "$TEST_NAME" "$test_passed" \
		"$test_failed" "$skipped_"
	[ "$test_failed" = 0 ]
	exit
}
