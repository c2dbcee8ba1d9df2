/*
 * textwrap: dedent and indent as Lib/textwrap.py writes them (3.11-3.13),
 * run natively on the str's code points.  dedent: lines of spaces and
 * tabs alone emptied (_whitespace_only_re), the common leading run of
 * spaces and tabs of the other lines (_leading_whitespace_re, margin by
 * margin) cut from each line that starts with it; the text itself comes
 * back when neither changed anything (re.sub's answer without a match).
 * indent: str.splitlines(True), the prefix added to each line the
 * predicate accepts (by default one that is not all whitespace), joined
 * (a single piece is the join's answer itself).  The Python code's frames,
 * lists and regex objects are not replayed: the young count and the traced
 * figures are refused after a call.  wrap, fill and shorten are
 * textwrap_wrap.c's; the TextWrapper class is textwrap_class.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/textwrap_int.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void tw_python_level(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
    tm_note_unsure(I, what);
}

bool tw_py_args(PyRun *I, const char *fn, SimId *a, int nargs, SimId kw, const char *const *names, int nnames,
                    int required, SimId *out)
{
    int np = bi_npos(I, nargs, kw);
    if (np > nnames) {
        if (required < nnames)
            py_raise(I, EXC_TypeError, "%s() takes from %d to %d positional arguments but %d were given", fn, required,
                     nnames, np);
        else
            py_raise(I, EXC_TypeError, "%s() takes %d positional argument%s but %d were given", fn, nnames,
                     nnames == 1 ? "" : "s", np);
        return false;
    }
    for (int i = 0; i < nnames; i++)
        out[i] = i < np ? a[i] : 0;
    for (int i = 0; i < nnames; i++) {
        SimId v = bi_kwarg(I, a, nargs, kw, names[i]);
        if (v && out[i]) {
            py_raise(I, EXC_TypeError, "%s() got multiple values for argument '%s'", fn, names[i]);
            return false;
        }
        if (v)
            out[i] = v;
    }
    for (int i = 0; i < required; i++)
        if (!out[i]) {
            py_raise(I, EXC_TypeError, "%s() missing 1 required positional argument: '%s'", fn, names[i]);
            return false;
        }
    return true;
}

static bool is_blank(uint32_t c) { return c == ' ' || c == '\t'; }

static SimId tw_dedent(PyRun *I, SimId *a, int nargs, SimId kw)
{
    static const char *const names[] = {"text"};
    SimId text;
    if (!tw_py_args(I, "dedent", a, nargs, kw, names, 1, 1, &text))
        return 0;
    if (sim_kind(S, text) != SK_STR || sim_is_subinst(S, text))
        return py_not_modelled(I, 0, "textwrap.dedent() of a %s", op_typename(I, text)), (SimId)0;
    tw_python_level(I, "textwrap.dedent() (Lib/textwrap.py's Python code and regexes)");
    size_t n;
    uint32_t *cp = str_decode(I, text, &n);
    uint32_t *t = malloc((n + 1) * sizeof *t);
    size_t m = 0;
    bool changed = false;
    for (size_t i = 0; i < n;) { /* _whitespace_only_re.sub('', text), line by line */
        size_t e = i;
        while (e < n && cp[e] != '\n')
            e++;
        bool blank = e > i;
        for (size_t k = i; k < e && blank; k++)
            blank = is_blank(cp[k]);
        if (blank)
            changed = true;
        else
            memcpy(t + m, cp + i, (e - i) * sizeof *t), m += e - i;
        if (e < n)
            t[m++] = '\n';
        i = e + 1;
    }
    size_t mstart = 0, mlen = 0; /* the margin: t[mstart .. mstart+mlen) */
    bool have = false;
    for (size_t i = 0; i <= m;) {
        size_t e = i;
        while (e < m && t[e] != '\n')
            e++;
        size_t w = i;
        while (w < e && is_blank(t[w]))
            w++;
        if (w < e) { /* a line with something else: its indent */
            size_t ilen = w - i;
            if (!have) {
                mstart = i, mlen = ilen, have = true;
            } else if (ilen >= mlen && !memcmp(t + i, t + mstart, mlen * sizeof *t)) {
                /* indent.startswith(margin) */
            } else if (ilen < mlen && !memcmp(t + i, t + mstart, ilen * sizeof *t)) {
                mlen = ilen; /* margin.startswith(indent) */
            } else {
                size_t k = 0;
                while (k < mlen && k < ilen && t[mstart + k] == t[i + k])
                    k++;
                mlen = k;
            }
        }
        i = e + 1;
    }
    SimId r;
    if (mlen == 0 && !changed) {
        sim_incref(S, text);
        r = text;
    } else {
        uint32_t *margin = malloc((mlen + 1) * sizeof *margin), *o = malloc((m + 1) * sizeof *o);
        memcpy(margin, t + mstart, mlen * sizeof *margin);
        size_t k = 0;
        for (size_t i = 0; i <= m && i < m + 1;) { /* re.sub('(?m)^' + margin, '', text) */
            size_t e = i;
            while (e < m && t[e] != '\n')
                e++;
            size_t from = mlen && e - i >= mlen && !memcmp(t + i, margin, mlen * sizeof *t) ? i + mlen : i;
            memcpy(o + k, t + from, (e - from) * sizeof *o), k += e - from;
            if (e < m)
                o[k++] = '\n';
            i = e + 1;
        }
        r = str_encode(I, o, k, false);
        free(margin);
        free(o);
    }
    free(t);
    free(cp);
    return r;
}

