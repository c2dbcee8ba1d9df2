/*
 * repr: str() and repr() of every object kind in CPython's spelling
 * (float_repr's shortest round-trip digits, quote choice for strings,
 * "[...]" for recursive containers, <K object at 0x...> for instances),
 * and format() specs for ints, floats and strings.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/threading.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/repr_trace.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* the Unicode database of the profile (str_repr's escapes) */
static int repr_ucd(PyRun *I)
{
    return S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
}

static SimId repr_stack[1000];
static int repr_depth;

static bool in_progress(SimId v)
{
    for (int i = 0; i < repr_depth; i++)
        if (repr_stack[i] == v)
            return true;
    return false;
}

/* one item's repr written, traced as repr_trace.c follows it */
static bool traced_item(PyRun *I, ReprTrace *rt, bool traced, SimId item, Buf *out)
{
    bool follows = traced && rt_follows(I, item);
    if (traced && !follows)
        tm_note_peak_unsure(I, "the repr of a container holding an object whose repr the model does not follow (a "
                               "set, an instance ...)");
    size_t at = out->len;
    rt->child_kept = false;
    I->repr_trace = follows ? rt : NULL; /* an instance's __repr__ makes its own strs */
    bool ok = op_repr(I, item, out);
    I->repr_trace = rt->parent;
    if (ok && traced)
        rt_item(I, rt, item, rt->child_kept, buf_str(out) + at, out->len - at);
    return ok;
}

/* the traced writer's start and end around a container's repr */
static bool traced_begin(PyRun *I, ReprTrace *rt, SimId v)
{
    if (!sim_obj(S, v)->len || !sim_tracing(S))
        return false;
    rt_begin(I, rt, v, repr_depth);
    rt->parent = I->repr_trace;
    rt_open(I, rt);
    return true;
}

static bool traced_end(PyRun *I, ReprTrace *rt, bool traced, bool ok, size_t closing)
{
    if (!traced)
        return ok;
    if (!ok) {
        rt_abort(I, rt);
        return false;
    }
    bool keep = rt->parent && rt->parent->on;
    rt_close(I, rt, closing, keep);
    if (keep)
        rt->parent->child_kept = true;
    return true;
}

/* dict_repr; under tracemalloc a plain dict's writer as repr_trace.c follows it */
static bool dict_repr(PyRun *I, SimId d, Buf *out)
{
    ReprTrace rt = {0};
    bool traced = sim_type_of(S, d) == S->types[SK_DICT] && traced_begin(I, &rt, d);
    buf_addc(out, '{');
    uint32_t pos = 0;
    SimId k, v;
    bool first = true, ok = true;
    while (ok && sim_dict_next(S, d, &pos, &k, &v)) {
        if (!first) {
            buf_adds(out, ", ");
            if (traced)
                rt_separator(I, &rt);
        }
        first = false;
        ok = traced_item(I, &rt, traced, k, out);
        if (ok) {
            buf_adds(out, ": ");
            if (traced)
                rt_separator(I, &rt);
            ok = traced_item(I, &rt, traced, v, out);
        }
    }
    if (ok)
        buf_addc(out, '}');
    return traced_end(I, &rt, traced, ok, 1);
}

/* list_repr and tuplerepr; under tracemalloc, their writer's and items'
 * allocations as repr_trace.c follows them */
static bool seq_repr(PyRun *I, SimId v, const char *open, const char *close, Buf *out)
{
    uint32_t n = sim_obj(S, v)->len;
    bool tuple1 = sim_kind(S, v) == SK_TUPLE && n == 1;
    ReprTrace rt = {0};
    bool traced = traced_begin(I, &rt, v);
    buf_adds(out, open);
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) {
        if (i) {
            buf_adds(out, ", ");
            if (traced)
                rt_separator(I, &rt);
        }
        ok = traced_item(I, &rt, traced, sim_items(S, v)[i], out);
    }
    if (ok) {
        if (tuple1)
            buf_addc(out, ',');
        buf_adds(out, close);
    }
    return traced_end(I, &rt, traced, ok, tuple1 ? 2 : 1);
}

