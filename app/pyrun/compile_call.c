/*
 * compile_call: calls, star-expressions in displays, '**' in dict displays
 * and decorators, compiled as CPython 3.11's compiler does
 * (compiler_call_helper, starunpack_helper, compiler_dict): a call with
 * `*` or `**` arguments, or with more than 30 stack items, builds its
 * positional tuple and keyword dict and ends with CALL_FUNCTION_EX.
 */
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

#define STACK_USE_GUIDELINE 30 /* CPython's limit before it builds a list instead */

static bool is_kind(Cg *g, int n, NodeKind k) { return n >= 0 && NODE(g, n)->kind == k; }

/* The last `n` instructions are LOAD_CONSTs followed by BUILD_TUPLE n: one
 * LOAD_CONST of the tuple instead (the flowgraph's fold_tuple_on_constants). */
static void fold_const_tuple(Cg *g, int n)
{
    PyCode *c = CODE(g);
    if (n <= 0 || c->nops < (size_t)n + 1)
        return;
    size_t first = c->nops - 1 - (size_t)n;
    for (size_t i = first; i < c->nops - 1; i++)
        if (OPCODE(c->ops[i]) != OP_LOAD_CONST)
            return;
    Sim *s = g->I->sim;
    SimId t = sim_tuple(s, (size_t)n);
    for (int i = 0; i < n; i++) {
        SimId v = c->consts[OPARG(c->ops[first + (size_t)i])];
        sim_incref(s, v);
        sim_tuple_set(s, t, (size_t)i, v);
    }
    c->nops = first;
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, t));
}

static bool is_literal(Cg *g, int n)
{
    switch ((NodeKind)NODE(g, n)->kind) {
    case N_INT: case N_FLOAT: case N_STR: case N_BYTES: case N_NONE: case N_TRUE: case N_FALSE:
        return true;
    case N_TUPLE:
        for (int c = NODE(g, n)->a; c >= 0; c = NODE(g, c)->next)
            if (!is_literal(g, c))
                return false;
        return true;
    default:
        return false;
    }
}

/* an item of a display, or a positional argument of a call */
static bool is_item(Cg *g, int i) { return !is_kind(g, i, N_KWARG) && !is_kind(g, i, N_DSTAR); }

/* starunpack_helper: the items of a display (or a call's positional
 * arguments, its keywords skipped), `*x` among them, into one list, a tuple
 * or a set. */
static bool star_unpack(Cg *g, int first, Opcode build, Opcode add, Opcode extend, bool tuple)
{
    int n = 0;
    bool star = false, literal = true;
    for (int i = first; i >= 0; i = NODE(g, i)->next) {
        if (!is_item(g, i))
            continue;
        n++;
        star |= is_kind(g, i, N_STARRED);
        literal &= is_literal(g, i);
    }
    bool big = n > STACK_USE_GUIDELINE;
    if (!star && (!big || (tuple && literal && n > 2))) {
        for (int i = first; i >= 0; i = NODE(g, i)->next)
            if (is_item(g, i) && !cg_expr(g, i))
                return false;
        cg_emit(g, tuple ? OP_BUILD_TUPLE : build, n);
        if (tuple)
            fold_const_tuple(g, n);
        return true;
    }
    bool built = false;
    if (big) {
        cg_emit(g, build, 0);
        built = true;
    }
    int k = 0;
    for (int i = first; i >= 0; i = NODE(g, i)->next) {
        if (!is_item(g, i))
            continue;
        if (is_kind(g, i, N_STARRED)) {
            if (!built) {
                cg_emit(g, build, k);
                built = true;
            }
            if (!cg_expr(g, NODE(g, i)->a))
                return false;
            cg_emit(g, extend, 1);
        } else {
            if (!cg_expr(g, i))
                return false;
            if (built)
                cg_emit(g, add, 1);
        }
        k++;
    }
    if (tuple)
        cg_emit(g, OP_LIST_TO_TUPLE, 0);
    return true;
}

bool cg_star_display(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (nd->kind == N_SET)
        return star_unpack(g, nd->a, OP_BUILD_SET, OP_SET_ADD, OP_SET_EXTEND, false);
    return star_unpack(g, nd->a, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, nd->kind == N_TUPLE);
}

