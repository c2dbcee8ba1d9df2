/*
 * string: the module's constants (Lib/string.py, the same in 3.11-3.13).
 * Its import is CPython's costly one: string.py imports re (and with it
 * enum, functools, collections) and compiles Template's pattern, replayed
 * by std_import.  Template is string_template.c; capwords and Formatter
 * are refused (the names table).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/string_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

const BuiltinDef string_functions[] = {
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
