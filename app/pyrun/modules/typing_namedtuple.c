/*
 * typing_namedtuple: typing.NamedTuple (Lib/typing.py 3.11-3.13), a
 * Python function whose __mro_entries__ makes a class statement deriving
 * from it run NamedTupleMeta.__new__: the annotated names become the
 * fields (those with a value in the body are the defaults, and a field
 * without one after them is a TypeError), collections.namedtuple makes
 * the class (collections_namedtuple.c: its instances are tuples of
 * CPython's sizes), __annotations__ is a new dict of them, and every other
 * name of the body is set on the class (the methods, __doc__, __qualname__,
 * __orig_bases__), the namedtuple's own names refused with CPython's
 * AttributeError. The functional form NamedTuple('P', [('x', int), ...])
 * makes the same class. Their Python code is not replayed: the young count
 * is unsure after them. String annotations (ForwardRef), Generic bases and
 * the keyword form are refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool typing_is_namedtuple(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_BUILTIN)
        return false;
    const BuiltinDef *d = bi_def(sim_obj(S, v)->v.builtin.index);
    return d && d->module == BM_TYPING && strcmp(d->name, "NamedTuple") == 0;
}

static const char *const prohibited[] = {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                         "_field_defaults", "_make", "_replace", "_asdict", "_source"};
static const char *const special[] = {"__module__", "__name__", "__annotations__"};

static bool in_list(PyRun *I, SimId s, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (sim_str_equals(S, s, names[i]))
            return true;
    return false;
}

/* _type_check of an annotation: a str would become a ForwardRef */
static bool type_ok(PyRun *I, SimId t)
{
    if (sim_kind(S, t) == SK_STR)
        return py_not_modelled(I, 0, "a NamedTuple field annotated with a string (typing's ForwardRef)");
    return true;
}

/* collections.namedtuple(typename, fields, defaults=defaults, module=module),
 * then __annotations__ = {name: type} */
static SimId make(PyRun *I, SimId typename, SimId names, SimId types, SimId defaults, SimId module)
{
    SimId kw = sim_tuple(S, 2);
    sim_tuple_set(S, kw, 0, sim_str_intern(S, "defaults", 8));
    sim_tuple_set(S, kw, 1, sim_str_intern(S, "module", 6));
    SimId args[4] = {typename, names, defaults, module};
    SimId cls = namedtuple_make(I, args, 4, kw);
    sim_decref(S, kw);
    if (!cls)
        return 0;
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    SimId ann = sim_dict(S);
    for (uint32_t i = 0; i < sim_obj(S, names)->len; i++) {
        sim_incref(S, sim_items(S, names)[i]);
        sim_incref(S, sim_items(S, types)[i]);
        sim_dict_set(S, ann, sim_items(S, names)[i], sim_items(S, types)[i]);
    }
    sim_dict_set(S, d, sim_str_intern(S, "__annotations__", 15), ann);
    namedtuple_note(I, "typing.NamedTuple (NamedTupleMeta's Python code)");
    return cls;
}

/* setattr(nm_tpl, key, value) on the class just made: __qualname__ into
 * the type's slot, any other name into its dict (no cache holds it yet) */
static bool set_on(PyRun *I, SimId cls, SimId key, SimId value)
{
    if (sim_str_equals(S, key, "__qualname__")) { /* type_set_qualname: a str */
        if (sim_kind(S, value) != SK_STR)
            return attr_set(I, cls, key, value);
        SimId old = sim_items(S, cls)[SIM_TY_QUALNAME];
        sim_incref(S, value);
        sim_items(S, cls)[SIM_TY_QUALNAME] = value;
        sim_xdecref(S, old);
        return true;
    }
    sim_incref(S, key);
    sim_incref(S, value);
    sim_dict_set(S, SIM_V(S, cls, SK_TYPE, type.dict), key, value);
    return true;
}

