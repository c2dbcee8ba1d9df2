/*
 * compile_with: the with statement, as CPython 3.11-3.13 compile it.
 *
 *     with EXPR as TARGET:        EXPR; BEFORE_WITH (the bound __exit__
 *         BODY                    stays below __enter__()'s result);
 *                                 SETUP_TRY handler; TARGET (or POP_TOP);
 *                                 BODY; POP_TRY; WITH_EXIT 0 (__exit__ with
 *                                 three Nones); JUMP end
 *     handler:                    WITH_EXCEPT (__exit__ with the exception);
 *                                 POP_JUMP_IF_TRUE suppress; RERAISE
 *     suppress:                   POP_EXC; POP_TOP (__exit__); end:
 *
 * Several items nest, the first outermost.  A return, break or continue
 * leaving the body calls __exit__ on its way (cg_with_unwind).
 *
 * `async with` is the same with __aenter__ and __aexit__ (BEFORE_WITH 1),
 * each one's result awaited (GET_AWAITABLE, YIELD_FROM): WITH_EXIT's
 * argument has WITH_EXIT_ASYNC to push __aexit__'s result for that.
 */
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

/* Where __enter__ and __exit__ are called: 3.13 at the item's expression
 * (a call anchored at its parenthesis), 3.11 and 3.12 at the whole
 * statement, which spans lines (no carets). */
static PyPos item_pos(Cg *g, int item)
{
    if (g->I->sim->prof->version < SIM_V313)
        return (PyPos){0};
    int e = NODE(g, item)->a;
    const Node *x = NODE(g, e);
    return x->kind == N_CALL ? cg_node_pos(g, e, x->col, -1) : cg_node_pos(g, e, 0, 0);
}

static void emit_await(Cg *g)
{
    cg_emit(g, OP_GET_ITER, GET_ITER_AWAITABLE);
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
    cg_emit(g, OP_YIELD_FROM, 0);
}

/* __exit__ on the way out of the body: on the with statement's line (3.13:
 * the item's) */
static void emit_exit(Cg *g, int stmt, int item, int arg)
{
    bool async = (NODE(g, stmt)->xf & XF_ASYNC) != 0;
    PyPos save = g->pos;
    int line = g->line;
    g->line = NODE(g, g->I->sim->prof->version >= SIM_V313 ? NODE(g, item)->a : stmt)->line;
    cg_emit(g, OP_LINE, g->line);
    g->pos = item_pos(g, item);
    cg_emit(g, OP_WITH_EXIT, arg | (async ? WITH_EXIT_ASYNC : 0));
    if (async) {
        emit_await(g);
        cg_emit(g, OP_POP_TOP, 0);
    }
    g->pos = save;
    g->line = line;
}

static bool with_item(Cg *g, int n, int item)
{
    const Node *it = NODE(g, item);
    if (!cg_expr(g, it->a))
        return false;
    bool async = (NODE(g, n)->xf & XF_ASYNC) != 0;
    PyPos save = g->pos;
    g->pos = item_pos(g, item);
    cg_emit(g, OP_BEFORE_WITH, async);
    if (async)
        emit_await(g);
    g->pos = save;
    uint32_t setup = cg_emit(g, OP_SETUP_TRY, 0);
    g->try_depth++;
    if (!cg_push_block(g, n, FB_WITH, item, g->nloops))
        return false;
    if (it->b >= 0) {
        if (!cg_store_target(g, it->b, ACC_STORE))
            return false;
    } else {
        cg_emit(g, OP_POP_TOP, 0);
    }
    bool ok = NODE(g, item)->next >= 0 ? with_item(g, n, NODE(g, item)->next) : cg_stmts(g, NODE(g, n)->b);
    if (!ok)
        return false;
    g->nfb--;
    g->try_depth--;
    cg_emit(g, OP_POP_TRY, 0);
    emit_exit(g, n, item, 0);
    uint32_t end = cg_emit(g, OP_JUMP, 0);
    cg_patch(g, setup, cg_here(g) | SETUP_TRY_BELOW);
    PyPos save_pos = g->pos; /* the handler is the with statement's (3.13: the item's), as emit_exit */
    int save_line = g->line;
    g->line = NODE(g, g->I->sim->prof->version >= SIM_V313 ? NODE(g, item)->a : n)->line;
    cg_emit(g, OP_LINE, g->line);
    g->pos = item_pos(g, item);
    cg_emit(g, OP_WITH_EXCEPT, 0);
    if (async)
        emit_await(g);
    g->pos = save_pos;
    g->line = save_line;
    uint32_t suppress = cg_emit(g, OP_POP_JUMP_IF_TRUE, 0);
    cg_emit(g, OP_RERAISE, 0);
    cg_patch(g, suppress, cg_here(g));
    cg_emit(g, OP_POP_EXC, 0);
    cg_emit(g, OP_POP_TOP, 0);
    cg_patch(g, end, cg_here(g));
    return true;
}

bool cg_with(Cg *g, int n)
{
    return with_item(g, n, NODE(g, n)->a);
}

void cg_with_unwind(Cg *g, const FBlock *b, bool keep_tos)
{
    cg_emit(g, OP_POP_TRY, 0);
    if (!keep_tos) { /* break / continue: __exit__ is on top */
        emit_exit(g, b->stmt, b->node, 0);
        return;
    }
    /* a return: the iterators of the loops inside the with go first, from
     * under the value (compiler_unwind_fblock's FOR_LOOP), then __exit__ */
    for (int k = g->nloops - 1; k >= b->try_depth; k--)
        if (g->loops[k].is_for) {
            cg_emit(g, OP_ROT_TWO, 0);
            cg_emit(g, OP_POP_TOP, 0);
        }
    emit_exit(g, b->stmt, b->node, 1);
}
