#!/usr/bin/env python3
"""make bench: plaint's speed and memory, as ratios against the floors of
../shared/bench measured in the same run (never as absolute timings).

For each size (BENCH_SIZES, default "100000 1000000") it generates the tree
once with gen-complaints (kept under BENCH_TMP for later runs), puts a real
policy in it, warms the page cache, then runs each command RUNS times
(default 3; RUNS_LARGE, default 1, at 1,000,000 and more, where the two
libyaml floors alone take a minute a round and `make bench` must stay
under ten minutes), alternating between them, and prints the median wall
time, the peak resident memory and the ratios:

  report/remind vs yamlscan -r (the same report straight from libyaml
  events), vs the raw read and libyaml parse floors, and vs report.py.

PLAINT_BASE=path/to/an/older/plaint adds that binary's report and remind
to the same interleaved runs, for a before-and-after in one run.  The
tree's policy is then the default pack without its workflows, which an
older plaint reads too (and this one takes from the installed pack).
"""
import os, resource, shutil, statistics, subprocess, sys, time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("PLAINT_SHARED", os.path.join(top, "..", "shared"))
bench = os.path.join(shared, "bench")
tmp = os.environ.get("BENCH_TMP", "/tmp/plaint-bench")
sizes = [int(n) for n in os.environ.get("BENCH_SIZES", "100000 1000000").split()]
runs = int(os.environ.get("RUNS", "3"))
runs_large = int(os.environ.get("RUNS_LARGE", "1"))
plaint = os.path.join(top, "plaint")
base = os.environ.get("PLAINT_BASE")
tools = os.path.join(tmp, "tools")
NOW = "2027-01-01T00:00:00+08:00"   # gen-complaints' "now"


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd):
    """Wall seconds and peak RSS (KiB) of one run of cmd, output discarded.

    The peak comes from GNU time (Debian package time) when it is there:
    a child's rusage from Python counts the memory of the Python process
    it was forked from."""
    out = os.path.join(tmp, "rss.txt")
    full = [GNU_TIME, "-f", "%M", "-o", out] + cmd if GNU_TIME else cmd
    t0 = time.monotonic()
    p = subprocess.Popen(full, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 65):
        sys.exit("bench: %s failed (%d)" % (" ".join(cmd), status))
    rss = ru.ru_maxrss
    if GNU_TIME:
        with open(out) as f:
            rss = int(f.read().split()[-1])
    return wall, rss


def measure(cmds, n):
    """Run each command n times, interleaved; median wall and max RSS."""
    walls = {k: [] for k in cmds}
    rss = {k: 0 for k in cmds}
    for _ in range(n):
        for k, cmd in cmds.items():
            w, m = run(cmd)
            walls[k].append(w)
            rss[k] = max(rss[k], m)
    return {k: (statistics.median(v), rss[k]) for k, v in walls.items()}


def latency(began, what, first, each):
    """One plaint command (each(i), after the commands first), fsyncs and
    all, against hello-yaml (a process that links libyaml and parses a
    policy), 31 runs alternating: issues 5 and 11 want at most 3 x."""
    tree = os.path.join(tmp, "latency")
    shutil.rmtree(tree, ignore_errors=True)
    subprocess.run([plaint, "-q", "init", tree], check=True, stdout=subprocess.DEVNULL)
    at = [plaint, "-q", "-C", tree, "-N", "2026-11-02T09:00:00+08:00"]
    for args in first:
        subprocess.run(at + args, check=True, stdout=subprocess.DEVNULL)
    policy = os.path.join(tree, "plaint.yaml")
    times = {"cmd": [], "hello": []}
    for i in range(31):
        t0 = time.monotonic()
        subprocess.run(at + each(i), check=True, stdout=subprocess.DEVNULL)
        times["cmd"].append(time.monotonic() - t0)
        t0 = time.monotonic()
        subprocess.run([os.path.join(tools, "hello-yaml"), policy], check=True,
                       stdout=subprocess.DEVNULL)
        times["hello"].append(time.monotonic() - t0)
    shutil.rmtree(tree, ignore_errors=True)
    cmd = statistics.median(times["cmd"])
    hello = statistics.median(times["hello"])
    print("\n== one plaint %s, 31 runs alternating with hello-yaml, at %.0f s" % (
        what, time.monotonic() - began))
    print("  plaint %s %.1f ms, hello-yaml %.1f ms: %.2f x (target <= 3)" % (
        what, cmd * 1e3, hello * 1e3, cmd / hello))


