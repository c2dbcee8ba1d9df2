/*
 * builtins: the builtins module's functions (print, len, id, isinstance,
 * min, max, sorted, getattr, ...) and their table. The types' constructors
 * are in types/, the registry in registry.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* ---- functions ----------------------------------------------------------- */

static SimId f_print(PyRun *I, SimId *a, int n, SimId kw) { return textio_print(I, a, n, kw); }


SimId builtin_len_of(PyRun *I, SimId v) { return builtin_len_fn(I, &v, 1, 0); }

SimId builtin_len_fn(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    bool own = I->own_slot; /* list.__len__(self), super().__len__(): the built-in's own */
    I->own_slot = false;
    if (!bi_nargs(I, "len", n, 1, 1))
        return 0;
    if (!own && sim_is_subinst(S, a[0]) && dunder_defines(I, a[0], "__len__")) /* slot_sq_length */
        return dunder_len(I, a[0]);
    const SimObj *o = sim_obj(S, a[0]);
    switch ((SimKind)o->kind) {
    case SK_STR: return sim_int_digits(S, o->cap);
    case SK_BYTES: case SK_BYTEARRAY: case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET: case SK_DEQUE: case SK_ARRAY:
        return sim_int_digits(S, o->len);
    case SK_DICTVIEW: return sim_int_digits(S, sim_obj(S, o->v.view.dict)->len);
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, a[0]);
        int64_t start = o->v.i, stop = r[0], step = r[1];
        int64_t len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                               : (start > stop ? (start - stop - step - 1) / -step : 0);
        return sim_int_digits(S, len);
    }
    default:
        if (o->kind == SK_INSTANCE || metaclass_of_class(I, a[0])) {
            SimId r = dunder_len(I, a[0]);
            if (r != S->notimpl)
                return r;
        }
        if (weakref_proxy_refuse(I, a[0], 0, "len()"))
            return 0;
        if (enum_is_enum_class(I, a[0])) /* EnumType.__len__ */
            return enum_len(I, a[0]);
        if (native_is_tm(I, a[0], SIM_XT_TM_TRACEBACK)) { /* Traceback.__len__: its frames */
            SimId f = tm_traceback_frames(I, a[0]);
            SimId r = sim_int(S, sim_obj(S, f)->len);
            sim_decref(S, f);
            return r;
        }
        py_raise(I, EXC_TypeError, "object of type '%s' has no len()", op_typename(I, a[0]));
        return 0;
    }
}

static SimId f_id(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "id", n, 1, 1))
        return 0;
    uint64_t addr = sim_id_address(S, a[0]);
    id_addr_note(I, addr);
    return sim_int(S, (int64_t)addr);
}

/* the __instancecheck__ / __subclasscheck__ a metaclass of the program's
 * gives class t (borrowed), or 0 */
static SimId meta_check(PyRun *I, SimId t, const char *name)
{
    SimId meta = sim_kind(S, t) == SK_TYPE ? metaclass_of_class(I, t) : 0;
    SimId f = meta ? sim_type_lookup(S, meta, name) : 0;
    return f && sim_kind(S, f) == SK_FUNC ? f : 0;
}

/* _PyObject_LookupSpecial binds it to t (a method object for the call),
 * then PyObject_IsTrue of what it returns */
static SimId run_check(PyRun *I, SimId f, SimId t, SimId x)
{
    sim_incref(S, f);
    sim_incref(S, t);
    SimId bound = sim_method(S, f, t);
    SimId args[2] = {t, x};
    SimId r = vm_call(I, f, args, 2);
    sim_decref(S, bound);
    if (!r)
        return 0;
    int truth = op_truth(I, r);
    sim_decref(S, r);
    return truth < 0 ? 0 : sim_bool(S, truth != 0);
}

