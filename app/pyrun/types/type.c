/*
 * type: calling a built-in type constructs an instance through its
 * type's constructor; object(), type(x) and bool() live here.
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId type_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (kw && kind != SK_DICT) {
        py_raise(I, "TypeError", "%s() takes no keyword arguments", sim_kind_name((SimKind)kind));
        return 0;
    }
    switch ((SimKind)kind) {
    case SK_INT: return int_construct(I, a, n, kw);
    case SK_FLOAT: return float_construct(I, a, n, kw);
    case SK_STR: return str_construct(I, a, n, kw);
    case SK_BOOL:
        if (!bi_nargs(I, "bool", np, 0, 1))
            return 0;
        return sim_bool(S, np && op_truth(I, a[0]) == 1);
    case SK_BYTES: case SK_BYTEARRAY: return bytes_construct(I, kind, a, n, kw);
    case SK_LIST: return list_construct(I, a, n, kw);
    case SK_TUPLE: return tuple_construct(I, a, n, kw);
    case SK_DICT: return dict_construct(I, a, n, kw);
    case SK_SET: return set_construct(I, a, n, kw);
    case SK_OBJECT:
        if (np) {
            py_raise(I, "TypeError", "object() takes no arguments");
            return 0;
        }
        return sim_object(S);
    case SK_TYPE: {
        if (np != 1) {
            py_raise(I, "TypeError", "type() takes 1 argument in pydive");
            return 0;
        }
        SimId t = sim_type_of(S, a[0]);
        sim_incref(S, t);
        return t;
    }
    case SK_RANGE: return range_construct(I, a, n, kw);
    default:
        py_raise(I, "TypeError", "cannot create '%s' instances", sim_kind_name((SimKind)kind));
        return 0;
    }
}
