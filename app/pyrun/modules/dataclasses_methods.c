/*
 * dataclasses_methods: what @dataclass's generated code does, run natively
 * on the class's fields: __init__ (positional or keyword, defaults,
 * default_factory called per instance, attributes set in field order
 * through the class's __setattr__ unless frozen, then __post_init__),
 * __repr__ ("Point(x=1, y=2)", "..." when it meets itself), __eq__ and the
 * order methods (3.11, 3.12: tuples of the fields compared; 3.13: field by
 * field after `self is other`), a frozen class's __setattr__/__delattr__
 * (FrozenInstanceError) and __hash__ (of the fields' tuple); and asdict,
 * astuple, replace.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/modules/dataclasses_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId none(PyRun *I)
{
    sim_incref(S, S->none);
    return S->none;
}

static const char *qualname(PyRun *I, SimId cls, char *buf, size_t cap)
{
    SimId q = sim_items(S, cls)[SIM_TY_QUALNAME] ? sim_items(S, cls)[SIM_TY_QUALNAME] : sim_items(S, cls)[SIM_TY_NAME];
    size_t n;
    const char *s = sim_str_data(S, q, &n);
    snprintf(buf, cap, "%.*s", (int)n, s);
    return buf;
}

/* the dataclass whose fields a method reads: the first in type(self)'s MRO */
static SimId fields_or_raise(PyRun *I, SimId self)
{
    SimId l = dc_fields_of(I, self);
    if (!l)
        py_raise(I, EXC_TypeError, "must be called with a dataclass type or instance");
    return l;
}

static bool is_true(PyRun *I, SimId f, const char *attr) { return dc_field_get(I, f, attr) == S->true_; }

/* ---- __init__ -------------------------------------------------------------------- */

static void missing_error(PyRun *I, const char *q, SimId *names, int n)
{
    char list[256] = "";
    size_t at = 0;
    for (int i = 0; i < n && at < sizeof list - 64; i++) {
        size_t len;
        const char *s = sim_str_data(S, names[i], &len);
        const char *sep = i == 0 ? "" : (i == n - 1 ? (n > 2 ? ", and " : " and ") : ", ");
        at += (size_t)snprintf(list + at, sizeof list - at, "%s'%.*s'", sep, (int)len, s);
    }
    py_raise(I, EXC_TypeError, "%s.__init__() missing %d required positional argument%s: %s", q, n,
             n > 1 ? "s" : "", list);
}