static SimId f_isinstance(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "isinstance", n, 2, 2))
        return 0;
    SimId t = a[1];
    if (sim_kind(S, t) == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, t)->len; i++) {
            SimId args2[2] = {a[0], sim_items(S, t)[i]};
            SimId r = f_isinstance(I, args2, 2, 0);
            if (!r || r == S->true_)
                return r;
            sim_decref(S, r);
        }
        return sim_bool(S, false);
    }
    if (typing_refused(I, t, "isinstance() against") || galias_check_raised(I, t, "isinstance")) /* its __instancecheck__ */
        return 0;
    SimId check = meta_check(I, t, "__instancecheck__");
    if (check) /* object_isinstance: the exact type first, then the metaclass's method */
        return sim_type_of(S, a[0]) == t ? sim_bool(S, true) : run_check(I, check, t, a[0]);
    if (sim_kind(S, t) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return 0;
    }
    SimId cls = sim_type_of(S, a[0]);
    if (cls != t && abc_is_abc_class(I, t)) /* ABCMeta.__instancecheck__ */
        abc_note_check(I);
    bool r = cls == t || (sim_obj(S, cls)->sub == SK_INSTANCE && sim_is_subtype(S, cls, t)) || /* along the MRO */
             t == S->type_object ||
             (sim_obj(S, t)->sub == SK_INT && sim_kind(S, a[0]) == SK_BOOL);
    return sim_bool(S, r);
}

/* is class c a subclass of class t (by identity along the bases)? */
static bool subclass_of(PyRun *I, SimId c, SimId t)
{
    if (c == t || t == S->type_object)
        return true;
    if (sim_obj(S, c)->sub == SK_INSTANCE) /* along the MRO, which may hold list or dict */
        return sim_is_subtype(S, c, t);
    return sim_obj(S, t)->sub == SK_INT && sim_obj(S, c)->sub == SK_BOOL;
}

static SimId f_issubclass(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "issubclass", n, 2, 2))
        return 0;
    SimId t = a[1];
    if (galias_check_raised(I, t, "issubclass")) /* its __subclasscheck__, whatever arg 1 is */
        return 0;
    SimId check = meta_check(I, t, "__subclasscheck__");
    if (check) /* object_issubclass: the metaclass's method, whatever arg 1 is */
        return run_check(I, check, t, a[0]);
    if (sim_kind(S, a[0]) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "issubclass() arg 1 must be a class");
        return 0;
    }
    bool tuple = sim_kind(S, t) == SK_TUPLE;
    uint32_t cnt = tuple ? sim_obj(S, t)->len : 1;
    for (uint32_t i = 0; i < cnt; i++) {
        SimId c = tuple ? sim_items(S, t)[i] : t;
        if (abc_is_abc_class(I, c)) /* ABCMeta.__subclasscheck__ */
            abc_note_check(I);
        if (typing_refused(I, c, "issubclass() against") || (tuple && galias_check_raised(I, c, "issubclass")))
            return 0;
        SimId chk = tuple ? meta_check(I, c, "__subclasscheck__") : 0;
        if (chk) {
            SimId r = run_check(I, chk, c, a[0]);
            if (!r || r == S->true_)
                return r;
            sim_decref(S, r);
            continue;
        }
        if (sim_kind(S, c) != SK_TYPE) {
            py_raise(I, EXC_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
            return 0;
        }
        if (subclass_of(I, a[0], c))
            return sim_bool(S, true);
    }
    return sim_bool(S, false);
}

