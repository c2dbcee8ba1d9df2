/*
 * str_int: what the str method files share (str.c, str_text.c,
 * str_methods.c, str_split.c) — a str as code points and back, argument
 * reading with CPython's messages, and the methods the table in str.c
 * lists. Internal to pyrun/types.
 */
#ifndef PYDIVE_PYRUN_TYPES_STR_INT_H
#define PYDIVE_PYRUN_TYPES_STR_INT_H

#include "pyrun/builtins.h"

/* The code points of str s (a malloc'd array the caller frees; never NULL). */
uint32_t *str_decode(PyRun *I, SimId s, size_t *n);
/* A str of n code points (a new reference): fresh makes one even of one
 * latin-1 character (PyUnicode_New), else the singleton CPython shares. */
SimId str_encode(PyRun *I, const uint32_t *cp, size_t n, bool fresh);
/* s itself, a new reference (unicode_result_unchanged). */
SimId str_same(PyRun *I, SimId s);
/* Positional argument pos (0: the first after self) or keyword `name`
 * (NULL: positional only); 0 when absent. */
SimId str_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name);
/* true when v is a str; else TypeError "<what> must be str, not T" (what
 * NULL: "must be str, not T"). */
bool str_want(PyRun *I, SimId v, const char *what);
/* A slice index (int or None: dflt), CPython's ADJUST_INDICES to [0, len]
 * done by the caller; false with TypeError raised. */
bool str_slice_index(PyRun *I, SimId v, int64_t dflt, int64_t *out);
/* str.isprintable of one code point under a Unicode database (0: 3.11's
 * 14.0, 1: 3.12's 15.0, 2: 3.13's 15.1; unicode_printable.c, generated) */
bool unicode_printable(uint32_t cp, int ucd);
/* Python's str.isspace of one code point. */
bool str_cp_space(uint32_t c);

/* str_split.c: a list being filled as stringlib's SPLIT_ADD fills it (str
 * and bytes split alike): PREALLOC_SIZE slots made first (at most
 * MAX_PREALLOC), filled, then appended to */
enum { MAX_PREALLOC = 12 };
typedef struct Pieces {
    SimId list;
    size_t count;
} Pieces;
Pieces pieces_new(PyRun *I, int64_t maxcount);
void pieces_add(PyRun *I, Pieces *p, SimId item);

/* str_text.c: case mappings and the is* predicates */
SimId str_lower(PyRun *I, SimId *a, int n, SimId kw);
SimId str_upper(PyRun *I, SimId *a, int n, SimId kw);
SimId str_casefold(PyRun *I, SimId *a, int n, SimId kw);
SimId str_swapcase(PyRun *I, SimId *a, int n, SimId kw);
SimId str_capitalize(PyRun *I, SimId *a, int n, SimId kw);
SimId str_title(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isdigit(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isdecimal(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isnumeric(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isalpha(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isalnum(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isspace(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isupper(PyRun *I, SimId *a, int n, SimId kw);
SimId str_islower(PyRun *I, SimId *a, int n, SimId kw);
SimId str_istitle(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isascii(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isidentifier(PyRun *I, SimId *a, int n, SimId kw);
SimId str_isprintable(PyRun *I, SimId *a, int n, SimId kw);

/* str_methods.c: stripping, padding, searching, partition, expandtabs, encode */
SimId str_strip(PyRun *I, SimId *a, int n, SimId kw);
SimId str_lstrip(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rstrip(PyRun *I, SimId *a, int n, SimId kw);
SimId str_ljust(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rjust(PyRun *I, SimId *a, int n, SimId kw);
SimId str_center(PyRun *I, SimId *a, int n, SimId kw);
SimId str_zfill(PyRun *I, SimId *a, int n, SimId kw);
SimId str_find(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rfind(PyRun *I, SimId *a, int n, SimId kw);
SimId str_index(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rindex(PyRun *I, SimId *a, int n, SimId kw);
SimId str_count(PyRun *I, SimId *a, int n, SimId kw);
SimId str_partition(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rpartition(PyRun *I, SimId *a, int n, SimId kw);
SimId str_removeprefix(PyRun *I, SimId *a, int n, SimId kw);
SimId str_removesuffix(PyRun *I, SimId *a, int n, SimId kw);
SimId str_expandtabs(PyRun *I, SimId *a, int n, SimId kw);
SimId str_encode_method(PyRun *I, SimId *a, int n, SimId kw);
SimId str_maketrans(PyRun *I, SimId *a, int n, SimId kw);
SimId str_translate(PyRun *I, SimId *a, int n, SimId kw);
SimId str_replace(PyRun *I, SimId *a, int n, SimId kw);

/* str_split.c: split, rsplit, splitlines with CPython's preallocated lists */
SimId str_split(PyRun *I, SimId *a, int n, SimId kw);
SimId str_rsplit(PyRun *I, SimId *a, int n, SimId kw);
SimId str_splitlines(PyRun *I, SimId *a, int n, SimId kw);

#endif