static const char *qualname(PyRun *I, SimId func)
{
    size_t n;
    return sim_str_data(S, sim_items(S, func)[0], &n);
}

static bool call_dunder(PyRun *I, SimId v, const char *name, Buf *out, bool *done)
{
    *done = false;
    if (sim_kind(S, v) != SK_INSTANCE && !sim_is_subinst(S, v) && !metaclass_of_class(I, v))
        return true;
    SimId m = sim_type_lookup(S, sim_obj(S, v)->type, name);
    if (!m || (sim_kind(S, m) != SK_FUNC && !weakref_native_method(I, m) && !namedtuple_builtin(I, m)))
        return true;
    *done = true;
    SimId r = vm_call(I, m, &v, 1);
    if (!r)
        return false;
    if (sim_kind(S, r) != SK_STR) {
        py_raise(I, EXC_TypeError, "%s returned non-string (type %s)", name, op_typename(I, r));
        sim_decref(S, r);
        return false;
    }
    size_t n;
    const char *d = sim_str_data(S, r, &n);
    buf_add(out, d, n);
    sim_decref(S, r);
    return true;
}

static void exc_text(PyRun *I, SimId v, Buf *out, bool repr)
{
    if (!repr && exc_unicode_is_encode(I, v)) { /* UnicodeEncodeError_str */
        exc_unicode_text(I, v, out);
        return;
    }
    SimId args = exc_args(I, v);
    if (!repr && exc_is_group(I, v)) { /* BaseExceptionGroup_str */
        exc_group_text(I, v, out);
        return;
    }
    if (repr)
        buf_printf(out, "%s(", sim_type_name(S, v));
    bool key_error = I->exc_types[EXC_KeyError] && sim_is_subtype(S, sim_obj(S, v)->type, I->exc_types[EXC_KeyError]);
    if (!repr && args && sim_kind(S, args) == SK_TUPLE && sim_obj(S, args)->len != 1) {
        if (sim_obj(S, args)->len > 1) /* BaseException_str: str(self.args) */
            op_repr(I, args, out);
    } else if (args && sim_kind(S, args) == SK_TUPLE) {
        uint32_t n = sim_obj(S, args)->len;
        for (uint32_t i = 0; i < n; i++) {
            if (i && repr)
                buf_adds(out, ", ");
            if (repr || n > 1 || key_error) /* KeyError_str: repr of a lone key */
                op_repr(I, sim_items(S, args)[i], out);
            else
                op_str(I, sim_items(S, args)[i], out);
        }
    }
    if (repr)
        buf_addc(out, ')');
}

bool op_repr(PyRun *I, SimId v, Buf *out)
{
    vm_signals_check(I); /* PyObject_Repr */
    if (defaultdict_is(I, v))
        return defaultdict_repr(I, v, out);
    if (counter_is(I, v))
        return counter_repr(I, v, out);
    if (sys_version_is(I, v)) /* structseq_repr */
        return sys_version_repr(I, v, out);
    if (sim_is_subinst(S, v)) { /* a subclass's own __repr__, else the built-in's */
        bool done;
        if (!call_dunder(I, v, "__repr__", out, &done))
            return false;
        if (done)
            return true;
        if (enum_is_member(I, v)) /* an IntEnum's or StrEnum's member: Enum.__repr__ */
            return enum_repr(I, v, out);
    }
    return op_repr_base(I, v, out);
}

/* Py_ReprEnter's first call makes the thread-state dict and its "Py_Repr"
 * list; both live as long as the thread */
void repr_state_init(PyRun *I)
{
    if (I->ts->repr_once)
        return;
    I->ts->repr_once = true;
    I->ts->repr_state[0] = sim_dict(S);
    I->ts->repr_state[1] = sim_list(S, 0);
    sim_incref(S, I->ts->repr_state[1]);
    /* &_Py_ID(Py_Repr): a static string */
    sim_dict_set(S, I->ts->repr_state[0], sim_str_static(S, "Py_Repr", 7), I->ts->repr_state[1]);
}