static SimId f_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "repr", n, 1, 1))
        return 0;
    Buf b = {0};
    if (!op_repr(I, a[0], &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId r = str_of_text(I, a[0], &b);
    buf_fini(&b);
    return r;
}

static SimId f_ascii(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Buf b = {0};
    SimId r = op_ascii(I, a[0], &b) ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* tuplehash's xxHash lanes over n items; slicehash (3.12+) runs the same
 * lanes over start, stop and step but adds no length at the end */
static bool xxhash_of(PyRun *I, const SimId *items, uint32_t n, bool add_len, int64_t *out)
{
    uint64_t acc = SIM_TUPLE_HASH_START;
    for (uint32_t i = 0; i < n; i++) {
        int64_t lane;
        if (!builtin_hash_of(I, items[i], &lane))
            return false;
        sim_tuple_hash_step(&acc, (uint64_t)lane); /* sim/hash.c's lanes */
    }
    if (add_len)
        acc = sim_tuple_hash_end(acc, n);
    else if (acc == (uint64_t)-1)
        acc = 1546275796u;
    *out = (int64_t)acc;
    return true;
}

/* PyObject_Hash: sim_hash's value (sim/hash.c), a class's own __hash__
 * through the xxHash lanes of a tuple; a str's or bytes' is CPython's under
 * PYTHONHASHSEED=0, the seed the model's dict and set orders assume
 * (docs/PYTHON.md).  False with the error raised or the refusal. */
bool builtin_hash_of(PyRun *I, SimId v, int64_t *out)
{
    SimId h = dunder_hash(I, v);
    if (h != S->notimpl) {
        if (!h)
            return false;
        *out = sim_obj(S, h)->v.i;
        bool small = sim_obj(S, h)->sub != 1;
        sim_decref(S, h);
        return small || py_not_modelled(I, 0, "a __hash__ that returns an int beyond 64 bits");
    }
    SimKind k = sim_kind(S, v);
    if (sim_kind(S, v) != SK_INT && enum_refused(I, v, "hash()")) /* an IntEnum's is its int's */ /* a member's is its name's, a str's: the seed shows */
        return false;
    if (galias_is(I, v))
        return galias_hash(I, v, out);
    if (slice_is(I, v) && S->prof->version != SIM_V311) { /* slicehash (3.12+) */
        SimId parts[3] = {slice_part(I, v, SLICE_START), slice_part(I, v, SLICE_STOP), slice_part(I, v, SLICE_STEP)};
        return xxhash_of(I, parts, 3, false, out);
    }
    SimId hm = sim_is_subinst(S, v) ? sim_type_lookup(S, sim_obj(S, v)->type, "__hash__") : 0;
    if (hm && sim_kind(S, hm) == SK_NONE) { /* __eq__ alone in a subclass of tuple: PyObject_HashNotImplemented */
        py_raise(I, EXC_TypeError, "unhashable type: '%s'", op_typename(I, v));
        return false;
    }
    if (k != SK_TUPLE && !py_hashable(I, v)) /* a tuple answers item by item */
        return false;
    if (k != SK_TUPLE) {
        *out = (int64_t)sim_hash(S, v);
        return true;
    }
    return xxhash_of(I, sim_items(S, v), sim_obj(S, v)->len, true, out);
}

static SimId f_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "hash", n, 1, 1))
        return 0;
    int64_t h;
    return builtin_hash_of(I, a[0], &h) ? sim_int_digits(S, h) : 0; /* PyLong_FromSsize_t */
}

static SimId f_callable(PyRun *I, SimId *a, int n, SimId kw);

static SimId f_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n == 2) {
        SimId c = 0;
        bool callable = sim_kind(S, a[0]) != SK_INSTANCE || dunder_defines(I, a[0], "__call__");
        if (callable) {
            SimId args[1] = {a[0]};
            c = f_callable(I, args, 1, 0);
            callable = c == S->true_;
            sim_xdecref(S, c);
        }
        if (!callable) {
            py_raise(I, EXC_TypeError, S->prof->version == SIM_V312 ? "iter(object, sentinel): object must be callable"
                                                                    : "iter(v, w): v must be callable");
            return 0;
        }
        SimId it = iter_callable(I, a[0], a[1]);
        if (sim_nomem(S)) {
            sim_decref(S, it);
            py_no_memory(I);
            return 0;
        }
        return it;
    }
    if (weakref_proxy_refuse(I, a[0], 0, "iter()"))
        return 0;
    SimId it = iter_new(I, a[0]);
    if (!it && !I->ts->err.set && !I->refused)
        py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, a[0]));
    return it;
}

