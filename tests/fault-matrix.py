#!/usr/bin/env python3
"""The fault matrix (RELIABILITY T7): each write command of plaint, with
each file call it makes failing (tests/shims/faults.c) with each error,
at its first, second and last call and from the first on, classified.

    fault-matrix.py PLAINT FAULTS_SO WORKDIR [full]

A run is good when its exit status tells the truth and no record is torn:
  - it did not crash (no signal, no status of 125 or more);
  - every file afterwards is as it was before or as a run without faults
    leaves it, no file was lost and no temporary file is left; only
    import and remind -e, which change records one by one, may land
    some and not others;
  - exit 0 means the whole change is there, byte for byte, and that no
    call that failed could have lost it (a write, an fsync, the close
    of a file written);
  - any other status fits the error (71 for EMFILE; 73 or 74 for a
    failing disk; also 78 for EACCES) and its message names the error
    (strerror), also when the change landed all the same (a failed
    fsync after the rename is reported, not hidden).
The sample (make check) fails each call with ENOSPC at its first, last
and every call, and with EIO and EMFILE at the first; full (make torture) runs all
six errors at first, second, last and every call.  Prints each bad run,
then "N runs: ..." and exits 1 if any run was bad.
"""
import os, shutil, subprocess, sys

plaint, shim, work = sys.argv[1], sys.argv[2], sys.argv[3]
full = len(sys.argv) > 4 and sys.argv[4] == "full"

ERRNOS = {"ENOSPC": 28, "EIO": 5, "EDQUOT": 122, "EROFS": 30,
          "EMFILE": 24, "EACCES": 13}
# The statuses a failed call may honestly give: no descriptor left is
# the system's trouble (71), a disk's failure an I/O error or a file
# that cannot be made (74, 73), a refused permission also the tree's
# configuration (78).
TRUTHFUL = {"EMFILE": {71}, "EACCES": {73, 74, 78}}
TRUTHFUL_DISK = {73, 74}
ENV = dict(os.environ, PLAINT_USER="王芳", LC_ALL="C")
for k in ("FAULT_FN", "FAULT_AT", "FAULT_PERSIST", "FAULT_ERRNO",
          "FAULT_COUNTS", "LD_PRELOAD"):
    ENV.pop(k, None)


