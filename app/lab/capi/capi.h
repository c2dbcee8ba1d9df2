/*
 * capi: the C-API ownership model of chapter 4 — a small language of
 * CPython C-API calls, one statement per line, run against the simulated
 * 3.11 heap (sim.h), that tells at the line where it happens when a
 * reference is leaked, released twice, used after its object was freed,
 * used after the reference it was borrowed from was released, or used while
 * NULL.
 *
 *     PyObject *lst = PyList_New(0);
 *     PyObject *obj = PyLong_FromLong(1000);
 *     PyList_Append(lst, obj);            # the list takes its own reference
 *     Py_DECREF(obj);
 *     item = PyList_GetItem(lst, 0)       # borrowed from lst
 *     if (!item) return NULL
 *     return lst
 *
 * Each C variable holds one *reference*: owned (new or strong: it must be
 * released or returned), borrowed (valid while the reference it came from
 * is held and the container still holds the object), stolen (given away to
 * a container: borrowed from it now), released, or NULL (the call failed
 * and set an exception).  The functions and their new / borrowed / stolen
 * semantics are the real ones (table in capi_lang.c, each row citing the
 * 3.11 C-API manual); objects, sizes and refcounts are the heap model's, so
 * PyLong_FromLong(5) hands out the small-int singleton whose 3.11 refcount
 * starts near 10^9 (3.12+ makes it immortal; this lab models 3.11 only).
 *
 * capi_lang.c reads a program (every problem a Diag, nothing run); capi.c
 * runs it.  Plain C, no I/O, deterministic.
 */
#ifndef PYDIVE_SIM_CAPI_H
#define PYDIVE_SIM_CAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sim/sim.h"

/* ---- the language ------------------------------------------------------- */

typedef enum CapiFn {
    CF_INCREF, CF_DECREF, CF_XINCREF, CF_XDECREF, CF_NEWREF, CF_XNEWREF,
    CF_LONG_FROMLONG, CF_LONG_ASLONG, CF_UNICODE_FROMSTRING,
    CF_LIST_NEW, CF_LIST_APPEND, CF_LIST_SETITEM, CF_LIST_GETITEM, CF_LIST_SIZE,
    CF_TUPLE_NEW, CF_TUPLE_SETITEM, CF_TUPLE_GETITEM,
    CF_DICT_NEW, CF_DICT_SETITEMSTRING, CF_DICT_GETITEMSTRING,
    CF_ERR_CLEAR,
    CF_COUNT
} CapiFn;

/* What a parameter takes and what a function gives back. */
typedef enum CapiType { CT_VOID, CT_OBJ, CT_LONG, CT_STR } CapiType;
typedef enum CapiRet {
    CR_VOID,     /* nothing */
    CR_NEW,      /* a new (owned) reference, or NULL with an exception set */
    CR_BORROWED, /* a borrowed reference, or NULL */
    CR_STATUS,   /* int: 0 on success, -1 with an exception set */
    CR_LONG,     /* a C long (-1 with an exception set on failure) */
} CapiRet;

typedef struct CapiFnInfo {
    const char *name;
    uint8_t nargs;
    uint8_t arg[3];    /* CapiType of each parameter */
    uint8_t ret;       /* CapiRet */
    int8_t steals;     /* index of the parameter whose reference it steals, -1 none */
    bool null_ok;      /* accepts NULL in its object parameter (Py_X...) */
} CapiFnInfo;

const CapiFnInfo *capi_fn_info(CapiFn f);

typedef enum CapiExprKind { CE_VAR, CE_INT, CE_STR, CE_NULL, CE_NONE, CE_CALL } CapiExprKind;

typedef struct CapiExpr {
    uint8_t kind;     /* CapiExprKind */
    uint8_t fn;       /* CapiFn of a call */
    int col;          /* 1-based column where it starts */
    int var;          /* CE_VAR: variable index */
    int64_t num;      /* CE_INT */
    char *str;        /* CE_STR: owned, NUL-terminated (no NUL inside) */
    int args[3];      /* CE_CALL: expression indices */
    int end_col;      /* column just past it (for echoing the source) */
} CapiExpr;

typedef enum CapiStmtKind {
    CS_EXPR,          /* a call whose result (if any) is dropped */
    CS_ASSIGN,        /* var = expr */
    CS_RETURN,        /* return expr */
    CS_RETURN_NONE,   /* Py_RETURN_NONE */
    CS_IF,            /* if (cond) body */
} CapiStmtKind;

typedef enum CapiCond { CC_IS_NULL, CC_NOT_NULL, CC_NEGATIVE } CapiCond;

typedef struct CapiStmt {
    uint8_t kind;     /* CapiStmtKind */
    uint8_t cond;     /* CS_IF: CapiCond */
    int line, col;
    int var;          /* CS_ASSIGN target; CS_IF the tested variable */
    int expr;         /* CS_EXPR/ASSIGN/RETURN */
    int body, nbody;  /* CS_IF: statements body .. body+nbody-1 */
} CapiStmt;

