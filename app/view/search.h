/*
 * search: finding text across every chapter of the course.
 *
 * Matching is case-insensitive (ASCII letters fold; other characters match
 * exactly) over section titles and the text of every block.  Each hit knows
 * its chapter, section and block, so the reader can open the exact place.
 */
#ifndef PYDIVE_VIEW_SEARCH_H
#define PYDIVE_VIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "course/course.h"

#define SEARCH_MAX_HITS 500

typedef struct SearchHit {
    int chapter;       /* index into course->chapters */
    int section;       /* index into the chapter's sections */
    int block;         /* block index, -1 for the section title */
    char snippet[160]; /* the text around the match, one line, UTF-8 */
} SearchHit;

/* Fills hits (at most max) and returns how many there are in all (which may
 * be more than max). */
size_t search_course(const Course *c, const char *query, SearchHit *hits, size_t max);
/* Byte offset of the first case-insensitive match of query in s[0..n), or -1. */
long search_find(const char *s, size_t n, const char *query);

#endif
