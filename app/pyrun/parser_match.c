/*
 * parser_match: the soft-keyword statements — `match` with every pattern
 * kind, and (3.12+) `type X[T] = ...` with type parameter lists.  Each
 * pattern becomes an N_PATTERN node of the kind in its flag (ast.h), which
 * compile_match.c turns into code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

static int pattern(P *p);

static int pat_node(P *p, int kind, Token *t)
{
    int n = p_node(p, N_PATTERN, t);
    N(p, n)->flag = (uint8_t)kind;
    return n;
}

/* '-'? NUMBER (('+' | '-') IMAGINARY)?: the expression, folded later */
static int signed_number(P *p)
{
    Token *t = p_cur(p);
    bool neg = p_accept_op(p, "-");
    Token *nt = p_cur(p);
    if (nt->kind != T_INT && nt->kind != T_FLOAT)
        return p_fail(p, "invalid syntax");
    int e = p_atom(p);
    if (e >= 0 && neg) {
        int u = p_node(p, N_UNARY, t);
        N(p, u)->op = OP_NEG, N(p, u)->a = e;
        e = p_end(p, u);
    }
    if (e >= 0 && (p_is_op(p, "+") || p_is_op(p, "-"))) { /* complex: 1 + 2j */
        Token *op = p_cur(p);
        p->i++;
        Token *im = p_cur(p);
        if (im->kind != T_FLOAT || !(im->flags & TF_IMAG))
            return p_failf(p, im, "imaginary number required in complex literal");
        int r = p_atom(p);
        if (r < 0)
            return -1;
        int b = p_node(p, N_BINOP, op);
        N(p, b)->op = op->text[0] == '+' ? OP_ADD : OP_SUB, N(p, b)->a = e, N(p, b)->b = r;
        e = p_end(p, b);
    }
    return e;
}

/* NAME ('.' NAME)*: an N_NAME or a chain of N_ATTR */
static int name_or_attr(P *p, bool *dotted)
{
    *dotted = false;
    int e = p_end(p, p_name(p));
    while (e >= 0 && p_accept_op(p, ".")) {
        Token *n = p_cur(p);
        if (n->kind != T_NAME)
            return p_fail(p, "invalid syntax");
        int at = p_node(p, N_ATTR, n);
        N(p, at)->a = e;
        N(p, at)->str = p_dup_text(n, &N(p, at)->strlen);
        p->i++;
        e = p_end(p, at);
        *dotted = true;
    }
    return e;
}

/* after `Cls(`: positional patterns in b, `name=pattern` (N_KWARG) in c */
static bool class_args(P *p, int cls)
{
    int pf = -1, pl = -1, kf = -1, kl = -1;
    while (!p_is_op(p, ")")) {
        int kw = -1;
        Token *t = p_cur(p);
        if (t->kind == T_NAME && p_peek_op(p, 1, "=")) {
            kw = p_node(p, N_KWARG, t);
            N(p, kw)->str = p_dup_text(t, &N(p, kw)->strlen);
            p->i += 2;
        } else if (kf >= 0) {
            return p_failf(p, p_cur(p), "positional patterns follow keyword patterns") >= 0;
        }
        int sub = pattern(p);
        if (sub < 0)
            return false;
        if (kw >= 0)
            N(p, kw)->a = sub, p_append(p, &kf, &kl, kw);
        else
            p_append(p, &pf, &pl, sub);
        if (!p_accept_op(p, ","))
            break;
    }
    N(p, cls)->b = pf, N(p, cls)->c = kf;
    return p_expect_op(p, ")");
}

static int star_or_pattern(P *p)
{
    Token *t = p_cur(p);
    if (p_accept_op(p, "*")) {
        Token *nt = p_cur(p);
        if (!p_at_name(p))
            return p_fail(p, "invalid syntax");
        int s = pat_node(p, PAT_STAR, t);
        if (strcmp(nt->text, "_") != 0)
            N(p, s)->str = p_dup_text(nt, &N(p, s)->strlen);
        p->i++;
        return p_end(p, s);
    }
    return pattern(p);
}

