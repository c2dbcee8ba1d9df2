/*
 * Unit tests for honest refusals (app/pyrun/compile_refuse.c): valid Python
 * that the model does not run ends with exit status 3 and one line naming
 * the construct at its line — never a SyntaxError — and docs/PYTHON.md
 * lists every construct of the refusal table.
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

typedef struct Refusal {
    const char *src;
    const char *err;   /* the whole of stderr */
} Refusal;

static const Refusal refusals[] = {
    {"def f():\n    pass\n\nprint(f.__code__.co_consts)\n", "pydive: line 4: 'code.co_consts' (what the bytecode holds) is not modelled by the simulated CPython\n"},
    {"g = lambda: (yield)\n", "pydive: line 1: generator lambdas ('lambda: (yield)') are not modelled by the simulated CPython\n"},
    {"async def f():\n    yield 1\n", "pydive: line 1: asynchronous generators ('yield' in an 'async def') are not modelled by the simulated CPython\n"},
    {"try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e.__traceback__.tb_lasti)\n", "pydive: line 4: 'traceback.tb_lasti' (bytecode offsets) is not modelled by the simulated CPython\n"},
    {"class A:\n    pass\n\nmatch A.__dict__:\n    case {}:\n        pass\n", "pydive: line 5: a mapping pattern matched against a mappingproxy is not modelled by the simulated CPython\n"},
    {"def f(*args: *tuple):\n    pass\n",
     "pydive: line 1: a starred annotation ('*args: *Ts') is not modelled by the simulated CPython\n"},
    {"def f() -> int | None:\n    return 1\n",
     "pydive: line 1: 'X | Y' between types (a types.UnionType) is not modelled by the simulated CPython\n"},
    {"import os.path\n", "pydive: line 1: dotted module names in imports are not modelled by the simulated CPython\n"},
    {"from . import x\n", "pydive: line 1: relative imports are not modelled by the simulated CPython\n"},
    {"from gc import *\n", "pydive: line 1: 'from ... import *' is not modelled by the simulated CPython\n"},
    {"try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e.__traceback__.tb_frame.f_locals)\n", "pydive: line 4: 'frame.f_locals' of a module or class body frame is not modelled by the simulated CPython\n"},
    {"import cmath\n", "pydive: line 1: the module 'cmath' is not modelled by the simulated CPython\n"},
    {"x = '\\N{BULLET}'\n", "pydive: line 1: '\\N{...}' escapes are not modelled by the simulated CPython\n"},
    {"def meta(name, bases, ns):\n    return type(name, bases, ns)\n\nclass A(object, metaclass=meta):\n    pass\n",
     "pydive: line 4: a metaclass other than type or a class of the program deriving from type is not modelled by the simulated CPython\n"},
};

static void valid_python_is_refused_not_a_syntax_error(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        Out o;
        int code = run("3.11", refusals[i].src, &o);
        if (code != PY_EXIT_REFUSED || strcmp(buf_str(&o.err), refusals[i].err) != 0)
            fprintf(stderr, "# %s -> exit %d, stderr: %s", refusals[i].src, code, buf_str(&o.err));
        assert_int_equal(code, PY_EXIT_REFUSED);
        assert_string_equal(buf_str(&o.err), refusals[i].err);
        assert_string_equal(buf_str(&o.out), ""); /* refused before anything runs */
        buf_fini(&o.out);
        buf_fini(&o.err);
    }
}

static void type_statement_is_refused_from_312_and_a_syntax_error_before(void **state)
{
    (void)state;
    Out o;
    assert_int_equal(run("3.12", "type X = int\n", &o), PY_EXIT_REFUSED);
    assert_string_equal(buf_str(&o.err), "pydive: line 1: 'type' statements are not modelled by the simulated CPython\n");
    buf_fini(&o.out), buf_fini(&o.err);
    assert_int_equal(run("3.11", "type X = int\n", &o), 1);
    assert_non_null(strstr(buf_str(&o.err), "SyntaxError: invalid syntax\n"));
    buf_fini(&o.out), buf_fini(&o.err);
}

