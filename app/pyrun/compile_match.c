/*
 * compile_match: the match statement (PEP 634), laid out instruction for
 * instruction as CPython's compiler lays it out (compiler_match and the
 * compiler_pattern_* family, the same in 3.11, 3.12 and 3.13), so that the
 * same temporaries live on the stack for the same time: the subject's copy
 * per case, the captured values kept below the items still to be matched
 * until the whole pattern succeeded (no name is bound by a case that
 * fails), the attribute tuple of a class pattern, the keys and values of a
 * mapping pattern, the dict of `**rest`.  The runtime halves (COPY, SWAP,
 * MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN, MATCH_KEYS, MATCH_CLASS) are
 * OP_MATCH's sub-operations, in vm_match.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

/* The jumps that fail with k values to pop (CPython's fail_pop[k] blocks). */
typedef struct FailSites {
    uint32_t *at;
    size_t n, cap;
} FailSites;

typedef struct Pc {
    const char **stores;  /* the names captured so far: their values wait on the stack */
    size_t nstores, capstores;
    FailSites *fail;
    int nfail;
    int on_top;           /* values above the captures that a failure pops too */
    bool allow_irrefutable;
    int *last;            /* the pattern entered last: where 3.11's compiler reports
                           * a name error (its location is the last one set) */
} Pc;

static bool pattern(Cg *g, int n, Pc *pc);

static void emit_pm(Cg *g, int sub, int n) { cg_emit(g, OP_MATCH, sub | n << 4); }

static void load_const(Cg *g, SimId v) { cg_emit(g, OP_LOAD_CONST, cg_add_const(g, v)); }

/* CPython's pattern_helper_rotate: SWAP count, count-1 ... 2 */
static void rotate(Cg *g, int count)
{
    while (count > 1)
        emit_pm(g, PM_SWAP, count--);
}

/* jump_to_fail_pop: op to the block that pops what a failure here leaves */
static void fail_jump(Cg *g, Pc *pc, Opcode op)
{
    int pops = pc->on_top + (int)pc->nstores;
    if (pops >= pc->nfail) {
        pc->fail = xrealloc(pc->fail, (size_t)(pops + 1) * sizeof *pc->fail);
        memset(pc->fail + pc->nfail, 0, (size_t)(pops + 1 - pc->nfail) * sizeof *pc->fail);
        pc->nfail = pops + 1;
    }
    FailSites *fs = &pc->fail[pops];
    fs->at = xgrow(fs->at, &fs->cap, fs->n + 1, sizeof *fs->at);
    fs->at[fs->n++] = cg_emit(g, op, 0);
}

/* emit_and_reset_fail_pop: a POP_TOP per value, the deepest entry first */
static void emit_fail_pops(Cg *g, Pc *pc)
{
    for (int k = pc->nfail - 1; k >= 0; k--) {
        for (size_t j = 0; j < pc->fail[k].n; j++)
            cg_patch(g, pc->fail[k].at[j], cg_here(g));
        free(pc->fail[k].at);
        if (k > 0)
            cg_emit(g, OP_POP_TOP, 0);
    }
    free(pc->fail);
    pc->fail = NULL;
    pc->nfail = 0;
}

static int store_index(const Pc *pc, const char *name)
{
    for (size_t i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0)
            return (int)i;
    return -1;
}

static bool syntax_error(Cg *g, int n, const char *fmt, const char *what)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, what);
    return cg_cfail(g, n, "SyntaxError", msg);
}

/* Where an error found while storing or comparing names points: 3.12+
 * name the pattern at hand, 3.11 the pattern compiled last. */
static int name_error_at(Cg *g, int n, const Pc *pc)
{
    return g->I->sim->prof->version < SIM_V312 ? *pc->last : n;
}

static bool add_store(Cg *g, int n, Pc *pc, const char *name)
{
    n = name_error_at(g, n, pc);
    if (store_index(pc, name) >= 0)
        return syntax_error(g, n, "multiple assignments to name '%s' in pattern", name);
    pc->stores = xgrow(pc->stores, &pc->capstores, pc->nstores + 1, sizeof *pc->stores);
    pc->stores[pc->nstores++] = name;
    return true;
}

/* pattern_helper_store_name: the value goes below what must stay on top */
static bool store_name(Cg *g, int n, Pc *pc, const char *name)
{
    if (!name) {
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    }
    if (store_index(pc, name) >= 0)
        return syntax_error(g, name_error_at(g, n, pc), "multiple assignments to name '%s' in pattern", name);
    rotate(g, pc->on_top + (int)pc->nstores + 1);
    return add_store(g, n, pc, name);
}