/* the items of a sequence pattern up to close (`(` `[` already read); a
 * parenthesized single pattern without a comma is only a group */
static int sequence(P *p, Token *open, const char *close)
{
    int seq = pat_node(p, PAT_SEQ, open), first = -1, last = -1;
    bool comma = false;
    while (!p_is_op(p, close)) {
        int item = star_or_pattern(p);
        if (item < 0)
            return -1;
        p_append(p, &first, &last, item);
        if (!p_accept_op(p, ","))
            break;
        comma = true;
    }
    if (!p_expect_op(p, close))
        return -1;
    if (*close == ')' && first >= 0 && !comma) {
        if (N(p, first)->kind == N_PATTERN && N(p, first)->flag == PAT_STAR)
            return p_failf(p, open, "invalid syntax");
        return first;
    }
    N(p, seq)->a = first;
    return seq;
}

static int mapping_key(P *p)
{
    Token *t = p_cur(p);
    bool dotted;
    if (t->kind == T_STRING)
        return p_strings(p);
    if (t->kind == T_NAME && (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
                              strcmp(t->text, "False") == 0))
        return p_atom(p);
    if (t->kind == T_NAME) {
        int e = name_or_attr(p, &dotted);
        if (e >= 0 && !dotted)
            return p_fail(p, "invalid syntax");
        return e;
    }
    return signed_number(p);
}

/* after `{`: keys in a, their patterns in b, `**rest` in str (last only) */
static int mapping(P *p, Token *open)
{
    int m = pat_node(p, PAT_MAP, open);
    int kf = -1, kl = -1, vf = -1, vl = -1;
    while (!p_is_op(p, "}")) {
        if (p_accept_op(p, "**")) {
            Token *nt = p_cur(p);
            if (!p_at_name(p) || strcmp(nt->text, "_") == 0)
                return p_fail(p, "invalid syntax");
            N(p, m)->str = p_dup_text(nt, &N(p, m)->strlen);
            p->i++;
            p_accept_op(p, ",");
            break;
        }
        int k = mapping_key(p);
        if (k < 0 || !p_expect_op(p, ":"))
            return -1;
        int v = pattern(p);
        if (v < 0)
            return -1;
        p_append(p, &kf, &kl, k);
        p_append(p, &vf, &vl, v);
        if (!p_accept_op(p, ","))
            break;
    }
    if (!p_expect_op(p, "}"))
        return -1;
    N(p, m)->a = kf, N(p, m)->b = vf;
    return m;
}

static int closed_inner(P *p, Token *t)
{
    if (t->kind == T_STRING) {
        int v = pat_node(p, PAT_VALUE, t), e = p_strings(p);
        N(p, v)->a = e;
        return e < 0 ? -1 : v;
    }
    if (t->kind == T_INT || t->kind == T_FLOAT || p_is_op(p, "-")) {
        int v = pat_node(p, PAT_VALUE, t), e = signed_number(p);
        N(p, v)->a = e;
        return e < 0 ? -1 : v;
    }
    if (t->kind == T_NAME && (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
                              strcmp(t->text, "False") == 0)) {
        int v = pat_node(p, PAT_SINGLETON, t), e = p_atom(p);
        N(p, v)->a = e;
        return v;
    }
    if (t->kind == T_NAME && !p_is_keyword(t->text)) {
        bool dotted;
        int e = name_or_attr(p, &dotted);
        if (e < 0)
            return -1;
        if (p_accept_op(p, "(")) {
            int c = pat_node(p, PAT_CLASS, t);
            N(p, c)->a = e;
            return class_args(p, c) ? c : -1;
        }
        if (dotted) {
            int v = pat_node(p, PAT_VALUE, t);
            N(p, v)->a = e;
            return v;
        }
        int cap = pat_node(p, PAT_AS, t); /* a capture, or the wildcard `_` */
        if (strcmp(t->text, "_") != 0)
            N(p, cap)->str = p_dup_text(t, &N(p, cap)->strlen);
        return cap;
    }
    if (p_accept_op(p, "("))
        return sequence(p, t, ")");
    if (p_accept_op(p, "["))
        return sequence(p, t, "]");
    if (p_accept_op(p, "{"))
        return mapping(p, t);
    return p_fail(p, "invalid syntax");
}

