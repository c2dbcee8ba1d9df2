/*
 * workshop: a workshop pack's plan, read from <pack>/workshop.yaml and
 * checked against the pack's course — the title, the agenda (which chapters,
 * in which order, with time boxes for chapters and sections), which chapters
 * are open, a fixed simulation seed, and the instructor's policy per chapter
 * (may learners skip ahead, when may solutions be shown, what score or stage
 * opens the next chapter).  The schema is in docs/WORKSHOP.md.
 *
 * Plain data owned by the Workshop; workshop_fini frees it.  Every problem is
 * a "file:line:col: error: ..." diagnostic and any error fails the load: a
 * room must not run on half a plan.  The functions taking `const Workshop *`
 * accept NULL, meaning "no pack": every chapter open, the default policy.
 *
 * What a screen asks (the curses parts build on these):
 *   workshop_is_open(w, chapter_id)     listed on the agenda and opened;
 *   workshop_policy(w, chapter_id)      the effective policy for a chapter;
 *   workshop_solution_visible(p, solved, gave_up)   the solutions rule;
 *   w->agenda[0..nagenda)               the order and the time boxes;
 *   w->has_seed, w->seed                the simulation seed for everyone.
 * Whether a learner has met a chapter's gate needs their record: see
 * learner/gate.h (gate_check_score, gate_stage_reached) and view/access.h.
 */
#ifndef PYDIVE_COURSE_WORKSHOP_H
#define PYDIVE_COURSE_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "course/course.h"

#define WORKSHOP_FILE "workshop.yaml"
#define WORKSHOP_SCHEMA_VERSION 1

typedef enum SolutionPolicy {
    SOLUTIONS_NEVER,
    SOLUTIONS_AFTER_SOLVING,   /* once the learner's own answer was accepted */
    SOLUTIONS_AFTER_GIVING_UP, /* once solved, or after the learner gives up */
    SOLUTIONS_ALWAYS,
} SolutionPolicy;

typedef struct WorkshopPolicy {
    bool skip;                 /* may jump ahead within the chapter and past it
                                * without reading every section (default true) */
    SolutionPolicy solutions;  /* default SOLUTIONS_AFTER_GIVING_UP */
    int min_score;             /* percent (0-100) of the best chapter check needed
                                * before the next chapter opens; -1 = none */
    char *min_competency;      /* with min_stage: a stage needed before the next */
    char *min_stage;           /* chapter opens; both NULL = none */
    int competency;            /* their indices in WorkshopRefs (content order of */
    int stage;                 /* assessments/), -1 when none */
} WorkshopPolicy;

typedef struct WorkshopSection {
    char *id;                  /* a section of the chapter */
    int minutes;               /* its time box */
    SrcLoc loc;
} WorkshopSection;

typedef struct WorkshopChapter {
    char *chapter_id;          /* the course chapter's id */
    int number;                /* its number in the pack's course */
    int minutes;               /* time box for the chapter; 0 = none given */
    bool open;                 /* opened by the instructor (default true) */
    WorkshopSection *sections; /* time boxes of some sections, in agenda order */
    size_t nsections;
    WorkshopPolicy policy;     /* effective: `defaults` overridden by its own */
    SrcLoc loc;
} WorkshopChapter;

typedef struct Workshop {
    char *file;                /* path it was read from */
    char *id;                  /* the pack's id; exports carry it */
    int version;               /* the pack's own version (default 1) */
    char *title;
    bool has_seed;
    int64_t seed;              /* the simulation seed every laptop uses */
    WorkshopChapter *agenda;   /* in workshop order; chapters not listed are hidden */
    size_t nagenda;
    int total_minutes;         /* sum of the chapters' time boxes */
} Workshop;

/* The ids a policy may name, from the pack's assessments/ (stages in ladder
 * order).  has_assessments false: the pack has none, and a policy asking for
 * a score or a stage is an error. */
typedef struct WorkshopRefs {
    bool has_assessments;
    const char *const *competencies;
    size_t ncompetencies;
    const char *const *stages;
    size_t nstages;
} WorkshopRefs;

/* Reads `path` (diagnostics name it `display`) against the loaded `course`.
 * `refs` may be NULL (same as has_assessments false).  False when there is
 * any error; *out is then still safe to workshop_fini. */
bool workshop_load(const char *path, const char *display, const Course *course,
                   const WorkshopRefs *refs, Workshop *out, DiagList *diags);
void workshop_fini(Workshop *w);

/* The agenda entry of a chapter, or NULL when it is not on the agenda. */
const WorkshopChapter *workshop_chapter(const Workshop *w, const char *chapter_id);
/* Its index in the agenda, -1 when absent. */
int workshop_agenda_index(const Workshop *w, const char *chapter_id);
/* True without a pack; else listed and `open`. */
bool workshop_is_open(const Workshop *w, const char *chapter_id);
/* The chapter's policy; the defaults without a pack or for an unlisted one. */
const WorkshopPolicy *workshop_policy(const Workshop *w, const char *chapter_id);
/* May the solution of an exercise or item be shown now? */
bool workshop_solution_visible(const WorkshopPolicy *p, bool solved, bool gave_up);
const char *workshop_solutions_name(SolutionPolicy s);

#endif
