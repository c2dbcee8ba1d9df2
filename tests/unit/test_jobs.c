/*
 * Unit tests for app/base/jobs: results come back by index whatever the
 * number of workers, a child that dies has its job redone, a stop ends the
 * run and reports it, and results larger than a pipe's buffer arrive whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/jobs.h"

enum { NJOBS = 9 };

typedef struct Ctx {
    pid_t parent;
    int die_in_child;            /* this job's child crashes (-1: none) */
    volatile sig_atomic_t *stop; /* set by job 2, when given */
    size_t big;                  /* job 0 writes this many bytes */
} Ctx;

static void job(void *ctx, int i, Buf *out)
{
    Ctx *c = ctx;
    if (i == c->die_in_child && getpid() != c->parent)
        _exit(3); /* killed half-way, in a child only */
    if (i == 2 && c->stop)
        *c->stop = 1;
    buf_printf(out, "job %d squared %d", i, i * i);
    for (size_t k = 0; i == 0 && k < c->big; k++)
        buf_addc(out, (char)('a' + k % 26));
}

static void check_results(Buf *outs, size_t big)
{
    for (int i = 0; i < NJOBS; i++) {
        char want[64];
        snprintf(want, sizeof want, "job %d squared %d", i, i * i);
        assert_int_equal(strncmp(buf_str(&outs[i]), want, strlen(want)), 0);
        assert_int_equal(outs[i].len, strlen(want) + (i == 0 ? big : 0));
        buf_fini(&outs[i]);
    }
}

static void results_by_index_for_any_workers(void **state)
{
    (void)state;
    for (int workers = 1; workers <= 4; workers++) {
        Ctx c = {.parent = getpid(), .die_in_child = -1, .big = 200000};
        Buf outs[NJOBS] = {{0}};
        assert_true(jobs_run(NJOBS, workers, job, &c, outs, NULL));
        check_results(outs, c.big);
        assert_int_equal(outs[0].len, 0); /* freed by check_results */
    }
}

static void a_dead_child_has_its_job_redone(void **state)
{
    (void)state;
    Ctx c = {.parent = getpid(), .die_in_child = 4};
    Buf outs[NJOBS] = {{0}};
    assert_true(jobs_run(NJOBS, 3, job, &c, outs, NULL));
    check_results(outs, 0);
}

static void a_stop_ends_the_run(void **state)
{
    (void)state;
    /* one worker: the jobs run here, and job 2 sets the flag */
    volatile sig_atomic_t stop = 0;
    Ctx c = {.parent = getpid(), .die_in_child = -1, .stop = &stop};
    Buf outs[NJOBS] = {{0}};
    assert_false(jobs_run(NJOBS, 1, job, &c, outs, &stop));
    assert_int_equal(outs[3].len, 0); /* never ran */
    for (int i = 0; i < NJOBS; i++)
        buf_fini(&outs[i]);
    /* several workers: the flag is already set when the first child ends */
    stop = 1;
    Ctx d = {.parent = getpid(), .die_in_child = -1};
    Buf more[NJOBS] = {{0}};
    assert_false(jobs_run(NJOBS, 2, job, &d, more, &stop));
    for (int i = 0; i < NJOBS; i++)
        buf_fini(&more[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(results_by_index_for_any_workers),
        cmocka_unit_test(a_dead_child_has_its_job_redone),
        cmocka_unit_test(a_stop_ends_the_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
