# test-lib.sh - a small git-style harness for end-to-end tests of plaint.
#
# A test file sources this, then calls test_expect_success /
# test_expect_code with a title and a shell snippet, and ends with
# test_done.  Each file runs in a fresh temporary directory with the
# clock, zone, locale and user pinned; $PLAINT is the binary under test
# (wrapped in valgrind when PLAINT_VALGRIND=1).
set -u
: "${PLAINT_BIN:?run through tests/run.sh}"
TEST_NAME=$(basename "$0" .sh)
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/plaint-test.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1
export TZ=Asia/Shanghai LC_ALL=C.UTF-8 HOME="$TRASH"
export PLAINT_NOW=2026-11-27T10:00:00+08:00 PLAINT_USER=王芳
unset PLAINT_DIR PLAINT_DATADIR PLAINT_LOCK_TIMEOUT
test_passed=0
test_failed=0

plaint() {
	if [ "${PLAINT_VALGRIND:-0}" = 1 ]; then
		valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
			--error-exitcode=99 "$PLAINT_BIN" "$@"
	else
		"$PLAINT_BIN" "$@"
	fi
}

say() { printf '%s\n' "$*" >&2; }

test_ok_() {
	test_passed=$((test_passed + 1))
	[ -n "${TEST_VERBOSE:-}" ] && printf 'ok %s - %s\n' "$TEST_NAME" "$1"
	return 0
}

test_fail_() {
	test_failed=$((test_failed + 1))
	printf 'not ok %s - %s\n' "$TEST_NAME" "$1"
	[ -s "$TRASH/.test-out" ] && sed 's/^/#   /' "$TRASH/.test-out" | tail -n 20
	return 0
}

# test_expect_success TITLE SCRIPT: SCRIPT must exit 0.
test_expect_success() {
	if (eval "$2") >"$TRASH/.test-out" 2>&1; then
		test_ok_ "$1"
	else
		test_fail_ "$1"
	fi
}

# test_expect_code CODE TITLE SCRIPT: SCRIPT's last command exits CODE.
test_expect_code() {
	(eval "$3") >"$TRASH/.test-out" 2>&1
	rc=$?
	if [ "$rc" = "$1" ]; then
		test_ok_ "$2"
	else
		echo "exit status $rc, wanted $1" >>"$TRASH/.test-out"
		test_fail_ "$2"
	fi
}

# test_cmp EXPECTED ACTUAL: files are equal (shows the diff otherwise).
test_cmp() {
	diff -u "$1" "$2"
}

# A fresh tree with the default policy in ./$1 (default: tree).
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

# refuses_channel ALLOWED: log with a channel the pack lacks exits 65,
# writes nothing, and names the channels it allows.
refuses_channel() {
	ls -R tree >before &&
	{ plaint -C tree log channel=wechat subject=x 2>err; rc=$?; } &&
	ls -R tree >after &&
	test_cmp before after &&
	grep "^plaint: log: channel: \"wechat\" is not allowed; the policy allows: $1$" err &&
	return $rc
}

make_tree() {
	plaint -q init "${1:-tree}" >/dev/null
}

test_done() {
	printf '%s: %d passed, %d failed\n' "$TEST_NAME" "$test_passed" \
		"$test_failed" >>"${TEST_RESULTS:-/dev/null}"
	[ "$test_failed" = 0 ]
}
