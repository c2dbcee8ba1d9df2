/*
 * items: subscription (x[i], x[a:b], d[k]), item assignment and deletion,
 * list extension, and printf-style str % formatting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_slice(PyRun *I, SimId k) { return slice_is(I, k); }

static bool index_of(PyRun *I, SimId key, int64_t len, int64_t *out, const char *what)
{
    SimKind k = sim_kind(S, key);
    if (dunder_index_hooked(I, key)) { /* PyNumber_AsSsize_t: its __index__ */
        SimId r = dunder_index(I, key);
        if (r != S->notimpl) {
            bool ok = r && index_of(I, r, len, out, what);
            sim_xdecref(S, r);
            return ok;
        }
    }
    if (k != SK_INT && k != SK_BOOL) {
        /* sure when the hooks were looked for: an instance's, a subclass's */
        void (*raise)(PyRun *, ExcType, const char *, ...) = dunder_index_hooked(I, key) ? py_raise_sure : py_raise;
        if (strcmp(what, "string") == 0) /* unicode_subscript words it so (3.11+) */
            raise(I, EXC_TypeError, "string indices must be integers, not '%s'", op_typename(I, key));
        else
            raise(I, EXC_TypeError, "%s indices must be integers or slices, not %s", what, op_typename(I, key));
        return false;
    }
    if (sim_obj(S, key)->sub == 1) { /* PyNumber_AsSsize_t(key, PyExc_IndexError) */
        py_raise(I, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    int64_t i = sim_obj(S, key)->v.i;
    if (i < 0)
        i += len;
    *out = i;
    return true;
}

static bool slice_bounds(PyRun *I, SimId sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    return slice_bounds_of(I, sl, len, start, stop, step);
}

static SimId get_slice(PyRun *I, SimId obj, SimId sl)
{
    SimKind k = sim_kind(S, obj);
    int64_t len = sim_obj(S, obj)->len, start, stop, step;
    if (k == SK_STR)
        len = sim_obj(S, obj)->cap;
    if (!slice_bounds(I, sl, len, &start, &stop, &step))
        return 0;
    int64_t n = 0;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        n++;
    if (k != SK_LIST && start == 0 && step == 1 && n == len && !sim_is_subinst(S, obj)) {
        sim_incref(S, obj); /* the whole of an immutable exact sequence: itself */
        return obj;
    }
    if (k == SK_STR || k == SK_BYTES) {
        size_t bl;
        const char *d = sim_str_data(S, obj, &bl);
        Buf b = {0};
        if (k == SK_STR && sim_obj(S, obj)->sub != 1) {
            /* non-ASCII: index code points */
            size_t *offs = malloc((bl + 1) * sizeof *offs);
            size_t nc = 0;
            for (size_t i = 0; i < bl; i++)
                if (((unsigned char)d[i] & 0xc0) != 0x80)
                    offs[nc++] = i;
            offs[nc] = bl;
            for (int64_t i = start, c = 0; c < n; i += step, c++)
                buf_add(&b, d + offs[i], offs[i + 1] - offs[i]);
            free(offs);
        } else {
            for (int64_t i = start, c = 0; c < n; i += step, c++)
                buf_addc(&b, d[i]);
        }
        /* bytes_subscript: a step of 1 copies from the data (one byte: the shared one) */
        SimId r = k == SK_STR    ? sim_str(S, buf_str(&b), b.len)
                  : step == 1 ? sim_bytes_shared(S, (const uint8_t *)buf_str(&b), b.len)
                              : sim_bytes(S, (const uint8_t *)buf_str(&b), b.len);
        buf_fini(&b);
        return r;
    }
    SimId r = k == SK_LIST ? sim_list(S, (size_t)n) : sim_tuple(S, (size_t)n);
    if (sim_nomem(S)) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    for (int64_t i = start, c = 0; c < n; i += step, c++) {
        SimId it = sim_items(S, obj)[i];
        sim_incref(S, it);
        sim_items(S, r)[c] = it;
    }
    return r;
}

/* a slice reaching a container the model does not slice (a dict key):
 * refused, as the tagged tuple would show through */
static bool slice_unmodelled(PyRun *I, SimId obj, SimId key)
{
    SimKind k = sim_kind(S, obj);
    if (!is_slice(I, key) || k != SK_DICT)
        return false; /* lists, tuples, str, bytes and bytearray slice; CPython's TypeError for the others */
    return !py_not_modelled(I, 0, "a slice used on a %s", op_typename(I, obj));
}

/* BINARY_SUBSCR_LIST_INT and BINARY_SUBSCR_DICT: an exact list read at an
 * int in range, an exact dict read at an exact str or int (what the
 * generic way below does for them, its checks skipped); true when done
 * (*out: the value, or 0 and the KeyError raised), false to go the
 * generic way. */
static bool getitem_exact(PyRun *I, SimId obj, SimId key, SimId *out)
{
    const SimObj *o = sim_obj(S, obj), *ko = sim_obj(S, key);
    if (o->type)
        return false;
    if (o->kind == SK_LIST && ko->kind == SK_INT && ko->sub == 0) {
        int64_t i = ko->v.i < 0 ? ko->v.i + (int64_t)o->len : ko->v.i;
        if (i < 0 || i >= (int64_t)o->len)
            return false;
        *out = sim_items(S, obj)[i];
        sim_incref(S, *out);
        return true;
    }
    if (o->kind == SK_DICT && (ko->kind == SK_STR || ko->kind == SK_INT) && !ko->type) {
        SimId v = sim_dict_get(S, obj, key);
        if (v)
            sim_incref(S, v);
        else if (!I->ts->err.set) /* else the program's __eq__ raised */
            py_raise_key(I, EXC_KeyError, key);
        *out = v;
        return true;
    }
    return false;
}

/* PyObject_GetItem on a program's class: its __class_getitem__ (a
 * classmethod, bound to it) called with the key; a built-in base's one
 * makes a types.GenericAlias; else type's TypeError with tp_name */
static SimId class_getitem(PyRun *I, SimId cls, SimId key)
{
    SimId m = sim_type_lookup(S, cls, "__class_getitem__");
    if (!m && galias_origin_ok(I, cls)) /* a subclass of list, dict ...: the base's */
        return galias_new(I, cls, key);
    if (!m && sim_type_word(S, cls, SIM_TY_KIND))
        return py_not_modelled(I, 0, "the generic alias of a subclass of '%s' (types.GenericAlias)",
                               sim_kind_name((SimKind)sim_type_word(S, cls, SIM_TY_KIND))), (SimId)0;
    if (!m) {
        size_t n;
        const char *name = sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], &n);
        py_raise(I, EXC_TypeError, "type '%.*s' is not subscriptable", (int)n, name);
        return 0;
    }
    if (sim_kind(S, m) != SK_CLASSMETHOD)
        return py_not_modelled(I, 0, "a __class_getitem__ that is not a plain function"), (SimId)0;
    SimId bound = descr_get(I, m, 0, cls);
    if (!bound)
        return 0;
    SimId r = vm_call(I, bound, &key, 1);
    sim_decref(S, bound);
    return r;
}

