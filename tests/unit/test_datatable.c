/*
 * Unit tests for app/course/datatable: a table read cell by cell, each rule
 * refused at its line and column, sorting (numbers by their first figure,
 * cells without one last, ties in file order) and filtering, the references
 * checked against the real course, and the shipped assets/tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "course/course.h"
#include "course/datatable.h"

static const char GOOD[] =
    "title: Tools\n"
    "chapter: 4\n"
    "section: comparison\n"
    "sources: [author-bench]\n"
    "columns:\n"
    "  - {id: tool, title: tool}\n"
    "  - {id: ns, title: ns per call, sort: number}\n"
    "rows:\n"
    "  - [ctypes, 137 to 321]\n"
    "  - [PyO3, n/m]\n"
    "  - [C API, \"21\"]\n"
    "  - [cython, 44 to 49]\n"
    "  - [nanobind, n/m]\n";

/* GOOD with `from` replaced by `to`: the first diagnostic, formatted, or NULL. */
static char *first_error(const char *from, const char *to)
{
    char text[2048];
    const char *at = strstr(GOOD, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - GOOD), GOOD, to, at + strlen(from));
    DataTable t;
    DiagList dl = {0};
    bool ok = table_parse("t.yaml", text, strlen(text), &t, &dl);
    char *msg = dl.len ? diag_format(&dl.items[0]) : NULL;
    assert_true(ok == (dl.len == 0));
    table_fini(&t);
    diag_fini(&dl);
    return msg;
}

static void reads_a_table(void **state)
{
    (void)state;
    DataTable t;
    DiagList dl = {0};
    assert_true(table_parse("assets/tables/t.yaml", GOOD, strlen(GOOD), &t, &dl));
    assert_string_equal(t.id, "t");
    assert_int_equal(t.chapter, 4);
    assert_string_equal(t.section, "comparison");
    assert_int_equal(t.ncols, 2);
    assert_true(t.cols[1].numeric);
    assert_false(t.cols[0].numeric);
    assert_int_equal(t.nrows, 5);
    assert_string_equal(table_cell(&t, 2, 0), "C API");
    assert_string_equal(table_cell(&t, 0, 1), "137 to 321");
    table_fini(&t);
    diag_fini(&dl);
}

static void refuses_bad_tables(void **state)
{
    (void)state;
    struct {
        const char *from, *to, *expect;
    } cases[] = {
        {"  - [PyO3, n/m]\n", "  - [PyO3]\n", "t.yaml:10:5: error: expected 2 cells in this row"},
        {"sort: number", "sort: numeric", "t.yaml:7:40: error: 'numeric' is not a valid sort"},
        {"title: Tools\n", "titel: Tools\n", "t.yaml:1:1: error"},
        {"chapter: 4\n", "chapter: four\n", "t.yaml:2:10: error"},
        {"  - {id: tool, title: tool}\n", "  - {id: ns, title: tool}\n", "t.yaml:7:10: error: duplicate column id 'ns'"},
        {"  - [C API, \"21\"]\n", "  - [C API, [21]]\n", "t.yaml:11:13: error: expected text in column 'ns'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *msg = first_error(cases[i].from, cases[i].to);
        if (!msg || strncmp(msg, cases[i].expect, strlen(cases[i].expect)) != 0)
            fail_msg("case %zu: expected '%s...', got '%s'", i, cases[i].expect,
                     msg ? msg : "(no error)");
        free(msg);
    }
}

static void sorts_and_filters(void **state)
{
    (void)state;
    DataTable t;
    DiagList dl = {0};
    assert_true(table_parse("t.yaml", GOOD, strlen(GOOD), &t, &dl));
    size_t rows[8];
    /* file order when no column is chosen */
    assert_int_equal(table_view(&t, NULL, t.ncols, false, rows), 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(rows[i], i);
    /* numbers by their first figure; n/m last, in file order (PyO3 before nanobind) */
    assert_int_equal(table_view(&t, "", 1, false, rows), 5);
    size_t up[] = {2, 3, 0, 1, 4};
    assert_memory_equal(rows, up, sizeof up);
    /* descending keeps n/m last */
    table_view(&t, "", 1, true, rows);
    size_t down[] = {0, 3, 2, 1, 4};
    assert_memory_equal(rows, down, sizeof down);
    /* text sorts without case: C API, ctypes, cython, nanobind, PyO3 */
    table_view(&t, NULL, 0, false, rows);
    size_t by_name[] = {2, 0, 3, 4, 1};
    assert_memory_equal(rows, by_name, sizeof by_name);
    /* a filter keeps rows with a matching cell, any case */
    assert_int_equal(table_view(&t, "N/M", 0, false, rows), 2);
    assert_int_equal(rows[0], 4);
    assert_int_equal(rows[1], 1);
    assert_int_equal(table_view(&t, "zzz", 0, false, rows), 0);
    table_fini(&t);
    diag_fini(&dl);
}

static void shipped_tables_match_the_course(void **state)
{
    (void)state;
    TableSet set;
    DiagList dl = {0};
    assert_true(tableset_load(".", &set, &dl));
    assert_int_equal(dl.len, 0);
    assert_true(set.n >= 1);
    Course course;
    DiagList cdl = {0};
    assert_true(course_load(".", &course, &cdl));
    for (size_t i = 0; i < set.n; i++)
        assert_true(table_check_refs(&set.items[i], &course, &dl));
    /* and a reference that does not exist is caught */
    DataTable *t = &set.items[0];
    char *keep = t->sources[0];
    t->sources[0] = (char *)"no-such-source";
    assert_false(table_check_refs(t, &course, &dl));
    t->sources[0] = keep;
    assert_non_null(strstr(dl.items[dl.len - 1].msg, "no source 'no-such-source'"));
    course_fini(&course);
    diag_fini(&cdl);
    diag_fini(&dl);
    tableset_fini(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_table),
        cmocka_unit_test(refuses_bad_tables),
        cmocka_unit_test(sorts_and_filters),
        cmocka_unit_test(shipped_tables_match_the_course),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
