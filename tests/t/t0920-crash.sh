#!/bin/sh
# Crash safety (RELIABILITY.md T1, smaller): a loop of writers is killed
# with SIGKILL at a random moment, again and again, and after every kill
# the store must be whole: the record parses, no acknowledged change is
# lost, at most the one in flight is added, no lock is held, and
# 'check -x' removes every leftover tmp file of the dead writer.
#
# The driver is a small python3 script: it runs the writers back to back
# and kills the one running when a random 1-50 ms timer fires (pidfd +
# select, so the moment is exact), and it reaps the victim itself, so
# that no zombie keeps the tmp file's pid looking alive.
. "${PLAINT_TOP:-.}/tests/test-lib.sh"

NOTE_TRIALS=${CRASH_NOTE_TRIALS:-200}
LOG_TRIALS=${CRASH_LOG_TRIALS:-30}

cat >driver.py <<\EOF
import fcntl, json, os, random, re, select, signal, subprocess, sys, time

BIN, TREE, MODE, TRIALS, SEED = sys.argv[1:6]
TRIALS = int(TRIALS)
rng = random.Random(int(SEED))
MONTH = os.path.join(TREE, "2026", "11")
ID = "2611-0001"
stats = {"trials": 0, "in_flight_kept": 0, "tmp_left": 0, "tmp_removed": 0}
problems = []


def plaint(*args):
    return subprocess.run([BIN, "-C", TREE] + list(args),
                          capture_output=True, text=True)


def bad(trial, what):
    problems.append("trial %d: %s" % (trial, what))


