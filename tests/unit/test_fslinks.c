/*
 * Unit tests for app/base/fslinks: a link that leaves a pack is refused in
 * what pydive reads as content, and only there (content_links_stay_inside
 * does not walk a checkout's build/ or tests/).
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
#include "base/fslinks.h"
#include "base/fsutil.h"

static char root[] = "/tmp/pydive-fslinks-XXXXXX";
static char pack[256], outside[256];

static void make_dir(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", pack, rel);
    Buf err = {0};
    assert_true(dir_make(path, &err));
    buf_fini(&err);
}

/* pack/rel -> the secret file outside the pack */
static void link_out(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", pack, rel);
    assert_int_equal(symlink(outside, path), 0);
}

static int setup(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(pack, sizeof pack, "%s/pack", root);
    snprintf(outside, sizeof outside, "%s/secret.txt", root);
    Buf err = {0};
    assert_true(dir_make(pack, &err));
    assert_true(file_write_atomic(outside, "secret\n", 7, &err));
    buf_fini(&err);
    make_dir("lessons");
    make_dir("build/obj");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static bool check(bool content_only, Buf *where)
{
    Buf err = {0};
    bool ok = content_only ? content_links_stay_inside(pack, where, &err)
                           : dir_links_stay_inside(pack, where, &err);
    buf_fini(&err);
    return ok;
}

static void a_link_outside_content_is_not_walked(void **state)
{
    (void)state;
    link_out("build/obj/leak");
    Buf where = {0};
    assert_true(check(true, &where));   /* build/ is never read as content */
    assert_false(check(false, &where)); /* the whole-folder walk still sees it */
    assert_non_null(strstr(buf_str(&where), "build/obj/leak"));
    buf_fini(&where);
}

static void a_link_in_lessons_is_refused(void **state)
{
    (void)state;
    link_out("lessons/01-memory.yaml");
    Buf where = {0};
    assert_false(check(true, &where));
    assert_non_null(strstr(buf_str(&where), "lessons/01-memory.yaml"));
    char path[512];
    snprintf(path, sizeof path, "%s/lessons/01-memory.yaml", pack);
    unlink(path);
    buf_fini(&where);
}

static void a_content_folder_that_is_a_link_is_refused(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/exercises", pack);
    assert_int_equal(symlink(root, path), 0); /* the folder above the pack */
    Buf where = {0};
    assert_false(check(true, &where));
    assert_non_null(strstr(buf_str(&where), "exercises"));
    unlink(path);
    link_out("workshop.yaml");
    assert_false(check(true, &where));
    snprintf(path, sizeof path, "%s/workshop.yaml", pack);
    unlink(path);
    assert_true(check(true, &where)); /* missing parts are fine */
    buf_fini(&where);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_link_in_lessons_is_refused),
        cmocka_unit_test(a_content_folder_that_is_a_link_is_refused),
        cmocka_unit_test(a_link_outside_content_is_not_walked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
