/*
 * progress: what a learner has read and where they stopped (pure data).
 *
 * Positions are kept by stable ids (chapter id, section id) plus an offset
 * inside the section (block index, wrapped line inside that block), so
 * editing a lesson never breaks Resume: an unknown section falls back to the
 * chapter start, an out-of-range offset is clamped by the reader.
 * Times are Unix seconds supplied by the caller (determinism in tests).
 */
#ifndef PYDIVE_LEARNER_PROGRESS_H
#define PYDIVE_LEARNER_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROGRESS_SCHEMA_VERSION 1
/* Longest chapter or section id, in bytes, that progress records. */
#define PROGRESS_ID_MAX 200

typedef struct ChapterProgress {
    char *chapter_id;
    char *section_id;    /* current position; NULL = chapter start */
    int block;           /* 0 = the section's heading, k = its block k-1 */
    int line;            /* wrapped line inside that heading or block */
    char **read;         /* ids of sections read to the end */
    size_t nread;
    int64_t first_opened; /* 0 = never */
    int64_t last_opened;
} ChapterProgress;

typedef struct Progress {
    int schema_version;
    char *profile;
    char *last_chapter; /* chapter id of the most recent position; NULL = none */
    int64_t updated;
    ChapterProgress *chapters;
    size_t nchapters;
} Progress;

void progress_init(Progress *p, const char *profile);
void progress_fini(Progress *p);

/* Finds the record for a chapter; creates it when `create` is true.  The
 * pointer is valid until the next call that may create or reset a chapter. */
ChapterProgress *progress_chapter(Progress *p, const char *chapter_id, bool create);
const ChapterProgress *progress_chapter_get(const Progress *p, const char *chapter_id);

/* Records the reading position and makes this chapter the one to resume. */
void progress_set_position(Progress *p, const char *chapter_id, const char *section_id,
                           int block, int line, int64_t now);
/* Marks a section as read (idempotent). */
void progress_mark_read(Progress *p, const char *chapter_id, const char *section_id,
                        int64_t now);
bool progress_is_read(const Progress *p, const char *chapter_id, const char *section_id);
/* Sections of this chapter read so far (only ids the caller still knows are
 * counted by the screens; this is the raw count). */
size_t progress_read_count(const Progress *p, const char *chapter_id);

/* Forgets a chapter entirely (position, read sections, dates). */
void progress_reset_chapter(Progress *p, const char *chapter_id);
/* Forgets every chapter; the profile name stays. */
void progress_reset_all(Progress *p);

/* True when `id` can be recorded: at most PROGRESS_ID_MAX bytes of valid
 * UTF-8 (anything else could not survive the progress file).  The functions
 * above that record ids do nothing when given an id that is not ok, and
 * progress_chapter(.., true) then returns NULL. */
bool progress_id_ok(const char *id);

#endif
