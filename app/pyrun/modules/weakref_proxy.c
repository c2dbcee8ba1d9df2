/*
 * weakref_proxy: weakref.proxy's objects (attribute access, assignment and
 * calls go to the referent; ReferenceError once it died; their repr), and
 * where the VM meets the weakref module's classes: their built-in methods
 * bind like a Python class's functions, their inner attributes (`data`,
 * `_remove` ...) are refused, finalize's `alive` and `atexit` are read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading.h"
#include "pyrun/modules/weakref_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool weakref_is_proxy(PyRun *I, SimId v)
{
    return sim_kind(S, v) == SK_WEAKREF && sim_obj(S, v)->sub >= SIM_WR_PROXY;
}

/* the referent (borrowed), or 0 with ReferenceError raised */
SimId weakref_proxy_target(PyRun *I, SimId p)
{
    SimId o = SIM_V(S, p, SK_WEAKREF, weakref.obj);
    if (!o)
        py_raise(I, EXC_ReferenceError, "weakly-referenced object no longer exists");
    return o;
}

bool weakref_native_method(PyRun *I, SimId fn)
{
    if (sim_kind(S, fn) != SK_BUILTIN || SIM_V(S, fn, SK_BUILTIN, builtin.self))
        return false;
    const BuiltinDef *d = bi_def(SIM_V(S, fn, SK_BUILTIN, builtin.index));
    return d && d->owner == SK_INSTANCE &&
           (d->module == BM_WEAKREF || d->module == BM_DATACLASSES || d->module == BM_COLLECTIONS || d->module == BM_FRACTIONS || d->module == BM_THREADING ||
            d->module == BM_ASYNCIO || d->module == BM_REPRLIB || d->module == BM_QUEUE || d->module == BM_FUTURES ||
            d->module == BM_TEXTWRAP || d->module == BM_MULTIPROCESSING || d->module == BM_ENUM ||
            d->module == BM_DATETIME);
}

SimId native_dunder_call(PyRun *I, SimId obj, const char *name, SimId *extra, int nextra, bool *found)
{
    *found = false;
    if (sim_kind(S, obj) != SK_INSTANCE)
        return 0;
    SimId m = sim_type_lookup(S, sim_obj(S, obj)->type, name);
    if (!m || !weakref_native_method(I, m) || nextra > 2)
        return 0;
    *found = true;
    SimId args[3] = {obj, nextra > 0 ? extra[0] : 0, nextra > 1 ? extra[1] : 0};
    return vm_call(I, m, args, nextra + 1);
}

static bool native_instance(PyRun *I, SimId obj)
{
    return sim_kind(S, obj) == SK_INSTANCE && (sim_type_word(S, sim_obj(S, obj)->type, SIM_TY_FLAGS) & SIM_TYF_NATIVE);
}

/* the inner state CPython's Python code keeps: its objects are the model's
 * stand-ins (a built-in for the function `_remove`, KeyedRef's layout), so
 * a program does not see them */
