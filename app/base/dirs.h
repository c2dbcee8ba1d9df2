/*
 * dirs: listing the sub-folders of a folder (for content laid out as
 * exercises/<chapter>/<id>.lua).  Kept apart from fsutil so it can grow
 * without touching the file helpers everyone uses.
 */
#ifndef PYDIVE_BASE_DIRS_H
#define PYDIVE_BASE_DIRS_H

#include <stddef.h>

/* Lists the sub-folders of `dir` (not starting with '.'), sorted by name.
 * Returns the count; free *names with dir_list_free (fsutil.h).  A missing
 * or unreadable folder lists as empty. */
size_t dir_list_subdirs(const char *dir, char ***names);

#endif
