/*
 * mastery: from evidence to a skill stage, per competency and overall.
 *
 * The estimate is Bayesian Knowledge Tracing (Corbett & Anderson 1995): the
 * probability p(L) that the learner knows a competency, updated by each
 * piece of evidence with the guess and slip probabilities, then by the
 * chance p(T) of learning at that opportunity.  Evidence can carry a weight
 * below 1 (an exercise solved with hints, a self-rating), which moves the
 * estimate only part of the way.  The stage rules, the confidence labels
 * and every parameter come from assessments/model.yaml; the rules are
 * written out in docs/ASSESSMENTS.md.  Everything here is pure: the same
 * content, log and `now` give the same report.
 */
#ifndef PYDIVE_LEARNER_MASTERY_H
#define PYDIVE_LEARNER_MASTERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "learner/assess.h"
#include "learner/assess_log.h"

/* bkt_update and bkt_p_correct are in base/skill.h (shared with the
 * roadmap lab). */

typedef enum Confidence {
    CONF_NONE,        /* no evidence */
    CONF_TENTATIVE,   /* some, below "likely" */
    CONF_LIKELY,
    CONF_FAIRLY_SURE,
    CONF_STALE,       /* the newest evidence is older than stale_days */
} Confidence;

typedef struct CompetencyEstimate {
    int competency;       /* index into content */
    double mastery;       /* p(L) after all evidence */
    int stage;            /* stage index; -1 = not assessed */
    Confidence confidence;
    double effective;     /* evidence weight, halved every half_life_days */
    int answers, correct; /* answers given (all), answered right */
    int exercises, solved;
    int ratings;
    int64_t last_at;      /* newest evidence, 0 = none */
    int right_at[4];      /* distinct items whose latest answer is right, at difficulty >= d */
    /* what would move the learner up one stage (next_stage -1 at the top) */
    int next_stage;
    int answers_needed;   /* right answers in a row to reach its mastery */
    int hard_needed;      /* more distinct items right ... */
    int hard_level;       /* ... at this difficulty or harder */
    int exercises_needed;
} CompetencyEstimate;

typedef struct StageReport {
    CompetencyEstimate *comps; /* one per competency, content order */
    size_t n;
    int overall;               /* stage index; -1 = not enough evidence */
    int assessed;              /* competencies with any evidence */
} StageReport;

void mastery_report(const AssessContent *c, const AssessLog *log, int64_t now,
                    StageReport *out);
void stage_report_fini(StageReport *r);

/* The stage the rules give for these figures (exposed for tests). */
int mastery_stage(const AssessModel *m, double mastery, const int right_at[4], int solved,
                  bool any_evidence);
/* The overall stage: the lower median of the assessed stages, or -1 when
 * fewer than overall_min_assessed competencies were assessed. */
int mastery_overall(const AssessModel *m, const int *stages, size_t n);
const char *mastery_confidence_name(Confidence c);
/* "fairly sure", "from 2 answers" ...: a short phrase for the learner. */
void mastery_describe(const CompetencyEstimate *e, char *out, size_t size);

#endif
