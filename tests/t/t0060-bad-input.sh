#!/bin/sh
# Bad input: hostile ids, malformed and hostile files planted in the
# tree, symbolic links out of it, a bad policy; and what must survive.
. "$PLAINT_TOP/tests/test-lib.sh"

NOW=2026-11-27T10:00:00+08:00
D=2026/11

# snapshot TREE: every path under TREE with the checksum of each file.
snapshot() {
	(cd "$1" && find . -print | sort && find . -type f -exec cksum {} + | sort)
}

# "Within a second" of plaint's own time: valgrind alone takes about that.
LIMIT_MS=1000
[ "${PLAINT_VALGRIND:-0}" = 1 ] && LIMIT_MS=20000

# ms_since T0: milliseconds since T0 (from date +%s%N).
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# planted NAME: a tree NAME with good 2611-0001 and 2611-0003 and
# whatever the caller writes as 2611-0002.
planted() {
	make_tree "$1" &&
	for s in good1 bad good3; do
		plaint -C "$1" -N $NOW log subject=$s >/dev/null || return 1
	done
}

# bad_file TREE: show of 2611-0002 exits 65 within a second with the
# file named on stderr; list still lists the good ones, warns and exits
# 65; check warns and exits 65; nothing in the tree changes.
bad_file() {
	snapshot "$1" >before &&
	t0=$(date +%s%N) &&
	test_expect_code 65 plaint -C "$1" show 2611-0002 >out 2>err &&
	ms=$(ms_since $t0) &&
	{ test $ms -lt $LIMIT_MS || { echo "show took $ms ms"; return 1; }; } &&
	{ test ! -s out || { echo "show printed something"; return 1; }; } &&
	grep "^plaint: show: $D/2611-0002.yaml" err &&
	test_expect_code 65 plaint -C "$1" list >out 2>err &&
	awk "{ print \$1 }" out >ids &&
	printf "ID\n2611-0001\n2611-0003\n" >expect &&
	test_cmp expect ids &&
	grep "^plaint: list: warning: $D/2611-0002.yaml" err &&
	test $(wc -l <err) = 1 &&
	test_expect_code 65 plaint -C "$1" check 2>err &&
	grep "^plaint: check: warning: $D/2611-0002.yaml" err &&
	test_expect_code 65 plaint -C "$1" note 2611-0002 -m x 2>/dev/null &&
	snapshot "$1" >after &&
	test_cmp before after
}

# Tree p, with good 2611-0001 and 2611-0003, is the fixture of the tests
# that plant a bad 2611-0002 in it.
test_setup 'a tree with three complaints to plant a bad one in' '
	planted p &&
	test -f p/$D/2611-0003.yaml
'

test_expect_success 'a malformed YAML file: file:line:col, the rest still listed' '
	printf "id: \"2611-0002\"\nkind: complaint\nstatus: [new\nsubject: x\n" >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p list 2>err >/dev/null &&
	grep "^plaint: list: warning: $D/2611-0002.yaml:4:8: " err
'

test_expect_success 'an alias bomb (billion laughs) is refused at once, not expanded' '
	{
		echo "id: \"2611-0002\"" &&
		echo "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" &&
		prev=a &&
		for c in b c d e f g h i; do
			printf "%s: &%s [" $c $c &&
			for k in 1 2 3 4 5 6 7 8; do printf "*%s," $prev; done &&
			printf "*%s]\n" $prev &&
			prev=$c || return 1
		done &&
		echo "subject: x"
	} >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	echo "plaint: show: $D/2611-0002.yaml:2:4: YAML anchors are not allowed" >expect &&
	test_cmp expect err
'

test_expect_success 'a file over 1 MiB (2 MiB) is refused' '
	{ printf "id: \"2611-0002\"\nsubject: \""; head -c 2097152 /dev/zero | tr "\\0" a; printf "\"\n"; } >p/$D/2611-0002.yaml &&
	test $(wc -c <p/$D/2611-0002.yaml) -gt 2097152 &&
	bad_file p
'

test_expect_success 'invalid UTF-8 in a file is refused' '
	printf "id: \"2611-0002\"\nsubject: \"a\\377b\"\n" >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	grep "UTF-8" err
'

