/*
 * cow: the parent's heap as an array of pages and each forked worker's
 * copied-page bitmap (see lab/gil/cow.h for the model).
 *
 * Mechanism sources:
 * - Reading an object writes its refcount, which dirties its page and makes
 *   the kernel copy it: PEP 683 "Avoiding Copy-on-Write" (pre-fork servers,
 *   "Instagram, YouTube"); Meta's 2023 immortal-objects post [S] on
 *   Instagram's private memory growing "on every read and GC cycle".
 * - A collection writes GC headers (gc_refs, list links) of the objects it
 *   examines: Instagram Engineering 2017, "Dismissing Python Garbage
 *   Collection at Instagram" [S]: shared memory per worker fell from ~250 MB
 *   to ~140 MB; with GC off it rose to ~225 MB.
 * - gc.freeze() moves all tracked objects to a permanent generation that
 *   collections ignore; recipe: gc.disable() early in the parent,
 *   gc.freeze() right before fork(), gc.enable() in the children
 *   (Doc/library/gc.rst, 3.7, bpo-31558).  It does not stop refcount writes
 *   (content-facts 3.7 [INFERENCE], consistent with PEP 683).
 * - In the free-threaded build the GC state lives in ob_gc_bits (frozen bit
 *   8) in the object header, so the same page-level picture holds; memory
 *   overhead "about 15-20% higher" (PEP 779), must stay below 15% for 3.14
 *   (SC note [S]): ft_memory_pct 15.
 * - pymalloc pools hold one size class (cpython-internals.md §1; 16 KiB
 *   pools since 3.10), so tracked containers and untracked objects mostly
 *   sit in different pages: tracked_pct is per pool (estimate 40%).
 * - Linux default start method: fork until 3.13, forkserver from 3.14
 *   (PR #125750); macOS spawn since 3.8.  spawn/forkserver children share
 *   nothing they load themselves (COW_SPAWN).
 * Estimates: obj_bytes 64 (a small tuple/int/str with header), tracked_pct
 * 40, thread_kb 256 (a thread's touched stack plus its thread state).
 */
#include "lab/gil/cow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/xalloc.h"

enum { PG_SMALL, PG_TRACKED, PG_BULK_HEAD, PG_BULK_DATA };

struct Cow {
    CowConfig cfg;
    size_t npages;
    uint8_t *kind;     /* per page: PG_* */
    uint16_t *nmortal; /* per small-object page: objects whose refcount reads write */
    uint16_t per_page; /* small objects per page */
    bool frozen;
    int nworkers;
    CowStart how;
    size_t words;      /* bitmap words per worker */
    uint64_t *copied;  /* nworkers * words */
    int64_t *ncopied;  /* per worker */
    uint64_t *rng;     /* per worker */
};


void cow_config_init(CowConfig *c)
{
    *c = (CowConfig){.heap_mb = 1024, .page_bytes = 4096, .pool_bytes = 16384,
                     .obj_bytes = 64, .tracked_pct = 40, .bulk_pct = 0, .bulk_kb = 1024,
                     .immortal_pct = 0, .worker_private_mb = 0, .thread_kb = 256,
                     .ft_memory_pct = 15, .seed = 1};
}

static bool check(const CowConfig *c, char *err, size_t errlen)
{
    const char *bad = NULL;
    if (c->heap_mb < 1 || c->heap_mb > (1 << 20))
        bad = "heap_mb must be 1 to 1048576";
    else if (c->page_bytes < 512 || c->page_bytes > (1 << 24) || (c->page_bytes & (c->page_bytes - 1)))
        bad = "page_bytes must be a power of two, 512 to 16 MiB";
    else if (c->pool_bytes < c->page_bytes || c->pool_bytes % c->page_bytes)
        bad = "pool_bytes must be a multiple of page_bytes";
    else if (c->obj_bytes < 16 || c->obj_bytes > c->page_bytes || c->page_bytes / c->obj_bytes > 65535)
        bad = "obj_bytes must be 16 to page_bytes";
    else if (c->tracked_pct < 0 || c->tracked_pct > 100 || c->bulk_pct < 0 || c->bulk_pct > 100 ||
             c->immortal_pct < 0 || c->immortal_pct > 100 || c->ft_memory_pct < 0 ||
             c->ft_memory_pct > 1000)
        bad = "percentages must be 0 to 100";
    else if (c->bulk_kb < 1 || (int64_t)c->bulk_kb * 1024 < c->page_bytes)
        bad = "bulk_kb must hold at least one page";
    else if (c->worker_private_mb < 0 || c->thread_kb < 0)
        bad = "sizes cannot be negative";
    if (bad && err && errlen)
        snprintf(err, errlen, "%s", bad);
    return !bad;
}

