#!/bin/sh
# CSV for people and for scripts.  -o FILE with -f csv (list, export,
# report) writes what Excel opens right: UTF-8 with a byte order mark,
# rows ending CRLF; standard output keeps its rule (CRLF, the BOM only
# with -B) so that pipes to scripts see the same bytes.  report -f csv
# -t TABLE writes one table alone; without -t, every table, each after
# an empty line.  -o is the same code for the three (cmd/common.c).
. "$PLAINT_TOP/tests/test-lib.sh"

export PLAINT_NOW=2026-11-27T10:00:00+08:00

# One complaint fined, sanctioned and owing an inform; one still open.
test_setup 'a tree with every report table' '
	make_tree t &&
	cat >>t/plaint.yaml <<-\EOT &&
	clocks:
	  first_response: {starts: log, stops: [contact, resolve], pause: true}
	  resolution: {starts: log, stops: resolve, pause: true}
	deadlines:
	  - {id: base, set: {first_response: 24h, resolution: 5d}}
	penalties:
	  - {id: staff-fault, when: {resolution.valid: yes, resolution.cause: staff}, amount: 50}
	  - {id: rude, when: {resolution.cause: staff}, sanction: 通报批评}
	informs:
	  - {id: legal, when: {category: billing}, to: 法律事务部}
	EOT
	plaint -C t -N 2026-11-02T09:00 log subject=电费 category=billing assignee=李四 >/dev/null &&
	plaint -C t -N 2026-11-04T10:00 resolve 2611-0001 -m 已退费 valid=yes cause=staff responsible=赵六 &&
	plaint -C t -N 2026-11-05T09:00 log subject=b >/dev/null
'

# crlf <expect.lf >expect: the rows as CSV ends them.
crlf() { sed "s/\$/$(printf "\r")/"; }
# bom: the three bytes of U+FEFF in UTF-8.
bom() { printf "\357\273\277"; }
# no_tmp: no temporary file of -o is left here.
no_tmp() { ls -a >names && ! grep "\.tmp-" names; }

for cmd in list export report; do
	test_expect_success "$cmd -o FILE -f csv: a BOM, then the bytes of standard output" '
		plaint -C t '$cmd' -f csv >stdout.csv &&
		plaint -C t '$cmd' -f csv -o file.csv &&
		{ bom && cat stdout.csv; } >expect &&
		cmp expect file.csv && no_tmp
	'

	test_expect_success "$cmd -f csv: every row of FILE ends CRLF" '
		plaint -C t '$cmd' -f csv -o file.csv &&
		od -An -tx1 file.csv | tr -d "\n" >bytes && grep -q "0d 0a" bytes &&
		test "$(tr -d -c "\n" <file.csv | wc -c)" = \
		    "$(tr -d -c "\r" <file.csv | wc -c)"
	'

	test_expect_success "$cmd -f csv on standard output: no BOM, CRLF; -B adds the BOM" '
		plaint -C t '$cmd' -f csv >plain &&
		head -c 3 plain >first && bom >b && ! cmp -s b first &&
		test "$(tr -d -c "\n" <plain | wc -c)" = \
		    "$(tr -d -c "\r" <plain | wc -c)" &&
		plaint -C t '$cmd' -B -f csv >withbom &&
		{ bom && cat plain; } >expect && cmp expect withbom
	'

	test_expect_success "$cmd -o into a missing folder: 73, nothing made" '
		test_expect_code 73 plaint -C t '$cmd' -f csv -o nowhere/x.csv 2>err &&
		grep "^plaint: '$cmd': " err &&
		test ! -e nowhere && no_tmp
	'

	test_expect_success "$cmd -o: a skipped record keeps the old file" '
		cp -r t bad && printf "id: [x\n" >bad/2026/11/2611-0002.yaml &&
		echo old >keep.csv &&
		test_expect_code 65 plaint -C bad '$cmd' -f csv -o keep.csv 2>err &&
		grep "^plaint: '$cmd': keep.csv is left as it was: the '$cmd' was not complete$" err &&
		echo old >expect && test_cmp expect keep.csv && no_tmp
	'
done

test_expect_success 'list and report -o with another format: as on standard output' '
	plaint -C t list >expect && plaint -C t list -o out.txt &&
	cmp expect out.txt &&
	plaint -C t list -f json >expect && plaint -C t list -f json -o out.json &&
	cmp expect out.json &&
	plaint -C t report >expect && plaint -C t report -o report.txt &&
	cmp expect report.txt &&
	plaint -C t report -f json >expect && plaint -C t report -f json -o r.json &&
	cmp expect r.json
