/*
 * parser_expr: the expression rules, lowest precedence first (lambda <
 * if-else < or < and < not < comparisons < | < ^ < & < shifts < + - <
 * * / // % @ < unary < ** < await < primary), with calls, subscripts,
 * slices and the star, walrus and yield forms.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

static int recursion_error(P *p, Token *t)
{
    p_fail_at(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
    return -1;
}

/* A left-deep chain (a + b + c ..., f()()(), a.b.c) nests in the compiler. */
static bool chain_ok(P *p, Token *t, int len)
{
    int limit = p->minor == 11 ? 2992 : p->minor == 12 ? 2994 : 9996;
    if (p->nest + len > limit) {
        recursion_error(p, t);
        return false;
    }
    return true;
}

int p_call_args(P *p, int call, const char *close)
{
    int first = -1, last = -1;
    bool seen_kw = false, seen_dstar = false;
    while (!p_is_op(p, close)) {
        Token *t = p_cur(p);
        int a;
        if (t->kind == T_NAME && p_peek_op(p, 1, "=") && !p_is_keyword(t->text)) {
            a = p_node(p, N_KWARG, t);
            N(p, a)->str = p_dup_text(t, &N(p, a)->strlen);
            p->i += 2;
            int v = p_expression(p);
            if (v < 0)
                return -1;
            N(p, a)->a = v;
            p_end(p, a);
            seen_kw = true;
        } else if (p_accept_op(p, "*")) {
            a = p_node(p, N_STARRED, t);
            int v = p_expression(p);
            if (v < 0)
                return -1;
            N(p, a)->a = v;
            p_end(p, a);
            if (seen_dstar && p->minor >= 13) /* from the comma before it */
                return p_fail_range(p, t[-1], a, "iterable argument unpacking follows keyword argument unpacking");
            if (seen_dstar)
                return p_failf(p, t, "iterable argument unpacking follows keyword argument unpacking");
        } else if (p_accept_op(p, "**")) {
            a = p_node(p, N_DSTAR, t);
            int v = p_expression(p);
            if (v < 0)
                return -1;
            N(p, a)->a = v;
            seen_dstar = true;
        } else {
            a = p_named(p);
            if (a < 0)
                return -1;
            if (p_is_kw(p, "for") || p_is_kw(p, "async")) {
                int g = p_node(p, N_GENEXP, t);
                int cf = p_comp_for(p);
                if (cf < 0)
                    return -1;
                N(p, g)->a = a, N(p, g)->b = cf;
                p_end(p, g);
                if (first >= 0 || (!p_is_op(p, close) && !(p_is_op(p, ",") && p_peek_op(p, 1, close))))
                    return p_fail_node(p, g, "Generator expression must be parenthesized");
                a = g;
            } else if (p_is_op(p, "=")) {
                return p_failf(p, t, "expression cannot contain assignment, perhaps you meant \"==\"?");
            } else if (seen_dstar) {
                return p_failf(p, p_cur(p), "positional argument follows keyword argument unpacking");
            } else if (seen_kw) {
                return p_failf(p, p_cur(p), "positional argument follows keyword argument");
            }
        }
        p_append(p, &first, &last, a);
        if (!p_accept_op(p, ","))
            break;
    }
    N(p, call)->b = first;
    if (!p_accept_op(p, close)) {
        return p_comma_hint(p, last);
    }
    return call;
}

/* One subscript item: a slice, a starred expression (3.11+) or an expression. */
static int slice_item(P *p)
{
    Token *t = p_cur(p);
    if (p_is_op(p, "*")) {
        p->i++;
        int s = p_node(p, N_STARRED, t);
        int v = p_bitor(p);
        if (v < 0)
            return -1;
        N(p, s)->a = v;
        return s;
    }
    int lo = -1, hi = -1, st = -1;
    if (!p_is_op(p, ":")) {
        lo = p_named(p);
        if (lo < 0 || !p_is_op(p, ":"))
            return lo;
    }
    int sl = p_node(p, N_SLICE, t);
    p->i++; /* ':' */
    if (!p_is_op(p, "]") && !p_is_op(p, ":") && !p_is_op(p, ",") && (hi = p_expression(p)) < 0)
        return -1;
    if (p_accept_op(p, ":") && !p_is_op(p, "]") && !p_is_op(p, ",") && (st = p_expression(p)) < 0)
        return -1;
    N(p, sl)->a = lo, N(p, sl)->b = hi, N(p, sl)->c = st;
    return sl;
}

