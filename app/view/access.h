/*
 * access: may a learner open a chapter now?  The workshop pack's plan
 * (course/workshop.h) applied to the learner's record (progress, assessment
 * record) — the one place the screens ask, so the home list, the reader's
 * next-chapter key and the chapter checks agree.
 *
 * Without a pack (w NULL) every chapter is ACCESS_OPEN.  With one:
 *   ACCESS_HIDDEN  the chapter is not on the agenda;
 *   ACCESS_CLOSED  on the agenda, not opened by the instructor yet;
 *   ACCESS_LOCKED  an earlier agenda chapter holds it back: its policy has
 *                  skip: false and not all its sections are read, or its
 *                  min_score / min_stage is not met yet;
 *   ACCESS_OPEN    otherwise.
 * `why` says it in one sentence for the learner ("Chapter 1's check needs
 * 70% (your best: 50%)").
 */
#ifndef PYDIVE_VIEW_ACCESS_H
#define PYDIVE_VIEW_ACCESS_H

#include <stdint.h>

#include "course/course.h"
#include "course/workshop.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/progress.h"

typedef enum AccessState { ACCESS_HIDDEN, ACCESS_CLOSED, ACCESS_LOCKED, ACCESS_OPEN } AccessState;

typedef struct ChapterAccess {
    AccessState state;
    int blocker;       /* ACCESS_LOCKED: agenda index of the chapter holding it back */
    char why[200];     /* "" when open */
} ChapterAccess;

typedef struct AccessCtx {
    const Workshop *workshop;   /* NULL = no pack */
    const Course *course;
    const Progress *progress;
    const AssessContent *assess; /* NULL when the content has no assessments */
    const AssessLog *log;        /* NULL when the record cannot be opened */
    int64_t now;
} AccessCtx;

ChapterAccess access_chapter(const AccessCtx *ctx, const char *chapter_id);

#endif