SimId dc_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId self = a[0], cls = sim_type_of(S, self);
    SimId fl[64]; /* the fields, borrowed from the class's __dataclass_fields__ */
    int nfields = dc_fields_in(I, self, fl, 64);
    if (nfields == -1) {
        py_raise(I, EXC_TypeError, "must be called with a dataclass type or instance");
        return 0;
    }
    if (nfields < 0)
        return py_not_modelled(I, 0, "a dataclass of more than 64 fields"), (SimId)0;
    /* CPython's __init__ is Python code that makes nothing of its own, but
     * a frozen one's object.__setattr__ calls (their argument tuples) */
    if (dc_param(I, cls, "frozen"))
        dc_note_call(I, "a frozen dataclass's __init__");
    else
        dc_note_count(I, "a dataclass's __init__");
    char q[96];
    qualname(I, cls, q, sizeof q);
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    uint32_t nf = (uint32_t)nfields;
    SimId missing = dc_module_attr(I, "MISSING");
    SimId vals[64] = {0};
    int ninit = 0, nreq = 0;
    for (uint32_t i = 0; i < nf; i++) {
        SimId f = fl[i];
        if (!is_true(I, f, "init"))
            continue;
        ninit++;
        nreq += dc_field_get(I, f, "default") == missing && dc_field_get(I, f, "default_factory") == missing;
    }
    bool ok = true;
    if (np > ninit) {
        if (nreq == ninit)
            py_raise(I, EXC_TypeError, "%s.__init__() takes %d positional argument%s but %d were given", q,
                     ninit + 1, ninit ? "s" : "", np + 1);
        else
            py_raise(I, EXC_TypeError, "%s.__init__() takes from %d to %d positional arguments but %d were given",
                     q, nreq + 1, ninit + 1, np + 1);
        ok = false;
    }
    for (int i = 0, k = 0; ok && i < np; k++) /* positionals fill the init fields in order */
        if (is_true(I, fl[k], "init"))
            vals[k] = a[1 + i++];
    for (int j = 0; ok && j < nk; j++) {
        SimId name = sim_items(S, kw)[j];
        int found = -1;
        for (uint32_t i = 0; i < nf; i++)
            if (is_true(I, fl[i], "init") &&
                sim_equal(S, dc_field_get(I, fl[i], "name"), name))
                found = (int)i;
        size_t len;
        const char *s = sim_str_data(S, name, &len);
        if (found < 0 || vals[found]) {
            py_raise(I, EXC_TypeError, found < 0 ? "%s.__init__() got an unexpected keyword argument '%.*s'"
                                                 : "%s.__init__() got multiple values for argument '%.*s'",
                     q, (int)len, s);
            ok = false;
        } else {
            vals[found] = a[1 + np + j];
        }
    }
    SimId lacking[64];
    int nlack = 0;
    for (uint32_t i = 0; ok && i < nf; i++) {
        SimId f = fl[i];
        if (is_true(I, f, "init") && !vals[i] && dc_field_get(I, f, "default") == missing &&
            dc_field_get(I, f, "default_factory") == missing)
            lacking[nlack++] = dc_field_get(I, f, "name");
    }
    if (ok && nlack) {
        missing_error(I, q, lacking, nlack);
        ok = false;
    }
    bool frozen = dc_param(I, cls, "frozen");
    for (uint32_t i = 0; ok && i < nf; i++) { /* the assignments, in field order */
        SimId f = fl[i];
        SimId v = vals[i], made = 0;
        if (!v) {
            SimId fac = dc_field_get(I, f, "default_factory");
            if (fac != missing) {
                made = v = vm_call(I, fac, NULL, 0);
                if (!v) {
                    ok = false;
                    break;
                }
            } else if (is_true(I, f, "init")) {
                v = dc_field_get(I, f, "default");
            } else {
                continue; /* init=False with a default: the class attribute answers */
            }
        }
        SimId name = dc_field_get(I, f, "name");
        if (frozen) { /* object.__setattr__(self, name, value) */
            ok = attr_set_generic(I, self, name, v);
        } else {
            ok = attr_set(I, self, name, v);
        }
        if (made)
            sim_decref(S, made);
    }
    if (!ok)
        return 0;
    SimId post = sim_type_lookup(S, cls, "__post_init__");
    if (post) {
        if (sim_kind(S, post) != SK_FUNC)
            return py_not_modelled(I, 0, "a __post_init__ that is not a plain function"), (SimId)0;
        SimId r = vm_call(I, post, &self, 1);
        if (!r)
            return 0;
        sim_decref(S, r);
    }
    return none(I);
}

/* ---- __repr__ ---------------------------------------------------------------------- */

SimId dc_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    dc_note_call(I, "a dataclass's __repr__");
    for (uint32_t i = 0; i < I->ts->dc_repr_depth; i++) /* reprlib.recursive_repr */
        if (I->ts->dc_repr_stack[i] == self)
            return sim_str(S, "...", 3);
    if (I->ts->dc_repr_depth >= sizeof I->ts->dc_repr_stack / sizeof I->ts->dc_repr_stack[0])
        return py_not_modelled(I, 0, "dataclass reprs nested more than 8 deep"), (SimId)0;
    SimId fields = fields_or_raise(I, self);
    if (!fields)
        return 0;
    I->ts->dc_repr_stack[I->ts->dc_repr_depth++] = self;
    char q[96];
    Buf b = {0};
    buf_adds(&b, qualname(I, sim_type_of(S, self), q, sizeof q));
    buf_addc(&b, '(');
    bool ok = true, first = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, fields)->len; i++) {
        SimId f = sim_items(S, fields)[i];
        if (!is_true(I, f, "repr"))
            continue;
        SimId name = dc_field_get(I, f, "name");
        size_t len;
        const char *s = sim_str_data(S, name, &len);
        buf_printf(&b, "%s%.*s=", first ? "" : ", ", (int)len, s);
        first = false;
        SimId v = attr_get(I, self, name);
        ok = v && op_repr(I, v, &b);
        if (v)
            sim_decref(S, v);
    }
    buf_addc(&b, ')');
    I->ts->dc_repr_depth--;
    sim_decref(S, fields);
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* ---- comparisons ---------------------------------------------------------------------- */

