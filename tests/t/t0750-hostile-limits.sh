#!/bin/sh
# Hostile documents (RELIABILITY T10), each refused with 65 quickly and
# in little memory: under 50 ms and 16 MiB for show, best of three runs
# (the plain build only: the sanitizers' own costs are not plaint's).
. "$PLAINT_TOP/tests/test-lib.sh"

test_setup 'a tree and the hostile documents' '
	make_tree tree && mkdir -p tree/2026/11 && chmod 700 tree/2026 tree/2026/11 &&
	python3 - <<-\EOF
	import os
	docs = {
	    "brackets": "[" * 100000,
	    "braces": "{a: " * 100000,
	    "laughs": "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
	        "%s: &%s [%s]\n" % (c, c, ", ".join(["*" + p] * 9))
	        for p, c in zip("abcdefgh", "bcdefghi")),
	    "big": "subject: " + "x" * (2 * 1024 * 1024) + "\n",
	    "scalar": "subject: \"" + "y" * (1024 * 1024 - 20) + "\"\n",
	    "dupkey": "id: \"2611-0001\"\nstatus: new\nstatus: new\n",
	    "python": "id: !!python/object/apply:os.system [ls]\n",
	    "twodocs": "---\nid: a\n---\nid: b\n",
	    "badutf8": "subject: \"\xff\xfe\"\n",
	    "utf16": "\ufeffid: x\n",
	    "nul": "id: \"a\x00b\"\n",
	    "wrongid": "id: \"2611-0099\"\nstatus: new\nreceived: \"2026-11-27T10:00:00+08:00\"\n",
	}
	for i, (name, text) in enumerate(sorted(docs.items())):
	    data = text.encode("utf-16") if name == "utf16" else \
	        text.encode("latin-1") if name == "badutf8" else text.encode()
	    path = "tree/2026/11/2611-%04d.yaml" % (i + 1)
	    with open(path, "wb") as f:
	        f.write(data)
	    os.chmod(path, 0o600)
	    print(i + 1, name)
	EOF
'

cat >timed.py <<\EOF
import os, subprocess, sys, time
bin, n = sys.argv[1], int(sys.argv[2])
bad = 0
for i in range(1, n + 1):
    best_t, best_m, codes = 1e9, 1e9, set()
    for _ in range(3):
        t0 = time.monotonic()
        p = subprocess.Popen([bin, "-C", "tree", "show", "2611-%04d" % i],
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        best_t = min(best_t, time.monotonic() - t0)
        best_m = min(best_m, ru.ru_maxrss)
        codes.add(os.waitstatus_to_exitcode(status))
    if codes != {65} or best_t > 0.050 or best_m > 16 * 1024:
        print("2611-%04d: exit %s, %.0f ms, %d KiB" % (i, sorted(codes),
              best_t * 1000, best_m))
        bad += 1
sys.exit(bad > 0)
EOF

test_expect_success PYTHON3,PLAIN_BUILD 'each is refused with 65 in under 50 ms and 16 MiB' '
	python3 timed.py "$PLAINT_BIN" 12 >slow &&
	test_cmp /dev/null slow
'

test_done
