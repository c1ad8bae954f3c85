#!/bin/sh
# make demo: a small tree that shows plaint's main job, from intake to close.
set -eu
plaint=$1
dir=$2
rm -rf "$dir"
export PLAINT_USER=王芳
"$plaint" -q init -p default "$dir"
p() { "$plaint" -C "$dir" "$@"; }
a=$(p -N 2026-11-23T09:12 log channel=phone category=service-attitude \
	subject="抄表员态度恶劣" complainant.name=张三 complainant.phone=13800000000)
b=$(p -N 2026-11-24T14:30 log kind=inquiry channel=hotline category=billing \
	subject="电费账单金额异常" severity=minor)
c=$(p -N 2026-11-26T08:05 log channel=visit category=facilities severity=major \
	subject="变压器噪音扰民" description="夜间噪音明显，影响休息")
echo 'subject: 停电未通知
channel: letter
category: service-quality' | p -N 2026-11-27T16:45 log - >/dev/null
p -N 2026-11-23T10:00 assign "$a" 李四 department=营业厅
p -N 2026-11-23T10:20 note "$a" -c -m "已电话联系客户"
p -N 2026-11-24T09:00 escalate "$a" -m "客户不接受处理意见"
p -N 2026-11-25T16:00 resolve "$a" -m "已向客户道歉并更换抄表员" valid=yes \
	cause=staff responsible=赵六
p -N 2026-11-26T10:00 close "$a" satisfaction=satisfied notice=letter
p -N 2026-11-24T15:00 assign "$b" 钱莉艳
p -N 2026-11-26T09:00 assign "$c" 吴杰 department=运维检修部
echo "== plaint list (demo tree in $dir)"
p list
echo
echo "== plaint list status=open"
p list status=open
echo
echo "== plaint show -f text $a"
p -N 2026-11-28T09:00 show -f text "$a"