/* the tuple of the compared fields' values (a new reference), 0 on error */
static SimId values_tuple(PyRun *I, SimId obj, SimId fields, const char *flag)
{
    uint32_t nf = sim_obj(S, fields)->len, k = 0;
    for (uint32_t i = 0; i < nf; i++)
        k += is_true(I, sim_items(S, fields)[i], flag);
    SimId t = sim_tuple(S, k);
    k = 0;
    for (uint32_t i = 0; i < nf; i++) {
        SimId f = sim_items(S, fields)[i];
        if (!is_true(I, f, flag))
            continue;
        SimId v = attr_get(I, obj, dc_field_get(I, f, "name"));
        if (!v) {
            sim_decref(S, t);
            return 0;
        }
        sim_tuple_set(S, t, k++, v);
    }
    return t;
}

static SimId compare(PyRun *I, SimId *a, int n, int op, const char *what)
{
    if (n != 2) {
        py_raise(I, EXC_TypeError, "expected 1 argument, got %d", n - 1);
        return 0;
    }
    dc_note_call(I, what);
    SimId self = a[0], other = a[1];
    if (op == OP_EQ && self == other && S->prof->version == SIM_V313)
        return sim_bool(S, true);
    if (sim_type_of(S, other) != sim_type_of(S, self)) {
        sim_incref(S, S->notimpl);
        return S->notimpl;
    }
    SimId fields = fields_or_raise(I, self);
    if (!fields)
        return 0;
    SimId r = 0;
    if (op == OP_EQ && S->prof->version == SIM_V313) { /* self.a==other.a and self.b==other.b */
        r = sim_bool(S, true);
        for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
            SimId f = sim_items(S, fields)[i];
            if (!is_true(I, f, "compare"))
                continue;
            SimId name = dc_field_get(I, f, "name");
            SimId x = attr_get(I, self, name), y = x ? attr_get(I, other, name) : 0;
            sim_decref(S, r);
            r = y ? op_compare(I, OP_EQ, x, y) : 0;
            sim_xdecref(S, x);
            sim_xdecref(S, y);
            int t = r ? op_truth(I, r) : -1;
            if (t <= 0) {
                if (t < 0)
                    sim_xdecref(S, r), r = 0;
                break;
            }
        }
    } else {
        SimId x = values_tuple(I, self, fields, "compare"), y = x ? values_tuple(I, other, fields, "compare") : 0;
        r = y ? op_compare(I, op, x, y) : 0;
        sim_xdecref(S, x);
        sim_xdecref(S, y);
    }
    sim_decref(S, fields);
    return r;
}

SimId dc_eq(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return compare(I, a, n, OP_EQ, "a dataclass's __eq__"); }
SimId dc_lt(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return compare(I, a, n, OP_LT, "a dataclass's __lt__"); }
SimId dc_le(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return compare(I, a, n, OP_LE, "a dataclass's __le__"); }
SimId dc_gt(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return compare(I, a, n, OP_GT, "a dataclass's __gt__"); }
SimId dc_ge(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return compare(I, a, n, OP_GE, "a dataclass's __ge__"); }

/* ---- frozen ------------------------------------------------------------------------------ */

