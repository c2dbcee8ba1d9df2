#!/bin/sh
# select.sh CASE.py STDERR: the lines of each allocator dump that the
# start-up cases compare (see record.sh), one dump after another.
classes=$(sed -n '1s/^# compare://p' "$1")
awk -v classes="$classes" '
    BEGIN { n = split(classes, c, " "); for (i = 1; i <= n; i++) want[c[i]] = 1 }
    /^class   size/ { dump++; print "dump " dump }
    /^ *[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+$/ { if ($1 in want) print }
    /^# arenas allocated current/ { print }
' "$2"