static bool inner_name(const char *s, size_t n)
{
    static const char *const names[] = {"data", "_remove", "_pending_removals", "_iterating", "_dirty_len",
                                        "__dict__", "_registry", "_shutdown", "_index", "_Info",
                                        "_exitfunc", "_select_for_exit", "_index_iter", "_dirty",
                                        "_registered_with_atexit", "_commit_removals", "_scrub_removals"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return true;
    return false;
}

/* dir() of CPython's classes beyond object's (3.11-3.13): a name the model's
 * class lacks is refused, never an AttributeError */
static const struct {
    const char *cls, *names;
} real_names[] = {
    {"WeakValueDictionary", " __class_getitem__ __copy__ __deepcopy__ __ior__ __or__ __reversed__ __ror__ "
                            "__abstractmethods__ _abc_impl clear copy get items itervaluerefs keys pop popitem "
                            "setdefault update valuerefs values "},
    {"WeakKeyDictionary", " __class_getitem__ __copy__ __deepcopy__ __ior__ __or__ __reversed__ __ror__ "
                          "__abstractmethods__ _abc_impl clear copy get items keyrefs keys pop popitem "
                          "setdefault update values "},
    {"WeakSet", " __and__ __class_getitem__ __iand__ __ior__ __isub__ __ixor__ __or__ __sub__ __xor__ add "
                "clear copy difference difference_update discard intersection intersection_update isdisjoint "
                "issubset issuperset pop remove symmetric_difference symmetric_difference_update union update "
                "__eq__ __ne__ __lt__ __le__ __gt__ __ge__ "},
    {"finalize", " alive atexit detach peek "},
};

static bool real_name(const char *cls, const char *s, size_t n)
{
    char w[48];
    if (n + 3 > sizeof w)
        return false;
    w[0] = ' ';
    memcpy(w + 1, s, n);
    w[n + 1] = ' ';
    w[n + 2] = '\0';
    for (size_t i = 0; i < sizeof real_names / sizeof real_names[0]; i++)
        if (strcmp(real_names[i].cls, cls) == 0)
            return strstr(real_names[i].names, w) != NULL;
    return false;
}

SimId weakref_getattr(PyRun *I, SimId obj, SimId name, bool *handled)
{
    *handled = false;
    if (weakref_is_proxy(I, obj)) {
        *handled = true;
        SimId o = weakref_proxy_target(I, obj);
        return o ? attr_get(I, o, name) : 0;
    }
    if (weakref_native_method(I, obj)) { /* a generated method read off its class: Point.__init__ */
        *handled = true;
        const BuiltinDef *d = bi_def(SIM_V(S, obj, SK_BUILTIN, builtin.index));
        if (d->module == BM_DATACLASSES && sim_str_equals(S, name, "__name__"))
            return sim_str_intern(S, d->name, strlen(d->name));
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        return py_not_modelled(I, 0, "the attribute '%.*s' of a method @dataclass or weakref made (a "
                               "function in CPython)", (int)n, s), (SimId)0;
    }
    bool cls = sim_kind(S, obj) == SK_TYPE && (sim_type_word(S, obj, SIM_TY_FLAGS) & SIM_TYF_NATIVE);
    if (!native_instance(I, obj) && !cls)
        return 0;
    SimId owner = cls ? obj : sim_obj(S, obj)->type;
    if (threading_owns(I, owner) || reprlib_owns(I, owner) || futures_owns(I, owner) || /* a Thread's, a Repr's, */
        (I->chainmap_type && sim_is_subtype(S, owner, I->chainmap_type)) || /* a ChainMap's __dict__ is CPython's, */
        (I->fraction_type && sim_is_subtype(S, owner, I->fraction_type)) || /* a Fraction's slots too, */
        chainview_is_class(I, owner) ||                                        /* and a mapping view's; */
        (sim_type_word(S, owner, SIM_TY_FLAGS) & SIM_TYF_NOGC))                /* datetime's have none */
        return 0;
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    if (inner_name(s, n)) {
        *handled = true;
        SimId mod = sim_dict_get_str(S, SIM_V(S, owner, SK_TYPE, type.dict), "__module__");
        const char *mn = mod && sim_kind(S, mod) == SK_STR ? sim_str_data(S, mod, &(size_t){0}) : "weakref";
        return py_not_modelled(I, 0, "the inner attribute '%.*s' of %s.%s (its objects are the "
                               "model's own)", (int)n, s, mn, cls ? sim_str_data(S, sim_items(S, obj)[SIM_TY_NAME], &(size_t){0})
                                                                : sim_type_name(S, obj)), (SimId)0;
    }
    SimId type = cls ? obj : sim_obj(S, obj)->type;
    char tn[32];
    size_t tl;
    const char *t = sim_str_data(S, sim_items(S, type)[SIM_TY_NAME], &tl);
    snprintf(tn, sizeof tn, "%.*s", (int)tl, t);
    if (n < 40 && !(cls ? 0 : sim_attr_get(S, obj, name))) {
        char buf[40];
        memcpy(buf, s, n);
        buf[n] = '\0';
        if (!sim_type_lookup(S, type, buf) && real_name(tn, s, n) && !(strcmp(tn, "finalize") == 0 && !cls)) {
            *handled = true;
            return py_not_modelled(I, 0, "'weakref.%s.%s'", tn, buf), (SimId)0;
        }
    }
    if (!cls && wr_is(I, obj, "finalize") && n < 16) {
        char buf[16];
        memcpy(buf, s, n);
        buf[n] = '\0';
        SimId r = fin_attr(I, obj, buf, handled);
        if (*handled)
            return r;
    }
    return 0;
}

int weakref_setattr(PyRun *I, SimId obj, SimId name, SimId value)
{
    if (weakref_is_proxy(I, obj)) {
        SimId o = weakref_proxy_target(I, obj);
        if (!o)
            return 0;
        return value ? attr_set(I, o, name, value) : attr_del(I, o, name);
    }
    if (!native_instance(I, obj) || reprlib_owns(I, sim_obj(S, obj)->type) || futures_owns(I, sim_obj(S, obj)->type))
        return -1;
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    if (inner_name(s, n))
        return py_not_modelled(I, 0, "assigning the inner attribute '%.*s' of weakref.%s", (int)n, s,
                               sim_type_name(S, obj));
    if (wr_is(I, obj, "finalize") && n == 6 && memcmp(s, "atexit", 6) == 0 && value)
        return fin_set_atexit(I, obj, value);
    return -1;
}

/* ---- proxies ----------------------------------------------------------------------- */

bool weakref_proxy_repr(PyRun *I, SimId p, Buf *out)
{
    SimObj *o = sim_obj(S, p);
    unsigned long long addr = (unsigned long long)sim_id_address(S, p);
    SimId t = o->v.weakref.obj;
    if (S->prof->version == SIM_V313) {
        if (t)
            buf_printf(out, "<weakproxy at %#llx; to '%s' at %#llx>", addr, sim_type_name(S, t),
                       (unsigned long long)sim_id_address(S, t));
        else
            buf_printf(out, "<weakproxy at %#llx; dead>", addr);
        return true;
    }
    SimId shown = t ? t : S->none; /* 3.11, 3.12: a dead proxy shows None's type and address */
    buf_printf(out, "<weakproxy at %#llx to %s at %#llx>", addr, sim_type_name(S, shown),
               (unsigned long long)sim_id_address(S, shown));
    return true;
}

SimId weakref_proxy_call(PyRun *I, SimId p, SimId *args, int nargs, SimId kwnames)
{
    if (sim_obj(S, p)->sub != SIM_WR_CALLABLE_PROXY) {
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, p));
        return 0;
    }
    if (kwnames)
        return py_not_modelled(I, 0, "keyword arguments in a call through a weakref.proxy"), (SimId)0;
    SimId o = weakref_proxy_target(I, p);
    return o ? vm_call(I, o, args, nargs) : 0;
}

/* An operation on a proxy the model does not forward: refused at the line
 * rather than answered as the proxy's own type would (CPython forwards it). */
bool weakref_proxy_refuse(PyRun *I, SimId a, SimId b, const char *what)
{
    if ((a && weakref_is_proxy(I, a)) || (b && weakref_is_proxy(I, b)))
        return !py_not_modelled(I, 0, "%s through a weakref.proxy", what);
    return false;
}

SimId weakref_native_call(PyRun *I, SimId fn, SimId self, SimId *args, int nargs, SimId kwnames)
{
    SimId *all = xmalloc(((size_t)nargs + 1) * sizeof *all);
    all[0] = self;
    if (nargs)
        memcpy(all + 1, args, (size_t)nargs * sizeof *all);
    SimId r = builtins_call(I, SIM_V(S, fn, SK_BUILTIN, builtin.index), 0, all, nargs + 1, kwnames);
    free(all);
    return r;
}
