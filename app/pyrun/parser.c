/*
 * parser: recursive descent, one function per grammar rule, building nodes
 * in the Ast array.  Expression precedence follows the Python grammar
 * (lambda < if-else < or < and < not < comparisons < | < ^ < & < shifts <
 * + - < * / // % @ < unary < ** < primary).
 */
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"



int ast_new(Ast *a, NodeKind k, int line, int col)
{
    a->n = xgrow(a->n, &a->cap, a->len + 1, sizeof *a->n);
    Node *n = &a->n[a->len];
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)k;
    n->line = line;
    n->col = col;
    n->a = n->b = n->c = n->d = n->next = -1;
    return (int)a->len++;
}

void ast_fini(Ast *a)
{
    for (size_t i = 0; i < a->len; i++)
        free(a->n[i].str);
    free(a->n);
    a->n = NULL;
    a->len = a->cap = 0;
}

int ast_list_len(const Ast *a, int first)
{
    int k = 0;
    for (int i = first; i >= 0; i = a->n[i].next)
        k++;
    return k;
}


Token *p_cur(P *p) { return &p->tl.t[p->i]; }
Token *p_peek(P *p, size_t k)
{
    size_t j = p->i + k;
    return &p->tl.t[j < p->tl.n ? j : p->tl.n - 1];
}

bool p_fail_at(P *p, Token *t, const char *type, const char *fmt, ...)
{
    if (p->err->set)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    va_end(ap);
    snprintf(p->err->type, sizeof p->err->type, "%s", type);
    p->err->line = t->line;
    p->err->col = t->col;
    p->err->set = true;
    return false;
}

int p_fail(P *p, const char *msg)
{
    p_fail_at(p, p_cur(p), "SyntaxError", "%s", msg);
    return -1;
}

bool p_is_op(P *p, const char *op)
{
    Token *t = p_cur(p);
    return t->kind == T_OP && strcmp(t->text, op) == 0;
}

bool p_is_kw(P *p, const char *kw)
{
    Token *t = p_cur(p);
    return t->kind == T_NAME && strcmp(t->text, kw) == 0;
}

bool p_accept_op(P *p, const char *op)
{
    if (!p_is_op(p, op))
        return false;
    p->i++;
    return true;
}

bool p_accept_kw(P *p, const char *kw)
{
    if (!p_is_kw(p, kw))
        return false;
    p->i++;
    return true;
}

