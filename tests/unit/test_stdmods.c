/*
 * Unit tests for the standard modules functools, operator, math and
 * contextlib (app/pyrun/modules/): math.fsum's rounding on its own, and
 * the honesty of their imports (modules/std_import.c): a count or a
 * collection result the model cannot know is refused, never guessed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/pyrun.h"
#include "pyrun/refuse.h"

typedef struct Out {
    Buf out, err;
} Out;

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    Out *o = ctx;
    buf_add(stream == 2 ? &o->err : &o->out, text, n);
}

/* Runs src under `ver`; returns the exit code, stdout and stderr in *o. */
static int run(const char *ver, const char *src, Out *o)
{
    Sim *s = sim_new(sim_profile_find(ver));
    memset(o, 0, sizeof *o);
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, o);
    py_run(r);
    int code = py_exit_code(r);
    py_free(r);
    sim_free(s);
    return code;
}

static void out_fini(Out *o)
{
    buf_fini(&o->out);
    buf_fini(&o->err);
}

static double fsum_of(const double *xs, size_t n, const char **err)
{
    FsumState f;
    fsum_init(&f);
    bool over = false;
    *err = NULL;
    for (size_t i = 0; i < n && !*err; i++)
        *err = fsum_add(&f, xs[i], &over);
    double r = 0;
    if (!*err)
        *err = fsum_result(&f, &r);
    fsum_fini(&f);
    return r;
}

/* Values from CPython 3.11.7: math.fsum of each list. */
static void test_fsum_exact(void **state)
{
    (void)state;
    const char *err;
    double tenth[10];
    for (int i = 0; i < 10; i++)
        tenth[i] = 0.1;
    assert_true(fsum_of(tenth, 10, &err) == 1.0); /* the plain loop says 0.9999999999999999 */
    assert_null(err);
    const double cancel[] = {1e100, 1.0, -1e100};
    assert_true(fsum_of(cancel, 3, &err) == 1.0);
    const double tiny[] = {1e-16, 1.0, 1e-16};
    assert_true(fsum_of(tiny, 3, &err) == 1.0000000000000002);
    /* half-way cases rounded to even, as math_fsum's last step does */
    const double half[] = {1.0, 1.1102230246251565e-16, 1e-300};
    assert_true(fsum_of(half, 3, &err) == 1.0000000000000002);
    assert_true(fsum_of(NULL, 0, &err) == 0.0);
}

static void test_fsum_errors(void **state)
{
    (void)state;
    const char *err;
    const double infs[] = {INFINITY, -INFINITY};
    fsum_of(infs, 2, &err);
    assert_string_equal(err, "-inf + inf in fsum");
    const double big[] = {1e308, 1e308};
    fsum_of(big, 2, &err);
    assert_string_equal(err, "intermediate overflow in fsum");
    const double one_inf[] = {1.0, INFINITY, 2.0};
    assert_true(isinf(fsum_of(one_inf, 3, &err)));
    assert_null(err);
}

/* From the clean state (right after gc.collect()) the import's count is
 * CPython's: 3.11.7 says (90, 0, 0) after `import math`. */
static void test_import_counts_exact(void **state)
{
    (void)state;
    Out o;
    int code = run("3.11", "import gc\ngc.collect()\nimport math\nprint(gc.get_count())\n", &o);
    assert_int_equal(code, 0);
    assert_string_equal(buf_str(&o.out), "(90, 0, 0)\n");
    out_fini(&o);
}

/* A second import's traffic depends on the first's (importlib's caches):
 * its count is refused, and a full collection makes it known again. */
static void test_import_after_import_refused(void **state)
{
    (void)state;
    Out o;
    int code = run("3.11", "import gc\ngc.collect()\nimport math\nimport itertools\nprint(gc.get_count())\n", &o);
    assert_int_equal(code, PY_EXIT_REFUSED);
    assert_non_null(strstr(buf_str(&o.err), "line 5: gc.get_count() after import itertools"));
    out_fini(&o);
    code = run("3.11", "import gc\ngc.collect()\nimport math\nimport itertools\ngc.collect()\nprint(gc.get_count())\n", &o);
    assert_int_equal(code, 0);
    assert_string_equal(buf_str(&o.out), "(0, 0, 0)\n");
    out_fini(&o);
}

