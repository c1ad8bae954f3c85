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
	test_cmp "$PACK" viaC/plaint.yaml
'

test_expect_success 'init -p default is the default pack' '
	plaint -q init -p default named &&
	test_cmp "$PACK" named/plaint.yaml
'

test_expect_success 'init -p PATH copies a policy file given by path' '
	sed "s/^title: .*/title: \"本地规则\"/" "$PACK" >mine.yaml &&
	plaint -q init -p ./mine.yaml local &&
	test_cmp mine.yaml local/plaint.yaml
'

test_expect_success 'a new tree works at once' '
	plaint -q init fresh &&
	plaint -C fresh -N 2026-11-27T10:00:00+08:00 log subject=x >out &&
	echo 2611-0001 >expect && test_cmp expect out
'

test_expect_code 73 'init refuses a dir that is a tree already' '
	plaint -q init twice &&
	echo "# edited" >>twice/plaint.yaml &&
	cp twice/plaint.yaml saved &&
	plaint init twice 2>err;
	rc=$? &&
	test_cmp saved twice/plaint.yaml &&
	echo "plaint: init: twice is a plaint tree already" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 78 'init -p with an unknown pack is a configuration error' '
	plaint init -p nosuch nopack 2>err;
	rc=$? &&
	test ! -e nopack &&
	grep "no policy pack \"nosuch\"" err &&
	exit $rc
'

test_expect_code 78 'init -p with a malformed policy file' '
	printf "policy: [\n" >bad.yaml &&
	plaint init -p ./bad.yaml badpol 2>err;
	rc=$? &&
	test ! -e badpol/plaint.yaml &&
	grep "^plaint: init: ./bad.yaml:2:1: " err &&
	exit $rc
'

test_expect_code 78 'init -p with a pack name that is not a name' '
	plaint init -p "no such" weird
'

test_expect_code 73 'init where the folder cannot be created' '
	echo file >afile &&
	plaint init afile/sub 2>err;
	rc=$? &&
	grep "^plaint: init: afile/sub: cannot create" err &&
	exit $rc
'

test_expect_code 64 'init with two dirs is a usage error' '
	plaint init one two 2>err;
	rc=$? &&
	test ! -e one && test ! -e two &&
	echo "usage: plaint init [-p pack] [dir]" >expect &&
	test_cmp expect err &&
	exit $rc
'

test_expect_code 64 'init with an unknown option' '
	plaint init -z tree-z
'

test_expect_code 64 'init -p without a value' '
	plaint init -p
'

test_expect_success 'init -h prints the synopsis and creates nothing' '
	mkdir h && (cd h && plaint init -h >../out) &&
	echo "usage: plaint init [-p pack] [dir]" >expect &&
	test_cmp expect out &&
	test ! -e h/plaint.yaml
'

test_done
