/*
 * compile_super: `super().name` and `super(C, obj).name` get their own
 * instruction (vm_super.c), as 3.12's compiler gives them LOAD_SUPER_ATTR:
 * the global `super`, the class (the method's implicit __class__ cell, or C)
 * and the object (the method's first argument, or obj), then the lookup.
 * Any other use of super goes through the builtin, which refuses it.
 */
#include <string.h>

#include "pyrun/compile_int.h"

int cg_super_form(Cg *g, int call)
{
    const Node *nd = NODE(g, call);
    if (nd->kind != N_CALL || NODE(g, nd->a)->kind != N_NAME || strcmp(NODE(g, nd->a)->str, "super") != 0)
        return 0;
    if (scope_flags(g->sc, "super") & (SYM_BOUND | SYM_FREE))
        return 0; /* a name of the program's own */
    int nargs = 0;
    for (int a = nd->b; a >= 0; a = NODE(g, a)->next) {
        NodeKind k = (NodeKind)NODE(g, a)->kind;
        if (k == N_STARRED || k == N_KWARG || k == N_DSTAR)
            return 0; /* CPython's compiler takes only plain positional arguments */
        nargs++;
    }
    if (nargs == 2)
        return 2;
    if (nargs != 0 || g->sc->kind != SC_FUNC || cg_slot_of(g, "__class__") < 0)
        return 0;
    const PyCode *co = CODE(g);
    return co->nargs >= 1 && co->slotkind[0] != SLOT_FREE ? 1 : 0;
}

bool cg_super_attr(Cg *g, int attr, bool method)
{
    const Node *at = NODE(g, attr), *call = NODE(g, at->a);
    int form = cg_super_form(g, at->a);
    cg_name_op(g, "super", ACC_LOAD);
    if (form == 1) {
        cg_emit(g, OP_LOAD_DEREF, cg_slot_of(g, "__class__"));
        cg_emit(g, CODE(g)->slotkind[0] == SLOT_LOCAL ? OP_LOAD_FAST : OP_LOAD_DEREF, 0);
    } else {
        int first = call->b, second = NODE(g, first)->next;
        if (!cg_expr(g, first) || !cg_expr(g, second))
            return false;
    }
    cg_emit(g, OP_SUPER_ATTR, cg_add_name(g, at->str) << 2 | (form == 2) << 1 | method);
    return true;
}
