/*
 * compile_int: what the expression and statement halves of the compiler share.
 */
#ifndef PYDIVE_PYRUN_COMPILE_INT_H
#define PYDIVE_PYRUN_COMPILE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"
#include "pyrun/symtable.h"

typedef struct Loop {
    uint32_t start;
    uint32_t *breaks;
    size_t nbreaks, capbreaks;
    bool is_for;
    int try_depth;
} Loop;

typedef struct Cg {
    PyRun *I;
    const Ast *ast;
    PyError *err;
    uint32_t ci;        /* code being generated */
    Scope *sc;
    Loop loops[32];
    int nloops;
    int try_depth;
    int line;
    const char *qualprefix;
} Cg;

#define NODE(g, i) (&(g)->ast->n[(i)])
#define CODE(g) (&(g)->I->codes[(g)->ci])

enum { ACC_LOAD, ACC_STORE, ACC_DEL };

bool cg_cfail(Cg *g, int node, const char *type, const char *msg);
uint32_t cg_emit(Cg *g, Opcode op, int32_t arg);
uint32_t cg_here(Cg *g);
void cg_patch(Cg *g, uint32_t at, uint32_t target);
int cg_add_const(Cg *g, SimId v);
/* A constant that came from the source: the syntax tree keeps one reference
 * to it until the module finishes, and equal constants are merged module-wide. */
int cg_add_ast_const(Cg *g, SimId v);
int cg_add_name(Cg *g, const char *name);
int cg_slot_of(Cg *g, const char *name);
void cg_add_slot(Cg *g, const char *name, uint8_t kind);
uint32_t cg_new_code(PyRun *I, int kind, const char *name, const char *qualname, int line);
void cg_name_op(Cg *g, const char *name, int acc);
bool cg_expr(Cg *g, int n);
bool cg_stmts(Cg *g, int first);
bool cg_make_function(Cg *g, int n, const char *name, int params, int body, int kind);

#endif
