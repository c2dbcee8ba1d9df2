/*
 * compile_comp: the code of a comprehension or generator expression.  Its
 * function takes the first iterable's iterator as `.0` and loops over the
 * `for` clauses; a list, set or dict comprehension returns what it built
 * (LIST_APPEND, SET_ADD, MAP_ADD), a generator expression yields each
 * element.  All profiles run them as a function: 3.12's inlining (PEP 709)
 * changes no count a program can print for the shapes run here.
 */
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

#define MAX_FOR_CLAUSES 16

/* The element: added to the result below `depth` iterators, or yielded. */
static bool comp_element(Cg *g, const Node *nd, int depth)
{
    if (!cg_expr(g, nd->a))
        return false;
    switch ((NodeKind)nd->kind) {
    case N_LISTCOMP: cg_emit(g, OP_LIST_APPEND, depth + 1); break;
    case N_SETCOMP: cg_emit(g, OP_SET_ADD, depth + 1); break;
    case N_DICTCOMP:
        if (!cg_expr(g, nd->c)) /* the key first, then the value (3.8+) */
            return false;
        cg_emit(g, OP_MAP_ADD, depth + 1);
        break;
    default: /* N_GENEXP */
        cg_emit(g, OP_YIELD_VALUE, 0);
        cg_emit(g, OP_POP_TOP, 0);
        break;
    }
    return true;
}

bool cg_comp_body(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    if (nd->kind == N_LISTCOMP)
        cg_emit(g, OP_BUILD_LIST, 0);
    else if (nd->kind == N_SETCOMP)
        cg_emit(g, OP_BUILD_SET, 0);
    else if (nd->kind == N_DICTCOMP)
        cg_emit(g, OP_BUILD_MAP, 0);
    cg_emit(g, OP_LOAD_FAST, 0);
    int depth = 0;
    uint32_t tops[MAX_FOR_CLAUSES], fis[MAX_FOR_CLAUSES];
    for (int cf = nd->b; cf >= 0; cf = NODE(g, cf)->next) {
        if (depth > 0) {
            if (!cg_expr(g, NODE(g, cf)->b))
                return false;
            cg_emit(g, OP_GET_ITER, 0);
        }
        if (depth >= MAX_FOR_CLAUSES - 1)
            return py_refuse(g->err, nd->line, nd->col, "comprehensions with more than 15 'for' clauses", true);
        tops[depth] = cg_here(g);
        fis[depth] = cg_emit(g, OP_FOR_ITER, 0);
        if (!cg_store_target(g, NODE(g, cf)->a, ACC_STORE))
            return false;
        for (int c = NODE(g, cf)->c; c >= 0; c = NODE(g, c)->next) {
            if (!cg_expr(g, c))
                return false;
            cg_emit(g, OP_POP_JUMP_IF_FALSE, (int32_t)tops[depth]);
        }
        depth++;
    }
    if (!comp_element(g, nd, depth))
        return false;
    for (int d = depth - 1; d >= 0; d--) {
        cg_emit(g, OP_JUMP, (int32_t)tops[d]);
        cg_patch(g, fis[d], cg_here(g));
    }
    if (nd->kind == N_GENEXP)
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
    cg_emit(g, OP_RETURN_VALUE, 0);
    return true;
}