bool cg_has_star(Cg *g, int first)
{
    for (int i = first; i >= 0; i = NODE(g, i)->next)
        if (is_kind(g, i, N_STARRED) || is_kind(g, i, N_DSTAR))
            return true;
    return false;
}

/* compiler_subdict / compiler_subkwargs: `count` key/value pairs from
 * `first` into one dict, sized for them (more than 15 keywords: an empty
 * dict and one MAP_ADD each). */
static bool sub_dict(Cg *g, int first, int count, bool kwargs)
{
    int i = first;
    bool big = kwargs && count * 2 > STACK_USE_GUIDELINE;
    if (big)
        cg_emit(g, OP_BUILD_MAP, 0);
    for (int k = 0; k < count; k++) {
        while (kwargs && !is_kind(g, i, N_KWARG)) /* a positional argument between */
            i = NODE(g, i)->next;
        const Node *it = NODE(g, i);
        if (kwargs) {
            SimId key = sim_str_intern(g->I->sim, it->str, it->strlen);
            cg_emit(g, OP_LOAD_CONST, cg_add_const(g, key));
            if (!cg_expr(g, it->a))
                return false;
            if (big)
                cg_emit(g, OP_MAP_ADD, 1);
            i = it->next;
        } else {
            if (!cg_expr(g, i) || !cg_expr(g, it->next))
                return false;
            i = NODE(g, it->next)->next;
        }
    }
    if (!big)
        cg_emit(g, OP_BUILD_MAP, count);
    return true;
}

/* compiler_dict, and the keyword half of compiler_call_helper (kwargs):
 * runs of plain items become a dict each, merged (DICT_UPDATE, or
 * DICT_MERGE for a call) with the `**` mappings in order. */
/* Where DICT_MERGE / LIST_EXTEND of a call's arguments are: the call's own
 * location (its node, anchor and length for cg_emit_at), or, `plain`, the
 * current one; a class statement's (3.13) is the whole statement
 * (compiler_call_helper with LOC(s)). */
typedef struct At {
    int n, anchor, len;
    bool plain;
} At;

static const At HERE = {.plain = true};

static void emit_merge(Cg *g, Opcode op, int32_t arg, const At *at)
{
    if (at->plain)
        cg_emit(g, op, arg);
    else
        cg_emit_at(g, op, arg, at->n, at->anchor, at->len);
}

static bool dict_parts(Cg *g, int first, bool kwargs, const At *at)
{
    Opcode merge = kwargs ? OP_DICT_MERGE : OP_DICT_UPDATE;
    bool have = false;
    int run = -1, nrun = 0;
    for (int i = first; i >= 0;) {
        const Node *it = NODE(g, i);
        if (it->kind == N_DSTAR) {
            if (nrun) {
                if (!sub_dict(g, run, nrun, kwargs))
                    return false;
                if (have)
                    emit_merge(g, merge, 1, at);
                have = true;
                nrun = 0;
            }
            if (!have)
                cg_emit(g, OP_BUILD_MAP, 0);
            have = true;
            if (!cg_expr(g, it->a))
                return false;
            emit_merge(g, merge, 1, at);
            i = it->next;
            continue;
        }
        if (kwargs && it->kind != N_KWARG) { /* a positional argument: not ours */
            i = it->next;
            continue;
        }
        if (nrun == 0)
            run = i;
        i = kwargs ? it->next : NODE(g, it->next)->next;
        if (!kwargs && nrun * 2 > STACK_USE_GUIDELINE) { /* a long display: a dict per 17 items */
            if (!sub_dict(g, run, nrun + 1, false))
                return false;
            if (have)
                emit_merge(g, merge, 1, at);
            have = true;
            nrun = 0;
            continue;
        }
        nrun++;
    }
    if (nrun) {
        if (!sub_dict(g, run, nrun, kwargs))
            return false;
        if (have)
            emit_merge(g, merge, 1, at);
        have = true;
    }
    if (!have)
        cg_emit(g, OP_BUILD_MAP, 0);
    return true;
}