static void yield_outside_a_function_is_cpythons_syntax_error(void **state)
{
    (void)state;
    Out o;
    assert_int_equal(run("3.11", "x = 1\nyield x\n", &o), 1);
    assert_non_null(strstr(buf_str(&o.err), "line 2"));
    assert_non_null(strstr(buf_str(&o.err), "SyntaxError: 'yield' outside function\n"));
    buf_fini(&o.out), buf_fini(&o.err);
}

/* Constructs the old parser called SyntaxErrors and the compiler runs. */
static void newly_parsed_constructs_run(void **state)
{
    (void)state;
    Out o;
    const char *src = "x = [10, 20]\nprint(f'{x[0]=}', f'{x[1] = :>4}', f\"{'a'!r}\")\n"
                      "import gc as g, sys\nfrom gc import collect as c\nprint(c is g.collect)\n"
                      "print = print; print(1); x = 1 if x else 2\r"
                      "print(0x_ff, 0o17, 0b1_0, 1_000, 1e3, x)\n";
    assert_int_equal(run("3.11", src, &o), 0);
    assert_string_equal(buf_str(&o.out), "x[0]=10 x[1] =   20 'a'\nTrue\n1\n255 15 2 1000 1000.0 1\n");
    buf_fini(&o.out), buf_fini(&o.err);
}

/* Constructs once refused that the model runs now (issue 21). */
static void decorators_and_star_unpacking_run(void **state)
{
    (void)state;
    Out o;
    const char *src = "def d(f):\n    print('deco', f.__name__)\n    return f\n@d\ndef g(*a, **k):\n    return a, k\n"
                      "print(g(*[1, 2], **{'x': 3}))\na, *b = [1, 2, 3]\nprint(a, b, [*b, *b], {**{'k': 1}})\n"
                      "print(*b, sep='-')\n";
    assert_int_equal(run("3.11", src, &o), 0);
    assert_string_equal(buf_str(&o.out), "deco g\n((1, 2), {'x': 3})\n1 [2, 3] [2, 3, 2, 3] {'k': 1}\n2-3\n");
    buf_fini(&o.out), buf_fini(&o.err);
}

/* A built-in type whose constructor the model runs from its own argument
 * tuple, called with f(*args), is refused at run time, the lines before it
 * run. */
static void star_call_of_bytes_is_refused(void **state)
{
    (void)state;
    Out o;
    assert_int_equal(run("3.12", "class C:\n    pass\nprint(C(*[]) is not None)\nbytes(*[3])\n", &o), PY_EXIT_REFUSED);
    assert_string_equal(buf_str(&o.out), "True\n");
    assert_string_equal(buf_str(&o.err),
                        "pydive: line 4: calling this built-in type with '*' or '**' arguments is not modelled by the simulated CPython\n");
    buf_fini(&o.out), buf_fini(&o.err);
}

static void docs_list_every_refused_construct(void **state)
{
    (void)state;
    FILE *f = fopen("docs/PYTHON.md", "rb");
    assert_non_null(f);
    Buf doc = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&doc, chunk, n);
    fclose(f);
    int count = 0;
    for (int i = 0; refuse_unmodelled_name(i); i++, count++) {
        char line[160];
        snprintf(line, sizeof line, "\n- %s\n", refuse_unmodelled_name(i));
        if (!strstr(buf_str(&doc), line))
            fprintf(stderr, "# docs/PYTHON.md does not list: %s\n", refuse_unmodelled_name(i));
        assert_non_null(strstr(buf_str(&doc), line));
    }
    assert_true(count >= 10); /* the table is not empty (14 constructs left once coroutines ran) */
    buf_fini(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_python_is_refused_not_a_syntax_error),
        cmocka_unit_test(type_statement_is_refused_from_312_and_a_syntax_error_before),
        cmocka_unit_test(yield_outside_a_function_is_cpythons_syntax_error),
        cmocka_unit_test(newly_parsed_constructs_run),
        cmocka_unit_test(decorators_and_star_unpacking_run),
        cmocka_unit_test(star_call_of_bytes_is_refused),
        cmocka_unit_test(docs_list_every_refused_construct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
