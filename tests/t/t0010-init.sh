#!/bin/sh
# plaint init: a tree from a shipped policy pack.
. "$PLAINT_TOP/tests/test-lib.sh"

PACK=$PLAINT_TOP/data/policies/default.yaml

test_expect_success 'init DIR creates plaint.yaml and .plaint/' '
	plaint init tree >out 2>err &&
	test_cmp "$PACK" tree/plaint.yaml &&
	test -d tree/.plaint &&
	test ! -s out &&
	echo "plaint: init: created a tree with policy \"default\" in tree" >expect &&
	test_cmp expect err
'

test_expect_success 'the tree and .plaint are 0700 even under umask 000' '
	(umask 000 && plaint -q init open) &&
	echo 700 >expect &&
	stat -c %a open >actual && test_cmp expect actual &&
	stat -c %a open/.plaint >actual && test_cmp expect actual
'

test_expect_success 'init -q prints nothing' '
	plaint -q init quiet >out 2>err &&
	test ! -s out && test ! -s err &&
	test -f quiet/plaint.yaml
'

test_expect_success 'init without a dir uses the working directory' '
	mkdir here && (cd here && plaint -q init) &&
	test_cmp "$PACK" here/plaint.yaml && test -d here/.plaint
'

test_expect_success 'init -C dir creates the tree in dir' '
	plaint -q -C viaC init &&
	test_cmp "$PACK" viaC/plaint.yaml && test -d viaC/.plaint &&
	test ! -e plaint.yaml && test ! -e .plaint
'

test_expect_success 'init -p default is the default pack' '
	plaint -q init -p default named &&
	test_cmp "$PACK" named/plaint.yaml
'

test_expect_success 'init -p PATH copies a policy file given by path' '
	sed "s/^title: .*/title: \"本地规则\"/" "$PACK" >mine.yaml &&
	grep "^title: \"本地规则\"$" mine.yaml &&
	plaint -q init -p ./mine.yaml local &&
	test_cmp mine.yaml local/plaint.yaml &&
	test -d local/.plaint
'

test_expect_success 'a new tree works at once' '
	plaint -q init fresh &&
	plaint -C fresh -N 2026-11-27T10:00:00+08:00 log subject=x >out &&
	echo 2611-0001 >expect && test_cmp expect out
'

test_expect_success 'init refuses a dir that is a tree already (73)' '
	plaint -q init twice &&
	echo "# edited" >>twice/plaint.yaml &&
	cp twice/plaint.yaml saved &&
	test_expect_code 73 plaint init twice 2>err &&
	test_cmp saved twice/plaint.yaml &&
	echo "plaint: init: twice is a plaint tree already" >expect &&
	test_cmp expect err
'

test_expect_success 'init -p with an unknown pack is a configuration error (78)' '
	test_expect_code 78 plaint init -p nosuch nopack 2>err &&
	test ! -e nopack &&
	echo "plaint: init: no policy pack \"nosuch\" (packs are in share/plaint/policies)" >expect &&
	test_cmp expect err
'

test_expect_success 'init -p with a malformed policy file (78)' '
	printf "policy: [\n" >bad.yaml &&
	test_expect_code 78 plaint init -p ./bad.yaml badpol 2>err &&
	test ! -e badpol &&
	grep "^plaint: init: ./bad.yaml:2:1: " err
'

test_expect_success 'init -p with a pack name that is not a name (78)' '
	test_expect_code 78 plaint init -p "no such" weird 2>err &&
	test ! -e weird &&
	echo "plaint: init: no policy pack \"no such\" (packs are in share/plaint/policies)" >expect &&
	test_cmp expect err
'

test_expect_success 'init where the folder cannot be created (73)' '
	echo file >afile &&
	test_expect_code 73 plaint init afile/sub 2>err &&
	grep "^plaint: init: afile/sub: cannot create" err &&
	echo file >expect &&
	test_cmp expect afile
'

test_expect_success 'init with two dirs is a usage error (64)' '
	test_expect_code 64 plaint init one two 2>err &&
	test ! -e one && test ! -e two &&
	echo "usage: plaint init [-p pack] [dir]" >expect &&
	test_cmp expect err
'

test_expect_success 'init with an unknown option (64)' '
	test_expect_code 64 plaint init -z tree-z 2>err &&
	test ! -e tree-z &&
	cat >expect <<-\EOT &&
	plaint: init: unknown option -z
	usage: plaint init [-p pack] [dir]
	EOT
	test_cmp expect err
'

test_expect_success 'init -p without a value (64)' '
	test_expect_code 64 plaint init -p 2>err &&
	test ! -e plaint.yaml && test ! -e .plaint &&
	cat >expect <<-\EOT &&
	plaint: init: option -p needs a value
	usage: plaint init [-p pack] [dir]
	EOT
	test_cmp expect err
'

test_expect_success 'init -h prints the synopsis and creates nothing' '
	mkdir h && (cd h && plaint init -h >../out) &&
	echo "usage: plaint init [-p pack] [dir]" >expect &&
	test_cmp expect out &&
	test ! -e h/plaint.yaml && test ! -e h/.plaint
'

test_done
