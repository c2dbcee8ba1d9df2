#!/bin/sh
# `make install` / `make uninstall` into a staging DESTDIR: the installed
# program runs from anywhere with its content, and uninstall removes exactly
# what install put there.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
# $PYDIVE is the program under test (a sanitizer build, or valgrind ./pydive).
PYDIVE=${PYDIVE:-./pydive}
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# The default PREFIX matches the build, so nothing is recompiled here.
if make --no-print-directory install DESTDIR="$STAGE" >"$STAGE.log" 2>&1; then ok "make install DESTDIR=... succeeds"
else notok "make install DESTDIR=... succeeds" "$(tail -5 "$STAGE.log")"; fi
rm -f "$STAGE.log"
BIN="$STAGE/usr/local/bin/pydive"
SHARE="$STAGE/usr/local/share/pydive"
[ -x "$BIN" ] && ok "the program is installed" || notok "the program is installed"
[ -f "$SHARE/lessons/course.yaml" ] && ok "the content is installed" || notok "the content is installed"
count=$(ls "$SHARE"/lessons/[0-9][0-9]-*.yaml 2>/dev/null | wc -l)
[ "$count" -eq 7 ] && ok "seven chapter modules are installed" || notok "seven chapter modules are installed" "found $count"

# From another folder, with the content where install put it.
out=$(cd / && PYDIVE_DATA="$SHARE" XDG_DATA_HOME="$STAGE/xdg" "$BIN" validate 2>&1)
[ $? -eq 0 ] && ok "the installed program validates its content" || notok "the installed program validates its content" "$out"
out=$(cd / && PYDIVE_DATA="$SHARE" XDG_DATA_HOME="$STAGE/xdg" "$BIN" render home 2>&1)
printf '%s\n' "$out" | grep -q "Python Memory Model Deep Dive" && ok "the installed program renders the series page" \
    || notok "the installed program renders the series page" "$out"
out=$(cd / && PYDIVE_DATA="$STAGE/nowhere" "$BIN" list 2>&1)
printf '%s\n' "$out" | grep -q "PYDIVE_DATA" && ok "a wrong PYDIVE_DATA is reported" || notok "a wrong PYDIVE_DATA is reported" "$out"

MAN="$STAGE/usr/local/share/man/man1/pydive.1"
if [ -f "$MAN" ] && groff -man -Tutf8 -ww "$MAN" >/dev/null 2>"$STAGE/groff.err" && [ ! -s "$STAGE/groff.err" ]; then
    ok "the manual page is installed and renders without warnings"
else notok "the manual page is installed and renders without warnings" "$(cat "$STAGE/groff.err" 2>/dev/null | head -3)"; fi
missing=""
for c in $($BIN --commands); do grep -q "^\.B pydive $c\$" "$MAN" || missing="$missing $c"; done
[ -z "$missing" ] && ok "the manual documents every command" || notok "the manual documents every command" "missing:$missing"
grep -q "run the next statement" "$MAN" && grep -q "show or hide the keys of this screen" "$MAN" \
    && ok "the manual lists the keys" || notok "the manual lists the keys"
COMP="$STAGE/usr/local/share/bash-completion/completions/pydive"
if [ -f "$COMP" ] && bash -c ". '$COMP' && complete -p pydive" >/dev/null 2>&1; then
    ok "bash completion is installed and loads"
else notok "bash completion is installed and loads"; fi
got=$(PATH="$STAGE/usr/local/bin:$PATH" PYDIVE_DATA="$SHARE" bash -c ". '$COMP'; COMP_WORDS=(pydive ren); COMP_CWORD=1; _pydive; echo \${COMPREPLY[*]}")
[ "$got" = "render" ] && ok "completion completes a command" || notok "completion completes a command" "got: $got"
got=$(PATH="$STAGE/usr/local/bin:$PATH" PYDIVE_DATA="$SHARE" bash -c ". '$COMP'; COMP_WORDS=(pydive render --si); COMP_CWORD=2; _pydive; echo \${COMPREPLY[*]}")
[ "$got" = "--size" ] && ok "completion completes a command's option" || notok "completion completes a command's option" "got: $got"

rm -rf "$STAGE/xdg" "$STAGE/groff.err"
make --no-print-directory uninstall DESTDIR="$STAGE" >/dev/null 2>&1
left=$(find "$STAGE" -type f | head -5)
[ -z "$left" ] && ok "make uninstall removes every installed file" || notok "make uninstall removes every installed file" "$left"

echo "1..$n"
[ $fails -eq 0 ]
