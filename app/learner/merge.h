/*
 * merge: one learner's record from two machines made into one (home and
 * school laptops), for `pydive import` and the class report.  Pure data, no
 * I/O.  The rules (docs/EXPORT.md, "Merging"):
 *
 *   progress   sections read: the union; per chapter the position of the side
 *              that opened it last, first_opened the earliest, last_opened
 *              the latest; the chapter to resume is the side's whose own was
 *              opened last; `updated` the later.
 *   answers    one answer per (item, time, result): the same answer on both
 *              sides is kept once; two different results at the same second
 *              are both kept, so no answer of either side is ever dropped.
 *   exercises  per (exercise, time, solved, hints); ratings per (competency,
 *              time, rating).
 *   sessions   one per (kind, chapter, started, finished), whatever its id;
 *              a new session whose id is taken here gets the next free id
 *              and the answers given in it follow.
 *   review     per item, the card with the later due day (whole card).
 *   track      the side updated later, when it has one.
 * Merging is idempotent: merging the same record again changes nothing.
 * Answers, exercises, ratings and sessions end sorted by time (stable).
 */
#ifndef PYDIVE_LEARNER_MERGE_H
#define PYDIVE_LEARNER_MERGE_H

#include <stddef.h>

#include "learner/assess_log.h"
#include "learner/progress.h"

typedef struct MergeStats {
    size_t chapters_added;    /* chapters new to this side */
    size_t sections_added;    /* read sections new to this side */
    size_t positions_taken;   /* chapters whose position came from the other side */
    size_t answers_added, answers_same;
    size_t exercises_added, ratings_added;
    size_t sessions_added, sessions_same, sessions_renumbered;
    size_t cards_added, cards_taken;
} MergeStats;

/* Merges `from` into `into`; adds to *st (which may be NULL). */
void progress_merge(Progress *into, const Progress *from, MergeStats *st);
void assess_log_merge(AssessLog *into, const AssessLog *from, MergeStats *st);
/* True when a merge changed anything. */
size_t merge_changes(const MergeStats *st);

#endif
