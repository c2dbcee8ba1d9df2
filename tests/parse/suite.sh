#!/bin/sh
# Hostile nesting (issue 20, item 2): every recursive rule of the parser is
# depth-limited, with the outcome of the real interpreter of each version
# (recorded from CPython 3.11.7, 3.12.1 and 3.13.0).  Nothing may crash: under
# `make test-asan` this suite runs the sanitizer build.  TAP output.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-./pydive}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# rep TEXT COUNT: TEXT repeated
rep() { awk -v t="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'; }
# check NAME VER FILE STATUS LASTLINE: `run --check` ends so
check() {
    out=$($PYDIVE run --python "$2" --check "$3" 2>&1); got=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    if [ "$got" -eq "$4" ] && [ "$last" = "$5" ]; then ok "$1 ($2)"
    else notok "$1 ($2)" "exit $got (wanted $4), last line: $last" "wanted: $5"; fi
}
mem311="MemoryError"
mem312="MemoryError: Parser stack overflowed - Python source too complex to parse"
rec="RecursionError: maximum recursion depth exceeded during compilation"

{ printf 'x=1'; rep '**1' 400000; echo; } >"$tmp/pow.py"
{ printf 'x='; rep 'lambda: ' 1000000; echo 1; } >"$tmp/lambda.py"
{ printf 'x=1'; rep '**1' 2983; echo; } >"$tmp/pow_ok.py"
{ printf 'x=1'; rep '**1' 2984; echo; } >"$tmp/pow_over.py"
{ printf 'x='; rep '-' 100000; echo 1; } >"$tmp/neg.py"
{ printf 'x='; rep 'not ' 3000; echo 1; } >"$tmp/not.py"
{ printf 'x='; rep '1 if 1 else ' 100000; echo 1; } >"$tmp/ifexp.py"
{ printf 'x=1'; rep '+1' 100000; echo; } >"$tmp/plus.py"
{ printf 'x=f'; rep '(1)' 100000; echo; } >"$tmp/call.py"
{ printf 'x='; rep '(' 300; rep ')' 300; echo; } >"$tmp/paren.py"
{ printf 'x=f"'; rep '{f"' 160; printf 1; rep '"}' 160; echo '"'; } >"$tmp/fstr.py"
awk 'BEGIN { for (i = 0; i < 101; i++) { for (j = 0; j < i; j++) printf " "; print "if 1:" }
             for (j = 0; j < 101; j++) printf " "; print "pass" }' >"$tmp/indent.py"
awk 'BEGIN { for (i = 0; i < 21; i++) { for (j = 0; j < i; j++) printf " "; print "for x in y:" }
             for (j = 0; j < 21; j++) printf " "; print "pass" }' >"$tmp/blocks.py"
awk 'BEGIN { for (i = 0; i < 22; i++) { for (j = 0; j < i; j++) printf " "; print "while x:" }
             for (j = 0; j < 22; j++) printf " "; print "pass" }' >"$tmp/blocks22.py"

for v in 3.11 3.12 3.13; do
    mem=$mem312; [ "$v" = 3.11 ] && mem=$mem311
    check "400,000 levels of '**' overflow the parser's stack" $v "$tmp/pow.py" 1 "$mem"
    check "1,000,000 nested lambdas overflow the parser's stack" $v "$tmp/lambda.py" 1 "$mem"
    check "2,983 levels of '**' parse" $v "$tmp/pow_ok.py" 0 ""
    check "2,984 levels of '**' do not" $v "$tmp/pow_over.py" 1 "$mem"
    check "100,000 nested '(' are too many" $v "$tmp/paren.py" 1 "SyntaxError: too many nested parentheses"
    check "101 nested blocks are too many levels of indentation" $v "$tmp/indent.py" 1 \
        "IndentationError: too many levels of indentation"
    check "100,000 chained '+' exceed the compiler's recursion" $v "$tmp/plus.py" 1 "$rec"
    check "100,000 chained calls exceed the compiler's recursion" $v "$tmp/call.py" 1 "$rec"
    if [ "$v" = 3.13 ]; then
        check "100,000 unary '-' overflow the parser's stack" $v "$tmp/neg.py" 1 "$mem"
        check "100,000 nested if-else overflow the parser's stack" $v "$tmp/ifexp.py" 1 "$mem"
        check "3,000 'not' parse" $v "$tmp/not.py" 0 ""
        check "21 nested loops parse" $v "$tmp/blocks.py" 0 ""
        check "22 nested loops are too many statically nested blocks" $v "$tmp/blocks22.py" 1 \
            "SyntaxError: too many statically nested blocks"
    else
        check "100,000 unary '-' exceed the compiler's recursion" $v "$tmp/neg.py" 1 "$rec"
        check "100,000 nested if-else exceed the compiler's recursion" $v "$tmp/ifexp.py" 1 "$rec"
        check "3,000 'not' exceed the compiler's recursion" $v "$tmp/not.py" 1 "$rec"
        check "21 nested loops are too many statically nested blocks" $v "$tmp/blocks.py" 1 \
            "SyntaxError: too many statically nested blocks"
    fi
    [ "$v" != 3.11 ] && check "160 nested f-strings are too many" $v "$tmp/fstr.py" 1 \
        "SyntaxError: too many nested f-strings"
done
# valid but deeper than the compiler may recurse: refused, not crashed
{ printf 'x=1'; rep '+1' 2500; echo; echo 'print(x)'; } >"$tmp/deep_ok.py"
out=$($PYDIVE run "$tmp/deep_ok.py" 2>&1); got=$?
if [ "$got" -eq 3 ] && printf '%s\n' "$out" | grep -q 'nested more than 1000 deep are not modelled'; then
    ok "a 2,500-term sum CPython runs is refused honestly"
else notok "a 2,500-term sum CPython runs is refused honestly" "exit $got: $out"; fi
echo "1..$n"
[ "$fails" -eq 0 ]
