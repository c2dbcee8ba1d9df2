/*
 * namedtuple_methods: the methods collections.namedtuple puts in the class
 * it makes (collections_namedtuple.c), as CPython's Python code behaves:
 * __new__ (`lambda _cls, x, y: _tuple_new(_cls, (x, y))`: the arguments
 * bound as a Python function binds them, a tuple of them built, then
 * tuple.__new__'s tp_new_wrapper and tuple_subtype_new), _make,
 * _replace, __repr__, _asdict and __getnewargs__.  Their messages name
 * the namedtuple's own typename (each function's __qualname__).  __new__
 * and __repr__ are replayed object by object; the others make objects
 * for a moment that are not (a map, a zip, an iterator): the young count
 * is refused after them until a gc.collect().
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"
#include "sim/trace.h"

#define S (I->sim)

enum { NT_MAX_FIELDS = 255 };

/* the namedtuple class along cls's MRO (cls itself or a base: a program's
 * subclass of one), or 0 */
SimId namedtuple_class_of(PyRun *I, SimId cls)
{
    if (sim_kind(S, cls) != SK_TYPE || sim_obj(S, cls)->sub != SK_INSTANCE)
        return 0;
    SimId mro = sim_type_word(S, cls, SIM_TY_MRO);
    for (uint32_t i = 0; mro && i < sim_obj(S, mro)->len; i++) {
        SimId c = sim_items(S, mro)[i];
        if (sim_obj(S, c)->sub == SK_INSTANCE && (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_NAMEDTUPLE))
            return c;
    }
    return 0;
}

bool namedtuple_is(PyRun *I, SimId v)
{
    return sim_is_subinst(S, v) && sim_kind(S, v) == SK_TUPLE && namedtuple_class_of(I, sim_obj(S, v)->type);
}

static bool same_str(PyRun *I, SimId a, SimId b)
{
    size_t na, nb;
    const char *sa = sim_str_data(S, a, &na), *sb = sim_str_data(S, b, &nb);
    return na == nb && memcmp(sa, sb, na) == 0;
}

int namedtuple_field(PyRun *I, SimId cls, SimId name)
{
    SimId nt = namedtuple_class_of(I, cls);
    SimId fields = nt ? sim_dict_get_str(S, SIM_V(S, nt, SK_TYPE, type.dict), "_fields") : 0;
    for (uint32_t i = 0; fields && sim_kind(S, fields) == SK_TUPLE && i < sim_obj(S, fields)->len; i++)
        if (same_str(I, sim_items(S, fields)[i], name))
            return (int)i;
    return -1;
}

bool namedtuple_builtin(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_BUILTIN)
        return false;
    const BuiltinDef *d = bi_def(sim_obj(S, v)->v.builtin.index);
    return d >= namedtuple_methods && d < namedtuple_methods + namedtuple_nmethods;
}

static SimId attr_of(PyRun *I, SimId nt, const char *name)
{
    return sim_dict_get_str(S, SIM_V(S, nt, SK_TYPE, type.dict), name);
}

static const char *typename_of(PyRun *I, SimId nt, size_t *n)
{
    return sim_str_data(S, sim_type_word(S, nt, SIM_TY_NAME), n);
}

/* "P.__new__() missing 2 required positional arguments: 'x' and 'y'" */
static void missing(PyRun *I, SimId nt, const char *fn, SimId fields, const bool *given, uint32_t nf)
{
    Buf b = {0};
    uint32_t count = 0, total = 0;
    for (uint32_t i = 0; i < nf; i++)
        total += !given[i];
    for (uint32_t i = 0; i < nf; i++) {
        if (given[i])
            continue;
        size_t n;
        const char *s = sim_str_data(S, sim_items(S, fields)[i], &n);
        if (count)
            buf_adds(&b, total == 2 ? " and " : count + 1 == total ? ", and " : ", ");
        buf_printf(&b, "'%.*s'", (int)n, s);
        count++;
    }
    size_t tn;
    const char *t = typename_of(I, nt, &tn);
    py_raise(I, EXC_TypeError, "%.*s.%s() missing %u required positional argument%s: %s", (int)tn, t, fn, total,
             total == 1 ? "" : "s", buf_str(&b));
    buf_fini(&b);
}

