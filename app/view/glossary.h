/*
 * glossary: the terms the lessons mark with [[term]] (or [[term|shown]]),
 * each with the place it is first explained — its first marked occurrence
 * in course order — and the sentence around it.  Later mentions anywhere in
 * the course are then one key away from that first explanation.
 */
#ifndef PYDIVE_VIEW_GLOSSARY_H
#define PYDIVE_VIEW_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "course/course.h"

typedef struct GlossaryEntry {
    char *term;       /* as marked, e.g. "arena" */
    int chapter;      /* index into course->chapters of the first explanation */
    int section;
    int block;
    char *excerpt;    /* the sentence it is first explained in, markup removed */
    size_t mentions;  /* marked occurrences in the whole course */
} GlossaryEntry;

typedef struct Glossary {
    GlossaryEntry *items; /* sorted by term, case-insensitively */
    size_t n;
} Glossary;

void glossary_build(const Course *c, bool ascii, Glossary *out);
void glossary_fini(Glossary *g);
const GlossaryEntry *glossary_find(const Glossary *g, const char *term, size_t len);
/* Indices (into g->items) of the terms marked in one section, in the order
 * they first appear there; returns how many (at most max). */
size_t glossary_terms_in(const Glossary *g, const Section *sec, size_t *out, size_t max);

#endif