/* Py_ReprEnter and Py_ReprLeave: the object on the thread's "Py_Repr" list
 * while its repr is made (PyList_Append; PyList_SetSlice, which frees the
 * items when the list empties) */
static void repr_enter(PyRun *I, SimId v)
{
    sim_incref(S, v);
    sim_list_append(S, I->ts->repr_state[1], v);
}

static void repr_leave(PyRun *I, SimId v)
{
    SimId list = I->ts->repr_state[1];
    uint32_t n = sim_obj(S, list)->len;
    for (uint32_t i = n; i-- > 0;)
        if (sim_items(S, list)[i] == v) {
            if (n == 1)
                sim_list_clear(S, list);
            else
                sim_list_del(S, list, i);
            return;
        }
}

bool op_repr_base(PyRun *I, SimId v, Buf *out)
{
    const SimObj *o = sim_obj(S, v);
    bool done;
    switch ((SimKind)o->kind) {
    case SK_NONE: buf_adds(out, "None"); return true;
    case SK_BOOL: buf_adds(out, o->v.i ? "True" : "False"); return true;
    case SK_INT:
        vm_decimal_sigcheck(I, v);
        o = sim_obj(S, v);
        if (o->sub == 1) {
            BigInt b;
            Buf dec = {0};
            big_from_sim(S, v, &b);
            big_to_dec(&b, &dec);
            big_free(&b);
            bool ok = int_dec_limit_ok(I, v, &dec);
            if (ok)
                buf_add(out, buf_str(&dec), dec.len);
            buf_fini(&dec);
            return ok;
        }
        if (o->sub == SIM_INT_UNSURE)
            return int_unsure_refused(I);
        buf_printf(out, "%lld", (long long)o->v.i);
        return true;
    case SK_FLOAT: float_repr(o->v.f, out); return true;
    case SK_COMPLEX: complex_repr(I, v, out); return true;
    case SK_NOTIMPL: buf_adds(out, "NotImplemented"); return true;
    case SK_ELLIPSIS: buf_adds(out, "Ellipsis"); return true;
    case SK_STR: case SK_BYTES: {
        size_t n;
        const char *d = sim_str_data(S, v, &n);
        str_repr(d, n, o->kind == SK_BYTES, repr_ucd(I), out);
        return true;
    }
    case SK_ARRAY: return array_repr(I, v, out);
    case SK_BYTEARRAY: {
        size_t n;
        const char *d = sim_str_data(S, v, &n);
        buf_adds(out, "bytearray(");
        str_repr(d, n, true, repr_ucd(I), out);
        buf_addc(out, ')');
        return true;
    }
    case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET: case SK_DEQUE: {
        bool list = o->kind == SK_LIST;
        if (o->kind == SK_DICT && odict_is(I, v) && !o->len) { /* odict_repr: "OrderedDict()" before Py_ReprEnter */
            buf_adds(out, sim_type_name(S, v));
            buf_adds(out, "()");
            return true;
        }
        /* Py_ReprEnter: list_repr and tuplerepr of a non-empty one, dict_repr,
         * set_repr and deque_repr of any */
        bool enters = o->len || o->kind == SK_DICT || o->kind == SK_DEQUE || o->kind == SK_SET;
        if (!I->ts->repr_once && enters) {
            repr_state_init(I);
            o = sim_obj(S, v);
        }
        if (I->ts->repr_stock_owed && enters) { /* what the state made early took (tracemalloc.c) */
            I->ts->repr_stock_owed = false;
            sim_adopt_from_freelists(S, I->ts->repr_state[0], I->ts->repr_state[1]);
        }
        if (in_progress(v)) {
            buf_adds(out, list || o->kind == SK_DEQUE ? "[...]" : odict_is(I, v) ? "..." : o->kind == SK_DICT ? "{...}" : "(...)");
            return true;
        }
        if (repr_depth >= 1000) {
            py_raise(I, EXC_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
            return false;
        }
        repr_stack[repr_depth++] = v;
        if (enters)
            repr_enter(I, v);
        ReprTrace *outer = I->repr_trace;
        bool plain_dict = o->kind == SK_DICT && sim_type_of(S, v) == S->types[SK_DICT];
        if (!list && o->kind != SK_TUPLE && !plain_dict) { /* set_repr, deque_repr ...: not followed */
            if (sim_tracing(S))
                tm_note_peak_unsure(I, "the repr of a set, a deque or a dict of a subclass");
            I->repr_trace = NULL;
        }
        bool ok;
        if (o->kind == SK_DEQUE) {
            ok = deque_repr(I, v, out);
        } else if (o->kind == SK_DICT && odict_is(I, v)) {
            ok = odict_repr(I, v, out);
        } else if (o->kind == SK_DICT) {
            ok = dict_repr(I, v, out);
        } else if (o->kind == SK_SET) {
            bool frozen = o->sub == SIM_SET_FROZEN, sub = sim_is_subinst(S, v);
            if (set_order_refused(I, v, "the repr of")) {
                ok = false;
            } else if (!o->len) { /* "%s()" with the type's name */
                buf_adds(out, sub ? sim_type_name(S, v) : frozen ? "frozenset" : "set");
                buf_adds(out, "()");
                ok = true;
            } else {
                /* set_repr: the keys copied into a list (PySequence_List), and
                 * that list's repr inside the braces */
                SimId keys = bi_list_from(I, v);
                ok = keys != 0;
                if (ok && sub) /* not PySet_CheckExact: "%s({%U})" */
                    buf_printf(out, "%s({", sim_type_name(S, v));
                else if (ok)
                    buf_adds(out, frozen ? "frozenset({" : "{");
                for (uint32_t i = 0; ok && i < sim_obj(S, keys)->len; i++) {
                    if (i)
                        buf_adds(out, ", ");
                    ok = op_repr(I, sim_items(S, keys)[i], out);
                }
                if (ok)
                    buf_adds(out, frozen || sub ? "})" : "}");
                sim_xdecref(S, keys);
            }
        } else {
            ok = seq_repr(I, v, list ? "[" : "(", list ? "]" : ")", out);
        }
        I->repr_trace = outer;
        if (enters)
            repr_leave(I, v);
        repr_depth--;
        return ok;
    }
    case SK_OBJECT: buf_printf(out, "<object object at %#llx>", (unsigned long long)sim_id_address(S, v)); return true;
    case SK_INSTANCE:
        if (!call_dunder(I, v, "__repr__", out, &done)) /* a class's own __repr__ first */
            return false;
        if (!done && exc_is_class(I, o->type))
            exc_text(I, v, out, true);
        else if (!done && enum_is_member(I, v))
            return enum_repr(I, v, out);
        else if (!done && typing_is_alias(I, v))
            return typing_repr(I, v, out);
        else if (!done && threading_tp_name(I, v)) /* _thread._local */
            buf_printf(out, "<%s object at %#llx>", threading_tp_name(I, v), (unsigned long long)sim_id_address(S, v));
        else if (!done)
            buf_printf(out, "<__main__.%s object at %#llx>", sim_type_name(S, v), (unsigned long long)sim_id_address(S, v));
        return true;
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR: member_repr(I, v, out); return true;
    case SK_TYPE:
        if (!call_dunder(I, v, "__repr__", out, &done)) /* a metaclass's __repr__ first */
            return false;
        if (done)
            return true;
        if (v == I->defaultdict_type) {
            buf_adds(out, "<class 'collections.defaultdict'>");
        } else if (o->sub == SK_INSTANCE) {
            size_t n; /* type_repr: __module__.__qualname__ */
            SimId qn = sim_type_word(S, v, SIM_TY_QUALNAME);
            const char *nm = sim_str_data(S, qn ? qn : sim_items(S, v)[SIM_TY_NAME], &n);
            SimId mod = sim_dict_get_str(S, SIM_V(S, v, SK_TYPE, type.dict), "__module__");
            size_t mn = 8;
            const char *m = mod && sim_kind(S, mod) == SK_STR ? sim_str_data(S, mod, &mn) : "__main__";
            if (enum_is_enum_class(I, v))
                enum_class_repr(I, v, out); /* EnumType.__repr__ */
            else if (exc_is_builtin_type(I, v))
                buf_printf(out, "<class '%.*s'>", (int)n, nm);
            else /* a module's class (abc.ABC) names its module */
                buf_printf(out, "<class '%.*s.%.*s'>", (int)mn, m, (int)n, nm);
        } else {
            buf_printf(out, "<class '%s'>", sim_type_obj_name(S, v));
        }
        return true;
    case SK_FUNC: buf_printf(out, "<function %s at %#llx>", qualname(I, v), (unsigned long long)sim_id_address(S, v)); return true;
    case SK_METHOD: {
        SimId self = o->v.method.self;
        buf_printf(out, "<bound method %s of ", qualname(I, o->v.method.func));
        if (!op_repr(I, self, out))
            return false;
        buf_addc(out, '>');
        return true;
    }
    case SK_BUILTIN: {
        const char *name = pyrun_builtin_name(o->v.builtin.index);
        const char *what = native_python_what(I, v); /* functools.wraps, contextlib.contextmanager ... */
        if (what)
            return py_not_modelled(I, 0, "the repr of %s%s (%s in CPython)",
                                   bi_def(o->v.builtin.index)->module == BM_COPY ? "copy." : "", name, what);
        const BuiltinDef *bd = bi_def(o->v.builtin.index);
        if (bd && ((bd >= subinst_methods && bd < subinst_methods + subinst_nmethods) || bi_slot_wrapper(bd))) {
            /* list.__init__, dict.__init__, object's and type's slots: slot wrappers
             * (method-wrappers once bound) */
            if (o->v.builtin.self)
                buf_printf(out, "<method-wrapper '%s' of %s object at %#llx>", name, op_typename(I, o->v.builtin.self),
                           (unsigned long long)sim_id_address(S, o->v.builtin.self));
            else
                buf_printf(out, "<slot wrapper '%s' of '%s' objects>", name, sim_kind_name((SimKind)bd->owner));
            return true;
        }
        if (bi_def(o->v.builtin.index) && bi_def(o->v.builtin.index)->owner == SK_INSTANCE) {
            /* BaseException's: slot wrappers (method-wrappers once bound) and method descriptors */
            if (!o->v.builtin.self)
                return py_not_modelled(I, 0, "the text of BaseException.%s read on a class", name);
            if (name[0] == '_') {
                buf_printf(out, "<method-wrapper '%s' of %s object at %#llx>", name, op_typename(I, o->v.builtin.self),
                           (unsigned long long)sim_id_address(S, o->v.builtin.self));
                return true;
            }
        }
        if (o->v.builtin.self)
            buf_printf(out, "<built-in method %s of %s object at %#llx>", name,
                       op_typename(I, o->v.builtin.self), (unsigned long long)sim_id_address(S, o->v.builtin.self));
        else if (bi_def(o->v.builtin.index) && bi_def(o->v.builtin.index)->owner) /* str.lower */
            buf_printf(out, "<method '%s' of '%s' objects>", name,
                       sim_kind_name((SimKind)bi_def(o->v.builtin.index)->owner));
        else
            buf_printf(out, "<built-in function %s>", name);
        return true;
    }
    case SK_WEAKREF:
        if (o->sub >= SIM_WR_PROXY)
            return weakref_proxy_repr(I, v, out);
        if (o->v.weakref.obj)
            buf_printf(out, "<weakref at %#llx; to '%s' at %#llx>", (unsigned long long)sim_id_address(S, v),
                       sim_type_name(S, o->v.weakref.obj), (unsigned long long)sim_id_address(S, o->v.weakref.obj));
        else
            buf_printf(out, "<weakref at %#llx; dead>", (unsigned long long)sim_id_address(S, v));
        return true;
    case SK_CELL:
        if (o->v.cell.ref)
            buf_printf(out, "<cell at %#llx: %s object at %#llx>", (unsigned long long)sim_id_address(S, v),
                       sim_type_name(S, o->v.cell.ref), (unsigned long long)sim_id_address(S, o->v.cell.ref));
        else
            buf_printf(out, "<cell at %#llx: empty>", (unsigned long long)sim_id_address(S, v));
        return true;
    case SK_GEN: {
        size_t n;
        const char *q = sim_str_data(S, I->codes[o->v.gen.code].qualname, &n);
        buf_printf(out, "<%s object %.*s at %#llx>", o->v.gen.flavor == SIM_GEN_CORO ? "coroutine" : "generator", (int)n,
                   q, (unsigned long long)sim_id_address(S, v));
        return true;
    }
    case SK_MODULE: {
        size_t n;
        const char *nm = sim_str_data(S, o->v.module.name, &n);
        buf_printf(out, "<module '%.*s' (built-in)>", (int)n, nm);
        return true;
    }
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, v);
        if (r[1] == 1)
            buf_printf(out, "range(%lld, %lld)", (long long)o->v.i, (long long)r[0]);
        else
            buf_printf(out, "range(%lld, %lld, %lld)", (long long)o->v.i, (long long)r[0], (long long)r[1]);
        return true;
    }
    case SK_DICTVIEW: {
        if (o->sub == SIM_VIEW_PROXY)
            return proxy_repr(I, v, out);
        buf_printf(out, "%s([", sim_type_name(S, v));
        uint32_t pos = 0;
        SimId k, val;
        bool first = true;
        while (sim_dict_next(S, o->v.view.dict, &pos, &k, &val)) {
            if (!first)
                buf_adds(out, ", ");
            first = false;
            if (o->sub == SIM_VIEW_KEYS)
                op_repr(I, k, out);
            else if (o->sub == SIM_VIEW_VALUES)
                op_repr(I, val, out);
            else {
                buf_addc(out, '(');
                op_repr(I, k, out);
                buf_adds(out, ", ");
                op_repr(I, val, out);
                buf_addc(out, ')');
            }
        }
        buf_adds(out, "])");
        return true;
    }
    case SK_CODE:
        code_repr(I, v, out);
        return true;
    case SK_FRAME: /* frame_repr shows its file, line and code, which the object does not keep */
        return py_not_modelled(I, 0, "the text of a frame object");
    case SK_CLASSMETHOD: case SK_STATICMETHOD: { /* cm_repr, sm_repr (3.10+): the type's name and the callable's repr */
        SimId f = sim_obj(S, v)->v.descr.func;
        if (sim_is_subinst(S, v) || !f) {
            buf_printf(out, "<%s object at %#llx>", sim_type_name(S, v), (unsigned long long)sim_id_address(S, v));
            return true;
        }
        buf_printf(out, "<%s(", sim_kind(S, v) == SK_CLASSMETHOD ? "classmethod" : "staticmethod");
        bool ok = op_repr(I, f, out);
        buf_adds(out, ")>");
        return ok;
    }
    default:
        if (sim_is_native(S, v)) /* functools.partial(...), operator.itemgetter(...) */
            return native_repr(I, v, out);
        if (sim_kind(S, v) == SK_ITER && sim_xtype_of(S, v) >= SIM_XT_CM_GEN_KEYS &&
            sim_xtype_of(S, v) <= SIM_XT_CM_GEN_VALUES) { /* a ChainMap view's __iter__ generator */
            static const char *const views[3] = {"KeysView", "ItemsView", "ValuesView"};
            buf_printf(out, "<generator object %s.__iter__ at %#llx>", views[sim_xtype_of(S, v) - SIM_XT_CM_GEN_KEYS],
                       (unsigned long long)sim_id_address(S, v));
            return true;
        }
        if (sim_kind(S, v) == SK_ITER && sim_xtype_of(S, v) == SIM_XT_ENUM_GEN) {
            enum_gen_repr(I, v, out);
            return true;
        }
        buf_printf(out, "<%s object at %#llx>", sim_type_name(S, v), (unsigned long long)sim_id_address(S, v));
        return true;
    }
}