static SimId frozen_error(PyRun *I, const char *verb, SimId name)
{
    SimId cls = dc_module_attr(I, "FrozenInstanceError");
    size_t len;
    const char *s = sim_str_data(S, name, &len);
    char msg[160];
    snprintf(msg, sizeof msg, "cannot %s field '%.*s'", verb, (int)len, s);
    SimId args = sim_tuple(S, 1);
    sim_tuple_set(S, args, 0, sim_str(S, msg, strlen(msg)));
    SimId e = exc_new(I, cls, args);
    py_raise_instance(I, e, msg);
    return 0;
}

SimId dc_frozen_setattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 3 || sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "__setattr__() takes 3 positional arguments but %d were given", n);
        return 0;
    }
    return frozen_error(I, "assign to", a[1]);
}

SimId dc_frozen_delattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2 || sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "__delattr__() takes 2 positional arguments but %d were given", n);
        return 0;
    }
    return frozen_error(I, "delete", a[1]);
}

SimId dc_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw, (void)n;
    SimId fields = fields_or_raise(I, a[0]);
    if (!fields)
        return 0;
    SimId t = values_tuple(I, a[0], fields, "compare");
    sim_decref(S, fields);
    if (!t)
        return 0;
    SimId hash = sim_dict_get_str(S, I->builtins, "hash");
    SimId r = hash ? vm_call(I, hash, &t, 1) : 0;
    sim_decref(S, t);
    return r;
}

/* ---- asdict, astuple, replace ------------------------------------------------------------ */

static bool atomic(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return k == SK_NONE || k == SK_BOOL || k == SK_INT || k == SK_FLOAT || k == SK_STR || k == SK_BYTES ||
           k == SK_TYPE || k == SK_FUNC || k == SK_BUILTIN || k == SK_RANGE || k == SK_ELLIPSIS ||
           k == SK_NOTIMPL;
}

/* _asdict_inner / _astuple_inner: a new reference, 0 on error */
static SimId convert(PyRun *I, SimId v, bool as_dict, int depth)
{
    if (depth > 50)
        return py_not_modelled(I, 0, "asdict()/astuple() of structures nested more than 50 deep"), (SimId)0;
    SimId fields = sim_kind(S, v) == SK_INSTANCE ? dc_fields_of(I, v) : 0;
    if (fields) {
        SimId out = as_dict ? sim_dict(S) : sim_tuple(S, sim_obj(S, fields)->len);
        for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
            SimId name = dc_field_get(I, sim_items(S, fields)[i], "name");
            SimId x = attr_get(I, v, name), c = x ? convert(I, x, as_dict, depth + 1) : 0;
            sim_xdecref(S, x);
            if (!c) {
                sim_decref(S, out);
                sim_decref(S, fields);
                return 0;
            }
            if (as_dict) {
                sim_incref(S, name);
                sim_dict_set(S, out, name, c);
            } else {
                sim_tuple_set(S, out, i, c);
            }
        }
        sim_decref(S, fields);
        return out;
    }
    SimKind k = sim_kind(S, v);
    if ((k == SK_LIST || k == SK_TUPLE) && sim_is_subinst(S, v)) /* type(obj)(...): its own constructor */
        return py_not_modelled(I, 0, "asdict()/astuple() of a dataclass holding a '%s'", op_typename(I, v)), (SimId)0;
    if (k == SK_LIST || k == SK_TUPLE) {
        uint32_t n = sim_obj(S, v)->len;
        SimId out = k == SK_LIST ? sim_list(S, 0) : sim_tuple(S, n);
        for (uint32_t i = 0; i < n; i++) {
            SimId c = convert(I, sim_items(S, v)[i], as_dict, depth + 1);
            if (!c) {
                sim_decref(S, out);
                return 0;
            }
            if (k == SK_LIST)
                sim_list_append(S, out, c);
            else
                sim_tuple_set(S, out, i, c);
        }
        return out;
    }
    if (k == SK_DICT) {
        SimId out = sim_dict(S);
        uint32_t pos = 0;
        SimId key, val;
        while (sim_dict_next(S, v, &pos, &key, &val)) {
            SimId ck = convert(I, key, as_dict, depth + 1), cv = ck ? convert(I, val, as_dict, depth + 1) : 0;
            if (!cv) {
                sim_xdecref(S, ck);
                sim_decref(S, out);
                return 0;
            }
            sim_dict_set(S, out, ck, cv);
        }
        return out;
    }
    if (!atomic(I, v)) /* copy.deepcopy(v) in CPython */
        return py_not_modelled(I, 0, "asdict()/astuple() of a field holding a '%s' (copy.deepcopy of it)",
                               op_typename(I, v)), (SimId)0;
    sim_incref(S, v);
    return v;
}

