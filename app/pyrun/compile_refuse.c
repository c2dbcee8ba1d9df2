/*
 * compile_refuse: before code generation, one walk over the whole tree
 * that refuses (refuse.h) the first construct the compiler and VM do not
 * run, so that valid Python is never called a SyntaxError.  The table of
 * phrases is the list of what is not modelled (docs/PYTHON.md).
 */
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"

#include <stdio.h>
#include <string.h>

bool py_refuse(PyError *err, int line, int col, const char *what, bool plural)
{
    if (err->set)
        return false;
    snprintf(err->type, sizeof err->type, "Refused");
    snprintf(err->msg, sizeof err->msg, "%s %s not modelled by the simulated CPython", what,
             plural ? "are" : "is");
    err->line = line;
    err->col = col;
    err->refused = true;
    err->set = true;
    return false;
}

typedef struct Unmodelled { const char *what; bool plural; } Unmodelled;

enum {
    U_ASYNCGEN, U_ASYNCFOR, U_ASYNCCOMP,
    U_TYPEALIAS, U_TYPEPARAMS,
    U_DOTTED, U_RELATIVE, U_STARIMPORT,
    U_FUTURE, U_NAMEDESC, U_BUILTINS, U_COUNT
};

static const Unmodelled table[U_COUNT] = {
    [U_ASYNCGEN] = {"asynchronous generators ('yield' in an 'async def')", true},
    [U_ASYNCFOR] = {"'async for' loops", true},
    [U_ASYNCCOMP] = {"asynchronous comprehensions", true},
    [U_TYPEALIAS] = {"'type' statements", true},
    [U_TYPEPARAMS] = {"type parameter lists ('[T]')", true},
    [U_DOTTED] = {"dotted module names in imports", true},
    [U_RELATIVE] = {"relative imports", true},
    [U_STARIMPORT] = {"'from ... import *'", false},
    [U_FUTURE] = {"'from __future__ import' statements", true},
    [U_NAMEDESC] = {"'\\N{...}' escapes", true},
    [U_BUILTINS] = {"the name '__builtins__' (the builtins module)", false},
};

const char *refuse_unmodelled_name(int i)
{
    return i >= 0 && i < U_COUNT ? table[i].what : NULL;
}

typedef struct R {
    const Ast *ast;
    PyError *err;
    int funcs;      /* enclosing def / lambda bodies */
    int depth;      /* nodes above this one */
    int scopes;     /* enclosing function, class and comprehension scopes */
    int comps;      /* enclosing comprehensions */
    bool in_class;  /* the nearest enclosing def, lambda or class is a class */
} R;

/* The compiler recurses once per level of the tree and once more (with a
 * large frame) per nested scope: deeper programs, though valid, are refused
 * rather than risk the C stack. */
#define MAX_TREE_DEPTH 1000
#define MAX_SCOPE_DEPTH 100

static bool refuse(R *r, const Node *n, int u)
{
    return py_refuse(r->err, n->line, n->col, table[u].what, table[u].plural);
}

static bool yield_outside(R *r, const Node *n)
{
    if (r->err->set)
        return false;
    snprintf(r->err->type, sizeof r->err->type, "SyntaxError");
    snprintf(r->err->msg, sizeof r->err->msg, "'yield' outside function");
    r->err->line = n->line;
    r->err->col = n->col;
    r->err->set = true;
    return false;
}

