/*
 * timecells: a log of intervals boiled down to the columns of a time window,
 * shared by the labs' scheduler (sched_timeline.c) and the bytecode threads'
 * (vmsched_log.c): how much of each column an interval covers, which lane
 * filled a cell most, and who held the GIL longest in a column.
 */
#ifndef PYDIVE_SIM_TIMECELLS_H
#define PYDIVE_SIM_TIMECELLS_H

#include <stddef.h>
#include <stdint.h>

/* Adds [a, b) to acc[col * stride] for each column of [t0, t1) it overlaps. */
void tc_spread(int64_t a, int64_t b, int64_t t0, int64_t t1, int ncols, int64_t *acc, size_t stride);
/* The column of [t0, t1) that time t falls in; -1 outside the window. */
int tc_column(int64_t t, int64_t t0, int64_t t1, int ncols);
/* For each of ncells cells of nl lane totals (acc), the lane with the most
 * time; a cell with none keeps out's value. */
void tc_dominant(const int64_t *acc, size_t ncells, size_t nl, uint8_t *out);
/* A GIL hold [a, b) by `who`: it takes each column where it is the longest
 * so far (best, per column; acc: ncols of scratch, zero outside the hold). */
void tc_hold(int64_t a, int64_t b, int who, int64_t t0, int64_t t1, int ncols, int64_t *best, int64_t *acc,
             int16_t *out);

#endif
