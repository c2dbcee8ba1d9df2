/*
 * Unit tests for collections.Counter (app/pyrun/modules/collections_counter.c,
 * counter_ops.c) and a program's subclasses of tuple (types/tuple.c,
 * vm_tpcall.c): figures measured on CPython 3.11.7, 3.12.1 and 3.13.0
 * (sizes, most_common's order, the young count after item assignment and
 * after a __new__), and the honesty of what is not replayed: the young
 * count after a method that runs Python code in CPython is refused until a
 * gc.collect(), a special method the tuple code would bypass is refused.
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

/* Runs src under `ver`: the exit code, stdout and stderr in *o. */
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

static void expect(const char *ver, const char *src, int code, const char *out)
{
    Out o;
    int c = run(ver, src, &o);
    if (c != code || strcmp(buf_str(&o.out), out) != 0)
        fail_msg("%s: exit %d, out:\n%s\nerr:\n%s\nwanted exit %d, out:\n%s", ver, c, buf_str(&o.out),
                 buf_str(&o.err), code, out);
    out_fini(&o);
}

/* sys.getsizeof(Counter()) is a dict subclass's (88 on 3.11, 80 after) */
static void test_counter_sizes(void **state)
{
    (void)state;
    const char *src = "import sys, gc\nfrom collections import Counter\n"
                      "print(sys.getsizeof(Counter()), sys.getsizeof(Counter('abracadabra')), gc.is_tracked(Counter()))\n";
    expect("3.11", src, 0, "88 208 True\n");
    expect("3.12", src, 0, "80 200 True\n");
    expect("3.13", src, 0, "80 200 True\n");
}

/* sorted(..., reverse=True) keeps ties in insertion order; heapq.nlargest's
 * paths for n: max() for 1, a slice for n >= len, [] for n <= 0 */
static void test_most_common_order(void **state)
{
    (void)state;
    const char *src = "from collections import Counter\nc = Counter('abracadabra')\n"
                      "print(c.most_common())\nprint(c.most_common(1), c.most_common(3), c.most_common(9))\n"
                      "print(c.most_common(0), c.most_common(-2), Counter().most_common(1))\n";
    expect("3.12", src, 0,
           "[('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)]\n"
           "[('a', 5)] [('a', 5), ('b', 2), ('r', 2)] [('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)]\n"
           "[] [] []\n");
}

/* c[k] = v goes through the __setitem__ slot wrapper: two tuples, on the
 * free lists after the first time (measured: +2); the first print's own
 * objects come after it (3.11: 5, 3.13: 4, as for any first print) */
static void test_setitem_count_exact(void **state)
{
    (void)state;
    const char *src = "import gc\nfrom collections import Counter\nc = Counter()\ngc.collect()\n"
                      "c['x'] = 1\nprint(gc.get_count())\nc['y'] += 1\nc['z']\nprint(gc.get_count())\n";
    expect("3.11", src, 0, "(2, 0, 0)\n(7, 0, 0)\n");
    expect("3.13", src, 0, "(2, 0, 0)\n(6, 0, 0)\n");
}

/* Counter() runs Python code in CPython whose objects the model does not
 * replay: the count after it is refused, and exact again after a collection */
static void test_count_after_method_refused(void **state)
{
    (void)state;
    Out o;
    int c = run("3.11", "import gc\nfrom collections import Counter\ngc.collect()\nc = Counter('ab')\n"
                        "print(gc.get_count())\n", &o);
    assert_int_equal(c, 3);
    assert_non_null(strstr(buf_str(&o.err), "line 5: gc.get_count() after a method of collections.Counter"));
    out_fini(&o);
    expect("3.11", "import gc\nfrom collections import Counter\nc = Counter('ab')\nc.update('b')\ngc.collect()\n"
                   "print(gc.get_count(), c)\n", 0, "(0, 0, 0) Counter({'b': 2, 'a': 1})\n");
}

/* class P(tuple) with a __new__ through super(): the instance is a tuple
 * with the class's __dict__ pointer (64 / 72 bytes for two items), 56
 * with __slots__ = (); the young count as CPython's after the first one
 * (its tuples parked on the free lists) */
