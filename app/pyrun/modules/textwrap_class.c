/*
 * textwrap_class: textwrap.TextWrapper, which Lib/textwrap.py writes in
 * Python (the same in 3.11, 3.12 and 3.13), as a class of the model's
 * with built-in methods (SK_INSTANCE, BM_TEXTWRAP), as collections'
 * ChainMap is one.  Its instances are plain instances: __init__ stores the
 * twelve options as attributes in Lib's order (width, initial_indent,
 * subsequent_indent, expand_tabs, replace_whitespace, fix_sentence_endings,
 * break_long_words, drop_whitespace, break_on_hyphens, tabsize, then the
 * keyword-only max_lines and placeholder), so the instance and its
 * __dict__ are any class's.  wrap(text) and fill(text) read the attributes
 * again at each call (a program may change w.width) and break the lines as
 * textwrap.wrap does (textwrap_wrap.c).  The class's other attributes
 * (wordsep_re, _split ...) are refused with the Python frames: the young
 * count and the traced figures are refused after a call.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/textwrap_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *const opt_names[] = {"width", "initial_indent", "subsequent_indent", "expand_tabs",
                                        "replace_whitespace", "fix_sentence_endings", "break_long_words",
                                        "drop_whitespace", "break_on_hyphens", "tabsize", "max_lines", "placeholder"};
enum { NOPT = sizeof opt_names / sizeof opt_names[0], NPOS = 10 };

/* the default of option i (a new reference) */
static SimId default_of(PyRun *I, int i)
{
    switch (i) {
    case 0: return sim_int(S, 70);
    case 1: case 2: sim_incref(S, S->empty_str); return S->empty_str;
    case 5: return sim_bool(S, false);
    case 9: return sim_int(S, 8);
    case 10: sim_incref(S, S->none); return S->none;
    case 11: return sim_str_intern(S, " [...]", 6);
    default: return sim_bool(S, true);
    }
}

static SimId twc_init(PyRun *I, SimId *a, int n, SimId kw)
{
    tw_python_level(I, "textwrap.TextWrapper() (Lib/textwrap.py's __init__)");
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    if (np > NPOS) {
        py_raise(I, EXC_TypeError, "TextWrapper.__init__() takes from 1 to %d positional arguments but %d were given",
                 NPOS + 1, np + 1);
        return 0;
    }
    SimId v[NOPT] = {0};
    for (int i = 0; i < np; i++)
        v[i] = a[1 + i];
    for (int i = 0; i < nk; i++) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &len);
        int which = -1;
        for (int j = 0; j < NOPT && which < 0; j++)
            if (strlen(opt_names[j]) == len && memcmp(opt_names[j], w, len) == 0)
                which = j;
        if (which < 0) {
            if (S->prof->version > SIM_V312) /* 3.13 adds a "Did you mean" the model does not compute */
                return py_not_modelled(I, 0, "an unexpected keyword argument to textwrap.TextWrapper() (3.13's "
                                             "suggestion)"), (SimId)0;
            py_raise(I, EXC_TypeError, "TextWrapper.__init__() got an unexpected keyword argument '%.*s'", (int)len,
                     w);
            return 0;
        }
        if (v[which]) {
            py_raise(I, EXC_TypeError, "TextWrapper.__init__() got multiple values for argument '%s'",
                     opt_names[which]);
            return 0;
        }
        v[which] = a[n - nk + i];
    }
    for (int i = 0; i < NOPT; i++) {
        SimId val = v[i] ? (sim_incref(S, v[i]), v[i]) : default_of(I, i);
        SimId k = sim_str_intern(S, opt_names[i], strlen(opt_names[i]));
        bool ok = attr_set(I, a[0], k, val);
        sim_decref(S, k);
        sim_decref(S, val);
        if (!ok)
            return 0;
    }
    return bi_none(I);
}

/* textwrap's wrap or fill of text with self's options: fn(text, width, **options) */
static SimId with_options(PyRun *I, SimId *a, int n, SimId kw, const char *fn,
                          SimId (*run)(PyRun *, SimId *, int, SimId))
{
    tw_python_level(I, "a method of textwrap.TextWrapper (Lib/textwrap.py's code)");
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    if (nk || n != 2) {
        if (nk || n < 2)
            return py_not_modelled(I, 0, "these arguments to TextWrapper.%s()", fn), (SimId)0;
        py_raise(I, EXC_TypeError, "TextWrapper.%s() takes 2 positional arguments but %d were given", fn, n);
        return 0;
    }
    if (sim_kind(S, a[0]) != SK_INSTANCE)
        return py_not_modelled(I, 0, "TextWrapper.%s() called on a %s", fn, op_typename(I, a[0])), (SimId)0;
    SimId args[NOPT + 1], names = sim_tuple(S, NOPT - 1);
    args[0] = a[1];
    int got = 1;
    bool ok = true;
    for (int i = 0; i < NOPT && ok; i++) {
        SimId k = sim_str_intern(S, opt_names[i], strlen(opt_names[i]));
        SimId val = attr_get(I, a[0], k); /* self.width ... */
        if (i > 0) {
            sim_incref(S, k);
            sim_tuple_set(S, names, (uint32_t)(i - 1), k);
        }
        sim_decref(S, k);
        ok = val != 0;
        if (ok)
            args[got++] = val;
    }
    SimId r = ok ? run(I, args, got, names) : 0;
    for (int i = 1; i < got; i++)
        sim_decref(S, args[i]);
    sim_decref(S, names);
    return r;
}

static SimId twc_wrap(PyRun *I, SimId *a, int n, SimId kw) { return with_options(I, a, n, kw, "wrap", tw_wrap); }
static SimId twc_fill(PyRun *I, SimId *a, int n, SimId kw) { return with_options(I, a, n, kw, "fill", tw_fill); }

#define M(nm, f) BUILTIN("TextWrapper." nm, SK_INSTANCE, BM_TEXTWRAP, f, .kw = "*")

const BuiltinDef textwrap_class_methods[] = {M("__init__", twc_init), M("wrap", twc_wrap), M("fill", twc_fill)};
const int textwrap_class_nmethods = (int)(sizeof textwrap_class_methods / sizeof textwrap_class_methods[0]);

SimId textwrap_make_class(PyRun *I)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "textwrap", 8));
    bi_dict_put(I, ns, "__qualname__", sim_str_intern(S, "TextWrapper", 11));
    int base = bi_index_of(textwrap_class_methods);
    for (int i = 0; i < textwrap_class_nmethods; i++)
        bi_dict_put(I, ns, textwrap_class_methods[i].name + 12, sim_builtin(S, (uint32_t)(base + i), 0));
    SimId name = sim_str_intern(S, "TextWrapper", 11), bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (cls)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}
