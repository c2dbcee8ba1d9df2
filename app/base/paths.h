/*
 * paths: where pydive finds its content and keeps learners' data.
 *
 * Content (lessons/, exercises/, assessments/, assets/) is looked up in order:
 *   1. $PYDIVE_DATA, when set;
 *   2. the directory holding the running executable, when it has
 *      lessons/course.yaml (running from the source tree);
 *   3. the compiled-in install location (PREFIX/share/pydive).
 * Learner data lives under $XDG_DATA_HOME/pydive, else ~/.local/share/pydive.
 * All returned strings are malloc'ed; the caller frees them.
 */
#ifndef PYDIVE_BASE_PATHS_H
#define PYDIVE_BASE_PATHS_H

#include <stdbool.h>

#include "base/buf.h"

/* Returns NULL and fills *err when no content directory can be found. */
char *paths_content_dir(Buf *err);
char *paths_user_data_dir(void);
/* The default profile name: $USER/$LOGNAME or the password entry, made safe
 * for a file name; "learner" when nothing is known. */
char *paths_default_profile(void);
/* True when `name` is usable as a profile: 1-32 chars of [A-Za-z0-9._-],
 * not starting with '.'. */
bool paths_profile_name_ok(const char *name);

#endif