static bool is_wildcard(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    return nd->kind == N_PATTERN && nd->flag == PAT_AS && nd->a < 0 && !nd->str;
}

static bool subpattern(Cg *g, int n, Pc *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    bool ok = pattern(g, n, pc);
    pc->allow_irrefutable = allow;
    return ok;
}

/* GET_LEN, the constant, the comparison, and the failure jump */
static void check_len(Cg *g, Pc *pc, int len, int cmp)
{
    emit_pm(g, PM_GET_LEN, 0);
    load_const(g, sim_int(g->I->sim, len));
    cg_emit(g, OP_COMPARE_OP, cmp);
    fail_jump(g, pc, OP_POP_JUMP_IF_FALSE);
}

static bool pattern_as(Cg *g, int n, Pc *pc)
{
    const Node *nd = NODE(g, n);
    if (nd->a < 0) { /* irrefutable: a capture or `_` */
        if (!pc->allow_irrefutable) {
            if (nd->str)
                return syntax_error(g, n, "name capture '%s' makes remaining patterns unreachable", nd->str);
            return cg_cfail(g, n, "SyntaxError", "wildcard makes remaining patterns unreachable");
        }
        return store_name(g, n, pc, nd->str);
    }
    pc->on_top++; /* a copy, to be stored once the inner pattern matched */
    emit_pm(g, PM_COPY, 1);
    if (!pattern(g, nd->a, pc))
        return false;
    pc->on_top--;
    return store_name(g, n, pc, NODE(g, n)->str);
}

/* [a, b] with a starred wildcard: each item by subscription */
static bool sequence_subscr(Cg *g, int first, int size, int star, Pc *pc)
{
    pc->on_top++;
    int i = 0;
    for (int c = first; c >= 0; c = NODE(g, c)->next, i++) {
        if (is_wildcard(g, c) || i == star)
            continue;
        emit_pm(g, PM_COPY, 1);
        if (i < star) {
            load_const(g, sim_int(g->I->sim, i));
        } else { /* a non-negative index, as the subject may not take negative ones */
            emit_pm(g, PM_GET_LEN, 0);
            load_const(g, sim_int(g->I->sim, size - i));
            cg_emit(g, OP_BINARY_OP, OP_SUB);
        }
        cg_emit(g, OP_BINARY_SUBSCR, 0);
        if (!subpattern(g, c, pc))
            return false;
    }
    pc->on_top--;
    cg_emit(g, OP_POP_TOP, 0);
    return true;
}

static bool pattern_sequence(Cg *g, int n, Pc *pc)
{
    int first = NODE(g, n)->a, size = 0, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int c = first; c >= 0; c = NODE(g, c)->next, size++) {
        const Node *it = NODE(g, c);
        if (it->flag == PAT_STAR) {
            if (star >= 0)
                return cg_cfail(g, n, "SyntaxError", "multiple starred names in sequence pattern");
            star_wildcard = !it->str;
            only_wildcard &= star_wildcard;
            star = size;
            continue;
        }
        only_wildcard &= is_wildcard(g, c);
    }
    pc->on_top++; /* the subject stays on top for the checks */
    emit_pm(g, PM_SEQUENCE, 0);
    fail_jump(g, pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0)
        check_len(g, pc, size, OP_EQ);
    else if (size - 1)
        check_len(g, pc, size - 1, OP_GE);
    pc->on_top--;
    if (only_wildcard) {
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    }
    if (star_wildcard)
        return sequence_subscr(g, first, size, star, pc);
    if (star >= 0)
        cg_emit(g, OP_UNPACK_EX, star | (size - star - 1) << 8);
    else
        cg_emit(g, OP_UNPACK_SEQUENCE, size);
    pc->on_top += size;
    for (int c = first; c >= 0; c = NODE(g, c)->next) {
        pc->on_top--;
        if (!subpattern(g, c, pc))
            return false;
    }
    return true;
}

static bool pattern_value(Cg *g, int n, Pc *pc)
{
    int v = NODE(g, n)->a;
    NodeKind k = (NodeKind)NODE(g, v)->kind;
    bool literal = NODE(g, n)->flag == PAT_SINGLETON || g->I->fold[v] || k == N_INT || k == N_FLOAT || k == N_STR || k == N_BYTES;
    if (!literal && k != N_ATTR)
        return cg_cfail(g, n, "SyntaxError", "patterns may only match literals and attribute lookups");
    if (!cg_expr(g, v))
        return false;
    cg_emit(g, OP_COMPARE_OP, NODE(g, n)->flag == PAT_SINGLETON ? OP_IS : OP_EQ);
    fail_jump(g, pc, OP_POP_JUMP_IF_FALSE);
    return true;
}