test_expect_success 'a UTF-16 file (with its BOM) is refused' '
	printf "\\377\\376" >p/$D/2611-0002.yaml &&
	printf "id: \"2611-0002\"\nsubject: x\n" | sed "s/./&\\x00/g" | tr -d "\\n" >>p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	echo "plaint: show: $D/2611-0002.yaml:1:1: UTF-16 is not accepted, use UTF-8" >expect &&
	test_cmp expect err
'

test_expect_success 'duplicate keys are refused' '
	printf "id: \"2611-0002\"\nsubject: x\nstatus: new\nsubject: y\n" >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	echo "plaint: show: $D/2611-0002.yaml:4:1: duplicate key \"subject\"" >expect &&
	test_cmp expect err
'

test_expect_success 'duplicate keys in a nested mapping are refused' '
	printf "id: \"2611-0002\"\ncomplainant: {name: a, name: b}\n" >p/$D/2611-0002.yaml &&
	bad_file p
'

test_expect_success 'two documents in one file are refused' '
	printf "id: \"2611-0002\"\nsubject: x\n---\nid: \"2611-0002\"\nsubject: y\n" >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	echo "plaint: show: $D/2611-0002.yaml:3:1: more than one YAML document" >expect &&
	test_cmp expect err
'

test_expect_success 'a tag such as !!python/object is refused' '
	printf "id: \"2611-0002\"\nsubject: !!python/object:os.system [\"rm -rf /\"]\n" >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	echo "plaint: show: $D/2611-0002.yaml:2:10: YAML tags are not allowed" >expect &&
	test_cmp expect err
'

test_expect_success 'nesting of 100000 [ is refused within a second' '
	{ printf "id: \"2611-0002\"\nx: "; head -c 100000 /dev/zero | tr "\\0" "["; echo; } >p/$D/2611-0002.yaml &&
	bad_file p &&
	test_expect_code 65 plaint -C p show 2611-0002 2>err &&
	grep "^plaint: show: $D/2611-0002.yaml:2:[0-9]*: nesting deeper than 32 levels$" err
'

test_expect_success 'nesting of 33 mappings is refused, 30 is read' '
	{ printf "id: \"2611-0002\"\nx: "; i=0; while [ $i -lt 33 ]; do printf "{a: "; i=$((i+1)); done; printf 1; i=0; while [ $i -lt 33 ]; do printf "}"; i=$((i+1)); done; echo; } >p/$D/2611-0002.yaml &&
	bad_file p &&
	{ printf "id: \"2611-0002\"\nsubject: x\nx: "; i=0; while [ $i -lt 30 ]; do printf "{a: "; i=$((i+1)); done; printf 1; i=0; while [ $i -lt 30 ]; do printf "}"; i=$((i+1)); done; echo; } >p/$D/2611-0002.yaml &&
	plaint -C p show 2611-0002 >out &&
	test_cmp p/$D/2611-0002.yaml out
'

test_expect_success 'a NUL byte in a file is refused' '
	printf "id: \"2611-0002\"\nsubject: \"a\\000b\"\n" >p/$D/2611-0002.yaml &&
	bad_file p
'

test_expect_success 'a file that is not a mapping is refused' '
	printf -- "- 1\n- 2\n" >p/$D/2611-0002.yaml &&
	bad_file p
'

test_expect_success 'an empty file is refused' '
	: >p/$D/2611-0002.yaml &&
	bad_file p
'

test_expect_success 'list -q: the same, without the warning' '
	printf "id: [\n" >p/$D/2611-0002.yaml &&
	test_expect_code 65 plaint -q -C p list >out 2>err &&
	test ! -s err &&
	awk "{ print \$1 }" out >ids &&
	printf "ID\n2611-0001\n2611-0003\n" >expect &&
	test_cmp expect ids
'

