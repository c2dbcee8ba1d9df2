/*
 * parser_check: the SyntaxErrors CPython's compiler raises from where a
 * construct stands rather than from the grammar — 'yield', 'await',
 * 'async for/with' and 'return' outside the functions that allow them,
 * 'break'/'continue' outside a loop, 'nonlocal' at module level, 'break',
 * 'continue' and 'return' leaving an except* clause — so that `run --check`
 * reports them as compile() does.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

enum { CX_MODULE, CX_CLASS, CX_FUNC, CX_ASYNC };

typedef struct Cx {
    int scope;        /* CX_* of the innermost def / lambda / class / module */
    const char *comp; /* inside a comprehension's element: its name */
    bool loop;        /* directly inside a loop body of this scope */
    bool star;        /* inside an except* clause of this scope: no return */
    bool star_loop;   /* ... and not in a loop inside it: no break, continue */
    int depth;
} Cx;

static bool fail_at(P *p, int n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail_at(P *p, int n, const char *fmt, ...)
{
    if (p->err->set)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    va_end(ap);
    snprintf(p->err->type, sizeof p->err->type, "SyntaxError");
    const Node *nd = N(p, n);
    p->err->line = nd->line;
    p->err->col = nd->col;
    /* CPython marks the whole statement or expression */
    const Node *last = nd->end_line ? nd : nd->a >= 0 && N(p, nd->a)->end_line ? N(p, nd->a) : NULL;
    if (last) {
        p->err->end_line = last->end_line, p->err->end_col = last->end_col;
    } else {
        const char *kw = nd->kind == N_RETURN ? "return" : nd->kind == N_AWAIT ? "await"
                         : nd->kind == N_BREAK ? "break" : nd->kind == N_CONTINUE ? "continue" : "yield";
        p->err->end_line = nd->line, p->err->end_col = nd->col + (int)strlen(kw);
    }
    p->err->set = true;
    return false;
}

static bool check(P *p, int n, Cx cx);

/* a Constant after CPython's AST optimizer: literals, and unary and binary
 * operations and tuples of them */
static bool folds(P *p, int n)
{
    const Node *nd = N(p, n);
    switch ((NodeKind)nd->kind) {
    case N_INT: case N_FLOAT: case N_STR: case N_BYTES: case N_NONE: case N_TRUE: case N_FALSE: case N_ELLIPSIS:
        return true;
    case N_UNARY:
        return folds(p, nd->a);
    case N_BINOP:
        return folds(p, nd->a) && folds(p, nd->b);
    case N_TUPLE:
        for (int c = nd->a; c >= 0; c = N(p, c)->next)
            if (!folds(p, c))
                return false;
        return true;
    default:
        return false;
    }
}

static const char star_exit[] = "'break', 'continue' and 'return' cannot appear in an except* block";

static bool check_list(P *p, int first, Cx cx)
{
    for (int c = first; c >= 0; c = N(p, c)->next)
        if (!check(p, c, cx))
            return false;
    return true;
}

static const char *comp_name(NodeKind k)
{
    return k == N_LISTCOMP ? "list comprehension" : k == N_SETCOMP ? "set comprehension" :
           k == N_DICTCOMP ? "dict comprehension" : "generator expression";
}

/* A comprehension: the first iterable belongs to the enclosing scope. */
static bool check_comp(P *p, int n, Cx cx)
{
    Node *nd = N(p, n);
    int cf = nd->b;
    bool async = false;
    for (int c = cf; c >= 0; c = N(p, c)->next)
        async |= (N(p, c)->xf & XF_ASYNC) != 0;
    if (async && nd->kind != N_GENEXP && cx.scope != CX_ASYNC)
        return fail_at(p, n, "asynchronous comprehension outside of an asynchronous function");
    if (!check(p, N(p, cf)->b, cx))
        return false;
    Cx in = cx;
    in.comp = comp_name((NodeKind)nd->kind);
    in.loop = false;
    if (nd->kind == N_GENEXP) /* 'await' makes it an asynchronous generator */
        in.scope = CX_ASYNC;
    for (int c = cf; c >= 0; c = N(p, c)->next) {
        if ((c != cf && !check(p, N(p, c)->b, in)) || !check(p, N(p, c)->a, in) ||
            !check_list(p, N(p, c)->c, in))
            return false;
    }
    return check(p, nd->a, in) && check(p, nd->c, in);
}

static bool check_scope_node(P *p, int n, Cx cx)
{
    Node *nd = N(p, n);
    /* decorators, defaults, annotations, bases: the enclosing scope */
    if (!check_list(p, nd->kind == N_LAMBDA ? -1 : nd->c, cx))
        return false;
    if (nd->kind != N_CLASS)
        for (int q = nd->a; q >= 0; q = N(p, q)->next)
            if (!check(p, N(p, q)->a, cx) || !check(p, N(p, q)->b, cx))
                return false;
    if (nd->kind == N_CLASS && !check_list(p, nd->a, cx))
        return false;
    if (nd->kind == N_DEF && !check(p, nd->d, cx))
        return false;
    Cx in = {.scope = nd->kind == N_CLASS ? CX_CLASS : (nd->xf & XF_ASYNC) ? CX_ASYNC : CX_FUNC,
             .depth = cx.depth};
    return nd->kind == N_LAMBDA ? check(p, nd->b, in) : check_list(p, nd->b, in);
}

static bool check_inner(P *p, int n, Cx cx)
{
    Node *nd = N(p, n);
    bool in_func = cx.scope == CX_FUNC || cx.scope == CX_ASYNC;
    switch ((NodeKind)nd->kind) {
    case N_YIELD: case N_YIELDFROM:
        if (cx.comp)
            return fail_at(p, n, "'yield' inside %s", cx.comp);
        if (!in_func)
            return fail_at(p, n, "'yield' outside function");
        if (nd->kind == N_YIELDFROM && cx.scope == CX_ASYNC)
            return fail_at(p, n, "'yield from' inside async function");
        break;
    case N_AWAIT:
        if (!in_func && !cx.comp)
            return fail_at(p, n, "'await' outside function");
        if (in_func && cx.scope != CX_ASYNC)
            return fail_at(p, n, "'await' outside async function");
        break;
    case N_FOR: case N_WITH:
        if ((nd->xf & XF_ASYNC) && cx.scope != CX_ASYNC)
            return fail_at(p, n, "'async %s' outside async function", nd->kind == N_FOR ? "for" : "with");
        break;
    case N_RETURN:
        if (!in_func)
            return fail_at(p, n, "'return' outside function");
        if (nd->a >= 0 && N(p, nd->a)->kind == N_STARRED)
            return fail_at(p, nd->a, "can't use starred expression here");
        if (cx.star) /* compiler_return's location: a constant value's, else the statement's */
            return fail_at(p, nd->a >= 0 && folds(p, nd->a) ? nd->a : n, star_exit);
        break;
    case N_BREAK:
        if (!cx.loop)
            return fail_at(p, n, "'break' outside loop");
        if (cx.star_loop)
            return fail_at(p, n, star_exit);
        break;
    case N_CONTINUE:
        if (!cx.loop)
            return fail_at(p, n, "'continue' not properly in loop");
        if (cx.star_loop)
            return fail_at(p, n, star_exit);
        break;
    case N_TRY:
        if (nd->xf & XF_STAR) { /* the clauses' bodies: no way out but their end */
            Cx in = cx;
            in.star = in.star_loop = true;
            if (!check_list(p, nd->a, cx))
                return false;
            for (int h = nd->b; h >= 0; h = N(p, h)->next)
                if (!check(p, N(p, h)->a, cx) || !check_list(p, N(p, h)->b, in))
                    return false;
            return check_list(p, nd->c, cx) && check_list(p, nd->d, cx);
        }
        break;
    case N_EXPR: case N_ASSIGN: case N_AUGASSIGN: case N_ANNASSIGN: {
        /* a lone *x as a value: the compiler's error */
        int v = nd->kind == N_EXPR ? nd->a : nd->kind == N_ANNASSIGN ? nd->c : nd->b;
        if (v >= 0 && N(p, v)->kind == N_STARRED)
            return fail_at(p, v, "can't use starred expression here");
        break;
    }
    case N_CALL: /* the compiler checks the keywords before it visits the arguments */
        if (!check(p, nd->a, cx))
            return false;
        for (int q = nd->b; q >= 0; q = N(p, q)->next) {
            if (N(p, q)->kind != N_KWARG)
                continue;
            for (int r = nd->b; r != q; r = N(p, r)->next)
                if (N(p, r)->kind == N_KWARG && strcmp(N(p, r)->str, N(p, q)->str) == 0)
                    return fail_at(p, q, "keyword argument repeated: %s", N(p, q)->str);
        }
        return check_list(p, nd->b, cx);
    case N_NONLOCAL:
        if (cx.scope == CX_MODULE)
            return fail_at(p, n, "nonlocal declaration not allowed at module level");
        break;
    case N_DEF: case N_LAMBDA: case N_CLASS:
        return check_scope_node(p, n, cx);
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        return check_comp(p, n, cx);
    default:
        break;
    }
    if (nd->kind == N_FOR || nd->kind == N_WHILE) { /* the body loops, the else does not */
        Cx body = cx;
        body.loop = true;
        body.star_loop = false;
        return check(p, nd->a, cx) && check(p, nd->kind == N_FOR ? nd->b : -1, cx) &&
               (nd->kind == N_FOR ? check_list(p, nd->c, body) && check_list(p, nd->d, cx)
                                  : check_list(p, nd->b, body) && check_list(p, nd->c, cx));
    }
    return check_list(p, nd->a, cx) && check_list(p, nd->b, cx) && check_list(p, nd->c, cx) &&
           check_list(p, nd->d, cx) && check_list(p, nd->e, cx);
}

static bool check(P *p, int n, Cx cx)
{
    if (n < 0 || p->err->set)
        return !p->err->set;
    if (cx.depth > 3000)
        return true; /* deeper than any program CPython accepts */
    cx.depth++;
    return check_inner(p, n, cx);
}

bool p_check_placement(P *p, int first)
{
    Cx cx = {.scope = CX_MODULE};
    return check_list(p, first, cx);
}