/* COPY 1, None, IS_OP 1, and the failure jump: the top is None on no match */
static void fail_if_none(Cg *g, Pc *pc)
{
    emit_pm(g, PM_COPY, 1);
    load_const(g, sim_none(g->I->sim));
    cg_emit(g, OP_COMPARE_OP, OP_ISNOT);
    fail_jump(g, pc, OP_POP_JUMP_IF_FALSE);
}

static bool pattern_class(Cg *g, int n, Pc *pc)
{
    const Node *nd = NODE(g, n);
    int nargs = ast_list_len(g->ast, nd->b), nattrs = ast_list_len(g->ast, nd->c);
    for (int k = nd->c; k >= 0; k = NODE(g, k)->next)
        for (int j = NODE(g, k)->next; j >= 0; j = NODE(g, j)->next)
            if (strcmp(NODE(g, k)->str, NODE(g, j)->str) == 0)
                return syntax_error(g, NODE(g, j)->a, "attribute name repeated in class pattern: %s",
                                    NODE(g, j)->str);
    if (!cg_expr(g, nd->a))
        return false;
    Sim *S = g->I->sim;
    SimId names = sim_tuple(S, (size_t)nattrs);
    int i = 0;
    for (int k = NODE(g, n)->c; k >= 0; k = NODE(g, k)->next, i++) {
        const char *s = NODE(g, k)->str;
        sim_tuple_set(S, names, (size_t)i, sim_str_intern_name(S, s, strlen(s)));
    }
    load_const(g, names);
    PyPos whole = g->pos;
    const Node *cls = NODE(g, NODE(g, n)->a);
    if (g->I->sim->prof->version >= SIM_V313 && cls->end_line == cls->line) /* marked as a call */
        g->pos = cg_node_pos(g, n, cls->end_col, -1);
    emit_pm(g, PM_CLASS, nargs);
    g->pos = whole;
    pc->on_top++;
    fail_if_none(g, pc);
    cg_emit(g, OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int list = 0; list < 2; list++) {
        for (int c = list ? NODE(g, n)->c : NODE(g, n)->b; c >= 0; c = NODE(g, c)->next) {
            int sub = list ? NODE(g, c)->a : c;
            pc->on_top--;
            if (is_wildcard(g, sub)) {
                cg_emit(g, OP_POP_TOP, 0);
                continue;
            }
            if (!subpattern(g, sub, pc))
                return false;
        }
    }
    return true;
}

/* The keys' tuple: a constant when every key is one (the optimiser folds
 * BUILD_TUPLE of constants), else built at run time. */
static bool mapping_keys(Cg *g, int n, int first, int size)
{
    PyRun *I = g->I;
    bool all_const = true;
    for (int k = first; k >= 0; k = NODE(g, k)->next) {
        SimId c = I->fold[k] ? I->fold[k] : cg_literal(I, NODE(g, k));
        if (c && !I->fold[k]) {
            cg_arena_add(I, c);
            I->fold[k] = c;
        }
        if (!c) {
            if (NODE(g, k)->kind != N_ATTR)
                return cg_cfail(g, n, "SyntaxError", "mapping pattern keys may only match literals and attribute lookups");
            all_const = false;
            continue;
        }
        for (int j = first; j != k; j = NODE(g, j)->next) {
            if (I->fold[j] && sim_equal(I->sim, I->fold[j], c)) {
                Buf r = {0};
                op_repr(I, c, &r);
                bool ok = syntax_error(g, n, "mapping pattern checks duplicate key (%s)", r.data ? r.data : "");
                buf_fini(&r);
                return ok;
            }
        }
    }
    if (all_const) {
        SimId t = sim_tuple(I->sim, (size_t)size);
        int i = 0;
        for (int k = first; k >= 0; k = NODE(g, k)->next, i++) {
            sim_incref(I->sim, I->fold[k]);
            sim_tuple_set(I->sim, t, (size_t)i, I->fold[k]);
        }
        load_const(g, t);
        return true;
    }
    for (int k = first; k >= 0; k = NODE(g, k)->next)
        if (!cg_expr(g, k))
            return false;
    cg_emit(g, OP_BUILD_TUPLE, size);
    return true;
}

