#!/bin/sh
# Fails when a layer includes what ARCHITECTURE.md says it must not.
cd "$(dirname "$0")/../.." || exit 2
bad=0
check() { # pattern, allowed-dir-regex, what
    hits=$(grep -rlE "$1" app --include='*.[ch]' | grep -vE "$2")
    if [ -n "$hits" ]; then
        echo "layer violation: $3 included outside its layer:"; echo "$hits" | sed 's/^/  /'
        bad=1
    fi
}
check '#include[[:space:]]*<(n?curses(w)?|ncursesw/curses)\.h>' '^app/ui/' 'curses'
check '#include[[:space:]]*<(lua|lauxlib|lualib)\.h>' '^app/script/' 'Lua'
check '#include[[:space:]]*<yaml\.h>' '^app/(course|learner)/' 'libyaml'
for low in sim pyrun; do
    hits=$(grep -rlE '#include[[:space:]]*"(ui|view|script|course|learner|cli)/' app/$low 2>/dev/null)
    [ -n "$hits" ] && { echo "layer violation: app/$low includes a higher layer:"; echo "$hits" | sed 's/^/  /'; bad=1; }
done
hits=$(grep -rlE '#include[[:space:]]*"(ui|view|script|course|learner|cli|sim|pyrun)/' app/base 2>/dev/null)
[ -n "$hits" ] && { echo "layer violation: app/base includes a higher layer:"; echo "$hits"; bad=1; }
[ $bad -eq 0 ] && echo "layers: ok"
exit $bad
