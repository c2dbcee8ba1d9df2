/*
 * symtable: which names of each scope are locals, cells, free variables or
 * globals (the resolution CPython's symtable.c performs), computed from the
 * Ast before code generation.
 */
#ifndef PYDIVE_PYRUN_SYMTABLE_H
#define PYDIVE_PYRUN_SYMTABLE_H

#include <stdbool.h>

#include "pyrun/ast.h"
#include "pyrun/lexer.h"

enum { SC_MODULE, SC_FUNC, SC_CLASS };
/* per-name flags */
#define SYM_BOUND 1u
#define SYM_PARAM 2u
#define SYM_GLOBAL 4u
#define SYM_NONLOCAL 8u
#define SYM_USED 16u
#define SYM_CELL 32u
#define SYM_FREE 64u

typedef struct Scope {
    int kind;
    int node;
    struct Scope *parent;
    char **names;
    unsigned *flags;
    int *decl;         /* node of the global/nonlocal statement naming it, or -1 */
    int n, cap;
    struct Scope **kids;
    int nkids, capkids;
    int cursor;        /* next child the code generator takes */
    int ppos;          /* a comprehension's: its parent's names met before its body (after the
                        * first iterable), where 3.12+ splice its variables (compile_inline.c) */
} Scope;

/* Builds and resolves the scope tree of the module; NULL with err set on a
 * scope error (e.g. nonlocal without a binding). */
Scope *symtable_build(const Ast *ast, PyError *err);
void symtable_free(Scope *s);
int scope_find(const Scope *s, const char *name);   /* index or -1 */
unsigned scope_flags(const Scope *s, const char *name);

#endif
