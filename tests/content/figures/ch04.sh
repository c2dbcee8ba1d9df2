# Sourced by tests/content/suite.sh (uses ok, not_ok, $tmp, $root).
# Chapter 4's claims that a compiler and the pyenv interpreters can check:
#   - extension-gc: the holder cycles of tests/bench/gc-extension give what the
#     lesson says on every interpreter it names;
#   - stable-abi: METH_FASTCALL enters the Limited API at 3.10 and the
#     vectorcall type flag at 3.12 (compiled against the 3.12.1 headers).
# Without pyenv or a C compiler the checks are skipped, and say so.
lesson4="$root/lessons/04-bindings.yaml"
pyroot=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
prose4() {
    awk -v want="$1" '/^  - id: / { on = ($3 == want); next } on { printf "%s ", $0 }' "$lesson4" | tr -s ' '
}
if ! command -v cc >/dev/null 2>&1; then
    ok "ch04 figures: no C compiler # SKIP"
else
    for v in 3.11.7 3.12.1 3.13.0; do
        py="$pyroot/versions/$v/bin/python3"
        if [ ! -x "$py" ]; then ok "ch04 figures: holder cycles on $v # SKIP no $py"; continue; fi
        out=$("$root/tests/bench/gc-extension/run.sh" "$py" 2>&1)
        if printf '%s\n' "$out" | grep -qx 'Holder: gc.collect() found 0, lists still alive 1000 of 1000, is_tracked(instance) False' &&
           printf '%s\n' "$out" | grep -qx 'GcHolder: gc.collect() found 2000, lists still alive 0 of 1000, is_tracked(instance) True'; then
            ok "ch04 figures: holder cycles on $v (0 found, 1,000 alive; 2,000 found, 0 alive)"
        else
            not_ok "ch04 figures: holder cycles on $v" "$out"
        fi
    done
    if prose4 extension-gc | grep -qF 'On CPython 3.11.7, 3.12.1 and 3.13.0 alike, `gc.collect()` found nothing in the `Holder` cycles and all 1,000 lists stayed alive; it found 2,000 objects in the `GcHolder` cycles and no list was left'; then
        ok "ch04 figures: the lesson states the holder figures the runs give"
    else
        not_ok "ch04 figures: the lesson states the holder figures the runs give" "section extension-gc"
    fi
    # the section's C code compiles as written (a snippet of this chapter once
    # declared the same variable twice)
    inc11="$pyroot/versions/3.11.7/include/python3.11"
    if [ -f "$inc11/Python.h" ]; then
        { printf '#include <Python.h>\ntypedef struct { PyObject_HEAD PyObject *item; } HolderObject;\n'
          "$root/tests/content/figures/extract.sh" "$lesson4" extension-gc; } >"$tmp/holder_snippet.c"
        if cc -fsyntax-only -Wall -Werror -Wno-unused-function -I"$inc11" "$tmp/holder_snippet.c" 2>"$tmp/cc.err"; then
            ok "ch04 figures: the extension-gc C code compiles against 3.11.7's headers"
        else
            not_ok "ch04 figures: the extension-gc C code compiles against 3.11.7's headers" "$(head -n 3 "$tmp/cc.err")"
        fi
    fi
    inc="$pyroot/versions/3.12.1/include/python3.12"
    compiles() { # LIMITED-API-HEX EXPRESSION: does it compile against 3.12.1's headers?
        printf '#define Py_LIMITED_API %s\n#include <Python.h>\nlong f(void) { return (long)(%s); }\n' "$1" "$2" >"$tmp/limited.c"
        cc -fsyntax-only -I"$inc" "$tmp/limited.c" 2>/dev/null
    }
    if [ ! -f "$inc/Python.h" ]; then
        ok "ch04 figures: Limited API versions # SKIP no 3.12.1 headers"
    elif ! compiles 0x03090000 METH_FASTCALL && compiles 0x030A0000 METH_FASTCALL &&
         ! compiles 0x030B0000 Py_TPFLAGS_HAVE_VECTORCALL && compiles 0x030C0000 Py_TPFLAGS_HAVE_VECTORCALL; then
        if prose4 stable-abi | grep -qF '`METH_FASTCALL` functions are in the Limited API from 3.10 and the vectorcall type flag from 3.12'; then
            ok "ch04 figures: METH_FASTCALL in the Limited API from 3.10, the vectorcall flag from 3.12"
        else
            not_ok "ch04 figures: the lesson states the Limited API versions the headers give" "section stable-abi"
        fi
    else
        not_ok "ch04 figures: METH_FASTCALL from 3.10 and the vectorcall flag from 3.12 in 3.12.1's headers"
    fi
fi
