/*
 * Unit tests for app/pyrun: stepping statement by statement (the API a
 * screen uses), output capture, CPython-style errors, the step limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/cpython_names.h"
#include "pyrun/pyrun.h"
#include "sim/gc.h"

typedef struct Out {
    Buf out, err;
} Out;

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    Out *o = ctx;
    buf_add(stream == 2 ? &o->err : &o->out, text, n);
}

static const char *last_line(const Buf *b)
{
    static char line[256];
    const char *s = buf_str(b);
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '\n')
        n--;
    size_t st = n;
    while (st > 0 && s[st - 1] != '\n')
        st--;
    snprintf(line, sizeof line, "%.*s", (int)(n - st), s + st);
    return line;
}

static void steps_through_calls(void **state)
{
    (void)state;
    const char *src = "def f(a):\n    b = a + 1\n    return b\nx = f(1)\nprint(x)\n";
    Sim *s = sim_new(sim_profile_find("3.11"));
    Out o = {0};
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, &o);
    int lines[16], n = 0;
    PyStatus st;
    lines[n++] = py_current_line(r);
    while ((st = py_step(r)) == PY_PAUSED && n < 16)
        lines[n++] = py_current_line(r);
    assert_int_equal(st, PY_DONE);
    int want[] = {1, 4, 2, 3, 5};
    assert_int_equal(n, 5);
    for (int i = 0; i < 5; i++)
        assert_int_equal(lines[i], want[i]);
    assert_string_equal(buf_str(&o.out), "2\n");
    py_finalize(r);
    py_free(r);
    sim_free(s);
    buf_fini(&o.out), buf_fini(&o.err);
}

static void heap_is_visible_between_steps(void **state)
{
    (void)state;
    const char *src = "import gc\ngc.disable()\nx = []\nx.append(x)\ndel x\nprint(gc.collect())\n";
    Sim *s = sim_new(sim_profile_find("3.11"));
    Out o = {0};
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, &o);
    while (py_current_line(r) != 6 && py_step(r) == PY_PAUSED)
        ;
    size_t before = gc_list_size(s, s->gc.gen[0].head) + gc_list_size(s, s->gc.gen[1].head) +
                    gc_list_size(s, s->gc.gen[2].head);
    assert_int_equal(py_run(r), PY_DONE);
    assert_true(before > 0);
    assert_string_equal(buf_str(&o.out), "1\n");
    py_free(r);
    sim_free(s);
    buf_fini(&o.out), buf_fini(&o.err);
}

static void errors_read_like_cpython(void **state)
{
    (void)state;
    static const struct { const char *src, *last; } cases[] = {
        {"print(y)\n", "NameError: name 'y' is not defined"},
        {"x = [1]\nx[5]\n", "IndexError: list index out of range"},
        {"1 + 'a'\n", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
        {"{}['k']\n", "KeyError: 'k'"},
        {"print((1, 2)\n", "SyntaxError: '(' was never closed"},
        {"if True:\nprint(1)\n", "IndentationError: expected an indented block after 'if' statement on line 1"},
        {"x = 1\n  y = 2\n", "IndentationError: unexpected indent"},
        {"def f():\n    return g()\ndef g():\n    return 1 // 0\nf()\n",
         "ZeroDivisionError: integer division or modulo by zero"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Sim *s = sim_new(sim_profile_find("3.11"));
        Out o = {0};
        PyRun *r = py_new(s, cases[i].src, strlen(cases[i].src), "t.py", capture, &o);
        assert_int_equal(py_run(r), PY_FAILED);
        assert_int_equal(py_exit_code(r), 1);
        assert_string_equal(last_line(&o.err), cases[i].last);
        py_free(r);
        sim_free(s);
        buf_fini(&o.out), buf_fini(&o.err);
    }
}

static void step_limit_stops_loops(void **state)
{
    (void)state;
    const char *src = "while True:\n    pass\n";
    Sim *s = sim_new(sim_profile_find("3.11"));
    Out o = {0};
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, &o);
    py_set_step_limit(r, 10000);
    assert_int_equal(py_run(r), PY_FAILED);
    assert_string_equal(last_line(&o.err), "RuntimeError: pydive step limit reached");
    py_free(r);
    sim_free(s);
    buf_fini(&o.out), buf_fini(&o.err);
}

/* A method's .hidden mask (registry.c reads it at each run's start) says
 * what the dir() tables say: a profile hides a method its CPython's type
 * lacks, unless no version's table lists the name at all. */
static void method_masks_match_dir_tables(void **state)
{
    (void)state;
    const BuiltinDef *d;
    int checked = 0;
    for (uint32_t i = 0; (d = bi_def(i)); i++) {
        const char *owner = d->owner ? sim_kind_name((SimKind)d->owner) : "builtins";
        const CpyNameSet *names = d->owner ? cpython_type_names(owner) : NULL;
        size_t n = strlen(d->name);
        bool listed = names && (cpython_has(names, d->name, n, SIM_V311) ||
                                cpython_has(names, d->name, n, SIM_V312) ||
                                cpython_has(names, d->name, n, SIM_V313));
        for (int v = SIM_V311; v <= SIM_V314; v++) {
            bool hidden = listed && !cpython_has(names, d->name, n, (SimVersion)v);
            if (hidden != ((d->hidden >> v) & 1u))
                fail_msg("%s.%s: .hidden bit %d should be %d", owner, d->name, v, hidden);
            checked++;
        }
    }
    assert_true(checked > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(steps_through_calls),
        cmocka_unit_test(heap_is_visible_between_steps),
        cmocka_unit_test(errors_read_like_cpython),
        cmocka_unit_test(step_limit_stops_loops),
        cmocka_unit_test(method_masks_match_dir_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
