/*
 * fsutil: the few file-system operations pydive needs, done carefully.
 *
 * Every function returns true on success; on failure it returns false and
 * writes one human sentence (with the path and strerror) into *err.
 * Only app/base/ talks to the file system directly; other layers call these.
 */
#ifndef PYDIVE_BASE_FSUTIL_H
#define PYDIVE_BASE_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

/* Reads a whole file into *out (replacing its contents). Refuses files larger
 * than max_bytes with a message that says so (and frees what was read). */
bool file_read(const char *path, size_t max_bytes, Buf *out, Buf *err);

/* Replaces `path` atomically: writes a sibling temporary file, fsyncs it,
 * renames it over `path` and fsyncs the directory.  A crash at any instant
 * leaves either the old or the new contents, never a mix. */
bool file_write_atomic(const char *path, const void *data, size_t len, Buf *err);

/* Test hook: when set, file_write_atomic calls it after each of its steps
 * (1 = temp written, 2 = fsynced, 3 = renamed); returning false makes the
 * write stop there as if the process had died. */
typedef bool (*FileWriteHook)(int step, void *ctx);
void file_write_set_hook(FileWriteHook hook, void *ctx);

bool file_exists(const char *path);
bool dir_exists(const char *path);
/* mkdir -p with mode 0700 for directories it creates. */
bool dir_make(const char *path, Buf *err);
/* Moves `path` aside to "path.damaged-YYYYMMDD-HHMMSS"; *moved_to gets the name. */
bool file_move_aside(const char *path, Buf *moved_to, Buf *err);
bool file_remove(const char *path, Buf *err);
/* The size in bytes of `path` (following symlinks). */
bool file_size(const char *path, size_t *size, Buf *err);

/* Takes an exclusive advisory lock on `path` (created if missing) without
 * waiting.  Returns the descriptor to keep open, or -1 when another process
 * holds it (err says so, and errno is then EWOULDBLOCK) or the file cannot
 * be opened or locked. */
int file_lock(const char *path, Buf *err);
void file_unlock(int fd);

/* Lists regular files in `dir` whose names end with `suffix` (not starting
 * with '.'), sorted by name.  A missing or unreadable folder lists as empty.
 * Returns the count; *names is a malloc'ed array of malloc'ed names. */
size_t dir_list(const char *dir, const char *suffix, char ***names);
/* Lists the sub-folders of `dir` (not starting with '.'), sorted by name. */
size_t dir_list_subdirs(const char *dir, char ***names);
void dir_list_free(char **names, size_t n);

/* Joins two path pieces with exactly one '/'; caller frees. */
char *path_join(const char *a, const char *b);

#endif
