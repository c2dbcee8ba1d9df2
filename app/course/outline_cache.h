/*
 * outline_cache: the course's outline as `pydive list` and `pydive
 * progress` show it, kept between runs so they start without parsing every
 * lesson (issue 25: `list` within 10 ms).
 *
 * The outline is the series title and, per chapter, its file, id, number,
 * title, reading time and sections (id and title); nothing else of a Course
 * is filled.  It is kept in paths_cache_dir() only after a load that gave no
 * diagnostic at all, and used again only while every file that load read
 * (the series page and each chapter module, the pack's or inherited) has
 * the same path, size, modification time and inode, and the pydive binary
 * is the same file: an edit, a new chapter or a new pydive loads afresh.
 */
#ifndef PYDIVE_COURSE_OUTLINE_CACHE_H
#define PYDIVE_COURSE_OUTLINE_CACHE_H

#include <stdbool.h>

#include "course/course.h"

/* Fills *out from the cache when it is current; false otherwise (nothing to
 * free then).  A cache that cannot be read, or holds a control character,
 * is not current. */
bool outline_cache_read(const char *content_dir, Course *out);

/* Keeps the outline of c, loaded from content_dir without diagnostics.
 * Best effort: a cache folder that cannot be written is no error. */
void outline_cache_write(const char *content_dir, const Course *c);

#endif
