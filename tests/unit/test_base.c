/*
 * Unit tests for app/base: buffers, diagnostics, UTF-8, paths, files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "base/printable.h"
#include "base/utf8.h"

static void buf_grows_and_formats(void **state)
{
    (void)state;
    Buf b = {0};
    assert_string_equal(buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
    assert_non_null(strstr(b.data, "999,"));
    char *s = buf_take(&b);
    assert_null(b.data);
    free(s);
}

static void diag_formats_gnu_style(void **state)
{
    (void)state;
    DiagList dl = {0};
    diag_add(&dl, DIAG_ERROR, "lessons/x.yaml", 3, 7, "unknown key '%s'", "titel");
    diag_add(&dl, DIAG_WARNING, "f", 0, 0, "no position");
    char *a = diag_format(&dl.items[0]);
    char *b = diag_format(&dl.items[1]);
    assert_string_equal(a, "lessons/x.yaml:3:7: error: unknown key 'titel'");
    assert_string_equal(b, "f: warning: no position");
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 1);
    free(a);
    free(b);
    diag_fini(&dl);
}

static void utf8_decodes_and_measures(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(utf8_decode("\xe2\x86\x92", 3, &cp), 3);
    assert_int_equal(cp, 0x2192);
    assert_int_equal(utf8_decode("\xff", 1, &cp), 1);
    assert_int_equal(cp, UTF8_REPLACEMENT);
    assert_int_equal(utf8_decode("\xe2\x86", 2, &cp), 1); /* truncated */
    assert_int_equal(utf8_width("a\xe4\xb8\xad" "b", 5), 4); /* CJK is wide */
    char out[4];
    assert_int_equal(utf8_encode(0x1F600, out), 4);
    assert_int_equal(utf8_decode(out, 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
}

static void utf8_finds_the_first_malformed_byte(void **state)
{
    (void)state;
    assert_int_equal(utf8_invalid_at("plain", 5), 5);
    assert_int_equal(utf8_invalid_at("\xef\xbf\xbd ok", 6), 6); /* a real U+FFFD is fine */
    assert_int_equal(utf8_invalid_at("ab\xff" "cd", 5), 2);
    assert_int_equal(utf8_invalid_at("a\xc0\xaf" "b", 4), 1);      /* overlong '/' */
    assert_int_equal(utf8_invalid_at("x\xed\xa0\x80", 4), 1);  /* a surrogate */
    assert_int_equal(utf8_invalid_at("\xc3\xa9\xe2\x86", 5), 2); /* cut short */
}

static char *csv_of(const char *s)
{
    Buf b = {0};
    printable_csv(&b, s);
    return b.data ? buf_take(&b) : strdup("");
}

static char *json_of(const char *s)
{
    Buf b = {0};
    printable_json(&b, s);
    return buf_take(&b);
}

/* Issue 20: text from a file reaches a terminal or a spreadsheet as text. */
static void controls_are_shown_not_obeyed(void **state)
{
    (void)state;
    char *t = printable_dup("\x1b]0;pwned\a\x1b[2J\x1b[31mRED", PRINTABLE_LINE);
    assert_string_equal(t, "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mRED");
    free(t);
    t = printable_dup("a\tb\nc\r\xc2\x9b" "d\xe2\x80\xae" "e\xff" "\xc3\xa9\x7f", PRINTABLE_LINES);
    assert_string_equal(t, "a\tb\nc\\x0d\\x9bd\\u202ee\\xff\xc3\xa9\\x7f");
    free(t);
    t = printable_dup("a\tb\n", PRINTABLE_LINE);
    assert_string_equal(t, "a\\x09b\\x0a");
    free(t);
    assert_string_equal(shown("plain caf\xc3\xa9 \\ text"), "plain caf\xc3\xa9 \\ text");
    assert_string_equal(shown(NULL), "");
    unsigned cp = 0;
    assert_int_equal(printable_bad_at("ok\x1b", 3, PRINTABLE_LINES, &cp), 2);
    assert_int_equal(cp, 0x1b);
    assert_int_equal(printable_bad_at("ok\xfe", 3, PRINTABLE_LINES, &cp), 2);
    assert_int_equal(cp, PRINTABLE_NOT_UTF8 | 0xfe);
    char what[64];
    printable_describe(cp, what, sizeof what);
    assert_string_equal(what, "byte 0xFE, which is not UTF-8");
    /* CSV: quoted when needed, never a formula (OWASP), controls escaped */
    const char *cases[][2] = {
        {"alice", "alice"},
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"+1+2", "'+1+2"}, {"-3", "'-3"}, {"@SUM(A1)", "'@SUM(A1)"},
        {"\tx", "'\\x09x"}, {"\rx", "'\\x0dx"},
        {"a,b", "\"a,b\""}, {"x\x1b[2J", "x\\x1b[2J"}, {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *c = csv_of(cases[i][0]);
        if (strcmp(c, cases[i][1]) != 0)
            fail_msg("csv of '%s': got %s, wanted %s", cases[i][0], c, cases[i][1]);
        free(c);
    }
    /* JSON keeps the data, escaped */
    char *j = json_of("q\"\\\x1b\xc2\x9b\xe2\x80\xae\xc3\xa9");
    assert_string_equal(j, "\"q\\\"\\\\\\u001b\\u009b\\u202e\xc3\xa9\"");
    free(j);
    j = json_of(NULL);
    assert_string_equal(j, "null");
    free(j);
}

static void profile_names_are_checked(void **state)
{
    (void)state;
    assert_true(paths_profile_name_ok("alice"));
    assert_true(paths_profile_name_ok("class-2_a.b"));
    assert_false(paths_profile_name_ok(""));
    assert_false(paths_profile_name_ok(".hidden"));
    assert_false(paths_profile_name_ok("../etc"));
    assert_false(paths_profile_name_ok("a b"));
}

static void atomic_write_replaces_whole_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/pydive-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = path_join(dir, "f.txt");
    Buf err = {0}, got = {0};
    assert_true(file_write_atomic(path, "first", 5, &err));
    assert_true(file_write_atomic(path, "second", 6, &err));
    assert_true(file_read(path, 100, &got, &err));
    assert_string_equal(got.data, "second");
    assert_false(file_read(path, 3, &got, &err)); /* larger than the cap */
    assert_non_null(strstr(err.data, "larger than"));
    unlink(path);
    rmdir(dir);
    free(path);
    buf_fini(&err);
    buf_fini(&got);
}

static void lock_is_exclusive(void **state)
{
    (void)state;
    char dir[] = "/tmp/pydive-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = path_join(dir, "lock");
    Buf err = {0};
    int fd = file_lock(path, &err);
    assert_true(fd >= 0);
    /* flock locks belong to the open file description, so a second open in
     * the same process conflicts just as another process would. */
    int fd2 = file_lock(path, &err);
    assert_int_equal(fd2, -1);
    assert_non_null(strstr(err.data, "another pydive"));
    file_unlock(fd);
    fd2 = file_lock(path, &err);
    assert_true(fd2 >= 0);
    file_unlock(fd2);
    unlink(path);
    rmdir(dir);
    free(path);
    buf_fini(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buf_grows_and_formats),
        cmocka_unit_test(diag_formats_gnu_style),
        cmocka_unit_test(utf8_decodes_and_measures),
        cmocka_unit_test(utf8_finds_the_first_malformed_byte),
        cmocka_unit_test(controls_are_shown_not_obeyed),
        cmocka_unit_test(profile_names_are_checked),
        cmocka_unit_test(atomic_write_replaces_whole_file),
        cmocka_unit_test(lock_is_exclusive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
