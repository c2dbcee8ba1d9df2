/*
 * Unit tests for lab/gil/cow.h: forked workers sharing the parent's pages, and
 * what refcount writes, collections and gc.freeze() do to the sharing.
 * Small heaps (1-4 MiB: 256-1024 pages of 4 KiB, pools of 4 pages).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lab/gil/cow.h"

static Cow *make(CowConfig *c, int workers)
{
    char err[128];
    Cow *m = cow_new(c, err, sizeof err);
    if (!m)
        fail_msg("cow_new: %s", err);
    if (workers)
        cow_fork(m, workers, COW_FORK);
    return m;
}

static size_t copied(const Cow *m, int w)
{
    size_t n = 0;
    for (size_t p = 0; p < cow_pages(m); p++)
        n += cow_page_copied(m, w, p);
    return n;
}

static void fork_shares_every_page(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 1;
    Cow *m = make(&c, 4);
    assert_int_equal(cow_pages(m), 256);
    CowMemory mem;
    cow_memory(m, &mem);
    assert_int_equal(mem.total_bytes, 1 << 20); /* one copy, however many workers */
    assert_int_equal(mem.rss_sum_bytes, 5 << 20); /* but RSS counts it five times */
    assert_true(mem.shared_pct == 100.0);
    cow_free(m);
}

/* Reading every object of a page writes their refcounts: the page is
 * copied in that worker only; its neighbours and other workers keep
 * sharing it. */
static void touching_a_page_copies_it(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 1;
    Cow *m = make(&c, 2);
    cow_touch_page(m, 0, 10);
    assert_true(cow_page_copied(m, 0, 10));
    assert_false(cow_page_copied(m, 0, 11));
    assert_false(cow_page_copied(m, 1, 10));
    cow_touch_page(m, 0, 10); /* copied once */
    CowMemory mem;
    cow_memory(m, &mem);
    assert_int_equal(mem.copied_pages, 1);
    assert_int_equal(mem.total_bytes, (1 << 20) + 4096);
    cow_free(m);
    /* immortal objects (PEP 683): reads write nothing */
    c.immortal_pct = 100;
    m = make(&c, 1);
    cow_touch_page(m, 0, 10);
    cow_touch(m, 0, 100);
    assert_int_equal(copied(m, 0), 0);
    cow_free(m);
}

/* Reading a fraction p of the objects copies a page unless none of its 64
 * objects was read: 1 - (1 - p)^64, so 10% of the objects copy ~99.9% of
 * the pages and 1% copy ~47%. */
static void reading_a_few_objects_copies_most_pages(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 4;
    Cow *m = make(&c, 2);
    cow_touch(m, 0, 100);
    assert_int_equal(copied(m, 0), 1024);
    cow_touch(m, 1, 1);
    double frac = (double)copied(m, 1) / 1024.0;
    assert_true(frac > 0.40 && frac < 0.54);
    cow_free(m);
    /* flat buffers (bytes, arrays): reading writes only the header page */
    c.bulk_pct = 100;
    c.bulk_kb = 1024;
    m = make(&c, 1);
    cow_touch(m, 0, 100);
    assert_int_equal(copied(m, 0), 4); /* four 1 MiB buffers */
    cow_free(m);
}

/* A full collection writes the GC header of every tracked object: every
 * tracked pool's pages are copied; young collections do not reach the
 * parent's objects; gc.freeze() before fork keeps them out of it. */
static void gc_copies_tracked_pages_unless_frozen(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 4;
    c.tracked_pct = 40;
    Cow *m = make(&c, 1);
    cow_gc(m, 0, 0);
    cow_gc(m, 0, 1);
    assert_int_equal(copied(m, 0), 0);
    cow_gc(m, 0, 2);
    size_t n = copied(m, 0);
    assert_true(n % 4 == 0); /* whole pools: one size class each */
    assert_true(n > 1024 * 30 / 100 && n < 1024 * 50 / 100);
    cow_free(m);

    m = make(&c, 0);
    assert_true(cow_parent_freeze(m));
    cow_fork(m, 3, COW_FORK);
    for (int w = 0; w < 3; w++) {
        cow_gc(m, w, 2);
        assert_int_equal(copied(m, w), 0);
    }
    cow_touch_page(m, 0, 0); /* freeze does not stop refcount writes */
    assert_int_equal(copied(m, 0), 1);
    cow_free(m);

    m = make(&c, 1); /* too late: the children were forked before freeze */
    assert_false(cow_parent_freeze(m));
    cow_gc(m, 0, 2);
    assert_int_equal(copied(m, 0), n);
    cow_free(m);
}