bool p_expect_op(P *p, const char *op)
{
    if (p_accept_op(p, op))
        return true;
    if (strcmp(op, ":") == 0 && p_is_op(p, "="))
        return p_fail_at(p, p_cur(p), "SyntaxError",
                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (strcmp(op, ":") == 0)
        return p_fail_at(p, p_cur(p), "SyntaxError", "expected ':'");
    return p_fail_at(p, p_cur(p), "SyntaxError", "invalid syntax");
}

static const char *keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await",
                                 "break", "class", "continue", "def", "del", "elif", "else",
                                 "except", "finally", "for", "from", "global", "if", "import",
                                 "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                                 "return", "try", "while", "with", "yield", NULL};

bool p_is_keyword(const char *s)
{
    for (int i = 0; keywords[i]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return true;
    return false;
}

int p_node(P *p, NodeKind k, Token *t) { return ast_new(p->ast, k, t->line, t->col); }

char *p_dup_text(const Token *t, size_t *len)
{
    *len = t->textlen;
    char *s = xmalloc(t->textlen + 1);
    memcpy(s, t->text, t->textlen);
    s[t->textlen] = '\0';
    return s;
}


static int call_args(P *p, int call)
{
    int last = -1;
    while (!p_is_op(p, ")")) {
        Token *t = p_cur(p);
        int a;
        if (t->kind == T_NAME && p_peek(p, 1)->kind == T_OP && strcmp(p_peek(p, 1)->text, "=") == 0) {
            a = p_node(p, N_KWARG, t);
            N(p, a)->str = p_dup_text(t, &N(p, a)->strlen);
            p->i += 2;
            int v = p_test(p);
            if (v < 0)
                return -1;
            N(p, a)->a = v;
        } else if (p_accept_op(p, "*")) {
            a = p_node(p, N_STARRED, t);
            int v = p_test(p);
            if (v < 0)
                return -1;
            N(p, a)->a = v;
        } else {
            a = p_test(p);
            if (a < 0)
                return -1;
            if (p_is_kw(p, "for"))
                return p_fail(p, "generator expressions are not supported by pydive");
        }
        if (last < 0)
            N(p, call)->b = a;
        else
            N(p, last)->next = a;
        last = a;
        if (!p_accept_op(p, ","))
            break;
    }
    if (!p_accept_op(p, ")"))
        return p_fail(p, "invalid syntax. Perhaps you forgot a comma?");
    return call;
}

static int subscript(P *p)
{
    Token *t = p_cur(p);
    int lo = -1, hi = -1, st = -1;
    if (!p_is_op(p, ":")) {
        lo = p_test(p);
        if (lo < 0)
            return -1;
        if (!p_is_op(p, ":"))
            return lo;
    }
    int sl = p_node(p, N_SLICE, t);
    p->i++; /* ':' */
    if (!p_is_op(p, "]") && !p_is_op(p, ":")) {
        hi = p_test(p);
        if (hi < 0)
            return -1;
    }
    if (p_accept_op(p, ":") && !p_is_op(p, "]")) {
        st = p_test(p);
        if (st < 0)
            return -1;
    }
    N(p, sl)->a = lo, N(p, sl)->b = hi, N(p, sl)->c = st;
    return sl;
}

static int primary(P *p)
{
    int e = p_atom(p);
    while (e >= 0) {
        Token *t = p_cur(p);
        if (p_accept_op(p, "(")) {
            int c = p_node(p, N_CALL, t);
            N(p, c)->a = e;
            e = call_args(p, c);
        } else if (p_accept_op(p, "[")) {
            int s = p_node(p, N_SUBSCRIPT, t);
            N(p, s)->a = e;
            int idx = subscript(p);
            if (idx < 0)
                return -1;
            if (p_is_op(p, ",")) { /* t[a, b] */
                int tup = p_node(p, N_TUPLE, t);
                N(p, tup)->a = idx;
                int last = idx;
                while (p_accept_op(p, ",") && !p_is_op(p, "]")) {
                    int x = p_test(p);
                    if (x < 0)
                        return -1;
                    N(p, last)->next = x;
                    last = x;
                }
                idx = tup;
            }
            N(p, s)->b = idx;
            if (!p_expect_op(p, "]"))
                return -1;
            e = s;
        } else if (p_accept_op(p, ".")) {
            Token *n = p_cur(p);
            if (n->kind != T_NAME)
                return p_fail(p, "invalid syntax");
            int at = p_node(p, N_ATTR, n);
            N(p, at)->a = e;
            N(p, at)->str = p_dup_text(n, &N(p, at)->strlen);
            p->i++;
            e = at;
        } else {
            break;
        }
    }
    return e;
}

static int factor(P *p);

static int power(P *p)
{
    int e = primary(p);
    if (e >= 0 && p_is_op(p, "**")) {
        Token *t = p_cur(p);
        p->i++;
        int r = factor(p);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BINOP, t);
        N(p, b)->op = OP_POW, N(p, b)->a = e, N(p, b)->b = r;
        return b;
    }
    return e;
}

static int factor(P *p)
{
    Token *t = p_cur(p);
    int op = p_is_op(p, "-") ? OP_NEG : p_is_op(p, "+") ? OP_POS : p_is_op(p, "~") ? OP_INVERT : -1;
    if (op < 0)
        return power(p);
    p->i++;
    if (++p->depth > 200) {
        p_fail_at(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int e = factor(p);
    p->depth--;
    if (e < 0)
        return -1;
    if (op == OP_NEG && (N(p, e)->kind == N_INT || N(p, e)->kind == N_FLOAT) && N(p, e)->flag == 0 &&
        N(p, e)->ival != INT64_MIN) {
        N(p, e)->ival = -N(p, e)->ival; /* constant folding of -literal */
        N(p, e)->fval = -N(p, e)->fval;
        return e;
    }
    int u = p_node(p, N_UNARY, t);
    N(p, u)->op = (uint8_t)op, N(p, u)->a = e;
    return u;
}

typedef struct BinLevel { const char *ops[6]; PyOp codes[6]; } BinLevel;
static const BinLevel levels[] = {
    {{"|"}, {OP_BITOR}},
    {{"^"}, {OP_BITXOR}},
    {{"&"}, {OP_BITAND}},
    {{"<<", ">>"}, {OP_LSHIFT, OP_RSHIFT}},
    {{"+", "-"}, {OP_ADD, OP_SUB}},
    {{"*", "/", "//", "%", "@"}, {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_MATMUL}},
};

static int binary(P *p, int level)
{
    if (level >= 6)
        return factor(p);
    int e = binary(p, level + 1);
    while (e >= 0) {
        Token *t = p_cur(p);
        int found = -1;
        for (int k = 0; levels[level].ops[k]; k++)
            if (t->kind == T_OP && strcmp(t->text, levels[level].ops[k]) == 0)
                found = k;
        if (found < 0)
            break;
        p->i++;
        int r = binary(p, level + 1);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BINOP, t);
        N(p, b)->op = (uint8_t)levels[level].codes[found], N(p, b)->a = e, N(p, b)->b = r;
        e = b;
    }
    return e;
}

int p_expr_bitor(P *p) { return binary(p, 0); }

static int comparison(P *p)
{
    int e = p_expr_bitor(p);
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
        int r = p_expr_bitor(p);
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

static int not_test(P *p)
{
    Token *t = p_cur(p);
    if (p_accept_kw(p, "not")) {
        if (++p->depth > 200) {
            p_fail_at(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
            return -1;
        }
        int e = not_test(p);
        p->depth--;
        if (e < 0)
            return -1;
        int u = p_node(p, N_UNARY, t);
        N(p, u)->op = OP_NOT, N(p, u)->a = e;
        return u;
    }
    return comparison(p);
}

static int boolop(P *p, const char *kw, PyOp op, int (*sub)(P *))
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

static int and_test(P *p) { return boolop(p, "and", OP_AND, not_test); }
int p_or_test_(P *p) { return boolop(p, "or", OP_OR, and_test); }


int p_test(P *p)
{
    Token *t = p_cur(p);
    if (p_accept_kw(p, "lambda")) {
        int l = p_node(p, N_LAMBDA, t);
        int first = -1;
        if (p_params(p, ":", &first) < 0 || !p_expect_op(p, ":"))
            return -1;
        int body = p_test(p);
        if (body < 0)
            return -1;
        N(p, l)->a = first, N(p, l)->b = body;
        return l;
    }
    int e = p_or_test_(p);
    if (e >= 0 && p_is_kw(p, "if")) {
        p->i++;
        int c = p_or_test_(p);
        if (c < 0)
            return -1;
        if (!p_accept_kw(p, "else"))
            return p_fail(p, "expected 'else' after 'if' expression");
        int o = p_test(p);
        if (o < 0)
            return -1;
        int ie = p_node(p, N_IFEXP, t);
        N(p, ie)->a = c, N(p, ie)->b = e, N(p, ie)->c = o;
        return ie;
    }
    return e;
}

/* test (',' p_test)* -> a tuple when there is a comma */
int p_testlist(P *p, bool allow_tuple)
{
    Token *t = p_cur(p);
    int first;
    if (p_is_op(p, "*")) {
        p->i++;
        first = p_node(p, N_STARRED, t);
        int v = p_expr_bitor(p);
        if (v < 0)
            return -1;
        N(p, first)->a = v;
    } else {
        first = p_test(p);
    }
    if (first < 0 || !allow_tuple || !p_is_op(p, ","))
        return first;
    int tup = p_node(p, N_TUPLE, t);
    N(p, tup)->a = first;
    int last = first;
    while (p_accept_op(p, ",")) {
        Token *x = p_cur(p);
        if (x->kind == T_NEWLINE || (x->kind == T_OP && (strcmp(x->text, "=") == 0 ||
                                                         strcmp(x->text, ")") == 0 ||
                                                         strcmp(x->text, ";") == 0)))
            break;
        int e = p_test(p);
        if (e < 0)
            return -1;
        N(p, last)->next = e;
        last = e;
    }
    return tup;
}

