/*
 * compile_fold: CPython's AST optimiser (Python/ast_opt.c, the same in 3.11,
 * 3.12 and 3.13) on pyrun's tree, between parsing and code generation.
 *
 * One walk over the whole module, in the optimiser's order, folds what it
 * folds: an operator on constants (`60 * 60 * 24`, `"user" + "_id"`,
 * `-1`, `not 0`), a tuple of constants, a constant subscripted by a
 * constant, `__debug__`, and the list or set after `in` / `not in` and
 * after `for ... in` (a tuple, or a frozenset of constants).  The limits
 * are CPython's (no int over 128 bits, no string over 4096 characters, no
 * collection over 256 items), and an operation that raises is simply not
 * folded.  Every value made here, and every literal an operator used, is
 * held by the tree until the module finishes (cg_arena_add), as the AST
 * arena holds them: that is why a folded tuple's inner tuples have one
 * reference more than the outer tuple gives them.
 *
 * The result is PyRun.fold: for each node, the constant it stands for
 * (borrowed from the tree), or 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"
#include "pyrun/types/bigint.h"

#define MAX_INT_SIZE 128        /* bits */
#define MAX_COLLECTION_SIZE 256 /* items */
#define MAX_STR_SIZE 4096       /* characters */
#define MAX_TOTAL_ITEMS 1024    /* including nested collections */
#define MAX_DEPTH 2000          /* as cg_expr */

typedef struct Fold {
    PyRun *I;
    Node *n;          /* the tree's nodes */
    PyError *err;
    int depth;
} Fold;

static bool expr(Fold *f, int n);
static bool store(Fold *f, int n);

static bool is_literal(NodeKind k)
{
    return k == N_INT || k == N_FLOAT || k == N_STR || k == N_BYTES || k == N_NONE || k == N_TRUE ||
           k == N_FALSE || k == N_ELLIPSIS;
}

/* The constant node n stands for, or 0.  A literal gets its value here the
 * first time a fold asks (CPython's parser made them all; the compiler makes
 * the others when it reaches them). */
static SimId const_of(Fold *f, int n)
{
    PyRun *I = f->I;
    if (I->fold[n])
        return I->fold[n];
    if (!is_literal((NodeKind)f->n[n].kind))
        return 0;
    SimId v = cg_literal(I, &f->n[n]);
    cg_arena_add(I, v);
    I->fold[n] = v;
    return v;
}

/* The outcome of one fold: v (a new reference) becomes node n's constant;
 * 0 means the operation raised, which only leaves n as it was, or met
 * something the model does not have, which refuses the program. */
static bool settle(Fold *f, int n, SimId v)
{
    PyRun *I = f->I;
    if (v) {
        cg_arena_add(I, v);
        I->fold[n] = v;
        return true;
    }
    if (I->refused) {
        py_refuse(f->err, f->n[n].line, f->n[n].col, I->refusal, false);
        I->refused = false;
        py_err_clear(I);
        return false;
    }
    py_err_clear(I);
    return true;
}

/* ---- CPython's limits (safe_multiply, safe_power, safe_lshift, safe_mod) */

static bool is_int(Sim *s, SimId v) { return sim_kind(s, v) == SK_INT || sim_kind(s, v) == SK_BOOL; }

/* _PyLong_NumBits: the bits of |v| */
static size_t int_bits(Sim *s, SimId v)
{
    BigInt b;
    big_from_sim(s, v, &b);
    size_t bits = 0;
    if (b.n > 0) {
        uint32_t top = b.d[b.n - 1];
        bits = (size_t)(b.n - 1) * 30;
        while (top) {
            bits++;
            top >>= 1;
        }
    }
    big_free(&b);
    return bits;
}

static int int_sign(Sim *s, SimId v)
{
    BigInt b;
    big_from_sim(s, v, &b);
    int sign = b.sign;
    big_free(&b);
    return sign;
}

/* PyLong_AsLong: false when v does not fit */
static bool int_value(Sim *s, SimId v, int64_t *out)
{
    if (int_bits(s, v) > 62)
        return false;
    *out = sim_obj(s, v)->v.i;
    return true;
}

static size_t str_chars(Sim *s, SimId v)
{
    size_t n, chars = 0;
    const char *d = sim_str_data(s, v, &n);
    if (sim_kind(s, v) == SK_BYTES)
        return n;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)d[i] & 0xc0) != 0x80;
    return chars;
}

/* check_complexity: the items left of limit once obj's nested tuples and
 * frozensets are counted (negative: too many) */
