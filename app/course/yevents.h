/*
 * yevents: the window in which `pydive validate` keeps the YAML it read
 * (yevents_read.h says how readers use it).
 *
 * `pydive validate` reads each assessments file (*.yaml) twice: once for the quiz
 * ids a lesson may point at (course/refs.c, through ydoc) and once for the
 * assessments themselves (learner/ytree.c).  Between yev_keep_begin() and
 * yev_keep_end() every complete event stream libyaml gave is kept, keyed by
 * the text's bytes (a few dozen texts at most); a reader of the same bytes
 * then replays the very events, in order, with the same error at the end,
 * so what it builds and reports cannot differ.  Outside the window (the
 * default) every reader parses.
 */
#ifndef PYDIVE_COURSE_YEVENTS_H
#define PYDIVE_COURSE_YEVENTS_H

void yev_keep_begin(void);
void yev_keep_end(void); /* frees what was kept */

#endif
