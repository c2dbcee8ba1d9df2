# Sourced by measure.sh and suite.sh (POSIX sh): how one corpus program fares
# on pydive under one profile, compared with what real CPython printed.
#
#   verdict PYDIVE PY VER TMPDIR   sets $kind and $why:
#     kind=match      stdout byte for byte as CPython's; exit status 0 when
#                     CPython's was 0; otherwise non-zero with CPython's last
#                     stderr line as pydive's last one
#     kind=honest     pydive refused the program: exit status 3 (the refusal
#                     status, docs/PYTHON.md) with a last stderr line matching
#                     `not (modelled|modeled|supported)`, having printed nothing
#                     CPython would not have printed first (its stdout is a
#                     prefix of CPython's)
#     kind=dishonest  anything else; $why says what (a false error, a wrong
#                     answer, a crash, a hang)
#   and $silent: 1 when a dishonest run also printed an answer CPython does not
#   (its stdout is not a prefix of CPython's, or it ended with status 0), the
#   worst case: $why then starts with "silently wrong: ".  0 otherwise (a loud
#   failure: a false error, a crash or a hang after correct output).
# PYDIVE may be a command with arguments ("valgrind ./pydive").  Lines that
# start with "pydive: note" are never counted as the last stderr line.

CORPUS_TIMEOUT=${CORPUS_TIMEOUT:-20}
REFUSED_STATUS=3   # PY_EXIT_REFUSED, app/pyrun/refuse.h

last_err_line() { grep -v '^pydive: note' "$1" | tail -n 1; }

# is_prefix SHORT LONG: the bytes of file SHORT start file LONG
is_prefix() {
    v_n=$(wc -c <"$1")
    head -c "$v_n" "$2" | cmp -s - "$1"
}

verdict() {
    verdict_run "$@"
    silent=0
    [ "$kind" = dishonest ] && [ -f "$v_tmp/out" ] || return 0
    if [ "$rc" = 0 ] || ! is_prefix "$v_tmp/out" "$v_out"; then
        silent=1
        why="silently wrong: $why"
    fi
}

verdict_run() {
    v_bin=$1 v_py=$2 v_ver=$3 v_tmp=$4
    v_base=${v_py%.py}
    v_out=$v_base.$v_ver.out
    kind=dishonest
    why=""
    rm -f "$v_tmp/out"
    if [ ! -f "$v_out" ]; then why="no CPython recording ($v_out)"; return; fi
    want_rc=0
    [ -f "$v_base.$v_ver.rc" ] && want_rc=$(cat "$v_base.$v_ver.rc")
    # shellcheck disable=SC2086  # PYDIVE may carry arguments
    timeout "$CORPUS_TIMEOUT" $v_bin run --python "$v_ver" "$v_py" >"$v_tmp/out" 2>"$v_tmp/err" </dev/null
    rc=$?
    last=$(last_err_line "$v_tmp/err")
    if [ "$rc" -eq 124 ]; then why="timeout after ${CORPUS_TIMEOUT}s"; return; fi
    if [ "$rc" -ge 128 ]; then why="crash (exit status $rc): $last"; return; fi
    if cmp -s "$v_tmp/out" "$v_out"; then
        if [ "$want_rc" = 0 ] && [ "$rc" = 0 ]; then
            if [ -z "$last" ]; then kind=match; return; fi
            why="same stdout but unexpected stderr: $last"; return
        fi
        if [ "$want_rc" != 0 ] && [ "$rc" != 0 ] &&
           [ "$last" = "$(cat "$v_base.$v_ver.lasterr")" ]; then kind=match; return; fi
    fi
    if [ "$rc" != 0 ] && printf '%s\n' "$last" | grep -qiE 'not (modell?ed|supported)'; then
        if [ "$rc" != "$REFUSED_STATUS" ]; then
            why="refusal with exit status $rc, not $REFUSED_STATUS: $last"; return
        fi
        if is_prefix "$v_tmp/out" "$v_out"; then kind=honest; return; fi
        why="refused, but printed what CPython does not first: $(diff "$v_tmp/out" "$v_out" | grep '^<' | head -n 1)"
        return
    fi
    if [ "$rc" = 0 ]; then
        if [ "$want_rc" != 0 ]; then
            why="exit 0 where CPython stops with: $(cat "$v_base.$v_ver.lasterr")"
        else
            why="wrong output: $(diff "$v_out" "$v_tmp/out" | grep '^[<>]' | head -n 2 | tr '\n' ' ')"
        fi
        return
    fi
    if cmp -s "$v_tmp/out" "$v_out" && [ "$want_rc" != 0 ]; then
        why="wrong error: $last (CPython: $(cat "$v_base.$v_ver.lasterr"))"; return
    fi
    why="false error: $last"
}
