/*
 * parser_match: the soft-keyword statements — `match` with every pattern
 * kind, and (3.12+) `type X[T] = ...` with type parameter lists.  The
 * patterns are checked, not kept: the compiler refuses `match` as a whole,
 * so one N_PATTERN per case marks where it stands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

static bool pattern(P *p);
static bool or_pattern(P *p);

static bool signed_number(P *p)
{
    p_accept_op(p, "-");
    Token *t = p_cur(p);
    if (t->kind != T_INT && t->kind != T_FLOAT)
        return p_fail(p, "invalid syntax") >= 0;
    p->i++;
    if (p_is_op(p, "+") || p_is_op(p, "-")) { /* complex: 1 + 2j */
        p->i++;
        Token *im = p_cur(p);
        if (im->kind != T_FLOAT || !(im->flags & TF_IMAG))
            return p_failf(p, im, "imaginary number required in complex literal") >= 0;
        p->i++;
    }
    return true;
}

/* NAME ('.' NAME)* */
static bool name_or_attr(P *p, bool *dotted)
{
    *dotted = false;
    p->i++;
    while (p_accept_op(p, ".")) {
        if (p_cur(p)->kind != T_NAME)
            return p_fail(p, "invalid syntax") >= 0;
        p->i++;
        *dotted = true;
    }
    return true;
}

static bool class_args(P *p)
{
    bool kw = false;
    while (!p_is_op(p, ")")) {
        if (p_cur(p)->kind == T_NAME && p_peek_op(p, 1, "=")) {
            p->i += 2;
            kw = true;
        } else if (kw) {
            return p_failf(p, p_cur(p), "positional patterns follow keyword patterns") >= 0;
        }
        if (!pattern(p))
            return false;
        if (!p_accept_op(p, ","))
            break;
    }
    return p_expect_op(p, ")");
}

static bool star_or_pattern(P *p)
{
    if (p_accept_op(p, "*")) {
        if (!p_at_name(p))
            return p_fail(p, "invalid syntax") >= 0;
        p->i++;
        return true;
    }
    return pattern(p);
}

static bool sequence(P *p, const char *close)
{
    while (!p_is_op(p, close)) {
        if (!star_or_pattern(p))
            return false;
        if (!p_accept_op(p, ","))
            break;
    }
    return p_expect_op(p, close);
}

static bool mapping(P *p)
{
    while (!p_is_op(p, "}")) {
        if (p_accept_op(p, "**")) {
            if (!p_at_name(p))
                return p_fail(p, "invalid syntax") >= 0;
            p->i++;
        } else {
            Token *t = p_cur(p);
            bool dotted;
            if (t->kind == T_STRING) {
                while (p_cur(p)->kind == T_STRING)
                    p->i++;
            } else if (t->kind == T_NAME && (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
                                             strcmp(t->text, "False") == 0)) {
                p->i++;
            } else if (t->kind == T_NAME) {
                if (!name_or_attr(p, &dotted))
                    return false;
                if (!dotted)
                    return p_fail(p, "invalid syntax") >= 0;
            } else if (!signed_number(p)) {
                return false;
            }
            if (!p_expect_op(p, ":") || !pattern(p))
                return false;
        }
        if (!p_accept_op(p, ","))
            break;
    }
    return p_expect_op(p, "}");
}

static bool closed_pattern(P *p)
{
    Token *t = p_cur(p);
    if (!p_enter(p, t, 1))
        return false;
    bool ok = true;
    if (t->kind == T_STRING) {
        while (p_cur(p)->kind == T_STRING)
            p->i++;
    } else if (t->kind == T_INT || t->kind == T_FLOAT || p_is_op(p, "-")) {
        ok = signed_number(p);
    } else if (t->kind == T_NAME && !p_is_keyword(t->text)) {
        bool dotted;
        ok = name_or_attr(p, &dotted) && (!p_accept_op(p, "(") || class_args(p));
    } else if (t->kind == T_NAME && (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
                                     strcmp(t->text, "False") == 0)) {
        p->i++;
    } else if (p_accept_op(p, "(")) {
        ok = sequence(p, ")");
    } else if (p_accept_op(p, "[")) {
        ok = sequence(p, "]");
    } else if (p_accept_op(p, "{")) {
        ok = mapping(p);
    } else {
        ok = p_fail(p, "invalid syntax") >= 0;
    }
    p_leave(p, 1);
    return ok;
}

static bool or_pattern(P *p)
{
    do {
        if (!closed_pattern(p))
            return false;
    } while (p_accept_op(p, "|"));
    return true;
}

static bool pattern(P *p)
{
    if (!or_pattern(p))
        return false;
    if (p_accept_kw(p, "as")) {
        Token *t = p_cur(p);
        if (!p_at_name(p))
            return p_fail(p, "invalid pattern target") >= 0;
        if (strcmp(t->text, "_") == 0)
            return p_failf(p, t, "cannot use '_' as a target") >= 0;
        p->i++;
    }
    return true;
}

static int case_block(P *p)
{
    Token *t = p_cur(p);
    p->i++; /* case */
    int c = p_node(p, N_CASE, t);
    int pat = p_node(p, N_PATTERN, p_cur(p));
    N(p, c)->a = pat;
    if (!star_or_pattern(p))
        return -1;
    while (p_accept_op(p, ",") && !p_is_op(p, ":") && !p_is_kw(p, "if"))
        if (!star_or_pattern(p))
            return -1;
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
