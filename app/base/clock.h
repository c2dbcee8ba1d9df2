/*
 * clock: the wall clock, replaceable for tests.
 *
 * PYDIVE_NOW (Unix seconds) stands in for time(2), so tests can come back
 * "a day later" to the review queue.  Everything that stamps learner data
 * reads the time here, and passes it down; nothing below reads a clock.
 */
#ifndef PYDIVE_BASE_CLOCK_H
#define PYDIVE_BASE_CLOCK_H

#include <stdint.h>

int64_t clock_now(void);
/* Seconds east of UTC at `now` in the local time zone. */
long clock_utc_offset(int64_t now);

#endif