static bool pattern_mapping(Cg *g, int n, Pc *pc)
{
    int keys = NODE(g, n)->a, size = ast_list_len(g->ast, keys);
    const char *rest = NODE(g, n)->str;
    pc->on_top++;
    emit_pm(g, PM_MAPPING, 0);
    fail_jump(g, pc, OP_POP_JUMP_IF_FALSE);
    if (!size && !rest) { /* `{}`: any mapping */
        pc->on_top--;
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    }
    if (size)
        check_len(g, pc, size, OP_GE);
    if (!mapping_keys(g, n, keys, size))
        return false;
    emit_pm(g, PM_KEYS, 0);
    pc->on_top += 2; /* the keys and the values (or None) above the subject */
    fail_if_none(g, pc);
    cg_emit(g, OP_UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int v = NODE(g, n)->b; v >= 0; v = NODE(g, v)->next) {
        pc->on_top--;
        if (!subpattern(g, v, pc))
            return false;
    }
    pc->on_top -= 2;
    if (!rest) {
        cg_emit(g, OP_POP_TOP, 0); /* the keys */
        cg_emit(g, OP_POP_TOP, 0); /* the subject */
        return true;
    }
    cg_emit(g, OP_BUILD_MAP, 0);      /* [subject, keys, {}] */
    emit_pm(g, PM_SWAP, 3);           /* [{}, keys, subject] */
    cg_emit(g, OP_DICT_UPDATE, 2);    /* [copy, keys] */
    cg_emit(g, OP_UNPACK_SEQUENCE, size);
    for (int left = size; left > 0; left--) {
        emit_pm(g, PM_COPY, 1 + left); /* [copy, keys..., copy] */
        emit_pm(g, PM_SWAP, 2);        /* [copy, keys..., copy, key] */
        cg_emit(g, OP_DELETE_SUBSCR, 0);
    }
    return store_name(g, n, pc, rest);
}

/* An OR pattern's alternative captured control[icontrol] at istores: its
 * first istores + 1 stores move up to end there, and the stack the same
 * way, so that every alternative leaves the first one's order. */
static void reorder(Cg *g, Pc *pc, int icontrol, int istores)
{
    int rotations = istores + 1;
    const char **moved = xmalloc((size_t)rotations * sizeof *moved);
    memcpy(moved, pc->stores, (size_t)rotations * sizeof *moved);
    memmove(pc->stores, pc->stores + rotations, (pc->nstores - (size_t)rotations) * sizeof *pc->stores);
    int at = icontrol - istores;
    memmove(pc->stores + at + rotations, pc->stores + at,
            (pc->nstores - (size_t)rotations - (size_t)at) * sizeof *pc->stores);
    memcpy(pc->stores + at, moved, (size_t)rotations * sizeof *moved);
    free(moved);
    while (rotations--)
        rotate(g, icontrol + 1);
}

static bool pattern_or(Cg *g, int n, Pc *pc)
{
    Pc old = *pc;
    uint32_t ends[64];
    int nends = 0;
    const char **control = NULL;
    size_t ncontrol = 0;
    bool ok = true, have_control = false;
    for (int alt = NODE(g, n)->a; ok && alt >= 0; alt = NODE(g, alt)->next) {
        if (nends == (int)(sizeof ends / sizeof ends[0]))
            return py_refuse(g->err, NODE(g, n)->line, NODE(g, n)->col, "OR patterns of more than 64 alternatives", true);
        *pc = (Pc){.allow_irrefutable = NODE(g, alt)->next < 0 && old.allow_irrefutable, .last = old.last};
        emit_pm(g, PM_COPY, 1);
        ok = pattern(g, alt, pc);
        if (ok && !have_control) {
            control = pc->stores, ncontrol = pc->nstores;
            pc->stores = NULL;
            have_control = true;
        } else if (ok && pc->nstores != ncontrol) {
            ok = cg_cfail(g, name_error_at(g, n, pc), "SyntaxError", "alternative patterns bind different names");
        } else if (ok) {
            for (int ic = (int)ncontrol - 1; ok && ic >= 0; ic--) {
                int is = store_index(pc, control[ic]);
                if (is < 0)
                    ok = cg_cfail(g, name_error_at(g, n, pc), "SyntaxError", "alternative patterns bind different names");
                else if (is != ic)
                    reorder(g, pc, ic, is);
            }
        }
        if (ok) {
            ends[nends++] = cg_emit(g, OP_JUMP, 0);
            emit_fail_pops(g, pc);
        }
        free(pc->stores);
    }
    for (int k = 0; k < pc->nfail; k++)
        free(pc->fail[k].at);
    free(pc->fail);
    *pc = old;
    if (ok) { /* no alternative matched: pop the subject and fail */
        cg_emit(g, OP_POP_TOP, 0);
        fail_jump(g, pc, OP_JUMP);
        for (int i = 0; i < nends; i++)
            cg_patch(g, ends[i], cg_here(g));
        int nrots = (int)ncontrol + 1 + pc->on_top + (int)pc->nstores;
        for (size_t i = 0; ok && i < ncontrol; i++) {
            rotate(g, nrots);
            ok = add_store(g, n, pc, control[i]);
        }
        cg_emit(g, OP_POP_TOP, 0); /* the subject's copy */
    }
    free(control);
    return ok;
}