static int subscript(P *p, Token *t, int e)
{
    int s = p_node(p, N_SUBSCRIPT, t);
    N(p, s)->a = e;
    int idx = slice_item(p);
    if (idx < 0)
        return -1;
    if (p_is_op(p, ",") || N(p, idx)->kind == N_STARRED) { /* t[a, b] */
        int tup = p_node(p, N_TUPLE, t), last = idx;
        N(p, tup)->a = idx;
        while (p_accept_op(p, ",") && !p_is_op(p, "]")) {
            int x = slice_item(p);
            if (x < 0)
                return -1;
            N(p, last)->next = x;
            last = x;
        }
        idx = tup;
    }
    N(p, s)->b = idx;
    if (!p_accept_op(p, "]"))
        return p_comma_hint(p, N(p, idx)->kind == N_TUPLE ? -1 : idx);
    return s;
}

static int p_primary_body(P *p)
{
    int e = p_end(p, p_atom(p)); /* a name a call or attribute starts from is marked on its own */
    int chain = 0;
    while (e >= 0) {
        Token *t = p_cur(p);
        if (++chain > 1 && !chain_ok(p, t, chain))
            return -1;
        if (p_accept_op(p, "(")) {
            int c = p_node(p, N_CALL, t);
            N(p, c)->a = e;
            e = p_call_args(p, c, ")");
        } else if (p_accept_op(p, "[")) {
            e = subscript(p, t, e);
        } else if (p_accept_op(p, ".")) {
            Token *n = p_cur(p);
            if (n->kind != T_NAME || p_is_keyword(n->text))
                return p_fail(p, "invalid syntax");
            int at = p_node(p, N_ATTR, n);
            N(p, at)->a = e;
            N(p, at)->str = p_dup_text(n, &N(p, at)->strlen);
            p->i++;
            e = at;
        } else {
            break;
        }
        p_end(p, e); /* each link of a chain: a traceback marks the one that failed */
    }
    return e;
}

int p_primary(P *p) { return p_end(p, p_primary_body(p)); }

static int factor(P *p);
static int binary(P *p, int level);
static int comparison(P *p);
static int inversion(P *p);
static int boolop(P *p, const char *kw, PyOp op, int (*sub)(P *));
static int starred(P *p);
static int expr_list(P *p, bool stars);
static int power(P *p);

static int power_body(P *p)
{
    Token *t = p_cur(p);
    int e;
    if (p_is_kw(p, "await")) {
        p->i++;
        if (!p_enter(p, t, 1))
            return -1;
        int v = p_primary(p);
        p_leave(p, 1);
        if (v < 0)
            return -1;
        e = p_node(p, N_AWAIT, t);
        N(p, e)->a = v;
    } else {
        e = p_primary(p);
    }
    if (e >= 0 && p_is_op(p, "**")) {
        Token *op = p_cur(p);
        p->i++;
        if (!p_enter(p, op, 2))
            return -1;
        int r = factor(p);
        p_leave(p, 2);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BINOP, op);
        N(p, b)->op = OP_POW, N(p, b)->a = e, N(p, b)->b = r;
        return b;
    }
    return e;
}

static int power(P *p) { return p_end(p, power_body(p)); }

static int factor_body(P *p)
{
    Token *t = p_cur(p);
    int op = p_is_op(p, "-") ? OP_NEG : p_is_op(p, "+") ? OP_POS : p_is_op(p, "~") ? OP_INVERT : -1;
    if (op < 0)
        return power(p);
    p->i++;
    if (!p_enter(p, t, 1))
        return -1;
    int e = factor(p);
    p_leave(p, 1);
    if (e < 0)
        return -1;
    int u = p_node(p, N_UNARY, t);
    N(p, u)->op = (uint8_t)op, N(p, u)->a = e;
    return u;
}

static int factor(P *p) { return p_end(p, factor_body(p)); }

typedef struct BinLevel { const char *ops[6]; PyOp codes[6]; } BinLevel;
static const BinLevel levels[] = {
    {{"|"}, {OP_BITOR}},
    {{"^"}, {OP_BITXOR}},
    {{"&"}, {OP_BITAND}},
    {{"<<", ">>"}, {OP_LSHIFT, OP_RSHIFT}},
    {{"+", "-"}, {OP_ADD, OP_SUB}},
    {{"*", "/", "//", "%", "@"}, {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_MATMUL}},
};