static long complexity(Sim *s, SimId obj, long limit)
{
    SimKind k = sim_kind(s, obj);
    if (k != SK_TUPLE && k != SK_SET)
        return limit;
    limit -= (long)sim_obj(s, obj)->len;
    uint32_t slots = k == SK_TUPLE ? sim_obj(s, obj)->len : SIM_V(s, obj, SK_SET, set.slots);
    for (uint32_t i = 0; limit >= 0 && i < slots; i++) {
        SimId item = sim_items(s, obj)[i];
        if (item)
            limit = complexity(s, item, limit);
    }
    return limit;
}

static bool multiply_ok(Sim *s, SimId v, SimId w)
{
    SimKind kw = sim_kind(s, w);
    if (is_int(s, v) && is_int(s, w))
        return !int_sign(s, v) || !int_sign(s, w) || int_bits(s, v) + int_bits(s, w) <= MAX_INT_SIZE;
    if (is_int(s, v) && (kw == SK_TUPLE || kw == SK_SET)) {
        long size = (long)sim_obj(s, w)->len;
        int64_t n;
        if (!size)
            return true;
        if (!int_value(s, v, &n) || n < 0 || n > MAX_COLLECTION_SIZE / size)
            return false;
        return !n || complexity(s, w, MAX_TOTAL_ITEMS / n) >= 0;
    }
    if (is_int(s, v) && (kw == SK_STR || kw == SK_BYTES)) {
        size_t size = str_chars(s, w);
        int64_t n;
        return !size || (int_value(s, v, &n) && n >= 0 && (size_t)n <= MAX_STR_SIZE / size);
    }
    SimKind kv = sim_kind(s, v);
    if (is_int(s, w) && (kv == SK_TUPLE || kv == SK_SET || kv == SK_STR || kv == SK_BYTES))
        return multiply_ok(s, w, v);
    return true;
}

static bool operation_ok(Sim *s, int op, SimId v, SimId w)
{
    int64_t e;
    switch (op) {
    case OP_MUL: return multiply_ok(s, v, w);
    case OP_POW:
        if (!is_int(s, v) || !is_int(s, w) || !int_sign(s, v) || int_sign(s, w) <= 0)
            return true;
        return int_value(s, w, &e) && int_bits(s, v) <= (size_t)(MAX_INT_SIZE / e);
    case OP_LSHIFT:
        if (!is_int(s, v) || !is_int(s, w) || !int_sign(s, v) || !int_sign(s, w))
            return true;
        if (!int_value(s, w, &e) || e < 0 || e > MAX_INT_SIZE)
            return false;
        return int_bits(s, v) <= (size_t)(MAX_INT_SIZE - e);
    case OP_MOD: return sim_kind(s, v) != SK_STR && sim_kind(s, v) != SK_BYTES;
    case OP_MATMUL: return false; /* no constant has it */
    default: return true;
    }
}

/* ---- the folds ----------------------------------------------------------- */

static bool fold_binop(Fold *f, int n)
{
    Sim *s = f->I->sim;
    SimId v = const_of(f, f->n[n].a);
    if (!v)
        return true;
    SimId w = const_of(f, f->n[n].b);
    if (!w || !operation_ok(s, f->n[n].op, v, w))
        return true;
    return settle(f, n, op_binary(f->I, f->n[n].op, v, w, false));
}

static bool fold_unary(Fold *f, int n)
{
    SimId v = const_of(f, f->n[n].a);
    return !v || settle(f, n, op_unary(f->I, f->n[n].op, v));
}

/* make_const_tuple: a new tuple of the items' constants, or 0 */
static SimId const_tuple(Fold *f, int first)
{
    size_t len = 0;
    for (int c = first; c >= 0; c = f->n[c].next, len++)
        if (!const_of(f, c))
            return 0;
    Sim *s = f->I->sim;
    SimId t = sim_tuple(s, len);
    size_t i = 0;
    for (int c = first; c >= 0; c = f->n[c].next) {
        SimId v = f->I->fold[c];
        sim_incref(s, v);
        sim_tuple_set(s, t, i++, v);
    }
    return t;
}

/* fold_iter: a list becomes a tuple (a constant one when it can), a set
 * of constants a frozenset */
static bool fold_iter(Fold *f, int n)
{
    Node *nd = &f->n[n];
    if (nd->kind == N_LIST) {
        for (int c = nd->a; c >= 0; c = f->n[c].next)
            if (f->n[c].kind == N_STARRED)
                return true;
        nd->kind = N_TUPLE;
        SimId t = const_tuple(f, nd->a);
        return !t || settle(f, n, t);
    }
    if (nd->kind == N_SET) {
        SimId t = const_tuple(f, nd->a);
        if (!t)
            return true;
        SimId fs = cg_frozenset(f->I, t);
        sim_decref(f->I->sim, t);
        return settle(f, n, fs);
    }
    return true;
}

/* ---- the walk, in ast_opt.c's order --------------------------------------- */

static bool exprs(Fold *f, int first)
{
    for (int c = first; c >= 0; c = f->n[c].next)
        if (!expr(f, c))
            return false;
    return true;
}

