/*
 * refs: the ids a lesson may point at (internal to course/).
 *
 * Exercises are files exercises/<folder>/<id>.lua; quiz items are the
 * `items[].id` values of the assessments/ YAML files (any other key there is someone
 * else's business and ignored).  The index is two sorted id arrays.
 */
#ifndef PYDIVE_COURSE_REFS_H
#define PYDIVE_COURSE_REFS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct RefIndex {
    bool active;      /* false: no content folder known, nothing is checked */
    char **exercises; /* sorted, owned */
    size_t nexercises;
    char **quizzes;   /* sorted, owned, may repeat */
    size_t nquizzes;
} RefIndex;

/* Indexes `content_dir` (NULL leaves the index inactive).  An assessments
 * file that cannot be parsed is reported into *diags; its items are missing. */
void refs_build(RefIndex *ri, const char *content_dir, DiagList *diags);
/* True when the id exists, or when the index is inactive. */
bool refs_has_exercise(const RefIndex *ri, const char *id);
bool refs_has_quiz(const RefIndex *ri, const char *id);
void refs_fini(RefIndex *ri);

#endif
