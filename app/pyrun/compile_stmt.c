/*
 * compile_stmt: statements (a def's and a class's code objects are made
 * in compile_func.c, comprehensions' bodies in compile_comp.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

static bool store_target(Cg *g, int t, int acc);

bool cg_store_target(Cg *g, int t, int acc) { return store_target(g, t, acc); }

static bool store_target(Cg *g, int t, int acc)
{
    const Node *nd = NODE(g, t);
    switch ((NodeKind)nd->kind) {
    case N_NAME: {
        PyPos save = g->pos; /* a del of an unbound name marks it */
        if (acc == ACC_DEL)
            g->pos = cg_node_pos(g, t, 0, 0);
        cg_name_op(g, nd->str, acc);
        g->pos = save;
        return true;
    }
    case N_ATTR:
        if (!cg_expr(g, nd->a))
            return false;
        cg_emit_at(g, acc == ACC_STORE ? OP_STORE_ATTR : OP_DELETE_ATTR, cg_add_name(g, nd->str), t, 0, 0);
        return true;
    case N_SUBSCRIPT:
        if (!cg_expr(g, nd->a) || !cg_expr(g, nd->b))
            return false;
        cg_emit_at(g, acc == ACC_STORE ? OP_STORE_SUBSCR : OP_DELETE_SUBSCR, 0, t, nd->col, -1);
        return true;
    case N_TUPLE: case N_LIST: {
        PyPos save = g->pos; /* a wrong count marks the targets */
        g->pos = cg_node_pos(g, t, 0, 0);
        bool ok = acc != ACC_STORE || cg_unpack_op(g, nd->a);
        g->pos = save;
        if (!ok)
            return false;
        for (int c = nd->a; c >= 0; c = NODE(g, c)->next)
            if (!cg_store_target(g, NODE(g, c)->kind == N_STARRED ? NODE(g, c)->a : c, acc))
                return false;
        return true;
    }
    default:
        return cg_cfail(g, t, "SyntaxError", "cannot assign to expression");
    }
}

/* x op= v: the target's load and store carry the target's position, the
 * operation the statement's (CPython's compiler_augassign) */
static bool augassign(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    const Node *t = NODE(g, nd->a);
    if (t->kind == N_NAME) {
        PyPos save = g->pos; /* an unbound name marks the target */
        g->pos = cg_node_pos(g, nd->a, 0, 0);
        cg_name_op(g, t->str, ACC_LOAD);
        g->pos = save;
        if (!cg_expr(g, nd->b))
            return false;
        cg_emit_at(g, OP_INPLACE_OP, nd->op, n, 0, 0);
        cg_name_op(g, t->str, ACC_STORE);
        return true;
    }
    if (t->kind == N_ATTR) {
        if (!cg_expr(g, t->a))
            return false;
        cg_emit(g, OP_DUP_TOP, 1);
        cg_emit_at(g, OP_LOAD_ATTR, cg_add_name(g, t->str), nd->a, 0, 0);
        if (!cg_expr(g, nd->b))
            return false;
        cg_emit_at(g, OP_INPLACE_OP, nd->op, n, 0, 0);
        cg_emit(g, OP_ROT_TWO, 0);
        cg_emit_at(g, OP_STORE_ATTR, cg_add_name(g, t->str), nd->a, 0, 0);
        return true;
    }
    if (!cg_expr(g, t->a) || !cg_expr(g, t->b))
        return false;
    cg_emit(g, OP_DUP_TOP, 2);
    cg_emit_at(g, OP_BINARY_SUBSCR, 0, nd->a, t->col, -1); /* '[' to the end, as the expression's */
    if (!cg_expr(g, nd->b))
        return false;
    cg_emit_at(g, OP_INPLACE_OP, nd->op, n, 0, 0);
    cg_emit(g, OP_ROT_THREE, 0);
    cg_emit_at(g, OP_STORE_SUBSCR, 0, nd->a, t->col, -1);
    return true;
}

static Loop *push_loop(Cg *g, uint32_t start, bool is_for)
{
    Loop *l = &g->loops[g->nloops++];
    memset(l, 0, sizeof *l);
    l->start = start;
    l->is_for = is_for;
    l->fbdepth = g->nfb;
    return l;
}

