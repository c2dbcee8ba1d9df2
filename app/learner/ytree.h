/*
 * ytree: a YAML document read into a small tree, for app/learner's readers
 * (assessment content and the learner's assessments file).
 *
 * The libyaml event stream is folded into scalars, lists and mappings that
 * each remember their 1-based line and column.  The reader is strict because
 * everything it reads was either written by hand or must round-trip exactly:
 * it refuses anchors, aliases, tags, more than one document, nesting deeper
 * than YTREE_MAX_DEPTH, more than YTREE_MAX_EVENTS events, and it reports
 * duplicate keys (libyaml accepts them silently).  The typed getters below
 * report "file:line:col: error: expected ..." and are what the schema code
 * is written with.  Errors per file are capped at YTREE_MAX_ERRORS.
 */
#ifndef PYDIVE_LEARNER_YTREE_H
#define PYDIVE_LEARNER_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"

#define YTREE_MAX_DEPTH 16
#define YTREE_MAX_EVENTS 400000
#define YTREE_MAX_ERRORS 40

typedef enum YtKind { YT_SCALAR, YT_MAP, YT_SEQ } YtKind;

typedef struct YtNode {
    YtKind kind;
    bool plain;             /* scalar written without quotes or block style */
    int line, col;          /* 1-based */
    char *str;              /* scalars: the value, NUL-terminated */
    size_t len;
    struct YtNode **kids;   /* lists: items; mappings: key, value, key, value ... */
    size_t nkids;
} YtNode;

typedef struct YtDoc {
    const char *file;       /* borrowed: the name used in diagnostics */
    YtNode *root;           /* NULL when nothing could be read */
    bool explicit_end;      /* the document ended with "..." */
    int errors;             /* errors reported against this file */
    DiagList *diags;        /* borrowed */
} YtDoc;

/* Reads `text`; false (with diagnostics) on a syntax error or a refused
 * construct.  Always ytree_fini the document. */
bool ytree_parse(YtDoc *d, const char *text, size_t len, const char *file, DiagList *diags);
void ytree_fini(YtDoc *d);

/* For text written by hand and shown to a learner (assessment items): reports
 * every scalar under n holding a character a terminal would obey (ESC, BEL,
 * C1, a bidi override; newline and tab are fine).  False when any was found. */
bool yt_refuse_controls(YtDoc *d, const YtNode *n);

/* Reports an error at a node (or at line/col 0 when n is NULL). */
void yt_error(YtDoc *d, const YtNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *yt_kind_name(const YtNode *n);

/* Checks a mapping's keys: every key must be in `known` (NULL-terminated),
 * every key in `required` must be present.  `what` names the mapping in
 * messages ("an item").  False when n is not a mapping (reported). */
bool yt_check_keys(YtDoc *d, const YtNode *n, const char *what, const char *const *known,
                   const char *const *required);
/* The value of `key` in a mapping, or NULL. */
const YtNode *yt_get(const YtNode *map, const char *key);
bool yt_is_null(const YtNode *n);

/* Typed reads of a value; each reports and returns false on a wrong type. */
bool yt_string(YtDoc *d, const YtNode *n, const char *key, char **out);
bool yt_int(YtDoc *d, const YtNode *n, const char *key, int64_t min, int64_t max, int64_t *out);
bool yt_number(YtDoc *d, const YtNode *n, const char *key, double min, double max, double *out);
bool yt_bool(YtDoc *d, const YtNode *n, const char *key, bool *out);
/* A list of strings; *out is a malloc'ed array of malloc'ed strings. */
bool yt_strings(YtDoc *d, const YtNode *n, const char *key, char ***out, size_t *count);

#endif