static int closed_pattern(P *p)
{
    Token *t = p_cur(p);
    if (!p_enter(p, t, 1))
        return -1;
    bool group = p_is_op(p, "(");
    int r = closed_inner(p, t);
    p_leave(p, 1);
    if (r >= 0 && (!group || N(p, r)->flag == PAT_SEQ)) /* a group keeps its inner pattern's end */
        p_end(p, r);
    return r;
}

static int or_pattern(P *p)
{
    Token *t = p_cur(p);
    int first = closed_pattern(p);
    if (first < 0 || !p_is_op(p, "|"))
        return first;
    int alt = pat_node(p, PAT_OR, t), last = first;
    while (p_accept_op(p, "|")) {
        int n = closed_pattern(p);
        if (n < 0)
            return -1;
        N(p, last)->next = n, last = n;
    }
    N(p, alt)->a = first;
    return p_end(p, alt);
}

static int pattern(P *p)
{
    Token *t = p_cur(p);
    int sub = or_pattern(p);
    if (sub < 0)
        return -1;
    if (p_accept_kw(p, "as")) {
        Token *nt = p_cur(p);
        if (!p_at_name(p))
            return p_fail(p, "invalid pattern target");
        if (strcmp(nt->text, "_") == 0)
            return p_failf(p, nt, "cannot use '_' as a target");
        int as = pat_node(p, PAT_AS, t);
        N(p, as)->a = sub;
        N(p, as)->str = p_dup_text(nt, &N(p, as)->strlen);
        p->i++;
        return p_end(p, as);
    }
    return sub;
}

static int case_block(P *p)
{
    Token *t = p_cur(p);
    p->i++; /* case */
    int c = p_node(p, N_CASE, t);
    Token *pt = p_cur(p);
    int pat = star_or_pattern(p);
    if (pat < 0)
        return -1;
    if (p_is_op(p, ",")) { /* an open sequence: `case a, *rest:` */
        int seq = pat_node(p, PAT_SEQ, pt), last = pat;
        N(p, seq)->a = pat;
        while (p_accept_op(p, ",") && !p_is_op(p, ":") && !p_is_kw(p, "if")) {
            int item = star_or_pattern(p);
            if (item < 0)
                return -1;
            N(p, last)->next = item, last = item;
        }
        pat = p_end(p, seq);
    } else if (N(p, pat)->flag == PAT_STAR) {
        return p_failf(p, pt, "invalid syntax");
    }
    N(p, c)->a = pat;
    if (p_accept_kw(p, "if")) {
        int guard = p_named(p);
        if (guard < 0)
            return -1;
        N(p, c)->b = guard;
    }
    int body = p_block(p, "'case' statement", t->line);
    if (body < 0 && p->err->set)
        return -1;
    N(p, c)->c = body;
    return c;
}

