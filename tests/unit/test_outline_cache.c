/*
 * Unit tests for app/course/outline_cache: the outline kept between runs is
 * the one a load gives, and it is not used once a lesson changes, once the
 * cache is damaged, or when it holds a control character; a lesson changed
 * a moment ago is not kept (its time could not tell a second edit apart).
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
#include "base/fsutil.h"
#include "base/paths.h"
#include "course/course.h"
#include "course/outline_cache.h"

static char root[] = "/tmp/pydive-outline-XXXXXX";
static char content[300];

static int setup(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(root));
    char cmd[700];
    snprintf(content, sizeof content, "%s/content", root);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -rp lessons '%s/'", content, content);
    assert_int_equal(system(cmd), 0);
    char cache[400];
    snprintf(cache, sizeof cache, "%s/cache", root);
    setenv("XDG_CACHE_HOME", cache, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static void load(Course *c)
{
    DiagList d = {0};
    assert_true(course_load_outline(content, c, &d));
    assert_int_equal(d.len, 0);
    diag_fini(&d);
}

static void assert_same_outline(const Course *a, const Course *b)
{
    assert_string_equal(a->title, b->title);
    assert_int_equal(a->read_minutes, b->read_minutes);
    assert_int_equal(a->nchapters, b->nchapters);
    for (size_t i = 0; i < a->nchapters; i++) {
        const Chapter *x = &a->chapters[i], *y = &b->chapters[i];
        assert_int_equal(x->number, y->number);
        assert_int_equal(x->read_minutes, y->read_minutes);
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->title, y->title);
        assert_string_equal(x->file, y->file);
        assert_int_equal(x->nsections, y->nsections);
        for (size_t k = 0; k < x->nsections; k++) {
            assert_string_equal(x->sections[k].id, y->sections[k].id);
            assert_string_equal(x->sections[k].title, y->sections[k].title);
        }
    }
}

/* The one cache file of the content folder. */
static char *cache_file(void)
{
    char *dir = paths_cache_dir();
    char **names;
    size_t n = dir_list(dir, "", &names);
    assert_int_equal(n, 1);
    char *path = path_join(dir, names[0]);
    dir_list_free(names, n);
    free(dir);
    return path;
}

static void the_kept_outline_is_the_loaded_one(void **state)
{
    (void)state;
    Course fresh, cached;
    assert_false(outline_cache_read(content, &cached)); /* nothing kept yet */
    load(&fresh);
    assert_true(fresh.nchapters >= 7);
    outline_cache_write(content, &fresh);
    assert_true(outline_cache_read(content, &cached));
    assert_same_outline(&fresh, &cached);
    course_fini(&cached);
    course_fini(&fresh);
}

static void an_edited_lesson_is_loaded_afresh(void **state)
{
    (void)state;
    Course c;
    assert_true(outline_cache_read(content, &c));
    course_fini(&c);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "echo '# edited' >> '%s/lessons/02-refcounting-and-gc.yaml'", content);
    assert_int_equal(system(cmd), 0);
    assert_false(outline_cache_read(content, &c));
    load(&c);
    outline_cache_write(content, &c); /* not kept: the file changed a moment ago */
    course_fini(&c);
    assert_false(outline_cache_read(content, &c));
    snprintf(cmd, sizeof cmd, "touch -d '-1 minute' '%s/lessons/02-refcounting-and-gc.yaml'",
             content);
    assert_int_equal(system(cmd), 0);
    load(&c);
    outline_cache_write(content, &c); /* settled: kept, and current again */
    course_fini(&c);
    assert_true(outline_cache_read(content, &c));
    course_fini(&c);
}

/* Replaces the first `from` in the cache file with `to`. */
static void edit_cache(const char *from, const char *to)
{
    char *path = cache_file();
    Buf text = {0}, err = {0}, out = {0};
    assert_true(file_read(path, 1 << 20, &text, &err));
    const char *at = strstr(buf_str(&text), from);
    assert_non_null(at);
    buf_add(&out, text.data, (size_t)(at - text.data));
    buf_adds(&out, to);
    buf_adds(&out, at + strlen(from));
    assert_true(file_write_atomic(path, out.data, out.len, &err));
    buf_fini(&text), buf_fini(&err), buf_fini(&out);
    free(path);
}

static void a_damaged_cache_is_not_used(void **state)
{
    (void)state;
    Course c;
    load(&c);
    outline_cache_write(content, &c);
    course_fini(&c);
    edit_cache("\nend\n", "\n"); /* cut short */
    assert_false(outline_cache_read(content, &c));

    load(&c);
    outline_cache_write(content, &c);
    course_fini(&c);
    edit_cache("\nsection\t", "\nsection\t\x1b[2J"); /* an escape that clears a screen */
    assert_false(outline_cache_read(content, &c));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_kept_outline_is_the_loaded_one),
        cmocka_unit_test(an_edited_lesson_is_loaded_afresh),
        cmocka_unit_test(a_damaged_cache_is_not_used),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
