/*
 * Unit tests for the C-API ownership lab (lab/capi/capi.h through lab/lab.h):
 * each misuse caught at its own line, correct functions pass, parse errors
 * before anything runs, refcounts and sizes the heap model's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab/capi/capi.h"
#include "lab/lab.h"

static void run(Lab *lab, const char *src)
{
    DiagList dl = {0};
    bool ok = lab_open(lab, &lab_capi, src, strlen(src), "t.c", 1, &dl);
    if (!ok) {
        char *m = dl.len ? diag_format(&dl.items[0]) : NULL;
        fail_msg("did not parse: %s", m ? m : "?");
    }
    diag_fini(&dl);
    lab_finish(lab);
}

static const Capi *capi(const Lab *lab) { return lab->st; }

/* The run failed at `line` with a message containing `what`. */
static void fails_at(const char *src, int line, const char *what)
{
    Lab lab;
    run(&lab, src);
    const char *err = buf_str(&lab.err);
    char at[32];
    snprintf(at, sizeof at, "t.c:%d:", line);
    if (lab.exit_code != 1 || !strstr(err, at) || !strstr(err, what))
        fail_msg("expected '%s' at line %d, got exit %d and:\n%s", what, line, lab.exit_code,
                 err);
    lab_close(&lab);
}

static void a_correct_function_passes(void **state)
{
    (void)state;
    Lab lab;
    run(&lab, "PyObject *lst = PyList_New(0);\n"
              "PyObject *obj = PyLong_FromLong(1000);   # a new reference\n"
              "if (!obj) { Py_DECREF(lst); return NULL; }\n"
              "PyList_Append(lst, obj);\n"
              "Py_DECREF(obj);\n"
              "item = PyList_GetItem(lst, 0)\n"
              "n = PyLong_AsLong(item)\n"
              "return lst;\n");
    assert_int_equal(lab.exit_code, 0);
    assert_string_equal(buf_str(&lab.err), "");
    assert_non_null(strstr(buf_str(&lab.out), "no leaks"));
    const Capi *c = capi(&lab);
    assert_int_equal(c->nleak, 0);
    assert_true(c->returned);
    /* n holds the value read through the borrowed reference */
    const CapiRef *n = capi_var_ref(c, 3);
    assert_non_null(n);
    assert_int_equal(n->state, CAPI_SCALAR);
    assert_int_equal(n->scalar, 1000);
    lab_close(&lab);
}

static void a_leak_points_at_the_line_that_made_it(void **state)
{
    (void)state;
    fails_at("lst = PyList_New(0)\n"
             "obj = PyLong_FromLong(1000)\n"
             "PyList_Append(lst, obj)\n"
             "return lst\n",
             2, "leak: obj");
    /* the nested call's result is never stored */
    fails_at("lst = PyList_New(0)\n"
             "\n"
             "PyList_Append(lst, PyLong_FromLong(1000))\n"
             "return lst\n",
             3, "never stored");
    /* overwriting an owned reference loses it */
    fails_at("obj = PyLong_FromLong(1000)\n"
             "obj = PyLong_FromLong(2000)\n"
             "return obj\n",
             1, "overwritten at line 2");
    Lab lab;
    run(&lab, "obj = PyUnicode_FromString(\"spam\")\nPy_RETURN_NONE\n");
    assert_int_equal(capi(&lab)->nleak, 1);
    assert_int_equal(capi(&lab)->leak[0].line, 1);
    lab_close(&lab);
}

static void a_double_decref_is_caught_at_the_second(void **state)
{
    (void)state;
    fails_at("obj = PyLong_FromLong(1000)\n"
             "Py_DECREF(obj)\n"
             "Py_DECREF(obj)\n"
             "Py_RETURN_NONE\n",
             3, "double decref: obj's int 1000 was already freed at line 2");
    /* Py_DECREF of a borrowed reference takes the owner's */
    fails_at("lst = PyList_New(0)\n"
             "PyList_Append(lst, Py_None)\n"
             "x = PyList_GetItem(lst, 0)\n"
             "Py_DECREF(x)\n",
             4, "x is a borrowed reference (from PyList_GetItem at line 3)");
}