/* Same seed, same pages; another seed, other pages. */
static void deterministic_for_a_seed(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 2;
    c.seed = 42;
    Cow *a = make(&c, 1), *b = make(&c, 1);
    cow_touch(a, 0, 1);
    cow_touch(b, 0, 1);
    cow_gc(a, 0, 2);
    cow_gc(b, 0, 2);
    bool differ = false;
    for (size_t p = 0; p < cow_pages(a); p++)
        assert_int_equal(cow_page_copied(a, 0, p), cow_page_copied(b, 0, p));
    c.seed = 43;
    Cow *d = make(&c, 1);
    cow_touch(d, 0, 1);
    cow_gc(d, 0, 2);
    for (size_t p = 0; p < cow_pages(a); p++)
        differ |= cow_page_copied(a, 0, p) != cow_page_copied(d, 0, p);
    assert_true(differ);
    cow_free(a);
    cow_free(b);
    cow_free(d);
    /* the layout (which pools hold tracked objects) follows the seed too */
    size_t n42, n43;
    c.seed = 42;
    a = make(&c, 1);
    cow_gc(a, 0, 2);
    n42 = copied(a, 0);
    c.seed = 43;
    d = make(&c, 1);
    cow_gc(d, 0, 2);
    n43 = copied(d, 0);
    differ = n42 != n43;
    for (size_t p = 0; p < cow_pages(a); p++)
        differ |= cow_page_copied(a, 0, p) != cow_page_copied(d, 0, p);
    assert_true(differ);
    cow_free(a);
    cow_free(d);
}

/* 72 workers that read every object hold 73 copies; one process with 72
 * threads holds one heap plus 72 x 256 KiB (+15% when free-threaded). */
static void processes_against_threads(void **state)
{
    (void)state;
    CowConfig c;
    cow_config_init(&c);
    c.heap_mb = 8;
    CowScenario sc[COW_NSCENARIOS];
    cow_scenarios(&c, 72, sc);
    int64_t heap = 8 << 20;
    assert_int_equal(sc[0].total_bytes, heap);
    assert_int_equal(sc[2].total_bytes, 73 * heap);
    assert_true(sc[3].shared_pct > 45 && sc[3].shared_pct < 75); /* GC: tracked pools */
    assert_int_equal(sc[4].total_bytes, heap);                    /* frozen: no GC copies */
    assert_int_equal(sc[6].total_bytes, 73 * heap);               /* spawn */
    assert_int_equal(sc[7].total_bytes, heap + 72 * 256 * 1024);
    assert_int_equal(sc[8].total_bytes, heap + heap * 15 / 100 + 72 * 256 * 1024);
    for (int i = 0; i < COW_NSCENARIOS; i++)
        assert_non_null(sc[i].name);
}

static void bad_configs_are_refused(void **state)
{
    (void)state;
    CowConfig c;
    char err[128];
    cow_config_init(&c);
    c.page_bytes = 3000;
    assert_null(cow_new(&c, err, sizeof err));
    assert_non_null(strstr(err, "power of two"));
    cow_config_init(&c);
    c.tracked_pct = 101;
    assert_null(cow_new(&c, err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fork_shares_every_page),
        cmocka_unit_test(touching_a_page_copies_it),
        cmocka_unit_test(reading_a_few_objects_copies_most_pages),
        cmocka_unit_test(gc_copies_tracked_pages_unless_frozen),
        cmocka_unit_test(deterministic_for_a_seed),
        cmocka_unit_test(processes_against_threads),
        cmocka_unit_test(bad_configs_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
