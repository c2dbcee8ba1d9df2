/*
 * schema: typed reading of ydoc trees, shared by the course.yaml and chapter
 * checkers (internal to course/).
 *
 * Each helper takes the node found for a key, checks its type and value,
 * reports what was expected at the node's line and column, and returns the
 * converted value (NULL / false when it could not).  The check_* names are
 * the vocabulary of the schema files; the *_read functions are the two
 * schemas themselves.
 */
#ifndef PYDIVE_COURSE_SCHEMA_H
#define PYDIVE_COURSE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "course/course.h"
#include "course/refs.h"
#include "course/ydoc.h"

typedef struct Check {
    YDoc *doc;
    DiagList *diags; /* this file's diagnostics (sorted by position at the end) */
} Check;

void check_error(Check *ck, SrcLoc at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* True when `n` is a mapping; else reports "expected a mapping for WHAT". */
bool check_is_map(Check *ck, const YNode *n, const char *what);
/* Reports every key of `map` not in the NULL-terminated `allowed`. */
void check_keys(Check *ck, const YNode *map, const char *const *allowed, const char *what);
/* The value of `key`, or NULL; reports a missing key when `required`. */
const YNode *check_field(Check *ck, const YNode *map, const char *key, const char *what,
                         bool required);

/* Converters: `v` may be NULL (then nothing happens and the result is empty).
 * `key` names the field in messages. */
char *check_str(Check *ck, const YNode *v, const char *key);
bool check_int(Check *ck, const YNode *v, const char *key, int lo, int hi, int *out);
/* An id: [a-z0-9][a-z0-9-]*. */
char *check_id(Check *ck, const YNode *v, const char *key);
/* Index into the NULL-terminated `names`, or -1 after reporting. */
int check_enum(Check *ck, const YNode *v, const char *key, const char *const *names);
/* A non-empty list of strings; *n gets the count. */
char **check_str_list(Check *ck, const YNode *v, const char *key, size_t *n);
/* A non-empty list; reports otherwise. */
bool check_list(Check *ck, const YNode *v, const char *key);
/* Reports repeated ids (the later ones) among n entries. */
void check_unique(Check *ck, char *const *ids, const SrcLoc *locs, size_t n, const char *what);

/* Sorts this file's diagnostics by position, adds a note when errors were
 * dropped over the cap, and moves them to *out. */
void check_flush(Check *ck, DiagList *out);

/* What the loader keeps about a chapter for the cross-file checks. */
typedef struct ChapterMeta {
    bool has_number, has_minutes, has_id;
    SrcLoc number_loc, id_loc;
} ChapterMeta;

/* Reads and checks one chapter module.  *out is filled as far as possible
 * even on errors (chapter_fini frees it); true when the file had none. */
bool chapter_read(const char *path, const char *display, const RefIndex *refs, Chapter *out,
                  ChapterMeta *meta, DiagList *diags);

typedef struct CourseMeta {
    bool has_chapters, has_minutes;
    SrcLoc chapters_loc, minutes_loc;
    int declared_minutes;
} CourseMeta;

/* Reads and checks lessons/course.yaml into the series fields of *out. */
bool course_read_series(const char *path, const char *display, Course *out, CourseMeta *meta,
                        DiagList *diags);

/* True for NN-*.yaml names, the chapter modules; *number gets NN. */
bool course_module_name(const char *name, int *number);

#endif
