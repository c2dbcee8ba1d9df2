/*
 * The shipped assessments (assessments/ of this tree), loaded once for a
 * group of unit tests: cmocka_run_group_tests(tests, load_shipped,
 * free_shipped).  Included by the tests that read the real items.
 */
#ifndef PYDIVE_TESTS_SHIPPED_ASSESSMENTS_H
#define PYDIVE_TESTS_SHIPPED_ASSESSMENTS_H

#include <stdio.h>

#include "base/diag.h"
#include "learner/assess.h"

static AssessContent shipped;

static int load_shipped(void **state)
{
    (void)state;
    DiagList d = {0};
    bool ok = assess_content_load("assessments", &shipped, &d);
    if (!ok)
        diag_print(&d, stderr);
    diag_fini(&d);
    return ok ? 0 : -1;
}

static int free_shipped(void **state)
{
    (void)state;
    assess_content_fini(&shipped);
    return 0;
}

#endif
