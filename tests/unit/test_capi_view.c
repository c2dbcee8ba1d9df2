/*
 * The C-API lab's view (view/lab_capi_view.c) on a canvas: owned, borrowed,
 * stolen and freed references drawn apart in UTF-8 and in ASCII, legible in
 * a 50x12 rectangle, and what does not fit counted.
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

static const char *prog = "lst = PyList_New(1)\n"
                          "num = PyLong_FromLong(1000)\n"
                          "PyList_SetItem(lst, 0, num)\n"
                          "item = PyList_GetItem(lst, 0)\n"
                          "obj = PyLong_FromLong(2000)\n"
                          "Py_DECREF(obj)\n"
                          "miss = PyList_GetItem(lst, 9)\n"
                          "n = PyList_Size(lst)\n"
                          "PyErr_Clear()\n"
                          "return lst\n";

static char *frame(const char *src, int w, int h, bool ascii, int page, int scroll)
{
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_capi, src, strlen(src), "t.c", 1, &dl));
    lab_finish(&lab);
    const LabView *v = lab_view_find("capi");
    assert_non_null(v);
    Canvas *cv = canvas_new(w, h, ascii);
    LabViewOptions o = {.page = page, .scroll = scroll};
    v->draw(&lab, &o, cv, (Rect){0, 0, w, h});
    Buf out = {0};
    canvas_to_text(cv, &out);
    canvas_free(cv);
    lab_close(&lab);
    diag_fini(&dl);
    if (getenv("SHOW_FRAMES"))
        fprintf(stderr, "----- %dx%d\n%s", w, h, buf_str(&out));
    return buf_take(&out);
}

/* The row of the frame that starts with `name ` (NULL if none). */
static char *row_of(const char *f, const char *name, char *buf, size_t n)
{
    size_t len = strlen(name);
    for (const char *s = f; *s;) {
        const char *nl = strchr(s, '\n');
        size_t l = nl ? (size_t)(nl - s) : strlen(s);
        if (l > len && memcmp(s, name, len) == 0 && s[len] == ' ') {
            snprintf(buf, n, "%.*s", (int)l, s);
            return buf;
        }
        s += l + (nl != NULL);
    }
    return NULL;
}

static void kinds_differ_in_glyphs_ascii(void **state)
{
    (void)state;
    char *f = frame(prog, 50, 12, true, 0, 0);
    char b[128];
    assert_non_null(row_of(f, "lst", b, sizeof b));
    assert_non_null(strstr(b, "==>"));
    assert_non_null(strstr(b, "#1 list len 1"));
    assert_non_null(strstr(b, "returned"));
    assert_non_null(row_of(f, "num", b, sizeof b));
    assert_non_null(strstr(b, "~~>"));
    assert_non_null(strstr(b, "stolen by lst"));
    assert_non_null(row_of(f, "item", b, sizeof b));
    assert_non_null(strstr(b, "-->"));
    assert_non_null(strstr(b, "borrowed from lst"));
    assert_non_null(row_of(f, "obj", b, sizeof b));
    assert_non_null(strstr(b, " x "));
    assert_non_null(strstr(b, "freed at line 6"));
    assert_non_null(row_of(f, "miss", b, sizeof b));
    assert_non_null(strstr(b, "NULL  IndexError"));
    assert_non_null(row_of(f, "n", b, sizeof b));
    assert_non_null(strstr(b, "= 1"));
    assert_non_null(strstr(f, "ended: no leaks"));
    /* nothing wider than the rectangle, nothing non-ASCII */
    for (const char *s = f; *s; s++)
        assert_true((unsigned char)*s < 0x80);
    free(f);
}

static void kinds_differ_in_glyphs_utf8(void **state)
{
    (void)state;
    char *f = frame(prog, 50, 12, false, 0, 0);
    char b[160];
    assert_non_null(strstr(row_of(f, "lst", b, sizeof b), "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6"));
    assert_non_null(strstr(row_of(f, "item", b, sizeof b), "\xe2\x94\x84\xe2\x94\x84\xe2\x94\x84\xe2\x96\xb6"));
    assert_non_null(strstr(row_of(f, "obj", b, sizeof b), "\xe2\x95\xb3"));
    free(f);
}

static void small_rectangles_count_what_they_leave_out(void **state)
{
    (void)state;
    char *f = frame(prog, 50, 5, true, 0, 0);
    /* legend, 2 variables, "... 4 more", outcome: 6 variables in all */
    assert_non_null(strstr(f, "... 4 more variables (scroll)"));
    assert_non_null(strstr(f, "ended: no leaks"));
    free(f);
    f = frame(prog, 50, 5, true, 0, 4);
    assert_non_null(row_of(f, "miss", (char[128]){0}, 128));
    assert_null(strstr(f, "more variable"));
    free(f);
    f = frame(prog, 50, 12, true, 1, 0);
    assert_non_null(strstr(f, "#2 int 1000"));
    assert_non_null(strstr(f, "freed at line 6"));
    free(f);
    /* a leak is named on the outcome line */
    f = frame("x = PyLong_FromLong(1000)\nPy_RETURN_NONE\n", 50, 6, true, 0, 0);
    assert_non_null(strstr(f, "ended: 1 leaked reference (first made at line 1)"));
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_differ_in_glyphs_ascii),
        cmocka_unit_test(kinds_differ_in_glyphs_utf8),
        cmocka_unit_test(small_rectangles_count_what_they_leave_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