static SimId f_next(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "next", n, 1, 2))
        return 0;
    if (sim_is_coro(S, a[0])) {
        py_raise(I, EXC_TypeError, "'coroutine' object is not an iterator");
        return 0;
    }
    if (sim_kind(S, a[0]) == SK_GEN) { /* StopIteration carries what the generator returned */
        SimId v = vm_gen_send(I, a[0], 0);
        if (v || n == 1 || !py_err_matches(I, EXC_StopIteration))
            return v;
        py_err_clear(I);
        sim_incref(S, a[1]);
        return a[1];
    }
    if (sim_kind(S, a[0]) == SK_INSTANCE || sim_is_subinst(S, a[0])) { /* __next__; its StopIteration stands */
        SimId r = dunder_call0(I, a[0], "__next__");
        if (r != S->notimpl) {
            if (!r && n == 2 && py_err_matches(I, EXC_StopIteration)) {
                py_err_clear(I);
                sim_incref(S, a[1]);
                return a[1];
            }
            return r;
        }
    }
    if ((sim_kind(S, a[0]) != SK_ITER && sim_kind(S, a[0]) != SK_STRINGIO) || sim_is_native(S, a[0])) {
        py_raise(I, EXC_TypeError, "'%s' object is not an iterator", op_typename(I, a[0]));
        return 0;
    }
    SimId v = iter_next(I, a[0]);
    if (v || I->ts->err.set)
        return v;
    if (n == 2) {
        sim_incref(S, a[1]);
        return a[1];
    }
    py_raise(I, EXC_StopIteration, "%s", "");
    return 0;
}

/* getattr's and hasattr's lookup: the name must be a str; it reaches the
 * type method cache (typecache_names.c). 0 with the error raised. */
static SimId named_attr(PyRun *I, SimId obj, SimId name)
{
    if (sim_kind(S, name) != SK_STR) {
        py_raise(I, EXC_TypeError, "attribute name must be string, not '%s'", op_typename(I, name));
        return 0;
    }
    typecache_name_seen(I, name);
    return attr_get(I, obj, name);
}

static SimId f_getattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getattr", n, 2, 3))
        return 0;
    SimId r = named_attr(I, a[0], a[1]);
    if (!r && n == 3 && py_err_matches(I, EXC_AttributeError)) {
        py_err_clear(I);
        sim_incref(S, a[2]);
        return a[2];
    }
    return r;
}

static SimId f_hasattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "hasattr", n, 2, 2))
        return 0;
    SimId r = named_attr(I, a[0], a[1]);
    if (r) {
        sim_decref(S, r);
        return sim_bool(S, true);
    }
    if (!py_err_matches(I, EXC_AttributeError))
        return 0;
    py_err_clear(I);
    return sim_bool(S, false);
}

/* PyObject_SetAttr interns the name first (PyUnicode_InternInPlace): the
 * attribute's key is the interned string, equal ones made at run time are
 * not kept (setattr and delattr; getattr does not intern) */
static SimId interned_name(PyRun *I, SimId name)
{
    if (sim_kind(S, name) == SK_STR && !sim_is_subinst(S, name))
        return sim_str_intern_obj(S, name);
    sim_incref(S, name);
    return name;
}

static SimId f_setattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "setattr", n, 3, 3))
        return 0;
    SimId name = interned_name(I, a[1]);
    if (sim_kind(S, name) == SK_STR)
        typecache_name_seen(I, name);
    bool ok = attr_set(I, a[0], name, a[2]);
    sim_decref(S, name);
    return ok ? bi_none(I) : 0;
}

static SimId f_format(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "format", n, 1, 2))
        return 0;
    if (n == 2 && sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "format() argument 2 must be str, not %s", op_typename(I, a[1]));
        return 0;
    }
    size_t len = 0;
    const char *spec = n == 2 ? sim_str_data(S, a[1], &len) : "";
    SimId as_is = len ? 0 : str_as_is(I, a[0]);
    if (as_is) { /* PyObject_Format: an exact str itself; bool's text */
        if (format_binds_method(I, a[0], false))
            format_bool_text(I); /* bool's __format__: str(self) */
        return as_is;
    }
    char tmp[64];
    if (len >= sizeof tmp)
        return py_not_modelled(I, 0, "a format spec of %zu characters", len), (SimId)0;
    snprintf(tmp, sizeof tmp, "%.*s", (int)len, spec);
    return format_object(I, a[0], tmp);
}