/* The reason to refuse this node alone, or -1. */
static int why(R *r, int i)
{
    const Node *n = &r->ast->n[i];
    switch ((NodeKind)n->kind) {
    case N_TYPEALIAS: return U_TYPEALIAS;
    case N_STR: return n->xf & XF_NAMEDESC ? U_NAMEDESC : -1;
    case N_NAME: return n->str && strcmp(n->str, "__builtins__") == 0 ? U_BUILTINS : -1;
    case N_COMPFOR: return n->xf & XF_ASYNC ? U_ASYNCCOMP : -1;
    case N_FOR: return n->xf & XF_ASYNC ? U_ASYNCFOR : -1;
    case N_DEF:
        if ((n->xf & XF_ASYNC) && cg_is_generator(r->ast, n->b, false))
            return U_ASYNCGEN;
        return n->e >= 0 ? U_TYPEPARAMS : -1;
    case N_CLASS:
        if (n->e >= 0)
            return U_TYPEPARAMS;
        return -1;
    case N_IMPORT:
        if (n->ival > 0)
            return U_RELATIVE;
        if (n->flag == 1 && n->str && strcmp(n->str, "__future__") == 0)
            return U_FUTURE;
        if (n->flag == 1 && n->str && strchr(n->str, '.') && !py_dotted_known(n->str))
            return U_DOTTED;
        for (int c = n->a; c >= 0; c = r->ast->n[c].next) {
            const Node *it = &r->ast->n[c];
            if (strcmp(it->str, "*") == 0)
                return U_STARIMPORT;
            if (n->flag == 0 && strchr(it->str, '.') && !py_dotted_known(it->str))
                return U_DOTTED;
        }
        return -1;
    default:
        return -1;
    }
}

static bool walk(R *r, int i);

static bool walk_list(R *r, int first)
{
    for (int c = first; c >= 0; c = r->ast->n[c].next)
        if (!walk(r, c))
            return false;
    return true;
}

static bool walk_node(R *r, int i);

static bool walk(R *r, int i)
{
    const Node *n = &r->ast->n[i];
    bool scope = n->kind == N_DEF || n->kind == N_LAMBDA || n->kind == N_CLASS || n->kind == N_LISTCOMP ||
                 n->kind == N_SETCOMP || n->kind == N_DICTCOMP || n->kind == N_GENEXP;
    if (r->depth >= MAX_TREE_DEPTH)
        return py_refuse(r->err, n->line, n->col, "expressions and blocks nested more than 1000 deep", true);
    if (scope && r->scopes >= MAX_SCOPE_DEPTH)
        return py_refuse(r->err, n->line, n->col, "functions and classes nested more than 100 deep", true);
    bool comp = n->kind == N_LISTCOMP || n->kind == N_SETCOMP || n->kind == N_DICTCOMP || n->kind == N_GENEXP;
    r->depth++;
    r->scopes += scope;
    r->comps += comp;
    bool ok = walk_node(r, i);
    r->depth--;
    r->scopes -= scope;
    r->comps -= comp;
    return ok;
}

static bool walk_node(R *r, int i)
{
    const Node *n = &r->ast->n[i];
    if ((n->kind == N_YIELD || n->kind == N_YIELDFROM) && r->funcs == 0)
        return yield_outside(r, n);
    if (n->kind == N_NAMEDEXPR && r->comps > 0 && r->in_class && !r->err->set) { /* symtable.c's rule */
        snprintf(r->err->type, sizeof r->err->type, "SyntaxError");
        snprintf(r->err->msg, sizeof r->err->msg, "assignment expression within a comprehension cannot be used in a class body");
        r->err->line = n->line;
        r->err->col = n->col;
        r->err->set = true;
        return false;
    }
    int u = n->kind == N_AWAIT && r->comps > 0 ? U_ASYNCCOMP : why(r, i); /* an await makes it one */
    if (u >= 0)
        return refuse(r, n, u);
    bool body = n->kind == N_DEF || n->kind == N_LAMBDA;
    /* a def's decorators, defaults and annotations run outside its body */
    if (!walk_list(r, n->kind == N_DEF ? n->c : -1))
        return false;
    if (!walk_list(r, n->a))
        return false;
    bool was_class = r->in_class;
    r->funcs += body;
    if (body || n->kind == N_CLASS)
        r->in_class = n->kind == N_CLASS;
    bool ok = walk_list(r, n->b) && walk_list(r, n->c == -1 || n->kind == N_DEF ? -1 : n->c);
    r->funcs -= body;
    r->in_class = was_class;
    return ok && walk_list(r, n->d) && walk_list(r, n->e);
}

bool refuse_unmodelled(const Ast *ast, PyError *err)
{
    R r = {.ast = ast, .err = err};
    return walk_list(&r, ast->n[ast->root].a);
}
