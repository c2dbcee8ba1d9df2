/*
 * paths: where pydive finds its content and keeps learners' data.
 *
 * Content (lessons/, exercises/, assessments/, assets/) is looked up in order:
 *   0. a workshop pack: the --course DIR option (paths_set_course), else
 *      $PYDIVE_COURSE.  A pack is a course folder of the same layout, plus an
 *      optional workshop.yaml.  DIR is taken as written when it is a folder;
 *      a bare name that is not a folder here is looked up among the shipped
 *      packs, <shipped content>/assets/packs/NAME.  It must hold
 *      lessons/course.yaml or a workshop.yaml; when it does not, that is the
 *      error (no fallback to the shipped course: a room must not silently
 *      run the wrong one).  What a pack does not hold it inherits from the
 *      shipped course (base/overlay.h, set up by cli_inherit);
 *   1. $PYDIVE_DATA, when set;
 *   2. the directory holding the running executable, when it has
 *      lessons/course.yaml (running from the source tree);
 *   3. the compiled-in install location (PREFIX/share/pydive).
 * paths_shipped_dir skips step 0: it is where the shipped course lives.
 * Learner data lives under $XDG_DATA_HOME/pydive, else ~/.local/share/pydive.
 * All returned strings are malloc'ed; the caller frees them.
 */
#ifndef PYDIVE_BASE_PATHS_H
#define PYDIVE_BASE_PATHS_H

#include <stdbool.h>

#include "base/buf.h"

/* Returns NULL and fills *err when no content directory can be found. */
char *paths_content_dir(Buf *err);
/* The shipped course (steps 1-3 above), ignoring any pack. */
char *paths_shipped_dir(Buf *err);
/* Sets (copies) the --course option; NULL clears it.  It wins over
 * $PYDIVE_COURSE.  Called by main() before any command runs. */
void paths_set_course(const char *dir);
/* The pack asked for (--course, else $PYDIVE_COURSE), as written; NULL when
 * none.  Borrowed: valid until the next paths_set_course. */
const char *paths_course_option(void);
char *paths_user_data_dir(void);
/* $XDG_CONFIG_HOME/pydive/config.yaml, else ~/.config/pydive/config.yaml. */
char *paths_config_file(void);
/* $XDG_CACHE_HOME/pydive, or ~/.cache/pydive: what pydive may rebuild at
 * any time (the course outline); caller frees. */
char *paths_cache_dir(void);
/* The default profile name: $USER/$LOGNAME or the password entry, made safe
 * for a file name; "learner" when nothing is known. */
char *paths_default_profile(void);
/* True when `name` is usable as a profile: 1-32 chars of [A-Za-z0-9._-],
 * not starting with '.'. */
bool paths_profile_name_ok(const char *name);

#endif