bool cg_dict_display(Cg *g, int n) { return dict_parts(g, NODE(g, n)->a, false, &HERE); }

bool cg_long_display(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    int len = ast_list_len(g->ast, nd->a);
    return nd->kind == N_DICT ? len > 2 * 16 : len > STACK_USE_GUIDELINE;
}

/* The positional arguments of a call as one tuple: starunpack_helper,
 * with a lone `*x` passed through as it is. */
static bool ex_positional(Cg *g, int first)
{
    int npos = 0, only = -1;
    for (int i = first; i >= 0; i = NODE(g, i)->next)
        if (is_item(g, i)) {
            npos++;
            only = i;
        }
    if (npos == 1 && is_kind(g, only, N_STARRED))
        return cg_expr(g, NODE(g, only)->a);
    return star_unpack(g, first, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
}

/* A class statement's arguments with `*` or keywords.  Keywords alone
 * (CALL with KW_NAMES): the bases as a tuple, then the keywords as a dict
 * (__build_class__'s own, which the model makes here).  With `*` or `**`
 * (CALL_FUNCTION_EX): a NULL where __build_class__ is, the call's argument
 * tuple, two places for the body function and the name (None here) before
 * the bases, then the keyword dict the call unpacks (None without one). */
bool cg_class_args(Cg *g, int first, bool ex, int at)
{
    At loc = {.n = at - 1, .plain = at <= 0};
    if (!ex)
        return star_unpack(g, first, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true) &&
               dict_parts(g, first, true, &HERE);
    SimId none = sim_none(g->I->sim);
    cg_emit(g, OP_PUSH_NULL, 0); /* where __build_class__ is (DICT_MERGE's messages name it) */
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, none));
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, none));
    int n = 0;
    bool star = false;
    for (int i = first; i >= 0; i = NODE(g, i)->next)
        if (is_item(g, i))
            n++, star |= is_kind(g, i, N_STARRED);
    bool built = false;
    int k = 0;
    for (int i = first; i >= 0; i = NODE(g, i)->next) {
        if (!is_item(g, i))
            continue;
        if (is_kind(g, i, N_STARRED)) {
            if (!built)
                cg_emit(g, OP_BUILD_LIST, k + 2);
            built = true;
            if (!cg_expr(g, NODE(g, i)->a))
                return false;
            emit_merge(g, OP_LIST_EXTEND, 1, &loc);
        } else {
            if (!cg_expr(g, i))
                return false;
            if (built)
                cg_emit(g, OP_LIST_APPEND, 1);
        }
        k++;
    }
    cg_emit(g, star ? OP_LIST_TO_TUPLE : OP_BUILD_TUPLE, star ? 0 : n + 2);
    for (int i = first; i >= 0; i = NODE(g, i)->next)
        if (!is_item(g, i))
            return dict_parts(g, first, true, &loc);
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, none)); /* no keywords: no dict */
    return true;
}

/* A call: CALL with KW_NAMES, or CALL_FUNCTION_EX for `*`, `**` and long
 * argument lists (compiler_call). */
