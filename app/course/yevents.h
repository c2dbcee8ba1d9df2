/*
 * yevents: the window in which `pydive validate` keeps the YAML it read
 * (yevents_read.h says how readers use it).
 *
 * `pydive validate` reads each assessments file (*.yaml) twice: once for the quiz
 * ids a lesson may point at (course/refs.c, through ydoc) and once for the
 * assessments themselves (learner/ytree.c).  Between yev_keep_begin() and
 * yev_keep_end() every complete event stream libyaml gave to a reader that
 * asked (yev_keep_these) is kept, keyed by the text's bytes (a few dozen
 * texts at most); a reader of the same bytes
 * then replays the very events, in order, with the same error at the end,
 * so what it builds and reports cannot differ.  Outside the window (the
 * default) every reader parses.
 */
#ifndef PYDIVE_COURSE_YEVENTS_H
#define PYDIVE_COURSE_YEVENTS_H

#include <stdbool.h>

void yev_keep_begin(void);
void yev_keep_end(void); /* frees what was kept */
/* Within the window, only streams read while this is on are kept: the
 * readers that know a second reader follows (course/refs.c's assessments)
 * say so, and the rest (the lessons, read once) cost nothing. */
void yev_keep_these(bool on);

#endif
