/*
 * compile_inline: where 3.12+'s inlined comprehensions (PEP 709) put their
 * variables.  CPython compiles a list, set or dict comprehension into its
 * enclosing function: each variable it binds that the function does not
 * have becomes one of the function's locals, added to co_varnames when
 * the code generator meets the comprehension (after its first iterable);
 * a variable of the function that only such comprehensions share (a
 * walrus target, a name they read) stays a plain local, where the model
 * makes it a cell.  locals() lists them in that order.  The model runs the
 * comprehension as a function of its own; this records the function's
 * locals in CPython's order (PyCode.vorder) for locals()
 * (modules/builtins_scope.c).  A comprehension inside another one, or in
 * a module or class body, is left unknown (inl_pos -1).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/compile_int.h"

static bool inline_kind(const Ast *ast, const Scope *k)
{
    int kind = ast->n[k->node].kind;
    return kind == N_LISTCOMP || kind == N_SETCOMP || kind == N_DICTCOMP;
}

void cg_inline_note(Cg *g, const Scope *child, uint32_t ci)
{
    PyCode *comp = &g->I->codes[ci];
    comp->inl_pos = -1;
    PyCode *fn = CODE(g);
    if (g->I->sim->prof->version == SIM_V311 || comp->is_gen || (fn->kind != CODE_FUNC && fn->kind != CODE_LAMBDA))
        return;
    comp->inl_pos = child->ppos;
    for (int i = 0; i < comp->nslots; i++) {
        SimId name = comp->slotnames[i];
        if (comp->slotkind[i] != SLOT_LOCAL || sim_str_equals(g->I->sim, name, ".0"))
            continue;
        size_t n;
        const char *nm = sim_str_data(g->I->sim, name, &n);
        bool known = cg_slot_of(g, nm) >= 0;
        for (int k = 0; k < fn->ninl && !known; k++)
            known = sim_str_equals(g->I->sim, fn->inl_names[k], nm);
        if (known)
            continue;
        fn->inl_names = xrealloc(fn->inl_names, (size_t)(fn->ninl + 1) * sizeof *fn->inl_names);
        fn->inl_at = xrealloc(fn->inl_at, (size_t)(fn->ninl + 1) * sizeof *fn->inl_at);
        fn->inl_names[fn->ninl] = name;
        fn->inl_at[fn->ninl++] = child->ppos;
    }
}

/* Is name free in a scope below s that CPython keeps apart (a function, a
 * lambda, a generator expression, a class), looking through inlined
 * comprehensions? */
static bool captured_apart(const Ast *ast, const Scope *s, const char *name)
{
    for (int i = 0; i < s->nkids; i++) {
        const Scope *k = s->kids[i];
        if (inline_kind(ast, k)) {
            if (captured_apart(ast, k, name))
                return true;
            continue;
        }
        int at = scope_find(k, name);
        if (at >= 0 && (k->flags[at] & SYM_FREE))
            return true;
    }
    return false;
}

typedef struct Entry {
    int key, seq;
    int v; /* a slot (>= 0) or -(k + 1): inl_names[k] */
} Entry;

static int by_key(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    return x->key != y->key ? (x->key < y->key ? -1 : 1) : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

void cg_inline_finish(Cg *c)
{
    PyCode *fn = CODE(c);
    if (c->I->sim->prof->version == SIM_V311 || (fn->kind != CODE_FUNC && fn->kind != CODE_LAMBDA) ||
        !fn->has_comp)
        return;
    Entry *e = xmalloc((size_t)(fn->nslots + fn->ninl + 1) * sizeof *e);
    int n = 0, rest = 0;
    for (int j = 0; j < fn->nslots; j++) {
        size_t len;
        const char *nm = sim_str_data(c->I->sim, fn->slotnames[j], &len);
        if (fn->slotkind[j] == SLOT_CELL && !captured_apart(c->ast, c->sc, nm)) {
            fn->nghost++; /* vm_args.c: a ghost cell (sim/ghost.c), or the counts unsure */
            if (j < 64)
                fn->ghostmask |= (uint64_t)1 << j;
        }
        int at = scope_find(c->sc, nm);
        bool param = at < 0 || (c->sc->flags[at] & SYM_PARAM);
        bool plain = fn->slotkind[j] == SLOT_LOCAL ||
                     (fn->slotkind[j] == SLOT_CELL && !param && !captured_apart(c->ast, c->sc, nm));
        if (!plain) {
            rest++;
            continue;
        }
        e[n] = (Entry){param ? -1 : 2 * at + 1, n, j}; /* parameters first, then as met */
        n++;
    }
    for (int k = 0; k < fn->ninl; k++, n++) /* before the names met after its first iterable */
        e[n] = (Entry){2 * fn->inl_at[k], n, -(k + 1)};
    qsort(e, (size_t)n, sizeof *e, by_key);
    fn->vorder = xmalloc((size_t)(n + rest + 1) * sizeof *fn->vorder);
    for (int i = 0; i < n; i++)
        fn->vorder[i] = e[i].v;
    fn->nvorder = n;
    for (int j = 0; j < fn->nslots; j++) { /* the cells and free variables that stay */
        bool placed = false;
        for (int i = 0; i < n && !placed; i++)
            placed = fn->vorder[i] == j;
        if (!placed)
            fn->vorder[fn->nvorder++] = j;
    }
    free(e);
}
