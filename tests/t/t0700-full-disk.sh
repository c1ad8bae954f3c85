#!/bin/sh
# A real full disk (RELIABILITY T8): the tree on a tiny tmpfs in a user
# and mount namespace of its own, filled until log fails.  Then every
# write command exits 73 (the file cannot be created) or 74 (it cannot
# be written), naming the error, every record is byte-identical, no
# temporary file is left, and show and list still work.
. "$PLAINT_TOP/tests/test-lib.sh"

# inside.sh DIR: runs in the namespace with the tmpfs mounted on DIR.
cat >inside.sh <<\EOF
set -u
dir=$1
"$PLAINT_BIN" -q init "$dir/tree" >/dev/null || exit 2
i=0 rc=0
# Fill it: log until the disk refuses (a file takes a page of tmpfs).
while [ $i -lt 200 ]; do
	i=$((i + 1))
	"$PLAINT_BIN" -C "$dir/tree" log subject="第${i}号" >/dev/null 2>>full.err ||
		{ rc=$?; break; }	# status recorded
done
echo "$rc" >log.rc
ls "$dir/tree/2026/11" | grep -c '\.yaml$' >files.n
(cd "$dir/tree" && find 2026 -type f -exec sha256sum {} + | sort) >before.sha
: >rcs
"$PLAINT_BIN" -C "$dir/tree" log subject=more 2>>write.err; echo "log $?" >>rcs
"$PLAINT_BIN" -C "$dir/tree" note 2611-0001 -m "$(head -c 8000 /dev/zero | tr '\0' x)" 2>>write.err
echo "note $?" >>rcs
"$PLAINT_BIN" -C "$dir/tree" assign 2611-0002 李四 2>>write.err; echo "assign $?" >>rcs
printf '{"subject": "a"}\n{"subject": "b"}\n' >rows.jsonl
"$PLAINT_BIN" -C "$dir/tree" import rows.jsonl 2>>write.err; echo "import $?" >>rcs
(cd "$dir/tree" && find 2026 -type f -exec sha256sum {} + | sort) >after.sha
find "$dir/tree" -name '.tmp-*' >tmps
"$PLAINT_BIN" -C "$dir/tree" show 2611-0001 >/dev/null; echo "show $?" >>rcs
"$PLAINT_BIN" -C "$dir/tree" list >list.out; echo "list $?" >>rcs
EOF

test_expect_success USERNS 'a full tmpfs: writes fail, records stay whole, reads work' '
	mkdir disk &&
	test_expect_code 0 unshare -Urm sh -c "mount -t tmpfs -o size=96k plaint-full \"\$1\" && sh inside.sh \"\$1\"" sh "$TRASH/disk" &&
	grep -E "^7[34]$" log.rc &&
	test "$(cat files.n)" -gt 3 &&
	grep "No space left on device" full.err &&
	grep -E "^(log|note|assign|import) 7[34]$" rcs >failed &&
	test "$(wc -l <failed)" = 4 &&
	grep "^show 0$" rcs && grep "^list 0$" rcs &&
	test "$(grep -c "No space left on device" write.err)" -ge 4 &&
	test_cmp before.sha after.sha &&
	test_cmp /dev/null tmps &&
	test "$(wc -l <list.out)" = $(($(cat files.n) + 1))
'

test_done
