/*
 * lab_capi: the C-API ownership lab (chapter 4) as a line-driven model —
 * each line one C-API call on the simulated 3.11 heap (lab/capi/capi.h).  A
 * misuse ends the run at its line; the end reports every leaked reference
 * with the line that made it.
 */
#include "lab/capi/capi.h"
#include "lab/lab.h"

static void *open_capi(const char *src, size_t len, const char *file, uint64_t seed,
                       DiagList *dl)
{
    (void)seed; /* nothing random: reference counting is deterministic */
    return capi_new(src, len, file, dl);
}

static void close_capi(void *st) { capi_free(st); }
static int line_capi(const void *st) { return capi_line(st); }
static int step_capi(void *st, Buf *out, Buf *err) { return capi_step(st, out, err); }
static int end_capi(void *st, Buf *out, Buf *err) { return capi_end(st, out, err); }

/* The directives at a glance, for `?` on the lab screen. */
#define LAB_REFERENCE \
    "x = PyLong_FromLong(5)\ta call; its result is a new, borrowed or NULL reference\n" \
    "Py_INCREF(x), Py_DECREF(x)\ttake or give up a reference (also XINCREF, XDECREF, NewRef)\n" \
    "PyList_New/Append/SetItem/GetItem\tlists (SetItem steals, GetItem borrows)\n" \
    "PyTuple_*, PyDict_*\ttuples (SetItem steals), dicts (GetItemString borrows)\n" \
    "if (!x) return NULL\tcheck a result; { Py_DECREF(y); return NULL; } too\n" \
    "return x, Py_RETURN_NONE\thand a reference to the caller\n"

const LabClass lab_capi = {
    .name = "capi",
    .title = "C-API ownership",
    .ext = "c",
    .reference = LAB_REFERENCE,
    .open = open_capi,
    .close = close_capi,
    .line = line_capi,
    .step = step_capi,
    .end = end_capi,
};