static int binary_body(P *p, int level)
{
    if (level >= 6)
        return factor(p);
    int e = binary(p, level + 1);
    int chain = 0;
    while (e >= 0) {
        Token *t = p_cur(p);
        int found = -1;
        for (int k = 0; levels[level].ops[k]; k++)
            if (t->kind == T_OP && strcmp(t->text, levels[level].ops[k]) == 0)
                found = k;
        if (found < 0)
            break;
        if (!chain_ok(p, t, ++chain))
            return -1;
        p->i++;
        int r = binary(p, level + 1);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BINOP, t);
        N(p, b)->op = (uint8_t)levels[level].codes[found], N(p, b)->a = e, N(p, b)->b = r;
        e = p_end(p, b);
    }
    return e;
}

static int binary(P *p, int level) { return p_end(p, binary_body(p, level)); }

int p_bitor(P *p) { return binary(p, 0); }

static int comparison_body(P *p)
{
    int e = p_bitor(p);
    if (e < 0)
        return -1;
    int cmp = -1, last = -1;
    for (;;) {
        Token *t = p_cur(p);
        int op = -1;
        if (t->kind == T_OP) {
            static const char *ops[] = {"<", "<=", "==", "!=", ">", ">="};
            for (int k = 0; k < 6; k++)
                if (strcmp(t->text, ops[k]) == 0)
                    op = OP_LT + k;
            if (op >= 0)
                p->i++;
        } else if (p_is_kw(p, "in")) {
            op = OP_IN, p->i++;
        } else if (p_is_kw(p, "not") && p_peek(p, 1)->kind == T_NAME && strcmp(p_peek(p, 1)->text, "in") == 0) {
            op = OP_NOTIN, p->i += 2;
        } else if (p_is_kw(p, "is")) {
            p->i++;
            op = p_accept_kw(p, "not") ? OP_ISNOT : OP_IS;
        }
        if (op < 0)
            break;
        int r = p_bitor(p);
        if (r < 0)
            return -1;
        if (cmp < 0) {
            cmp = p_node(p, N_COMPARE, t);
            N(p, cmp)->a = e;
        }
        int c = p_node(p, N_CMPOP, t);
        N(p, c)->op = (uint8_t)op, N(p, c)->a = r;
        if (last < 0)
            N(p, cmp)->b = c;
        else
            N(p, last)->next = c;
        last = c;
    }
    return cmp >= 0 ? cmp : e;
}

static int comparison(P *p) { return p_end(p, comparison_body(p)); }

static int inversion_body(P *p)
{
    Token *t = p_cur(p);
    if (!p_accept_kw(p, "not"))
        return comparison(p);
    if (!p_enter(p, t, 1))
        return -1;
    int e = inversion(p);
    p_leave(p, 1);
    if (e < 0)
        return -1;
    int u = p_node(p, N_UNARY, t);
    N(p, u)->op = OP_NOT, N(p, u)->a = e;
    return u;
}

static int inversion(P *p) { return p_end(p, inversion_body(p)); }

static int boolop_body(P *p, const char *kw, PyOp op, int (*sub)(P *))
{
    int e = sub(p);
    while (e >= 0 && p_is_kw(p, kw)) {
        Token *t = p_cur(p);
        p->i++;
        int r = sub(p);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BOOLOP, t);
        N(p, b)->op = (uint8_t)op, N(p, b)->a = e, N(p, b)->b = r;
        e = b;
    }
    return e;
}

static int boolop(P *p, const char *kw, PyOp op, int (*sub)(P *)) { return p_end(p, boolop_body(p, kw, op, sub)); }

static int conjunction(P *p) { return boolop(p, "and", OP_AND, inversion); }
int p_disjunction(P *p) { return boolop(p, "or", OP_OR, conjunction); }

static int p_lambda_body(P *p)
{
    Token *t = p_cur(p);
    p->i++;
    if (!p_enter(p, t, 2))
        return -1;
    int l = p_node(p, N_LAMBDA, t);
    int first = -1;
    if (p_params(p, ":", &first, l) < 0 || !p_expect_op(p, ":")) {
        p_leave(p, 2);
        return -1;
    }
    p->func_depth++;
    int body = p_expression(p);
    p->func_depth--;
    p_leave(p, 2);
    if (body < 0)
        return -1;
    N(p, l)->a = first, N(p, l)->b = body;
    return l;
}

int p_lambda(P *p) { return p_end(p, p_lambda_body(p)); }

