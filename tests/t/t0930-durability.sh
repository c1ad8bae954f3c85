#!/bin/sh
# Durability order, lock semantics and permissions (RELIABILITY.md T16,
# T17, T13).  The syscall order is read from strace: a tmp opened with
# O_EXCL and mode 0600, all its writes and its fsync before the rename or
# link, the folder fsync'd after the rename or link and after a mkdir,
# and no final record ever opened with O_TRUNC.  Without strace (or
# python3, which runs the lint) those tests are counted as skipped (CI
# must install both).
. "${PLAINT_TOP:-.}/tests/test-lib.sh"

# LeakSanitizer cannot run under ptrace: keep ASan builds usable here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

SYSCALLS=openat,write,fsync,fdatasync,rename,renameat,renameat2,link,linkat,mkdir,mkdirat,close,unlink,unlinkat

# traced OUT ARGS...: run the real binary (not valgrind) under strace.
traced() {
	out=$1 &&
	shift &&
	strace -f -qq -s 64 -o "$out" -e trace=$SYSCALLS "$PLAINT_BIN" "$@"
}

cat >lint.py <<\EOF
# Check the order of the syscalls of one plaint run (strace -f output).
import re, sys

LINE = re.compile(r'^(\d+)\s+(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(.*)$')
RECORD = re.compile(r'(^|/)([A-Z0-9]+-)?\d{4}-\d{4,}\.yaml$')
errors = []
expect_mkdir = int(sys.argv[2]) if len(sys.argv) > 2 else None


def args_of(s):
    """Split strace's argument text at top-level commas."""
    out, depth, cur, q = [], 0, "", False
    i = 0
    while i < len(s):
        c = s[i]
        if q:
            cur += c
            if c == "\\":
                cur += s[i + 1]
                i += 1
            elif c == '"':
                q = False
        elif c == '"':
            q = True
            cur += c
        elif c in "[{(":
            depth += 1
            cur += c
        elif c in "]})":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


def unq(s):
    return s[1:-1] if s.startswith('"') else s


calls = []
for raw in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = LINE.match(raw.rstrip("\n"))
    if m and "unfinished" not in raw:
        pid, name, a, ret, rest = m.groups()
        calls.append((pid, name, args_of(a), ret, raw.strip()))

# fd -> what it is, per pid: ("tmp", name, dirfd) / ("dir", name)
fds = {}
tmps = {}       # (pid, name) -> {"fd", "writes", "synced", "linked"}
pending = []    # (pid, dirfd, why) that still need an fsync(dirfd)
renamed = 0

for i, (pid, name, a, ret, raw) in enumerate(calls):
    ok = ret != "?" and int(ret) >= 0
    if name == "openat" and ok:
        path, flags = unq(a[1]), a[2]
        if RECORD.search(path) and "O_TRUNC" in flags:
            errors.append("O_TRUNC on a final record: " + raw)
        if RECORD.search(path) and ("O_WRONLY" in flags or "O_RDWR" in
                                    flags):
            errors.append("a final record opened for writing: " + raw)
        base = path.rsplit("/", 1)[-1]
        if base.startswith(".tmp-"):
            if not ("O_CREAT" in flags and "O_EXCL" in flags):
                errors.append("tmp opened without O_CREAT|O_EXCL: " + raw)
            if len(a) < 4 or a[3] != "0600":
                errors.append("tmp not created with mode 0600: " + raw)
            fds[(pid, ret)] = ("tmp", base)
            tmps[(pid, base)] = {"fd": ret, "writes": 0, "synced": False,
                                 "closed": False}
        elif "O_DIRECTORY" in flags:
            fds[(pid, ret)] = ("dir", path)
        else:
            fds[(pid, ret)] = ("file", path)
    elif name == "write":
        kind = fds.get((pid, a[0]))
        if kind and kind[0] == "tmp":
            t = tmps[(pid, kind[1])]
            if t["synced"]:
                errors.append("write to the tmp after its fsync: " + raw)
            if not ok:
                errors.append("a failed write to the tmp: " + raw)
            t["writes"] += 1
        elif kind and kind[0] == "file" and RECORD.search(kind[1]):
            errors.append("write to a final record: " + raw)
    elif name in ("fsync", "fdatasync"):
        kind = fds.get((pid, a[0]))
        if kind and kind[0] == "tmp" and ok:
            tmps[(pid, kind[1])]["synced"] = True
        if ok:
            pending = [p for p in pending if not (p[0] == pid and
                                                   p[1] == a[0])]
    elif name == "close":
        kind = fds.pop((pid, a[0]), None)
        if kind and kind[0] == "tmp":
            tmps[(pid, kind[1])]["closed"] = True
        left = [p for p in pending if p[0] == pid and p[1] == a[0]]
        for p in left:
            errors.append("folder fd %s closed without fsync after %s"
                          % (a[0], p[2]))
        pending = [p for p in pending if p not in left]
    elif name in ("rename", "renameat", "renameat2", "link", "linkat") \
            and ok:
        if name in ("rename", "link"):
            src, dst, dirfd = unq(a[0]), unq(a[1]), "AT_FDCWD"
        else:
            src, dst, dirfd = unq(a[1]), unq(a[3]), a[2]
        t = tmps.get((pid, src.rsplit("/", 1)[-1]))
        if t is None:
            errors.append("rename/link from something not a tmp: " + raw)
        else:
            if not t["synced"]:
                errors.append("rename/link before fsync of the tmp: " + raw)
            if t["writes"] == 0:
                errors.append("rename/link of an empty tmp: " + raw)
        if not RECORD.search(dst):
            errors.append("rename/link to something not a record: " + raw)
        renamed += 1
        pending.append((pid, dirfd, raw))
    elif name in ("mkdir", "mkdirat") and ok:
        dirfd = "AT_FDCWD" if name == "mkdir" else a[0]
        pending.append((pid, dirfd, raw))

