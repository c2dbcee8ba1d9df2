/*
 * Every "predict the output" item in assessments/: the simulated CPython
 * runs its program (that output is the answer learners are scored against)
 * and must print exactly what real CPython 3.11 printed for it
 * (tests/content/predict/ITEM.out, from tests/content/record-predict.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "learner/assess.h"
#include "learner/quiz.h"
#include "view/predict.h"

static void every_predict_item_matches_cpython(void **state)
{
    (void)state;
    AssessContent c;
    DiagList diags = {0};
    bool loaded = assess_content_load("assessments", &c, &diags);
    if (!loaded)
        diag_print(&diags, stderr);
    assert_true(loaded);
    size_t checked = 0;
    for (size_t i = 0; i < c.nitems; i++) {
        const Item *it = &c.items[i];
        if (it->kind != ITEM_PREDICT)
            continue;
        Buf got = {0}, err = {0}, want = {0};
        bool ran = predict_run(it->program, "3.11", &got, &err);
        if (!ran)
            fprintf(stderr, "%s: the model could not run it: %s\n", it->id, buf_str(&err));
        assert_true(ran);
        char path[256];
        snprintf(path, sizeof path, "tests/content/predict/%s.out", it->id);
        bool recorded = file_read(path, 1 << 20, &want, &err);
        if (!recorded)
            fprintf(stderr, "%s: no recording (run tests/content/record-predict.sh)\n", it->id);
        assert_true(recorded);
        assert_string_equal(buf_str(&got), buf_str(&want));
        /* And the quiz scores the model's output as the right answer. */
        Response r = {.text = buf_str(&got)};
        Score s;
        quiz_score(it, &r, buf_str(&got), &s);
        assert_int_equal(s.result, RESULT_CORRECT);
        score_fini(&s);
        buf_fini(&got), buf_fini(&err), buf_fini(&want);
        checked++;
    }
    assert_true(checked >= 2);
    assess_content_fini(&c);
    diag_fini(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_predict_item_matches_cpython),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
