/*
 * dunder_methods: the special methods CPython gives the built-in types as
 * plain method descriptors (a METH_* function in the type's dict, bound as
 * a builtin_function_or_method), not slot wrappers: `x.__sizeof__()`,
 * `d.__getitem__(k)`, `d.__contains__(k)`, `l.__reversed__()`,
 * `(5).__format__('>3')`, `(2.5).__round__()`; and object's own special
 * methods (`object.__repr__`, `__str__`, `__eq__` ...) as a type that does
 * not define them inherits them (`[].__str__`, `obj.__repr__` of a class
 * that has no __repr__).  Which type defines which name was read from
 * CPython 3.11.7, 3.12.1 and 3.13.0 (vars(T) and vars(object)).
 *
 * __sizeof__ is what sys.getsizeof adds its headers to: the GC header and
 * the managed pre-header (Python/sysmodule.c _PySys_GetSizeOf), so the
 * model answers its own size of the object less those.
 */
#include <math.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId m_sizeof(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!sys_size_known(I, a[0]))
        return 0;
    if (sim_kind(S, a[0]) == SK_INSTANCE && sim_is_native(S, a[0]))
        return py_not_modelled(I, 0, "'%s.__sizeof__'", op_typename(I, a[0])), (SimId)0;
    return sim_int_digits(S, (int64_t)(sim_sizeof(S, a[0]) - sim_header_size(S, a[0])));
}

/* the type's own lookup (dict_subscript, list___getitem__, dict___contains__
 * ...), past a subclass's override of the slot (items.c, ops.c) */
static SimId m_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    I->own_slot = true;
    return op_getitem(I, a[0], a[1]);
}

static SimId m_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    I->own_slot = true;
    int r = op_contains(I, a[0], a[1]);
    return r < 0 ? 0 : sim_bool(S, r == 1);
}

static SimId m_reversed(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    I->own_slot = true; /* the type's own, past a subclass's __reversed__ */
    return iter_reversed(I, a, 1, 0);
}

/* the spec a __format__ takes: a str ("argument must be str, not int") */
static const char *spec_of(PyRun *I, SimId spec, const char *fn)
{
    if (sim_kind(S, spec) != SK_STR) {
        py_raise(I, EXC_TypeError, "%s() argument must be str, not %s", fn, op_typename(I, spec));
        return NULL;
    }
    size_t len;
    const char *d = sim_str_data(S, spec, &len);
    if (strlen(d) != len)
        return py_not_modelled(I, 0, "a format spec with a NUL character"), (const char *)NULL;
    return d;
}

/* int.__format__, float.__format__, str.__format__: the type's own
 * formatter, called directly (no bound method as PyObject_Format makes) */
static SimId m_format(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    const char *spec = spec_of(I, a[1], "__format__");
    if (!spec)
        return 0;
    if (sim_tracing(S) && *spec) /* the formatter's scratch buffers */
        tm_note_peak_unsure(I, "a __format__ called by its name");
    Buf b = {0};
    SimId r = 0;
    if (format_builtin(I, a[0], spec, &b) && !(r = str_if_unchanged(I, a[0], &b))) /* past a subclass's own */
        r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

/* object.__format__: str(self), and no spec at all */
static SimId o_format(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    const char *spec = spec_of(I, a[1], "__format__");
    if (!spec)
        return 0;
    if (*spec) {
        py_raise(I, EXC_TypeError, "unsupported format string passed to %s.__format__", op_typename(I, a[0]));
        return 0;
    }
    return str_of(I, a, 1, 1);
}

/* int.__round__ and float.__round__: round(self[, ndigits]) */
static SimId m_round(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    I->own_slot = true; /* float.__round__(self): the built-in's own, past a subclass's */
    return builtin_round(I, a, n, 0);
}

/* __trunc__, __floor__, __ceil__: an int is itself (long_long: a
 * subclass's value as an exact int), a float rounds its way to an int */
static SimId m_integral(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = a[0];
    if (sim_kind(S, v) != SK_FLOAT) /* long_long: a subclass's value as an exact int */
        return int_exact(I, v);
    double f = sim_obj(S, v)->v.f;
    const char *name = I->bi_called->name;
    if (strcmp(name, "__floor__") == 0)
        f = floor(f);
    else if (strcmp(name, "__ceil__") == 0)
        f = ceil(f);
    return int_from_double(I, f);
}

/* object.__repr__: "<module.qualname object at 0x...>" whatever the type's own repr */
static SimId o_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__repr__"))
        return 0;
    SimId v = a[0];
    Buf b = {0};
    if (sim_kind(S, v) == SK_INSTANCE) {
        if (sim_is_native(S, v) || exc_is_instance(I, v))
            return py_not_modelled(I, 0, "object.__repr__ of a '%s'", op_typename(I, v)), (SimId)0;
        if (!op_repr_base(I, v, &b)) {
            buf_fini(&b);
            return 0;
        }
    } else {
        buf_printf(&b, "<%s object at %#llx>", op_typename(I, v), (unsigned long long)sim_id_address(S, v));
    }
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

/* object.__str__: the type's repr (a program's __repr__ included) */
static SimId o_str(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__str__"))
        return 0;
    Buf b = {0};
    SimId r = op_repr(I, a[0], &b) ? str_of_text(I, a[0], &b) : 0;
    buf_fini(&b);
    return r;
}

/* object.__eq__: the same object, else NotImplemented; object.__ne__ the
 * inverse of the type's __eq__; the orderings always NotImplemented */
static SimId o_compare(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 1, name))
        return 0;
    bool eq = strcmp(name, "__eq__") == 0, ne = strcmp(name, "__ne__") == 0;
    if (!eq && !ne)
        return py_not_implemented(I);
    SimKind k = sim_kind(S, a[0]);
    if (eq || k == SK_INSTANCE) {
        if (ne && k == SK_INSTANCE && dunder_defines(I, a[0], "__eq__"))
            return py_not_modelled(I, 0, "object.__ne__ of a class that defines __eq__"), (SimId)0;
        return a[0] == a[1] ? sim_bool(S, eq) : py_not_implemented(I);
    }
    if (sim_is_subinst(S, a[0]) || sim_kind(S, a[1]) == SK_INSTANCE || sim_is_subinst(S, a[1]))
        return py_not_modelled(I, 0, "object.__ne__ with an instance of a program's class"), (SimId)0;
    SimId r = slot_richcompare(I, OP_EQ, a[0], a[1]); /* the type's own ==, inverted */
    if (!r || r == S->notimpl)
        return r;
    int t = op_truth(I, r);
    sim_decref(S, r);
    return t < 0 ? 0 : sim_bool(S, !t);
}