static void pop_loop(Cg *g, uint32_t exit)
{
    Loop *l = &g->loops[--g->nloops];
    for (size_t i = 0; i < l->nbreaks; i++)
        cg_patch(g, l->breaks[i], exit);
    free(l->breaks);
}

static bool loop_stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (g->nloops >= 31) /* the parser gave 3.11/3.12's error at 20; 3.13 has no limit */
        return py_refuse(g->err, nd->line, nd->col, "loops nested more than 30 deep", true);
    if (nd->kind == N_WHILE) {
        uint32_t top = cg_here(g);
        push_loop(g, top, false);
        if (!cg_expr(g, nd->a))
            return false;
        uint32_t jf = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
        uint32_t body = cg_here(g);
        if (!cg_stmts(g, nd->b))
            return false;
        /* the test again at the bottom (compiler_while): the backward jump,
         * and so the eval-breaker check, happens only when the loop goes on */
        g->line = nd->line;
        cg_emit(g, OP_LINE, nd->line);
        if (!cg_expr(g, nd->a))
            return false;
        uint32_t jf2 = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
        cg_emit(g, OP_JUMP, (int32_t)body);
        uint32_t out = cg_here(g);
        cg_patch(g, jf, out);
        cg_patch(g, jf2, out);
        Loop *l = &g->loops[g->nloops - 1];
        uint32_t *br = l->breaks;
        size_t nb = l->nbreaks;
        l->breaks = NULL;
        l->nbreaks = 0;
        pop_loop(g, out);
        if (!cg_stmts(g, nd->c))
            return false;
        for (size_t i = 0; i < nb; i++)
            cg_patch(g, br[i], cg_here(g));
        free(br);
        return true;
    }
    if (!cg_expr(g, nd->b))
        return false;
    /* 3.13 marks the iterable; a call's carets anchored at its '(' as CALL's */
    bool call = NODE(g, nd->b)->kind == N_CALL;
    int anchor = call ? NODE(g, nd->b)->col : 0, alen = call ? -1 : 0;
    if (g->I->sim->prof->version >= SIM_V313)
        cg_emit_at(g, OP_GET_ITER, 0, nd->b, anchor, alen);
    else
        cg_emit(g, OP_GET_ITER, 0);
    uint32_t top = cg_here(g);
    push_loop(g, top, true);
    uint32_t fi = g->I->sim->prof->version >= SIM_V313 ? cg_emit_at(g, OP_FOR_ITER, 0, nd->b, anchor, alen)
                                                        : cg_emit(g, OP_FOR_ITER, 0);
    if (!cg_store_target(g, nd->a, ACC_STORE) || !cg_stmts(g, nd->c))
        return false;
    g->line = nd->line;
    cg_emit(g, OP_LINE, nd->line);
    cg_emit(g, OP_JUMP, (int32_t)top);
    cg_patch(g, fi, cg_here(g));
    Loop *l = &g->loops[g->nloops - 1];
    uint32_t *br = l->breaks;
    size_t nb = l->nbreaks;
    l->breaks = NULL;
    l->nbreaks = 0;
    pop_loop(g, cg_here(g));
    if (!cg_stmts(g, nd->d))
        return false;
    for (size_t i = 0; i < nb; i++)
        cg_patch(g, br[i], cg_here(g));
    free(br);
    return true;
}

bool cg_push_block(Cg *g, int n, FBlockKind kind, int node, int try_depth)
{
    if (g->nfb >= CG_MAX_BLOCKS)
        return py_refuse(g->err, NODE(g, n)->line, NODE(g, n)->col, "blocks nested more than 64 deep", true);
    g->fb[g->nfb++] = (FBlock){(uint8_t)kind, node, try_depth, n};
    return true;
}

/* The end of an except handler left early: the exception is popped, then
 * its `as` name is cleared, in CPython's order. */
