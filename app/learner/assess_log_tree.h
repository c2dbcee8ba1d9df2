/*
 * assess_log_tree: the assessment record's fields read from a ytree mapping
 * (internal to app/learner; used by export.c, which embeds the same fields).
 */
#ifndef PYDIVE_LEARNER_ASSESS_LOG_TREE_H
#define PYDIVE_LEARNER_ASSESS_LOG_TREE_H

#include "learner/assess_log.h"
#include "learner/ytree.h"

/* Reads updated, track, answers, exercises, ratings, sessions and review of
 * `map` into *log (appending), reporting through *d.  The caller checks the
 * mapping's keys. */
void assess_log_read_fields(YtDoc *d, const YtNode *map, AssessLog *log);

#endif
