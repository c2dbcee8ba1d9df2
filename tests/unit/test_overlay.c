/*
 * Unit tests for app/base/overlay: a pack that holds only what it changes
 * and inherits the rest (files, folders, listings) from the shipped course,
 * the chapters past its own course excepted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/overlay.h"
#include "base/xalloc.h"

static char root[] = "/tmp/pydive-overlay-XXXXXX";
static char *pack, *shipped;

static void put(const char *base, const char *rel)
{
    char *path = path_join(base, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    Buf err = {0};
    assert_true(dir_make(path, &err));
    *slash = '/';
    assert_true(file_write_atomic(path, rel, strlen(rel), &err));
    buf_fini(&err);
    free(path);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(root))
        return -1;
    pack = path_join(root, "pack");
    shipped = path_join(root, "shipped");
    const char *course[] = {"lessons/course.yaml", "lessons/01-a.yaml", "lessons/02-b.yaml",
                            "lessons/03-c.yaml", "exercises/ch01/x.lua", "exercises/ch03/y.lua",
                            "assessments/ch01.yaml", "assessments/ch03.yaml",
                            "assessments/stages.yaml", "assets/data/d.yaml"};
    for (size_t i = 0; i < sizeof course / sizeof *course; i++)
        put(shipped, course[i]);
    put(pack, "workshop.yaml");
    put(pack, "lessons/02-b.yaml"); /* overrides */
    put(pack, "lessons/course.yaml");
    put(pack, "exercises/ch01/mine.lua"); /* adds */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    overlay_set(NULL, NULL, 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", root);
    int rc = system(cmd);
    free(pack);
    free(shipped);
    return rc == 0 ? 0 : -1;
}

static char *joined(const char *sub, const char *name)
{
    char *dir = path_join(pack, sub);
    char *p = overlay_join(dir, name);
    free(dir);
    return p;
}

static void a_file_the_pack_holds_wins(void **state)
{
    (void)state;
    overlay_set(pack, shipped, 0);
    char *p = joined("lessons", "02-b.yaml");
    char *want = path_join(pack, "lessons/02-b.yaml");
    assert_string_equal(p, want);
    free(p);
    free(want);
    p = joined("lessons", "01-a.yaml"); /* inherited */
    want = path_join(shipped, "lessons/01-a.yaml");
    assert_string_equal(p, want);
    free(p);
    free(want);
    p = joined("lessons", "09-none.yaml"); /* nowhere: reported where it would be */
    want = path_join(pack, "lessons/09-none.yaml");
    assert_string_equal(p, want);
    free(p);
    free(want);
}

static void a_folder_lists_the_union(void **state)
{
    (void)state;
    overlay_set(pack, shipped, 0);
    char *dir = path_join(pack, "lessons");
    char **names;
    size_t n = overlay_list(dir, ".yaml", &names);
    assert_int_equal(n, 4);
    assert_string_equal(names[0], "01-a.yaml");
    assert_string_equal(names[1], "02-b.yaml");
    assert_string_equal(names[3], "course.yaml");
    dir_list_free(names, n);
    free(dir);
    dir = path_join(pack, "assessments"); /* the pack has no such folder */
    n = overlay_list(dir, ".yaml", &names); /* all inherited (sanitizers: no NULL to bsearch) */
    assert_int_equal(n, 3);
    assert_string_equal(names[0], "ch01.yaml");
    dir_list_free(names, n);
    assert_true(overlay_dir_exists(dir));
    char *stages = path_join(dir, "stages.yaml");
    assert_true(overlay_file_exists(stages));
    assert_false(file_exists(stages));
    free(stages);
    free(dir);
    dir = path_join(pack, "exercises/ch01");
    n = overlay_list(dir, ".lua", &names);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "mine.lua");
    assert_string_equal(names[1], "x.lua");
    dir_list_free(names, n);
    free(dir);
}

static void chapters_past_the_pack_course_are_not_inherited(void **state)
{
    (void)state;
    overlay_set(pack, shipped, 2);
    char *dir = path_join(pack, "lessons");
    char **names;
    size_t n = overlay_list(dir, ".yaml", &names);
    assert_int_equal(n, 3); /* 01, 02 and course.yaml; not 03 */
    assert_string_equal(names[2], "course.yaml");
    dir_list_free(names, n);
    free(dir);
    dir = path_join(pack, "exercises");
    n = overlay_list_subdirs(dir, &names);
    assert_int_equal(n, 1);
    assert_string_equal(names[0], "ch01");
    dir_list_free(names, n);
    free(dir);
    char *ch3 = path_join(pack, "assessments/ch03.yaml");
    assert_false(overlay_file_exists(ch3));
    free(ch3);
    char *data = path_join(pack, "assets/data/d.yaml"); /* not a chapter's */
    assert_true(overlay_file_exists(data));
    free(data);
}

static void own_files_say_what_they_override(void **state)
{
    (void)state;
    overlay_set(pack, shipped, 0);
    char **names;
    bool *over;
    size_t n = overlay_own_files(&names, &over);
    assert_int_equal(n, 4);
    assert_string_equal(names[0], "exercises/ch01/mine.lua");
    assert_false(over[0]);
    assert_string_equal(names[1], "lessons/02-b.yaml");
    assert_true(over[1]);
    assert_string_equal(names[2], "lessons/course.yaml");
    assert_true(over[2]);
    assert_string_equal(names[3], "workshop.yaml");
    assert_false(over[3]);
    dir_list_free(names, n);
    free(over);
}

static void no_overlay_is_the_plain_file_system(void **state)
{
    (void)state;
    overlay_set(pack, pack, 0); /* a pack that is the shipped course */
    assert_null(overlay_pack());
    char *p = joined("lessons", "01-a.yaml");
    assert_false(file_exists(p));
    free(p);
    overlay_set(NULL, NULL, 0);
    char **names;
    bool *over;
    assert_int_equal(overlay_own_files(&names, &over), 0);
    free(over);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_file_the_pack_holds_wins),
        cmocka_unit_test(a_folder_lists_the_union),
        cmocka_unit_test(chapters_past_the_pack_course_are_not_inherited),
        cmocka_unit_test(own_files_say_what_they_override),
        cmocka_unit_test(no_overlay_is_the_plain_file_system),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