'

test_expect_success '-B with a format that is not csv, an empty -o: 64' '
	test_expect_code 64 plaint -C t list -B -o x.txt 2>err &&
	grep "^plaint: list: -B: only with -f csv$" err &&
	test_expect_code 64 plaint -C t report -f csv -o "" 2>err &&
	grep "^plaint: report: -o: the file name is empty$" err &&
	test ! -e x.txt
'

S=total,open,overdue,invalid,unsatisfied,fines,fines_amount,kind:complaint,kind:suggestion,kind:inquiry,status:new,status:assigned,status:escalated,status:resolved,status:closed
C1=first_response_on_time,first_response_late,first_response_met_pct,first_response_median_s,first_response_p90_s
C2=resolution_on_time,resolution_late,resolution_met_pct,resolution_median_s,resolution_p90_s

test_expect_success 'report -f csv -t summary: that table alone' '
	plaint -C t report -f csv -t summary >out &&
	crlf >expect <<-EOT &&
	$S,$C1,$C2,period
	2,1,1,0,0,1,50,2,0,0,1,0,0,1,0,0,1,0.0,176400,176400,1,0,100.0,176400,176400,2026-11-01 – 2026-11-30
	EOT
	cmp expect out
'

test_expect_success 'report -f csv -t clocks: one row per clock with figures' '
	plaint -C t report -f csv -t clocks >out &&
	crlf >expect <<-\EOT &&
	clock,on_time,late,met_pct,median_s,p90_s
	first_response,0,1,0.0,176400,176400
	resolution,1,0,100.0,176400,176400
	EOT
	cmp expect out
'

test_expect_success 'report -f csv -t fines, -t sanctions, -t informs' '
	plaint -C t report -f csv -t fines >out &&
	crlf >expect <<-\EOT &&
	person,rule,count,amount
	赵六,staff-fault,1,50
	EOT
	cmp expect out &&
	plaint -C t report -f csv -t sanctions >out &&
	crlf >expect <<-\EOT &&
	person,rule,sanction,count
	赵六,rude,通报批评,1
	EOT
	cmp expect out &&
	plaint -C t report -f csv -t informs >out &&
	crlf >expect <<-\EOT &&
	inform,to,done,owed
	legal,法律事务部,0,1
	EOT
	cmp expect out
'

test_expect_success 'report -t with -b: the group columns first; an empty table keeps its header' '
	plaint -C t report -f csv -b category -t fines >out &&
	crlf >expect <<-\EOT &&
	category,person,rule,count,amount
	billing,赵六,staff-fault,1,50
	(all),赵六,staff-fault,1,50
	EOT
	cmp expect out &&
	plaint -C t report -f csv -t fines received=2026-10 >out &&
	echo person,rule,count,amount | crlf >expect && cmp expect out
'

test_expect_success 'report -f csv without -t: every table, each after an empty line' '
	plaint -C t report -f csv >out &&
	crlf >expect <<-EOT &&
	$S,$C1,$C2,period
	2,1,1,0,0,1,50,2,0,0,1,0,0,1,0,0,1,0.0,176400,176400,1,0,100.0,176400,176400,2026-11-01 – 2026-11-30

	person,rule,count,amount
	赵六,staff-fault,1,50

	person,rule,sanction,count
	赵六,rude,通报批评,1

	inform,to,done,owed
	legal,法律事务部,0,1
	EOT
	cmp expect out
'

test_expect_success 'report -t -o: one table a file, with the BOM' '
	plaint -C t report -f csv -t fines -o fines.csv &&
	{ bom && printf "person,rule,count,amount\r\n赵六,staff-fault,1,50\r\n"; } >expect &&
	cmp expect fines.csv
'

test_expect_success 'report -t: an unknown table is 64 naming the tables' '
	test_expect_code 64 plaint -C t report -f csv -t total >out 2>err &&
	test ! -s out &&
	echo "plaint: report: -t: unknown table \"total\" (summary, clocks, fines, sanctions or informs)" >expect &&
	test_cmp expect err
'

test_expect_success 'report -t with a format that is not csv: 64' '
	test_expect_code 64 plaint -C t report -t fines 2>err &&
	grep "^plaint: report: -t: only with -f csv$" err &&
	test_expect_code 64 plaint -C t report -f json -t fines 2>err &&
	grep "^plaint: report: -t: only with -f csv$" err
'

test_done