def kill_loop(make_argv, ms):
    """Run make_argv(k), k = 1, 2, ... back to back; SIGKILL the one that
    runs when ms milliseconds have passed.  Returns ([(k, stdout)] of the
    acknowledged runs, the k that was killed, its exit status)."""
    deadline = time.monotonic() + ms / 1000.0
    acked = []
    k = 0
    while True:
        k += 1
        p = subprocess.Popen(make_argv(k), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        fd = os.pidfd_open(p.pid)
        try:
            left = max(0.0, deadline - time.monotonic())
            done = select.select([fd], [], [], left)[0]
            if not done:
                os.kill(p.pid, signal.SIGKILL)
            out, err = p.communicate()   # reaps: no zombie is left
        finally:
            os.close(fd)
        if p.returncode == -signal.SIGKILL:
            return acked, k
        if p.returncode != 0:
            raise SystemExit("k=%d exited %d: %s" % (k, p.returncode, err))
        # Done on its own (maybe just before the kill): acknowledged.
        acked.append((k, out))


def lock_is_free():
    with open(os.path.join(TREE, ".plaint", "lock"), "rb") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(f, fcntl.LOCK_UN)
        return True


def tmps():
    return sorted(n for n in os.listdir(MONTH) if n.startswith(".tmp-"))


def sweep(trial):
    """No lock held; check -x removes every tmp; then none is left and
    check is clean."""
    if not lock_is_free():
        bad(trial, "the lock is still held after the writer died")
    left = tmps()
    stats["tmp_left"] += bool(left)
    r = plaint("check", "-x")
    if r.returncode != 0:
        bad(trial, "check -x exited %d: %s" % (r.returncode, r.stderr))
    m = re.search(r"removed (\d+) leftover", r.stderr)
    removed = int(m.group(1)) if m else 0
    stats["tmp_removed"] += removed
    if removed != len(left):
        bad(trial, "check -x removed %d of %d tmp files %s: %s"
            % (removed, len(left), left, r.stderr))
    if tmps():
        bad(trial, "tmp files remain after check -x: %s" % tmps())
    r = plaint("check")
    if r.returncode != 0 or "leftover" in r.stderr:
        bad(trial, "check after the sweep: %d %s" % (r.returncode,
                                                      r.stderr))


def history():
    r = plaint("show", "-f", "json", ID)
    if r.returncode != 0:
        return None, r.stderr
    return json.loads(r.stdout)["history"], ""


def note_trials():
    hist, err = history()
    if hist is None:
        raise SystemExit("no complaint to note: " + err)
    for t in range(1, TRIALS + 1):
        stats["trials"] += 1
        ms = rng.randint(1, 50)
        acked, killed = kill_loop(
            lambda k: [BIN, "-C", TREE, "note", ID, "-m", "t%d-%d" % (t, k)],
            ms)
        before = len(hist)
        hist, err = history()
        if hist is None:
            bad(t, "show fails after a kill at %d ms (torn?): %s" % (ms, err))
            raise SystemExit("\n".join(problems))
        ns = [e.get("n") for e in hist]
        if ns != list(range(1, len(hist) + 1)):
            bad(t, "history n is not 1..%d: %s" % (len(hist), ns[-5:]))
        got = [e.get("note") for e in hist[before:]]
        want = ["t%d-%d" % (t, k) for k, _ in acked]
        if got == want + ["t%d-%d" % (t, killed)]:
            stats["in_flight_kept"] += 1
        elif got != want:
            bad(t, "killed at %d ms: %d acknowledged notes %s, history "
                "gained %s" % (ms, len(want), want, got))
        sweep(t)


def records():
    """{id: subject} from the files, read directly (no plaint)."""
    out = {}
    for n in os.listdir(MONTH):
        if n.startswith(".") or not n.endswith(".yaml"):
            continue
        text = open(os.path.join(MONTH, n), encoding="utf-8").read()
        i = re.search(r'^id: "([^"]*)"$', text, re.M)
        s = re.search(r'^subject: "?([^"]*)"?$', text, re.M)
        if not text.endswith("\n") or i is None or s is None:
            raise SystemExit("%s is torn or partial:\n%s" % (n, text))
        if i.group(1) + ".yaml" != n:
            raise SystemExit("%s holds id %s" % (n, i.group(1)))
        out[i.group(1)] = s.group(1)
    return out


def log_trials():
    recs = records()
    for t in range(1, TRIALS + 1):
        stats["trials"] += 1
        ms = rng.randint(1, 50)
        acked, killed = kill_loop(
            lambda k: [BIN, "-C", TREE, "log", "subject=L%d-%d" % (t, k)],
            ms)
        old = recs
        recs = records()
        new = {i: s for i, s in recs.items() if i not in old}
        if any(old[i] != recs.get(i) for i in old):
            bad(t, "an existing record changed")
        want = {out.strip(): "L%d-%d" % (t, k) for k, out in acked}
        extra = {i: s for i, s in new.items() if i not in want}
        if any(new.get(i) != s for i, s in want.items()):
            bad(t, "acknowledged logs missing or wrong: %s vs %s"
                % (want, new))
        if extra:
            if list(extra.values()) == ["L%d-%d" % (t, killed)]:
                stats["in_flight_kept"] += 1
            else:
                bad(t, "unexpected new records %s" % extra)
        subjects = list(recs.values())
        if len(set(subjects)) != len(subjects):
            bad(t, "a complaint was recorded twice")
        serials = sorted(int(i.split("-")[1]) for i in recs)
        if serials != list(range(1, len(serials) + 1)):
            bad(t, "ids are not contiguous: %s" % serials[-5:])
        sweep(t)


if MODE == "note":
    note_trials()
else:
    log_trials()
print("%s: %d trials, %d kept the write in flight, %d left tmp files "
      "(%d removed by check -x)" % (MODE, stats["trials"],
                                     stats["in_flight_kept"],
                                     stats["tmp_left"], stats["tmp_removed"]))
if problems:
    print("\n".join(problems[:20]), file=sys.stderr)
    sys.exit(1)
EOF

SEED=${CRASH_SEED:-$(date +%s)}

# test_setup_prereq PREREQ TITLE SCRIPT: test_setup when PREREQ is there;
# else the step is counted as skipped (test-lib.sh's test_setup takes
# no prerequisite; test_expect_success reports the skip).
test_setup_prereq() {
	if test_have_prereq "$1"; then
		test_setup "$2" "$3"
	else
		test_expect_success "$1" "$2" "$3"
	fi
}

# The kills are one story on one tree, in the fixture: the note kills,
# then the log kills, then the checks of what is left.  The driver
# checks the tree after every kill and exits 1 on a problem; its stats
# stay in the fixture, for the lines printed at the end.
test_setup 'a tree with one complaint' '
	make_tree &&
	plaint -C tree log subject=crash >id &&
	echo 2611-0001 >expect &&
	test_cmp expect id
'

test_setup_prereq PYTHON3 "kill -9 of 'note' at random moments ($NOTE_TRIALS times)" '
	python3 driver.py "$PLAINT_BIN" tree note "$NOTE_TRIALS" "$SEED" \
		>note.stats &&
	cat note.stats
'

test_setup_prereq PYTHON3 "kill -9 of 'log' at random moments ($LOG_TRIALS times)" '
	python3 driver.py "$PLAINT_BIN" tree log "$LOG_TRIALS" "$SEED" \
		>log.stats &&
	cat log.stats
'

test_expect_success PYTHON3 'after all the kills: check is clean, no tmp, lock free' '
	test -s note.stats &&
	test -s log.stats &&
	plaint -C tree check &&
	find tree -name ".tmp-*" >tmps &&
	test_cmp /dev/null tmps &&
	flock -n tree/.plaint/lock true
'

[ "$test_failed" = 0 ] || say "# t0920: seed $SEED (CRASH_SEED=$SEED repeats it)"
if [ -n "${TEST_VERBOSE:-}" ]; then
	for f in note.stats log.stats; do
		[ -s $f ] && say "# t0920: $(cat $f)"
	done
fi
test_done