static SimId as_whole(PyRun *I, SimId *a, int n, SimId kw, bool as_dict)
{
    const char *fn = as_dict ? "asdict" : "astuple";
    if (kw)
        return py_not_modelled(I, 0, "%s() with a %s", fn, as_dict ? "dict_factory" : "tuple_factory"), (SimId)0;
    if (!bi_nargs(I, fn, n, 1, 1))
        return 0;
    SimId fields = sim_kind(S, a[0]) == SK_INSTANCE ? dc_fields_of(I, a[0]) : 0;
    if (!fields) {
        py_raise(I, EXC_TypeError, "%s() should be called on dataclass instances", fn);
        return 0;
    }
    sim_decref(S, fields);
    dc_note_call(I, as_dict ? "dataclasses.asdict()" : "dataclasses.astuple()");
    return convert(I, a[0], as_dict, 0);
}

SimId dc_asdict(PyRun *I, SimId *a, int n, SimId kw) { return as_whole(I, a, n, kw, true); }
SimId dc_astuple(PyRun *I, SimId *a, int n, SimId kw) { return as_whole(I, a, n, kw, false); }

/* replace(obj, /, **changes): the class called with every init field */
SimId dc_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    if (np != 1) {
        py_raise(I, EXC_TypeError, "replace() takes 1 positional argument but %d were given", np);
        return 0;
    }
    SimId obj = a[0], fields = sim_kind(S, obj) == SK_INSTANCE ? dc_fields_of(I, obj) : 0;
    if (!fields) {
        py_raise(I, EXC_TypeError, "replace() should be called on dataclass instances");
        return 0;
    }
    dc_note_call(I, "dataclasses.replace()");
    uint32_t nf = sim_obj(S, fields)->len;
    SimId args[64];
    int na = 0;
    bool ok = nf <= 64;
    if (!ok)
        py_not_modelled(I, 0, "replace() of a dataclass of more than 64 fields");
    for (int j = 0; ok && j < nk; j++) { /* a change names an init field */
        SimId name = sim_items(S, kw)[j];
        bool init_field = false, other = false;
        for (uint32_t i = 0; i < nf; i++)
            if (sim_equal(S, dc_field_get(I, sim_items(S, fields)[i], "name"), name)) {
                if (is_true(I, sim_items(S, fields)[i], "init"))
                    init_field = true;
                else
                    other = true;
            }
        size_t len;
        const char *s = sim_str_data(S, name, &len);
        char q[96];
        if (other)
            py_raise(I, EXC_ValueError, "field %.*s is declared with init=False, it cannot be specified with "
                     "replace()", (int)len, s);
        else if (!init_field)
            py_raise(I, EXC_TypeError, "%s.__init__() got an unexpected keyword argument '%.*s'",
                     qualname(I, sim_type_of(S, obj), q, sizeof q), (int)len, s);
        ok = init_field;
    }
    for (uint32_t i = 0; ok && i < nf; i++) {
        SimId f = sim_items(S, fields)[i];
        if (!is_true(I, f, "init"))
            continue;
        SimId name = dc_field_get(I, f, "name"), v = 0;
        for (int j = 0; j < nk; j++)
            if (sim_equal(S, sim_items(S, kw)[j], name))
                v = a[np + j];
        if (v)
            sim_incref(S, v);
        else
            v = attr_get(I, obj, name);
        if (!v)
            ok = false;
        else
            args[na++] = v;
    }
    SimId r = ok ? vm_call(I, sim_type_of(S, obj), args, na) : 0;
    for (int i = 0; i < na; i++)
        sim_decref(S, args[i]);
    sim_decref(S, fields);
    return r;
}
