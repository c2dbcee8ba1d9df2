/*
 * Unit tests for app/course: loading the good fixture course, the lookups,
 * a broken module left out while the rest loads, and one-file validation.
 * Broken-content diagnostics as a whole are covered by tests/content/.
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

#include "base/diag.h"
#include "base/fsutil.h"
#include "base/xalloc.h"
#include "course/course.h"
#include "course/ydoc.h"
#include "course/yevents.h"

#define GOOD "tests/fixtures/course-good"

static void print_diags(const DiagList *dl)
{
    diag_print(dl, stderr); /* shown only when a test fails around them */
}

static bool has_diag(const DiagList *dl, const char *text)
{
    bool found = false;
    for (size_t i = 0; i < dl->len && !found; i++) {
        char *s = diag_format(&dl->items[i]);
        found = strstr(s, text) != NULL;
        free(s);
    }
    return found;
}

static void loads_the_good_course(void **state)
{
    (void)state;
    Course c;
    DiagList dl = {0};
    bool ok = course_load(GOOD, &c, &dl);
    print_diags(&dl);
    assert_true(ok);
    assert_int_equal(dl.len, 0);
    assert_string_equal(c.dir, GOOD);
    assert_string_equal(c.title, "Memory Model Mini");
    assert_string_equal(c.status, "test fixture");
    assert_int_equal(c.chapter_count, 2);
    assert_int_equal(c.read_minutes, 2);
    assert_string_equal(c.guide, "Read the chapters in order. Each ends with a *quiz*.\n");
    assert_int_equal(c.nreaders, 2);
    assert_string_equal(c.readers[1], "the validator");
    assert_int_equal(c.npath, 2);
    assert_string_equal(c.path[0], "Count references");

    assert_int_equal(c.nchapters, 2);
    const Chapter *ch = &c.chapters[0];
    assert_int_equal(ch->number, 1);
    assert_string_equal(ch->id, "refcount");
    assert_string_equal(ch->file, GOOD "/lessons/01-refcount.yaml");
    assert_string_equal(ch->difficulty, "beginner");
    assert_int_equal(ch->read_minutes, 1);
    assert_int_equal(ch->nobjectives, 2);
    assert_int_equal(ch->nsections, 2);
    assert_int_equal(ch->nsources, 2);
    assert_null(ch->sources[1].url);
    assert_string_equal(ch->sources[0].url, "https://peps.python.org/pep-0683/");

    const Section *s = &ch->sections[0];
    assert_string_equal(s->id, "intro");
    assert_int_equal(s->loc.line, 11);
    assert_int_equal(s->loc.col, 5);
    assert_int_equal(s->nblocks, 4);
    assert_int_equal(s->blocks[0].kind, BLOCK_TEXT);
    assert_int_equal(s->blocks[1].kind, BLOCK_CODE);
    assert_string_equal(s->blocks[1].lang, "python");
    assert_string_equal(s->blocks[1].text, "a = []\nb = a\n");
    assert_int_equal(s->blocks[2].kind, BLOCK_CALLOUT);
    assert_int_equal(s->blocks[2].callout, CALLOUT_MISCONCEPTION);
    assert_string_equal(s->blocks[2].title, "Variables are not boxes");
    assert_int_equal(s->blocks[3].kind, BLOCK_EXERCISE);
    assert_string_equal(s->blocks[3].text, "rc-basics");
    assert_int_equal(s->blocks[3].loc.line, 26);
    assert_int_equal(s->blocks[3].loc.col, 9);
    assert_int_equal(ch->sections[1].blocks[0].kind, BLOCK_QUIZ);

    assert_int_equal(c.chapters[1].number, 2);
    assert_string_equal(c.chapters[1].id, "gc");
    course_fini(&c);
    diag_fini(&dl);
}

static void looks_things_up(void **state)
{
    (void)state;
    Course c;
    DiagList dl = {0};
    assert_true(course_load(GOOD, &c, &dl));
    assert_ptr_equal(course_chapter_by_number(&c, 2), &c.chapters[1]);
    assert_null(course_chapter_by_number(&c, 3));
    assert_ptr_equal(course_chapter_by_id(&c, "refcount"), &c.chapters[0]);
    assert_null(course_chapter_by_id(&c, "nope"));
    assert_int_equal(chapter_section_index(&c.chapters[0], "check"), 1);
    assert_int_equal(chapter_section_index(&c.chapters[0], "missing"), -1);
    course_fini(&c);
    diag_fini(&dl);
}

/* Copies the good course to a temporary folder, with one module replaced. */
static char *copy_course(const char *broken_module)
{
    char tmpl[] = "/tmp/pydive-course-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp -R " GOOD "/. %s/", dir);
    assert_int_equal(system(cmd), 0);
    char *path = path_join(dir, "lessons/02-gc.yaml");
    Buf err = {0};
    assert_true(file_write_atomic(path, broken_module, strlen(broken_module), &err));
    free(path);
    buf_fini(&err);
    return xstrdup(dir);
}