def run(cwd, args, extra=None, stdin=None):
    env = dict(ENV, **(extra or {}))
    p = subprocess.run([plaint] + args, cwd=cwd, env=env, input=stdin,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def must(cwd, *args, stdin=None):
    rc, err = run(cwd, list(args), stdin=stdin)
    if rc != 0:
        sys.exit("setup failed: plaint %s: %d %s" % (" ".join(args), rc, err))


def snapshot(top):
    files = {}
    for d, _, names in os.walk(top):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                files[os.path.relpath(p, top)] = f.read()
    return files


def edit_policy(tree, old, new):
    """Replace old by new in tree's plaint.yaml; old must be there."""
    pol = os.path.join(tree, "plaint.yaml")
    with open(pol, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit("setup failed: %s lacks %r" % (pol, old))
    with open(pol, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def templates():
    """Three trees: car-service (clocks and fines), manufacturing (remind
    -e), work-ticket (numbers, signatures)."""
    car, mfg = os.path.join(work, "car"), os.path.join(work, "mfg")
    os.makedirs(car)
    os.makedirs(mfg)
    must(work, "-q", "init", "-p", "car-service", "car/tree")
    t = ["-C", "tree"]
    must(car, *t, "-N", "2026-11-23T09:12", "log", "channel=phone",
         "category=service", "subject=等待时间太长", "complainant.name=张三")
    must(car, *t, "-N", "2026-11-24T14:30", "log", "channel=on-site",
         "category=parts", "subject=配件错误", "severity=crisis")
    must(car, *t, "-N", "2026-11-24T15:00", "assign", "2611-0002", "钱莉艳")
    must(car, *t, "-N", "2026-11-25T10:00", "log", "channel=phone",
         "category=price", "subject=收费")
    must(car, *t, "-N", "2026-11-25T10:05", "assign", "2611-0003", "吴杰")
    must(car, *t, "export", "-o", "backup.jsonl")
    must(car, *t, "-N", "2026-11-25T16:00", "resolve", "2611-0003", "-m",
         "已退款", "valid=yes", "cause=staff", "responsible=吴杰")
    with open(os.path.join(car, "in.jsonl"), "w") as f:
        for i in range(3):
            f.write('{"subject": "导入 %d", "channel": "phone", '
                    '"category": "service", "received": '
                    '"2026-11-26T09:0%d:00+08:00"}\n' % (i, i))
    must(work, "-q", "init", "-p", "manufacturing", "mfg/tree")
    must(mfg, *t, "-N", "2026-11-20T10:00", "log", "subject=x",
         "channel=phone", "category=quality",
         "due.resolution=2026-11-25T10:00")
    must(mfg, *t, "-N", "2026-11-20T10:05", "assign", "2611-0001", "b")
    # A clock that may pause, for pause and resume (no pack has one).
    edit_policy(os.path.join(mfg, "tree"),
                "resolution: { starts: log, stops: resolve }",
                "resolution: { starts: log, stops: resolve, pause: true }")
    must(mfg, *t, "-N", "2026-11-21T09:00", "log", "subject=y",
         "channel=phone", "category=quality")
    must(mfg, *t, "-N", "2026-11-21T10:00", "pause", "2611-0002", "-m",
         "等待客户")
    # Work tickets: a number kept beside the records, given at issue.
    wt = os.path.join(work, "wt")
    os.makedirs(wt)
    must(work, "-q", "init", "-p", "work-ticket", "wt/tree")
    edit_policy(os.path.join(wt, "tree"), "people: {}\n", "people:\n"
                "  张三: { roles: [signer] }\n"
                "  李四: { roles: [permitter] }\n"
                "  王五: { roles: [leader] }\n"
                "  赵六: { roles: [member] }\n")
    for subject in ("检修", "试验"):
        must(wt, *t, "-N", "2026-11-27T08:00", "log", "kind=electrical-1",
             "subject=" + subject, "department=运行一班", "location=1号主变",
             "planned_start=2026-11-27T09:00",
             "planned_end=2026-11-27T17:00", "leader=王五", "members=赵六")
    must(wt, *t, "-N", "2026-11-27T08:10", "-u", "张三", "do", "2611-0002",
         "issue", "signed_by.signer=张三")
    return {"car": car, "mfg": mfg, "wt": wt}


N = ["-C", "tree", "-N", "2026-11-27T10:00"]
COMMANDS = [
    ("log", "car", N + ["log", "channel=phone", "category=service",
                        "subject=新投诉", "complainant.phone=13800000000"]),
    ("note", "car", N + ["note", "2611-0001", "-m", "已联系"]),
    ("note -c", "car", N + ["note", "2611-0002", "-c", "-m", "已联系客户"]),
    ("assign", "car", N + ["assign", "2611-0001", "李四"]),
    ("set", "car", N + ["set", "2611-0001", "subject=登记更正",
                        "complainant.phone=13912345678", "-m", "登记错误"]),
    ("escalate", "car", N + ["escalate", "2611-0002", "-m", "升级"]),
    ("resolve", "car", N + ["resolve", "2611-0002", "-m", "已处理",
                            "valid=yes", "cause=staff", "responsible=钱莉艳"]),
    ("close", "car", N + ["close", "2611-0003", "satisfaction=satisfied"]),
    ("reopen", "car", N + ["reopen", "2611-0003", "-m", "客户不满意"]),
    ("extend", "car", N + ["extend", "2611-0002", "resolution=1d",
                           "approved_by=总经理", "-m", "联系不上"]),
    ("pause", "mfg", N + ["pause", "2611-0001", "-m", "等待客户"]),
    ("resume", "mfg", N + ["resume", "2611-0002", "-m", "继续"]),
    ("import", "car", N + ["import", "in.jsonl"]),
    ("export -o", "car", ["-C", "tree", "export", "-o", "backup.jsonl"]),
    ("remind -e", "mfg", ["-C", "tree", "-N", "2026-12-01T10:00", "remind",
                          "-e"]),
    ("init", "car", ["-q", "init", "-p", "bank", "new"]),
    ("do issue", "wt", N + ["-u", "张三", "do", "2611-0001", "issue",
                           "signed_by.signer=张三"]),
    ("do permit", "wt", N + ["-u", "李四", "do", "2611-0002", "permit",
                            "earth_wires=1号", "signed_by.permitter=李四",
                            "signed_by.leader=王五"]),
]

# The last number given, kept beside the records: replaced before the
# record that takes it, so that it may be ahead of it (a gap, never a
# number given twice).
AHEAD = os.path.join(".plaint", "numbers.yaml")


def plan(counts):
    runs = []
    errs = list(ERRNOS) if full else ["ENOSPC"]
    for fn, n in sorted(counts.items()):
        whens = [("first", 1, False), ("last", n, False),
                 ("every", 1, True)]
        if full:
            whens.insert(1, ("second", 2, False))
        for e in errs:
            for label, at, persist in whens:
                if at <= n:
                    runs.append((fn, e, label, at, persist))
        if not full:
            runs.append((fn, "EIO", "first", 1, False))
            runs.append((fn, "EMFILE", "first", 1, False))
    return runs


def harmless(fn, errno_name, err):
    """May this call fail and the command still succeed?"""
    if fn == "close-r":
        return True     # nothing was written through it
    if fn == "fsync-dir" and errno_name == "EROFS":
        return True     # file systems that cannot sync a directory say so
    # A leftover temporary file is named, and check -x removes it.
    return fn in ("unlink", "unlinkat") and "temporary file stays" in err


# Commands that change several records, each on its own: some may land.
SEVERAL = {"import", "remind -e"}


def judge(name, before, ref, after, rc, err, errno_name):
    if rc < 0 or rc >= 125:
        return "crashed (status %d)" % rc
    after = dict(after)
    for p in list(after):
        # A temporary file whose unlink failed stays, and is said to.
        if p not in before and p not in ref and \
                os.path.basename(p).startswith(".tmp-") and \
                "temporary file stays" in err:
            del after[p]
    for p, data in after.items():
        if p not in before and p not in ref:
            return "left a stray file %s" % p
        if data != before.get(p) and data != ref.get(p):
            return "left %s neither as it was nor as it should be" % p
    for p in before:
        if p not in after and p in ref:
            return "lost %s" % p
    if rc == 0:
        return None if after == ref else "exit 0 but the change is not there"
    if after != before and after != ref and name not in SEVERAL and \
            {p: v for p, v in after.items() if not p.endswith(AHEAD)} != \
            {p: v for p, v in before.items() if not p.endswith(AHEAD)}:
        return "left part of the change"
    if rc not in TRUTHFUL.get(errno_name, TRUTHFUL_DISK):
        return "exit %d for a failed %s" % (rc, errno_name)
    if os.strerror(ERRNOS[errno_name]) not in err:
        return "exit %d without naming the error: %s" % (rc, err.strip()[:120])
    return None


def main():
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    tpl = templates()
    total, bad, kinds = 0, 0, {"unchanged": 0, "done": 0, "landed": 0,
                               "partial": 0}
    for name, t, args in COMMANDS:
        ref_dir = os.path.join(work, "ref")
        shutil.rmtree(ref_dir, ignore_errors=True)
        shutil.copytree(tpl[t], ref_dir, symlinks=True)
        before = snapshot(ref_dir)
        counts_file = os.path.join(work, "counts")
        rc, err = run(ref_dir, args, {"LD_PRELOAD": shim,
                                      "FAULT_COUNTS": counts_file})
        if rc != 0:
            sys.exit("reference run of %s failed: %d %s" % (name, rc, err))
        ref = snapshot(ref_dir)
        if ref == before:
            sys.exit("reference run of %s changed nothing" % name)
        with open(counts_file) as f:
            counts = {l.split()[0]: int(l.split()[1]) for l in f
                      if not l.startswith("injected ")}
        for fn, e, label, at, persist in plan(counts):
            d = os.path.join(work, "run")
            shutil.rmtree(d, ignore_errors=True)
            if os.path.exists(counts_file):
                os.unlink(counts_file)
            shutil.copytree(tpl[t], d, symlinks=True)
            rc, err = run(d, args, {"LD_PRELOAD": shim, "FAULT_FN": fn,
                                    "FAULT_ERRNO": e, "FAULT_AT": str(at),
                                    "FAULT_PERSIST": "1" if persist else "",
                                    "FAULT_COUNTS": counts_file})
            after = snapshot(d)
            why = judge(name, before, ref, after, rc, err, e)
            hits = []
            if os.path.exists(counts_file):
                with open(counts_file) as f:
                    hits = [int(l.split()[1]) for l in f
                            if l.startswith("injected ")]
            if not hits:
                why = why or "the shim did not report (plaint did not exit)"
            if why is None and rc == 0 and hits[0] > 0 and \
                    not harmless(fn, e, err):
                why = "exit 0 and not a word, though %s failed" % fn
            total += 1
            if why is not None:
                bad += 1
                print("BAD %s: %s %s at %s call: %s" % (name, fn, e, label,
                                                          why))
            elif after == before:
                kinds["unchanged"] += 1
            elif after == ref:
                kinds["done" if rc == 0 else "landed"] += 1
            else:
                kinds["partial"] += 1
    print("%d runs: %d refused and unchanged, %d done, %d reported but "
          "landed, %d partly done (import, remind -e; a number ahead of "
          "its record), %d bad" % (
              total, kinds["unchanged"], kinds["done"], kinds["landed"],
              kinds["partial"], bad))
    return 1 if bad else 0


sys.exit(main())
