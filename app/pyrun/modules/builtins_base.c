/*
 * builtins_base: an int's bits — hex(), oct() and bin() (PyNumber_ToBase: the int's
 * digits in base 16, 8 or 2 after its 0x / 0o / 0b prefix, a minus sign
 * first.  The bases are powers of two, so the digits come straight from
 * the int's 30-bit digits, big or small.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId to_base(PyRun *I, SimId v, unsigned bits, char letter)
{
    SimKind k = sim_kind(S, v);
    if (dunder_index_hooked(I, v) && (k == SK_INSTANCE || dunder_defines(I, v, "__index__"))) {
        /* PyNumber_ToBase: PyNumber_Index first */
        SimId r = dunder_index(I, v);
        if (r == S->notimpl)
            return py_not_modelled(I, 0, "%s() of an object without __index__", bits == 4 ? "hex" : bits == 3 ? "oct" : "bin"),
                   (SimId)0;
        SimId s = r ? to_base(I, r, bits, letter) : 0;
        sim_xdecref(S, r);
        return s;
    }
    if (k != SK_INT && k != SK_BOOL) {
        if (dunder_index_hooked(I, v)) /* a subclass's: its hooks were looked for */
            py_raise_sure(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        else
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return 0;
    }
    if (k == SK_INT && sim_obj(S, v)->sub == SIM_INT_UNSURE)
        return int_unsure_refused(I), (SimId)0;
    BigInt b;
    big_from_sim(S, v, &b);
    Buf t = {0};
    buf_adds(&t, b.sign < 0 ? "-0" : "0");
    buf_addc(&t, letter);
    big_to_pow2_base(&b, bits, false, &t);
    big_free(&b);
    SimId r = sim_str(S, buf_str(&t), t.len);
    buf_fini(&t);
    return r;
}

SimId builtin_hex(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return to_base(I, a[0], 4, 'x');
}

SimId builtin_oct(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return to_base(I, a[0], 3, 'o');
}

SimId builtin_bin(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return to_base(I, a[0], 1, 'b');
}

/* int.bit_length() and int.bit_count(): the magnitude's bits */
static SimId m_bit_length(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_obj(S, a[0])->sub == SIM_INT_UNSURE)
        return int_unsure_refused(I), (SimId)0;
    BigInt b;
    big_from_sim(S, a[0], &b);
    int64_t bits = b.n ? (int64_t)(b.n - 1) * 30 : 0;
    for (uint32_t top = b.n ? b.d[b.n - 1] : 0; top; top >>= 1)
        bits++;
    big_free(&b);
    return sim_int(S, bits);
}

static SimId m_bit_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_obj(S, a[0])->sub == SIM_INT_UNSURE)
        return int_unsure_refused(I), (SimId)0;
    BigInt b;
    big_from_sim(S, a[0], &b);
    int64_t ones = 0;
    for (int i = 0; i < b.n; i++)
        ones += __builtin_popcount(b.d[i]);
    big_free(&b);
    return sim_int(S, ones);
}

/* int.is_integer() (3.12+): always True, for duck typing with float */
static SimId m_is_integer(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_bool(S, true);
}

const BuiltinDef int_methods[] = {
    BUILTIN("bit_length", SK_INT, 0, m_bit_length, .style = ARGS_NONE),
    BUILTIN("bit_count", SK_INT, 0, m_bit_count, .style = ARGS_NONE),
    BUILTIN("is_integer", SK_INT, 0, m_is_integer, .style = ARGS_NONE, .hidden = VA_311),
};
const int int_nmethods = (int)(sizeof int_methods / sizeof int_methods[0]);