# Hostile ids (RELIABILITY.md T14): usage errors that touch nothing.
hostile_ids() {
	printf "%s\n" "../../etc/passwd" "2611-0001/../../x" "/etc/passwd" \
		"%2e%2e%2f" "２６１１-０００１" "٢٦١١-0001" "2611-0001 " \
		" 2611-0001" "2611-0001/" "a/b" "." ".." "" "2611-0001.yaml" \
		"$(printf "2611-0001\\033[2J")"
}

test_expect_success 'hostile ids: show, note and resolve exit 64 and write nothing' '
	make_tree h &&
	plaint -C h -N $NOW log subject=s >/dev/null &&
	snapshot h >before &&
	hostile_ids >ids &&
	while IFS= read -r id; do
		for cmd in show note resolve; do
			if [ $cmd = show ]; then
				test_expect_code 64 plaint -C h show "$id" >out 2>err
			else
				test_expect_code 64 plaint -C h $cmd "$id" -m x >out 2>err
			fi || { echo "$cmd \"$id\": status"; return 1; }
			test ! -s out || { echo "$cmd \"$id\": output"; return 1; }
			grep "^plaint: $cmd: not a complaint id: " err ||
				{ echo "$cmd \"$id\": message"; cat err; return 1; }
		done
	done <ids &&
	snapshot h >after &&
	test_cmp before after
'

test_expect_success 'hostile id -rf: an option unless after --' '
	make_tree hr &&
	snapshot hr >before &&
	test_expect_code 64 plaint -C hr show -rf 2>err &&
	grep "^plaint: show: unknown option -r$" err &&
	test_expect_code 64 plaint -C hr show -- -rf 2>err &&
	echo "plaint: show: not a complaint id: \"-rf\" (ids look like 2611-0001)" >expect &&
	test_cmp expect err &&
	test_expect_code 64 plaint -C hr note -m x -- -rf 2>err &&
	grep "^plaint: note: not a complaint id: \"-rf\"" err &&
	test_expect_code 64 plaint -C hr resolve -m x -- -rf 2>err &&
	grep "^plaint: resolve: not a complaint id: \"-rf\"" err &&
	snapshot hr >after &&
	test_cmp before after
'

test_expect_success 'a control character in an id is not echoed raw' '
	make_tree hc &&
	test_expect_code 64 plaint -C hc show "2611-0001
x" 2>err &&
	test $(wc -l <err) = 1 &&
	test_expect_code 64 plaint -C hc show "$(printf "26\\03311-0001")" 2>err &&
	grep "^plaint: show: not a complaint id: " err &&
	! grep "$(printf "\\033")" err
'

test_expect_success 'symlinked month folder out of the tree: refused, nothing written outside' '
	make_tree s1 &&
	mkdir outside1 s1/2026 &&
	ln -s "$TRASH/outside1" s1/2026/11 &&
	test_expect_code 65 plaint -C s1 -N $NOW log subject=s >out 2>err &&
	test ! -s out &&
	echo "plaint: log: 2026/11: not a folder inside the tree (symbolic links are not followed)" >expect &&
	test_cmp expect err &&
	test_expect_code 65 plaint -C s1 show 2611-0001 2>/dev/null &&
	test_expect_code 65 plaint -C s1 note 2611-0001 -m x 2>/dev/null &&
	test_expect_code 65 plaint -C s1 resolve 2611-0001 -m x 2>/dev/null &&
	test_expect_code 65 plaint -C s1 list 2>err &&
	grep "^plaint: list: warning: 2026/11: not a folder inside the tree" err &&
	test_expect_code 65 plaint -C s1 check 2>/dev/null &&
	test -z "$(ls -A outside1)"
'

test_expect_success 'a complaint in a linked folder outside is not read either' '
	make_tree s2 &&
	plaint -C s2 -N $NOW log subject=s >/dev/null &&
	mv s2/2026/11 outside2 &&
	ln -s "$TRASH/outside2" s2/2026/11 &&
	cp outside2/2611-0001.yaml before &&
	test_expect_code 65 plaint -C s2 show 2611-0001 >out 2>/dev/null &&
	test ! -s out &&
	test_expect_code 65 plaint -C s2 note 2611-0001 -m x 2>/dev/null &&
	test_cmp before outside2/2611-0001.yaml &&
	test "$(ls -A outside2)" = 2611-0001.yaml
'

test_expect_success 'symlinked year folder out of the tree: refused' '
	make_tree s3 &&
	mkdir outside3 &&
	ln -s "$TRASH/outside3" s3/2026 &&
	test_expect_code 65 plaint -C s3 -N $NOW log subject=s 2>err &&
	echo "plaint: log: 2026: not a folder inside the tree (symbolic links are not followed)" >expect &&
	test_cmp expect err &&
	test -z "$(ls -A outside3)"
'

test_expect_success 'a complaint file linked to /etc/hostname: refused, target untouched' '
	make_tree s4 &&
	plaint -C s4 -N $NOW log subject=s >/dev/null &&
	ln -s /etc/hostname s4/$D/2611-0002.yaml &&
	cksum /etc/hostname >host-before &&
	test_expect_code 65 plaint -C s4 show 2611-0002 >out 2>err &&
	test ! -s out &&
	echo "plaint: show: $D/2611-0002.yaml: is a symbolic link, not followed" >expect &&
	test_cmp expect err &&
	test_expect_code 65 plaint -C s4 note 2611-0002 -m x 2>/dev/null &&
	test_expect_code 65 plaint -C s4 resolve 2611-0002 -m x 2>/dev/null &&
	test -L s4/$D/2611-0002.yaml &&
	cksum /etc/hostname >host-after && test_cmp host-before host-after &&
	test_expect_code 65 plaint -C s4 list >out 2>err &&
	grep "^plaint: list: warning: $D/2611-0002.yaml: is a symbolic link, not followed$" err &&
	test $(wc -l <out) = 2 &&
	plaint -C s4 -N $NOW log subject=t >out &&
	echo 2611-0003 >expect && test_cmp expect out &&
	test -L s4/$D/2611-0002.yaml
'

test_expect_success 'a complaint file linked to a file outside: a change does not write through it' '
	make_tree s5 &&
	plaint -C s5 -N $NOW log subject=s >/dev/null &&
	mv s5/$D/2611-0001.yaml outside5.yaml &&
	ln -s "$TRASH/outside5.yaml" s5/$D/2611-0001.yaml &&
	cp outside5.yaml before &&
	test_expect_code 65 plaint -C s5 note 2611-0001 -m x 2>/dev/null &&
	test_cmp before outside5.yaml && test -L s5/$D/2611-0001.yaml
'

test_expect_success 'a malformed policy is a configuration error' '
	make_tree bp &&
	plaint -C bp -N $NOW log subject=s >/dev/null &&
	printf "kinds: [\n" >>bp/plaint.yaml &&
	snapshot bp >before &&
	test_expect_code 78 plaint -C bp log subject=t 2>err &&
	grep "^plaint: log: .*plaint.yaml:[0-9]*:[0-9]*: " err &&
	test_expect_code 78 plaint -C bp show 2611-0001 >/dev/null 2>&1 &&
	test_expect_code 78 plaint -C bp list >out 2>err &&
	test ! -s out &&
	grep "^plaint: list: .*plaint.yaml:[0-9]*:[0-9]*: " err &&
	snapshot bp >after && test_cmp before after
'

test_expect_success 'unknown fields survive a change, keys and order kept' '
	make_tree rt &&
	mkdir -p rt/$D && chmod 700 rt/2026 rt/$D &&
	cat >rt/$D/2611-0001.yaml <<-\EOT &&
	id: "2611-0001"
	order_no: "A-1"
	kind: complaint
	status: new
	received: "2026-11-27T10:00:00+08:00"
	x_custom: {a: 1}
	channel: phone
	received_by: "王芳"
	subject: "抄表员态度恶劣"
	level: 0
	round: 1
	history:
	- n: 1
	  at: "2026-11-27T10:00:00+08:00"
	  by: "王芳"
	  action: log
	zz_last: [1, "two"]
	EOT
	cp rt/$D/2611-0001.yaml orig &&
	plaint -C rt -N 2026-11-27T11:00:00+08:00 -u 李四 note 2611-0001 -m hi &&
	{
		sed -n "1,/^  action: log$/p" orig &&
		cat <<-\EOT &&
		- n: 2
		  at: "2026-11-27T11:00:00+08:00"
		  by: "李四"
		  action: note
		  note: hi
		EOT
		echo "zz_last: [1, \"two\"]"
	} >expect &&
	test_cmp expect rt/$D/2611-0001.yaml &&
	grep -o "^[a-z_]*:" orig >keys-before &&
	grep -o "^[a-z_]*:" rt/$D/2611-0001.yaml >keys-after &&
	test_cmp keys-before keys-after &&
	plaint -C rt check 2>/dev/null
'

test_done
