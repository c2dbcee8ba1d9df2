/*
 * compile_func: the code objects of nested scopes: a def's, a lambda's or
 * a comprehension's function (its slots in CPython's order, its closure
 * and MAKE_FUNCTION) and a class body's (BUILD_CLASS, __classcell__).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

static void qualname_of(Cg *g, const char *name, char *out, size_t cap)
{
    const PyCode *c = CODE(g);
    size_t n;
    const char *q = sim_str_data(g->I->sim, c->qualname, &n);
    if (c->kind == CODE_MODULE)
        snprintf(out, cap, "%s", name);
    else if (c->kind == CODE_CLASS)
        snprintf(out, cap, "%.*s.%s", (int)n, q, name);
    else
        snprintf(out, cap, "%.*s.<locals>.%s", (int)n, q, name);
}

bool cg_make_function(Cg *g, int n, const char *name, int params, int body, int kind)
{
    const Node *nd = NODE(g, n);
    int ndef = 0, nkwdef = 0;
    bool annotated = false;
    if (!cg_defaults(g, params, &ndef, &nkwdef) ||
        (kind == CODE_FUNC && !cg_annotations(g, params, nd->d, &annotated)))
        return false;
    if (g->sc->cursor >= g->sc->nkids)
        return cg_cfail(g, n, "SystemError", "scope mismatch");
    Scope *child = g->sc->kids[g->sc->cursor++];
    char qual[256];
    qualname_of(g, name, qual, sizeof qual);
    Cg c = {.I = g->I, .ast = g->ast, .err = g->err, .sc = child, .line = nd->line};
    c.ci = cg_new_code(g->I, kind, name, qual, nd->line);
    PyCode *co = &g->I->codes[c.ci];
    co->ndefaults = ndef;
    co->nkwdefaults = nkwdef;
    co->has_annotations = annotated;
    cg_param_slots(&c, params);
    if (kind == CODE_COMP) {
        cg_add_slot(&c, ".0", SLOT_LOCAL);
        g->I->codes[c.ci].nargs = 1;
    }
    /* locals as the symbol table met them; then the cells and the free
     * variables each sorted by name, as compiler_enter_scope's dictbytype()
     * sorts them: the order of co_cellvars, co_freevars and __closure__ */
    int *order = xmalloc((size_t)(child->n ? child->n : 1) * sizeof *order);
    for (int pass = 0; pass < 3; pass++) {
        int n_pass = 0;
        for (int i = 0; i < child->n; i++) {
            unsigned f = child->flags[i];
            if (f & (SYM_PARAM | SYM_GLOBAL))
                continue;
            bool is_free = (f & SYM_FREE) && !((f & SYM_BOUND) && !(f & SYM_NONLOCAL));
            bool local = (f & SYM_BOUND) && !(f & SYM_NONLOCAL) && !(f & SYM_CELL);
            bool cell = (f & SYM_CELL) && !is_free;
            if ((pass == 0 && local) || (pass == 1 && cell) || (pass == 2 && is_free))
                order[n_pass++] = i;
        }
        for (int i = 1; pass > 0 && i < n_pass; i++) /* insertion sort: a handful of names */
            for (int j = i; j > 0 && strcmp(child->names[order[j - 1]], child->names[order[j]]) > 0; j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        for (int i = 0; i < n_pass; i++)
            cg_add_slot(&c, child->names[order[i]], pass == 0 ? SLOT_LOCAL : pass == 1 ? SLOT_CELL : SLOT_FREE);
    }
    free(order);
    bool is_gen = kind == CODE_COMP ? nd->kind == N_GENEXP : cg_is_generator(g->ast, body, kind == CODE_LAMBDA);
    if (is_gen && kind == CODE_LAMBDA)
        return py_refuse(g->err, nd->line, nd->col, "generator lambdas ('lambda: (yield)')", true);
    bool is_coro = kind == CODE_FUNC && nd->kind == N_DEF && (nd->xf & XF_ASYNC);
    is_gen |= is_coro;
    g->I->codes[c.ci].is_gen = is_gen;
    g->I->codes[c.ci].is_coro = is_coro;
    if (kind == CODE_COMP && !is_gen)
        CODE(g)->has_comp = true;
    bool ok;
    if (kind == CODE_LAMBDA) {
        ok = cg_expr(&c, body);
        cg_emit(&c, OP_RETURN_VALUE, 0);
    } else if (kind == CODE_COMP) {
        ok = cg_comp_body(&c, n);
    } else {
        const Node *first = body >= 0 ? NODE(g, body) : NULL;
        if (kind == CODE_FUNC && first && first->kind == N_EXPR && first->a >= 0 && NODE(g, first->a)->kind == N_STR)
            g->I->codes[c.ci].doc_const = 1 + cg_add_const(&c, cg_docstring(&c, NODE(g, first->a)));
        ok = cg_stmts(&c, body);
        cg_emit(&c, OP_LOAD_CONST, cg_add_const(&c, sim_none(g->I->sim)));
        cg_emit(&c, OP_RETURN_VALUE, 0);
    }
    if (!ok)
        return false;
    cg_inline_finish(&c);
    co = &g->I->codes[c.ci];
    if (is_gen || kind != CODE_CLASS) { /* a generator's size, a frame object's size */
        int extra = 0, depth = cg_stack_depth(&c, n, &extra);
        co = &g->I->codes[c.ci];
        co->framesize_known = depth >= 0;
        co->framesize = co->nslots + extra + (depth >= 0 ? depth : 4);
    }
    /* closure: the cells this function captures, from our own slots */
    int nfree = 0;
    for (int i = 0; i < co->nslots; i++) {
        if (co->slotkind[i] != SLOT_FREE)
            continue;
        size_t ln;
        const char *nm = sim_str_data(g->I->sim, g->I->codes[c.ci].slotnames[i], &ln);
        char name_buf[128];
        snprintf(name_buf, sizeof name_buf, "%.*s", (int)ln, nm);
        int ps = cg_slot_of(g, name_buf);
        if (ps < 0 || CODE(g)->slotkind[ps] == SLOT_LOCAL)
            return py_refuse(g->err, nd->line, nd->col, "closures over names of a class body", true);
        cg_emit(g, OP_LOAD_CLOSURE, ps);
        nfree++;
        co = &g->I->codes[c.ci];
    }
    if (nfree) {
        cg_emit(g, OP_BUILD_TUPLE, nfree);
        g->I->codes[c.ci].has_closure = true;
    }
    cg_emit(g, OP_MAKE_FUNCTION, (int32_t)c.ci);
    if (kind == CODE_COMP) { /* located at the comprehension (3.13: GET_ITER at the iterable) */
        cg_inline_note(g, child, c.ci);
        int it = NODE(g, nd->b)->b;
        if (!cg_expr(g, it))
            return false;
        cg_emit_at(g, OP_GET_ITER, 0, g->I->sim->prof->version >= SIM_V313 ? it : n, 0, 0);
        cg_emit_at(g, OP_CALL, 0, n, 0, 0);
    }
    return true;
}