bool cg_call(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    const Node *fn = NODE(g, nd->a);
    cg_check_caller(g, n, nd->a);
    int nargs = 0, nkw = 0;
    bool ex = cg_has_star(g, nd->b);
    for (int a = nd->b; a >= 0; a = NODE(g, a)->next) {
        if (is_kind(g, a, N_KWARG))
            nkw++;
        else
            nargs++;
    }
    if (ex || nargs + 2 * nkw > STACK_USE_GUIDELINE) {
        cg_emit(g, OP_PUSH_NULL, 0);
        if (!cg_expr(g, nd->a) || !ex_positional(g, nd->b))
            return false;
        bool kw = nkw > 0;
        for (int a = nd->b; a >= 0; a = NODE(g, a)->next)
            kw |= is_kind(g, a, N_DSTAR);
        bool paren = g->I->sim->prof->version >= SIM_V313; /* as for CALL, below */
        At loc = {.n = n, .anchor = paren ? nd->col : 0, .len = paren ? -1 : 0,
                  .plain = n == g->bare_call && paren && nd->end_line <= nd->line};
        if (kw && !dict_parts(g, nd->b, true, &loc))
            return false;
        emit_merge(g, OP_CALL_EX, kw, &loc);
        return true;
    }
    if (fn->kind == N_ATTR && nargs + nkw + (nkw != 0) < STACK_USE_GUIDELINE) { /* maybe_optimize_method_call */
        if (cg_super_form(g, fn->a)) { /* super().m(...): the method and self, as LOAD_METHOD leaves them */
            if (!cg_super_attr(g, nd->a, true))
                return false;
        } else {
            if (!cg_expr(g, fn->a))
                return false;
            cg_emit_at(g, OP_LOAD_METHOD, cg_add_name(g, fn->str), nd->a, 0, 0);
        }
    } else {
        cg_emit(g, OP_PUSH_NULL, 0);
        if (!cg_expr(g, nd->a))
            return false;
    }
    SimId kwn = nkw ? sim_tuple(g->I->sim, (size_t)nkw) : 0;
    int k = 0;
    for (int a = nd->b; a >= 0; a = NODE(g, a)->next) {
        const Node *an = NODE(g, a);
        if (an->kind == N_KWARG) {
            sim_tuple_set(g->I->sim, kwn, (size_t)k++, sim_str_intern(g->I->sim, an->str, an->strlen));
            if (!cg_expr(g, an->a)) {
                sim_decref(g->I->sim, kwn);
                return false;
            }
        } else if (!cg_expr(g, a)) {
            sim_xdecref(g->I->sim, kwn);
            return false;
        }
    }
    if (kwn)
        cg_emit(g, OP_KW_NAMES, cg_add_const(g, kwn));
    /* 3.13 anchors a call at its parenthesis; 3.11 and 3.12 mark it all */
    bool paren = g->I->sim->prof->version >= SIM_V313;
    if (n == g->bare_call && g->I->sim->prof->version >= SIM_V313 && nd->end_line <= nd->line)
        cg_emit(g, OP_CALL, nargs + nkw); /* over lines: shown whole, without carets (traceback_lines.c) */
    else
        cg_emit_at(g, OP_CALL, nargs + nkw, n, paren ? nd->col : 0, paren ? -1 : 0);
    return true;
}

/* ---- decorators ---------------------------------------------------------- */

void cg_line(Cg *g, int line)
{
    if (g->line == line)
        return;
    g->line = line;
    cg_emit(g, OP_LINE, line);
}

bool cg_decorators(Cg *g, int first)
{
    for (int d = first; d >= 0; d = NODE(g, d)->next) {
        cg_line(g, NODE(g, d)->line);
        if (!cg_expr(g, d))
            return false;
    }
    return true;
}

/* Each decorator, innermost (last written) first, called with what the one
 * below made: CALL 0 on [decorator, object], at the decorator's line. */
void cg_decorate(Cg *g, int first)
{
    if (first < 0)
        return;
    cg_decorate(g, NODE(g, first)->next); /* as deep as the decorators are many */
    cg_line(g, NODE(g, first)->line);
    cg_emit(g, OP_CALL, 0);
}

int cg_decorated_line(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if ((nd->kind == N_DEF || nd->kind == N_CLASS) && nd->c >= 0)
        return NODE(g, nd->c)->line;
    return nd->line;
}

/* ---- starred assignment -------------------------------------------------- */

bool cg_unpack_op(Cg *g, int first)
{
    int n = 0, star = -1;
    for (int c = first; c >= 0; c = NODE(g, c)->next, n++) {
        if (!is_kind(g, c, N_STARRED))
            continue;
        if (star >= 0)
            return cg_cfail(g, c, "SyntaxError", "multiple starred expressions in assignment");
        star = n;
    }
    if (star < 0) {
        cg_emit(g, OP_UNPACK_SEQUENCE, n);
        return true;
    }
    int after = n - star - 1;
    if (star >= 256 || after >= (1 << 23) - 1)
        return cg_cfail(g, first, "SyntaxError", "too many expressions in star-unpacking assignment");
    cg_emit(g, OP_UNPACK_EX, star | after << 8);
    return true;
}