static void a_borrowed_reference_outliving_its_owner(void **state)
{
    (void)state;
    /* the list dies and takes the item with it */
    fails_at("lst = PyList_New(1)\n"
             "PyList_SetItem(lst, 0, PyLong_FromLong(1000))\n"
             "item = PyList_GetItem(lst, 0)\n"
             "Py_DECREF(lst)\n"
             "Py_INCREF(item)\n"
             "return item\n",
             5, "use after free: item was borrowed from lst at line 3");
    /* a cached small int survives, but nothing guarantees it */
    fails_at("lst = PyList_New(1)\n"
             "PyList_SetItem(lst, 0, PyLong_FromLong(5))\n"
             "item = PyList_GetItem(lst, 0)\n"
             "Py_DECREF(lst)\n"
             "n = PyLong_AsLong(item)\n",
             5, "borrowed reference used after its owner let go");
    /* the fix: own it before the owner lets go */
    Lab lab;
    run(&lab, "lst = PyList_New(1)\n"
              "PyList_SetItem(lst, 0, PyLong_FromLong(1000))\n"
              "item = PyList_GetItem(lst, 0)\n"
              "Py_INCREF(item)\n"
              "Py_DECREF(lst)\n"
              "return item\n");
    assert_int_equal(lab.exit_code, 0);
    lab_close(&lab);
}

static void setitem_steals_and_the_thief_owns_it(void **state)
{
    (void)state;
    fails_at("lst = PyList_New(1)\n"
             "obj = PyLong_FromLong(1000)\n"
             "PyList_SetItem(lst, 0, obj)\n"
             "Py_DECREF(obj)\n"
             "return lst\n",
             4, "stolen by PyList_SetItem at line 3");
    /* stealing a borrowed reference */
    fails_at("lst = PyList_New(1)\n"
             "PyList_SetItem(lst, 0, Py_None)\n",
             2, "steals a reference, but Py_None is borrowed");
    /* out of range: IndexError, and the reference is consumed anyway */
    Lab lab;
    run(&lab, "lst = PyList_New(1)\n"
              "obj = PyLong_FromLong(1000)\n"
              "rc = PyList_SetItem(lst, 3, obj)\n"
              "if (rc < 0) { Py_DECREF(lst); return NULL; }\n");
    assert_int_equal(lab.exit_code, 0);
    assert_non_null(strstr(buf_str(&lab.out), "still consumed obj's reference"));
    assert_non_null(strstr(buf_str(&lab.out), "IndexError: list assignment index out of range"));
    const CapiRef *obj = capi_var_ref(capi(&lab), 1);
    assert_int_equal(obj->state, CAPI_RELEASED);
    assert_false(capi(&lab)->obj[obj->obj].alive);
    lab_close(&lab);
    /* PyTuple_SetItem refuses a tuple someone else holds */
    run(&lab, "t = PyTuple_New(1)\n"
              "t2 = Py_NewRef(t)\n"
              "rc = PyTuple_SetItem(t, 0, PyLong_FromLong(7))\n"
              "Py_DECREF(t2)\n"
              "PyErr_Clear()\n"
              "return t\n");
    assert_non_null(strstr(buf_str(&lab.out), "SystemError"));
    assert_non_null(strstr(buf_str(&lab.err), "t.c:6:"));
    assert_non_null(strstr(buf_str(&lab.err), "item 0 is still NULL"));
    lab_close(&lab);
}

static void null_results_need_a_check(void **state)
{
    (void)state;
    fails_at("lst = PyList_New(0)\n"
             "item = PyList_GetItem(lst, 2)\n"
             "n = PyLong_AsLong(item)\n",
             3, "item is NULL: PyList_GetItem returned NULL at line 2 (IndexError: list index "
                "out of range) and it is used without a check");
    fails_at("d = PyDict_New()\n"
             "v = PyDict_GetItemString(d, \"missing\")\n"
             "if (!v) { Py_DECREF(d); return NULL; }\n",
             3, "returned NULL without setting an exception");
    Lab lab;
    run(&lab, "lst = PyList_New(0)\n"
              "item = PyList_GetItem(lst, 2)\n"
              "if (item == NULL) { Py_DECREF(lst); return NULL; }\n"
              "Py_INCREF(item)\n");
    assert_int_equal(lab.exit_code, 0);
    assert_int_equal(lab_line(&lab), 0);
    assert_non_null(strstr(buf_str(&lab.out), "returned NULL with IndexError"));
    lab_close(&lab);
}

static void returns_must_hand_over_an_owned_reference(void **state)
{
    (void)state;
    fails_at("d = PyDict_New()\n"
             "PyDict_SetItemString(d, \"k\", Py_None)\n"
             "v = PyDict_GetItemString(d, \"k\")\n"
             "return v\n",
             4, "returns a reference it does not own");
    fails_at("x = Py_None\n"
             "return x\n",
             2, "return Py_NewRef(x) instead");
}

