/*
 * symtable: a walk over the Ast recording bindings and uses per scope,
 * then the resolution: bound names of functions are locals, names bound in
 * an enclosing function are free (and cells there), others global.
 */
#include "pyrun/symtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/refuse.h"

typedef struct W {
    const Ast *ast;
    PyError *err;
} W;

static bool is_comprehension(const W *w, const Scope *s)
{
    if (s->kind != SC_FUNC || s->node < 0)
        return false;
    int k = w->ast->n[s->node].kind;
    return k == N_LISTCOMP || k == N_SETCOMP || k == N_DICTCOMP || k == N_GENEXP;
}

static void mark(Scope *s, const char *name, unsigned f);

/* The target of a := inside comprehensions is the enclosing function's
 * local (a nonlocal of the comprehensions, through their closures) or a
 * global at module level; it may not be an iteration variable.  A class
 * body around them is refused before this (compile_refuse.c). */
static void namedexpr_target(W *w, Scope *s, int target)
{
    const char *name = w->ast->n[target].str;
    Scope *e = s;
    while (is_comprehension(w, e) && e->parent)
        e = e->parent;
    if (e == s) {
        mark(s, name, SYM_BOUND);
        return;
    }
    for (Scope *c = s; c != e; c = c->parent) {
        int i = scope_find(c, name);
        if (i >= 0 && (c->flags[i] & SYM_BOUND) && !w->err->set) {
            snprintf(w->err->type, sizeof w->err->type, "SyntaxError");
            snprintf(w->err->msg, sizeof w->err->msg,
                     "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            w->err->line = w->ast->n[target].line;
            w->err->col = w->ast->n[target].col;
            w->err->set = true;
            return;
        }
    }
    int i = scope_find(e, name);
    bool global = e->kind == SC_MODULE || (i >= 0 && (e->flags[i] & SYM_GLOBAL));
    for (Scope *c = s; c != e; c = c->parent)
        mark(c, name, global ? SYM_GLOBAL : SYM_NONLOCAL);
    mark(e, name, global && e->kind != SC_MODULE ? SYM_GLOBAL : SYM_BOUND);
}

static Scope *scope_new(Scope *parent, int kind, int node)
{
    Scope *s = xcalloc(1, sizeof *s);
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    return s;
}

static void add_kid(Scope *parent, Scope *kid)
{
    if (parent->nkids == parent->capkids) {
        parent->capkids = parent->capkids ? parent->capkids * 2 : 4;
        parent->kids = xrealloc(parent->kids, (size_t)parent->capkids * sizeof *parent->kids);
    }
    parent->kids[parent->nkids++] = kid;
}

int scope_find(const Scope *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0)
            return i;
    return -1;
}

unsigned scope_flags(const Scope *s, const char *name)
{
    int i = scope_find(s, name);
    return i < 0 ? 0 : s->flags[i];
}

static void mark(Scope *s, const char *name, unsigned f)
{
    int i = scope_find(s, name);
    if (i < 0) {
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 8;
            s->names = xrealloc(s->names, (size_t)s->cap * sizeof *s->names);
            s->flags = xrealloc(s->flags, (size_t)s->cap * sizeof *s->flags);
            s->decl = xrealloc(s->decl, (size_t)s->cap * sizeof *s->decl);
        }
        i = s->n++;
        s->names[i] = xstrdup(name);
        s->flags[i] = 0;
        s->decl[i] = -1;
    }
    s->flags[i] |= f;
}

static void walk(W *w, Scope *s, int n);

static void walk_list(W *w, Scope *s, int first)
{
    for (int i = first; i >= 0; i = w->ast->n[i].next)
        walk(w, s, i);
}

static void bind_target(W *w, Scope *s, int n)
{
    const Node *nd = &w->ast->n[n];
    switch ((NodeKind)nd->kind) {
    case N_NAME: mark(s, nd->str, SYM_BOUND); break;
    case N_TUPLE: case N_LIST:
        for (int c = nd->a; c >= 0; c = w->ast->n[c].next)
            bind_target(w, s, c);
        break;
    case N_STARRED: bind_target(w, s, nd->a); break;
    default: walk(w, s, n); break; /* attribute / subscript: uses */
    }
}

