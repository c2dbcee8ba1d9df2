/*
 * parser_params: parameter lists of def and lambda — positional-only '/',
 * bare '*' and keyword-only parameters, *args, **kwargs, defaults and (for
 * def) annotations — with CPython's messages for the misplaced ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

typedef struct ParamState {
    bool seen_default, star, bare_star, dstar, slash;
    int count;
} ParamState;

static int one_param(P *p, ParamState *st, bool annotations, int *first, int *last)
{
    Token *t = p_cur(p);
    uint8_t flag = 0;
    if (st->dstar)
        return p_failf(p, t, "arguments cannot follow var-keyword argument");
    if (p_accept_op(p, "**")) {
        flag = PF_KWARGS;
    } else if (p_accept_op(p, "*")) {
        if (st->star)
            return p_failf(p, t, "* argument may appear only once");
        st->star = true;
        if (p_is_op(p, ",") || p_is_op(p, ")") || p_is_op(p, ":")) {
            if (!p_is_op(p, ",") || p_peek_op(p, 1, ")") || p_peek_op(p, 1, ":") ||
                p_peek_op(p, 1, "**"))
                return p_failf(p, annotations ? t : p_cur(p), "named arguments must follow bare *");
            st->bare_star = true;
            return 0;
        }
        flag = PF_VARARGS;
    } else if (p_is_op(p, "/")) {
        if (st->slash)
            return p_failf(p, t, "/ may appear only once");
        if (st->star)
            return p_failf(p, t, "/ must be ahead of *");
        if (st->count == 0)
            return p_failf(p, t, "at least one argument must precede /");
        p->i++;
        st->slash = true;
        for (int q = *first; q >= 0; q = N(p, q)->next)
            N(p, q)->flag = PF_POSONLY;
        return 0;
    } else if (st->star) {
        flag = PF_KWONLY;
    }
    Token *nt = p_cur(p);
    if (!p_at_name(p))
        return p_fail(p, "invalid syntax");
    for (int q = *first; q >= 0; q = N(p, q)->next)
        if (strcmp(N(p, q)->str, nt->text) == 0)
            return p_failf(p, nt, "duplicate argument '%s' in function definition", nt->text);
    int prm = p_node(p, N_PARAM, t);
    N(p, prm)->flag = flag;
    N(p, prm)->str = p_dup_text(nt, &N(p, prm)->strlen);
    p->i++;
    if (annotations && p_accept_op(p, ":")) {
        int ann = flag == PF_VARARGS && p_is_op(p, "*") ? -1 : p_expression(p);
        if (ann < 0 && flag == PF_VARARGS && p_is_op(p, "*") && p->minor >= 11) {
            Token *s = p_cur(p); /* def f(*args: *Ts) */
            p->i++;
            ann = p_node(p, N_STARRED, s);
            int v = p_expression(p);
            if (v < 0)
                return -1;
            N(p, ann)->a = v;
        }
        if (ann < 0)
            return -1;
        N(p, prm)->b = ann;
    }
    if (p_is_op(p, "=")) {
        if (flag == PF_VARARGS || flag == PF_KWARGS)
            return p_failf(p, p_cur(p), "%s", flag == PF_VARARGS ? "var-positional argument cannot have default value"
                                                                : "var-keyword argument cannot have default value");
        p->i++;
        int d = p_expression(p);
        if (d < 0)
            return -1;
        N(p, prm)->a = d;
        st->seen_default = true;
    } else if (st->seen_default && flag == 0) {
        return p_failf(p, nt, "%s", p->minor >= 12 ? "parameter without a default follows parameter with a default"
                                                   : "non-default argument follows default argument");
    }
    if (flag == PF_KWARGS)
        st->dstar = true;
    st->count++;
    p_append(p, first, last, prm);
    return 0;
}

int p_params(P *p, const char *close, int *first, int owner)
{
    ParamState st = {0};
    int last = -1;
    *first = -1;
    bool annotations = strcmp(close, ")") == 0;
    while (!p_is_op(p, close)) {
        if (one_param(p, &st, annotations, first, &last) < 0)
            return -1;
        if (!p_accept_op(p, ","))
            break;
    }
    if (st.bare_star)
        N(p, owner)->xf |= XF_BARESTAR;
    /* a default on a positional-only parameter is kept; flags settle here */
    return 0;
}
