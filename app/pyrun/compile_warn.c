/*
 * compile_warn: the SyntaxWarnings CPython's compiler gives for a call or a
 * subscription that cannot work on a literal — "perhaps you missed a
 * comma?" (compile.c check_caller, check_subscripter, check_index), from
 * the type it infers for a display, a comprehension or a constant.
 */
#include <string.h>

#include "pyrun/compile_int.h"

/* infer_type: the type name of what node n certainly makes, or NULL */
static const char *inferred_type(Cg *g, int n)
{
    SimId v = g->I->fold[n];
    if (v) /* a constant, folded ones included: (1, 2), -1, 'a' 'b' */
        return sim_type_name(g->I->sim, v);
    const Node *nd = NODE(g, n);
    switch ((NodeKind)nd->kind) {
    case N_INT: return "int";
    case N_FLOAT: return nd->xf & XF_IMAG ? "complex" : "float";
    case N_STR: return "str";
    case N_BYTES: return "bytes";
    case N_NONE: return "NoneType";
    case N_TRUE: case N_FALSE: return "bool";
    case N_ELLIPSIS: return "ellipsis";
    case N_TUPLE: return "tuple";
    case N_LIST: case N_LISTCOMP: return "list";
    case N_DICT: case N_DICTCOMP: return "dict";
    case N_SET: case N_SETCOMP: return "set";
    case N_GENEXP: return "generator";
    case N_LAMBDA: return "function";
    case N_FSTRING: return "str";
    default: return NULL;
    }
}

static bool constant(Cg *g, int n)
{
    NodeKind k = (NodeKind)NODE(g, n)->kind;
    return g->I->fold[n] || k == N_INT || k == N_FLOAT || k == N_STR || k == N_BYTES || k == N_NONE ||
           k == N_TRUE || k == N_FALSE || k == N_ELLIPSIS;
}

static bool is(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

void cg_check_caller(Cg *g, int call, int fn)
{
    NodeKind k = (NodeKind)NODE(g, fn)->kind;
    if (constant(g, fn) || k == N_TUPLE || k == N_LIST || k == N_LISTCOMP || k == N_DICT || k == N_DICTCOMP ||
        k == N_SET || k == N_SETCOMP || k == N_GENEXP || k == N_FSTRING)
        cg_warn(g, cg_start_line(g, call), "'%s' object is not callable; perhaps you missed a comma?",
                inferred_type(g, fn));
}

void cg_check_subscript(Cg *g, int sub, int value, int index)
{
    const char *vt = inferred_type(g, value);
    NodeKind k = (NodeKind)NODE(g, value)->kind;
    bool cval = constant(g, value);
    /* check_subscripter: a constant that no subscription fits, a set, a
     * generator, a function */
    if ((cval && !is(vt, "str") && !is(vt, "bytes") && !is(vt, "tuple")) || k == N_SET || k == N_SETCOMP ||
        k == N_GENEXP || k == N_LAMBDA) {
        cg_warn(g, cg_start_line(g, sub), "'%s' object is not subscriptable; perhaps you missed a comma?", vt);
        return;
    }
    /* check_index: a sequence indexed by what is certainly no int or slice */
    const char *it = inferred_type(g, index);
    if (!it || is(it, "int") || is(it, "bool"))
        return;
    if ((cval && (is(vt, "str") || is(vt, "bytes") || is(vt, "tuple"))) || k == N_TUPLE || k == N_LIST ||
        k == N_LISTCOMP || k == N_FSTRING)
        cg_warn(g, cg_start_line(g, sub), "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
                vt, it);
}
