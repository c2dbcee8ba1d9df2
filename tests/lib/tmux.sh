# Shared set-up of the tmux suites (e2e, screens): sourced, not run.
# pydive in a real terminal on a private tmux server, driven by keys and read
# back from the screen; TAP output through ok/notok.
#
# The suite sets before sourcing:  T (the tmux server's name), DATA (the
# XDG_DATA_HOME of the panes).  Optional: KEY_PAUSE (seconds after keys,
# default 0.15), TERM_OVERRIDE (the panes' TERM), E2E_WAIT (seconds a check
# waits for its text; make test-valgrind raises it).
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
tm() { tmux -L "$T" "$@"; }
screen() { tm capture-pane -p -t t 2>/dev/null; }
tmux_cleanup() { tmux -L "$T" kill-server 2>/dev/null; rm -rf "$DATA"; }

# start SIZE CMD...: a fresh session running CMD with our data dir; after it
# ends the pane shows EXITED:status.
start() {
    size=$1; shift
    # a loaded machine can fail to create the window ("create window
    # failed"): up to three tries before the checks run on nothing
    for try in 1 2 3; do
        tm kill-server 2>/dev/null
        i=0; while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.05; i=$((i + 1)); done
        sleep 0.1
        tm -f /dev/null new-session -d -s t -x "${size%x*}" -y "${size#*x}" \
            "env XDG_DATA_HOME=$DATA TERM=${TERM_OVERRIDE:-xterm-256color} $* ; echo EXITED:\$?; sleep 30" \
            2>/dev/null && tm has-session -t t 2>/dev/null && return 0
        sleep 1
    done
}

# wait_for TEXT [SECONDS]: polls the screen until TEXT shows up.
wait_for() {
    i=0; limit=$(( ${2:-5} * 10 ))
    while [ $i -lt $limit ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
keys() { tm send-keys -t t "$@"; sleep "${KEY_PAUSE:-0.15}"; }
check() { # NAME TEXT: the screen shows TEXT
    if wait_for "$2" "${E2E_WAIT:-5}"; then ok "$1"; else notok "$1" "expected to see: $2" "screen was:" "$(screen | sed 's/^/  | /')"; fi
}
check_not() { # NAME TEXT: the screen does not show TEXT
    sleep 0.3
    if screen | grep -qF -- "$2"; then notok "$1" "did not expect: $2" "screen was:" "$(screen | sed 's/^/  | /')"; else ok "$1"; fi
}
# the screen once it has stopped changing (a loaded machine redraws late)
settled() {
    prev=$(screen); i=0
    while [ $i -lt 30 ]; do
        sleep 0.1; cur=$(screen)
        [ "$cur" = "$prev" ] && break
        prev=$cur; i=$((i + 1))
    done
    printf '%s\n' "$prev"
}
