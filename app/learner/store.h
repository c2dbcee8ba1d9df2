/*
 * store: a learner profile's progress on disk.
 *
 * Layout: <user data dir>/profiles/<profile>/progress.yaml, plus a lock file
 * beside it.  Saves are atomic (see file_write_atomic), so a kill -9 at any
 * instant leaves the last confirmed save readable.  One process at a time
 * may write a profile: a second one opens it read-only.  A file that cannot
 * be parsed is moved aside (progress.yaml.damaged-...), reported, and the
 * learner starts clean; nothing is silently discarded.  A file written by a
 * newer pydive (a higher schema) is not damaged: the profile opens read-only,
 * showing no progress, and the file is never moved or written over.
 */
#ifndef PYDIVE_LEARNER_STORE_H
#define PYDIVE_LEARNER_STORE_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/diag.h"
#include "learner/progress.h"

/* Progress files larger than this are refused (treated as damaged). */
#define PROGRESS_FILE_MAX (1024 * 1024)

typedef struct Store {
    char *profile_dir; /* owned */
    char *path;        /* owned: the progress file */
    int lock_fd;       /* -1 when read-only */
    bool read_only;    /* another instance holds the lock, or write was not asked */
    bool held_elsewhere; /* read-only because another pydive holds the lock (else the
                          * directory cannot be written, or write was not asked) */
} Store;

/* Opens (creating directories as needed) the profile and loads its progress
 * into *out.  With want_write, takes the profile lock; when another process
 * holds it the store opens read-only and a DIAG_WARNING says so.  A damaged
 * file produces a DIAG_WARNING naming where it was moved.  A profile folder
 * that cannot be created (read-only home) opens read-only, with a
 * DIAG_WARNING saying why.  Returns false only when the profile cannot be
 * used at all (bad name, unreadable progress file);
 * even then *out is an empty Progress to progress_fini, and *s is closed.
 * A writable open also removes temporary files left by a save that was
 * killed before it completed (they were never confirmed). */
bool store_open(Store *s, const char *user_data_dir, const char *profile, bool want_write,
                Progress *out, DiagList *diags);

/* Writes *p atomically.  False (with *err) when read-only or on I/O errors;
 * the previous file is then untouched. */
bool store_save(Store *s, const Progress *p, Buf *err);

void store_close(Store *s);

/* Serialisation, exposed for tests and export.  progress_parse returns false
 * with file:line:col diagnostics when the text is not a valid progress file;
 * *out is always initialised (empty on failure, except that schema_version
 * keeps a schema newer than PROGRESS_SCHEMA_VERSION when the file declared
 * one) and must be progress_fini'ed.
 * progress_serialize leaves *out empty only if libyaml itself fails; ids
 * that progress_id_ok refuses are left out (the data functions never store
 * them).  The format is described at the top of progress_file.c. */
void progress_serialize(const Progress *p, Buf *out);
bool progress_parse(const char *text, size_t len, const char *file, Progress *out,
                    DiagList *diags);

#endif