/* vars(obj): its __dict__ (builtin_vars_impl) */
static SimId f_vars(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "vars", n, 0, 1))
        return 0;
    if (n == 0)
        return builtin_scope_locals(I, "vars()");
    if (asyncio_refused(I, a[0], "vars() of")) /* CPython's Task and Future have no __dict__ */
        return 0;
    SimId name = sim_str_intern(S, "__dict__", 8);
    SimId d = attr_get(I, a[0], name);
    sim_decref(S, name);
    if (!d && py_err_matches(I, EXC_AttributeError)) {
        py_err_clear(I);
        py_raise(I, EXC_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static SimId f_delattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "delattr", n, 2, 2))
        return 0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "attribute name must be string, not '%s'", op_typename(I, a[1]));
        return 0;
    }
    SimId name = interned_name(I, a[1]);
    typecache_name_seen(I, name);
    bool ok = attr_del(I, a[0], name);
    sim_decref(S, name);
    return ok ? bi_none(I) : 0;
}

static SimId f_callable(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "callable", n, 1, 1))
        return 0;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_INSTANCE || (sim_is_subinst(S, a[0]) && k != SK_TYPE)) /* tp_call: slot_tp_call when the class has __call__ */
        return sim_bool(S, sim_type_lookup(S, sim_obj(S, a[0])->type, "__call__") != 0);
    return sim_bool(S, k == SK_FUNC || k == SK_METHOD || k == SK_BUILTIN || k == SK_TYPE || k == SK_WEAKREF ||
                           k == SK_STATICMETHOD || native_callable(I, a[0]));
}

static SimId f_chr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t c;
    if ((sim_kind(S, a[0]) == SK_INT && sim_obj(S, a[0])->sub == 1)) { /* a big int */
        if (S->prof->version <= SIM_V312)
            py_raise(I, EXC_OverflowError, "Python int too large to convert to C int");
        else
            py_raise(I, EXC_ValueError, "chr() arg not in range(0x110000)");
        return 0;
    }
    if (!bi_nargs(I, "chr", n, 1, 1) || !bi_int_arg(I, a[0], &c))
        return 0;
    if (c < 0 || c > 0x10ffff) {
        py_raise(I, EXC_ValueError, "chr() arg not in range(0x110000)");
        return 0;
    }
    char buf[4];
    return sim_str(S, buf, utf8_encode(c, buf));
}

static SimId f_ord(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "ord", n, 1, 1))
        return 0;
    SimKind k = sim_kind(S, a[0]);
    if (k != SK_STR && k != SK_BYTES && k != SK_BYTEARRAY) {
        py_raise(I, EXC_TypeError, "ord() expected string of length 1, but %s found", op_typename(I, a[0]));
        return 0;
    }
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    size_t chars = k == SK_STR ? sim_obj(S, a[0])->cap : len;
    if (chars != 1) {
        py_raise(I, EXC_TypeError, "ord() expected a character, but string of length %zu found", chars);
        return 0;
    }
    if (k != SK_STR)
        return sim_int(S, (unsigned char)d[0]);
    unsigned char b0 = (unsigned char)d[0];
    int64_t cp = b0 < 0x80 ? b0
                 : b0 < 0xe0 ? ((b0 & 0x1f) << 6 | (d[1] & 0x3f))
                 : b0 < 0xf0 ? ((b0 & 0x0f) << 12 | (d[1] & 0x3f) << 6 | (d[2] & 0x3f))
                             : ((b0 & 0x07) << 18 | (d[1] & 0x3f) << 12 | (d[2] & 0x3f) << 6 | (d[3] & 0x3f));
    return sim_int(S, cp);
}

