/*
 * compile_const: the constants of a module's code objects, kept as
 * CPython's compiler keeps them.
 *
 * Every constant the source wrote, and every constant the optimiser folded
 * (compile_fold.c), is held once by the syntax tree until the module
 * finishes: CPython's AST arena, PyRun.ast_consts here.  Every constant a
 * code object uses passes through one cache for the whole module
 * (merge_consts_recursive in Python/compile.c), so equal constants, and the
 * equal items of constant tuples, are one object across all the module's
 * functions.  "Equal" is _PyCode_ConstantKey's: the same type and value,
 * 0.0 apart from -0.0, True apart from 1.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/types/bigint.h"

static bool key_equal(Sim *s, SimId a, SimId b)
{
    if (a == b)
        return true;
    const SimObj *x = sim_obj(s, a), *y = sim_obj(s, b);
    if (x->kind != y->kind || x->sub != y->sub)
        return false;
    switch ((SimKind)x->kind) {
    case SK_FLOAT: {
        double p = x->v.f, q = y->v.f;
        /* a NaN is only ever equal to itself (checked above) */
        return !isnan(p) && p == q && signbit(p) == signbit(q);
    }
    case SK_COMPLEX: { /* both parts, signed zeros apart */
        double p = x->v.c.re, q = y->v.c.re, u = x->v.c.im, w = y->v.c.im;
        return !isnan(p) && !isnan(u) && p == q && u == w && signbit(p) == signbit(q) && signbit(u) == signbit(w);
    }
    case SK_TUPLE:
        if (x->len != y->len)
            return false;
        for (uint32_t i = 0; i < x->len; i++)
            if (!key_equal(s, sim_items(s, a)[i], sim_items(s, b)[i]))
                return false;
        return true;
    case SK_SET: /* frozensets: the same items */
        if (x->len != y->len)
            return false;
        for (uint32_t i = 0; i < SIM_V(s, a, SK_SET, set.slots); i++) {
            SimId k = sim_items(s, a)[i];
            if (k && !sim_set_contains(s, b, k))
                return false;
        }
        return true;
    case SK_INT: case SK_BOOL: case SK_STR: case SK_BYTES:
        return sim_equal(s, a, b);
    default:
        return false;
    }
}

static SimId merge(PyRun *I, SimId v);

/* A new frozenset holding the merged items of f: CPython rebuilds every
 * non-empty frozenset it caches (through a tuple of the items), and the
 * code object gets the rebuilt one while the tree keeps the original. */
static SimId rebuilt_frozenset(PyRun *I, SimId f)
{
    Sim *s = I->sim;
    SimId t = sim_tuple(s, sim_obj(s, f)->len);
    size_t i = 0;
    for (uint32_t k = 0; k < SIM_V(s, f, SK_SET, set.slots); k++) {
        SimId item = sim_items(s, f)[k];
        if (!item)
            continue;
        SimId u = merge(I, item);
        sim_incref(s, u);
        sim_tuple_set(s, t, i++, u);
    }
    SimId r = cg_frozenset(I, t);
    sim_decref(s, t);
    return r;
}

/* The cached constant equal to v, or v itself once cached (borrowed in and
 * out: the cache holds no reference, the code objects and the tree do). */
static SimId merge(PyRun *I, SimId v)
{
    Sim *s = I->sim;
    SimKind k = sim_kind(s, v);
    if (k == SK_NONE)
        return v;
    for (size_t i = 0; i < I->nconst_cache; i++)
        if (key_equal(s, I->const_cache[i], v))
            return I->const_cache[i];
    if (k == SK_SET && sim_obj(s, v)->len) {
        v = rebuilt_frozenset(I, v); /* the cache's own reference */
        I->held_consts = xgrow(I->held_consts, &I->capheld_consts, I->nheld_consts + 1,
                               sizeof *I->held_consts);
        I->held_consts[I->nheld_consts++] = v;
    }
    I->const_cache = xgrow(I->const_cache, &I->capconst_cache, I->nconst_cache + 1,
                           sizeof *I->const_cache);
    I->const_cache[I->nconst_cache++] = v;
    if (k == SK_TUPLE)
        for (uint32_t i = 0; i < sim_obj(s, v)->len; i++) {
            SimId item = sim_items(s, v)[i];
            SimId u = merge(I, item);
            if (u != item) {
                sim_incref(s, u);
                sim_items(s, v)[i] = u;
                sim_decref(s, item);
            }
        }
    return v;
}

