#include "sim/timecells.h"

void tc_spread(int64_t a, int64_t b, int64_t t0, int64_t t1, int ncols, int64_t *acc, size_t stride)
{
    if (a < t0)
        a = t0;
    if (b > t1)
        b = t1;
    if (b <= a)
        return;
    int64_t span = t1 - t0;
    int col = (int)((a - t0) * ncols / span);
    for (; col < ncols; col++) {
        int64_t c0 = t0 + span * col / ncols, c1 = t0 + span * (col + 1) / ncols;
        if (c0 >= b)
            break;
        int64_t lo = a > c0 ? a : c0, hi = b < c1 ? b : c1;
        if (hi > lo)
            acc[(size_t)col * stride] += hi - lo;
    }
}

int tc_column(int64_t t, int64_t t0, int64_t t1, int ncols)
{
    if (t < t0 || t > t1)
        return -1;
    int c = (int)((t - t0) * ncols / (t1 - t0));
    return c >= ncols ? ncols - 1 : c;
}

void tc_dominant(const int64_t *acc, size_t ncells, size_t nl, uint8_t *out)
{
    for (size_t cell = 0; cell < ncells; cell++) {
        const int64_t *a = acc + cell * nl;
        int64_t best = 0;
        for (size_t l = 0; l < nl; l++) {
            if (a[l] > best) {
                best = a[l];
                out[cell] = (uint8_t)l;
            }
        }
    }
}

void tc_hold(int64_t a, int64_t b, int who, int64_t t0, int64_t t1, int ncols, int64_t *best, int64_t *acc,
             int16_t *out)
{
    int c0 = tc_column(a < t0 ? t0 : a, t0, t1, ncols), c1 = tc_column(b > t1 ? t1 : b, t0, t1, ncols);
    if (c0 < 0 || c1 < 0)
        return;
    for (int c = c0; c <= c1; c++)
        acc[c] = 0;
    tc_spread(a, b, t0, t1, ncols, acc, 1);
    for (int c = c0; c <= c1; c++) {
        if (acc[c] > best[c]) {
            best[c] = acc[c];
            out[c] = (int16_t)who;
        }
    }
}
