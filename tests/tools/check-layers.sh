#!/bin/sh
# Fails when a layer includes what docs/ARCHITECTURE.md says it must not:
# curses, Lua and libyaml outside their folders, and any project include that
# climbs (the arrows point down only).
#   main/cli -> ui -> view -> {learner, course, script} -> {pyrun, lab} -> sim -> base
# With a directory argument, checks that tree instead of this checkout's (the
# self-test in tests/cli gives it a broken copy and expects a failure).
cd "$(dirname "$0")/../.." || exit 2
root=${1:-.}
cd "$root" || exit 2
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

# layer: the project folders it must not include (everything above it, and
# its siblings where the architecture keeps them apart).
forbid() { # layer, folders...
    layer=$1; shift
    [ -d "app/$layer" ] || return 0
    pat=$(echo "$@" | tr ' ' '|')
    hits=$(grep -rnE "#include[[:space:]]*\"($pat)/" "app/$layer" --include='*.[ch]' 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layer violation: app/$layer includes a layer above or beside it ($*):"
        echo "$hits" | sed 's/^/  /'
        bad=1
    fi
}
forbid base    sim lab pyrun script course learner view ui cli
forbid sim     lab pyrun script course learner view ui cli
forbid lab     pyrun script course learner view ui cli
forbid pyrun   lab script course learner view ui cli
forbid script  view ui cli
forbid course  script view ui cli
forbid learner script view ui cli
forbid view    ui cli
forbid ui      cli

[ $bad -eq 0 ] && echo "layers: ok"
exit $bad