SimId op_getitem(PyRun *I, SimId obj, SimId key)
{
    bool own = I->own_slot;
    I->own_slot = false;
    if (!own && sim_is_subinst(S, obj) && dunder_defines(I, obj, "__getitem__")) /* slot_mp_subscript */
        return dunder_getitem(I, obj, key);
    SimId got;
    if (getitem_exact(I, obj, key, &got))
        return got;
    SimKind k = sim_kind(S, obj);
    if (k == SK_RANGE && is_slice(I, key))
        return range_slice(I, obj, key);
    if (slice_unmodelled(I, obj, key))
        return 0;
    if (k == SK_ITER && native_tuple_refused(I, obj))
        return 0;
    if (k == SK_ITER && native_is_tm(I, obj, SIM_XT_TM_TRACEBACK)) /* Traceback.__getitem__ */
        return tm_traceback_getitem(I, obj, key);
    if (k == SK_WEAKREF && weakref_proxy_refuse(I, obj, 0, "subscription"))
        return 0;
    if (enum_is_enum_class(I, obj)) /* EnumType.__getitem__ */
        return enum_getitem(I, obj, key);
    if (typing_is_alias(I, obj)) /* List[int] */
        return typing_getitem(I, obj, key);
    int64_t i;
    switch (k) {
    case SK_DEQUE: return deque_getitem(I, obj, key);
    case SK_DICTVIEW:
        if (proxy_is(I, obj))
            return proxy_getitem(I, obj, key);
        py_raise(I, EXC_TypeError, "'%s' object is not subscriptable", op_typename(I, obj));
        return 0;
    case SK_BYTEARRAY: return bytearray_getitem(I, obj, key);
    case SK_ARRAY: return array_getitem(I, obj, key);
    case SK_LIST: case SK_TUPLE: case SK_STR: case SK_BYTES: {
        if (is_slice(I, key))
            return get_slice(I, obj, key);
        int64_t len = k == SK_STR ? sim_obj(S, obj)->cap : sim_obj(S, obj)->len;
        if (!index_of(I, key, len, &i, k == SK_LIST ? "list" : k == SK_TUPLE ? "tuple" : k == SK_STR ? "string" : "byte"))
            return 0;
        if (i < 0 || i >= len) {
            py_raise(I, EXC_IndexError, "%s%sindex out of range",
                     k == SK_LIST ? "list" : k == SK_TUPLE ? "tuple" : k == SK_STR ? "string" : "", k == SK_BYTES ? "" : " ");
            return 0;
        }
        if (k == SK_STR) {
            size_t n;
            const char *d = sim_str_data(S, obj, &n);
            size_t pos = 0;
            for (int64_t c = 0; c < i; c++) {
                pos++;
                while (pos < n && ((unsigned char)d[pos] & 0xc0) == 0x80)
                    pos++;
            }
            size_t end = pos + 1;
            while (end < n && ((unsigned char)d[end] & 0xc0) == 0x80)
                end++;
            return sim_str(S, d + pos, end - pos);
        }
        if (k == SK_BYTES) {
            size_t n;
            const char *d = sim_str_data(S, obj, &n);
            return sim_int(S, (unsigned char)d[i]);
        }
        SimId v = sim_items(S, obj)[i];
        sim_incref(S, v);
        return v;
    }
    case SK_DICT: {
        if (!py_hashable(I, key)) {
            return 0;
        }
        SimId v = sim_dict_get(S, obj, key);
        if (!v && sim_is_subinst(S, obj)) { /* dict_subscript: a subclass's __missing__ */
            bool found;
            SimId r = subinst_missing(I, obj, key, &found);
            if (found)
                return r;
        }
        if (!v) {
            if (!I->ts->err.set) /* else the program's __eq__ raised */
                py_raise_key(I, EXC_KeyError, key);
            return 0;
        }
        sim_incref(S, v);
        return v;
    }
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, obj);
        int64_t start = sim_obj(S, obj)->v.i, stop = r[0], step = r[1];
        int64_t len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                               : (start > stop ? (start - stop - step - 1) / -step : 0);
        if (!index_of(I, key, len, &i, "range"))
            return 0;
        if (i < 0 || i >= len) {
            py_raise(I, EXC_IndexError, "range object index out of range");
            return 0;
        }
        return sim_int(S, start + i * step);
    }
    default:
        if (k == SK_INSTANCE || (metaclass_of_class(I, obj) && dunder_defines(I, obj, "__getitem__")))
            return dunder_getitem(I, obj, key); /* an instance's, a class's metaclass's (before __class_getitem__) */
        if (k == SK_TYPE && sim_obj(S, obj)->sub == SK_INSTANCE)
            return class_getitem(I, obj, key);
        if (k == SK_TYPE && galias_origin_ok(I, obj)) /* type.__class_getitem__: list[int] ... */
            return galias_new(I, obj, key);
        if (k == SK_TYPE) {
            py_raise(I, EXC_TypeError, "type '%s' is not subscriptable", sim_type_obj_name(S, obj));
            return 0;
        }
        py_raise(I, EXC_TypeError, "'%s' object is not subscriptable", op_typename(I, obj));
        return 0;
    }
}

