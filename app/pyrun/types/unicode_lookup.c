/*
 * unicode_lookup: finding a code point's record in the generated tables
 * (unicode_db.c): the profile's differences first, then the shared ranges,
 * both sorted, by binary search.
 */
#include "pyrun/types/unicode_db.h"

static const UcRange *find(const UcRange *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < r[mid].first)
            hi = mid;
        else if (c > r[mid].last)
            lo = mid + 1;
        else
            return &r[mid];
    }
    return NULL;
}

const UcRecord *uc_lookup(int t, uint32_t c)
{
    const UcTable *tb = &uc_tables[t];
    const UcRange *r = tb->diff ? find(tb->diff, tb->ndiff, c) : NULL;
    if (!r)
        r = find(tb->base, tb->nbase, c);
    return &uc_records[r ? r->record : 0];
}

int uc_map(int t, uint32_t c, int which, uint32_t out[3])
{
    const UcMap *m = &uc_lookup(t, c)->map[which];
    if (m->kind == UC_SAME) {
        out[0] = c;
        return 1;
    }
    if (m->kind == UC_DELTA) {
        out[0] = (uint32_t)((int32_t)c + m->v);
        return 1;
    }
    int n = 0;
    while (n < 3 && uc_texts[m->v][n])
        out[n] = uc_texts[m->v][n], n++;
    return n;
}
