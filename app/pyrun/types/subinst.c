/*
 * subinst: instances of a program's subclass of list or dict (`class
 * Stack(list)`, `class Registry(dict)`), as CPython runs them: the built-in's
 * own behaviour (its C code: items, len(), iteration, comparison, repr) with
 * the class's attributes and a __dict__ on top (PyObject_GenericGetAttr:
 * the class's data descriptors, the instance's __dict__, the class's other
 * attributes, then the built-in's methods), list.__init__ / dict.__init__
 * when the class has no __init__ of its own, and dict_subscript's call of
 * __missing__.  The class body may not define the special methods the
 * built-in's C code would bypass in the model (modelled.c refuses them).
 * The layout (sizes, the __dict__, the class reference) is sim/subinst.c's.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId ret(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static const char *cname(PyRun *I, SimId name, char *buf, size_t cap)
{
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    if (n >= cap || strlen(s) != n)
        return "";
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

SimId subinst_new(PyRun *I, SimId cls) { return sim_subinst_new(S, cls, 0); }

/* ---- the layout a class statement's bases give ---------------------------- */

/* The built-in kind a base lays its instances out as: list, dict or tuple
 * (the type itself or a program class built on it), or 0 */
static SimKind base_layout(PyRun *I, SimId b)
{
    if (sim_kind(S, b) == SK_TYPE && sim_obj(S, b)->sub == SK_INSTANCE &&
        (sim_type_word(S, b, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return (SimKind)sim_type_word(S, b, SIM_TY_KIND);
    SimKind k = sim_kind(S, b) == SK_TYPE ? (SimKind)sim_obj(S, b)->sub : SK_OBJECT;
    if (b == S->xtypes[SIM_XT_FROZENSET])
        return SK_SET;
    if (k == SK_ITER || k == SK_DICTVIEW || k == SK_WEAKREF) /* a view ...: the kind's other types */
        return (SimKind)0;
    if ((k == SK_TYPE && b != S->type_type) || (k == SK_SET && b != S->types[SK_SET]))
        return (SimKind)0;
    return k == SK_LIST || k == SK_DICT || k == SK_TUPLE || k == SK_FLOAT || k == SK_INT || k == SK_STR ||
                   k == SK_SET || k == SK_BYTES || k == SK_TYPE ? k : (SimKind)0;
}

/* frozenset or a program class laid out as one */
static bool frozen_base(PyRun *I, SimId b)
{
    return b == S->xtypes[SIM_XT_FROZENSET] ||
           (sim_obj(S, b)->sub == SK_INSTANCE && (sim_type_word(S, b, SIM_TY_FLAGS) & SIM_TYF_FROZEN));
}

bool subinst_frozen_of(PyRun *I, SimId bases)
{
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++)
        if (frozen_base(I, sim_items(S, bases)[i]))
            return true;
    return false;
}

/* the layout of the class: one built-in kind among the bases at most (set
 * and frozenset are two) */
bool subinst_layout_of(PyRun *I, SimId bases, SimKind *out)
{
    *out = 0;
    int frozen = -1;
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        SimKind k = base_layout(I, sim_items(S, bases)[i]);
        bool fz = k == SK_SET && frozen_base(I, sim_items(S, bases)[i]);
        if (k == SK_SET && frozen >= 0 && fz != (frozen == 1)) {
            py_raise(I, EXC_TypeError, "multiple bases have instance lay-out conflict");
            return false;
        }
        if (k == SK_SET)
            frozen = fz;
        if (k && *out && k != *out) {
            py_raise(I, EXC_TypeError, "multiple bases have instance lay-out conflict");
            return false;
        }
        if (k)
            *out = k;
    }
    return true;
}


/* ---- list.__init__ and dict.__init__ ------------------------------------------ */

/* list___init__(self, iterable=(), /): the list emptied, then filled */
static bool list_init(PyRun *I, SimId l, SimId *a, int n, SimId kw)
{
    if (kw && sim_obj(S, kw)->len) {
        py_raise(I, EXC_TypeError, "list() takes no keyword arguments");
        return false;
    }
    if (n > 1) {
        py_raise(I, EXC_TypeError, "list expected at most 1 argument, got %d", n);
        return false;
    }
    if (sim_obj(S, l)->len || sim_obj(S, l)->mem2)
        sim_list_clear(S, l);
    return n == 0 || list_fill(I, l, a[0]);
}

/* set_init(self, iterable=(), /): the set emptied, then filled */
static bool set_init(PyRun *I, SimId so, SimId *a, int n, SimId kw)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    if (nkw) {
        py_raise(I, EXC_TypeError, "set() takes no keyword arguments");
        return false;
    }
    if (n > 1) {
        py_raise(I, EXC_TypeError, "%s expected at most 1 argument, got %d", sim_type_obj_name(S, sim_obj(S, so)->type),
                 n);
        return false;
    }
    if (sim_obj(S, so)->v.set.fill)
        sim_set_clear(S, so);
    return n == 0 || set_update(I, so, a[0]);
}