for p in pending:
    errors.append("no fsync of the folder after " + p[2])
if renamed == 0:
    errors.append("no rename or link at all: nothing was traced?")
mkdirs = sum(1 for c in calls if c[1] in ("mkdir", "mkdirat") and
             c[3] != "?" and int(c[3]) == 0)
if expect_mkdir is not None and mkdirs != expect_mkdir:
    errors.append("expected %d new folders, saw %d" % (expect_mkdir, mkdirs))
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
EOF

# --- T16: durability order ---------------------------------------------

test_expect_success PYTHON3 'T16: the lint catches a bad order (self-test)' '
	cat >bad.trace <<-\EOF &&
	100 openat(3, ".tmp-100-0", O_WRONLY|O_CREAT|O_CLOEXEC, 0644) = 5
	100 write(5, "x", 1) = 1
	100 renameat(6, ".tmp-100-0", 6, "2611-0001.yaml") = 0
	100 fsync(5) = 0
	100 openat(6, "2611-0002.yaml", O_WRONLY|O_CREAT|O_TRUNC, 0600) = 7
	100 mkdirat(3, "2026", 0700) = 0
	100 close(3) = 0
	100 close(6) = 0
	EOF
	test_expect_code 1 python3 lint.py bad.trace >bad.out &&
	cat bad.out &&
	grep "without O_CREAT|O_EXCL" bad.out &&
	grep "not created with mode 0600" bad.out &&
	grep "before fsync of the tmp" bad.out &&
	grep "O_TRUNC on a final record" bad.out &&
	grep "closed without fsync after .* mkdirat" bad.out &&
	grep "closed without fsync after .* renameat" bad.out
'

# The T16 fixture: a tree with 2611-0001 and 2611-0002, written untraced;
# each test traces one more write to it.
test_setup 'T16: a tree with two complaints' '
	make_tree &&
	plaint -C tree log subject=first >id &&
	plaint -C tree log subject=second >>id &&
	printf "2611-0001\n2611-0002\n" >expect &&
	test_cmp expect id
'

test_expect_success STRACE,PYTHON3 'T16: log into a new year and month' '
	make_tree new &&
	traced log1.trace -C new log subject=first >id &&
	echo 2611-0001 >expect &&
	test_cmp expect id &&
	python3 lint.py log1.trace 2
'

test_expect_success STRACE,PYTHON3 'T16: log into an existing month' '
	traced log2.trace -C tree log subject=third >id &&
	echo 2611-0003 >expect &&
	test_cmp expect id &&
	python3 lint.py log2.trace 0
'

test_expect_success STRACE,PYTHON3 'T16: log into a new month of an existing year' '
	traced log3.trace -C tree -N 2026-12-01T00:00:00+08:00 log \
		subject=december >id &&
	echo 2612-0001 >expect &&
	test_cmp expect id &&
	python3 lint.py log3.trace 1
'

