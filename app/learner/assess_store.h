/*
 * assess_store: a learner profile's assessment record on disk.
 *
 * Layout: <user data dir>/profiles/<profile>/assessments.yaml, beside the
 * progress file and sharing its profile lock ("lock").  The rules are the
 * progress store's: saves are atomic (file_write_atomic), one process at a
 * time writes a profile, a file that cannot be read is moved aside
 * (assessments.yaml.damaged-...) and reported, and the learner carries on
 * with an empty record; nothing is silently discarded.
 */
#ifndef PYDIVE_LEARNER_ASSESS_STORE_H
#define PYDIVE_LEARNER_ASSESS_STORE_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/diag.h"
#include "learner/assess_log.h"
#include "learner/store.h"

/* Assessments files larger than this are refused (treated as damaged). */
#define ASSESS_FILE_MAX (8 * 1024 * 1024)

typedef struct AssessStore {
    char *profile_dir; /* owned */
    char *path;        /* owned: the assessments file */
    int lock_fd;       /* the profile lock when this store took it; else -1 */
    bool read_only;
} AssessStore;

/* Opens the profile (creating directories as needed) and loads its record
 * into *out.  With want_write, takes the profile lock; when another process
 * holds it, opens read-only with a DIAG_WARNING.  Returns false only when the
 * profile cannot be used at all; *out is then an empty log to fini. */
bool assess_store_open(AssessStore *s, const char *user_data_dir, const char *profile,
                       bool want_write, AssessLog *out, DiagList *diags);

/* Same, for a profile whose progress Store is already open in this process:
 * shares its lock (flock would refuse a second lock on the same file), and
 * is writable exactly when `progress` is.  `progress` must outlive *s. */
bool assess_store_open_beside(AssessStore *s, const Store *progress, const char *profile,
                              AssessLog *out, DiagList *diags);

/* Writes *log atomically; false (with *err) when read-only or on I/O errors,
 * leaving the previous file untouched. */
bool assess_store_save(AssessStore *s, const AssessLog *log, Buf *err);
void assess_store_close(AssessStore *s);

/* The format (assess_log_file.c; docs/ASSESSMENTS.md).  Parse returns false
 * with file:line:col diagnostics; *out is always initialised. */
void assess_log_serialize(const AssessLog *log, Buf *out);
bool assess_log_parse(const char *text, size_t len, const char *file, AssessLog *out,
                      DiagList *diags);

#endif
