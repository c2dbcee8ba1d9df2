/*
 * ast: the syntax tree of a pyrun program, in one growable array of nodes.
 *
 * Children are node indices (-1 = none); lists (statements, arguments,
 * targets) are chains through `next`.  Names and string constants are
 * owned copies in `str`.  The parser builds it, the compiler reads it.
 *
 * Children by kind (a, b, c, d, e):
 *   N_DEF       params, body, decorators, return annotation, type params; str name
 *               it binds (mangled in a class); ival: where its own name starts in str
 *   N_CLASS     bases and keywords, body, decorators, -, type params; str, ival as N_DEF
 *   N_ATTR      value; str attribute (mangled in a class), ival: where its own name starts
 *   N_LAMBDA    params, body
 *   N_PARAM     default, annotation; str name; flag PF_*
 *   N_FOR       target, iterable, body, else          (XF_ASYNC)
 *   N_WITH      items (N_WITHITEM: context, target), body (XF_ASYNC)
 *   N_TRY       body, handlers (N_HANDLER: type, body; str name), else, finally (XF_STAR)
 *   N_RAISE     exception, cause
 *   N_ANNASSIGN target, annotation, value
 *   N_IMPORT    flag 0: items are N_NAME (dotted name in str, b = alias N_NAME)
 *               flag 1: from str (dotted, may be NULL) at level ival; items as above,
 *               "*" for a star import
 *   N_MATCH     subject, cases (N_CASE: pattern, guard, body)
 *   N_PATTERN   flag PAT_*: VALUE a = literal, signed number or dotted name (==);
 *               SINGLETON a = None/True/False (is); AS a = pattern or -1 (a capture),
 *               str = name (NULL: the wildcard `_`); STAR str = name (NULL: `*_`);
 *               SEQ a = items; MAP a = keys, b = their patterns, str = `**rest`;
 *               CLASS a = class (name or attribute), b = positional patterns,
 *               c = keyword patterns (N_KWARG: str name, a pattern); OR a = alternatives
 *   N_TYPEALIAS name, value, -, -, type params (N_TYPEPARAM: bound, default; flag 1 star, 2 double star)
 *   N_FVALUE    expression, spec with fields (N_FSTRING); flag conversion; str plain spec
 *   N_LISTCOMP, N_SETCOMP, N_GENEXP  element, first N_COMPFOR (target, iter, ifs; XF_ASYNC)
 *   N_DICTCOMP  key, first N_COMPFOR, value
 *   N_NAMEDEXPR target, value;  N_YIELD / N_YIELDFROM / N_AWAIT / N_DSTAR (**x)  value
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
    N_LISTCOMP, N_COMPFOR, N_PARAM, N_STARRED,
    /* the rest of the grammar (most are refused by the compiler: compile_refuse.c) */
    N_ANNASSIGN, N_WITH, N_WITHITEM, N_MATCH, N_CASE, N_PATTERN, N_TYPEALIAS, N_TYPEPARAM,
    N_YIELD, N_YIELDFROM, N_AWAIT, N_NAMEDEXPR, N_GENEXP, N_SETCOMP, N_DICTCOMP, N_DSTAR,
    N_KIND_COUNT
} NodeKind;

/* operators (Node.op) */
typedef enum PyOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT,
    OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL,
    OP_NEG, OP_POS, OP_NOT, OP_INVERT,
    OP_AND, OP_OR,
    OP_LT, OP_LE, OP_EQ, OP_NE, OP_GT, OP_GE, OP_IS, OP_ISNOT, OP_IN, OP_NOTIN
} PyOp;

/* N_PARAM flags */
#define PF_VARARGS 1u  /* *args */
#define PF_KWARGS 2u   /* **kwargs */
#define PF_KWONLY 4u   /* after * */
#define PF_POSONLY 8u  /* before / */

/* N_PATTERN kinds (Node.flag) */
enum { PAT_VALUE, PAT_SINGLETON, PAT_AS, PAT_STAR, PAT_SEQ, PAT_MAP, PAT_CLASS, PAT_OR };

/* Node.xf: what the older node kinds gained with the whole grammar */
#define XF_ASYNC 1u    /* async def / for / with / comprehension */
#define XF_PAREN 2u    /* written in parentheses */
#define XF_STAR 4u     /* except* */
#define XF_IMAG 8u     /* N_FLOAT: an imaginary literal */
#define XF_NAMEDESC 16u /* N_STR: holds a \N{...} escape */
#define XF_BARESTAR 32u /* N_DEF / N_LAMBDA: a bare '*' in the parameters */
#define XF_ONETOKEN 64u /* N_BYTES: one literal, not an implicit concatenation */

typedef struct Node {
    uint8_t kind;    /* NodeKind */
    uint8_t op;      /* PyOp */
    uint8_t flag;    /* N_PARAM: PF_*; N_FVALUE: conversion; N_IMPORT: from */
    uint8_t xf;      /* XF_* */
    int line, col;
    int end_line, end_col; /* just past the node's last token; 0 when not known */
    int gline, gcol;   /* an expression in parentheses: where its outermost '(' is (0: none);
                        * an operation it is the left part of starts there */
    int a, b, c, d, e; /* children */
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
    /* the tokenizer's invalid escapes, in source order (lexer.h) */
    int *warn_line;
    char *warn_char;
    size_t nwarn;
} Ast;

int ast_new(Ast *a, NodeKind k, int line, int col);
void ast_fini(Ast *a);
/* Number of nodes in the list starting at `first`. */
int ast_list_len(const Ast *a, int first);
/* Private name mangling inside classes, on the whole tree (mangle.c). */
void ast_mangle(Ast *a);
/* A def's or class's own name (__name__), where `str` is what it binds. */
static inline const char *ast_code_name(const Node *nd) { return nd->str + nd->ival; }

#endif
