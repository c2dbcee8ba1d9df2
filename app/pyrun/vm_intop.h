/*
 * vm_intop: BINARY_OP_ADD_INT and its kin, inline in the dispatch loop
 * (vm_loop.c) and first in op_binary (ops.c), so that the commonest
 * operation of all skips op_binary's generic checks.
 */
#ifndef PYDIVE_PYRUN_VM_INTOP_H
#define PYDIVE_PYRUN_VM_INTOP_H

#include "pyrun/ast.h"
#include "sim/sim.h"

/* Two exact ints the model holds in one word, neither unsure (int.c), the
 * result in one word too: what int_small_op gives for them (a new
 * reference); 0 when it does not apply. */
static inline SimId vm_small_int_op(Sim *s, int op, SimId a, SimId b)
{
    const SimObj *x = sim_obj(s, a), *y = sim_obj(s, b);
    if (x->kind != SK_INT || y->kind != SK_INT || x->sub || y->sub || x->type || y->type)
        return 0;
    int64_t u = x->v.i, v = y->v.i, r;
    const int64_t medium = (int64_t)1 << 30; /* beyond one digit CPython's result may carry spare digits (int.c) */
    if ((u >= medium || u <= -medium || v >= medium || v <= -medium) && (op == OP_ADD || op == OP_SUB || op == OP_MUL))
        return 0;
    switch (op) {
    case OP_ADD: return __builtin_add_overflow(u, v, &r) ? 0 : sim_int(s, r);
    case OP_SUB: return __builtin_sub_overflow(u, v, &r) ? 0 : sim_int(s, r);
    case OP_MUL: return __builtin_mul_overflow(u, v, &r) ? 0 : sim_int(s, r);
    case OP_MOD: return u >= 0 && v > 0 ? sim_int(s, u % v) : 0;
    case OP_FLOORDIV: return u >= 0 && v > 0 ? sim_int(s, u / v) : 0;
    default: return 0;
    }
}

#endif