int p_match(P *p)
{
    Token *t = p_cur(p);
    size_t save = p->i, save_len = p->ast->len;
    PyError save_err = *p->err;
    p->i++;
    Token *st = p_cur(p);
    int subject = -1;
    bool looks = st->kind != T_NEWLINE && st->kind != T_END;
    if (looks && st->kind == T_OP) /* `match = 1`, `match.x`, `match + 1`: a name */
        looks = strcmp(st->text, "(") == 0 || strcmp(st->text, "[") == 0 || strcmp(st->text, "{") == 0 ||
                strcmp(st->text, "-") == 0 || strcmp(st->text, "*") == 0 || strcmp(st->text, "~") == 0 ||
                strcmp(st->text, "...") == 0;
    if (looks) { /* star_named_expression ',' ... | named_expression */
        subject = p_star_named(p);
        if (subject >= 0 && p_is_op(p, ",")) {
            int tup = p_node(p, N_TUPLE, st), last = subject;
            N(p, tup)->a = subject;
            while (subject >= 0 && p_accept_op(p, ",") && !p_is_op(p, ":")) {
                int e = p_star_named(p);
                if (e < 0)
                    subject = -1;
                else
                    N(p, last)->next = e, last = e;
            }
            if (subject >= 0)
                subject = tup;
        } else if (subject >= 0 && N(p, subject)->kind == N_STARRED) {
            subject = -1;
        }
    }
    if (subject < 0 || !p_is_op(p, ":") || p_peek(p, 1)->kind != T_NEWLINE) {
        for (size_t k = save_len; k < p->ast->len; k++)
            free(p->ast->n[k].str);
        p->ast->len = save_len;
        *p->err = save_err;
        p->i = save;
        return -2;
    }
    int m = p_node(p, N_MATCH, t);
    N(p, m)->a = subject;
    p->i += 2; /* ':' NEWLINE */
    if (p_cur(p)->kind != T_INDENT) {
        p_fail_at(p, p_cur(p), "IndentationError", "expected an indented block after 'match' statement on line %d",
                  t->line);
        return -1;
    }
    p->i++;
    int first = -1, last = -1;
    while (p_is_kw(p, "case")) {
        int c = case_block(p);
        if (c < 0)
            return -1;
        p_append(p, &first, &last, c);
    }
    if (first < 0 || (p_cur(p)->kind != T_DEDENT && p_cur(p)->kind != T_END))
        return p_fail(p, "invalid syntax");
    if (p_cur(p)->kind == T_DEDENT)
        p->i++;
    N(p, m)->b = first;
    return m;
}

int p_type_params(P *p)
{
    Token *open = p_cur(p);
    p->i++; /* [ */
    int first = -1, last = -1;
    while (!p_is_op(p, "]")) {
        Token *t = p_cur(p);
        int tp = p_node(p, N_TYPEPARAM, t);
        if (p_accept_op(p, "*"))
            N(p, tp)->flag = 1;
        else if (p_accept_op(p, "**"))
            N(p, tp)->flag = 2;
        Token *nt = p_cur(p);
        if (!p_at_name(p))
            return p_fail(p, "invalid syntax");
        N(p, tp)->str = p_dup_text(nt, &N(p, tp)->strlen);
        p->i++;
        if (p_is_op(p, ":")) {
            if (N(p, tp)->flag)
                return p_failf(p, p_cur(p), "cannot use bound with %s",
                               N(p, tp)->flag == 1 ? "TypeVarTuple" : "ParamSpec");
            p->i++;
            int bound = p_expression(p);
            if (bound < 0)
                return -1;
            N(p, tp)->a = bound;
        }
        if (p->minor >= 13 && p_accept_op(p, "=")) {
            int d = N(p, tp)->flag == 1 && p_is_op(p, "*") ? -1 : p_expression(p);
            if (d < 0 && p_is_op(p, "*")) {
                p->i++;
                d = p_expression(p);
            }
            if (d < 0)
                return -1;
            N(p, tp)->b = d;
        }
        p_append(p, &first, &last, tp);
        if (!p_accept_op(p, ","))
            break;
    }
    if (first < 0)
        return p_failf(p, open, "Type parameter list cannot be empty");
    if (!p_accept_op(p, "]"))
        return p_fail(p, "invalid syntax");
    return first;
}

int p_type_alias(P *p)
{
    Token *t = p_cur(p);
    if (p->minor < 12 || p_peek(p, 1)->kind != T_NAME || p_is_keyword(p_peek(p, 1)->text) ||
        !(p_peek_op(p, 2, "=") || p_peek_op(p, 2, "[")))
        return -2;
    p->i++;
    int s = p_node(p, N_TYPEALIAS, t);
    int name = p_name(p), tps = -1;
    if (p_is_op(p, "[") && (tps = p_type_params(p)) < 0)
        return -1;
    if (!p_accept_op(p, "="))
        return p_fail(p, "invalid syntax");
    int value = p_expression(p);
    if (value < 0)
        return -1;
    N(p, s)->a = name, N(p, s)->b = value, N(p, s)->e = tps;
    return s;
}