/* ---- parameters ------------------------------------------------------------ */

bool cg_defaults(Cg *g, int params, int *npos, int *nkw)
{
    *npos = *nkw = 0;
    for (int p = params; p >= 0; p = NODE(g, p)->next) {
        const Node *pn = NODE(g, p);
        if (pn->a >= 0 && !(pn->flag & PF_KWONLY)) {
            if (!cg_expr(g, pn->a))
                return false;
            (*npos)++;
        }
    }
    if (*npos) {
        cg_emit(g, OP_BUILD_TUPLE, *npos);
        fold_const_tuple(g, *npos);
    }
    for (int p = params; p >= 0; p = NODE(g, p)->next) { /* compiler_visit_kwonlydefaults */
        const Node *pn = NODE(g, p);
        if (pn->a >= 0 && (pn->flag & PF_KWONLY)) {
            cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str_intern(g->I->sim, pn->str, strlen(pn->str))));
            if (!cg_expr(g, pn->a))
                return false;
            (*nkw)++;
        }
    }
    if (*nkw)
        cg_emit(g, OP_BUILD_MAP, *nkw);
    return true;
}

/* CPython's order: the positional parameters after '/', those before it,
 * *args, the keyword-only ones, **kwargs, then the return annotation */
bool cg_annotations(Cg *g, int params, int returns, bool *has)
{
    static const unsigned order[5] = {0, PF_POSONLY, PF_VARARGS, PF_KWONLY, PF_KWARGS};
    int n = 0;
    for (int pass = 0; pass < 5; pass++)
        for (int p = params; p >= 0; p = NODE(g, p)->next) {
            const Node *pn = NODE(g, p);
            if (pn->flag != order[pass] || pn->b < 0)
                continue;
            if (NODE(g, pn->b)->kind == N_STARRED) /* *args: *Ts (PEP 646) */
                return py_refuse(g->err, pn->line, pn->col, "a starred annotation ('*args: *Ts')", false);
            cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str_intern(g->I->sim, pn->str, pn->strlen)));
            if (!cg_expr(g, pn->b))
                return false;
            n += 2;
        }
    if (returns >= 0) {
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str_intern(g->I->sim, "return", 6)));
        if (!cg_expr(g, returns))
            return false;
        n += 2;
    }
    *has = n > 0;
    if (n) {
        cg_emit(g, OP_BUILD_TUPLE, n);
        fold_const_tuple(g, n);
    }
    return true;
}

void cg_param_slots(Cg *c, int params)
{
    PyCode *co = CODE(c);
    int nnamed = 0;
    for (int p = params; p >= 0; p = NODE(c, p)->next)
        nnamed += !(NODE(c, p)->flag & (PF_VARARGS | PF_KWARGS));
    int *defidx = xmalloc((size_t)(nnamed ? nnamed : 1) * sizeof *defidx);
    defidx[0] = -1; /* a comprehension's .0 */
    /* slots: positional, keyword-only, *args, **kwargs (CPython's order) */
    static const unsigned order[4] = {0, PF_KWONLY, PF_VARARGS, PF_KWARGS};
    int named = 0, k = 0;
    for (int pass = 0; pass < 4; pass++)
        for (int p = params; p >= 0; p = NODE(c, p)->next) {
            const Node *pn = NODE(c, p);
            if ((pn->flag & ~PF_POSONLY) != order[pass])
                continue;
            cg_add_slot(c, pn->str, (scope_flags(c->sc, pn->str) & SYM_CELL) ? SLOT_CELL : SLOT_LOCAL);
            co = CODE(c);
            if (pass == 2)
                co->vararg = co->nslots - 1;
            else if (pass == 3)
                co->kwarg = co->nslots - 1;
            else { /* positional defaults index the tuple; keyword-only ones are looked up by name */
                co->nargs += pass == 0;
                co->nkwonly += pass == 1;
                co->nposonly += (pn->flag & PF_POSONLY) != 0;
                defidx[named++] = pn->a < 0 ? -1 : pass == 0 ? k++ : DEFIDX_KWONLY;
            }
        }
    CODE(c)->defidx = defidx;
}