static int p_expression_body(P *p)
{
    Token *t = p_cur(p);
    if (p_is_kw(p, "lambda"))
        return p_lambda(p);
    int e = p_disjunction(p);
    if (e < 0 || !p_is_kw(p, "if"))
        return e;
    Token *ift = p_cur(p);
    p->i++;
    int c = p_disjunction(p);
    if (c < 0)
        return -1;
    if (!p_accept_kw(p, "else")) {
        (void)ift;
        return p_fail_range(p, p_start(p, e), c, "expected 'else' after 'if' expression");
    }
    if (!p_enter(p, t, 1))
        return -1;
    int o = p_expression(p);
    p_leave(p, 1);
    if (o < 0)
        return -1;
    int ie = p_node(p, N_IFEXP, t);
    N(p, ie)->a = c, N(p, ie)->b = e, N(p, ie)->c = o;
    return ie;
}

int p_expression(P *p) { return p_end(p, p_expression_body(p)); }

static int p_named_body(P *p)
{
    Token *t = p_cur(p);
    if (t->kind == T_NAME && p_peek_op(p, 1, ":=")) {
        if (p_is_keyword(t->text))
            return p_failf(p, t, "cannot use assignment expressions with %s",
                           strcmp(t->text, "True") == 0 || strcmp(t->text, "False") == 0 ||
                           strcmp(t->text, "None") == 0 ? t->text : "keyword");
        int target = p_name(p);
        p->i++; /* := */
        int v = p_expression(p);
        if (v < 0)
            return -1;
        int n = p_node(p, N_NAMEDEXPR, t);
        N(p, n)->a = target, N(p, n)->b = v;
        return n;
    }
    int e = p_expression(p);
    if (e >= 0 && p_is_op(p, ":=")) {
        NodeKind k = (NodeKind)N(p, e)->kind;
        return p_failf(p, t, "cannot use assignment expressions with %s",
                       k == N_ATTR ? "attribute" : k == N_SUBSCRIPT ? "subscript" :
                       k == N_TUPLE ? "tuple" : k == N_CALL ? "function call" : "expression");
    }
    return e;
}

int p_named(P *p) { return p_end(p, p_named_body(p)); }

static int starred_body(P *p)
{
    Token *t = p_cur(p);
    p->i++;
    int s = p_node(p, N_STARRED, t);
    int v = p_bitor(p);
    if (v < 0)
        return -1;
    N(p, s)->a = v;
    return s;
}

static int starred(P *p) { return p_end(p, starred_body(p)); }

int p_star_named(P *p) { return p_is_op(p, "*") ? starred(p) : p_named(p); }

static bool ends_list(P *p)
{
    Token *x = p_cur(p);
    if (x->kind == T_NEWLINE || x->kind == T_END)
        return true;
    if (x->kind == T_NAME)
        return strcmp(x->text, "in") == 0;
    if (x->kind != T_OP)
        return false;
    static const char *ends[] = {"=", ")", "]", "}", ";", ":", "+=", "-=", "*=", "/=", "//=", "%=",
                                 "@=", "&=", "|=", "^=", "<<=", ">>=", "**=", NULL};
    for (int k = 0; ends[k]; k++)
        if (strcmp(x->text, ends[k]) == 0)
            return true;
    return false;
}

/* expression-or-star (',' ...)* -> a tuple when there is a comma */
static int expr_list_body(P *p, bool stars)
{
    Token *t = p_cur(p);
    int first = stars && p_is_op(p, "*") ? starred(p) : p_expression(p);
    if (first < 0 || !p_is_op(p, ","))
        return first;
    int tup = p_node(p, N_TUPLE, t), last = first;
    N(p, tup)->a = first;
    while (p_accept_op(p, ",")) {
        if (ends_list(p))
            break;
        int e = stars && p_is_op(p, "*") ? starred(p) : p_expression(p);
        if (e < 0)
            return -1;
        N(p, last)->next = e;
        last = e;
    }
    return tup;
}

static int expr_list(P *p, bool stars) { return p_end(p, expr_list_body(p, stars)); }

int p_star_expressions(P *p) { return expr_list(p, true); }
int p_expressions(P *p) { return expr_list(p, false); }

static int p_yield_body(P *p)
{
    Token *t = p_cur(p);
    p->i++;
    if (p_accept_kw(p, "from")) {
        int y = p_node(p, N_YIELDFROM, t);
        int v = p_expression(p);
        if (v < 0)
            return -1;
        N(p, y)->a = v;
        return y;
    }
    int y = p_node(p, N_YIELD, t);
    if (!ends_list(p) && !p_is_op(p, ",")) {
        int v = p_star_expressions(p);
        if (v < 0)
            return -1;
        N(p, y)->a = v;
    }
    return y;
}

int p_yield(P *p) { return p_end(p, p_yield_body(p)); }