/* object.__hash__: the address's hash, whatever the type's own (NoneType's
 * for None) */
static SimId o_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__hash__"))
        return 0;
    int64_t h;
    if (sim_kind(S, a[0]) == SK_NONE) /* 3.12+ give None a hash of its own */
        return builtin_hash_of(I, a[0], &h) ? sim_int_digits(S, h) : 0;
    return sim_int_digits(S, (int64_t)sim_pointer_hash(S, a[0]));
}

#define M(nm, kind, f, ...) BUILTIN(nm, kind, 0, f, .style = __VA_ARGS__)
#define SIZEOF(k) M("__sizeof__", k, m_sizeof, ARGS_NONE)
#define NUMBER(k)                                                                                                  \
    M("__round__", k, m_round, ARGS_RANGE, .min = 0, .max = 1), M("__trunc__", k, m_integral, ARGS_NONE),         \
        M("__floor__", k, m_integral, ARGS_NONE), M("__ceil__", k, m_integral, ARGS_NONE),                        \
        M("__format__", k, m_format, ARGS_ONE)

const BuiltinDef dunder_methods[] = {
    SIZEOF(SK_INT), NUMBER(SK_INT), NUMBER(SK_FLOAT),
    SIZEOF(SK_STR), M("__format__", SK_STR, m_format, ARGS_ONE),
    SIZEOF(SK_BYTEARRAY),
    SIZEOF(SK_LIST), M("__getitem__", SK_LIST, m_getitem, ARGS_ONE), M("__reversed__", SK_LIST, m_reversed, ARGS_NONE),
    SIZEOF(SK_DICT), M("__getitem__", SK_DICT, m_getitem, ARGS_ONE), M("__contains__", SK_DICT, m_contains, ARGS_ONE),
    M("__reversed__", SK_DICT, m_reversed, ARGS_NONE),
    SIZEOF(SK_SET), M("__contains__", SK_SET, m_contains, ARGS_ONE),
    SIZEOF(SK_DEQUE),
    SIZEOF(SK_TYPE),
    /* object's, which the types above (and a program's classes) inherit where they define none */
    SIZEOF(SK_OBJECT), M("__format__", SK_OBJECT, o_format, ARGS_ONE),
};
const int dunder_nmethods = (int)(sizeof dunder_methods / sizeof dunder_methods[0]);

/* object's slot wrappers (method-wrappers once bound) */
#define W(nm, f) BUILTIN(nm, SK_OBJECT, 0, f, .style = ARGS_OWN, .kw = "*")
const BuiltinDef object_slot_methods[] = {
    W("__repr__", o_repr), W("__str__", o_str), W("__eq__", o_compare), W("__ne__", o_compare),
    W("__lt__", o_compare), W("__le__", o_compare), W("__gt__", o_compare), W("__ge__", o_compare),
    W("__hash__", o_hash),
};
const int object_slot_nmethods = (int)(sizeof object_slot_methods / sizeof object_slot_methods[0]);

/* The special names of object's that a built-in type inherits (does not
 * define itself), per kind (SK_INSTANCE: an exception); NULL-terminated. */
static const char *const inherits_none[] = {NULL};
static const char *const inherits_str[] = {"__str__", NULL};
static const char *const inherits_str_sizeof[] = {"__str__", "__sizeof__", NULL};
static const char *const inherits_format[] = {"__format__", NULL};
static const char *const inherits_format_str[] = {"__format__", "__str__", NULL};
static const char *const inherits_format_sizeof[] = {"__format__", "__sizeof__", NULL};
static const char *const inherits_format_sizeof_str[] = {"__format__", "__sizeof__", "__str__", NULL};
static const char *const inherits_exception[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
                                                  "__format__", "__hash__", "__sizeof__", NULL};
static const char *const inherits_most[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__format__",
                                             "__hash__", "__sizeof__", "__str__", NULL};

bool dunder_inherits_object(int kind, const char *name)
{
    const char *const *names = inherits_none;
    switch (kind) {
    case SK_INT: case SK_BOOL: names = inherits_str; break;
    case SK_FLOAT: case SK_COMPLEX: names = inherits_str_sizeof; break;
    case SK_BYTES: names = inherits_format_sizeof; break;
    case SK_BYTEARRAY: names = inherits_format; break;
    case SK_LIST: case SK_DICT: case SK_SET: names = inherits_format_str; break;
    case SK_TUPLE: case SK_RANGE: names = inherits_format_sizeof_str; break;
    case SK_NONE: names = inherits_most; break;
    case SK_INSTANCE: names = inherits_exception; break; /* an exception: what BaseException does not define */
    default: break;
    }
    for (; *names; names++)
        if (strcmp(*names, name) == 0)
            return true;
    return false;
}