static void handler_exit(Cg *g, int handler)
{
    const Node *hn = NODE(g, handler);
    cg_emit(g, OP_POP_EXC, 0);
    if (hn->str) {
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
        cg_name_op(g, hn->str, ACC_STORE);
        cg_name_op(g, hn->str, ACC_DEL);
    }
}

/* Closes the blocks above `downto`, innermost first, for a return, break or
 * continue: a try's entry is popped, a finally body runs inline (compiled
 * with only the blocks outside it open), a handler's exception is dropped. */
static bool unwind_blocks(Cg *g, int downto, bool keep_tos)
{
    for (int i = g->nfb - 1; i >= downto; i--) {
        FBlock b = g->fb[i];
        switch ((FBlockKind)b.kind) {
        case FB_WITH:
            cg_with_unwind(g, &b, keep_tos);
            break;
        case FB_TRY:
            cg_emit(g, OP_POP_TRY, 0);
            break;
        case FB_HANDLER:
            handler_exit(g, b.node);
            break;
        case FB_FINALLY_EXC:
            cg_emit(g, OP_POP_EXC, 0); /* leaving a finally drops what it would re-raise */
            break;
        case FB_STAR_HANDLER: /* cg_star_exit_check refused it first */
            return false;
        case FB_FINALLY: {
            cg_emit(g, OP_POP_TRY, 0);
            int saved_n = g->nfb, saved_depth = g->try_depth;
            FBlock saved[CG_MAX_BLOCKS];
            memcpy(saved, g->fb, sizeof saved[0] * (size_t)saved_n);
            g->nfb = i;
            g->try_depth = b.try_depth;
            bool ok = cg_stmts(g, b.node);
            memcpy(g->fb, saved, sizeof saved[0] * (size_t)saved_n);
            g->nfb = saved_n;
            g->try_depth = saved_depth;
            if (!ok)
                return false;
            break;
        }
        }
    }
    return true;
}

static bool break_continue(Cg *g, int n)
{
    bool brk = NODE(g, n)->kind == N_BREAK;
    if (g->nloops == 0)
        return cg_cfail(g, n, "SyntaxError", brk ? "'break' outside loop" : "'continue' not properly in loop");
    Loop *l = &g->loops[g->nloops - 1];
    if (!cg_star_exit_check(g, n, l->fbdepth) || !unwind_blocks(g, l->fbdepth, false))
        return false;
    l = &g->loops[g->nloops - 1];
    if (!brk) {
        cg_emit(g, OP_JUMP, (int32_t)l->start);
        return true;
    }
    if (l->is_for)
        cg_emit(g, OP_POP_TOP, 0); /* the iterator */
    l->breaks = xgrow(l->breaks, &l->capbreaks, l->nbreaks + 1, sizeof *l->breaks);
    l->breaks[l->nbreaks++] = cg_emit(g, OP_JUMP, 0);
    return true;
}

static bool if_stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (!cg_expr(g, nd->a))
        return false;
    uint32_t jf = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
    if (!cg_stmts(g, nd->b))
        return false;
    if (nd->c < 0) {
        cg_patch(g, jf, cg_here(g));
        return true;
    }
    uint32_t je = cg_emit(g, OP_JUMP, 0);
    cg_patch(g, jf, cg_here(g));
    if (NODE(g, nd->c)->kind == N_IF && NODE(g, nd->c)->next < 0 &&
        NODE(g, nd->c)->line != nd->line) { /* elif: its own line */
        g->line = NODE(g, nd->c)->line;
        cg_emit(g, OP_LINE, g->line);
        if (!if_stmt(g, nd->c))
            return false;
    } else if (!cg_stmts(g, nd->c)) {
        return false;
    }
    cg_patch(g, je, cg_here(g));
    return true;
}