static void parse_errors_come_before_running(void **state)
{
    (void)state;
    const char *src = "x = PyLong_FromLong(1)\n"
                      "y = PyList_Frobnicate(x)\n"
                      "Py_DECREF(x, x)\n"
                      "Py_INCREF(zz)\n"
                      "n = PyLong_AsLong(\"s\")\n"
                      "return x\n";
    Lab lab;
    DiagList dl = {0};
    assert_false(lab_open(&lab, &lab_capi, src, strlen(src), "t.c", 1, &dl));
    assert_int_equal(dl.len, 4);
    const int lines[] = {2, 3, 4, 5}, cols[] = {5, 14, 11, 19};
    const char *what[] = {"unknown function 'PyList_Frobnicate'", "too many arguments",
                          "undefined variable 'zz'", "argument 1 of PyLong_AsLong must be"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(dl.items[i].line, lines[i]);
        assert_int_equal(dl.items[i].col, cols[i]);
        assert_non_null(strstr(dl.items[i].msg, what[i]));
    }
    diag_fini(&dl);
    lab_close(&lab);
}

static void refcounts_and_sizes_are_the_heaps(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    const char *src = "obj = PyLong_FromLong(1000)\n"
                      "lst = PyList_New(0)\n"
                      "PyList_Append(lst, obj)\n"
                      "five = PyLong_FromLong(5)\n"
                      "Py_DECREF(five)\n";
    assert_true(lab_open(&lab, &lab_capi, src, strlen(src), "t.c", 1, &dl));
    lab_step(&lab);
    const Capi *c = capi(&lab);
    const CapiObj *o = &c->obj[capi_var_ref(c, 0)->obj];
    /* sys.getsizeof(1000) on 64-bit CPython 3.11: 28 */
    assert_int_equal(o->size, 28);
    assert_int_equal(o->refcnt, 1);
    assert_int_equal(o->refcnt, sim_refcount(c->sim, o->id));
    assert_non_null(strstr(buf_str(&lab.out), "new reference"));
    lab_step(&lab);
    lab_step(&lab);
    o = &c->obj[capi_var_ref(c, 0)->obj];
    assert_int_equal(o->refcnt, 2); /* the list's and obj's */
    assert_int_equal(o->refcnt, sim_refcount(c->sim, o->id));
    /* getsizeof([]) on 3.11: 56; after one append the list grew (4 slots) */
    const CapiObj *l = &c->obj[capi_var_ref(c, 1)->obj];
    assert_int_equal(l->size, 56 + 4 * 8);
    lab_step(&lab);
    const CapiObj *f = &c->obj[capi_var_ref(c, 2)->obj];
    assert_true(f->singleton);
    int64_t before = f->refcnt;
    assert_int_equal(before, sim_refcount(c->sim, c->sim->small_int[5 + 5]));
    lab_step(&lab);
    assert_int_equal(f->refcnt, before - 1); /* 3.11 counts it, never frees it */
    assert_true(f->alive);
    diag_fini(&dl);
    lab_close(&lab);
}

static void stepping_back_replays_the_same_run(void **state)
{
    (void)state;
    Lab lab;
    run(&lab, "obj = PyLong_FromLong(1000)\nPy_DECREF(obj)\nPy_DECREF(obj)\n");
    char *first = strdup(buf_str(&lab.err));
    lab_seek(&lab, 1);
    assert_int_equal(lab_line(&lab), 2);
    lab_finish(&lab);
    assert_string_equal(buf_str(&lab.err), first);
    assert_int_equal(capi(&lab)->error_line, 3);
    free(first);
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_correct_function_passes),
        cmocka_unit_test(a_leak_points_at_the_line_that_made_it),
        cmocka_unit_test(a_double_decref_is_caught_at_the_second),
        cmocka_unit_test(a_borrowed_reference_outliving_its_owner),
        cmocka_unit_test(setitem_steals_and_the_thief_owns_it),
        cmocka_unit_test(null_results_need_a_check),
        cmocka_unit_test(returns_must_hand_over_an_owned_reference),
        cmocka_unit_test(parse_errors_come_before_running),
        cmocka_unit_test(refcounts_and_sizes_are_the_heaps),
        cmocka_unit_test(stepping_back_replays_the_same_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
