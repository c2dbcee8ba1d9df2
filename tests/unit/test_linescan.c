/*
 * Unit tests for app/base/linescan: the reader under the lab languages —
 * lines and their numbers, words and their columns (comments, quotes,
 * commas, too many), NUL bytes, and diagnostics capped with one note.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/linescan.h"

static void lines_are_numbered_and_nul_lines_reported(void **state)
{
    (void)state;
    const char src[] = "one\r\n\ntwo\0x\nthree";
    DiagList dl = {0};
    LineScan ls;
    linescan_init(&ls, src, sizeof src - 1, "p.lab", &dl, 0);
    assert_true(linescan_next(&ls));
    assert_int_equal(ls.line, 1);
    assert_int_equal(ls.len, 4); /* the '\r' stays: words treat it as a blank */
    assert_true(linescan_next(&ls));
    assert_int_equal(ls.line, 2);
    assert_int_equal(ls.len, 0);
    assert_true(linescan_next(&ls)); /* line 3 holds a NUL: reported, skipped */
    assert_int_equal(ls.line, 4);
    assert_memory_equal(ls.text, "three", 5);
    assert_false(linescan_next(&ls));
    assert_int_equal(dl.len, 1);
    assert_int_equal(dl.items[0].line, 3);
    assert_int_equal(dl.items[0].col, 1);
    assert_string_equal(dl.items[0].msg, "expected text, found a NUL byte");
    assert_int_equal(linescan_finish(&ls), 1);
    diag_fini(&dl);
}

static void words_have_columns_and_stop_at_comments(void **state)
{
    (void)state;
    const char *src = "  set a=1\t\"two words\" x#y # note";
    LineScan ls;
    linescan_init(&ls, src, strlen(src), "p", NULL, 0);
    assert_true(linescan_next(&ls));
    LineWord w[8];
    bool more, open;
    size_t n = linescan_words(&ls, w, 8, LINESCAN_QUOTES, &more, &open);
    assert_int_equal(n, 4);
    assert_false(more);
    assert_false(open);
    assert_true(lineword_is(&w[0], "set"));
    assert_int_equal(w[0].col, 3);
    assert_true(lineword_is(&w[1], "a=1"));
    assert_true(lineword_is(&w[2], "\"two words\""));
    assert_int_equal(w[2].col, 11);
    assert_true(lineword_is(&w[3], "x")); /* '#' ends a word too */
    n = linescan_words(&ls, w, 8, 0, NULL, NULL); /* without quotes: two words */
    assert_int_equal(n, 5);
    assert_true(lineword_is(&w[2], "\"two"));
}

static void commas_quotes_and_too_many(void **state)
{
    (void)state;
    const char *src = "task a,b , c \"open";
    LineScan ls;
    linescan_init(&ls, src, strlen(src), "p", NULL, 0);
    assert_true(linescan_next(&ls));
    LineWord w[3];
    bool more, open;
    size_t n = linescan_words(&ls, w, 3, LINESCAN_COMMAS | LINESCAN_QUOTES, &more, &open);
    assert_int_equal(n, 3);
    assert_true(more); /* "c" and the open quote did not fit */
    assert_true(lineword_is(&w[1], "a"));
    assert_true(lineword_is(&w[2], "b"));
    LineWord all[8];
    n = linescan_words_from(&ls, 4, all, 8, LINESCAN_COMMAS | LINESCAN_QUOTES, &more, &open);
    assert_int_equal(n, 4);
    assert_false(more);
    assert_true(open);
    assert_true(lineword_is(&all[3], "\"open"));
}

static void errors_are_capped_with_one_note(void **state)
{
    (void)state;
    const char *src = "a\nb\nc\nd\n";
    DiagList dl = {0};
    LineScan ls;
    linescan_init(&ls, src, strlen(src), "p.lab", &dl, 2);
    while (linescan_next(&ls))
        linescan_error(&ls, 1, "bad %s", "line");
    assert_int_equal(linescan_finish(&ls), 4);
    assert_int_equal(dl.len, 3);
    assert_string_equal(dl.items[0].msg, "bad line");
    assert_int_equal(dl.items[1].line, 2);
    assert_string_equal(dl.items[2].msg, "2 more errors not shown");
    diag_fini(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_are_numbered_and_nul_lines_reported),
        cmocka_unit_test(words_have_columns_and_stop_at_comments),
        cmocka_unit_test(commas_quotes_and_too_many),
        cmocka_unit_test(errors_are_capped_with_one_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