static Scope *func_scope(W *w, Scope *s, int n, int params, int body, bool expr_body)
{
    Scope *f = scope_new(s, SC_FUNC, n);
    add_kid(s, f);
    for (int p = params; p >= 0; p = w->ast->n[p].next)
        mark(f, w->ast->n[p].str, SYM_BOUND | SYM_PARAM);
    if (expr_body)
        walk(w, f, body);
    else
        walk_list(w, f, body);
    return f;
}

static void walk_inner(W *w, Scope *s, int n);

static void walk(W *w, Scope *s, int n)
{
    static int depth;
    if (n < 0 || depth > 2000)
        return; /* the compiler reports the depth error */
    depth++;
    walk_inner(w, s, n);
    depth--;
}

static void walk_inner(W *w, Scope *s, int n)
{
    if (n < 0)
        return;
    const Node *nd = &w->ast->n[n];
    switch ((NodeKind)nd->kind) {
    case N_NAME:
        mark(s, nd->str, SYM_USED);
        if (s->kind == SC_FUNC && strcmp(nd->str, "super") == 0)
            mark(s, "__class__", SYM_USED); /* super() reads the implicit __class__ cell */
        return;
    case N_ASSIGN:
        walk(w, s, nd->b);
        for (int t = nd->a; t >= 0; t = w->ast->n[t].next)
            bind_target(w, s, t);
        return;
    case N_AUGASSIGN:
        walk(w, s, nd->b);
        if (w->ast->n[nd->a].kind == N_NAME)
            mark(s, w->ast->n[nd->a].str, SYM_BOUND | SYM_USED);
        else
            walk(w, s, nd->a);
        return;
    case N_ANNASSIGN: { /* a plain name is a local even without a value */
        const Node *t = &w->ast->n[nd->a];
        walk(w, s, nd->c);
        walk(w, s, nd->b);
        if (t->kind == N_NAME && !(t->xf & XF_PAREN))
            mark(s, t->str, SYM_BOUND);
        else if (nd->c >= 0)
            bind_target(w, s, nd->a);
        else
            walk(w, s, nd->a);
        return;
    }
    case N_DEL:
        for (int t = nd->a; t >= 0; t = w->ast->n[t].next)
            bind_target(w, s, t);
        return;
    case N_FOR:
        walk(w, s, nd->b);
        bind_target(w, s, nd->a);
        walk_list(w, s, nd->c);
        walk_list(w, s, nd->d);
        return;
    case N_DEF:
        walk_list(w, s, nd->c); /* decorators first, as the compiler emits them */
        for (int p = nd->a; p >= 0; p = w->ast->n[p].next)
            walk(w, s, w->ast->n[p].a); /* defaults evaluate outside */
        for (int p = nd->a; p >= 0; p = w->ast->n[p].next)
            walk(w, s, w->ast->n[p].b); /* then the annotations */
        walk(w, s, nd->d);
        mark(s, nd->str, SYM_BOUND);
        func_scope(w, s, n, nd->a, nd->b, false);
        return;
    case N_LAMBDA:
        for (int p = nd->a; p >= 0; p = w->ast->n[p].next)
            walk(w, s, w->ast->n[p].a);
        func_scope(w, s, n, nd->a, nd->b, true);
        return;
    case N_CLASS: {
        walk_list(w, s, nd->c);
        walk_list(w, s, nd->a);
        mark(s, nd->str, SYM_BOUND);
        Scope *c = scope_new(s, SC_CLASS, n);
        add_kid(s, c);
        walk_list(w, c, nd->b);
        return;
    }
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP: {
        /* the first iterable is evaluated outside; the rest inside */
        int cf = nd->b;
        Scope *f = scope_new(s, SC_FUNC, n);
        add_kid(s, f);
        walk(w, s, w->ast->n[cf].b);
        f->ppos = s->n;
        mark(f, ".0", SYM_BOUND | SYM_PARAM);
        for (int c = cf; c >= 0; c = w->ast->n[c].next) {
            if (c != cf)
                walk(w, f, w->ast->n[c].b);
            bind_target(w, f, w->ast->n[c].a);
            walk_list(w, f, w->ast->n[c].c);
        }
        walk(w, f, nd->a);
        if (nd->kind == N_DICTCOMP)
            walk(w, f, nd->c); /* the value */
        return;
    }
    case N_GLOBAL: case N_NONLOCAL:
        for (int c = nd->a; c >= 0; c = w->ast->n[c].next) {
            mark(s, w->ast->n[c].str, nd->kind == N_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL);
            int i = scope_find(s, w->ast->n[c].str);
            if (s->decl[i] < 0)
                s->decl[i] = n; /* where a scope error about it points */
        }
        return;
    case N_IMPORT:
        for (int c = nd->a; c >= 0; c = w->ast->n[c].next) {
            const Node *it = &w->ast->n[c];
            if (it->b >= 0) {
                mark(s, w->ast->n[it->b].str, SYM_BOUND);
            } else if (strcmp(it->str, "*") != 0) {
                char first[128]; /* `import a.b` binds a */
                snprintf(first, sizeof first, "%.*s", (int)strcspn(it->str, "."), it->str);
                mark(s, first, SYM_BOUND);
            }
        }
        return;
    case N_HANDLER:
        walk(w, s, nd->a);
        if (nd->str)
            mark(s, nd->str, SYM_BOUND);
        walk_list(w, s, nd->b);
        return;
    case N_KWARG: case N_STARRED: case N_FVALUE:
        walk(w, s, nd->a);
        return;
    case N_MATCH:
        walk(w, s, nd->a);
        for (int c = nd->b; c >= 0; c = w->ast->n[c].next) {
            const Node *cs = &w->ast->n[c];
            walk(w, s, cs->a);
            walk(w, s, cs->b);
            walk_list(w, s, cs->c);
        }
        return;
    case N_PATTERN: /* a capture binds its name; values and classes are read */
        if (nd->str)
            mark(s, nd->str, SYM_BOUND);
        if (nd->flag == PAT_SEQ || nd->flag == PAT_OR || nd->flag == PAT_MAP || nd->flag == PAT_CLASS) {
            walk_list(w, s, nd->a);
            walk_list(w, s, nd->b);
            walk_list(w, s, nd->c);
        } else {
            walk(w, s, nd->a);
        }
        return;
    case N_NAMEDEXPR: /* (name := value) binds in this scope, or, inside comprehensions,
                       * in the first scope around them (symtable_extend_namedexpr_scope) */
        walk(w, s, nd->b);
        namedexpr_target(w, s, nd->a);
        return;
    default:
        break;
    }
    /* generic: children a..d are expressions or statement lists */
    if (nd->kind == N_WITH) { /* every item and every statement of the body (a lambda, a def or a
                               * comprehension after the first statement had no scope) */
        walk_list(w, s, nd->a);
        walk_list(w, s, nd->b);
        return;
    }
    if (nd->kind == N_IF || nd->kind == N_WHILE) {
        walk(w, s, nd->a);
        walk_list(w, s, nd->b);
        walk_list(w, s, nd->c);
        return;
    }
    if (nd->kind == N_TRY) {
        walk_list(w, s, nd->a);
        walk_list(w, s, nd->b);
        walk_list(w, s, nd->c);
        walk_list(w, s, nd->d);
        return;
    }
    if (nd->kind == N_LIST || nd->kind == N_TUPLE || nd->kind == N_SET || nd->kind == N_DICT ||
        nd->kind == N_FSTRING || nd->kind == N_MODULE) {
        walk_list(w, s, nd->a);
        return;
    }
    if (nd->kind == N_CALL) {
        walk(w, s, nd->a);
        walk_list(w, s, nd->b);
        return;
    }
    if (nd->kind == N_COMPARE) {
        walk(w, s, nd->a);
        for (int c = nd->b; c >= 0; c = w->ast->n[c].next)
            walk(w, s, w->ast->n[c].a);
        return;
    }
    walk(w, s, nd->a);
    walk(w, s, nd->b);
    walk(w, s, nd->c);
    walk(w, s, nd->d);
}

