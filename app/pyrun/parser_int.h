/*
 * parser_int: what the expression and statement halves of the parser share.
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
    Ast *ast;
    PyError *err;
    int depth;
} P;

#define N(p, i) (&(p)->ast->n[(i)])

Token *p_cur(P *p);
Token *p_peek(P *p, size_t k);
bool p_fail_at(P *p, Token *t, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int p_fail(P *p, const char *msg);
bool p_is_op(P *p, const char *op);
bool p_is_kw(P *p, const char *kw);
bool p_accept_op(P *p, const char *op);
bool p_accept_kw(P *p, const char *kw);
bool p_expect_op(P *p, const char *op);
int p_node(P *p, NodeKind k, Token *t);
char *p_dup_text(const Token *t, size_t *len);
int p_test(P *p);
int p_atom(P *p);
bool p_is_keyword(const char *s);
int p_or_test_(P *p);
int p_expr_bitor(P *p);
int p_testlist(P *p, bool allow_tuple);
int p_params(P *p, const char *close, int *first);
int p_block(P *p, const char *what, int line);
int p_statement(P *p);

#endif