bool subinst_init(PyRun *I, SimId inst, SimId *a, int n, SimId kw)
{
    if (sim_kind(S, inst) == SK_SET)
        return set_init(I, inst, a, n, kw);
    if (odict_is(I, inst))
        return odict_init(I, inst, a, n, kw);
    if (defaultdict_is(I, inst))
        return defaultdict_init(I, inst, a, n, kw);
    if (counter_is(I, inst))
        return counter_init(I, inst, a, n, kw);
    if (sim_kind(S, inst) == SK_LIST)
        return list_init(I, inst, a, n, kw);
    return dict_fill(I, inst, a, n, kw);
}

/* What CPython makes on the way to a slot wrapper called with self and n - 1
 * arguments.  A method-wrapper (3.11's super(), `[].__init__`) gets the
 * tuple after self from _PyObject_MakeTpCall, or a `*` call's own; the
 * descriptor called with self first (`dict.__init__(self, d)`) gets the
 * whole tuple, then wrapperdescr_call's slice after self.  Keywords given
 * without `**` become a dict (_PyStack_AsDict).  3.12+'s super().__init__(d)
 * (LOAD_SUPER_ATTR's method form) makes one fresh tuple on its first call
 * from a clean state, but two more on its second one (measured with
 * gc.get_count(), three calls in a row): that is not replayed, so the
 * young count is not known after it. */
void bi_wrapper_args(PyRun *I, int n, SimId kw)
{
    bool ex = I->ts->ex_args != 0, bound = I->bi_bound, via_super = I->super_slot;
    I->ts->ex_args = 0;
    I->super_slot = false;
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    if (via_super && !bound) {
        if (!I->gc_count_unsure)
            I->count_unsure_what = "super() reaching list.__init__, dict.__init__ or set.__init__ (3.12+)";
        I->gc_count_unsure = true;
    }
    if (!bound && !ex && !via_super)
        bi_args_tuple(I, n - nkw);
    if (!ex && nkw) {
        SimId d = sim_dict(S);
        sim_decref(S, d);
    }
    if (!ex || !bound)
        bi_args_tuple(I, n - 1 - nkw);
}

/* the slot wrappers list.__init__ and dict.__init__ */
static SimId w_init(PyRun *I, SimId *a, int n, SimId kw, SimKind k)
{
    bi_wrapper_args(I, n, kw);
    if (n < 1 || sim_kind(S, a[0]) != k || (k == SK_SET && set_is_frozen(I, a[0]))) {
        py_raise(I, EXC_TypeError, "descriptor '__init__' requires a '%s' object but received '%s'", sim_kind_name(k),
                 n < 1 ? "NoneType" : op_typename(I, a[0]));
        return 0;
    }
    return subinst_init(I, a[0], a + 1, n - 1, kw) ? bi_none(I) : 0;
}

static SimId l_init(PyRun *I, SimId *a, int n, SimId kw) { return w_init(I, a, n, kw, SK_LIST); }
static SimId s_init(PyRun *I, SimId *a, int n, SimId kw) { return w_init(I, a, n, kw, SK_SET); }
static SimId d_init(PyRun *I, SimId *a, int n, SimId kw) { return w_init(I, a, n, kw, SK_DICT); }

/* the slot wrappers list.__repr__ and dict.__repr__: the built-in's text
 * (wrapperdescr_call with no argument after self: its tuples) */
