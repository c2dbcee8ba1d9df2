/*
 * Unit tests for app/course/chartdata: a good data set read field by field,
 * each rule of assets/data/README.md refused at its line and column, and
 * the shipped assets/data folder read without errors.
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
#include "base/diag.h"
#include "course/chartdata.h"

static const char GOOD[] =
    "title: Use of a language among survey respondents\n"
    "unit: percent of all respondents\n"
    "chapter: 6\n"
    "source:\n"
    "  title: A survey, 2025\n"
    "  url: https://example.org/survey\n"
    "  date: 2025-07\n"
    "  date_kind: published\n"
    "  evidence: secondary\n"
    "note: >-\n"
    "  Self-selected.\n"
    "series:\n"
    "  - {label: \"A, 2024\", value: 51}\n"
    "  - {label: \"A, 2025\", value: 57.9}\n";

/* Parses GOOD with `from` replaced by `to`; returns every diagnostic
 * formatted, one a line (malloc'ed), or NULL when there was none. */
static char *first_error(const char *from, const char *to)
{
    char text[2048];
    const char *at = strstr(GOOD, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - GOOD), GOOD, to, at + strlen(from));
    Chart c;
    DiagList dl = {0};
    bool ok = chart_parse("assets/data/x.yaml", text, strlen(text), &c, &dl);
    char *s = NULL;
    if (dl.len) {
        Buf all = {0};
        for (size_t i = 0; i < dl.len; i++) {
            char *one = diag_format(&dl.items[i]);
            buf_printf(&all, "%s\n", one);
            free(one);
        }
        s = strdup(buf_str(&all));
        buf_fini(&all);
    }
    assert_true(ok == (s == NULL));
    chart_fini(&c);
    diag_fini(&dl);
    return s;
}

static void expect_error(const char *from, const char *to, const char *want)
{
    char *s = first_error(from, to);
    if (!s || !strstr(s, want))
        fail_msg("replacing '%s' by '%s': wanted '%s', got '%s'", from, to, want,
                 s ? s : "(no error)");
    free(s);
}

static void reads_a_good_data_set(void **state)
{
    (void)state;
    Chart c;
    DiagList dl = {0};
    assert_true(chart_parse("assets/data/so-x.yaml", GOOD, strlen(GOOD), &c, &dl));
    assert_int_equal(dl.len, 0);
    assert_string_equal(c.id, "so-x");
    assert_string_equal(c.unit, "percent of all respondents");
    assert_int_equal(c.chapter, 6);
    assert_string_equal(c.src_date, "2025-07");
    assert_string_equal(c.date_kind, "published");
    assert_string_equal(c.evidence, "secondary");
    assert_string_equal(c.note, "Self-selected.");
    assert_int_equal(c.npoints, 2);
    assert_string_equal(c.points[1].label, "A, 2025");
    assert_true(c.points[1].value > 57.89 && c.points[1].value < 57.91);
    assert_string_equal(c.points[1].text, "57.9");
    assert_int_equal(c.points[1].loc.line, 14);
    assert_ptr_equal(chart_point(&c, "A, 2024"), &c.points[0]);
    assert_null(chart_point(&c, "A, 2023"));
    assert_true(chart_max(&c) > 57.89 && chart_max(&c) < 57.91);
    chart_fini(&c);
}

static void refuses_each_broken_rule(void **state)
{
    (void)state;
    expect_error("date: 2025-07", "date: July 2025",
                 "x.yaml:7:9: error: expected a date YYYY, YYYY-MM or YYYY-MM-DD");
    expect_error("date: 2025-07", "date: 2025-13", "x.yaml:7:9: error: expected a date");
    expect_error("published", "printed", "x.yaml:8:14: error: 'printed' is not a valid date_kind");
    expect_error("evidence: secondary", "evidence: hearsay",
                 "x.yaml:9:13: error: 'hearsay' is not a valid evidence");
    expect_error("https://example.org", "ftp://example.org",
                 "x.yaml:6:8: error: expected a url starting with http:// or https://");
    expect_error("value: 57.9}", "value: about 58}", "x.yaml:14:31: error: expected a number");
    expect_error("value: 57.9}", "value: 1e3}", "error: expected a number");
    expect_error("value: 57.9}", "value: \"57.9\"}", "error: expected a number");
    expect_error("\"A, 2025\"", "\"A, 2024\"", "x.yaml:14:13: error: duplicate label 'A, 2024'");
    expect_error("  - {label: \"A, 2025\", value: 57.9}\n", "",
                 "x.yaml:13:3: error: expected at least 2 points in 'series', found 1");
    expect_error("among survey", "among 2025 survey", "x.yaml:1:8: error: expected a 'title' without figures");
    expect_error("unit: percent", "units: percent", "x.yaml:2:1: error: unknown key 'units'");
    expect_error("chapter: 6\n", "", "x.yaml:1:1: error: missing required key 'chapter'");
    expect_error("  evidence: secondary\n", "", "missing required key 'evidence' in 'source'");
    expect_error("value: 51}", "value: 51, source: x}", "unknown key 'source' in a point of 'series'");
    expect_error("series:\n", "series: 3\nx:\n", "error:");
}

static void reads_the_shipped_data(void **state)
{
    (void)state;
    ChartSet s;
    DiagList dl = {0};
    bool ok = chartset_load(".", &s, &dl);
    diag_print(&dl, stderr);
    assert_true(ok);
    assert_int_equal(dl.len, 0);
    assert_true(s.n >= 10);
    for (size_t i = 1; i < s.n; i++) /* sorted by file name */
        assert_true(strcmp(s.items[i - 1].id, s.items[i].id) < 0);
    const Chart *c = chartset_find(&s, "so2025-languages");
    assert_non_null(c);
    assert_non_null(chart_point(c, "Python, 2025"));
    assert_null(chartset_find(&s, "README"));
    chartset_fini(&s);
    diag_fini(&dl);
}

static void formats_values_as_written(void **state)
{
    (void)state;
    char b[32];
    chart_format_value(57.9, b, sizeof b);
    assert_string_equal(b, "57.9");
    chart_format_value(191135, b, sizeof b);
    assert_string_equal(b, "191135");
    chart_format_value(-0.25, b, sizeof b);
    assert_string_equal(b, "-0.25");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_good_data_set),
        cmocka_unit_test(refuses_each_broken_rule),
        cmocka_unit_test(reads_the_shipped_data),
        cmocka_unit_test(formats_values_as_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
