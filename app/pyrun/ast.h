/*
 * ast: the syntax tree of a pyrun program, in one growable array of nodes.
 *
 * Children are node indices (-1 = none); lists (statements, arguments,
 * targets) are chains through `next`.  Names and string constants are
 * owned copies in `str`.  The parser builds it, the compiler reads it.
 */
#ifndef PYDIVE_PYRUN_AST_H
#define PYDIVE_PYRUN_AST_H

#include <stddef.h>
#include <stdint.h>

typedef enum NodeKind {
    /* statements */
    N_MODULE, N_EXPR, N_ASSIGN, N_AUGASSIGN, N_DEL, N_PASS, N_BREAK, N_CONTINUE,
    N_RETURN, N_IF, N_WHILE, N_FOR, N_DEF, N_CLASS, N_GLOBAL, N_NONLOCAL, N_IMPORT,
    N_ASSERT, N_RAISE, N_TRY, N_HANDLER,
    /* expressions */
    N_NAME, N_INT, N_FLOAT, N_STR, N_BYTES, N_NONE, N_TRUE, N_FALSE, N_ELLIPSIS,
    N_BINOP, N_UNARY, N_BOOLOP, N_COMPARE, N_CMPOP, N_CALL, N_KWARG, N_ATTR, N_SUBSCRIPT,
    N_SLICE, N_LIST, N_TUPLE, N_DICT, N_SET, N_LAMBDA, N_IFEXP, N_FSTRING, N_FVALUE,
    N_LISTCOMP, N_COMPFOR, N_PARAM, N_STARRED
} NodeKind;

/* operators (Node.op) */
typedef enum PyOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT,
    OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL,
    OP_NEG, OP_POS, OP_NOT, OP_INVERT,
    OP_AND, OP_OR,
    OP_LT, OP_LE, OP_EQ, OP_NE, OP_GT, OP_GE, OP_IS, OP_ISNOT, OP_IN, OP_NOTIN
} PyOp;

typedef struct Node {
    uint8_t kind;    /* NodeKind */
    uint8_t op;      /* PyOp */
    uint8_t flag;    /* N_PARAM: 1 *args, 2 **kwargs; N_FSTRING part: conversion */
    int line, col;
    int a, b, c, d;  /* children */
    int next;        /* next in a list */
    int64_t ival;
    double fval;
    char *str;       /* owned: name, string value, attribute */
    size_t strlen;
} Node;

typedef struct Ast {
    Node *n;
    size_t len, cap;
    int root;
} Ast;

int ast_new(Ast *a, NodeKind k, int line, int col);
void ast_fini(Ast *a);
/* Number of nodes in the list starting at `first`. */
int ast_list_len(const Ast *a, int first);

#endif
