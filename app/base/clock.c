/*
 * clock: wall clock with a test override (see clock.h).
 */
#include "base/clock.h"

#include <stdlib.h>
#include <time.h>

int64_t clock_now(void)
{
    const char *fake = getenv("PYDIVE_NOW");
    char *end = NULL;
    long long v = fake ? strtoll(fake, &end, 10) : 0;
    if (fake && *fake && end && *end == '\0' && v > 0)
        return (int64_t)v;
    return (int64_t)time(NULL);
}

long clock_utc_offset(int64_t now)
{
    time_t t = (time_t)now;
    struct tm tm;
    return localtime_r(&t, &tm) ? tm.tm_gmtoff : 0;
}