/* the field values of a __new__ call (a[1..] after the class), bound to the
 * fields with the class's defaults: false with the error raised */
static bool bind(PyRun *I, SimId nt, SimId *a, int n, SimId kw, SimId *vals)
{
    SimId fields = attr_of(I, nt, "_fields"), dflt = attr_of(I, nt, "_field_defaults");
    uint32_t nf = sim_obj(S, fields)->len, nk = kw ? sim_obj(S, kw)->len : 0;
    int np = n - (int)nk - 1;
    size_t tn;
    const char *t = typename_of(I, nt, &tn);
    bool given[NT_MAX_FIELDS] = {false};
    for (uint32_t i = 0; i < nf; i++)
        vals[i] = 0;
    for (int i = 0; i < np && i < (int)nf; i++)
        vals[i] = a[1 + i], given[i] = true;
    for (uint32_t k = 0; k < nk; k++) { /* initialize_locals: the keywords before the counts */
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[k], &len);
        int at = -1;
        for (uint32_t i = 0; i < nf && at < 0; i++)
            if (same_str(I, sim_items(S, fields)[i], sim_items(S, kw)[k]))
                at = (int)i;
        if (at < 0 || given[at]) {
            bool cls = at < 0 && len == 4 && memcmp(w, "_cls", 4) == 0;
            if (at < 0 && !cls)
                py_raise(I, EXC_TypeError, "%.*s.__new__() got an unexpected keyword argument '%.*s'", (int)tn, t,
                         (int)len, w);
            else
                py_raise(I, EXC_TypeError, "%.*s.__new__() got multiple values for argument '%.*s'", (int)tn, t,
                         (int)len, w);
            return false;
        }
        vals[at] = a[n - (int)nk + (int)k], given[at] = true;
    }
    uint32_t nd = sim_obj(S, dflt)->len;
    if (np > (int)nf) {
        if (nd)
            py_raise(I, EXC_TypeError, "%.*s.__new__() takes from %u to %u positional arguments but %d were given",
                     (int)tn, t, nf + 1 - nd, nf + 1, np + 1);
        else
            py_raise(I, EXC_TypeError, "%.*s.__new__() takes %u positional argument%s but %d were given", (int)tn, t,
                     nf + 1, nf + 1 == 1 ? "" : "s", np + 1);
        return false;
    }
    bool all = true;
    for (uint32_t i = 0; i < nf; i++) {
        if (!given[i] && i >= nf - nd)
            vals[i] = sim_dict_get(S, dflt, sim_items(S, fields)[i]), given[i] = vals[i] != 0;
        all = all && given[i];
    }
    if (!all)
        missing(I, nt, "__new__", fields, given, nf);
    return all;
}


static SimId nt_new(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nt = n > 0 ? namedtuple_class_of(I, a[0]) : 0;
    if (!nt)
        return py_not_modelled(I, 0, "a namedtuple's __new__ called without its class"), (SimId)0;
    uint32_t nf = sim_obj(S, attr_of(I, nt, "_fields"))->len;
    if (nf > NT_MAX_FIELDS)
        return py_not_modelled(I, 0, "a namedtuple of more than %d fields", NT_MAX_FIELDS), (SimId)0;
    SimId vals[NT_MAX_FIELDS];
    if (!bind(I, nt, a, n, kw, vals))
        return 0;
    SimId t = sim_tuple(S, nf); /* BUILD_TUPLE: (x, y) */
    for (uint32_t i = 0; i < nf; i++) {
        sim_incref(S, vals[i]);
        sim_tuple_set(S, t, i, vals[i]);
    }
    SimId r = tuplesub_new_wrapped(I, a[0], t, 2); /* _tuple_new(_cls, (x, y)) */
    if (sim_tracing(S)) { /* made in __new__'s frame: '<string>', line 1 */
        sim_trace_set_where(S, sim_obj(S, t)->mem, TM_STRING | 1);
        if (r)
            sim_trace_set_where(S, sim_obj(S, r)->mem, TM_STRING | 1);
    }
    sim_decref(S, t);
    return r;
}