static bool opt(Fold *f, int n) { return n < 0 || expr(f, n); }

static bool stmts(Fold *f, int first);

/* the parameters: keyword-only defaults, then the positional ones
 * (annotations are refused before this runs) */
static bool params(Fold *f, int first)
{
    for (int pass = 0; pass < 2; pass++)
        for (int p = first; p >= 0; p = f->n[p].next) {
            const Node *pn = &f->n[p];
            bool kwonly = (pn->flag & PF_KWONLY) != 0;
            if (pn->a >= 0 && kwonly == (pass == 0) && !expr(f, pn->a))
                return false;
        }
    return true;
}

/* call arguments and class bases: the positional ones, then the keywords */
static bool arguments(Fold *f, int first)
{
    for (int pass = 0; pass < 2; pass++)
        for (int c = first; c >= 0; c = f->n[c].next) {
            bool kw = f->n[c].kind == N_KWARG || f->n[c].kind == N_DSTAR;
            if (kw != (pass == 1))
                continue;
            if (!expr(f, f->n[c].kind == N_KWARG ? f->n[c].a : c))
                return false;
        }
    return true;
}

/* a dict display: every key, then every value (and each '**' mapping) */
static bool dict_items(Fold *f, int first)
{
    for (int pass = 0; pass < 2; pass++)
        for (int c = first; c >= 0; c = f->n[c].next) {
            if (f->n[c].kind == N_DSTAR) {
                if (pass == 1 && !expr(f, c))
                    return false;
                continue;
            }
            int value = f->n[c].next;
            if (!expr(f, pass == 0 ? c : value))
                return false;
            c = value;
        }
    return true;
}

static bool comprehension(Fold *f, int cf)
{
    for (; cf >= 0; cf = f->n[cf].next) {
        const Node *c = &f->n[cf];
        if (!store(f, c->a) || !expr(f, c->b) || !exprs(f, c->c) || !fold_iter(f, c->b))
            return false;
    }
    return true;
}

static bool expr_kind(Fold *f, int n)
{
    Node *nd = &f->n[n];
    switch ((NodeKind)nd->kind) {
    case N_BINOP: return expr(f, nd->a) && expr(f, nd->b) && fold_binop(f, n);
    case N_UNARY: return expr(f, nd->a) && fold_unary(f, n);
    case N_TUPLE: {
        if (!exprs(f, nd->a))
            return false;
        SimId t = const_tuple(f, nd->a);
        return !t || settle(f, n, t);
    }
    case N_SUBSCRIPT: {
        if (!expr(f, nd->a) || !expr(f, nd->b))
            return false;
        SimId v = const_of(f, nd->a), k = v ? const_of(f, nd->b) : 0;
        return !k || settle(f, n, op_getitem(f->I, v, k));
    }
    case N_COMPARE: {
        if (!expr(f, nd->a))
            return false;
        int last = -1;
        for (int c = nd->b; c >= 0; c = f->n[c].next) {
            if (!expr(f, f->n[c].a))
                return false;
            last = c;
        }
        if (last >= 0 && (f->n[last].op == OP_IN || f->n[last].op == OP_NOTIN))
            return fold_iter(f, f->n[last].a);
        return true;
    }
    case N_NAME:
        if (strcmp(nd->str, "__debug__") == 0)
            return settle(f, n, sim_bool(f->I->sim, true));
        return true;
    case N_CALL: return expr(f, nd->a) && arguments(f, nd->b);
    case N_DICT: return dict_items(f, nd->a);
    case N_LAMBDA: return params(f, nd->a) && expr(f, nd->b);
    case N_LISTCOMP: case N_SETCOMP: case N_GENEXP:
        return expr(f, nd->a) && comprehension(f, nd->b);
    case N_DICTCOMP: return expr(f, nd->a) && expr(f, nd->c) && comprehension(f, nd->b);
    case N_NAMEDEXPR: return expr(f, nd->b);
    case N_FVALUE: return expr(f, nd->a) && opt(f, nd->b);
    case N_SLICE: return opt(f, nd->a) && opt(f, nd->b) && opt(f, nd->c);
    case N_BOOLOP: case N_IFEXP:
        return expr(f, nd->a) && opt(f, nd->b) && opt(f, nd->c);
    case N_ATTR: case N_STARRED: case N_DSTAR: case N_KWARG: case N_YIELD: case N_YIELDFROM:
    case N_AWAIT:
        return opt(f, nd->a);
    case N_LIST: case N_SET: case N_FSTRING: return exprs(f, nd->a);
    default: return true; /* literals */
    }
}

