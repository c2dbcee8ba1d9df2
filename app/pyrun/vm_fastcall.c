/*
 * vm_fastcall: list.append, dict.get and len called as a specializing
 * interpreter calls them (vm_fastcall.h).
 */
#include "pyrun/vm_fastcall.h"

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* list.append(x) on a list (bound, or the descriptor with the list first),
 * as CALL_NO_KW_LIST_APPEND specializes it: what builtins_call does for it
 * (the state it sets, meth_append's work and its result in *res), without
 * the generic checks such a call passes; false, having done nothing, for
 * any other built-in. */
static bool list_append_call(PyRun *I, uint32_t index, bool bound, SimId *args, SimId *res)
{
    const BuiltinDef *d = bi_def(index);
    if (!d || d->fn != meth_append || d->refused || (d->varargs & (1u << S->prof->version)))
        return false;
    if (I->order_watch && !I->order_watch(I, d)) {
        *res = 0;
        return true;
    }
    I->ts->ex_args = I->ts->call_ex;
    I->ts->call_ex = 0;
    I->bi_bound = bound;
    sim_incref(S, args[1]);
    sim_list_append(S, args[0], args[1]);
    SimId r = bi_none(I);
    if (r && I->ts->err.set) { /* as builtins_call ends */
        sim_decref(S, r);
        r = 0;
    }
    *res = r;
    return true;
}

/* dict.get(key[, default]) on an exact dict at a str or int key, as a
 * specializing interpreter calls it: builtins_call's state and d_get's
 * work, without the checks such a call passes (dict_get_fn is d_get). */
static bool dict_get_call(PyRun *I, uint32_t index, bool bound, SimId *args, int n, SimId *res)
{
    const SimObj *o = sim_obj(S, args[0]);
    SimKind kk = sim_kind(S, args[1]);
    if (o->type || (kk != SK_STR && kk != SK_INT))
        return false;
    const BuiltinDef *d = bi_def(index);
    if (!d || d->fn != dict_get_fn || d->owner != SK_DICT || d->refused || (d->varargs & (1u << S->prof->version)))
        return false;
    I->ts->ex_args = I->ts->call_ex;
    I->ts->call_ex = 0;
    I->bi_bound = bound;
    I->bi_called = d;
    SimId v = sim_dict_get(S, args[0], args[1]);
    if (!v)
        v = n == 3 ? args[2] : S->none;
    if (I->ts->err.set) { /* a program's __eq__ raised in the lookup (sim/userkey.h) */
        *res = 0;
        return true;
    }
    sim_incref(S, v);
    *res = v;
    return true;
}

/* len(x) of an exact str, bytes, list, tuple, dict or set, as
 * CALL_NO_KW_LEN specializes it: builtins_call's state and builtin_len_fn's
 * work (no __len__ to look for: not a subclass's instance). */
static bool len_call(PyRun *I, uint32_t index, SimId *args, SimId *res)
{
    const SimObj *o = sim_obj(S, args[0]);
    if (sim_is_subinst(S, args[0]) || I->order_watch)
        return false;
    uint32_t len;
    switch ((SimKind)o->kind) {
    case SK_STR: len = o->cap; break; /* code points */
    case SK_BYTES: case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET: len = o->len; break;
    default: return false;
    }
    const BuiltinDef *d = bi_def(index);
    if (!d || d->fn != builtin_len_fn || d->refused || (d->varargs & (1u << S->prof->version)))
        return false;
    I->ts->ex_args = I->ts->call_ex;
    I->ts->call_ex = 0;
    I->bi_bound = false;
    I->bi_called = d;
    I->own_slot = false;
    *res = sim_int_digits(S, len);
    return true;
}

bool vm_fast_builtin_call(PyRun *I, uint32_t index, bool bound, SimId *args, int n, SimId *res)
{
    if (n == 1)
        return !bound && len_call(I, index, args, res);
    SimKind k0 = sim_kind(S, args[0]);
    if (n == 2 && k0 == SK_LIST)
        return list_append_call(I, index, bound, args, res);
    if ((n == 2 || n == 3) && k0 == SK_DICT)
        return dict_get_call(I, index, bound, args, n, res);
    return false;
}
