/*
 * parser_atom: atoms of the expression grammar — literals, names,
 * parenthesised forms, list/dict/set displays and every comprehension.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

int p_strings(P *p)
{
    Token *t = p_cur(p);
    bool bytes = t->flags & TF_BYTES, anyf = false, named = false;
    size_t start = p->i;
    while (p_cur(p)->kind == T_STRING) {
        Token *s = p_cur(p);
        if (((s->flags & TF_BYTES) != 0) != bytes) {
            while (p_cur(p)->kind == T_STRING)
                p->i++;
            return p_failf(p, p_cur(p), "cannot mix bytes and nonbytes literals");
        }
        anyf |= (s->flags & TF_FSTRING) != 0;
        named |= (s->flags & TF_NAMED_ESC) != 0;
        p->i++;
    }
    if (anyf) { /* the parts of every piece, in one N_FSTRING */
        int fs = p_node(p, N_FSTRING, t), first = -1, last = -1;
        for (size_t k = start; k < p->i; k++) {
            Token *s = &p->tl.t[k];
            int part;
            if (s->flags & TF_FSTRING) {
                part = p_fstring(p, s);
                if (part < 0)
                    return -1;
                part = N(p, part)->a;
                if (part < 0)
                    continue;
            } else {
                if (s->textlen == 0)
                    continue;
                part = p_node(p, N_STR, s);
                N(p, part)->str = p_dup_text(s, &N(p, part)->strlen);
                if (s->flags & TF_NAMED_ESC)
                    N(p, part)->xf |= XF_NAMEDESC;
            }
            p_append(p, &first, &last, part);
            while (N(p, last)->next >= 0)
                last = N(p, last)->next;
        }
        N(p, fs)->a = first;
        return fs;
    }
    Buf b = {0};
    for (size_t k = start; k < p->i; k++)
        buf_add(&b, p->tl.t[k].text, p->tl.t[k].textlen);
    int nd = p_node(p, bytes ? N_BYTES : N_STR, t);
    N(p, nd)->strlen = b.len;
    N(p, nd)->str = b.data ? buf_take(&b) : xstrdup("");
    if (named)
        N(p, nd)->xf |= XF_NAMEDESC;
    if (p->i == start + 1)
        N(p, nd)->xf |= XF_ONETOKEN;
    return nd;
}

/* The targets of a `for` statement or a comprehension's `for`, up to `in`:
 * star_targets, a tuple when there is a comma, checked as targets of ctx. */
int p_for_target(P *p, int ctx)
{
    Token *tt = p_cur(p);
    int target = p_is_op(p, "*") ? -1 : p_bitor(p);
    if (target < 0 && !p->err->set) {
        int st = p_node(p, N_STARRED, tt);
        p->i++;
        int v = p_bitor(p);
        if (v < 0)
            return -1;
        N(p, st)->a = v;
        target = st;
    }
    if (target < 0)
        return -1;
    if (p_is_op(p, ",")) {
        int tup = p_node(p, N_TUPLE, tt), last = target;
        N(p, tup)->a = target;
        while (p_accept_op(p, ",") && !p_is_kw(p, "in")) {
            int e;
            if (p_is_op(p, "*")) {
                Token *st = p_cur(p);
                p->i++;
                e = p_node(p, N_STARRED, st);
                int v = p_bitor(p);
                if (v < 0)
                    return -1;
                N(p, e)->a = v;
            } else if ((e = p_bitor(p)) < 0) {
                return -1;
            }
            N(p, last)->next = e;
            last = e;
        }
        target = tup;
    }
    if (!p_check_target(p, target, ctx))
        return -1;
    return target;
}

/* for targets in iterable [if cond]... (async for, nested for) */
int p_comp_for(P *p)
{
    Token *t = p_cur(p);
    int cf = p_node(p, N_COMPFOR, t);
    if (p_accept_kw(p, "async"))
        N(p, cf)->xf |= XF_ASYNC;
    if (!p_accept_kw(p, "for"))
        return p_fail(p, "invalid syntax");
    int target = p_for_target(p, TGT_COMP);
    if (target < 0)
        return -1;
    if (!p_accept_kw(p, "in"))
        return p_fail(p, "invalid syntax");
    N(p, cf)->a = target;
    int it = p_disjunction(p);
    if (it < 0)
        return -1;
    N(p, cf)->b = it;
    int firstif = -1, lastif = -1;
    while (p_accept_kw(p, "if")) {
        int c = p_disjunction(p);
        if (c < 0)
            return -1;
        p_append(p, &firstif, &lastif, c);
    }
    N(p, cf)->c = firstif;
    if (p_is_kw(p, "for") || (p_is_kw(p, "async") && p_peek(p, 1)->kind == T_NAME &&
                              strcmp(p_peek(p, 1)->text, "for") == 0)) {
        int more = p_comp_for(p);
        if (more < 0)
            return -1;
        N(p, cf)->next = more;
    }
    return cf;
}

