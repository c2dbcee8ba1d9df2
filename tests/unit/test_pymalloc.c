/*
 * Unit tests for app/sim/pymalloc: the allocator model on its own, checked
 * against the laws measured in oracle/measured (a1..a4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "sim/pymalloc.h"

#define KIB 1024u

static void new_heap(PmHeap *h) { pm_init(h, 1024 * KIB, 16 * KIB, true, 0); }

static void size_classes(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    PmStats s;
    PmPtr a = pm_alloc(&h, 1), b = pm_alloc(&h, 16), c = pm_alloc(&h, 17), d = pm_alloc(&h, 512);
    PmPtr e = pm_alloc(&h, 513), z = pm_alloc(&h, 0);
    pm_stats(&h, &s);
    assert_int_equal(s.in_use[0], 2);
    assert_int_equal(s.in_use[1], 1);
    assert_int_equal(s.in_use[31], 1);
    assert_true(pm_is_raw(e) && pm_is_raw(z));
    assert_int_equal(s.raw_blocks, 2);
    assert_int_equal(pm_blocks_per_pool(&h, 0), 1021);
    assert_int_equal(pm_blocks_per_pool(&h, 3), 255);
    assert_int_equal(pm_blocks_per_pool(&h, 31), 31);
    pm_free(&h, a), pm_free(&h, b), pm_free(&h, c), pm_free(&h, d), pm_free(&h, e), pm_free(&h, z);
    pm_fini(&h);
}

static void carving_and_lifo(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    PmPtr p[10];
    for (int i = 0; i < 10; i++)
        p[i] = pm_alloc(&h, 64);
    uint64_t base = pm_address(&h, p[0]);
    assert_int_equal(base % (16 * KIB), 48);
    for (int i = 1; i < 10; i++)
        assert_int_equal(pm_address(&h, p[i]) - base, 64u * (unsigned)i);
    pm_free(&h, p[3]), pm_free(&h, p[7]), pm_free(&h, p[5]);
    assert_int_equal(pm_alloc(&h, 64), p[5]);
    assert_int_equal(pm_alloc(&h, 64), p[7]);
    assert_int_equal(pm_alloc(&h, 64), p[3]);
    pm_fini(&h);
}

static void full_pool_goes_to_front(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    PmPtr *p = malloc(3 * 255 * sizeof *p);
    for (int i = 0; i < 3 * 255; i++)
        p[i] = pm_alloc(&h, 64);
    pm_free(&h, p[10]);       /* pool X */
    pm_free(&h, p[255 + 10]); /* pool Y */
    assert_int_equal(pm_alloc(&h, 64), p[255 + 10]);
    assert_int_equal(pm_alloc(&h, 64), p[10]);
    free(p);
    pm_fini(&h);
}

static void keeps_one_empty_arena(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    size_t n = 64 * 255 * 3 / 2, big = 64 * 255;
    PmPtr *keep = malloc(n * sizeof *keep), *tmp = malloc(big * sizeof *tmp);
    for (size_t i = 0; i < n; i++)
        keep[i] = pm_alloc(&h, 64);
    PmStats s0, s1;
    pm_stats(&h, &s0);
    for (int it = 0; it < 20; it++) {
        for (size_t i = 0; i < big; i++)
            tmp[i] = pm_alloc(&h, 64);
        for (size_t i = 0; i < big; i++)
            pm_free(&h, tmp[i]);
    }
    pm_stats(&h, &s1);
    assert_true(s1.arenas_total - s0.arenas_total <= 2);
    free(keep), free(tmp);
    pm_fini(&h);
    /* 3.8 rule: every wholly free arena is unmapped */
    pm_init(&h, 1024 * KIB, 16 * KIB, false, 0);
    tmp = malloc(big * sizeof *tmp);
    for (int it = 0; it < 5; it++) {
        for (size_t i = 0; i < big; i++)
            tmp[i] = pm_alloc(&h, 64);
        for (size_t i = 0; i < big; i++)
            pm_free(&h, tmp[i]);
    }
    pm_stats(&h, &s1);
    assert_int_equal(s1.arenas_current, 0);
    assert_true(s1.arenas_total >= 5);
    free(tmp);
    pm_fini(&h);
}

static void carving_law_and_release(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    enum { N = 100000 };
    PmPtr *p = malloc(N * sizeof *p);
    for (int i = 0; i < N; i++)
        p[i] = pm_alloc(&h, 64);
    PmStats s;
    pm_stats(&h, &s);
    assert_int_equal(s.pools[3], (N + 254) / 255);
    assert_int_equal(s.avail[3], s.pools[3] * 255 - N);
    assert_int_equal(s.arenas_current, 7); /* 393 pools / 64 */
    for (int i = 1; i < N; i += 2)
        pm_free(&h, p[i]);
    pm_stats(&h, &s);
    assert_int_equal(s.pools[3], (N + 254) / 255);
    for (int i = 0; i < N; i += 2)
        pm_free(&h, p[i]);
    pm_stats(&h, &s);
    assert_int_equal(s.pools[3], 0);
    assert_int_equal(s.arenas_current, 1);
    uint64_t sum = s.bytes_allocated + s.bytes_available + s.unused_pools * 16 * KIB +
                   s.bytes_pool_headers + s.bytes_quantization;
    assert_int_equal(sum, s.arenas_current * 1024 * KIB);
    free(p);
    pm_fini(&h);
}

static void realloc_rules(void **state)
{
    (void)state;
    PmHeap h;
    new_heap(&h);
    PmPtr p = pm_alloc(&h, 100);            /* 112-byte block */
    assert_int_equal(pm_realloc(&h, p, 90), p); /* shrinks < 25 %: kept */
    PmPtr q = pm_realloc(&h, p, 40);        /* shrinks a lot: moved */
    assert_int_not_equal(q, p);
    assert_int_equal(pm_block_size(&h, q), 48);
    PmPtr r = pm_realloc(&h, q, 1000);
    assert_true(pm_is_raw(r));
    assert_true(pm_is_raw(pm_realloc(&h, r, 10))); /* never adopted */
    pm_fini(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(size_classes),
        cmocka_unit_test(carving_and_lifo),
        cmocka_unit_test(full_pool_goes_to_front),
        cmocka_unit_test(keeps_one_empty_arena),
        cmocka_unit_test(carving_law_and_release),
        cmocka_unit_test(realloc_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