/* "P._make() takes 2 positional arguments but 3 were given" and the like */
static bool arity(PyRun *I, SimId nt, const char *fn, int np, int want, const char *first)
{
    size_t tn;
    const char *t = typename_of(I, nt, &tn);
    if (np < want)
        py_raise(I, EXC_TypeError, "%.*s.%s() missing 1 required positional argument: '%s'", (int)tn, t, fn, first);
    else if (np > want)
        py_raise(I, EXC_TypeError, "%.*s.%s() takes %d positional argument%s but %d were given", (int)tn, t, fn,
                 want, want == 1 ? "" : "s", np);
    return np == want;
}

static bool no_keywords(PyRun *I, SimId nt, const char *fn, SimId kw)
{
    if (!kw || !sim_obj(S, kw)->len)
        return true;
    size_t tn, len;
    const char *t = typename_of(I, nt, &tn), *w = sim_str_data(S, sim_items(S, kw)[0], &len);
    py_raise(I, EXC_TypeError, "%.*s.%s() got an unexpected keyword argument '%.*s'", (int)tn, t, fn, (int)len, w);
    return false;
}

/* the instance's namedtuple class, or the refusal for anything else */
static SimId self_class(PyRun *I, SimId self, const char *fn)
{
    SimId nt = namedtuple_is(I, self) ? namedtuple_class_of(I, sim_obj(S, self)->type) : 0;
    if (!nt)
        py_not_modelled(I, 0, "a namedtuple's %s() called on a '%s'", fn, op_typename(I, self));
    return nt;
}

/* result = tuple_new(cls, iterable); the length checked */
static SimId make(PyRun *I, SimId nt, SimId cls, SimId iterable)
{
    SimId r = tuplesub_new_wrapped(I, cls, iterable, 2);
    uint32_t nf = sim_obj(S, attr_of(I, nt, "_fields"))->len;
    if (r && sim_obj(S, r)->len != nf) {
        py_raise(I, EXC_TypeError, "Expected %u arguments, got %u", nf, sim_obj(S, r)->len);
        sim_decref(S, r);
        return 0;
    }
    return r;
}

/* _make(cls, iterable), a classmethod: a[0] is the class */
static SimId nt_make(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nt = n > 0 ? namedtuple_class_of(I, a[0]) : 0;
    if (!nt)
        return py_not_modelled(I, 0, "a namedtuple's _make called without its class"), (SimId)0;
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    if (nk == 1 && n == 2 && sim_str_equals(S, sim_items(S, kw)[0], "iterable"))
        nk = 0; /* _make(iterable=...) */
    if (!no_keywords(I, nt, "_make", nk ? kw : 0) || !arity(I, nt, "_make", n, 2, "iterable"))
        return 0;
    return make(I, nt, a[0], a[1]);
}

/* _replace(self, /, **kwds): kwds.pop(name, self's item) for each field,
 * what is left an error (ValueError, TypeError from 3.13 on) */
static SimId nt_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    SimId nt = np > 0 ? self_class(I, a[0], "_replace") : 0;
    if (!nt || !arity(I, nt, "_replace", np, 1, "self"))
        return 0;
    namedtuple_note(I, "a namedtuple's _replace() (its Python code's objects)");
    SimId fields = attr_of(I, nt, "_fields");
    uint32_t nf = sim_obj(S, fields)->len;
    SimId vals = sim_list(S, 0), extra = sim_list(S, 0);
    for (uint32_t i = 0; i < nf && i < sim_obj(S, a[0])->len; i++) {
        SimId v = sim_items(S, a[0])[i];
        for (int k = 0; k < nk; k++)
            if (same_str(I, sim_items(S, kw)[k], sim_items(S, fields)[i]))
                v = a[np + k];
        sim_incref(S, v);
        sim_list_append(S, vals, v);
    }
    for (int k = 0; k < nk; k++) {
        bool known = false;
        for (uint32_t i = 0; i < nf; i++)
            known = known || same_str(I, sim_items(S, kw)[k], sim_items(S, fields)[i]);
        if (!known) {
            sim_incref(S, sim_items(S, kw)[k]);
            sim_list_append(S, extra, sim_items(S, kw)[k]);
        }
    }
    SimId r = make(I, nt, sim_obj(S, a[0])->type, vals);
    sim_decref(S, vals);
    if (r && sim_obj(S, extra)->len) {
        Buf b = {0};
        if (op_repr(I, extra, &b))
            py_raise(I, S->prof->version >= SIM_V313 ? EXC_TypeError : EXC_ValueError,
                     "Got unexpected field names: %s", buf_str(&b));
        buf_fini(&b);
        sim_decref(S, r);
        r = 0;
    }
    sim_decref(S, extra);
    return r;
}

