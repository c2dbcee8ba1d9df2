/*
 * Unit tests for view/lab_flywheel_view: each page drawn headless at 80x24
 * and 60x16, in UTF-8 and ASCII, says what it is and shows the model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/labs.h"

static char *render(const char *src, int page, int w, int h, bool ascii)
{
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_flywheel, src, strlen(src), "t.fly", 1, &dl));
    lab_finish(&lab);
    const LabView *v = lab_view_find("flywheel");
    assert_non_null(v);
    Canvas *cv = canvas_new(w, h, ascii);
    v->draw(&lab, &(LabViewOptions){.page = page}, cv, (Rect){0, 0, w, h});
    Buf b = {0};
    canvas_to_text(cv, &b);
    canvas_free(cv);
    lab_close(&lab);
    if (getenv("SHOW_FRAMES"))
        fprintf(stderr, "%s\n", buf_str(&b));
    return buf_take(&b);
}

static const char PROG[] = "run 30\nshock libraries -50%\nrun 30\n"
                           "data so2025-languages \"Python, 2024\" 51\n"
                           "data so2025-languages \"Python, 2025\" 57.9\n";

static void series_page(void **state)
{
    (void)state;
    char *s = render(PROG, 0, 80, 20, false);
    assert_non_null(strstr(s, "an illustration, not a forecast: step 60"));
    assert_non_null(strstr(s, "U"));
    assert_non_null(strstr(s, "!")); /* the shock at step 30 */
    assert_non_null(strstr(s, "! = a change made by the program"));
    free(s);
    s = render(PROG, 0, 60, 12, true);
    assert_non_null(strstr(s, "step 60"));
    for (const char *p = s; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    free(s);
}

static void loop_page(void **state)
{
    (void)state;
    char *s = render("set a=0.7\nusers 0.5\n", 1, 80, 20, false);
    assert_non_null(strstr(s, "users U=0.500"));
    assert_non_null(strstr(s, "a=0.7"));
    assert_non_null(strstr(s, "U' = U + g*(L+T)*U*(1-U) - c*U"));
    free(s);
    s = render("users 0.5\n", 1, 40, 10, true); /* narrow: as a list */
    assert_non_null(strstr(s, "users U=0.500"));
    free(s);
}

static void data_page(void **state)
{
    (void)state;
    char *s = render(PROG, 2, 60, 16, true);
    assert_non_null(strstr(s, "so2025-languages: Python, 2025"));
    assert_non_null(strstr(s, "# 57.9"));
    free(s);
    s = render("run 1\n", 2, 60, 16, true);
    assert_non_null(strstr(s, "quotes no figures"));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(series_page),
        cmocka_unit_test(loop_page),
        cmocka_unit_test(data_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
