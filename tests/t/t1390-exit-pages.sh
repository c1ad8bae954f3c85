#!/bin/sh
# Every exit status a test sees a command give is in that command's
# EXIT STATUS section: the test files are scanned for
#
#	test_expect_code N plaint [global options] CMD ...
#
# in every spelling they use ("$PLAINT_BIN"; behind timeout, env and
# strace; the wrappers faulty and at), and plaint-CMD(1) must list N.
# A status plaint gives before any command (an unknown global option or
# command, none at all) belongs to plaint(1).  A status in a variable or
# a command in one ($c) is not followed.
. "$PLAINT_TOP/tests/test-lib.sh"

MAN1=$PLAINT_TOP/man/man1
SQ="'"

# exit_pages MAN1 [list] FILE...: for each status not in its page,
# "FILE:LINE: ..." saying which page and status to add; with "list",
# every status found as "FILE:LINE PAGE N" instead.
exit_pages() {
	man_=$1
	shift
	list_=
	if [ "$1" = list ]; then
		list_=1
		shift
	fi
	awk -v man="$man_" -v list="$list_" -v with_value="$GLOBAL_VALUED" \
		-v flags="$GLOBAL_FLAGS" "$EXIT_PAGES_AWK" "$@"
}

# The global options, from the synopsis plaint -h prints: those that
# take a value ("[-C dir]": C) and the flags ("[-q]": q).
plaint -h >global-usage || exit 1
GLOBAL_VALUED=$(head -n 1 global-usage | grep -o "\[-[A-Za-z] [a-z]*\]" |
	cut -c 3 | tr -d "\n")
GLOBAL_FLAGS=$(head -n 1 global-usage | grep -o "\[-[A-Za-z]*\]" |
	tr -d "][\n-")

EXIT_PAGES_AWK='
# The words of a shell line; quotes kept, ; | & ( ) words of their own.
function split_words(s,   n, i, c, w, q, inw) {
	split("", word)
	n = 0; w = ""; q = ""; inw = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q != "") {
			w = w c
			if (c == q)
				q = ""
			else if (c == "\\" && q == "\"") {
				w = w substr(s, i + 1, 1)
				i++
			}
			continue
		}
		if (c == "\"" || c == "\047") {
			q = c; w = w c; inw = 1
			continue
		}
		if (c == "\\") {
			w = w c substr(s, i + 1, 1); i++; inw = 1
			continue
		}
		if (c == " " || c == "\t" || c ~ /[;|&()]/) {
			if (inw)
				word[++n] = w
			w = ""; inw = 0
			if (c != " " && c != "\t")
				word[++n] = c
			continue
		}
		w = w c; inw = 1
	}
	if (inw)
		word[++n] = w
	return n
}

function is_binary(w) {
	return w == "plaint" || w == "\"$PLAINT_BIN\"" || w == "$PLAINT_BIN"
}

function ends_command(w) {
	return w ~ /^[;|&()]$/ || w ~ /^[0-9]*[<>]/
}

# The statuses page lists in its EXIT STATUS section, in listed[page, N].
function load(page,   path, line, inside, f, i) {
	if (page in loaded)
		return
	loaded[page] = 1
	path = man "/" page ".1"
	while ((getline line < path) > 0) {
		if (line ~ /^\.Sh /)
			inside = line == ".Sh EXIT STATUS"
		else if (inside && line ~ /^\.It /) {
			f = split(line, it, /[ ,]+/)
			for (i = 2; i <= f; i++)
				if (it[i] ~ /^[0-9]+$/)
					listed[page, it[i]] = 1
		}
	}
	close(path)
}

function has_page(cmd,   path, line, r) {
	path = man "/plaint-" cmd ".1"
	r = (getline line < path) > 0
	close(path)
	return r
}

# The page of the plaint run at word j (just after the binary, or after
# a wrapper that gave the global options); "" when it is not known.
function page_at(j, n) {
	while (j <= n && word[j] ~ /^-/) {
		if (with_value != "" && word[j] ~ "^-[" with_value "]$")
			j += 2
		else if (flags != "" && word[j] ~ "^-[" flags "]+$")
			j++
		else if (word[j] == "--") {
			j++
			break
		} else
			return "plaint"	# an option plaint itself refuses
	}
	if (j > n || ends_command(word[j]))
		return "plaint"		# no command
	if (word[j] !~ /^[a-z][a-z0-9-]*$/)
		return ""		# $c, "$@": not followed
	return has_page(word[j]) ? "plaint-" word[j] : "plaint"
}