def main():
    if not os.path.exists(plaint):
        sys.exit("bench: build plaint first (make)")
    subprocess.run(["make", "-s", "-C", bench, "OUT=" + tools], check=True)
    py = shutil.which("python3")
    print("plaint bench: median of the runs of each, interleaved; RSS = peak resident memory")
    began = time.monotonic()
    for n in sizes:
        d = os.path.join(tmp, "n%d" % n)
        if not os.path.isdir(d):
            print("generating %d complaints in %s ..." % (n, d), flush=True)
            subprocess.run([py, os.path.join(bench, "gen-complaints"), "--count", str(n),
                            "--seed", "1", "--out", d], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(top, "data", "policies", "default.yaml"),
                  encoding="utf-8") as f:
            text = f.read()
        if base:
            text = text[:text.index("\n# The lifecycle")] + "\n"
        with open(os.path.join(d, "plaint.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        run([os.path.join(tools, "readall"), d])          # warm the page cache
        cmds = {
            "readall (raw read floor)": [os.path.join(tools, "readall"), d],
            "yamlscan (libyaml parse floor)": [os.path.join(tools, "yamlscan"), d],
            "yamlscan -r (report from events)": [os.path.join(tools, "yamlscan"), "-r", d],
            # from=, not received>=: before issue 13 a received filter was
            # combined with the default month (gen-complaints' "now" is
            # 2027-01), and report counted nothing.
            "plaint report -b category": [plaint, "-q", "-C", d, "-N", NOW, "report",
                                          "-b", "category", "from=2025-01-01"],
            "plaint remind": [plaint, "-q", "-C", d, "-N", NOW, "remind"],
        }
        if base:
            cmds["base report -b category"] = [base, "-q", "-C", d, "-N", NOW,
                                               "report", "-b", "category",
                                               "from=2025-01-01"]
            cmds["base remind"] = [base, "-q", "-C", d, "-N", NOW, "remind"]
        nruns = runs_large if n >= 1000000 else runs
        res = measure(cmds, nruns)
        # report.py is slow (PyYAML): once, and only where it takes minutes at most.
        if n <= 100000 or os.environ.get("BENCH_PY_1M"):
            res["report.py (PyYAML, C loader)"] = measure(
                {"p": ["/usr/bin/python3", os.path.join(bench, "report.py"), d]}, 1)["p"]
        print("\n== %d complaints (%s), %d run%s each, done at %.0f s" % (
            n, d, nruns, "" if nruns == 1 else "s", time.monotonic() - began))
        for k, (w, m) in res.items():
            print("  %-36s %8.2f s  %8.1f MiB" % (k, w, m / 1024))
        scan = res["yamlscan -r (report from events)"][0]
        for k in ("plaint report -b category", "plaint remind",
                  "base report -b category", "base remind"):
            if k not in res:
                continue
            w, m = res[k]
            line = "  %-27s %.2f x yamlscan -r (target <= 0.6)" % (k, w / scan)
            if "report.py (PyYAML, C loader)" in res:
                line += ", %.1f x faster than report.py (target >= 12)" % (
                    res["report.py (PyYAML, C loader)"][0] / w)
            line += ", peak %.1f MiB" % (m / 1024)
            if n >= 1000000:
                line += " (target < 64)"
            print(line)
    latency(began, "log", [],
            lambda i: ["log", "channel=phone", "subject=bench %d" % i])
    # A note through the workflow and the whole change cycle.
    latency(began, "do", [["log", "subject=bench"]],
            lambda i: ["do", "2611-0001", "note", "-m", "bench %d" % i])
    imp = os.path.join(top, "tools", "bench-import.sh")
    if os.path.exists(imp):
        print("\n== import, at %.0f s" % (time.monotonic() - began))
        sys.stdout.flush()
        subprocess.run(["sh", imp], check=True)
    print("\nmake bench: %.0f s in all" % (time.monotonic() - began))


if __name__ == "__main__":
    main()
