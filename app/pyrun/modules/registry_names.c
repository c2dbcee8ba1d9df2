/*
 * registry_names: the names a built-in goes by — "list.append",
 * "gc.enable", "len" in CPython's messages — and the library of Python
 * code it stands for when CPython writes it in Python (its frames show in
 * a traceback).
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/registry_int.h"

/* "list.append", "gc.enable", "len": the name CPython's messages use */
static void qualified(const BuiltinDef *d, char *out, size_t cap)
{
    static const char *const modules[] = {"", "gc", "sys", "_weakref", "itertools", "math", "copy", "_operator",
                                          "functools", "collections", "dataclasses", "contextlib",
                                          "Random", "string", "time", "abc", "enum", "json", "pprint", "typing", "array", "io", "reprlib",
                                          "threading", "tracemalloc", "asyncio", "queue", "concurrent.futures", "_heapq",
                                          "_bisect", "textwrap", "fractions", "multiprocessing",
                                          "traceback", "statistics"};
    if (d->owner == SK_INSTANCE && (d->module == BM_WEAKREF || d->module == BM_COLLECTIONS || d->module == BM_FRACTIONS || d->module == BM_ENUM || d->module == BM_THREADING ||
                                    d->module == BM_ASYNCIO || d->module == BM_QUEUE || d->module == BM_FUTURES || d->module == BM_REPRLIB ||
                                    d->module == BM_TEXTWRAP || d->module == BM_MULTIPROCESSING))
        snprintf(out, cap, "%s", d->name);
    else if (d->owner == SK_DEQUE) /* the type's short name: "deque.pop" */
        snprintf(out, cap, "deque.%s", d->name);
    else if (d->owner == SK_ARRAY) /* "array.append" */
        snprintf(out, cap, "array.%s", d->name);
    else if (d->owner == SK_STRINGIO) /* "StringIO.write" */
        snprintf(out, cap, "StringIO.%s", d->name);
    else if (d->owner)
        snprintf(out, cap, "%s.%s", sim_kind_name((SimKind)d->owner), d->name);
    else if (d->module)
        snprintf(out, cap, "%s.%s", modules[d->module], d->name);
    else
        snprintf(out, cap, "%s", d->name);
}

/* qualified(d) into q, once: q starts empty, a message fills it */
const char *registry_qname(const BuiltinDef *d, char *q, size_t cap)
{
    if (!*q)
        qualified(d, q, cap);
    return q;
}

const char *bi_python_library(const BuiltinDef *d)
{
    static const char *const libs[] = {
        [BM_COPY] = "copy", [BM_DATACLASSES] = "dataclasses", [BM_CONTEXTLIB] = "contextlib",
        [BM_RANDOM] = "random", [BM_STRING] = "string", [BM_ENUM] = "enum", [BM_JSON] = "json",
        [BM_PPRINT] = "pprint", [BM_TYPING] = "typing", [BM_THREADING] = "threading",
        [BM_ASYNCIO] = "asyncio", [BM_QUEUE] = "queue", [BM_FUTURES] = "concurrent.futures",
        [BM_MULTIPROCESSING] = "multiprocessing", [BM_TRACEBACK] = "traceback", [BM_STATISTICS] = "statistics",
    };
    static const char *const c_asyncio[] = {/* _asyncio's C functions and Future/Task methods */
                                            "get_running_loop", "current_task", "done", "cancelled", "result",
                                            "exception", "cancel", "add_done_callback", "set_result",
                                            "set_exception", "get_name", "set_name", "get_coro", "cancelling",
                                            "uncancel"};
    for (size_t i = 0; d->module == BM_ASYNCIO && i < sizeof c_asyncio / sizeof c_asyncio[0]; i++)
        if (strcmp(d->name, c_asyncio[i]) == 0 && (d->owner == 0) == (i < 2))
            return NULL;
    if (d->module < sizeof libs / sizeof libs[0] && libs[d->module])
        return libs[d->module];
    if (d->module == BM_WEAKREF && d->owner) /* WeakValueDictionary, WeakSet, finalize: weakref.py */
        return "weakref";
    if (d->module == BM_COLLECTIONS && (d->owner == SK_DICT || d->owner == SK_INSTANCE)) /* Counter's, ChainMap's */
        return "collections";
    if (d >= namedtuple_methods && d < namedtuple_methods + namedtuple_nmethods && strcmp(d->name, "__new__") != 0)
        return "collections"; /* _make, _replace ...: collections/__init__.py's frames (__new__ raises at the call) */
    if (d->module == BM_HEAPQ && (strcmp(d->name, "nlargest") == 0 || strcmp(d->name, "nsmallest") == 0))
        return "heapq";
    if (d->module == BM_TEXTWRAP)
        return "textwrap";
    if (d->module == BM_FRACTIONS)
        return "fractions";
    static const char *const py_functools[] = {"wraps", "update_wrapper", "total_ordering", "cached_property"};
    for (size_t i = 0; d->module == BM_FUNCTOOLS && i < sizeof py_functools / sizeof py_functools[0]; i++)
        if (strcmp(d->name, py_functools[i]) == 0)
            return "functools";
    return NULL;
}