static SimId w_repr(PyRun *I, SimId *a, int n, SimId kw, SimKind k)
{
    bi_wrapper_args(I, n, kw);
    if (n < 1 || sim_kind(S, a[0]) != k) {
        py_raise(I, EXC_TypeError, "descriptor '__repr__' requires a '%s' object but received '%s'", sim_kind_name(k),
                 n < 1 ? "NoneType" : op_typename(I, a[0]));
        return 0;
    }
    if (n > 1 || (kw && sim_obj(S, kw)->len)) {
        py_raise(I, EXC_TypeError, "expected 0 arguments, got %d", n - 1);
        return 0;
    }
    Buf b = {0};
    SimId r = op_repr_base(I, a[0], &b) ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

static SimId l_repr(PyRun *I, SimId *a, int n, SimId kw) { return w_repr(I, a, n, kw, SK_LIST); }
static SimId d_repr(PyRun *I, SimId *a, int n, SimId kw) { return w_repr(I, a, n, kw, SK_DICT); }

const BuiltinDef subinst_methods[] = {
    BUILTIN("__init__", SK_LIST, 0, l_init, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("__init__", SK_DICT, 0, d_init, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("__init__", SK_SET, 0, s_init, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("__repr__", SK_LIST, 0, l_repr, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("__repr__", SK_DICT, 0, d_repr, .style = ARGS_OWN, .kw = "*"),
};
const int subinst_nmethods = (int)(sizeof subinst_methods / sizeof subinst_methods[0]);

/* ---- attributes ----------------------------------------------------------- */

/* a built-in's method descriptor kept on the class (`push = list.append`):
 * method_get binds it to the instance */
static bool method_descr(PyRun *I, SimId c)
{
    if (!c || sim_kind(S, c) != SK_BUILTIN || SIM_V(S, c, SK_BUILTIN, builtin.self))
        return false;
    const BuiltinDef *d = bi_def(SIM_V(S, c, SK_BUILTIN, builtin.index));
    return d && d->owner && !d->classmethod;
}

/* a data descriptor of the class for name: a property, __dict__,
 * __weakref__, one written in Python (or 0) */
static SimId data_descr(PyRun *I, SimId c)
{
    if (!c)
        return 0;
    SimKind k = sim_kind(S, c);
    if (k == SK_PROPERTY || k == SK_GETSET_DESCR)
        return c;
    return k == SK_INSTANCE && udescr_is_data(I, c) ? c : 0;
}

static SimId getset(PyRun *I, SimId obj, SimId name)
{
    if (sim_str_equals(S, name, "__dict__"))
        return ret(I, sim_subinst_dict(S, obj));
    SimId w = sim_obj(S, obj)->weaklist; /* __weakref__: the first weak reference, or None */
    return ret(I, w ? w : S->none);
}

/* its __dict__ (0 when none yet, or when its class gives it none: a
 * defaultdict keeps its factory there) */
static SimId inst_dict(PyRun *I, SimId obj)
{
    return (sim_type_word(S, sim_obj(S, obj)->type, SIM_TY_FLAGS) & SIM_TYF_DICT) ? sim_obj(S, obj)->ext : 0;
}

SimId subinst_attr_get(PyRun *I, SimId obj, SimId name)
{
    SimId cls = sim_obj(S, obj)->type;
    if (sim_str_equals(S, name, "__class__"))
        return ret(I, cls);
    if (sys_version_is(I, obj)) { /* its member descriptors */
        bool found;
        SimId r = sys_version_attr(I, obj, name, &found);
        if (found)
            return r;
    }
    if (defaultdict_is(I, obj)) {
        bool found;
        SimId r = defaultdict_attr(I, obj, name, &found);
        if (found)
            return r;
        int idx = defaultdict_method(I, obj, name);
        if (idx >= 0) {
            sim_incref(S, obj);
            return sim_builtin(S, (uint32_t)idx, obj);
        }
    }
    SimId c = sim_type_lookup_str(S, cls, name);
    SimId dd = data_descr(I, c);
    if (dd && sim_kind(S, dd) == SK_GETSET_DESCR)
        return getset(I, obj, name);
    if (dd && sim_kind(S, dd) == SK_PROPERTY)
        return descr_get(I, dd, obj, cls);
    int ud = c ? udescr_kind(I, c) : UDESCR_NONE;
    if (ud == UDESCR_DATA || ud == UDESCR_REFUSED)
        return udescr_get(I, c, obj, cls);
    SimId d = inst_dict(I, obj);
    SimId v = d ? sim_dict_get(S, d, name) : 0;
    if (v)
        return ret(I, v);
    if (ud == UDESCR_NONDATA)
        return udescr_get(I, c, obj, cls);
    if (c) {
        SimKind ck = sim_kind(S, c);
        if (ck == SK_FUNC) {
            sim_incref(S, c);
            sim_incref(S, obj);
            return sim_method(S, c, obj);
        }
        if (ck == SK_CLASSMETHOD || ck == SK_STATICMETHOD)
            return descr_get(I, c, obj, cls);
        if (method_descr(I, c)) {
            sim_incref(S, obj);
            return sim_builtin(S, SIM_V(S, c, SK_BUILTIN, builtin.index), obj);
        }
        if (ck == SK_BUILTIN && !SIM_V(S, c, SK_BUILTIN, builtin.self) &&
            bi_def(SIM_V(S, c, SK_BUILTIN, builtin.index))->classmethod) { /* od.fromkeys: bound to the class */
            sim_incref(S, cls);
            return sim_builtin(S, SIM_V(S, c, SK_BUILTIN, builtin.index), cls);
        }
        return ret(I, c);
    }
    char buf[64];
    int idx = builtin_method_index(I, obj, cname(I, name, buf, sizeof buf));
    if (idx >= 0 && bi_def((uint32_t)idx)->classmethod) /* dict.fromkeys: it would make the subclass's instance */
        return py_not_modelled(I, 0, "'%s.%s' read on an instance of a subclass", sim_kind_name(sim_kind(S, obj)), buf),
               (SimId)0;
    if (idx >= 0) { /* the built-in's method, bound */
        sim_incref(S, obj);
        return sim_builtin(S, (uint32_t)idx, obj);
    }
    size_t n;
    const char *nm = sim_str_data(S, name, &n);
    if (!modelled_attr_missing(I, obj, nm, n))
        return 0;
    const char *tn = op_typename(I, obj); /* PyObject_GenericGetAttr's cut */
    py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s'", op_name_cut(I, tn, 50, 100, 100), tn, (int)n,
             nm);
    suggest_for_attr(I, obj, name);
    return 0;
}

bool subinst_attr_set(PyRun *I, SimId obj, SimId name, SimId value)
{
    SimId cls = sim_obj(S, obj)->type;
    if (sys_version_is(I, obj))
        return sys_version_setattr(I, obj, name);
    int own = defaultdict_is(I, obj) ? defaultdict_attr_set(I, obj, name, value) : 0;
    if (own)
        return own > 0;
    SimId c = sim_type_lookup_str(S, cls, name);
    SimId dd = data_descr(I, c);
    size_t n;
    const char *nm = sim_str_data(S, name, &n);
    if (dd && sim_kind(S, dd) == SK_PROPERTY && namedtuple_field(I, cls, name) >= 0) { /* _tuplegetter's __set__ */
        py_raise(I, EXC_AttributeError, value ? "can't set attribute" : "can't delete attribute");
        return false;
    }
    if (dd && sim_kind(S, dd) == SK_PROPERTY)
        return descr_set(I, dd, obj, value);
    if (dd && sim_kind(S, dd) == SK_INSTANCE)
        return udescr_set(I, dd, obj, value);
    if (dd || sim_str_equals(S, name, "__class__"))
        return py_not_modelled(I, 0, "%s '%.*s' of an instance of a subclass of '%s'", value ? "assigning" : "deleting",
                               (int)n, nm, sim_kind_name(sim_kind(S, obj)));
    if (!(sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_DICT)) { /* no __dict__: a defaultdict */
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute '%.*s'%s", op_typename(I, obj), (int)n, nm,
                 value && S->prof->version >= SIM_V313 ? " and no __dict__ for setting new attributes" : "");
        return false;
    }
    if (value) {
        sim_incref(S, name);
        sim_incref(S, value);
        sim_dict_set(S, sim_subinst_dict(S, obj), name, value);
        return true;
    }
    SimId d = sim_obj(S, obj)->ext;
    if (d && sim_dict_del(S, d, name))
        return true;
    py_raise(I, EXC_AttributeError, "'%s' object has no attribute '%.*s'", op_typename(I, obj), (int)n, nm);
    return false;
}

/* _PyObject_GetMethod: a function of the class, or the built-in's method
 * descriptor, with obj for self, unless the instance's __dict__ has the name */
bool subinst_method(PyRun *I, SimId obj, SimId name, SimId *a, SimId *b)
{
    SimId c = sim_type_lookup_str(S, sim_obj(S, obj)->type, name);
    SimId d = inst_dict(I, obj);
    int dm = defaultdict_is(I, obj) ? defaultdict_method(I, obj, name) : -1;
    if (dm >= 0) { /* defaultdict.copy, unbound, and self */
        *a = I->builtin_methods[dm];
        sim_incref(S, *a);
        *b = obj;
        return true;
    }
    if (defaultdict_is(I, obj) && sim_str_equals(S, name, "default_factory"))
        c = 0, d = 0; /* a member: subinst_attr_get gives it */
    char buf[64];
    int idx = c ? -1 : builtin_method_index(I, obj, cname(I, name, buf, sizeof buf));
    if (idx >= 0 && bi_def((uint32_t)idx)->classmethod)
        idx = -1; /* subinst_attr_get refuses it */
    bool meth = (c && (sim_kind(S, c) == SK_FUNC || method_descr(I, c))) || idx >= 0;
    if (meth && !(d && sim_dict_get(S, d, name))) {
        *a = c ? c : I->builtin_methods[idx];
        sim_incref(S, *a);
        *b = obj; /* the stack's reference moves */
        return true;
    }
    SimId r = subinst_attr_get(I, obj, name);
    if (!r)
        return false;
    *a = 0;
    *b = r;
    sim_decref(S, obj);
    return true;
}

/* ---- super() --------------------------------------------------------------------- */

int subinst_super_method(PyRun *I, SimId obj_type, SimId cls, const char *name)
{
    SimKind k = (SimKind)sim_type_word(S, obj_type, SIM_TY_KIND);
    SimId mro = k ? sim_type_word(S, obj_type, SIM_TY_MRO) : 0;
    if (!mro)
        return -1;
    bool after = false; /* the built-in type comes after cls in the MRO */
    for (uint32_t i = 0; i < sim_obj(S, mro)->len; i++) {
        SimId c = sim_items(S, mro)[i];
        if (c == S->types[k])
            return after ? bi_method_of_kind(k, name) : -1;
        if (after && (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_NATIVE)) { /* OrderedDict's methods */
            SimId m = sim_dict_get_str(S, SIM_V(S, c, SK_TYPE, type.dict), name);
            if (m && sim_kind(S, m) == SK_BUILTIN)
                return (int)SIM_V(S, m, SK_BUILTIN, builtin.index);
        }
        after = after || c == cls;
    }
    return -1;
}

/* ---- dict_subscript: __missing__ ------------------------------------------------ */

SimId subinst_missing(PyRun *I, SimId d, SimId key, bool *found)
{
    *found = defaultdict_is(I, d);
    if (*found)
        return defaultdict_missing(I, d, key);
    *found = counter_is(I, d);
    if (*found)
        return counter_missing(I, d, key);
    SimId m = sim_type_lookup(S, sim_obj(S, d)->type, "__missing__");
    if (!m)
        return 0;
    *found = true;
    if (sim_kind(S, m) != SK_FUNC)
        return py_not_modelled(I, 0, "a __missing__ that is not a plain function"), (SimId)0;
    /* _PyObject_LookupSpecial binds it (a method object), then calls it with the key */
    sim_incref(S, m);
    sim_incref(S, d);
    SimId bound = sim_method(S, m, d);
    SimId r = vm_call(I, bound, &key, 1);
    sim_decref(S, bound);
    return r;
}