# The page of the command test_expect_code runs from word j, or "".
function page_of(j, n) {
	while (j <= n) {
		if (is_binary(word[j]))
			return page_at(j + 1, n)
		# faulty SPEC ARGS, traced OUT ARGS: plaint ARGS (t0620, t0930)
		if (word[j] == "faulty" || word[j] == "traced")
			return page_at(j + 2, n)
		if (word[j] == "at") {		# t1250: at HH:MM [DD] ARGS
			j += 2
			if (word[j] ~ /^[0-9][0-9]$/)
				j++
			return page_at(j, n)
		}
		if (word[j] == "timeout") {
			for (j++; j <= n && word[j] ~ /^-/; j++)
				if (word[j] == "-s" || word[j] == "-k")
					j++
			j++			# the duration
			continue
		}
		if (word[j] == "env") {
			for (j++; j <= n && (word[j] ~ /^-/ ||
			    word[j] ~ /^[A-Za-z_][A-Za-z0-9_]*=/); j++)
				;
			continue
		}
		if (word[j] == "strace") {	# its options, then the binary
			for (j++; j <= n && !is_binary(word[j]) &&
			    !ends_command(word[j]); j++)
				;
			continue
		}
		return ""
	}
	return ""
}

FNR == 1 { text = ""; at = 0 }
/^[ \t]*#/ { next }
{
	# A line that ends in a backslash goes on on the next.
	if (text == "")
		at = FNR
	text = text $0
	if (text ~ /\\$/) {
		sub(/\\$/, " ", text)
		next
	}
	n = split_words(text)
	text = ""
	for (k = 1; k < n; k++) {
		if (word[k + 1] !~ /^[0-9]+$/)
			continue
		status = word[k + 1]
		# t1270: refused N ARGS checks plaint -C tree ARGS exits N.
		if (word[k] == "refused")
			page = page_at(k + 2, n)
		else if (word[k] == "test_expect_code")
			page = page_of(k + 2, n)
		else
			continue
		# 126 and up: the shell'"'"'s, a signal'"'"'s (timeout -s KILL: 137).
		if (status + 0 >= 126 || page == "")
			continue
		name = FILENAME
		sub(/.*\//, "", name)
		if (list) {
			print name ":" at " " page " " status
			continue
		}
		load(page)
		if ((page, status) in listed || (page, status) in told)
			continue
		told[page, status] = 1
		cmd = page == "plaint" ? "plaint" : "plaint " substr(page, 8)
		printf "%s:%d: %s exits %s, which man/man1/%s.1 does not list: " \
		    "add \".It %s\" to its EXIT STATUS\n", name, at, cmd, status,
		    page, status
		missing++
	}
}
END { exit missing > 0 }
'

# t0002 is left out: its test_expect_code lines are the harness'"'"'s test
# data, some wrong on purpose.
test_files() {
	ls "$PLAINT_TOP"/tests/t/t*.sh | grep -v /t0002- &&
	echo "$PLAINT_TOP"/tests/test-lib.sh
}

test_expect_success 'every status a test sees is in the EXIT STATUS of the command'"'"'s page' '
	test_files >files &&
	exit_pages "$MAN1" $(cat files)
'

test_expect_success 'the global options are read from plaint -h' '
	echo "CNu q" >expect &&
	echo "$GLOBAL_VALUED $GLOBAL_FLAGS" >actual &&
	test_cmp expect actual
'

test_expect_success 'the scan finds the statuses the tests check' '
	test_files >files &&
	exit_pages "$MAN1" list $(cat files) >found &&
	test $(wc -l <found) -ge 300 &&
	grep " plaint-resolve 1$" found &&
	grep " plaint-log 65$" found &&
	grep " plaint 64$" found
'

# item PAGE N: the text of item N of the EXIT STATUS section of PAGE.
item() {
	awk -v n="$2" '
		/^\.Sh / { inside = $0 == ".Sh EXIT STATUS"; next }
		inside && /^\.It / { on = $2 == n; next }
		inside && on && !/^\.(Pp|El)/ { print }
	' "$1"
}

test_expect_success 'resolve without responsible= is refused (1): its page says when and how' '
	make_tree tree &&
	with_clocks tree &&
	cat >>tree/plaint.yaml <<-\EOF &&
	penalties:
	  - {id: staff-fault, when: {resolution.valid: yes, resolution.cause: staff}, amount: 50}
	EOF
	plaint -C tree log subject=s >/dev/null &&
	test_expect_code 1 plaint -C tree resolve 2611-0001 -m done valid=yes cause=staff 2>err &&
	sed "s/^plaint: resolve: //" err >msg &&
	test $(wc -l <msg) = 1 &&
	item "$MAN1/plaint-resolve.1" 1 >text &&
	grep -F "$(cat msg)" text
'

# fake_tests: one line per spelling, written with TEC for the word the
# scan looks for (so that this file is not found by its own scan).
fake_tests() {
	sed "s/TEC/test_expect_code/; s/SQ_/$SQ/" >t9999-fake.sh <<-\EOF
	test_expect_success "x" SQ_
		TEC 1 plaint -C tree resolve 2611-0001 -m x &&
		TEC 65 "$PLAINT_BIN" -q -N "2026-11-27 10:00" -u a log subject=x &&
		(cd tree && TEC 66 plaint show 2611-0009) &&
		TEC 73 timeout 10 "$PLAINT_BIN" -C tree export -o fifo 2>err &&
		TEC 75 env PLAINT_LOCK_TIMEOUT=0.5 \
			"$PLAINT_BIN" -C tree note 2611-0001 -m late &&
		TEC 74 strace -f -o /dev/null -e inject=fsync:error=EIO "$PLAINT_BIN" -C tree close 2611-0001 &&
		TEC 74 faulty fsync:error=EIO:when=2 -C tree assign 2611-0001 x &&
		TEC 1 at 10:26 28 extend 2611-0001 a=1d approved_by=x -m x &&
		TEC 64 plaint -z list &&
		TEC 64 plaint lsit &&
		TEC 64 plaint -C 2>err &&
		TEC 64 plaint $c -Z &&
		TEC $want plaint list &&
		TEC 1 grep plaint err &&
		TEC 137 timeout -s KILL 1 "$PLAINT_BIN" -C tree import x &&
		refused 1 -N $AT8 -u 张三 do 2611-0001 issue &&
		TEC 74 traced trace.out -C tree pause 2611-0001 -m x &&
		# TEC 9 plaint list
		TEC 0 plaint list
	SQ_
	EOF
}

# fake_pages: pages for those commands whose EXIT STATUS lists 0 only.
fake_pages() {
	mkdir man1 &&
	for p in plaint plaint-resolve plaint-log plaint-show plaint-export \
		plaint-note plaint-close plaint-assign plaint-extend plaint-list \
		plaint-do plaint-pause; do
		printf ".Sh NAME\n.Sh EXIT STATUS\n.Bl -tag -width Ds\n.It 0\nSuccess.\n.It 9\n.El\n.Sh EXAMPLES\n.It 1\n" >man1/$p.1 ||
			return 1
	done
}

test_expect_success 'each spelling the tests use is followed to its page' '
	fake_tests && fake_pages &&
	exit_pages man1 list t9999-fake.sh >found &&
	cat >expect <<-\EOF &&
	t9999-fake.sh:2 plaint-resolve 1
	t9999-fake.sh:3 plaint-log 65
	t9999-fake.sh:4 plaint-show 66
	t9999-fake.sh:5 plaint-export 73
	t9999-fake.sh:6 plaint-note 75
	t9999-fake.sh:8 plaint-close 74
	t9999-fake.sh:9 plaint-assign 74
	t9999-fake.sh:10 plaint-extend 1
	t9999-fake.sh:11 plaint 64
	t9999-fake.sh:12 plaint 64
	t9999-fake.sh:13 plaint 64
	t9999-fake.sh:18 plaint-do 1
	t9999-fake.sh:19 plaint-pause 74
	t9999-fake.sh:21 plaint-list 0
	EOF
	test_cmp expect found
'

test_expect_success 'a status a page does not list: the message names the page and the status' '
	fake_tests && fake_pages &&
	test_expect_code 1 exit_pages man1 t9999-fake.sh >out &&
	cat >expect <<-\EOF &&
	t9999-fake.sh:2: plaint resolve exits 1, which man/man1/plaint-resolve.1 does not list: add ".It 1" to its EXIT STATUS
	t9999-fake.sh:3: plaint log exits 65, which man/man1/plaint-log.1 does not list: add ".It 65" to its EXIT STATUS
	t9999-fake.sh:4: plaint show exits 66, which man/man1/plaint-show.1 does not list: add ".It 66" to its EXIT STATUS
	t9999-fake.sh:5: plaint export exits 73, which man/man1/plaint-export.1 does not list: add ".It 73" to its EXIT STATUS
	t9999-fake.sh:6: plaint note exits 75, which man/man1/plaint-note.1 does not list: add ".It 75" to its EXIT STATUS
	t9999-fake.sh:8: plaint close exits 74, which man/man1/plaint-close.1 does not list: add ".It 74" to its EXIT STATUS
	t9999-fake.sh:9: plaint assign exits 74, which man/man1/plaint-assign.1 does not list: add ".It 74" to its EXIT STATUS
	t9999-fake.sh:10: plaint extend exits 1, which man/man1/plaint-extend.1 does not list: add ".It 1" to its EXIT STATUS
	t9999-fake.sh:11: plaint exits 64, which man/man1/plaint.1 does not list: add ".It 64" to its EXIT STATUS
	t9999-fake.sh:18: plaint do exits 1, which man/man1/plaint-do.1 does not list: add ".It 1" to its EXIT STATUS
	t9999-fake.sh:19: plaint pause exits 74, which man/man1/plaint-pause.1 does not list: add ".It 74" to its EXIT STATUS
	EOF
	test_cmp expect out
'

test_expect_success 'a status listed outside EXIT STATUS does not count' '
	fake_tests && fake_pages &&
	printf "TEC 1 plaint list\n" | sed "s/TEC/test_expect_code/" >t9998-fake.sh &&
	test_expect_code 1 exit_pages man1 t9998-fake.sh >out &&
	grep "plaint list exits 1, which man/man1/plaint-list.1 does not list" out
'

test_done