bool op_str(PyRun *I, SimId v, Buf *out)
{
    vm_signals_check(I); /* PyObject_Str */
    SimKind k = sim_kind(S, v);
    if (k == SK_WEAKREF && weakref_is_proxy(I, v)) { /* proxy_str: str() of the referent */
        SimId o = weakref_proxy_target(I, v);
        return o && op_str(I, o, out);
    }
    if (proxy_is(I, v)) /* mappingproxy_str: str() of the mapping */
        return op_str(I, SIM_V(S, v, SK_DICTVIEW, view.dict), out);
    if (k == SK_STR && !sim_is_subinst(S, v)) {
        size_t n;
        const char *d = sim_str_data(S, v, &n);
        buf_add(out, d, n);
        return true;
    }
    if (k == SK_ITER && sim_is_native(S, v) && sim_xtype_of(S, v) >= SIM_XT_TM_SNAPSHOT &&
        sim_xtype_of(S, v) <= SIM_XT_TM_FRAME) /* Statistic.__str__, Traceback.__str__ ... */
        return tm_native_str(I, v, out);
    if (k == SK_INSTANCE || sim_is_subinst(S, v) || metaclass_of_class(I, v)) {
        bool done;
        if (!call_dunder(I, v, "__str__", out, &done)) /* a class's own __str__ first */
            return false;
        if (done)
            return true;
        if (k == SK_STR) { /* unicode_str: the characters */
            size_t n;
            const char *d = sim_str_data(S, v, &n);
            buf_add(out, d, n);
            return true;
        }
        if (enum_is_member(I, v))
            return enum_str(I, v, out);
        if (exc_is_class(I, sim_obj(S, v)->type)) {
            exc_text(I, v, out, false);
            return true;
        }
    }
    return op_repr(I, v, out);
}