Cow *cow_new(const CowConfig *cfg, char *err, size_t errlen)
{
    if (!check(cfg, err, errlen))
        return NULL;
    Cow *m = xcalloc(1, sizeof *m);
    m->cfg = *cfg;
    m->npages = (size_t)((int64_t)cfg->heap_mb * 1024 * 1024 / cfg->page_bytes);
    m->kind = xcalloc(m->npages, 1);
    m->nmortal = xcalloc(m->npages, sizeof *m->nmortal);
    m->per_page = (uint16_t)(cfg->page_bytes / cfg->obj_bytes);
    uint64_t rng = cfg->seed ^ 0xC0FFEE1234567ULL;
    size_t bulk_pages = (size_t)((double)m->npages * cfg->bulk_pct / 100.0 + 0.5);
    size_t per_buf = (size_t)((int64_t)cfg->bulk_kb * 1024 / cfg->page_bytes);
    size_t pool_pages = (size_t)(cfg->pool_bytes / cfg->page_bytes);
    for (size_t p = 0; p < bulk_pages; p++) /* flat buffers first; order does not matter */
        m->kind[p] = (p % per_buf == 0) ? PG_BULK_HEAD : PG_BULK_DATA;
    for (size_t p = bulk_pages; p < m->npages; p += pool_pages) {
        uint8_t k = rng_unit(&rng) * 100.0 < cfg->tracked_pct ? PG_TRACKED : PG_SMALL;
        for (size_t q = p; q < p + pool_pages && q < m->npages; q++) {
            m->kind[q] = k;
            double imm = m->per_page * cfg->immortal_pct / 100.0;
            int nimm = (int)imm + (rng_unit(&rng) < imm - (int)imm); /* stochastic rounding */
            m->nmortal[q] = (uint16_t)(m->per_page - nimm);
        }
    }
    m->words = (m->npages + 63) / 64;
    return m;
}

void cow_free(Cow *m)
{
    if (!m)
        return;
    free(m->kind);
    free(m->nmortal);
    free(m->copied);
    free(m->ncopied);
    free(m->rng);
    free(m);
}

size_t cow_pages(const Cow *m)
{
    return m->npages;
}

bool cow_parent_freeze(Cow *m)
{
    if (m->nworkers > 0)
        return false;
    m->frozen = true;
    return true;
}

void cow_fork(Cow *m, int n, CowStart how)
{
    if (n < 1)
        n = 1;
    if (n > 4096)
        n = 4096;
    free(m->copied);
    free(m->ncopied);
    free(m->rng);
    m->nworkers = n;
    m->how = how;
    m->copied = xcalloc((size_t)n * m->words, sizeof *m->copied);
    m->ncopied = xcalloc((size_t)n, sizeof *m->ncopied);
    m->rng = xcalloc((size_t)n, sizeof *m->rng);
    for (int w = 0; w < n; w++)
        m->rng[w] = m->cfg.seed * 0x100000001B3ULL + (uint64_t)(w + 1) * 0xD1B54A32D192ED03ULL;
}

int cow_workers(const Cow *m)
{
    return m->nworkers;
}

static void copy_page(Cow *m, int w, size_t p)
{
    uint64_t *word = &m->copied[(size_t)w * m->words + p / 64];
    uint64_t bit = 1ULL << (p % 64);
    if (!(*word & bit)) {
        *word |= bit;
        m->ncopied[w]++;
    }
}

bool cow_page_copied(const Cow *m, int w, size_t page)
{
    if (w < 0 || w >= m->nworkers || page >= m->npages)
        return false;
    if (m->how == COW_SPAWN)
        return true; /* nothing was shared to begin with */
    return m->copied[(size_t)w * m->words + page / 64] >> (page % 64) & 1;
}

static bool valid_worker(const Cow *m, int w)
{
    return w >= 0 && w < m->nworkers && m->how == COW_FORK;
}

void cow_touch(Cow *m, int w, double pct)
{
    if (!valid_worker(m, w) || pct <= 0)
        return;
    double p = pct >= 100 ? 1.0 : pct / 100.0;
    double *page_hit = xmalloc(((size_t)m->per_page + 1) * sizeof *page_hit);
    for (int k = 0; k <= m->per_page; k++) /* any of k mortal objects read */
        page_hit[k] = 1.0 - pow(1.0 - p, k);
    for (size_t i = 0; i < m->npages; i++) {
        double hit;
        switch (m->kind[i]) {
        case PG_BULK_HEAD: /* one header: the buffer object itself */
            hit = p;
            break;
        case PG_BULK_DATA: /* reading the data writes nothing */
            continue;
        default:
            if (m->nmortal[i] == 0)
                continue;
            hit = page_hit[m->nmortal[i]];
            break;
        }
        if (hit >= 1.0 || rng_unit(&m->rng[w]) < hit)
            copy_page(m, w, i);
    }
    free(page_hit);
}