test_expect_success STRACE,PYTHON3 'T16: note' '
	cp tree/2026/11/2611-0001.yaml before &&
	traced note.trace -C tree note 2611-0001 -m "a note" &&
	! cmp -s before tree/2026/11/2611-0001.yaml &&
	python3 lint.py note.trace 0
'

test_expect_success STRACE,PYTHON3 'T16: note -c, assign, resolve' '
	traced c.trace -C tree note 2611-0002 -c -m "called back" &&
	python3 lint.py c.trace 0 &&
	traced assign.trace -C tree assign 2611-0002 李四 &&
	python3 lint.py assign.trace 0 &&
	traced resolve.trace -C tree resolve 2611-0002 -m "fixed" &&
	python3 lint.py resolve.trace 0
'

test_expect_success STRACE,PYTHON3 'T16: log from stdin' '
	echo "subject: from stdin" |
	traced stdin.trace -C tree log - >id &&
	echo 2611-0003 >expect &&
	test_cmp expect id &&
	python3 lint.py stdin.trace 0
'

test_expect_success STRACE 'T16: after every traced write, no tmp is left and check is clean' '
	traced 1.trace -C tree log subject=third >/dev/null &&
	traced 2.trace -C tree -N 2026-12-01T00:00:00+08:00 log \
		subject=december >/dev/null &&
	traced 3.trace -C tree note 2611-0001 -m "a note" &&
	traced 4.trace -C tree note 2611-0002 -c -m "called back" &&
	traced 5.trace -C tree assign 2611-0002 李四 &&
	traced 6.trace -C tree resolve 2611-0002 -m "fixed" &&
	echo "subject: from stdin" |
	traced 7.trace -C tree log - >/dev/null &&
	find tree -name ".tmp-*" >tmps &&
	test_cmp /dev/null tmps &&
	plaint -C tree check
'

# --- T17: fail-fast on a held lock ---------------------------------------

# hold_lock SECONDS: hold the tree's lock in the background and return
# once it is held.  The holder is one process (flock(1), then exec
# sleep with the locked fd), so that killing holder.pid frees the lock.
hold_lock() {
	(exec 9>>tree/.plaint/lock && flock 9 && exec sleep "$1") &
	echo $! >holder.pid &&
	n=0 &&
	while flock -n tree/.plaint/lock true; do
		n=$((n + 1))
		[ "$n" -lt 500 ] || return 1
		sleep 0.01
	done
}

ms() { date +%s%3N; }

# The timed calls run the binary itself, "$PLAINT_BIN" (through env to
# set the bound): valgrind's start-up would blur the bounds.

# The T17 fixture: a fresh tree with one complaint, and a copy of it.
test_setup 'T17: a tree with one complaint to lock' '
	rm -rf tree &&
	make_tree &&
	plaint -C tree log subject=locked >/dev/null &&
	cp tree/2026/11/2611-0001.yaml before
'

test_expect_success 'T17: a held lock makes note exit 75 "busy" after the bound' '
	hold_lock 3 &&
	t0=$(ms) &&
	test_expect_code 75 env PLAINT_LOCK_TIMEOUT=0.5 \
		"$PLAINT_BIN" -C tree note 2611-0001 -m late 2>err &&
	t1=$(ms) &&
	cat err &&
	echo "exit 75 after $((t1 - t0)) ms" &&
	grep "busy" err &&
	[ $((t1 - t0)) -ge 450 ] && [ $((t1 - t0)) -lt 2500 ] &&
	test_cmp before tree/2026/11/2611-0001.yaml &&
	kill "$(cat holder.pid)" && wait
'

test_expect_success 'T17: log is refused the same way and creates nothing' '
	hold_lock 3 &&
	test_expect_code 75 env PLAINT_LOCK_TIMEOUT=0.3 \
		"$PLAINT_BIN" -C tree log subject=late >out 2>err &&
	grep busy err &&
	test_cmp /dev/null out &&
	ls -A tree/2026/11 >files &&
	echo 2611-0001.yaml >expect &&
	test_cmp expect files &&
	kill "$(cat holder.pid)" && wait
'

test_expect_success 'T17: a lock released within the bound lets note succeed' '
	hold_lock 1 &&
	t0=$(ms) &&
	env PLAINT_LOCK_TIMEOUT=5 \
		"$PLAINT_BIN" -C tree note 2611-0001 -m waited &&
	t1=$(ms) &&
	echo "waited $((t1 - t0)) ms" &&
	[ $((t1 - t0)) -ge 300 ] &&
	wait &&
	plaint -C tree show 2611-0001 >out &&
	grep "note: waited" out &&
	! cmp -s before tree/2026/11/2611-0001.yaml
