/*
 * Unit tests for the deque's block layout (app/sim/deque.c): random
 * appends, pops, rotations and clears on both ends keep the items in the
 * order a plain array says, __sizeof__ in the 528-byte steps CPython's
 * formula gives from where the items start, and every block and reference
 * accounted for (the audit) while the deque lives and after it dies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sim/audit.h"
#include "sim/sim.h"

#define MAXN 700

typedef struct Ref {
    SimId items[MAXN];
    int n;
    SimId d;   /* the deque */
    SimId *keep; /* the items' objects, one reference each held by the test */
    int nkeep;
} Ref;

static void roots(void *ctx, Sim *s, SimVisit visit, void *arg)
{
    Ref *r = ctx;
    if (r->d)
        visit(s, r->d, arg);
    for (int i = 0; i < r->nkeep; i++)
        visit(s, r->keep[i], arg);
}

static void audit_ok(Sim *s, Ref *r)
{
    Buf rep = {0};
    bool ok = sim_audit(s, roots, r, &rep);
    if (!ok)
        print_error("%s\n", buf_str(&rep));
    buf_fini(&rep);
    assert_true(ok);
}

static void same_items(Sim *s, const Ref *r)
{
    assert_int_equal(sim_obj(s, r->d)->len, r->n);
    for (int i = 0; i < r->n; i++)
        assert_int_equal(sim_deque_item(s, r->d, (size_t)i), r->items[i]);
}

/* the reference rotation: n steps to the right */
static void ref_rotate(Ref *r, int64_t n)
{
    if (r->n <= 1)
        return;
    int64_t k = ((n % r->n) + r->n) % r->n;
    SimId tmp[MAXN];
    for (int i = 0; i < r->n; i++)
        tmp[(i + k) % r->n] = r->items[i];
    memcpy(r->items, tmp, (size_t)r->n * sizeof *tmp);
}

static void random_operations(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.11"));
    Ref r = {.n = 0};
    r.keep = calloc(64, sizeof *r.keep);
    for (r.nkeep = 0; r.nkeep < 64; r.nkeep++)
        r.keep[r.nkeep] = sim_list(s, 0);
    r.d = sim_deque(s, -1);
    assert_int_equal(sim_sizeof(s, r.d), 760);
    srand(7);
    for (int step = 0; step < 4000; step++) {
        int op = rand() % 7;
        if (op <= 1 && r.n < MAXN - 1) { /* append / appendleft */
            SimId v = r.keep[rand() % 64];
            sim_incref(s, v);
            assert_true(sim_deque_push(s, r.d, v, op == 1));
            if (op == 1) {
                memmove(r.items + 1, r.items, (size_t)r.n * sizeof *r.items);
                r.items[0] = v;
            } else {
                r.items[r.n] = v;
            }
            r.n++;
        } else if (op <= 3) { /* pop / popleft */
            SimId v = sim_deque_pop(s, r.d, op == 3);
            if (r.n == 0) {
                assert_int_equal(v, 0);
                continue;
            }
            SimId want = op == 3 ? r.items[0] : r.items[r.n - 1];
            assert_int_equal(v, want);
            if (op == 3)
                memmove(r.items, r.items + 1, (size_t)(r.n - 1) * sizeof *r.items);
            r.n--;
            sim_decref(s, v);
        } else if (op <= 5) {
            int64_t k = (rand() % 301) - 150;
            sim_deque_rotate(s, r.d, k);
            ref_rotate(&r, k);
        } else if (rand() % 20 == 0) {
            sim_deque_clear(s, r.d);
            r.n = 0;
        }
        same_items(s, &r);
        size_t size = sim_sizeof(s, r.d);
        assert_true(size >= 760 && (size - 232) % 528 == 0);
        if (step % 500 == 0)
            audit_ok(s, &r);
    }
    audit_ok(s, &r);
    sim_decref(s, r.d);
    r.d = 0;
    audit_ok(s, &r); /* its blocks and their cache went with it */
    for (int i = 0; i < r.nkeep; i++)
        assert_int_equal(sim_refcount(s, r.keep[i]), 1);
    for (int i = 0; i < r.nkeep; i++)
        sim_decref(s, r.keep[i]);
    free(r.keep);
    sim_free(s);
}

/* __sizeof__ from where the items start: the center (append), the left
 * edge (extend of an empty deque) or the right edge (extendleft) */
static void sizes_follow_the_start(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.12"));
    SimId d = sim_deque(s, -1);
    for (int i = 0; i < 33; i++)
        assert_true(sim_deque_push(s, d, sim_none(s), false));
    assert_int_equal(sim_sizeof(s, d), 1288); /* 32 fit from the center */
    sim_decref(s, d);
    d = sim_deque(s, -1);
    sim_deque_start_extend(s, d, false);
    for (int i = 0; i < 63; i++)
        assert_true(sim_deque_push(s, d, sim_none(s), false));
    assert_int_equal(sim_sizeof(s, d), 760);
    assert_true(sim_deque_push(s, d, sim_none(s), false));
    assert_int_equal(sim_sizeof(s, d), 1288);
    /* rotating by one brings the lone last item to the free left slot: one
     * block; by two more, the left edge moves into a new block (CPython
     * 3.12.1 prints 1288, 760, 1288) */
    sim_deque_rotate(s, d, 1);
    assert_int_equal(sim_sizeof(s, d), 760);
    sim_deque_rotate(s, d, 2);
    assert_int_equal(sim_sizeof(s, d), 1288);
    sim_decref(s, d);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_operations),
        cmocka_unit_test(sizes_follow_the_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