static void test_tuple_subclass(void **state)
{
    (void)state;
    const char *src = "import sys, gc\nclass P(tuple):\n    def __new__(cls, x, y):\n"
                      "        return super().__new__(cls, (x, y))\nclass S(tuple):\n    __slots__ = ()\n"
                      "gc.collect()\np = P(3, 4)\nq = P(5, 6)\nprint(gc.get_count())\n"
                      "print(p, type(p).__name__, sys.getsizeof(p), sys.getsizeof(S((1, 2))), p[1:], type(p[:1]).__name__)\n";
    expect("3.11", src, 0, "(6, 0, 0)\n(3, 4) P 64 56 (4,) tuple\n");
    expect("3.12", src, 0, "(6, 0, 0)\n(3, 4) P 72 56 (4,) tuple\n");
    /* a subclass's __call__: slot_tp_call */
    expect("3.13", "class V(tuple):\n    def __call__(self):\n        return sum(self)\nv = V((1, 2))\n"
                   "print(v(), callable(v))\n", 0, "3 True\n");
    /* sys.version_info's type is laid out as a tuple but takes no subclass and no call */
    expect("3.12", "import sys\ntry:\n    class V(type(sys.version_info)):\n        pass\nexcept TypeError as e:\n"
                   "    print(e)\ntry:\n    type(sys.version_info)(1)\nexcept TypeError as e:\n    print(e)\n",
           0, "type 'sys.version_info' is not an acceptable base type\ncannot create 'sys.version_info' instances\n");
}

/* namedtuple(): refused count after it (its eval), exact after P(...)
 * (the second count includes the first print()'s own objects),
 * P(**kw) and _make (their tuples held as CPython holds them: one less
 * when tp_new_wrapper's tuple was dropped before tuple_subtype_new) */
static void test_namedtuple_counts(void **state)
{
    (void)state;
    Out o;
    int c = run("3.12", "import gc\nfrom collections import namedtuple\ngc.collect()\nP = namedtuple('P', 'x y')\n"
                        "print(gc.get_count())\n", &o);
    assert_int_equal(c, 3);
    assert_non_null(strstr(buf_str(&o.err), "line 5: gc.get_count() after collections.namedtuple()"));
    out_fini(&o);
    const char *src = "import gc, sys\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\ngc.collect()\n"
                      "p = P._make([1, 2])\nprint(gc.get_count())\nq = P(y=3, x=4)\n"
                      "print(gc.get_count(), q, sys.getsizeof(q), q._fields, q.y)\n";
    expect("3.11", src, 0, "(5, 0, 0)\n(12, 0, 0) P(x=4, y=3) 56 ('x', 'y') 3\n");
    expect("3.13", src, 0, "(5, 0, 0)\n(11, 0, 0) P(x=4, y=3) 56 ('x', 'y') 3\n");
}

/* tuple(p) of a tuple subclass is a new plain tuple (PyTuple_CheckExact),
 * and so is the *args tuple of f(*p); list() of one is sized exactly (corpus
 * program 100 printed the namedtuple itself for tuple(p)) */
static void test_tuple_of_subclass_copies(void **state)
{
    (void)state;
    const char *src = "import sys\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\np = P(1, 2)\n"
                      "t = tuple(p)\nprint(type(t).__name__, t is p, t, sys.getsizeof(list(p)))\n"
                      "def f(*args):\n    return type(args).__name__\nprint(f(*p))\n";
    expect("3.11", src, 0, "tuple False (1, 2) 72\ntuple\n");
    expect("3.13", src, 0, "tuple False (1, 2) 72\ntuple\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_sizes),
        cmocka_unit_test(test_most_common_order),
        cmocka_unit_test(test_setitem_count_exact),
        cmocka_unit_test(test_count_after_method_refused),
        cmocka_unit_test(test_tuple_subclass),
        cmocka_unit_test(test_namedtuple_counts),
        cmocka_unit_test(test_tuple_of_subclass_copies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