'

test_expect_success 'T17: the default bound is 5 s' '
	hold_lock 10 &&
	t0=$(ms) &&
	test_expect_code 75 "$PLAINT_BIN" -C tree note 2611-0001 -m late 2>err &&
	t1=$(ms) &&
	echo "exit 75 after $((t1 - t0)) ms" &&
	grep busy err &&
	[ $((t1 - t0)) -ge 4900 ] && [ $((t1 - t0)) -lt 7000 ] &&
	test_cmp before tree/2026/11/2611-0001.yaml &&
	kill "$(cat holder.pid)" && wait
'

test_expect_success 'T17: a holder killed with SIGKILL leaves no stale lock' '
	hold_lock 30 &&
	kill -9 "$(cat holder.pid)" &&
	wait &&
	flock -n tree/.plaint/lock true &&
	PLAINT_LOCK_TIMEOUT=0 plaint -C tree note 2611-0001 -m after-kill &&
	plaint -C tree show 2611-0001 >out &&
	grep "note: after-kill" out
'

# --- T13: permissions under any umask ------------------------------------

# perm_tree: a fresh tree written under the current umask: a record in
# 2026/11 (noted and assigned) and one in 2026/12.
perm_tree() {
	rm -rf tree && make_tree &&
	plaint -C tree log subject=perm >/dev/null &&
	plaint -C tree -N 2026-12-01T00:00:00+08:00 log subject=dec \
		>/dev/null &&
	plaint -C tree note 2611-0001 -m again &&
	plaint -C tree assign 2611-0001 李四
}

# modes_ok: records 600, year/month folders 700, .plaint 700, lock 600.
modes_ok() {
	find tree -type f -name "*.yaml" ! -name plaint.yaml \
		-exec stat -c "%a %n" {} + >modes &&
	find tree -mindepth 1 -type d -exec stat -c "%a %n" {} + >>modes &&
	stat -c "%a %n" tree/.plaint/lock >>modes &&
	cat modes &&
	[ "$(grep -c "/2026/1[12]/" modes)" -ge 2 ] &&
	! grep -v "^600 .*\\.yaml\$" modes | grep -v "^700 tree/" |
		grep -v "^600 tree/.plaint/lock\$"
}

# tmp_mode_during CMD...: run plaint with its rename/link held back 1.5 s
# by strace, and print the mode of the tmp file seen meanwhile; the
# status is plaint's.
tmp_mode_during() {
	strace -o /dev/null -e trace=renameat,renameat2,linkat \
		-e inject=renameat,renameat2,linkat:delay_enter=1500000 \
		"$PLAINT_BIN" "$@" >/dev/null &
	pid=$! &&
	n=0 &&
	while [ -z "$(find tree -name ".tmp-*" 2>/dev/null)" ]; do
		n=$((n + 1))
		[ "$n" -lt 1000 ] || break
		sleep 0.01
	done &&
	find tree -name ".tmp-*" -exec stat -c %a {} + &&
	wait $pid
}

for u in 000 022; do
	test_expect_success "T13: umask $u: records 0600, folders 0700" "
		umask $u &&
		perm_tree &&
		stat -c %a tree/.plaint >m &&
		echo 700 >expect &&
		test_cmp expect m &&
		modes_ok
	"
	test_expect_success STRACE "T13: umask $u: the tmp is 0600 during a write" "
		umask $u &&
		perm_tree &&
		tmp_mode_during -C tree note 2611-0001 -m slow >note.mode &&
		echo \"note tmp: \$(cat note.mode)\" &&
		echo 600 >expect &&
		test_cmp expect note.mode &&
		tmp_mode_during -C tree log subject=slow >log.mode &&
		echo \"log tmp: \$(cat log.mode)\" &&
		test_cmp expect log.mode &&
		modes_ok
	"
	test_expect_success "T13: umask $u: .plaint made by a writer is 0700" "
		umask $u &&
		perm_tree &&
		rm -rf tree/.plaint &&
		plaint -C tree note 2611-0001 -m relock &&
		stat -c %a tree/.plaint tree/.plaint/lock >m &&
		printf '700\n600\n' >expect &&
		test_cmp expect m
	"
done

test_done