/* NamedTupleMeta.__new__(typename, bases, ns) for `class P(NamedTuple):` */
SimId typing_namedtuple_class(PyRun *I, SimId typename, SimId ns, SimId orig_bases)
{
    if (sim_obj(S, orig_bases)->len != 1)
        return py_not_modelled(I, 0, "a NamedTuple class with other bases (Generic)"), 0;
    SimId ann = sim_dict_get_str(S, ns, "__annotations__");
    if (ann && sim_kind(S, ann) != SK_DICT)
        return py_not_modelled(I, 0, "a NamedTuple class whose __annotations__ is not a dict"), 0;
    SimId names = sim_list(S, 0), types = sim_list(S, 0), defaults = sim_list(S, 0), cls = 0;
    Buf dflt = {0};
    uint32_t ndflt = 0, pos = 0;
    SimId k, v;
    while (ann && sim_dict_next(S, ann, &pos, &k, &v)) {
        if (!type_ok(I, v))
            goto done;
        SimId given = sim_dict_get(S, ns, k);
        size_t len;
        const char *s = sim_str_data(S, k, &len);
        if (given) {
            buf_printf(&dflt, "%s%.*s", ndflt ? ", " : "", (int)len, s);
            ndflt++;
            sim_incref(S, given);
            sim_list_append(S, defaults, given);
        } else if (ndflt) {
            py_raise(I, EXC_TypeError, "Non-default namedtuple field %.*s cannot follow default field%s %s",
                     (int)len, s, ndflt > 1 ? "s" : "", buf_str(&dflt));
            goto done;
        }
        sim_incref(S, k);
        sim_list_append(S, names, k);
        sim_incref(S, v);
        sim_list_append(S, types, v);
    }
    SimId module = sim_dict_get_str(S, ns, "__module__");
    cls = make(I, typename, names, types, defaults, module ? module : S->none);
    if (!cls)
        goto done;
    SimId fields = sim_dict_get_str(S, SIM_V(S, cls, SK_TYPE, type.dict), "_fields");
    pos = 0;
    while (sim_dict_next(S, ns, &pos, &k, &v)) { /* for key in ns: ... setattr(nm_tpl, key, ns[key]) */
        if (in_list(I, k, prohibited, sizeof prohibited / sizeof prohibited[0])) {
            size_t len;
            const char *s = sim_str_data(S, k, &len);
            py_raise(I, EXC_AttributeError, "Cannot overwrite NamedTuple attribute %.*s", (int)len, s);
            sim_decref(S, cls);
            cls = 0;
            goto done;
        }
        bool field = false;
        for (uint32_t i = 0; fields && i < sim_obj(S, fields)->len && !field; i++)
            field = sim_equal(S, sim_items(S, fields)[i], k);
        if (field || in_list(I, k, special, sizeof special / sizeof special[0]))
            continue;
        if (!set_on(I, cls, k, v)) {
            sim_decref(S, cls);
            cls = 0;
            goto done;
        }
    }
    SimId ob = sim_str_intern(S, "__orig_bases__", 14); /* __build_class__ put it in ns last */
    bool ok = set_on(I, cls, ob, orig_bases);
    sim_decref(S, ob);
    if (!ok) {
        sim_decref(S, cls);
        cls = 0;
    }
done:
    buf_fini(&dflt);
    sim_decref(S, names);
    sim_decref(S, types);
    sim_decref(S, defaults);
    return cls;
}

/* NamedTuple(typename, fields): the functional form, fields a list of
 * (name, type) pairs; the module is the caller's __name__ */
SimId typing_namedtuple_call(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np < n || np != 2)
        return py_not_modelled(I, 0, "typing.NamedTuple() other than NamedTuple(typename, [(name, type), ...])"), 0;
    SimId fields = a[1];
    if (sim_kind(S, fields) != SK_LIST && sim_kind(S, fields) != SK_TUPLE)
        return py_not_modelled(I, 0, "typing.NamedTuple() with fields that are not a list or tuple"), 0;
    SimId names = sim_list(S, 0), types = sim_list(S, 0), cls = 0;
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        SimId pair = sim_items(S, fields)[i];
        if (sim_kind(S, pair) != SK_TUPLE || sim_obj(S, pair)->len != 2 ||
            sim_kind(S, sim_items(S, pair)[0]) != SK_STR) {
            py_not_modelled(I, 0, "typing.NamedTuple() with a field that is not a (name, type) pair");
            goto done;
        }
        if (!type_ok(I, sim_items(S, pair)[1]))
            goto done;
        sim_incref(S, sim_items(S, pair)[0]);
        sim_list_append(S, names, sim_items(S, pair)[0]);
        sim_incref(S, sim_items(S, pair)[1]);
        sim_list_append(S, types, sim_items(S, pair)[1]);
    }
    SimId module = sim_dict_get_str(S, I->ts->top ? I->ts->top->globals : I->globals, "__name__");
    cls = make(I, a[0], names, types, S->none, module ? module : S->none);
done:
    sim_decref(S, names);
    sim_decref(S, types);
    return cls;
}