/* the default predicate: line.strip() (3.11), not line.isspace() (3.12+): the same answer */
static bool not_all_space(PyRun *I, SimId line)
{
    size_t n;
    uint32_t *cp = str_decode(I, line, &n);
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = !str_cp_space(cp[i]);
    free(cp);
    return any;
}

static SimId tw_indent(PyRun *I, SimId *a, int nargs, SimId kw)
{
    static const char *const names[] = {"text", "prefix", "predicate"};
    SimId v[3];
    if (!tw_py_args(I, "indent", a, nargs, kw, names, 3, 2, v))
        return 0;
    SimId text = v[0], prefix = v[1], pred = v[2] && sim_kind(S, v[2]) != SK_NONE ? v[2] : 0;
    if (sim_kind(S, text) != SK_STR || sim_is_subinst(S, text) || sim_kind(S, prefix) != SK_STR ||
        sim_is_subinst(S, prefix))
        return py_not_modelled(I, 0, "textwrap.indent() of a text or prefix that is not a str"), (SimId)0;
    tw_python_level(I, "textwrap.indent() (Lib/textwrap.py's Python code)");
    SimId args[2] = {text, S->true_};
    SimId lines = str_splitlines(I, args, 2, 0);
    if (!lines)
        return 0;
    SimId pieces = sim_list(S, 0);
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, lines)->len; i++) {
        SimId line = sim_items(S, lines)[i];
        int take;
        if (pred) {
            SimId r = vm_call(I, pred, &line, 1);
            take = r ? op_truth(I, r) : -1;
            sim_xdecref(S, r);
        } else {
            take = not_all_space(I, line);
        }
        if (take < 0) {
            ok = false;
            break;
        }
        if (take) {
            sim_incref(S, prefix);
            sim_list_append(S, pieces, prefix);
        }
        sim_incref(S, line);
        sim_list_append(S, pieces, line);
    }
    sim_decref(S, lines);
    SimId r = 0;
    if (ok && sim_obj(S, pieces)->len == 1) { /* ''.join of one str: that str */
        r = sim_items(S, pieces)[0];
        sim_incref(S, r);
    } else if (ok) {
        size_t total = 0;
        for (uint32_t i = 0; i < sim_obj(S, pieces)->len; i++) {
            size_t k;
            free(str_decode(I, sim_items(S, pieces)[i], &k));
            total += k;
        }
        uint32_t *o = malloc((total + 1) * sizeof *o);
        size_t at = 0;
        for (uint32_t i = 0; i < sim_obj(S, pieces)->len; i++) {
            size_t k;
            uint32_t *cp = str_decode(I, sim_items(S, pieces)[i], &k);
            memcpy(o + at, cp, k * sizeof *o);
            at += k;
            free(cp);
        }
        r = total ? str_encode(I, o, total, false) : (sim_incref(S, S->empty_str), S->empty_str);
        free(o);
    }
    sim_decref(S, pieces);
    return r;
}

const BuiltinDef textwrap_functions[] = {
    BUILTIN("dedent", 0, BM_TEXTWRAP, tw_dedent, .style = ARGS_OWN, .kw = "text"),
    BUILTIN("indent", 0, BM_TEXTWRAP, tw_indent, .style = ARGS_OWN, .kw = "text prefix predicate"),
    BUILTIN("wrap", 0, BM_TEXTWRAP, tw_wrap, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("fill", 0, BM_TEXTWRAP, tw_fill, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("shorten", 0, BM_TEXTWRAP, tw_shorten, .style = ARGS_OWN, .kw = "*"),
};
const int textwrap_nfunctions = (int)(sizeof textwrap_functions / sizeof textwrap_functions[0]);

void textwrap_module_init(PyRun *I, SimId d)
{
    SimId cls = textwrap_make_class(I);
    if (cls)
        bi_dict_put(I, d, "TextWrapper", cls);
}

void textwrap_on_import(PyRun *I) { std_import(I, STD_TEXTWRAP); }
