/*
 * string: the module's constants (Lib/string.py, the same in 3.11-3.13).
 * Its import is CPython's costly one: string.py imports re (and with it
 * enum, functools, collections) and compiles Template's pattern, replayed
 * by std_import.  Template is string_template.c; capwords runs the str
 * methods its one line calls; Formatter is refused (the names table).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/string_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* a method of v called with args (a new reference, or 0 with the error) */
static SimId call_method(PyRun *I, SimId v, const char *name, SimId *args, int n)
{
    SimId nm = sim_str_intern(S, name, strlen(name));
    SimId m = attr_get(I, v, nm);
    sim_decref(S, nm);
    if (!m)
        return 0;
    SimId r = vm_call(I, m, args, n);
    sim_decref(S, m);
    return r;
}

/* capwords(s, sep=None): (sep or ' ').join(map(str.capitalize, s.split(sep))) */
static SimId st_capwords(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId s = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "s"), sep = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "sep");
    if (np > 2) {
        py_raise(I, EXC_TypeError, "capwords() takes from 1 to 2 positional arguments but %d were given", np);
        return 0;
    }
    if (!s) {
        py_raise(I, EXC_TypeError, "capwords() missing 1 required positional argument: 's'");
        return 0;
    }
    if (sim_kind(S, s) != SK_STR || (sep && sim_kind(S, sep) != SK_STR && sim_kind(S, sep) != SK_NONE))
        return py_not_modelled(I, 0, "string.capwords() of something other than a str"), 0;
    I->gc_count_unsure = true; /* its map object and the words' list: not replayed */
    SimId none = S->none, sp = sep ? sep : none;
    SimId words = call_method(I, s, "split", &sp, 1);
    if (!words)
        return 0;
    for (uint32_t i = 0; i < sim_obj(S, words)->len; i++) {
        SimId w = call_method(I, sim_items(S, words)[i], "capitalize", NULL, 0);
        if (!w) {
            sim_decref(S, words);
            return 0;
        }
        SimId old = sim_items(S, words)[i];
        sim_items(S, words)[i] = w;
        sim_decref(S, old);
    }
    int empty = sep && sim_kind(S, sep) == SK_STR ? (sim_obj(S, sep)->len == 0) : 1;
    SimId joiner = empty ? sim_str(S, " ", 1) : sep;
    if (!empty)
        sim_incref(S, joiner);
    SimId r = call_method(I, joiner, "join", &words, 1);
    sim_decref(S, joiner);
    sim_decref(S, words);
    return r;
}

const BuiltinDef string_functions[] = {
    BUILTIN("capwords", 0, BM_STRING, st_capwords, .kw = "s sep"),
    BUILTIN("Template", 0, BM_STRING, string_template_new, .kw = "template"), /* the type in the module */
    BUILTIN("substitute", SK_SENTINEL, BM_STRING, string_template_substitute, .kw = "*"),
    BUILTIN("safe_substitute", SK_SENTINEL, BM_STRING, string_template_safe_substitute, .kw = "*"),
    BUILTIN("get_identifiers", SK_SENTINEL, BM_STRING, string_template_identifiers, .style = ARGS_NONE),
    BUILTIN("is_valid", SK_SENTINEL, BM_STRING, string_template_is_valid, .style = ARGS_NONE),
};
const int string_nfunctions = (int)(sizeof string_functions / sizeof string_functions[0]);

const BuiltinDef *string_def_named(const char *name)
{
    for (int i = 0; i < string_nfunctions; i++)
        if (strcmp(string_functions[i].name, name) == 0)
            return &string_functions[i];
    return NULL;
}

/* A literal made of name characters is interned by CPython's compiler
 * (all_name_chars); ascii_letters and printable are computed (a + b). */
static void put(PyRun *I, SimId d, const char *name, const char *value, bool literal)
{
    size_t n = strlen(value);
    bool ident = literal && n > 0;
    for (size_t i = 0; i < n; i++)
        ident = ident && (value[i] == '_' || (value[i] >= '0' && value[i] <= '9') ||
                          (value[i] >= 'a' && value[i] <= 'z') || (value[i] >= 'A' && value[i] <= 'Z'));
    bi_dict_put(I, d, name, ident ? sim_str_intern(S, value, n) : sim_str(S, value, n));
}

void string_module_init(PyRun *I, SimId d)
{
    put(I, d, "whitespace", " \t\n\r\v\f", true);
    put(I, d, "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz", true);
    put(I, d, "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", true);
    put(I, d, "ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", false);
    put(I, d, "digits", "0123456789", true);
    put(I, d, "hexdigits", "0123456789abcdefABCDEF", true);
    put(I, d, "octdigits", "01234567", true);
    put(I, d, "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", true);
    put(I, d, "printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\v\f", false);
    sim_incref(S, S->xtypes[SIM_XT_STR_TEMPLATE]);
    bi_dict_put(I, d, "Template", S->xtypes[SIM_XT_STR_TEMPLATE]);
}

void string_on_import(PyRun *I) { std_import(I, STD_STRING); }
