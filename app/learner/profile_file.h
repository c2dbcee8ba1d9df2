/*
 * profile_file: the rules every file of a profile folder follows on disk,
 * shared by the progress store (store.c) and the assessments store
 * (assess_store.c).  What counts as confirmed: only a file a completed
 * rename put in place; temporary files a killed save left are removed by
 * the next lock holder.  A damaged file is moved aside and reported, never
 * overwritten unseen; a newer pydive's file is kept as it is.
 */
#ifndef PYDIVE_LEARNER_PROFILE_FILE_H
#define PYDIVE_LEARNER_PROFILE_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"

/* How one kind of profile file is named in messages and how large it may be. */
typedef struct ProfileFileKind {
    const char *noun;  /* "progress": the file is called "progress file" */
    const char *shows; /* what is shown instead of a damaged file: "no progress" */
    size_t max_bytes;  /* a larger file is damaged */
    int schema;        /* the schema version this pydive reads */
} ProfileFileKind;

/* Removes the files in dir whose names start with prefix (the temporary
 * files of file_write_atomic); a failure is a warning in diags.  Only the
 * lock holder may call it: a temporary file may be another pydive's save in
 * progress. */
void profile_file_remove_temps(const char *dir, const char *prefix, DiagList *diags);

typedef enum ProfileRead {
    PROFILE_READ_ABSENT, /* no file: a new profile */
    PROFILE_READ_TEXT,   /* *text holds the file */
    PROFILE_READ_DAMAGED,/* too large: why holds the reason, set it aside */
    PROFILE_READ_FAILED, /* could not be read at all (an error in diags) */
} ProfileRead;

/* Reads path into *text (caller's Buf) within kind->max_bytes. */
ProfileRead profile_file_read(const ProfileFileKind *kind, const char *path, Buf *text,
                              DiagList *why, DiagList *diags);

/* The file cannot be used.  Read-only: it is left as it is.  Otherwise it
 * is moved aside; returns false when that failed, and the caller must then
 * stop writing (saving would overwrite the only copy).  The reasons in why
 * follow the warning as notes. */
bool profile_file_set_aside(const ProfileFileKind *kind, const char *path, bool read_only,
                            const DiagList *why, DiagList *diags);

/* The warning for a file a newer pydive wrote (schema above kind->schema);
 * the caller opens the profile read-only. */
void profile_file_warn_newer(const ProfileFileKind *kind, const char *path, int schema,
                             DiagList *diags);

#endif