static bool at_comp(P *p)
{
    return p_is_kw(p, "for") || (p_is_kw(p, "async") && p_peek(p, 1)->kind == T_NAME &&
                                 strcmp(p_peek(p, 1)->text, "for") == 0);
}

static int comprehension(P *p, NodeKind k, Token *t, int elt, const char *close)
{
    if (N(p, elt)->kind == N_STARRED) {
        Token at = p_start(p, elt);
        return p_failf(p, &at, "iterable unpacking cannot be used in comprehension");
    }
    int r = p_node(p, k, t);
    N(p, r)->a = elt;
    int cf = p_comp_for(p);
    if (cf < 0)
        return -1;
    N(p, r)->b = cf;
    if (!p_accept_op(p, close))
        return p_fail(p, "invalid syntax");
    return r;
}

/* `(a = 1)`, `[x.y = 2]`: CPython's invalid_named_expression.  The value is
 * parsed (then undone) so that the furthest token is where CPython's is. */
static int assign_in_display(P *p, int e)
{
    size_t save = p->i, save_len = p->ast->len;
    PyError save_err = *p->err;
    p->i++; /* '=' */
    (void)p_bitor(p);
    for (size_t k = save_len; k < p->ast->len; k++)
        free(p->ast->n[k].str);
    p->ast->len = save_len;
    *p->err = save_err;
    p->i = save;
    Token at = p_start(p, e);
    NodeKind k = (NodeKind)N(p, e)->kind;
    (void)at;
    if (k == N_NAME)
        return p_fail_eq_hint(p, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (k == N_ATTR || k == N_SUBSCRIPT || k == N_CALL)
        return p_fail_eq_hint(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                              k == N_ATTR ? "attribute" : k == N_SUBSCRIPT ? "subscript" : "function call");
    return p_fail(p, "invalid syntax");
}

/* star_named_expression (',' ...)* up to `close`, after the first */
static int rest_of_display(P *p, int first, const char *close, bool *comma)
{
    int last = first;
    *comma = false;
    while (!p_is_op(p, "=") && p_accept_op(p, ",")) {
        *comma = true;
        if (p_is_op(p, close))
            break;
        int e = p_star_named(p);
        if (e < 0)
            return -1;
        N(p, last)->next = e;
        last = e;
    }
    if (p_is_op(p, "="))
        return assign_in_display(p, last);
    if (!p_accept_op(p, close)) {
        Token *c = p_cur(p);
        (void)c;
        return p_comma_hint(p, last);
    }
    return first;
}

static int paren(P *p, Token *t)
{
    if (p_accept_op(p, ")"))
        return p_node(p, N_TUPLE, t);
    if (p_is_kw(p, "yield")) {
        int y = p_yield(p);
        if (y < 0 || !p_expect_op(p, ")"))
            return -1;
        N(p, y)->xf |= XF_PAREN;
        return y;
    }
    int first = p_star_named(p);
    if (first < 0)
        return -1;
    if (at_comp(p))
        return comprehension(p, N_GENEXP, t, first, ")");
    bool comma;
    if (rest_of_display(p, first, ")", &comma) < 0)
        return -1;
    if (!comma) {
        if (N(p, first)->kind == N_STARRED) {
            Token at = p_start(p, first);
            return p_failf(p, &at, "cannot use starred expression here");
        }
        N(p, first)->xf |= XF_PAREN;
        N(p, first)->gline = t->line; /* the outer '(' comes last: it wins */
        N(p, first)->gcol = t->col;
        return first;
    }
    int r = p_node(p, N_TUPLE, t);
    N(p, r)->a = first;
    N(p, r)->xf |= XF_PAREN;
    return r;
}

static int dict_item(P *p, int *value)
{
    Token *t = p_cur(p);
    *value = -1;
    if (p_accept_op(p, "**")) {
        int d = p_node(p, N_DSTAR, t);
        int v = p_bitor(p);
        if (v < 0)
            return -1;
        N(p, d)->a = v;
        return d;
    }
    int k = p_expression(p);
    if (k < 0)
        return -1;
    if (!p_is_op(p, ":")) { /* after a key: value pair (invalid_kvpair) */
        Token at = {.line = N(p, k)->end_line, .col = N(p, k)->end_col - 1};
        return p_failf(p, &at, "':' expected after dictionary key");
    }
    p->i++;
    if (p_is_op(p, "}") || p_is_op(p, ","))
        return p_failf(p, &p->tl.t[p->i - 1], "expression expected after dictionary key and ':'");
    *value = p_expression(p);
    return *value < 0 ? -1 : k;
}

static int brace(P *p, Token *t)
{
    if (p_accept_op(p, "}"))
        return p_node(p, N_DICT, t);
    bool dict = p_is_op(p, "**");
    int k = -1, v = -1;
    if (!dict) {
        k = p_star_named(p);
        if (k < 0)
            return -1;
        dict = p_is_op(p, ":") && N(p, k)->kind != N_STARRED;
        if (dict) {
            p->i++;
            if ((v = p_expression(p)) < 0)
                return -1;
        }
    } else if ((k = dict_item(p, &v)) < 0) {
        return -1;
    }
    if (!dict) {
        if (at_comp(p))
            return comprehension(p, N_SETCOMP, t, k, "}");
        bool comma;
        if (rest_of_display(p, k, "}", &comma) < 0)
            return -1;
        int r = p_node(p, N_SET, t);
        N(p, r)->a = k;
        return r;
    }
    if (v >= 0 && at_comp(p)) {
        int r = p_node(p, N_DICTCOMP, t);
        N(p, r)->a = k, N(p, r)->c = v;
        int cf = p_comp_for(p);
        if (cf < 0)
            return -1;
        N(p, r)->b = cf;
        return p_accept_op(p, "}") ? r : p_fail(p, "invalid syntax");
    }
    int r = p_node(p, N_DICT, t), first = -1, last = -1;
    p_append(p, &first, &last, k);
    if (v >= 0)
        p_append(p, &first, &last, v);
    while (p_accept_op(p, ",") && !p_is_op(p, "}")) {
        int k2 = dict_item(p, &v);
        if (k2 < 0)
            return -1;
        p_append(p, &first, &last, k2);
        if (v >= 0)
            p_append(p, &first, &last, v);
    }
    N(p, r)->a = first;
    if (!p_accept_op(p, "}"))
        return p_fail(p, "invalid syntax");
    return r;
}

static int list(P *p, Token *t)
{
    if (p_accept_op(p, "]"))
        return p_node(p, N_LIST, t);
    int first = p_star_named(p);
    if (first < 0)
        return -1;
    if (at_comp(p))
        return comprehension(p, N_LISTCOMP, t, first, "]");
    bool comma;
    if (rest_of_display(p, first, "]", &comma) < 0)
        return -1;
    int r = p_node(p, N_LIST, t);
    N(p, r)->a = first;
    return r;
}

static int atom_inner(P *p, Token *t)
{
    switch ((TokKind)t->kind) {
    case T_INT: {
        int r = p_node(p, N_INT, t);
        N(p, r)->ival = t->ival;
        N(p, r)->fval = t->fval;
        if (t->big) {
            N(p, r)->flag = 1; /* beyond int64: digits kept in str */
            N(p, r)->str = p_dup_text(t, &N(p, r)->strlen);
        }
        p->i++;
        return r;
    }
    case T_FLOAT: {
        int r = p_node(p, N_FLOAT, t);
        N(p, r)->fval = t->fval;
        if (t->flags & TF_IMAG)
            N(p, r)->xf |= XF_IMAG;
        p->i++;
        return r;
    }
    case T_STRING:
        return p_strings(p);
    case T_NAME:
        if (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
            strcmp(t->text, "False") == 0) {
            p->i++;
            return p_node(p, t->text[0] == 'N' ? N_NONE : t->text[0] == 'T' ? N_TRUE : N_FALSE, t);
        }
        return p_name(p);
    case T_OP:
        p->i++;
        if (strcmp(t->text, "(") == 0)
            return paren(p, t);
        if (strcmp(t->text, "[") == 0)
            return list(p, t);
        if (strcmp(t->text, "{") == 0)
            return brace(p, t);
        if (strcmp(t->text, "...") == 0)
            return p_node(p, N_ELLIPSIS, t);
        p->i--;
        return p_fail(p, "invalid syntax");
    case T_INDENT:
        p_indent_error(p, t);
        return -1;
    default:
        return p_fail(p, "invalid syntax");
    }
}

int p_atom(P *p)
{
    Token *t = p_cur(p);
    bool bracket = t->kind == T_OP && (strcmp(t->text, "(") == 0 || strcmp(t->text, "[") == 0 ||
                                       strcmp(t->text, "{") == 0);
    if (bracket && !p_enter(p, t, 1))
        return -1;
    int r = atom_inner(p, t);
    if (bracket)
        p_leave(p, 1);
    return r;
}
