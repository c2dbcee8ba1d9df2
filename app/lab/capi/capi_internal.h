/*
 * capi_internal: what capi.c (statements, references, reports) and
 * capi_calls.c (one function per C-API call) share.  Not for other modules.
 */
#ifndef PYDIVE_SIM_CAPI_INTERNAL_H
#define PYDIVE_SIM_CAPI_INTERNAL_H

#include "lab/capi/capi.h"

/* Largest list or tuple PyList_New / PyTuple_New may make in the lab. */
#define CAPI_MAX_ITEMS 10000

/* A value an expression produced: a reference (ref >= 0), NULL, or a C
 * long.  `expr` is where it came from, for messages. */
typedef struct CapiVal {
    int ref;          /* -1: NULL or not a reference */
    bool is_long;
    int64_t num;
    const char *str;  /* a string literal */
    int expr;
} CapiVal;

/* The context a call runs in: its line, column, output. */
typedef struct CapiCall {
    Capi *c;
    const CapiExpr *x;
    int line;
    Buf *note;        /* what happened, in learner terms */
    Buf *err;         /* the misuse, when there is one */
} CapiCall;

/* capi.c */
/* The function called `name` (n bytes), or -1 (capi_fns.c). */
int capi__fn_find(const char *name, size_t n);
int capi__obj_for(Capi *c, SimId id, int line);
int capi__new_ref(Capi *c, CapiRefState st, int obj, int line, int col, CapiFn fn);
void capi__sync(Capi *c);
/* "int 1000", "list", "None": how messages name an object. */
const char *capi__obj_desc(const Capi *c, int obj, char *buf, size_t n);
void capi__raise(Capi *c, const char *exc, int line);
const char *capi__ref_name(const Capi *c, int ref, char *buf, size_t n);
/* Checks that a value may be used as an object argument; false with the
 * misuse in k->err. */
bool capi__usable(CapiCall *k, const CapiVal *v, bool null_ok);
/* The object (CapiObj index) a usable value refers to, -1 for NULL. */
int capi__val_obj(const Capi *c, const CapiVal *v);
void capi__misuse(CapiCall *k, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A call that failed: result NULL (new or borrowed), exception set. */
int capi__null_ref(Capi *c, int line, int col, CapiFn fn, const char *exc);

/* capi_calls.c: runs one call with evaluated arguments; its result in *out. */
bool capi__call(CapiCall *k, CapiVal *args, CapiVal *out);

#endif