static bool expr(Fold *f, int n)
{
    if (f->depth >= MAX_DEPTH) {
        snprintf(f->err->type, sizeof f->err->type, "RecursionError");
        snprintf(f->err->msg, sizeof f->err->msg, "maximum recursion depth exceeded during compilation");
        f->err->line = f->n[n].line, f->err->col = f->n[n].col;
        f->err->set = true;
        return false;
    }
    f->depth++;
    bool ok = expr_kind(f, n);
    f->depth--;
    return ok;
}

/* an assignment target: what it is made of is read (x[i + 1] = ...), but it
 * is not folded itself */
static bool store(Fold *f, int n)
{
    Node *nd = &f->n[n];
    switch ((NodeKind)nd->kind) {
    case N_TUPLE: case N_LIST:
        for (int c = nd->a; c >= 0; c = f->n[c].next)
            if (!store(f, c))
                return false;
        return true;
    case N_STARRED: return store(f, nd->a);
    case N_SUBSCRIPT: return expr(f, nd->a) && expr(f, nd->b);
    case N_ATTR: return expr(f, nd->a);
    default: return true;
    }
}

static bool stores(Fold *f, int first)
{
    for (int c = first; c >= 0; c = f->n[c].next)
        if (!store(f, c))
            return false;
    return true;
}

/* a match statement's patterns: their values, keys and classes */
static bool pattern(Fold *f, int n)
{
    const Node *nd = &f->n[n];
    bool ok = true;
    switch (nd->flag) {
    case PAT_VALUE: return expr(f, nd->a);
    case PAT_AS: return nd->a < 0 || pattern(f, nd->a);
    case PAT_MAP: ok = exprs(f, nd->a); break;
    case PAT_CLASS: ok = expr(f, nd->a); break;
    case PAT_SEQ: case PAT_OR: break;
    default: return true;
    }
    int lists[2] = {nd->flag == PAT_MAP || nd->flag == PAT_CLASS ? nd->b : nd->a,
                    nd->flag == PAT_CLASS ? nd->c : -1};
    for (int l = 0; ok && l < 2; l++)
        for (int c = lists[l]; ok && c >= 0; c = f->n[c].next)
            ok = pattern(f, f->n[c].kind == N_KWARG ? f->n[c].a : c);
    return ok;
}

static bool stmt(Fold *f, int n)
{
    const Node *nd = &f->n[n];
    switch ((NodeKind)nd->kind) {
    case N_EXPR: case N_RETURN: return opt(f, nd->a);
    case N_ASSIGN: return stores(f, nd->a) && expr(f, nd->b);
    case N_AUGASSIGN: return store(f, nd->a) && expr(f, nd->b);
    case N_ANNASSIGN: return store(f, nd->a) && expr(f, nd->b) && opt(f, nd->c);
    case N_DEL: return stores(f, nd->a);
    case N_IF: case N_WHILE: return expr(f, nd->a) && stmts(f, nd->b) && stmts(f, nd->c);
    case N_FOR:
        if (!store(f, nd->a) || !expr(f, nd->b) || !stmts(f, nd->c) || !stmts(f, nd->d))
            return false;
        return (nd->xf & XF_ASYNC) || fold_iter(f, nd->b);
    case N_DEF: return params(f, nd->a) && stmts(f, nd->b) && exprs(f, nd->c);
    case N_CLASS: return arguments(f, nd->a) && stmts(f, nd->b) && exprs(f, nd->c);
    case N_WITH:
        for (int it = nd->a; it >= 0; it = f->n[it].next)
            if (!expr(f, f->n[it].a) || (f->n[it].b >= 0 && !store(f, f->n[it].b)))
                return false;
        return stmts(f, nd->b);
    case N_RAISE: case N_ASSERT: return opt(f, nd->a) && opt(f, nd->b);
    case N_MATCH:
        if (!expr(f, nd->a))
            return false;
        for (int c = nd->b; c >= 0; c = f->n[c].next)
            if (!pattern(f, f->n[c].a) || !opt(f, f->n[c].b) || !stmts(f, f->n[c].c))
                return false;
        return true;
    case N_TRY:
        if (!stmts(f, nd->a))
            return false;
        for (int h = nd->b; h >= 0; h = f->n[h].next)
            if (!opt(f, f->n[h].a) || !stmts(f, f->n[h].b))
                return false;
        return stmts(f, nd->c) && stmts(f, nd->d);
    default: return true; /* pass, break, import, global ... */
    }
}

static bool stmts(Fold *f, int first)
{
    for (int c = first; c >= 0; c = f->n[c].next)
        if (!stmt(f, c))
            return false;
    return true;
}

bool cg_fold_module(PyRun *I, PyError *err)
{
    free(I->fold);
    I->fold = xcalloc(I->ast.len ? I->ast.len : 1, sizeof *I->fold);
    Fold f = {.I = I, .n = I->ast.n, .err = err};
    return stmts(&f, I->ast.n[I->ast.root].a);
}
