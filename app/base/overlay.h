/*
 * overlay: a workshop pack inherits from the shipped course.
 *
 * A pack holds only what it changes (its workshop.yaml, and the lessons,
 * exercises, assessment files or assets it overrides); every other content
 * file is the shipped course's.  While an overlay is set, a path under the
 * pack that the pack does not hold resolves to the same place in the shipped
 * course, and a folder under the pack lists as the union of both (the pack's
 * file wins on a name).  Outside the pack, and with no overlay, every
 * function here is the plain file-system call.
 *
 * Chapter-numbered names the pack does not hold itself ("NN-*.yaml" in
 * lessons/, "chNN" folders in exercises/, "chNN.yaml" in assessments/) are
 * inherited only for chapters 1..`chapters`, the count of the pack's course
 * (its own lessons/course.yaml); 0 inherits every chapter.
 *
 * One overlay per process, set once at start-up (cli_setup_pack); paths
 * returned are malloc'ed and the caller frees them.
 */
#ifndef PYDIVE_BASE_OVERLAY_H
#define PYDIVE_BASE_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

/* Sets the overlay (copies both folders); a NULL pack clears it. */
void overlay_set(const char *pack, const char *shipped, int chapters);
/* The pack and the course it inherits from; NULL when no overlay is set. */
const char *overlay_pack(void);
const char *overlay_shipped(void);

/* dir/name as it is to be read: the pack's file when it has one, else the
 * inherited one when there is one, else dir/name itself (so a missing file
 * is reported where the author would put it). */
char *overlay_join(const char *dir, const char *name);
/* True when `path` (or what it inherits) is a regular file / a folder. */
bool overlay_file_exists(const char *path);
bool overlay_dir_exists(const char *path);
/* As dir_list and dir_list_subdirs (base/fsutil.h), over the pack and what it
 * inherits; free with dir_list_free. */
size_t overlay_list(const char *dir, const char *suffix, char ***names);
size_t overlay_list_subdirs(const char *dir, char ***names);

/* Calls fn(path, name, ctx) for every file overlay_list lists (a missing
 * folder lists nothing), path as overlay_join gives it; true when every call
 * returned true (all are made either way, so every problem is reported). */
bool overlay_each(const char *dir, const char *suffix,
                  bool (*fn)(const char *path, const char *name, void *ctx), void *ctx);

/* The files the pack holds itself, relative to it ("lessons/course.yaml"),
 * sorted; *overrides[i] is true when the shipped course has that file too.
 * Returns the count; free the names with dir_list_free and *overrides. */
size_t overlay_own_files(char ***names, bool **overrides);

#endif