/* self.__class__.__name__ + '(x=%r, y=%r)' % self */
static SimId nt_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nt = n > 0 ? self_class(I, a[0], "__repr__") : 0;
    if (!nt || !no_keywords(I, nt, "__repr__", kw) || !arity(I, nt, "__repr__", n, 1, "self"))
        return 0;
    SimId fields = attr_of(I, nt, "_fields");
    if (sim_obj(S, a[0])->len != sim_obj(S, fields)->len)
        return py_not_modelled(I, 0, "the repr of a namedtuple whose length is not its fields'"), (SimId)0;
    Buf b = {0};
    size_t n0;
    const char *cn = sim_str_data(S, sim_type_word(S, sim_obj(S, a[0])->type, SIM_TY_NAME), &n0);
    buf_add(&b, cn, n0);
    buf_addc(&b, '(');
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, fields)->len; i++) {
        size_t fn;
        const char *f = sim_str_data(S, sim_items(S, fields)[i], &fn);
        buf_printf(&b, "%s%.*s=", i ? ", " : "", (int)fn, f);
        ok = op_repr(I, sim_items(S, a[0])[i], &b);
    }
    buf_addc(&b, ')');
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* dict(zip(self._fields, self)) */
static SimId nt_asdict(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nt = n > 0 ? self_class(I, a[0], "_asdict") : 0;
    if (!nt || !no_keywords(I, nt, "_asdict", kw) || !arity(I, nt, "_asdict", n, 1, "self"))
        return 0;
    namedtuple_note(I, "a namedtuple's _asdict() (its Python code's objects)");
    SimId fields = attr_of(I, nt, "_fields"), d = sim_dict(S);
    for (uint32_t i = 0; i < sim_obj(S, fields)->len && i < sim_obj(S, a[0])->len; i++) {
        SimId k = sim_items(S, fields)[i], v = sim_items(S, a[0])[i];
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    return d;
}

/* tuple(self) */
static SimId nt_getnewargs(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nt = n > 0 ? self_class(I, a[0], "__getnewargs__") : 0;
    if (!nt || !no_keywords(I, nt, "__getnewargs__", kw) || !arity(I, nt, "__getnewargs__", n, 1, "self"))
        return 0;
    namedtuple_note(I, "a namedtuple's __getnewargs__() (its Python code's objects)");
    uint32_t len = sim_obj(S, a[0])->len;
    SimId t = sim_tuple(S, len);
    for (uint32_t i = 0; i < len; i++) {
        sim_incref(S, sim_items(S, a[0])[i]);
        sim_tuple_set(S, t, i, sim_items(S, a[0])[i]);
    }
    return t;
}

const BuiltinDef namedtuple_methods[] = {
    BUILTIN("__new__", 0, BM_COLLECTIONS, nt_new, .kw = "*"),
    BUILTIN("_make", 0, BM_COLLECTIONS, nt_make, .kw = "*"),
    BUILTIN("_replace", SK_TUPLE, BM_COLLECTIONS, nt_replace, .kw = "*"),
    BUILTIN("__repr__", SK_TUPLE, BM_COLLECTIONS, nt_repr, .kw = "*"),
    BUILTIN("_asdict", SK_TUPLE, BM_COLLECTIONS, nt_asdict, .kw = "*"),
    BUILTIN("__getnewargs__", SK_TUPLE, BM_COLLECTIONS, nt_getnewargs, .kw = "*"),
};
const int namedtuple_nmethods = (int)(sizeof namedtuple_methods / sizeof namedtuple_methods[0]);