/* PyObject_Format of an instance: __format__ bound to it (a method, or
 * object.__format__'s built-in method), which refuses a spec it does not
 * know, else str() */
static bool instance_format(PyRun *I, SimId v, const char *spec, Buf *out)
{
    SimId fn = sim_type_lookup(S, sim_obj(S, v)->type, "__format__");
    bool native = fn && weakref_native_method(I, fn); /* fractions.Fraction's (3.12+) */
    if (fn && sim_kind(S, fn) != SK_FUNC && !native)
        return py_not_modelled(I, 0, "a __format__ that is not a plain function");
    sim_incref(S, v);
    if (fn && !native)
        sim_incref(S, fn);
    SimId bound = native ? sim_builtin(S, SIM_V(S, fn, SK_BUILTIN, builtin.index), v)
                  : fn   ? sim_method(S, fn, v)
                         : sim_builtin(S, 0, v);
    bool ok;
    if (fn) {
        SimId sp = sim_str(S, spec, strlen(spec));
        SimId r = vm_call(I, bound, &sp, 1);
        sim_decref(S, sp);
        ok = r != 0;
        if (r && sim_kind(S, r) != SK_STR) {
            py_raise(I, EXC_TypeError, "__format__ must return a str, not %s", op_typename(I, r));
            ok = false;
        } else if (r) {
            size_t n;
            const char *d = sim_str_data(S, r, &n);
            buf_add(out, d, n);
        }
        sim_xdecref(S, r);
    } else if (*spec && sim_kind(S, v) == SK_COMPLEX) { /* complex.__format__ has its own mini-language */
        ok = py_not_modelled(I, 0, "a format spec of a complex number");
    } else if (*spec) {
        py_raise(I, EXC_TypeError, "unsupported format string passed to %s.__format__", op_typename(I, v));
        ok = false;
    } else {
        ok = op_str(I, v, out);
    }
    sim_decref(S, bound);
    return ok;
}

/* a subclass of a built-in whose class (or a class between it and the
 * built-in) defines __format__: PyObject_Format calls it as an instance's */
bool subinst_formats(PyRun *I, SimId v)
{
    if (!sim_is_subinst(S, v))
        return false;
    SimId fn = sim_type_lookup(S, sim_obj(S, v)->type, "__format__");
    return fn && sim_kind(S, fn) != SK_BUILTIN;
}

bool op_format(PyRun *I, SimId v, const char *spec, Buf *out)
{
    if (sim_kind(S, v) == SK_INSTANCE || subinst_formats(I, v))
        return instance_format(I, v, spec, out);
    return format_builtin(I, v, spec, out);
}