static bool bound_in_enclosing(const Scope *s, const char *name)
{
    for (const Scope *p = s->parent; p; p = p->parent) {
        if (p->kind != SC_FUNC)
            continue;
        unsigned f = scope_flags(p, name);
        if (f & SYM_GLOBAL)
            return false;
        if (f & (SYM_BOUND | SYM_NONLOCAL))
            return true;
    }
    return false;
}

/* A free name of `kid` makes the owner a cell and every scope between free. */
static void propagate_free(Scope *s, const char *name)
{
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind != SC_FUNC)
            continue;
        unsigned f = scope_flags(p, name);
        if ((f & SYM_BOUND) && !(f & (SYM_GLOBAL | SYM_NONLOCAL))) {
            mark(p, name, SYM_CELL);
            return;
        }
        mark(p, name, SYM_FREE);
    }
}

/* __class__, used in a method (or a function inside one) and bound by none
 * of the functions between: the class body's implicit cell provides it
 * (analyze_block's ste_needs_class_closure) */
static bool class_cell_free(Scope *s, const char *name)
{
    if (strcmp(name, "__class__") != 0)
        return false;
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SC_CLASS) {
            mark(p, "__class__", SYM_CELL);
            for (Scope *q = s->parent; q != p; q = q->parent)
                mark(q, "__class__", SYM_FREE);
            return true;
        }
        if (p->kind == SC_FUNC && (scope_flags(p, name) & SYM_BOUND))
            return false;
    }
    return false;
}

