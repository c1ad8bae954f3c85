#!/bin/sh
# A policy key of the wrong type is refused with 78, naming the key and
# its line, instead of loading as if it were absent (a zone that falls
# back to +08:00 without a word, departments that accept anything, a
# channel list that turns into plaint's own).  Under make check-asan
# these also prove the refusal frees what it loaded (it leaked once).
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'a tree' 'make_tree tree && cp tree/plaint.yaml pristine.yaml'

# with KEY VALUE: the policy with KEY replaced by "KEY: VALUE" at the end.
with() {
	awk -v k="$1:" '
		index($0, k) == 1 { skip = 1; next }
		skip && /^[ \t-]/ { next }
		{ skip = 0; print }
	' pristine.yaml >tree/plaint.yaml &&
	printf "%s: %s\n" "$1" "$2" >>tree/plaint.yaml &&
	wc -l <tree/plaint.yaml >lines
}

for row in "timezone|[1, 2]|must be a value, not a list or a mapping" \
	"title|{a: b}|must be a value, not a list or a mapping" \
	"business_hours|[\"08:00-17:00\"]|must be a value, not a list or a mapping" \
	"departments|{a: b}|a: must map to {label: …}" \
	"channels|{}|names no value: list at least one, or leave the key out" \
	"categories|[]|names no value" \
	"calendars|[[cn-2026]]|must be a name"; do
	key=${row%%|*} rest=${row#*|}
	value=${rest%%|*} msg=${rest#*|}
	test_expect_success "$key: $value is refused with 78" '
		with "$key" "$value" &&
		test_expect_code 78 plaint -C tree list 2>err &&
		grep "plaint.yaml:$(cat lines):[0-9]*: $key: $msg" err &&
		test_expect_code 78 plaint -C tree remind -e 2>/dev/null
	'
done

test_expect_success 'departments: [] still means any department' '
	with departments "[]" &&
	plaint -C tree log subject=s department=随便 >/dev/null
'

test_done