bool op_setitem(PyRun *I, SimId obj, SimId key, SimId value)
{
    bool own = I->own_slot;
    I->own_slot = false;
    const SimObj *o = sim_obj(S, obj), *ko = sim_obj(S, key);
    if (!o->type && o->kind == SK_DICT && (ko->kind == SK_STR || ko->kind == SK_INT) && !ko->type) {
        /* STORE_SUBSCR_DICT: an exact dict at an exact str or int, what the
         * way below comes to for it (no slice, hashable, not a Counter) */
        sim_incref(S, key);
        sim_incref(S, value);
        sim_dict_set(S, obj, key, value);
        return !I->ts->err.set; /* a program's __eq__ may raise */
    }
    if (!own && sim_is_subinst(S, obj) && dunder_defines(I, obj, "__setitem__")) /* slot_mp_ass_subscript */
        return dunder_setitem(I, obj, key, value);
    SimKind k = sim_kind(S, obj);
    if (slice_unmodelled(I, obj, key))
        return false;
    if (k == SK_WEAKREF && weakref_proxy_refuse(I, obj, 0, "item assignment"))
        return false;
    int64_t i;
    if (k == SK_DEQUE)
        return deque_setitem(I, obj, key, value);
    if (k == SK_BYTEARRAY)
        return bytearray_setitem(I, obj, key, value);
    if (k == SK_ARRAY)
        return array_setitem(I, obj, key, value);
    if (k == SK_LIST) {
        if (is_slice(I, key)) {
            int64_t start, stop, step;
            return slice_bounds(I, key, sim_obj(S, obj)->len, &start, &stop, &step) &&
                   list_slice_store(I, obj, start, stop, step, value);
        }
        if (!index_of(I, key, sim_obj(S, obj)->len, &i, "list"))
            return false;
        if (i < 0 || i >= sim_obj(S, obj)->len) {
            py_raise(I, EXC_IndexError, "list assignment index out of range");
            return false;
        }
        sim_incref(S, value);
        sim_list_set(S, obj, (size_t)i, value);
        return true;
    }
    if (k == SK_DICT) {
        if (!py_hashable(I, key)) {
            return false;
        }
        if (counter_is(I, obj)) /* slot_mp_ass_subscript reaches dict's __setitem__ */
            counter_setitem_cost(I);
        sim_incref(S, key);
        sim_incref(S, value);
        sim_dict_set(S, obj, key, value);
        return !I->ts->err.set; /* a program's __eq__ may raise */
    }
    if (k == SK_INSTANCE)
        return dunder_setitem(I, obj, key, value);
    py_raise(I, EXC_TypeError, "'%s' object does not support item assignment", op_typename(I, obj));
    return false;
}

