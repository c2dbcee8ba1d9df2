/*
 * doc: lesson content laid out as lines for one terminal width.
 *
 * A Doc is what the reader scrolls through: every line is already wrapped,
 * styled and tagged with where it came from (section, block, line inside the
 * block).  That tag is how a reading position survives a resize or a lesson
 * edit: the reader stores the tag of its top line, not the line number.
 * Lay out again whenever the width changes; a Doc owns all its memory.
 */
#ifndef PYDIVE_VIEW_DOC_H
#define PYDIVE_VIEW_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course/course.h"
#include "view/canvas.h"

typedef struct DocLine {
    char *text;     /* UTF-8, no newline */
    uint8_t *roles; /* one Role per byte */
    size_t len;
    int section;    /* index into the chapter's sections; -1 before the first */
    int block;      /* block index in the section; -1 for the heading */
    int sub;        /* line number inside that block */
} DocLine;

typedef struct Doc {
    DocLine *lines;
    size_t n, cap;
    int width;
    size_t *section_line; /* index of each section's heading line */
    size_t nsections;
} Doc;

/* What an exercise reference shows instead of the bare id: its kind and title
 * ("Exercise (predict): Four threads, four cores: how much faster?").
 * doc_titles_load reads them from the exercises (view/doc_titles.c). */
typedef struct DocTitles {
    char **ids, **titles;
    const char **kinds; /* "predict", "fix it", "sandbox" */
    size_t n;
} DocTitles;
void doc_titles_load(DocTitles *t, const char *content_dir);
void doc_titles_fini(DocTitles *t);
/* Lesson links "chNN#id" in any prose drawn from now on read as "§N.M Title"
 * of this course (styled.h); NULL: as "chapter N". */
void doc_links_use(const Course *course);

/* Lays out a whole chapter (header, objectives, sections, sources); exercise
 * references show their titles when `titles` has them (may be NULL). */
void doc_layout_chapter(Doc *d, const Chapter *ch, int width, bool ascii);
void doc_layout_chapter_titled(Doc *d, const Chapter *ch, int width, bool ascii,
                               const DocTitles *titles);
/* Appends prose with light markup (paragraphs, bullets), wrapped to width. */
void doc_add_prose(Doc *d, const char *text, int width, int indent, bool ascii);
/* Appends one unwrapped line with a single role (cut at width). */
void doc_add_line(Doc *d, const char *text, Role role);
void doc_fini(Doc *d);

/* The first line at or after the tagged position, clamped to the section's
 * extent; 0 when the section is unknown. */
size_t doc_find(const Doc *d, int section, int block, int sub);
/* The section a line belongs to, counting the header as section 0. */
int doc_section_of(const Doc *d, size_t line);

#endif