void cow_touch_page(Cow *m, int w, size_t page)
{
    if (!valid_worker(m, w) || page >= m->npages)
        return;
    if (m->kind[page] == PG_BULK_HEAD ||
        ((m->kind[page] == PG_SMALL || m->kind[page] == PG_TRACKED) && m->nmortal[page] > 0))
        copy_page(m, w, page);
}

void cow_gc(Cow *m, int w, int gen)
{
    if (!valid_worker(m, w) || gen < 2 || m->frozen)
        return; /* young collections and the permanent generation: no parent page */
    for (size_t i = 0; i < m->npages; i++)
        if (m->kind[i] == PG_TRACKED)
            copy_page(m, w, i);
}

void cow_memory(const Cow *m, CowMemory *out)
{
    memset(out, 0, sizeof *out);
    int64_t heap = (int64_t)m->npages * m->cfg.page_bytes;
    int64_t own = (int64_t)m->cfg.worker_private_mb * 1024 * 1024;
    out->parent_bytes = heap;
    int64_t shared = 0;
    for (int w = 0; w < m->nworkers; w++) {
        int64_t copied = m->how == COW_SPAWN ? (int64_t)m->npages : m->ncopied[w];
        out->copied_pages += copied;
        out->private_bytes += copied * m->cfg.page_bytes + own;
        shared += ((int64_t)m->npages - copied) * m->cfg.page_bytes;
    }
    out->total_bytes = heap + out->private_bytes;
    out->rss_sum_bytes = heap + (int64_t)m->nworkers * (heap + own);
    out->shared_pct = m->nworkers ? 100.0 * (double)shared / ((double)heap * m->nworkers) : 100.0;
}

int64_t cow_threads_bytes(const CowConfig *cfg, int n, bool ft)
{
    int64_t heap = (int64_t)cfg->heap_mb * 1024 * 1024;
    if (ft)
        heap += heap * cfg->ft_memory_pct / 100;
    return heap + (int64_t)n * ((int64_t)cfg->thread_kb * 1024 +
                                (int64_t)cfg->worker_private_mb * 1024 * 1024);
}

static void run_forked(const CowConfig *cfg, int n, bool freeze, double touch_pct, bool gc,
                       CowStart how, CowScenario *out)
{
    Cow *m = cow_new(cfg, NULL, 0);
    if (!m) {
        out->total_bytes = 0;
        out->shared_pct = -1;
        return;
    }
    if (freeze)
        cow_parent_freeze(m);
    /* Workers do the same thing to the same heap, so a sample of them stands
     * for all: exact when what they do is (GC, reading everything, spawn),
     * the sample's mean for random reads.  It keeps 4096 workers over a big
     * heap to a bounded time and memory. */
    int sample = n < COW_SCENARIO_SAMPLE ? n : COW_SCENARIO_SAMPLE;
    cow_fork(m, sample, how);
    for (int w = 0; w < sample; w++) {
        if (gc)
            cow_gc(m, w, 2);
        cow_touch(m, w, touch_pct);
    }
    CowMemory mem;
    cow_memory(m, &mem);
    out->total_bytes = mem.parent_bytes + mem.private_bytes * n / sample;
    out->shared_pct = mem.shared_pct;
    cow_free(m);
}

void cow_scenarios(const CowConfig *cfg, int n, CowScenario *out)
{
    static const char *const names[COW_NSCENARIOS] = {
        "fork; workers only use their own new data",
        "fork; each worker reads 10% of the objects",
        "fork; each worker reads every object once",
        "fork; one full GC in each worker",
        "gc.freeze() before fork; one full GC in each",
        "gc.freeze() before fork; full GC + 10% reads",
        "spawn/forkserver; each worker loads its own copy",
        "one process, N threads (default build, GIL)",
        "one process, N threads (free-threaded build)",
    };
    for (int i = 0; i < COW_NSCENARIOS; i++)
        out[i].name = names[i];
    run_forked(cfg, n, false, 0, false, COW_FORK, &out[0]);
    run_forked(cfg, n, false, 10, false, COW_FORK, &out[1]);
    run_forked(cfg, n, false, 100, false, COW_FORK, &out[2]);
    run_forked(cfg, n, false, 0, true, COW_FORK, &out[3]);
    run_forked(cfg, n, true, 0, true, COW_FORK, &out[4]);
    run_forked(cfg, n, true, 10, true, COW_FORK, &out[5]);
    run_forked(cfg, n, false, 0, false, COW_SPAWN, &out[6]);
    out[7].total_bytes = cow_threads_bytes(cfg, n, false);
    out[7].shared_pct = -1;
    out[8].total_bytes = cow_threads_bytes(cfg, n, true);
    out[8].shared_pct = -1;
}