/* The index of the (merged) constant v in the code's constants, adding one
 * reference when it is new there. */
static bool identifier_like(const char *s, size_t n);

static int code_index(Cg *g, SimId v)
{
    Sim *s = g->I->sim;
    /* intern_string_constants: a code object's name-like strings are interned */
    bool intern = sim_kind(s, v) == SK_STR && !(sim_obj(s, v)->flags & SIM_F_SPECIAL);
    if (intern) {
        size_t n;
        const char *d = sim_str_data(s, v, &n);
        intern = identifier_like(d, n);
    }
    if (intern)
        v = sim_str_intern_obj(s, v);
    else
        sim_incref(s, v);
    PyCode *c = CODE(g);
    for (size_t i = 0; i < c->nconsts; i++)
        if (c->consts[i] == v) {
            sim_decref(s, v);
            return (int)i;
        }
    c->consts = xgrow(c->consts, &c->capconsts, c->nconsts + 1, sizeof *c->consts);
    c->consts[c->nconsts] = v;
    return (int)c->nconsts++;
}

int cg_add_const(Cg *g, SimId v)
{
    int i = code_index(g, merge(g->I, v));
    sim_decref(g->I->sim, v);
    return i;
}

void cg_arena_add(PyRun *I, SimId v)
{
    if (v == I->sim->ellipsis) { /* the parser's singleton: the arena holds no reference */
        sim_decref(I->sim, v);
        return;
    }
    I->ast_consts = xgrow(I->ast_consts, &I->capast_consts, I->nast_consts + 1, sizeof *I->ast_consts);
    I->ast_consts[I->nast_consts++] = v;
}

int cg_add_tree_const(Cg *g, SimId v) { return code_index(g, merge(g->I, v)); }

int cg_add_ast_const(Cg *g, SimId v)
{
    cg_arena_add(g->I, v);
    return cg_add_tree_const(g, v);
}

void cg_consts_done(PyRun *I)
{
    for (size_t i = 0; i < I->nheld_consts; i++)
        sim_decref(I->sim, I->held_consts[i]);
    free(I->held_consts);
    free(I->const_cache);
    I->held_consts = I->const_cache = NULL;
    I->nheld_consts = I->capheld_consts = I->nconst_cache = I->capconst_cache = 0;
}

/* PyFrozenSet_New(tuple): the tuple's items added one at a time */
SimId cg_frozenset(PyRun *I, SimId items)
{
    SimId f = sim_set(I->sim);
    sim_obj(I->sim, f)->sub = SIM_SET_FROZEN;
    for (uint32_t i = 0; i < sim_obj(I->sim, items)->len; i++) {
        SimId v = sim_items(I->sim, items)[i];
        sim_incref(I->sim, v);
        sim_set_add(I->sim, f, v);
    }
    return f;
}

static bool identifier_like(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_'))
            return false;
    }
    return true;
}

SimId cg_literal(PyRun *I, const Node *nd)
{
    Sim *s = I->sim;
    switch ((NodeKind)nd->kind) {
    case N_INT:
        if (nd->flag) {
            BigInt b;
            big_parse(nd->str, &b);
            return big_to_sim(s, &b);
        }
        return sim_int(s, nd->ival);
    case N_FLOAT: return nd->xf & XF_IMAG ? sim_complex(s, 0.0, nd->fval) : sim_float(s, nd->fval);
    case N_STR:
        if (identifier_like(nd->str, nd->strlen))
            return sim_str_intern(s, nd->str, nd->strlen);
        return sim_str(s, nd->str, nd->strlen);
    case N_BYTES: {
        SimId b = sim_bytes_shared(s, (const uint8_t *)nd->str, nd->strlen);
        if ((nd->xf & XF_ONETOKEN) && s->prof->version >= SIM_V312) {
            /* _PyPegen_concatenate_strings: b'' concatenated with the one
             * literal is the literal, which the arena then holds twice */
            sim_incref(s, b);
            cg_arena_add(I, b);
        }
        return b;
    }
    case N_NONE: return sim_none(s);
    case N_TRUE: return sim_bool(s, true);
    case N_FALSE: return sim_bool(s, false);
    case N_ELLIPSIS:
        sim_incref(s, s->ellipsis);
        return s->ellipsis;
    default: return 0;
    }
}
