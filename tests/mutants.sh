#!/bin/sh
# mutants.sh - prove that the suite catches each rule when it is broken.
#
# tests/mutants.list holds deliberate breakages ("mutants"): each names
# the file it changes, the lines it replaces, and the tests that check
# that rule and must fail with it applied.  For each mutant this script
# copies the working tree to a scratch folder, applies the change (the
# lines must occur exactly once), builds, runs the named tests, and
# prints its verdict:
#
#	killed     the named tests failed (they name what they caught)
#	SURVIVED   every named test passed: the rule is not checked
#	BROKEN     the mutant does not apply or does not build: fix the list
#
# and ends with "N killed, N survived" (plus "N broken" when any).  It
# exits 0 only when every mutant was killed.
#
#	sh tests/mutants.sh [-a] [-j jobs] [name ...]
#
# -a also runs the whole suite (make check) with each mutant and names
# every test file that failed; -j runs that many mutants at once, each in
# a scratch tree of its own.  Names pick mutants from the list.
# `make mutants` runs it; it is too slow for CI (a build and tests per
# mutant).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
list=$top/tests/mutants.list
full=
jobs=1
while getopts aj: ch; do
	case $ch in
	a) full=1 ;;
	j) jobs=$OPTARG ;;
	*) echo "usage: sh tests/mutants.sh [-a] [-j jobs] [name ...]" >&2
	   exit 64 ;;
	esac
done
shift $((OPTIND - 1))
work=$(mktemp -d "${TMPDIR:-/tmp}/plaint-mutants.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
TIMEOUT=${MUTANT_TIMEOUT:-900}

# Split the list into one file per mutant: work/m/NNN holds the header
# line "NAME FILE KILLERS..." and then the -/+ lines.
mkdir "$work/m"
awk -v dir="$work/m" '
	/^#/ || /^[ \t]*$/ && !inside { next }
	/^mutant / { n++; f = sprintf("%s/%03d", dir, n); inside = 1
		sub(/^mutant /, ""); print > f; next }
	/^end$/ { close(f); inside = 0; next }
	inside { print > f }
' "$list"

selected() {
	[ $# = 0 ] && return 0
	for want; do
		[ "$want" = "$name" ] && return 0
	done
	return 1
}

# apply SRC MUTANT: replace the "-" lines of MUTANT in SRC/FILE by its
# "+" lines; fails unless the "-" lines occur exactly once.
apply() {
	python3 - "$1" "$2" <<\EOF
import sys
src, mfile = sys.argv[1:3]
lines = open(mfile, encoding="utf-8").read().split("\n")
name, path = lines[0].split()[:2]
old = [l[1:] for l in lines[1:] if l.startswith("-")]
new = [l[1:] for l in lines[1:] if l.startswith("+")]
text = open(src + "/" + path, encoding="utf-8").read()
old_s = "\n".join(old) + "\n"
new_s = "\n".join(new) + "\n" if new else ""
if text.count(old_s) != 1:
    sys.exit("%s: the lines to replace occur %d times in %s" %
             (name, text.count(old_s), path))
open(src + "/" + path, "w", encoding="utf-8").write(
    text.replace(old_s, new_s))
EOF
}

# scratch DIR: a copy of the working tree (tracked and new files).
scratch() {
	mkdir -p "$1" &&
	(cd "$top" && git ls-files -co --exclude-standard |
		tar cf - -T -) | (cd "$1" && tar xf -)
}

# run_mutant N SRC: one mutant in scratch tree SRC; one verdict line to
# work/v/N.  The file it changes is restored afterwards.
run_mutant() {
	m=$work/m/$1 src=$2
	set -- $(head -n 1 "$m")
	name=$1 path=$2
	shift 2
	cp "$src/$path" "$src/$path.orig"
	log=$work/log.$(basename "$m")
	if ! apply "$src" "$m" >"$log" 2>&1; then
		verdict="BROKEN     $name: $(tail -n 1 "$log")"
	elif ! (cd "$src" && make -s all build/unit fuzz-replay) >>"$log" 2>&1; then
		verdict="BROKEN     $name: does not build ($(grep -m1 error "$log"))"
	else
		caught= missed=
		for k; do
			case $k in
			unit:*)
				(cd "$src" && PLAINT_TOP=$src timeout "$TIMEOUT" \
					build/unit "${k#unit:}") >>"$log" 2>&1 ;;
			*)
				(cd "$src" && T=$k PLAINT_FUZZ=build/fuzz \
					timeout "$TIMEOUT" \
					sh tests/run.sh build/unit plaint) >>"$log" 2>&1 ;;
			esac
			if [ $? != 0 ]; then
				caught="$caught${caught:+, }$k"
			else
				missed="$missed${missed:+, }$k"
			fi
		done
		if [ -n "$caught" ]; then
			verdict="killed     $name by $caught"
			[ -z "$missed" ] || verdict="$verdict (not by $missed)"
		else
			verdict="SURVIVED   $name: $missed passed"
		fi
		if [ -n "$full" ]; then
			(cd "$src" && timeout "$TIMEOUT" make -s check) >"$log.all" 2>&1
			failing=$(sed -n -e 's/^not ok tests\/unit\/test_\([a-z_]*\)\.c:.*/unit:\1/p' \
				-e 's/^not ok suite \([a-z_]*\):.*/unit:\1/p' \
				-e 's/^not ok \(t[0-9][^ ]*\) .*/\1/p' "$log.all" |
				sort -u | tr "\n" " ")
			verdict="$verdict; make check fails in: ${failing:-nothing}"
		fi
	fi
	# Restored with a new time, so that the next build recompiles it.
	mv "$src/$path.orig" "$src/$path" && touch "$src/$path"
	echo "$verdict" >"$work/v/$(basename "$m")"
	echo "$verdict"
}

mkdir "$work/v"
worker() {
	w=$1 src=$work/src.$1 i=0
	shift
	scratch "$src" || { echo "cannot copy the tree" >&2; return 1; }
	(cd "$src" && make -s all build/unit fuzz-replay) >/dev/null 2>&1
	for m in "$work"/m/*; do
		i=$((i + 1))
		[ $((i % jobs)) = "$w" ] || continue
		name=$(head -n 1 "$m" | cut -d " " -f 1)
		selected "$@" || continue
		run_mutant "$(basename "$m")" "$src"
	done
}

w=0
while [ "$w" -lt "$jobs" ]; do
	worker "$w" "$@" &
	w=$((w + 1))
done
wait

if [ -z "$(ls "$work/v")" ]; then
	echo "no mutant ran" >&2
	exit 1
fi
cat "$work"/v/* | awk '
	/^killed/ { k++ } /^SURVIVED/ { s++ } /^BROKEN/ { b++ }
	END {
		printf "%d killed, %d survived", k, s
		if (b) printf ", %d broken", b
		printf "\n"
		exit (s + b) > 0
	}'
