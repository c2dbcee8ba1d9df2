/*
 * cow: memory of forked worker processes that share their parent's heap
 * copy-on-write, page by page, and what breaks the sharing.
 *
 * The parent holds heap_mb of Python objects in pages: small objects packed
 * in pymalloc pools of one size class (so a pool is all GC-tracked
 * containers or all untracked objects), and optionally large flat buffers
 * (bytes, arrays) with one object header in their first page.  After
 * cow_fork every worker sees every page shared; the first write to a page
 * in a worker copies it into that worker's private memory.  Reading an
 * object writes its refcount (unless immortal); a full collection writes
 * the GC header of every tracked object it examines; gc.freeze() in the
 * parent before fork moves the tracked objects to the permanent generation,
 * which collections skip.  Plain C, no I/O; deterministic for cfg.seed.
 */
#ifndef PYDIVE_SIM_COW_H
#define PYDIVE_SIM_COW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct CowConfig {
    int heap_mb;           /* the parent's Python heap shared at fork */
    int page_bytes;        /* OS page: 4096 */
    int pool_bytes;        /* pymalloc pool, one size class: 16384 (3.10+) */
    int obj_bytes;         /* average small object incl. headers (estimate) */
    int tracked_pct;       /* % of small-object pools holding GC-tracked objects (estimate) */
    int bulk_pct;          /* % of the heap in large flat buffers */
    int bulk_kb;           /* size of one such buffer */
    int immortal_pct;      /* % of small objects immortal (PEP 683): reads write nothing */
    int worker_private_mb; /* each worker's (or thread's) own new allocations */
    int thread_kb;         /* one more thread in a process: stack pages touched, thread state */
    int ft_memory_pct;     /* free-threaded build's memory overhead */
    uint64_t seed;
} CowConfig;

/* Defaults (sources in cow.c): 1024 MiB, 4 KiB pages, 16 KiB pools, 64-byte
 * objects, 40% tracked pools, no flat buffers, no immortals, no private
 * allocations, 256 KiB per thread, 15% free-threaded overhead, seed 1. */
void cow_config_init(CowConfig *c);

typedef enum CowStart {
    COW_FORK,      /* child shares the parent's pages copy-on-write */
    COW_SPAWN      /* spawn/forkserver: the child loads its own copy of the data */
} CowStart;

typedef struct Cow Cow;

/* Builds the parent's heap; NULL with err when cfg is out of range. */
Cow *cow_new(const CowConfig *cfg, char *err, size_t errlen);
void cow_free(Cow *m);
size_t cow_pages(const Cow *m);

/* gc.freeze() in the parent: every tracked object to the permanent
 * generation.  False (no effect on workers) once they have been forked. */
bool cow_parent_freeze(Cow *m);
/* Starts n workers (1..4096); again replaces the previous workers. */
void cow_fork(Cow *m, int n, CowStart how);
int cow_workers(const Cow *m);

/* Worker w reads pct% of the parent's objects (each one with probability
 * pct/100, seeded): every mortal object read gets its refcount written. */
void cow_touch(Cow *m, int w, double pct);
/* Worker w reads every object on one page. */
void cow_touch_page(Cow *m, int w, size_t page);
/* Worker w runs a collection of generation gen (0..2).  Only a full one
 * (gen 2) reaches the parent's objects, which sit in the oldest generation
 * at fork; it writes the GC header of every tracked object not frozen. */
void cow_gc(Cow *m, int w, int gen);
/* Whether page has been copied in worker w. */
bool cow_page_copied(const Cow *m, int w, size_t page);

typedef struct CowMemory {
    int64_t parent_bytes;  /* the parent's heap */
    int64_t private_bytes; /* all workers' private pages + own allocations */
    int64_t total_bytes;   /* physical: parent + private (shared pages once) */
    int64_t rss_sum_bytes; /* what adding up every process's RSS shows */
    int64_t copied_pages;  /* all workers */
    double shared_pct;     /* of the workers' view of the parent heap, still shared */
} CowMemory;

void cow_memory(const Cow *m, CowMemory *out);
/* One process with n threads sharing one heap (plus the free-threaded
 * build's overhead when ft). */
int64_t cow_threads_bytes(const CowConfig *cfg, int n, bool ft);

#define COW_NSCENARIOS 9
/* Workers simulated page by page in a scenario; more are scaled from them. */
#define COW_SCENARIO_SAMPLE 8
typedef struct CowScenario {
    const char *name;
    int64_t total_bytes;
    double shared_pct; /* -1 when it does not apply (threads) */
} CowScenario;
/* The chapter's comparison for n workers: fork with nothing touched, after
 * reading 10% and 100% of the objects, after a full GC, gc.freeze() then a
 * full GC, freeze + GC + 10% reads, spawn, and one process with n threads
 * in the default and free-threaded builds.  out[COW_NSCENARIOS]. */
void cow_scenarios(const CowConfig *cfg, int n, CowScenario *out);

#endif
