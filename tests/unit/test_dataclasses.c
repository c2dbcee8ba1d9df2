/*
 * Unit tests for pyrun's dataclasses module: the generated __init__'s
 * argument errors in CPython's words, a default_factory called per
 * instance, the repr that meets itself, frozen assignment, and what is
 * refused (a frozen instance as a set item, gc.get_count() after).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/buf.h"
#include "pyrun/pyrun.h"

typedef struct Out {
    Buf out, err;
} Out;

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    Out *o = ctx;
    buf_add(stream == 2 ? &o->err : &o->out, text, n);
}

/* runs src under 3.11; its stdout and stderr in o (the caller frees them) */
static void run(const char *src, Out *o)
{
    Sim *s = sim_new(sim_profile_find("3.11"));
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, o);
    py_run(r);
    py_free(r);
    sim_free(s);
}

static void out_fini(Out *o)
{
    buf_fini(&o->out);
    buf_fini(&o->err);
}

#define HEADER "from dataclasses import dataclass, field\n"

static void missing_arguments_are_listed_as_cpython_does(void **state)
{
    (void)state;
    Out o = {0};
    run(HEADER "@dataclass\nclass P:\n    a: int\n    b: int\n    c: int\n"
               "try:\n    P()\nexcept TypeError as e:\n    print(e)\n"
               "try:\n    P(1)\nexcept TypeError as e:\n    print(e)\n"
               "try:\n    P(1, 2, 3, 4)\nexcept TypeError as e:\n    print(e)\n"
               "try:\n    P(1, 2, a=3)\nexcept TypeError as e:\n    print(e)\n",
        &o);
    assert_string_equal(buf_str(&o.out),
                        "P.__init__() missing 3 required positional arguments: 'a', 'b', and 'c'\n"
                        "P.__init__() missing 2 required positional arguments: 'b' and 'c'\n"
                        "P.__init__() takes 4 positional arguments but 5 were given\n"
                        "P.__init__() got multiple values for argument 'a'\n");
    out_fini(&o);
}

static void default_factory_runs_per_instance(void **state)
{
    (void)state;
    Out o = {0};
    run(HEADER "@dataclass\nclass Bag:\n    items: list = field(default_factory=list)\n"
               "a = Bag()\nb = Bag()\na.items.append(1)\nprint(a, b, a.items is b.items)\n",
        &o);
    assert_string_equal(buf_str(&o.out), "Bag(items=[1]) Bag(items=[]) False\n");
    out_fini(&o);
}

static void repr_meets_itself(void **state)
{
    (void)state;
    Out o = {0};
    run(HEADER "@dataclass\nclass Node:\n    name: str\n    peer: object = None\n"
               "n = Node('n')\nn.peer = n\nprint(n)\n",
        &o);
    assert_string_equal(buf_str(&o.out), "Node(name='n', peer=...)\n");
    out_fini(&o);
}

static void frozen_refuses_assignment(void **state)
{
    (void)state;
    Out o = {0};
    run(HEADER "@dataclass(frozen=True)\nclass V:\n    x: int\nv = V(1)\n"
               "try:\n    v.x = 2\nexcept AttributeError as e:\n    print(type(e).__name__, e, v.x)\n",
        &o);
    assert_string_equal(buf_str(&o.out), "FrozenInstanceError cannot assign to field 'x' 1\n");
    out_fini(&o);
}

static void frozen_hash_runs_and_count_is_refused(void **state)
{
    (void)state;
    Out o = {0};
    run(HEADER "@dataclass(frozen=True)\nclass V:\n    x: int\nprint(len({V(1), V(1)}))\n", &o);
    assert_string_equal(buf_str(&o.out), "1\n"); /* its __hash__ and __eq__ run: one key */
    out_fini(&o);
    Out p = {0};
    run("import gc\n" HEADER "@dataclass\nclass V:\n    x: int\ngc.collect()\nv = V(1)\nprint(gc.get_count())\n", &p);
    assert_non_null(strstr(buf_str(&p.err), "gc.get_count() after a dataclass's __init__"));
    out_fini(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_arguments_are_listed_as_cpython_does),
        cmocka_unit_test(default_factory_runs_per_instance),
        cmocka_unit_test(repr_meets_itself),
        cmocka_unit_test(frozen_refuses_assignment),
        cmocka_unit_test(frozen_hash_runs_and_count_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
