/*
 * Unit tests for the str methods (types/str_*.c), list slice assignment
 * (types/list_slice.c) and the dict constructors (types/dict.c): the
 * numbers CPython 3.11-3.13 print for them (measured), and the honest
 * refusals where the model stops.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
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

/* Runs src under `ver`; its stdout (static, overwritten by the next call)
 * and the exit code in *code. */
static const char *run(const char *ver, const char *src, int *code)
{
    static char text[2048];
    Sim *s = sim_new(sim_profile_find(ver));
    Out o = {0};
    PyRun *r = py_new(s, src, strlen(src), "t.py", capture, &o);
    py_run(r);
    *code = py_exit_code(r);
    snprintf(text, sizeof text, "%s%s", buf_str(&o.out), *code == 3 ? buf_str(&o.err) : "");
    py_free(r);
    sim_free(s);
    buf_fini(&o.out), buf_fini(&o.err);
    return text;
}

static void expect(const char *ver, const char *src, const char *want, int want_code)
{
    int code;
    const char *got = run(ver, src, &code);
    assert_string_equal(got, want);
    assert_int_equal(code, want_code);
}

/* 3.11 preallocates 12 slots for any split; 3.12 only as many as the text
 * can give ((len-1)/2+1 pieces for whitespace, len/len(sep)+1 for a sep) */
static void split_preallocates_per_profile(void **state)
{
    (void)state;
    const char *src = "import sys\nprint(sys.getsizeof('a b'.split()), sys.getsizeof(''.split()),"
                      " sys.getsizeof('abc'.split(',')), sys.getsizeof('a\\nb'.splitlines()))\n";
    expect("3.11", src, "152 152 152 88\n", 0);
    expect("3.12", src, "80 72 96 88\n", 0);
    expect("3.13", src, "80 72 96 88\n", 0);
}

/* past the preallocation, items are appended (list_resize: 12 -> 20) */
static void split_appends_past_twelve(void **state)
{
    (void)state;
    const char *src = "import sys\nprint(sys.getsizeof(('ab ' * 13).split()), sys.getsizeof(('ab ' * 11).split(' ')))\n";
    expect("3.11", src, "216 152\n", 0);
    expect("3.12", src, "216 152\n", 0);
}

/* the text itself when nothing changes; case mappings always make a new str */
static void unchanged_text_is_the_same_object(void **state)
{
    (void)state;
    const char *src = "s = 'word'\nprint(s.strip() is s, s.rjust(2) is s, s.split()[0] is s, s.replace('x', 'y') is s,"
                      " s.upper().lower() is s, s.partition(':')[0] is s, s.expandtabs() is s)\n";
    expect("3.11", src, "True True True True False True True\n", 0);
}

/* every letter's case comes from the profile's Unicode database, the
 * capital sigma by its place in the word */
static void case_follows_the_unicode_database(void **state)
{
    (void)state;
    expect("3.12", "print('é'.upper(), 'ß'.upper(), 'ß'.title(), 'µ'.upper(), 'ª'.upper())\n"
                   "print('ΟΔΥΣΣΕΥΣ'.lower(), 'ǆ'.title(), 'Ⅻ'.isnumeric(), '١٢'.isdecimal())\n",
           "É SS Ss Μ ª\nοδυσσευς ǅ True True\n", 0);
}

static void unbound_methods_check_their_self(void **state)
{
    (void)state;
    const char *src = "try:\n    str.lower(1)\nexcept TypeError as e:\n    print(e)\n"
                      "try:\n    list.append()\nexcept TypeError as e:\n    print(e)\n"
                      "print(sorted(['b', 'A'], key=str.lower), str.lower)\n";
    expect("3.13", src,
           "descriptor 'lower' for 'str' objects doesn't apply to a 'int' object\n"
           "unbound method list.append() needs an argument\n['A', 'b'] <method 'lower' of 'str' objects>\n", 0);
}

/* one list_resize for the whole change, as list_ass_slice makes it */
static void slice_assignment_resizes_once(void **state)
{
    (void)state;
    const char *src = "import sys\nb = list(range(30))\ndel b[2:25]\nprint(sys.getsizeof(b))\n"
                      "a = list(range(10))\na[1:1] = range(20)\nprint(sys.getsizeof(a))\n"
                      "c = list(range(20))\ndel c[::-3]\nprint(c[:3], sys.getsizeof(c))\n";
    expect("3.11", src, "152\n312\n[0, 2, 3] 216\n", 0);
}

static void slice_assignment_releases_the_replaced(void **state)
{
    (void)state;
    const char *src = "import sys\nm = object()\nh = [m] * 6\nh[1:5] = [1]\nprint(sys.getrefcount(m), len(h))\n"
                      "h[::2] = 'ab'\nprint(sys.getrefcount(m), h[1] is m)\n";
    expect("3.12", src, "4 3\n2 False\n", 0);
}

static void dict_constructors(void **state)
{
    (void)state;
    const char *src = "import sys\nd = dict.fromkeys(range(7))\nprint(sys.getsizeof(d), d[3])\n"
                      "e = {'a': 1}\ne.update(b=2, c=3)\ne |= [('d', 4)]\nprint(e, e.popitem())\n"
                      "try:\n    dict([(1, 2, 3)])\nexcept ValueError as x:\n    print(x)\n";
    expect("3.11", src,
           "352 None\n{'a': 1, 'b': 2, 'c': 3} ('d', 4)\n"
           "dictionary update sequence element #0 has length 3; 2 is required\n", 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_preallocates_per_profile),
        cmocka_unit_test(split_appends_past_twelve),
        cmocka_unit_test(unchanged_text_is_the_same_object),
        cmocka_unit_test(case_follows_the_unicode_database),
        cmocka_unit_test(unbound_methods_check_their_self),
        cmocka_unit_test(slice_assignment_resizes_once),
        cmocka_unit_test(slice_assignment_releases_the_replaced),
        cmocka_unit_test(dict_constructors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