static bool resolve(Scope *s, PyError *err, const Ast *ast)
{
    for (int i = 0; i < s->n; i++) {
        unsigned f = s->flags[i];
        if (s->kind == SC_CLASS && !(f & (SYM_BOUND | SYM_GLOBAL)) && strcmp(s->names[i], "__class__") != 0 &&
            bound_in_enclosing(s, s->names[i])) { /* LOAD_CLASSDEREF: the body reads a function's variable */
            char what[200];
            snprintf(what, sizeof what, "a class body reading a variable of the enclosing function ('%s')",
                     s->names[i]);
            return py_refuse(err, ast->n[s->node].line, ast->n[s->node].col, what, false);
        }
        if (s->kind != SC_FUNC)
            continue;
        if (f & SYM_NONLOCAL) {
            if (!bound_in_enclosing(s, s->names[i])) {
                snprintf(err->type, sizeof err->type, "SyntaxError");
                snprintf(err->msg, sizeof err->msg, "no binding for nonlocal '%s' found",
                         s->names[i]);
                int at = s->decl[i] >= 0 ? s->decl[i] : s->node;
                err->line = ast->n[at].line;
                err->col = ast->n[at].col;
                err->set = true;
                return false;
            }
            s->flags[i] |= SYM_FREE;
            propagate_free(s, s->names[i]);
        } else if (!(f & (SYM_BOUND | SYM_GLOBAL)) && class_cell_free(s, s->names[i])) {
            s->flags[i] |= SYM_FREE;
        } else if (!(f & (SYM_BOUND | SYM_GLOBAL)) && bound_in_enclosing(s, s->names[i])) {
            s->flags[i] |= SYM_FREE;
            propagate_free(s, s->names[i]);
        }
    }
    for (int k = 0; k < s->nkids; k++)
        if (!resolve(s->kids[k], err, ast))
            return false;
    return true;
}

Scope *symtable_build(const Ast *ast, PyError *err)
{
    W w = {.ast = ast, .err = err};
    Scope *top = scope_new(NULL, SC_MODULE, ast->root);
    walk_list(&w, top, ast->n[ast->root].a);
    if (!resolve(top, err, ast)) {
        symtable_free(top);
        return NULL;
    }
    return top;
}

void symtable_free(Scope *s)
{
    if (!s)
        return;
    for (int k = 0; k < s->nkids; k++)
        symtable_free(s->kids[k]);
    for (int i = 0; i < s->n; i++)
        free(s->names[i]);
    free(s->names);
    free(s->flags);
    free(s->decl);
    free(s->kids);
    free(s);
}
