/*
 * compile_trystar: the handlers of a try statement with `except*` clauses
 * (PEP 654), laid out as CPython 3.11-3.13's compiler_try_star_except
 * lays them out (the run-time half is vm_exc_star.c): [orig, res, rest]
 * on the stack; per clause its type, the split (CHECK_EG_MATCH), the
 * match stored or dropped, the body in a try block of its own whose
 * handler appends what the body raised to res; then the rest appended,
 * PREP_RERAISE_STAR, and the result raised again unless it is None.  A
 * break, continue or return that would leave a clause is CPython's
 * compile-time SyntaxError.
 */
#include "pyrun/compile_int.h"

static void clear_name(Cg *g, const char *name)
{
    if (!name)
        return;
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim))); /* name = None; del name */
    cg_name_op(g, name, ACC_STORE);
    cg_name_op(g, name, ACC_DEL);
}

bool cg_try_star(Cg *g, int n, uint32_t *end_jump)
{
    const Node *nd = NODE(g, n);
    cg_emit(g, OP_EXC_STAR, ES_BEGIN);
    for (int h = nd->b; h >= 0; h = NODE(g, h)->next) {
        const Node *hn = NODE(g, h);
        g->line = hn->line;
        if (!cg_expr(g, hn->a))
            return false;
        cg_emit(g, OP_EXC_STAR, ES_MATCH);
        uint32_t no_match = cg_emit(g, OP_JUMP_IF_NONE_POP, 0);
        if (hn->str)
            cg_name_op(g, hn->str, ACC_STORE);
        else
            cg_emit(g, OP_POP_TOP, 0);
        uint32_t setup = cg_emit(g, OP_SETUP_TRY, 0);
        g->try_depth++;
        if (!cg_push_block(g, h, FB_STAR_HANDLER, h, 0) || !cg_stmts(g, hn->b))
            return false;
        g->nfb--;
        g->try_depth--;
        cg_emit(g, OP_POP_TRY, 0);
        clear_name(g, hn->str);
        uint32_t next = cg_emit(g, OP_JUMP, 0);
        cg_patch(g, setup, cg_here(g));
        clear_name(g, hn->str);
        cg_emit(g, OP_EXC_STAR, ES_APPEND_RAISED);
        cg_patch(g, next, cg_here(g));
        cg_patch(g, no_match, cg_here(g));
    }
    cg_emit(g, OP_EXC_STAR, ES_APPEND_REST);
    cg_emit(g, OP_EXC_STAR, ES_PREP);
    uint32_t none = cg_emit(g, OP_JUMP_IF_NONE_POP, 0);
    cg_emit(g, OP_EXC_STAR, ES_RERAISE);
    cg_patch(g, none, cg_here(g));
    cg_emit(g, OP_POP_EXC, 0);
    *end_jump = cg_emit(g, OP_JUMP, 0);
    return true;
}

bool cg_star_exit_check(Cg *g, int node, int downto)
{
    for (int i = g->nfb - 1; i >= downto; i--)
        if (g->fb[i].kind == FB_STAR_HANDLER)
            return cg_cfail(g, node, "SyntaxError", "'break', 'continue' and 'return' cannot appear in an except* block");
    return true;
}
