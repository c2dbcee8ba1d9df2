/*
 * ydoc: a lesson file read into a small tree of YAML nodes (internal to course/).
 *
 * The libyaml event stream is consumed with an explicit stack (no recursion)
 * into scalars, lists and mappings, each remembering its 1-based SrcLoc.
 * The reader is the safety gate for everything authored by hand: it refuses
 * anchors, aliases and tags, more than one document, nesting deeper than
 * YDOC_MAX_DEPTH, scalars over YDOC_MAX_SCALAR bytes, more than
 * YDOC_MAX_EVENTS events and files over YDOC_MAX_FILE bytes, and it reports
 * duplicate keys (libyaml accepts them silently).  Syntax and encoding
 * errors become diagnostics at the right line and column.
 *
 * Semantic checks built on top report through ydoc_error, which caps each
 * file at YDOC_MAX_ERRORS errors so a badly broken file cannot flood output.
 */
#ifndef PYDIVE_COURSE_YDOC_H
#define PYDIVE_COURSE_YDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "course/course.h"

#define YDOC_MAX_FILE (4u << 20)    /* bytes */
#define YDOC_MAX_SCALAR (1u << 20)  /* bytes */
#define YDOC_MAX_DEPTH 32           /* nested lists and mappings */
#define YDOC_MAX_EVENTS 1000000
#define YDOC_MAX_ERRORS 50          /* semantic errors reported per file */

typedef enum YKind { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ } YKind;

typedef enum YStyle {
    YSTYLE_PLAIN,   /* unquoted: may be an integer or null */
    YSTYLE_QUOTED,  /* 'single' or "double" */
    YSTYLE_LITERAL, /* | block: lines kept as written */
    YSTYLE_FOLDED,  /* > block */
} YStyle;

typedef struct YNode {
    YKind kind;
    YStyle style;           /* scalars */
    SrcLoc loc;             /* where the node starts */
    int end_line;           /* 1-based line of its end mark */
    char *str;              /* scalars: NUL-terminated value */
    size_t len;             /* scalars: bytes in str */
    struct YNode **kids;    /* lists: items; mappings: key, value, key, value ... */
    size_t nkids;
} YNode;

typedef struct YChunk YChunk; /* node storage, private to ydoc.c */

typedef struct YDoc {
    char *file;          /* name used in diagnostics */
    char *src;           /* the source text, kept to locate offsets */
    size_t srclen;
    size_t *lines;       /* byte offset where each line starts */
    size_t nlines;
    YNode *root;         /* NULL until a document was read */
    int nerrors;         /* errors reported for this file so far */
    YChunk *chunks;
} YDoc;

/* Reads `path` (at most YDOC_MAX_FILE bytes) and parses it; diagnostics name
 * the file `display`.  Returns false when no tree could be built (unreadable
 * file, syntax error, a limit hit).  Semantic problems the reader finds
 * itself (duplicate keys) are reported but still yield a tree; check
 * doc->nerrors.  Always call ydoc_fini afterwards. */
bool ydoc_read_file(YDoc *doc, const char *path, const char *display, DiagList *diags);
/* The same for text already in memory (copied). */
bool ydoc_parse(YDoc *doc, const char *display, const char *text, size_t len,
                DiagList *diags);
void ydoc_fini(YDoc *doc);

/* Reports an error at `at` unless the file already has YDOC_MAX_ERRORS;
 * counts it in doc->nerrors either way. */
void ydoc_error(YDoc *doc, DiagList *diags, SrcLoc at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Where byte `offset` of a scalar's value stands in the source: exact for
 * literal blocks and one-line scalars, else the scalar's start. */
SrcLoc ydoc_locate(const YDoc *doc, const YNode *scalar, size_t offset);

/* For n strings (NULL entries are skipped), sets first[i] to the index of
 * the first string equal to strs[i] -- i itself unless it repeats one. */
void ydoc_find_repeats(const char *const *strs, size_t n, size_t *first);

/* Mapping helpers.  ymap_get returns the value for `key` (the first one if
 * the key is repeated) or NULL; ymap_key/ymap_val index pairs 0..n-1. */
size_t ymap_len(const YNode *map);
const YNode *ymap_key(const YNode *map, size_t i);
const YNode *ymap_val(const YNode *map, size_t i);
const YNode *ymap_get(const YNode *map, const char *key);

#endif
