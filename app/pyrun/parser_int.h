/*
 * parser_int: what the halves of the parser share (expressions, atoms,
 * f-strings, simple and compound statements, match and type parameters).
 */
#ifndef PYDIVE_PYRUN_PARSER_INT_H
#define PYDIVE_PYRUN_PARSER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "pyrun/ast.h"
#include "pyrun/lexer.h"

typedef struct P {
    TokList tl;
    size_t i;
    size_t far;       /* the furthest token looked at: where a generic error is */
    Ast *ast;
    PyError *err;
    const char *src;
    int minor;        /* Python 3.<minor> */
    int stack;        /* parser stack in use, in CPython's units */
    int nest;         /* expression nesting: the compiler's recursion */
    int blocks;       /* statically nested loops / try / with */
    int func_depth;   /* 0 at module level */
    bool in_fstring;
    int *futures;     /* `from __future__ import` statements, in order */
    size_t nfutures, capfutures;
} P;

#define N(p, i) (&(p)->ast->n[(i)])

Token *p_cur(P *p);
Token *p_peek(P *p, size_t k);
bool p_fail_at(P *p, Token *t, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int p_fail(P *p, const char *msg);
void p_indent_error(P *p, Token *t);
Token p_end_of_source(P *p);      /* the end of the last line */
int p_comma_hint(P *p, int last);
bool p_probe_expression(P *p);
int p_failf(P *p, Token *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool p_is_op(P *p, const char *op);
bool p_is_kw(P *p, const char *kw);
bool p_peek_op(P *p, size_t k, const char *op);
bool p_accept_op(P *p, const char *op);
bool p_accept_kw(P *p, const char *kw);
bool p_expect_op(P *p, const char *op);
int p_node(P *p, NodeKind k, Token *t);
char *p_dup_text(const Token *t, size_t *len);
void p_set_str(P *p, int n, const char *s, size_t len);
bool p_is_keyword(const char *s);
bool p_at_name(P *p);            /* a NAME that is not a keyword */
int p_name(P *p);                /* N_NAME or -1 */
void p_append(P *p, int *first, int *last, int n);
Token p_start(P *p, int n);   /* where expression n begins */
/* Records that node n ends with the last token read; returns n. */
int p_end(P *p, int n);
/* The same for a compound statement just parsed: it ends with its block's
 * last statement (3.13's locations span it whole) */
int p_end_after_block(P *p, int n);
/* Where token t ends in the source: its last line, and the column past it. */
void p_token_span(const P *p, const Token *t, int *line, int *col);
/* An error over node n's whole range (CPython's RAISE_SYNTAX_ERROR_KNOWN_NODE). */
int p_fail_node(P *p, int n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void p_probe_end(P *p, int (*parse)(P *), int *end_line, int *end_col);
int p_fail_eq_hint(P *p, int target, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An error from `from` to just past node `to` (..._KNOWN_RANGE). */
int p_fail_range(P *p, Token from, int to, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Depth guards: true when one more level is allowed. */
bool p_enter(P *p, Token *t, int units);
void p_leave(P *p, int units);

/* expressions (parser_expr.c) */
int p_expression(P *p);          /* lambda / if-else / disjunction */
int p_named(P *p);               /* NAME := expression | expression */
int p_star_named(P *p);          /* '*' bitwise_or | named */
int p_star_expressions(P *p);    /* a, *b, c -> tuple */
int p_expressions(P *p);         /* a, b -> tuple (no stars) */
int p_disjunction(P *p);
int p_bitor(P *p);
int p_primary(P *p);
int p_yield(P *p);               /* at 'yield' */
int p_lambda(P *p);              /* at 'lambda' */
int p_call_args(P *p, int call, const char *close);
/* atoms (parser_atom.c) */
int p_atom(P *p);
int p_comp_for(P *p);
int p_strings(P *p);
int p_fstring(P *p, Token *t);   /* parser_fstr.c */
/* statements */
int p_params(P *p, const char *close, int *first, int owner);
int p_block(P *p, const char *what, int line);
int p_statement(P *p);
int p_simple_stmts(P *p);
int p_compound(P *p);            /* -2 when the statement is not compound */
bool p_check_target(P *p, int e, int ctx);
/* A for statement's or comprehension's targets up to `in` (TGT_FOR, TGT_COMP). */
int p_for_target(P *p, int ctx);
enum { TGT_STORE, TGT_DEL, TGT_FOR, TGT_WITH, TGT_COMP, TGT_AUG };
int p_match(P *p);               /* -2 when 'match' is a plain name here */
int p_type_params(P *p);         /* at '[' */
int p_type_alias(P *p);          /* -2 when 'type' is a plain name here */
/* compile-time placement rules (parser_check.c) */
bool p_check_placement(P *p, int first);

#endif
