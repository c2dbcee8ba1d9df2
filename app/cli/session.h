/*
 * session: what most commands need before they start — the content
 * directory, the loaded course, and the learner's profile and progress.
 */
#ifndef PYDIVE_CLI_SESSION_H
#define PYDIVE_CLI_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "base/diag.h"
#include "course/course.h"
#include "course/workshop.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/assess_store.h"
#include "learner/progress.h"
#include "learner/store.h"

typedef struct Session {
    char *content_dir;
    Course course;
    bool course_loaded;
    DiagList content_diags; /* problems in lesson files (broken modules are skipped) */
    char *profile;
    char *user_dir;
    Store store;
    bool store_open;
    Progress progress;
    DiagList store_diags;   /* read-only, damaged file moved aside, ... */
    /* assessments: optional; when they cannot be used the course still works */
    AssessContent assess;
    bool assess_loaded;
    AssessStore assess_store;
    AssessLog assess_log;
    bool assess_open;
    char assess_error[160]; /* why not, for the dashboard */
    /* the workshop pack's plan, when the content has a workshop.yaml: which
     * chapters are open, their policies, the seed (course/workshop.h; ask
     * view/access.h whether a chapter may be opened) */
    Workshop workshop;
    bool has_workshop;
} Session;

/* The ids a workshop.yaml may name, taken from loaded assessments. */
typedef struct PackRefs {
    WorkshopRefs refs;
    const char **competencies; /* borrowed strings, owned array */
    const char *stages[ASSESS_NSTAGES];
} PackRefs;

/* `ac` NULL: the pack has no assessments. */
void pack_refs_init(PackRefs *r, const AssessContent *ac);
void pack_refs_fini(PackRefs *r);
/* Loads <content_dir>/workshop.yaml when there is one; *has says whether.
 * False (with diagnostics) when it is there but has errors. */
bool session_load_workshop(const char *content_dir, const Course *course,
                           const AssessContent *ac, Workshop *out, bool *has, DiagList *diags);

/* Loads the course and opens the profile (`profile` NULL = default).
 * Returns 0, or the exit status to end with after printing why. */
int session_open(Session *s, const char *profile, bool want_write);
/* As session_open, read-only, for commands that show only the course's
 * outline and the progress (`list`, `progress`): references between files
 * are not checked (course_load_outline) and the assessments are not read
 * unless a workshop pack's plan needs them (else assess_loaded stays false);
 * the outline comes from course/outline_cache
 * while no file it was read from has changed.  `pydive validate` is where
 * content is checked. */
int session_open_outline(Session *s, const char *profile);
void session_close(Session *s);
/* Saves progress and the assessment record; false with a message in err. */
bool session_save(Session *s, char *err, size_t errlen);
/* Prints content and store diagnostics to stderr (once, at the edge). */
void session_report(const Session *s);
/* The course as linear text on stdin/stdout (cmd_plain.c). */
int plain_run(Session *s, bool ascii);
/* The simulation seed of the active workshop pack, when it sets one: every
 * laptop in the room then shows the same run. */
bool session_pack_seed(uint64_t *seed);
/* True when the locale's character set is UTF-8. */
bool session_utf8_locale(void);

#endif