const BuiltinDef function_defs[] = {
    BUILTIN("print", 0, BM_BUILTINS, f_print, .kw = "sep end file flush"),
    BUILTIN("len", 0, BM_BUILTINS, builtin_len_fn, .style = ARGS_ONE),
    BUILTIN("id", 0, BM_BUILTINS, f_id, .style = ARGS_ONE),
    BUILTIN("isinstance", 0, BM_BUILTINS, f_isinstance, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("issubclass", 0, BM_BUILTINS, f_issubclass, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("repr", 0, BM_BUILTINS, f_repr, .style = ARGS_ONE),
    BUILTIN("ascii", 0, BM_BUILTINS, f_ascii, .style = ARGS_ONE),
    BUILTIN("abs", 0, BM_BUILTINS, builtin_abs, .style = ARGS_ONE),
    BUILTIN("min", 0, BM_BUILTINS, builtin_min, .kw = "key default"),
    BUILTIN("max", 0, BM_BUILTINS, builtin_max, .kw = "key default"),
    BUILTIN("sum", 0, BM_BUILTINS, builtin_sum, .kw = "start", .clinic = "sum:start"),
    BUILTIN("any", 0, BM_BUILTINS, builtin_any, .style = ARGS_ONE),
    BUILTIN("all", 0, BM_BUILTINS, builtin_all, .style = ARGS_ONE),
    BUILTIN("sorted", 0, BM_BUILTINS, builtin_sorted, .kw = "key reverse", .kw_fn = "sort", .clinic = "list.sort:key reverse", .style = ARGS_RANGE, .min = 1, .max = 1),
    BUILTIN("enumerate", 0, BM_BUILTINS, iter_enumerate, .kw = "iterable start", .kw_late = true),
    BUILTIN("zip", 0, BM_BUILTINS, iter_zip, .kw = "strict"),
    BUILTIN("reversed", 0, BM_BUILTINS, iter_reversed, .style = ARGS_RANGE, .min = 1, .max = 1),
    BUILTIN("map", 0, BM_BUILTINS, iter_map, .kw_fn = "map"),
    BUILTIN("filter", 0, BM_BUILTINS, iter_filter, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("hash", 0, BM_BUILTINS, f_hash, .style = ARGS_ONE),
    BUILTIN("hex", 0, BM_BUILTINS, builtin_hex, .style = ARGS_ONE),
    BUILTIN("oct", 0, BM_BUILTINS, builtin_oct, .style = ARGS_ONE),
    BUILTIN("bin", 0, BM_BUILTINS, builtin_bin, .style = ARGS_ONE),
    BUILTIN("frozenset", 0, BM_BUILTINS, frozenset_construct, .style = ARGS_RANGE, .min = 0, .max = 1),
    BUILTIN("slice", 0, BM_BUILTINS, slice_construct, .style = ARGS_RANGE, .min = 1, .max = 3, .kw = "*"),
    BUILTIN("iter", 0, BM_BUILTINS, f_iter, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("next", 0, BM_BUILTINS, f_next, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("getattr", 0, BM_BUILTINS, f_getattr, .style = ARGS_RANGE, .min = 2, .max = 3),
    BUILTIN("hasattr", 0, BM_BUILTINS, f_hasattr, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("setattr", 0, BM_BUILTINS, f_setattr, .style = ARGS_RANGE, .min = 3, .max = 3),
    BUILTIN("delattr", 0, BM_BUILTINS, f_delattr, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("vars", 0, BM_BUILTINS, f_vars, .style = ARGS_RANGE, .min = 0, .max = 1),
    BUILTIN("format", 0, BM_BUILTINS, f_format, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("callable", 0, BM_BUILTINS, f_callable, .style = ARGS_ONE),
    BUILTIN("chr", 0, BM_BUILTINS, f_chr, .style = ARGS_ONE),
    BUILTIN("ord", 0, BM_BUILTINS, f_ord, .style = ARGS_ONE),
    BUILTIN("dir", 0, BM_BUILTINS, builtin_dir, .style = ARGS_RANGE, .min = 0, .max = 1, .varargs = VA_ALL),
    BUILTIN("round", 0, BM_BUILTINS, builtin_round, .kw = "number ndigits", .style = ARGS_CLINIC, .min = 1, .max = 2,
            .clinic = "round:number ndigits"),
    BUILTIN("divmod", 0, BM_BUILTINS, builtin_divmod, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("pow", 0, BM_BUILTINS, builtin_pow, .kw = "base exp mod"),
    BUILTIN("globals", 0, BM_BUILTINS, builtin_globals, .style = ARGS_NONE),
    BUILTIN("locals", 0, BM_BUILTINS, builtin_locals, .style = ARGS_NONE),
};
const int function_ndefs = (int)(sizeof function_defs / sizeof function_defs[0]);