typedef struct CapiVarDecl {
    char *name;
    uint8_t type;     /* CT_OBJ or CT_LONG */
    int line;         /* first assignment */
} CapiVarDecl;

/* A parsed program.  Top-level statements are stmt[0 .. ntop-1] (one per
 * source line that holds code); if-bodies follow them. */
typedef struct CapiProg {
    CapiStmt *stmt;
    size_t nstmt, ntop, capstmt;
    CapiExpr *expr;
    size_t nexpr, capexpr;
    CapiVarDecl *var;
    size_t nvar, capvar;
    char **text;      /* the source line of each top-level statement, trimmed */
} CapiProg;

/* Reads src; false with every problem in dl ("file:line:col: error: ...").
 * On success prog is filled (capi_prog_fini frees it either way). */
bool capi_parse(CapiProg *prog, const char *src, size_t len, const char *file, DiagList *dl);
void capi_prog_fini(CapiProg *prog);

/* ---- running -------------------------------------------------------------- */

typedef enum CapiRefState {
    CAPI_OWNED,    /* a strong reference the function must release or return */
    CAPI_BORROWED, /* lent by another reference; valid while that one is */
    CAPI_STOLEN,   /* given to a container (now borrowed from it) */
    CAPI_RELEASED, /* Py_DECREF'd: the variable no longer holds a reference */
    CAPI_NULL,     /* NULL: the call failed (exception) or NULL was assigned */
    CAPI_RETURNED, /* handed to the caller by `return` */
    CAPI_SCALAR,   /* a C long, not a reference */
} CapiRefState;

/* One object the program has seen (made, borrowed or reached). */
typedef struct CapiObj {
    SimId id;         /* in the heap while alive; stale after it is freed */
    char type[16];    /* "int", "list" ... */
    uint8_t kind;     /* SimKind */
    char repr[40];    /* short value: 1000, 'abc', [3 items] */
    int made_line;    /* the line that made or first met it */
    int freed_line;   /* 0 while alive */
    bool alive;
    bool singleton;   /* a 3.11 static object: never freed */
    int64_t refcnt;   /* last known refcount (frozen when freed) */
    size_t size;      /* sys.getsizeof when it was last seen alive */
} CapiObj;

/* One reference a C variable (or a temporary) held. */
typedef struct CapiRef {
    uint8_t state;    /* CapiRefState */
    int var;          /* variable index, -1 for a temporary (nested call) */
    int obj;          /* CapiObj index, -1 for NULL or a scalar */
    int owned;        /* strong references this one holds (Py_INCREF adds) */
    int line;         /* made at */
    int col;
    uint8_t fn;       /* CapiFn that made it */
    int lender;       /* ref it was borrowed from (-1: lent by the caller/None) */
    int gone_line;    /* released / stolen / overwritten at */
    uint8_t gone_fn;  /* CapiFn that released or stole it */
    bool checked;     /* tested against NULL since it was made */
    int64_t scalar;   /* CAPI_SCALAR value */
    char *why_null;   /* owned: the exception that made it NULL */
} CapiRef;

typedef struct CapiLeak {
    int line, col;    /* where the leaked reference was made */
    int var;          /* variable index or -1 for a temporary */
    int obj;          /* CapiObj index */
    int count;        /* references leaked */
} CapiLeak;

typedef struct Capi {
    CapiProg prog;
    char *file;
    Sim *sim;
    int pc;           /* next top-level statement; ntop when done */
    bool returned;    /* `return` ran */
    int ret_ref;      /* the returned ref, -1 for NULL / none */
    CapiObj *obj;
    size_t nobj, capobj;
    CapiRef *ref;
    size_t nref, capref;
    int *cur;         /* per variable: its current ref, -1 before assignment */
    char *exc;        /* the pending exception ("IndexError: ..."), NULL if none */
    int exc_line;
    int error_line;   /* the line of the first misuse (0 none) */
    CapiLeak *leak;
    size_t nleak, capleak;
    uint64_t seen_events; /* heap events already read */
    int line_now;     /* the line being run (for freed_line) */
} Capi;

/* Parses src and builds a fresh 3.11 heap; NULL with errors in dl. */
Capi *capi_new(const char *src, size_t len, const char *file, DiagList *dl);
void capi_free(Capi *c);
/* The line about to run (1-based), 0 once finished. */
int capi_line(const Capi *c);
/* Runs one line: learner text to out, a misuse to err (returns 1). */
int capi_step(Capi *c, Buf *out, Buf *err);
/* After the last line: the leak report (returns 1 when anything leaked). */
int capi_end(Capi *c, Buf *out, Buf *err);

/* Reading the state (views, Lua). */
const char *capi_state_name(CapiRefState st);
/* The variable's current reference, NULL before its first assignment. */
const CapiRef *capi_var_ref(const Capi *c, size_t var);
/* Object refcount now (the heap's) or when it was freed. */
int64_t capi_obj_refcnt(const Capi *c, size_t obj);

#endif
