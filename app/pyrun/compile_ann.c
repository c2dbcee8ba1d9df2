/*
 * compile_ann: annotated assignments (`x: int = 5`) as CPython 3.11-3.13
 * compile them (compiler_annassign, compiler_body).
 *
 * A module or class body holding one gets its `__annotations__` dict first
 * (SETUP_ANNOTATIONS: the body's namespace is fresh there, so a new dict
 * stored under the name does the same); then each statement assigns its
 * value, if any, and records the annotation of a plain name in that dict.
 * An annotation is evaluated only in a module or class; a function
 * evaluates none (its plain names are still its locals: symtable.c).
 */
#include "pyrun/compile_int.h"

/* find_ann: an annotated assignment in these statements or the blocks they
 * hold, not in the functions and classes they define */
static bool find_ann(const Cg *g, int first)
{
    for (int s = first; s >= 0; s = NODE(g, s)->next) {
        const Node *nd = NODE(g, s);
        switch ((NodeKind)nd->kind) {
        case N_ANNASSIGN: return true;
        case N_IF: case N_WHILE:
            if (find_ann(g, nd->b) || find_ann(g, nd->c))
                return true;
            break;
        case N_FOR:
            if (find_ann(g, nd->c) || find_ann(g, nd->d))
                return true;
            break;
        case N_WITH:
            if (find_ann(g, nd->b))
                return true;
            break;
        case N_TRY:
            if (find_ann(g, nd->a) || find_ann(g, nd->c) || find_ann(g, nd->d))
                return true;
            for (int h = nd->b; h >= 0; h = NODE(g, h)->next)
                if (find_ann(g, NODE(g, h)->b))
                    return true;
            break;
        default: break;
        }
    }
    return false;
}

void cg_setup_annotations(Cg *g, int body)
{
    if (!find_ann(g, body))
        return;
    cg_emit(g, OP_BUILD_MAP, 0);
    cg_name_op(g, "__annotations__", ACC_STORE);
}

/* check_ann_expr: the object of an annotated attribute or item without a
 * value is still evaluated */
static bool eval_and_pop(Cg *g, int n)
{
    if (!cg_expr(g, n))
        return false;
    cg_emit(g, OP_POP_TOP, 0);
    return true;
}

bool cg_annassign(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    const Node *target = NODE(g, nd->a);
    bool outer = g->sc->kind != SC_FUNC; /* a module or a class body */
    if (nd->c >= 0) {
        if (!cg_expr(g, nd->c) || !cg_store_target(g, nd->a, ACC_STORE))
            return false;
    } else if (target->kind == N_ATTR) {
        if (!eval_and_pop(g, target->a))
            return false;
    } else if (target->kind == N_SUBSCRIPT) {
        if (!eval_and_pop(g, target->a) || !eval_and_pop(g, target->b))
            return false;
    }
    bool simple = target->kind == N_NAME && !(target->xf & XF_PAREN);
    if (!outer)
        return true;
    if (!cg_expr(g, nd->b)) /* the annotation is evaluated last */
        return false;
    if (!simple) {
        cg_emit(g, OP_POP_TOP, 0);
        return true;
    }
    cg_name_op(g, "__annotations__", ACC_LOAD);
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str_intern(g->I->sim, target->str, target->strlen)));
    cg_emit(g, OP_STORE_SUBSCR, 0);
    return true;
}
