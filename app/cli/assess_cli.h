/*
 * assess_cli: what the assessment commands (assess, review, stage, roadmap)
 * share — the assessment content, the learner's assessment record, and the
 * clock.  Reads only assessments/ (never the lessons), so these commands work
 * whatever state the course content is in.
 *
 * The clock is time(2) and the local UTC offset; PYDIVE_NOW (Unix seconds)
 * replaces time(2) so tests can come back "a day later".
 */
#ifndef PYDIVE_CLI_ASSESS_CLI_H
#define PYDIVE_CLI_ASSESS_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "base/diag.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/assess_store.h"

typedef struct AssessCli {
    AssessContent content;
    bool content_loaded;
    char *profile;
    char *user_dir;
    AssessStore store;
    bool store_open;
    AssessLog log;
    DiagList diags;
    int64_t now;    /* Unix seconds */
    int64_t today;  /* local day number */
} AssessCli;

/* Parses --profile from argv, loads content and opens the profile.
 * Returns 0, or the exit status to end with after printing why. */
int assess_cli_open(AssessCli *a, int *argc, char **argv, bool want_write);
void assess_cli_close(AssessCli *a);
/* Reads the clock again (a quiz takes minutes; answers keep their own time). */
void assess_cli_tick(AssessCli *a);
/* Saves the record; prints why on failure.  True when saved. */
bool assess_cli_save(AssessCli *a);
/* "2026-09-01" for a day number. */
void assess_cli_date(int64_t day, char *out, size_t size);
/* Rejects leftover options or arguments (usage error 2), else 0. */
int assess_cli_no_more_args(int argc, char **argv);

#endif