static void remove_tree(char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static void skips_a_broken_module(void **state)
{
    (void)state;
    char *dir = copy_course("id: gc\nnumber: 2\ntitel: typo\n");
    Course c;
    DiagList dl = {0};
    assert_true(course_load(dir, &c, &dl)); /* the series page is fine */
    assert_true(diag_count(&dl, DIAG_ERROR) > 0);
    assert_true(has_diag(&dl, "lessons/02-gc.yaml:3:1: error: unknown key 'titel'"));
    assert_true(has_diag(&dl, "lessons/02-gc.yaml:1:1: error: missing required key 'title'"));
    assert_int_equal(c.nchapters, 1);
    assert_string_equal(c.chapters[0].id, "refcount");
    assert_int_equal(c.read_minutes, 1); /* only what loaded */
    assert_null(course_chapter_by_number(&c, 2));
    course_fini(&c);
    diag_fini(&dl);
    remove_tree(dir);
}

static void refuses_a_broken_series_page(void **state)
{
    (void)state;
    char *dir = copy_course("id: gc\n");
    char *series = path_join(dir, "lessons/course.yaml");
    Buf err = {0};
    assert_true(file_write_atomic(series, "- a list\n", 9, &err));
    Course c;
    DiagList dl = {0};
    assert_false(course_load(dir, &c, &dl));
    assert_null(c.chapters); /* nothing to free or use */
    char *first = diag_format(&dl.items[0]);
    assert_non_null(strstr(first, "course.yaml:1:1: error: expected a mapping"));
    free(first);
    course_fini(&c);
    diag_fini(&dl);
    buf_fini(&err);
    free(series);
    remove_tree(dir);
}

static void loads_one_chapter_file(void **state)
{
    (void)state;
    Chapter ch;
    DiagList dl = {0};
    assert_true(chapter_load_file(GOOD "/lessons/02-gc.yaml", GOOD, &ch, &dl));
    assert_int_equal(dl.len, 0);
    assert_string_equal(ch.title, "The cyclic garbage collector");
    assert_int_equal(ch.sections[0].blocks[1].callout, CALLOUT_TIP);
    chapter_fini(&ch);

    /* Against a folder without the exercise, the reference is an error. */
    assert_false(chapter_load_file(GOOD "/lessons/02-gc.yaml", "tests/unit", &ch, &dl));
    assert_true(diag_count(&dl, DIAG_ERROR) >= 1);
    char *first = diag_format(&dl.items[0]);
    assert_non_null(strstr(first, "02-gc.yaml:16:19: error: unknown exercise 'gc-cycle'"));
    free(first);
    assert_null(ch.id); /* a failed load leaves nothing behind */
    diag_fini(&dl);
}

static void lists_modules(void **state)
{
    (void)state;
    char **names;
    size_t n = course_list_modules(GOOD "/lessons", &names);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "01-refcount.yaml");
    assert_string_equal(names[1], "02-gc.yaml");
    dir_list_free(names, n);
}

/* All the diagnostics of one parse, one per line. */
static char *parse_report(const char *text, bool *ok, size_t *nkids)
{
    DiagList dl = {0};
    YDoc doc;
    *ok = ydoc_parse(&doc, "t.yaml", text, strlen(text), &dl);
    *nkids = doc.root ? doc.root->nkids : 0;
    size_t cap = 1, len = 0;
    char *out = xcalloc(1, 1);
    for (size_t i = 0; i < dl.len; i++) {
        char *s = diag_format(&dl.items[i]);
        out = xgrow(out, &cap, len + strlen(s) + 2, 1);
        len += (size_t)sprintf(out + len, "%s\n", s);
        free(s);
    }
    ydoc_fini(&doc);
    diag_fini(&dl);
    return out;
}

/* Inside the validate window a second read of the same bytes replays the
 * kept events: the same tree and the same diagnostics, a parse error's
 * position and context included. */
static void replays_kept_streams(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a: 1\nb: [x, y]\nc: {d: e}\n",
        "a: 1\nb: [x, y\nc: 2\n",           /* a flow sequence left open */
        "a: 1\n  b: 2\n",                    /* bad indentation */
        "a: &x 1\nb: *x\n",                  /* an alias: refused by the reader */
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        bool ok0, ok1, ok2;
        size_t k0, k1, k2;
        char *plain = parse_report(texts[i], &ok0, &k0);
        yev_keep_begin();
        yev_keep_these(true);
        char *first = parse_report(texts[i], &ok1, &k1);
        char *again = parse_report(texts[i], &ok2, &k2);
        yev_keep_end();
        assert_string_equal(plain, first);
        assert_string_equal(plain, again);
        assert_true(ok0 == ok1 && ok0 == ok2);
        assert_true(k0 == k1 && k0 == k2);
        if (i > 0)
            assert_true(plain[0] != 0); /* each broken text reports something */
        free(plain), free(first), free(again);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_the_good_course),
        cmocka_unit_test(looks_things_up),
        cmocka_unit_test(skips_a_broken_module),
        cmocka_unit_test(refuses_a_broken_series_page),
        cmocka_unit_test(loads_one_chapter_file),
        cmocka_unit_test(lists_modules),
        cmocka_unit_test(replays_kept_streams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
