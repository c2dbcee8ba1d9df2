/*
 * compile_gen: generators in the compiler — which code objects are
 * generators (a `yield` in their own scope, or a generator expression),
 * `yield` and `yield from` (inside an except handler too: the exceptions
 * being handled are saved with the frame, vm_gen.c); `await`, a `yield
 * from` of what GET_AWAITABLE makes of its operand (a coroutine is an
 * `async def`'s generator object, of its own type).
 */
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

static bool scan_yield(const Ast *ast, int n, int depth);

static bool scan_list(const Ast *ast, int first, int depth)
{
    for (int c = first; c >= 0; c = ast->n[c].next)
        if (scan_yield(ast, c, depth))
            return true;
    return false;
}

/* A yield in this node's own scope (nested functions, classes and
 * comprehensions are scopes of their own; their defaults, bases,
 * decorators and first iterable are not). */
static bool scan_yield(const Ast *ast, int n, int depth)
{
    if (n < 0 || depth > 1000)
        return false;
    const Node *nd = &ast->n[n];
    switch ((NodeKind)nd->kind) {
    case N_YIELD: case N_YIELDFROM:
        return true;
    case N_DEF: case N_LAMBDA:
        for (int p = nd->a; p >= 0; p = ast->n[p].next)
            if (scan_yield(ast, ast->n[p].a, depth + 1))
                return true;
        return nd->kind == N_DEF && scan_list(ast, nd->c, depth + 1);
    case N_CLASS:
        return scan_list(ast, nd->a, depth + 1) || scan_list(ast, nd->c, depth + 1);
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        return scan_yield(ast, ast->n[nd->b].b, depth + 1);
    default:
        return scan_yield(ast, nd->a, depth + 1) || scan_list(ast, nd->b, depth + 1) ||
               scan_list(ast, nd->c, depth + 1) || scan_list(ast, nd->d, depth + 1) ||
               scan_list(ast, nd->e, depth + 1);
    }
}

bool cg_is_generator(const Ast *ast, int body, bool expr_body)
{
    return expr_body ? scan_yield(ast, body, 0) : scan_list(ast, body, 0);
}

bool cg_yield(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (nd->a >= 0) {
        if (!cg_expr(g, nd->a))
            return false;
    } else {
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
    }
    if (nd->kind == N_YIELDFROM || nd->kind == N_AWAIT) {
        /* GET_YIELD_FROM_ITER (a generator is its own), or GET_AWAITABLE */
        cg_emit(g, OP_GET_ITER, nd->kind == N_AWAIT ? GET_ITER_AWAITABLE : 0);
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
        cg_emit_at(g, OP_YIELD_FROM, 0, n, 0, 0); /* a traceback marks the whole expression */
    } else {
        cg_emit(g, OP_YIELD_VALUE, 0);
    }
    return true;
}