static bool try_stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    uint32_t setup_fin = 0;
    int fbase = g->nfb;
    if (nd->d >= 0) {
        if (!cg_push_block(g, n, FB_FINALLY, nd->d, g->try_depth))
            return false;
        setup_fin = cg_emit(g, OP_SETUP_TRY, 0);
        g->try_depth++;
    }
    if (nd->b >= 0) {
        uint32_t setup = cg_emit(g, OP_SETUP_TRY, 0);
        g->try_depth++;
        if (!cg_push_block(g, n, FB_TRY, -1, 0) || !cg_stmts(g, nd->a))
            return false;
        g->nfb--;
        g->try_depth--;
        cg_emit(g, OP_POP_TRY, 0);
        if (!cg_stmts(g, nd->c))
            return false;
        uint32_t *ends = NULL; /* each handler's jump past the others: as many as handlers */
        size_t nends = 0, capends = 0;
        ends = xgrow(ends, &capends, nends + 1, sizeof *ends);
        ends[nends++] = cg_emit(g, OP_JUMP, 0);
        cg_patch(g, setup, cg_here(g));
        for (int h = (nd->xf & XF_STAR) ? -1 : nd->b; h >= 0; h = NODE(g, h)->next) {
            const Node *hn = NODE(g, h);
            g->line = hn->line;
            uint32_t skip = 0;
            if (hn->a >= 0) {
                if (!cg_expr(g, hn->a)) {
                    free(ends);
                    return false;
                }
                cg_emit(g, OP_MATCH_EXC, 0);
                skip = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
            }
            if (hn->str) {
                cg_emit(g, OP_MATCH_EXC, 1); /* pushes the exception */
                cg_name_op(g, hn->str, ACC_STORE);
            }
            if (!cg_push_block(g, h, FB_HANDLER, h, 0) || !cg_stmts(g, hn->b)) {
                free(ends);
                return false;
            }
            g->nfb--;
            if (hn->str) { /* `as e` ends with e = None; del e */
                cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
                cg_name_op(g, hn->str, ACC_STORE);
                cg_name_op(g, hn->str, ACC_DEL);
            }
            cg_emit(g, OP_POP_EXC, 0);
            ends = xgrow(ends, &capends, nends + 1, sizeof *ends);
            ends[nends++] = cg_emit(g, OP_JUMP, 0);
            if (hn->a >= 0)
                cg_patch(g, skip, cg_here(g));
        }
        if (!(nd->xf & XF_STAR)) {
            cg_emit(g, OP_RERAISE, 0);
        } else {
            ends = xgrow(ends, &capends, nends + 1, sizeof *ends);
            if (!cg_try_star(g, n, &ends[nends++])) {
                free(ends);
                return false;
            }
        }
        for (size_t k = 0; k < nends; k++)
            cg_patch(g, ends[k], cg_here(g));
        free(ends);
    } else if (!cg_stmts(g, nd->a)) {
        return false;
    }
    if (nd->d >= 0) {
        g->nfb = fbase;
        g->try_depth--;
        cg_emit(g, OP_POP_TRY, 0);
        if (!cg_stmts(g, nd->d))
            return false;
        uint32_t j = cg_emit(g, OP_JUMP, 0);
        cg_patch(g, setup_fin, cg_here(g));
        if (!cg_push_block(g, n, FB_FINALLY_EXC, -1, 0) || !cg_stmts(g, nd->d))
            return false;
        g->nfb--;
        cg_emit(g, OP_RERAISE, 0);
        cg_patch(g, j, cg_here(g));
    }
    return true;
}

/* The items of a tuple or list display (-1 when one is starred), or -1 */
static int plain_items(Cg *g, int n, NodeKind k1, NodeKind k2)
{
    const Node *nd = NODE(g, n);
    if (nd->kind != k1 && nd->kind != k2)
        return -1;
    int count = 0;
    for (int c = nd->a; c >= 0; c = NODE(g, c)->next, count++)
        if (NODE(g, c)->kind == N_STARRED)
            return -1;
    return count;
}

/* `a, b = x, y`: the optimizer turns BUILD_TUPLE n + UNPACK_SEQUENCE n
 * (n up to 3) into a swap of the values, so no tuple is made (flowgraph's
 * optimize_basic_block). 1 done, 0 failed, -1 not such an assignment. */