bool op_delitem(PyRun *I, SimId obj, SimId key)
{
    bool own = I->own_slot;
    I->own_slot = false;
    if (!own && sim_is_subinst(S, obj) && dunder_defines(I, obj, "__delitem__")) /* slot_mp_ass_subscript */
        return dunder_delitem(I, obj, key);
    SimKind k = sim_kind(S, obj);
    if (slice_unmodelled(I, obj, key))
        return false;
    if (k == SK_WEAKREF && weakref_proxy_refuse(I, obj, 0, "item deletion"))
        return false;
    int64_t i;
    if (k == SK_DEQUE)
        return deque_delitem(I, obj, key);
    if (k == SK_BYTEARRAY)
        return bytearray_setitem(I, obj, key, 0);
    if (k == SK_ARRAY)
        return array_setitem(I, obj, key, 0);
    if (k == SK_LIST) {
        if (is_slice(I, key)) {
            int64_t start, stop, step;
            return slice_bounds(I, key, sim_obj(S, obj)->len, &start, &stop, &step) &&
                   list_slice_store(I, obj, start, stop, step, 0);
        }
        if (!index_of(I, key, sim_obj(S, obj)->len, &i, "list"))
            return false;
        if (i < 0 || i >= sim_obj(S, obj)->len) {
            py_raise(I, EXC_IndexError, "list assignment index out of range");
            return false;
        }
        sim_list_del_item(S, obj, (size_t)i);
        return true;
    }
    if (k == SK_DICT && counter_is(I, obj)) /* Counter.__delitem__: no KeyError */
        return counter_delitem(I, obj, key);
    if (k == SK_DICT) {
        if (!py_hashable(I, key)) {
            return false;
        }
        if (!sim_dict_del(S, obj, key)) {
            if (!I->ts->err.set)
                py_raise_key(I, EXC_KeyError, key);
            return false;
        }
        return true;
    }
    if (k == SK_INSTANCE)
        return dunder_delitem(I, obj, key);
    py_raise(I, EXC_TypeError, is_slice(I, key) ? "'%s' object does not support item deletion" /* PyObject_DelItem */
                                                : "'%s' object doesn't support item deletion", op_typename(I, obj));
    return false;
}

