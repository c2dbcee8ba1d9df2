/*
 * repr_trace: tracemalloc's view of list_repr and tuplerepr (repr_trace.c).
 */
#ifndef PYDIVE_PYRUN_REPR_TRACE_H
#define PYDIVE_PYRUN_REPR_TRACE_H

#include "pyrun/interp.h"

/* One list's, tuple's or dict's _PyUnicodeWriter, as the tracer sees it */
typedef struct ReprTrace {
    bool on;           /* tracemalloc is tracing */
    bool started;      /* its first buffer was made */
    bool overallocate; /* grown a quarter over what it needs */
    int depth;         /* its nesting (which virtual blocks are its own) */
    int alt;           /* which of its two writer keys holds the buffer */
    int kind;          /* the buffer's characters: 1 ASCII, 2 Latin-1, 3 UCS-2, 4 UCS-4 */
    size_t pos, size, min_length;
    bool child_kept;   /* the item just written was a list or tuple whose str is its buffer */
    struct ReprTrace *parent; /* the list or tuple whose item this one is */
} ReprTrace;

/* float_repr's digit buffer for a float whose repr is text: alive (made)
 * or not (freed) */
void rt_float_text(PyRun *I, const char *text, size_t n, bool alive);
/* Does the model follow the allocations of item's repr? */
bool rt_follows(PyRun *I, SimId item);
/* The writer of a non-empty list, tuple or dict seq, at depth */
void rt_begin(PyRun *I, ReprTrace *rt, SimId seq, int depth);
/* "[" or "(" */
void rt_open(PyRun *I, ReprTrace *rt);
/* ", " (or a dict's ": ") */
void rt_separator(PyRun *I, ReprTrace *rt);
/* the item's repr, `text`, made and copied in; nested: it was a non-empty
 * list or tuple whose buffer is already its str */
void rt_item(PyRun *I, ReprTrace *rt, SimId item, bool nested, const char *text, size_t n);
/* the closing "]", ")" or ",)" (len characters) and the writer's end;
 * keep: its str lives on as the item of the enclosing list or tuple */
void rt_close(PyRun *I, ReprTrace *rt, size_t len, bool keep);
/* an item's repr failed: the writer and the item's str dropped */
void rt_abort(PyRun *I, ReprTrace *rt);

#endif