static int swap_assign(Cg *g, int target, int value)
{
    if (target < 0 || NODE(g, target)->next >= 0 || value < 0 || g->I->fold[value])
        return -1;
    int n = plain_items(g, value, N_TUPLE, N_TUPLE);
    if (n < 1 || n > 3 || plain_items(g, target, N_TUPLE, N_LIST) != n)
        return -1;
    for (int c = NODE(g, value)->a; c >= 0; c = NODE(g, c)->next)
        if (!cg_expr(g, c))
            return 0;
    if (n == 3) /* SWAP 3: [x, y, z] -> [z, y, x] */
        cg_emit(g, OP_ROT_THREE, 0);
    if (n >= 2)
        cg_emit(g, OP_ROT_TWO, 0);
    for (int c = NODE(g, target)->a; c >= 0; c = NODE(g, c)->next)
        if (!store_target(g, c, ACC_STORE))
            return 0;
    return 1;
}

static bool import_stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    /* dotted, relative and star imports were refused (compile_refuse.c) */
    if (nd->flag == 1) {
        cg_emit(g, OP_IMPORT_NAME, cg_add_name(g, nd->str) | IMPORT_FROMLIST);
        for (int c = nd->a; c >= 0; c = NODE(g, c)->next) {
            const Node *it = NODE(g, c);
            cg_emit(g, OP_IMPORT_FROM, cg_add_name(g, it->str));
            cg_name_op(g, it->b >= 0 ? NODE(g, it->b)->str : it->str, ACC_STORE);
        }
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    }
    for (int c = nd->a; c >= 0; c = NODE(g, c)->next) {
        const Node *it = NODE(g, c);
        const char *dot = strchr(it->str, '.');
        if (dot && it->b < 0) { /* import a.b: the name a is bound to the package */
            cg_emit(g, OP_IMPORT_NAME, cg_add_name(g, it->str));
            size_t len = (size_t)(dot - it->str);
            char top[64];
            snprintf(top, sizeof top, "%.*s", (int)(len < sizeof top ? len : sizeof top - 1), it->str);
            cg_name_op(g, top, ACC_STORE);
            continue;
        }
        /* import a.b as c: c is the submodule (IMPORT_FROM's result in CPython) */
        cg_emit(g, OP_IMPORT_NAME, cg_add_name(g, it->str) | (dot ? IMPORT_FROMLIST : 0));
        cg_name_op(g, it->b >= 0 ? NODE(g, it->b)->str : it->str, ACC_STORE);
    }
    return true;
}