bool cg_class_stmt(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    int nb = 0;
    if (!cg_decorators(g, nd->c))
        return false;
    cg_line(g, nd->line);
    bool kw = false, ex = false;
    for (int b = nd->a; b >= 0; b = NODE(g, b)->next) {
        kw |= NODE(g, b)->kind == N_KWARG;
        ex |= NODE(g, b)->kind == N_STARRED || NODE(g, b)->kind == N_DSTAR;
    }
    if (kw || ex) { /* a tuple and a dict of the keywords */
        if (!cg_class_args(g, nd->a, ex, g->I->sim->prof->version >= SIM_V313 ? n + 1 : 0))
            return false;
        nb = ex ? -2 : -1;
    }
    for (int b = nd->a; b >= 0 && !kw && !ex; b = NODE(g, b)->next) {
        if (!cg_expr(g, b))
            return false;
        nb++;
    }
    if (g->sc->cursor >= g->sc->nkids)
        return cg_cfail(g, n, "SystemError", "scope mismatch");
    Scope *child = g->sc->kids[g->sc->cursor++];
    char qual[256];
    qualname_of(g, ast_code_name(nd), qual, sizeof qual);
    Cg c = {.I = g->I, .ast = g->ast, .err = g->err, .sc = child, .line = nd->line};
    c.ci = cg_new_code(g->I, CODE_CLASS, ast_code_name(nd), qual, nd->line);
    g->I->codes[c.ci].nbases = nb;
    bool class_cell = (scope_flags(child, "__class__") & SYM_CELL) != 0;
    if (class_cell) /* a method reads __class__ (super()): the body's one cell */
        cg_add_slot(&c, "__class__", SLOT_CELL);
    cg_class_firstlineno(&c, n);
    cg_setup_annotations(&c, nd->b);
    cg_class_doc(&c, nd->b);
    if (!cg_stmts(&c, nd->b))
        return false;
    cg_class_static_attributes(&c, nd->b);
    if (class_cell) { /* the body returns the cell, stored as __classcell__ */
        cg_emit(&c, OP_LOAD_CLOSURE, cg_slot_of(&c, "__class__"));
        cg_emit(&c, OP_DUP_TOP, 1);
        cg_name_op(&c, "__classcell__", ACC_STORE);
    } else {
        cg_emit(&c, OP_LOAD_CONST, cg_add_const(&c, sim_none(g->I->sim)));
    }
    cg_emit(&c, OP_RETURN_VALUE, 0);
    cg_emit_at(g, OP_BUILD_CLASS, (int32_t)c.ci, n, 0, 0); /* located at the whole statement */
    cg_decorate(g, nd->c);
    cg_line(g, nd->line);
    cg_name_op(g, nd->str, ACC_STORE);
    return true;
}