static bool pattern_kind(Cg *g, int n, Pc *pc)
{
    const Node *nd = NODE(g, n);
    switch (nd->flag) {
    case PAT_VALUE: case PAT_SINGLETON: return pattern_value(g, n, pc);
    case PAT_AS: return pattern_as(g, n, pc);
    case PAT_STAR: return store_name(g, n, pc, nd->str);
    case PAT_SEQ: return pattern_sequence(g, n, pc);
    case PAT_MAP: return pattern_mapping(g, n, pc);
    case PAT_CLASS: return pattern_class(g, n, pc);
    case PAT_OR: return pattern_or(g, n, pc);
    default: return cg_cfail(g, n, "SystemError", "unknown pattern");
    }
}

/* Its instructions carry its columns, as a traceback marks them. */
static bool pattern(Cg *g, int n, Pc *pc)
{
    PyPos save = g->pos;
    g->pos = cg_node_pos(g, n, 0, 0);
    *pc->last = n;
    bool ok = pattern_kind(g, n, pc);
    g->pos = save;
    return ok;
}

/* One case that is not a trailing `case _:`; copy: keep the subject for
 * the next case.  Its end jumps to *end_site. */
static bool one_case(Cg *g, int c, bool copy, bool last, uint32_t *end_site)
{
    const Node *cs = NODE(g, c);
    cg_line(g, NODE(g, cs->a)->line);
    if (copy)
        emit_pm(g, PM_COPY, 1);
    int last_pattern = cs->a;
    Pc pc = {.allow_irrefutable = cs->b >= 0 || last, .last = &last_pattern};
    bool ok = pattern(g, cs->a, &pc);
    for (size_t i = 0; ok && i < pc.nstores; i++) /* a match: bind what it captured */
        cg_name_op(g, pc.stores[i], ACC_STORE);
    free(pc.stores);
    pc.stores = NULL, pc.nstores = 0;
    if (ok && NODE(g, c)->b >= 0) { /* a guard fails to the next case with nothing to pop */
        ok = cg_expr(g, NODE(g, c)->b);
        pc.on_top = 0;
        if (ok)
            fail_jump(g, &pc, OP_POP_JUMP_IF_FALSE);
    }
    if (ok && copy)
        cg_emit(g, OP_POP_TOP, 0);
    ok = ok && cg_stmts(g, NODE(g, c)->c);
    if (ok) {
        *end_site = cg_emit(g, OP_JUMP, 0);
        g->line = NODE(g, NODE(g, c)->a)->line; /* the failure's pops are the pattern's */
    }
    emit_fail_pops(g, &pc);
    return ok;
}

bool cg_match(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (!cg_expr(g, nd->a))
        return false;
    int ncases = ast_list_len(g->ast, nd->b), i = 0, lastc = -1;
    for (int c = nd->b; c >= 0; c = NODE(g, c)->next)
        lastc = c;
    bool has_default = is_wildcard(g, NODE(g, lastc)->a) && ncases > 1;
    uint32_t *ends = xmalloc((size_t)ncases * sizeof *ends);
    int nends = 0;
    for (int c = nd->b; c >= 0 && i < ncases - has_default; c = NODE(g, c)->next, i++) {
        uint32_t site;
        if (!one_case(g, c, i != ncases - has_default - 1, i == ncases - 1, &site)) {
            free(ends);
            return false;
        }
        ends[nends++] = site;
    }
    bool ok = true;
    if (has_default) {
        const Node *m = NODE(g, lastc);
        cg_line(g, NODE(g, m->a)->line);
        cg_emit(g, ncases == 1 ? OP_POP_TOP : OP_NOP, 0);
        uint32_t jf = 0;
        if (m->b >= 0) {
            ok = cg_expr(g, m->b);
            jf = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
        }
        ok = ok && cg_stmts(g, NODE(g, lastc)->c);
        if (ok && NODE(g, lastc)->b >= 0)
            cg_patch(g, jf, cg_here(g));
    }
    for (int k = 0; k < nends; k++)
        cg_patch(g, ends[k], cg_here(g));
    free(ends);
    return ok;
}