static bool stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    g->line = cg_decorated_line(g, n);
    cg_emit(g, OP_LINE, g->line);
    switch ((NodeKind)nd->kind) {
    case N_EXPR:
        if (!cg_expr(g, nd->a))
            return false;
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    case N_ASSIGN: {
        int swapped = swap_assign(g, nd->a, nd->b);
        if (swapped >= 0)
            return swapped == 1;
        /* 3.13's traceback shows no carets under the call of `x = f(...)` */
        bool bare = nd->a >= 0 && NODE(g, nd->a)->next < 0 && NODE(g, nd->a)->kind == N_NAME &&
                    nd->b >= 0 && NODE(g, nd->b)->kind == N_CALL;
        int save = g->bare_call;
        g->bare_call = bare ? nd->b : -1;
        bool ok = cg_expr(g, nd->b);
        g->bare_call = save;
        if (!ok)
            return false;
        for (int t = nd->a; t >= 0; t = NODE(g, t)->next) {
            if (NODE(g, t)->next >= 0)
                cg_emit(g, OP_DUP_TOP, 1);
            if (!cg_store_target(g, t, ACC_STORE))
                return false;
        }
        return true;
    }
    case N_AUGASSIGN: return augassign(g, n);
    case N_ANNASSIGN: return cg_annassign(g, n);
    case N_DEL:
        for (int t = nd->a; t >= 0; t = NODE(g, t)->next)
            if (!cg_store_target(g, t, ACC_DEL))
                return false;
        return true;
    case N_PASS: case N_GLOBAL: case N_NONLOCAL: return true;
    case N_BREAK: case N_CONTINUE: return break_continue(g, n);
    case N_RETURN:
        if (g->sc->kind != SC_FUNC)
            return cg_cfail(g, n, "SyntaxError", "'return' outside function");
        if (nd->a >= 0) { /* nor 3.13's under `return f(...)`, f a name */
            int save = g->bare_call;
            const Node *v = NODE(g, nd->a);
            g->bare_call = v->kind == N_CALL && NODE(g, v->a)->kind == N_NAME ? nd->a : -1;
            bool ok = cg_expr(g, nd->a);
            g->bare_call = save;
            if (!ok)
                return false;
        } else {
            cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
        }
        if (!cg_star_exit_check(g, n, 0) || !unwind_blocks(g, 0, true)) /* the value stays */
            return false;
        cg_emit(g, OP_RETURN_VALUE, 0);
        return true;
    case N_WITH: return cg_with(g, n);
    case N_MATCH: return cg_match(g, n);
    case N_IF: return if_stmt(g, n);
    case N_WHILE: case N_FOR: return loop_stmt(g, n);
    case N_DEF:
        if (!cg_decorators(g, nd->c))
            return false;
        cg_line(g, nd->line);
        if (!cg_make_function(g, n, ast_code_name(nd), nd->a, nd->b, CODE_FUNC))
            return false;
        cg_decorate(g, nd->c);
        cg_line(g, nd->line);
        cg_name_op(g, nd->str, ACC_STORE);
        return true;
    case N_CLASS: return cg_class_stmt(g, n);
    case N_IMPORT: return import_stmt(g, n);
    case N_ASSERT: {
        if (!cg_expr(g, nd->a))
            return false;
        uint32_t ok = cg_emit(g, OP_POP_JUMP_IF_TRUE, 0);
        if (nd->b >= 0 && !cg_expr(g, nd->b))
            return false;
        if (g->I->sim->prof->version == SIM_V312) /* 3.11 and 3.13 mark the test (measured) */
            cg_emit(g, OP_ASSERT_FAIL, nd->b >= 0);
        else
            cg_emit_at(g, OP_ASSERT_FAIL, nd->b >= 0, nd->a, 0, 0);
        cg_patch(g, ok, cg_here(g));
        return true;
    }
    case N_RAISE:
        if (nd->a >= 0 && !cg_expr(g, nd->a))
            return false;
        if (nd->a >= 0 && nd->b >= 0 && !cg_expr(g, nd->b)) /* raise ... from cause */
            return false;
        cg_emit(g, OP_RAISE, nd->a < 0 ? 0 : nd->b >= 0 ? 2 : 1);
        return true;
    case N_TRY: return try_stmt(g, n);
    default:
        return cg_cfail(g, n, "SyntaxError", "invalid syntax");
    }
}

bool cg_stmts(Cg *g, int first)
{
    for (int n = first; n >= 0; n = NODE(g, n)->next)
        if (!stmt(g, n))
            return false;
    return true;
}

bool compile_module(PyRun *I, PyError *err)
{
    if (!refuse_unmodelled(&I->ast, err))
        return false;
    bool folded = cg_fold_module(I, err);
    Scope *top = folded ? symtable_build(&I->ast, err) : NULL;
    if (!top) {
        cg_consts_done(I);
        free(I->fold);
        I->fold = NULL;
        return false;
    }
    Cg g = {.I = I, .ast = &I->ast, .err = err, .sc = top, .line = 1, .bare_call = -1};
    g.ci = cg_new_code(I, CODE_MODULE, "<module>", "<module>", 1);
    /* no SETUP_ANNOTATIONS work: __main__ has its __annotations__ from the start */
    bool ok = cg_stmts(&g, I->ast.n[I->ast.root].a);
    if (ok) {
        cg_emit(&g, OP_LOAD_CONST, cg_add_const(&g, sim_none(I->sim)));
        cg_emit(&g, OP_RETURN_VALUE, 0);
        int depth = cg_module_depth(&g, I->ast.n[I->ast.root].a); /* its frame object's size */
        PyCode *co = &I->codes[g.ci];
        co->framesize_known = depth >= 0;
        co->framesize = co->nslots + (depth >= 0 ? depth : 4);
    }
    symtable_free(top);
    cg_consts_done(I);
    free(I->fold);
    I->fold = NULL;
    return ok;
}