/* An import that crosses the young threshold collects at a moment the
 * model does not replay: its count is refused even from a pinned state. */
static void test_import_crossing_threshold_refused(void **state)
{
    (void)state;
    Out o;
    int code = run("3.11", "import gc\ngc.collect()\nkeep = [[] for _ in range(650)]\nimport math\nprint(gc.get_count())\n", &o);
    assert_int_equal(code, PY_EXIT_REFUSED);
    assert_non_null(strstr(buf_str(&o.err), "gc.get_count() after import math"));
    out_fini(&o);
}

/* Imported from a state other than the clean one, what the import's own
 * collections left of its garbage is not known: a gc.collect() whose
 * result is used is refused, one whose result is dropped pins it again. */
static void test_import_garbage_refused(void **state)
{
    (void)state;
    Out o;
    int code = run("3.12", "import gc\nimport functools\nprint(gc.collect())\n", &o);
    assert_int_equal(code, PY_EXIT_REFUSED);
    assert_non_null(strstr(buf_str(&o.err), "line 3: what gc.collect() finds after import functools"));
    out_fini(&o);
    code = run("3.12", "import gc\nimport functools\ngc.collect()\nprint(gc.collect())\n", &o);
    assert_int_equal(code, 0);
    assert_string_equal(buf_str(&o.out), "0\n");
    out_fini(&o);
    /* from the clean state CPython 3.11.7 finds 30 of the import's objects */
    code = run("3.11", "import gc\ngc.collect()\nimport functools\nprint(gc.collect())\n", &o);
    assert_int_equal(code, 0);
    assert_string_equal(buf_str(&o.out), "30\n");
    out_fini(&o);
}

/* After an import from a state other than the clean one (math first) the
 * young count is not known, so an automatic
 * collection that would run a __del__ is refused before it runs it. */
static void test_auto_collection_after_import_refused(void **state)
{
    (void)state;
    Out o;
    const char *src = "import gc\ngc.collect()\nimport math\nimport operator\n"
                      "class Node:\n    def __del__(self):\n        print('bye')\n"
                      "n = Node()\nn.me = n\ndel n\n"
                      "junk = [[] for _ in range(3000)]\nprint('done')\n";
    int code = run("3.11", src, &o);
    assert_int_equal(code, PY_EXIT_REFUSED);
    assert_null(strstr(buf_str(&o.out), "bye"));
    assert_non_null(strstr(buf_str(&o.err), "an automatic collection that runs code"));
    out_fini(&o);
}

/* contextmanager's Python code (its closures, _GeneratorContextManager's
 * __init__) is not replayed allocation by allocation: the count after it
 * is refused, and a gc.collect() makes it known again. */
static void test_contextmanager_count_refused(void **state)
{
    (void)state;
    Out o;
    const char *src = "import gc\nfrom contextlib import contextmanager\ngc.collect()\n"
                      "@contextmanager\ndef cm():\n    yield 1\n"
                      "with cm() as one:\n    pass\nprint(one)\nprint(gc.get_count())\n";
    int code = run("3.12", src, &o);
    assert_int_equal(code, PY_EXIT_REFUSED);
    assert_string_equal(buf_str(&o.out), "1\n");
    assert_non_null(strstr(buf_str(&o.err), "line 10: gc.get_count() after import contextlib"));
    out_fini(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fsum_exact),
        cmocka_unit_test(test_fsum_errors),
        cmocka_unit_test(test_import_counts_exact),
        cmocka_unit_test(test_import_after_import_refused),
        cmocka_unit_test(test_import_crossing_threshold_refused),
        cmocka_unit_test(test_import_garbage_refused),
        cmocka_unit_test(test_auto_collection_after_import_refused),
        cmocka_unit_test(test_contextmanager_count_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
