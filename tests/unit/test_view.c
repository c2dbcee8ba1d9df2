/*
 * Unit tests for app/view: the canvas, inline markup, text layout and the
 * screens' key handling, all without a terminal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "learner/progress.h"
#include "view/app.h"
#include "view/canvas.h"
#include "view/doc.h"
#include "view/editor.h"
#include "base/fsutil.h"
#include <unistd.h>
#include "view/glossary.h"
#include "view/keys.h"
#include "view/screens.h"
#include "view/styled.h"

/* ---- a small chapter built by hand -------------------------------------- */

/* The fixture points the model's char * fields at literals; it is never freed. */
#pragma GCC diagnostic ignored "-Wdiscarded-qualifiers"

static Block blocks_a[] = {
    {.kind = BLOCK_TEXT, .text = "Every object lives in a [[block]] of a **[[pool]]** inside an "
                                 "`arena`, and arenas come from the OS [^om].\n\n"
                                 "- first point that is long enough to wrap onto a second line "
                                 "at forty columns\n- second point"},
    {.kind = BLOCK_CODE, .text = "x = [0] * 1000\ndel x\n", .lang = "python"},
    {.kind = BLOCK_CALLOUT, .callout = CALLOUT_MISCONCEPTION,
     .text = "`del` removes a name, not an object."},
};
static Block blocks_b[] = {
    {.kind = BLOCK_TEXT, .text = "Short section about [[pool|pools]]."},
};
static Section sections[] = {
    {.id = "layers", .title = "Three layers", .blocks = blocks_a, .nblocks = 3},
    {.id = "after-del", .title = "After del", .blocks = blocks_b, .nblocks = 1},
};
static Source sources[] = {{.id = "om", .title = "Objects/obmalloc.c", .url = "https://example.org/om"}};
static char *objectives[] = {"Name the three layers"};

static Chapter make_chapter(int number, const char *id)
{
    return (Chapter){.id = (char *)id, .number = number, .title = "Memory", .subtitle = "Why it stays",
                     .difficulty = "intermediate", .read_minutes = 5, .objectives = objectives,
                     .nobjectives = 1, .sections = sections, .nsections = 2, .sources = sources,
                     .nsources = 1};
}

/* ---- canvas -------------------------------------------------------------- */

static void canvas_clips_and_measures(void **state)
{
    (void)state;
    Canvas *cv = canvas_new(10, 2, false);
    assert_int_equal(canvas_text(cv, 0, 0, 10, "hello world", ROLE_NORMAL), 10);
    assert_int_equal(canvas_text(cv, 8, 1, 2, "\xe4\xb8\xad\xe6\x96\x87", ROLE_NORMAL), 2);
    assert_int_equal(canvas_at(cv, 9, 1)->cp, CANVAS_CONT);
    canvas_text(cv, -5, 5, 3, "outside", ROLE_NORMAL); /* clipped, no crash */
    Buf out = {0};
    canvas_to_text(cv, &out);
    assert_string_equal(out.data, "hello worl\n        \xe4\xb8\xad\n");
    buf_fini(&out);
    canvas_free(cv);
}

static void canvas_fit_adds_ellipsis(void **state)
{
    (void)state;
    Canvas *cv = canvas_new(8, 1, true);
    canvas_text_fit(cv, 0, 0, 8, "abcdefghijk", ROLE_NORMAL);
    Buf out = {0};
    canvas_to_text(cv, &out);
    assert_string_equal(out.data, "abcde...\n");
    buf_clear(&out);
    canvas_clear(cv);
    canvas_text(cv, 0, 0, 8, "a\xe2\x86\x92" "b", ROLE_NORMAL); /* ASCII mode: arrow folds */
    canvas_to_text(cv, &out);
    assert_true(out.data[1] >= ' ' && out.data[1] < 0x7F);
    buf_fini(&out);
    canvas_free(cv);
}

/* ---- markup -------------------------------------------------------------- */

static int cite(const char *id, size_t len, const void *ctx)
{
    (void)ctx;
    return len == 2 && memcmp(id, "om", 2) == 0 ? 7 : 0;
}

static void markup_strips_markers_and_tags_roles(void **state)
{
    (void)state;
    Styled st = {0};
    MarkupOptions opt = {.cite = cite};
    const char *src = "a *em* **st** `co` [^om] [^zz] *open";
    markup_inline(src, strlen(src), ROLE_NORMAL, &opt, &st);
    assert_string_equal(st.text, "a em st co [7] [zz] *open"); /* no raw [^ marker */
    assert_int_equal(st.roles[2], ROLE_EMPH);
    assert_int_equal(st.roles[5], ROLE_STRONG);
    assert_int_equal(st.roles[8], ROLE_CODE);
    assert_int_equal(st.roles[11], ROLE_CITE);
    assert_int_equal(st.roles[0], ROLE_NORMAL);
    styled_fini(&st);
}

/* ---- layout -------------------------------------------------------------- */

static void layout_never_exceeds_width(void **state)
{
    (void)state;
    Chapter ch = make_chapter(1, "memory");
    for (int width = 20; width <= 100; width += 7) {
        Doc d = {0};
        doc_layout_chapter(&d, &ch, width, false);
        assert_true(d.n > 10);
        for (size_t i = 0; i < d.n; i++)
            assert_true(utf8_width(d.lines[i].text, d.lines[i].len) <= (size_t)width);
        doc_fini(&d);
    }
}

static void layout_tags_are_unique_positions(void **state)
{
    (void)state;
    Chapter ch = make_chapter(1, "memory");
    Doc d = {0};
    doc_layout_chapter(&d, &ch, 40, false);
    assert_int_equal(d.nsections, 2);
    assert_non_null(strstr(d.lines[d.section_line[0]].text, "1.1 Three layers"));
    assert_non_null(strstr(d.lines[d.section_line[1]].text, "1.2 After del"));
    for (size_t i = d.section_line[0]; i < d.n; i++) {
        const DocLine *l = &d.lines[i];
        if (l->section >= 0 && (size_t)l->section < d.nsections)
            assert_int_equal(doc_find(&d, l->section, l->block, l->sub), i);
    }
    /* A bullet wraps with a hanging indent, and the citation became [1]. */
    bool bullet = false, cited = false;
    for (size_t i = 0; i < d.n; i++) {
        bullet |= strstr(d.lines[i].text, "\xe2\x80\xa2 first point") != NULL;
        cited |= strstr(d.lines[i].text, "OS [1]") != NULL;
    }
    assert_true(bullet);
    assert_true(cited);
    doc_fini(&d);
}

static void position_survives_a_new_width(void **state)
{
    (void)state;
    Chapter ch = make_chapter(1, "memory");
    Doc wide = {0}, narrow = {0};
    doc_layout_chapter(&wide, &ch, 100, false);
    doc_layout_chapter(&narrow, &ch, 30, false);
    size_t at = wide.section_line[1] + 2;
    const DocLine *l = &wide.lines[at];
    size_t again = doc_find(&narrow, l->section, l->block, l->sub);
    assert_int_equal(narrow.lines[again].section, l->section);
    assert_int_equal(narrow.lines[again].block, l->block);
    /* An unknown section falls back to the start. */
    assert_int_equal(doc_find(&narrow, 99, 0, 0), 0);
    doc_fini(&wide);
    doc_fini(&narrow);
}

/* ---- the screens, driven by keys ---------------------------------------- */

typedef struct Fixture {
    Chapter chapters[2];
    Course course;
    Progress progress;
    App app;
} Fixture;

static int setup_app(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->chapters[0] = make_chapter(1, "memory");
    f->chapters[1] = make_chapter(2, "gc");
    f->course = (Course){.title = "Python Memory Model Deep Dive", .subtitle = "sub",
                         .status = "in progress", .difficulty = "intermediate",
                         .guide = "Read in order.", .chapters = f->chapters, .nchapters = 2};
    progress_init(&f->progress, "tester");
    app_init(&f->app, &f->course, &f->progress, "tester", false);
    app_resize(&f->app, 80, 24);
    *state = f;
    return 0;
}

static int teardown_app(void **state)
{
    Fixture *f = *state;
    app_fini(&f->app);
    progress_fini(&f->progress);
    free(f);
    return 0;
}

static char *draw(App *a)
{
    Canvas *cv = canvas_new(a->w, a->h, a->ascii);
    app_draw(a, cv);
    Buf out = {0};
    canvas_to_text(cv, &out);
    canvas_free(cv);
    return buf_take(&out);
}

static void home_lists_chapters_and_opens_them(void **state)
{
    Fixture *f = *state;
    char *s = draw(&f->app);
    assert_non_null(strstr(s, "Start reading  Chapter 1"));
    assert_non_null(strstr(s, "2. Memory"));
    free(s);
    app_key(&f->app, KEY_DOWN_ARROW);
    app_key(&f->app, KEY_DOWN_ARROW);
    unsigned r = app_key(&f->app, KEY_RETURN);
    assert_true(r & REACT_REDRAW);
    assert_int_equal(f->app.screen, SCREEN_READER);
    assert_int_equal(f->app.chapter, 1);
    s = draw(&f->app);
    assert_non_null(strstr(s, "Ch 2/2"));
    free(s);
}

static void reading_records_position_and_resume_returns(void **state)
{
    Fixture *f = *state;
    app_key(&f->app, '1');
    app_key(&f->app, ']'); /* to section 1 */
    app_key(&f->app, 'j');
    app_key(&f->app, 'j');
    char *top = strdup(app_top_line(&f->app));
    const ChapterProgress *cp = progress_chapter_get(&f->progress, "memory");
    assert_non_null(cp);
    assert_string_equal(cp->section_id, "layers");
    assert_string_equal(f->progress.last_chapter, "memory");
    unsigned r = app_key(&f->app, 'q');
    assert_true(r & REACT_QUIT);

    /* A new app on the same progress resumes on the same line. */
    App again;
    app_init(&again, &f->course, &f->progress, "tester", false);
    app_resize(&again, 80, 24);
    app_key(&again, 'r');
    assert_int_equal(again.screen, SCREEN_READER);
    assert_string_equal(app_top_line(&again), top);
    app_fini(&again);
    free(top);
}

static void every_line_resumes_exactly(void **state)
{
    Fixture *f = *state;
    app_resize(&f->app, APP_MIN_W, APP_MIN_H); /* small, so the chapter is long */
    app_key(&f->app, '1');
    size_t last = f->app.doc.n - (size_t)(f->app.h - 2);
    assert_true(last > 20);
    for (size_t top = 0; top <= last; top++) {
        app_key(&f->app, 'g');
        for (size_t k = 0; k < top; k++)
            app_key(&f->app, 'j');
        assert_int_equal(f->app.top, top);
        App again;
        app_init(&again, &f->course, &f->progress, "tester", false);
        app_resize(&again, APP_MIN_W, APP_MIN_H);
        app_key(&again, 'r');
        assert_int_equal(again.top, top);
        app_fini(&again);
    }
}

static void sections_read_to_the_end_are_marked(void **state)
{
    Fixture *f = *state;
    app_key(&f->app, '1');
    assert_false(progress_is_read(&f->progress, "memory", "after-del"));
    app_key(&f->app, 'G');
    /* jumping to the end is not reading it: the learner has to move in it */
    assert_false(progress_is_read(&f->progress, "memory", "after-del"));
    app_key(&f->app, 'k');
    app_key(&f->app, 'G');
    assert_true(progress_is_read(&f->progress, "memory", "after-del"));
    char *s = draw(&f->app);
    assert_non_null(strstr(s, "100%"));
    free(s);
}

static void wheel_and_pages_scroll_the_reader(void **state)
{
    Fixture *f = *state;
    app_resize(&f->app, 60, 16);
    app_key(&f->app, '1');
    assert_int_equal(f->app.top, 0);
    app_key(&f->app, KEY_WHEEL_DOWN);
    assert_int_equal(f->app.top, 3);
    app_key(&f->app, KEY_WHEEL_UP);
    assert_int_equal(f->app.top, 0);
    app_key(&f->app, KEY_PAGE_DOWN);
    assert_int_equal(f->app.top, 12); /* a page keeps two lines of context */
    app_key(&f->app, 'b');
    assert_int_equal(f->app.top, 0);
    app_key(&f->app, KEY_WHEEL_UP); /* never above the top */
    assert_int_equal(f->app.top, 0);
}

static void search_finds_and_opens_the_place(void **state)
{
    Fixture *f = *state;
    app_key(&f->app, '/');
    assert_true(f->app.prompting);
    for (const char *p = "DEL X"; *p; p++) /* case does not matter */
        app_key(&f->app, *p);
    app_key(&f->app, KEY_BACKSPACE_KEY);
    app_key(&f->app, 'x');
    char *s = draw(&f->app);
    free(s);
    app_key(&f->app, KEY_RETURN);
    assert_int_equal(f->app.screen, SCREEN_SEARCH);
    assert_int_equal(f->app.nhits, 2); /* the code block of each chapter */
    s = draw(&f->app);
    assert_non_null(strstr(s, "Search 'DEL x': 2 matches"));
    assert_non_null(strstr(s, "Ch 2 "));
    free(s);
    app_key(&f->app, 'j');
    app_key(&f->app, KEY_RETURN);
    assert_int_equal(f->app.screen, SCREEN_READER);
    assert_int_equal(f->app.chapter, 1);
    /* The matching line is on screen, one line of context below the top. */
    size_t match = 0;
    for (size_t i = 0; i < f->app.doc.n; i++)
        if (strstr(f->app.doc.lines[i].text, "del x") && f->app.doc.lines[i].block == 1) {
            match = i;
            break;
        }
    assert_true(match > 0);
    assert_true(f->app.top <= match && match < f->app.top + (size_t)(f->app.h - 2));
    assert_string_equal(f->app.highlight, "DEL x");
    /* Esc from the prompt cancels without searching. */
    app_key(&f->app, '/');
    app_key(&f->app, 'z');
    app_key(&f->app, KEY_ESCAPE);
    assert_false(f->app.prompting);
    assert_int_equal(f->app.screen, SCREEN_READER);
}

static void terms_lead_to_their_first_explanation(void **state)
{
    Fixture *f = *state;
    Glossary g;
    glossary_build(&f->course, false, &g);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.items[0].term, "block");
    assert_string_equal(g.items[1].term, "pool");
    assert_int_equal(g.items[1].chapter, 0);  /* first explained in chapter one ... */
    assert_int_equal(g.items[1].section, 0);
    assert_int_equal(g.items[1].mentions, 4); /* ... and mentioned in both chapters */
    assert_non_null(strstr(g.items[1].excerpt, "Every object lives in a block of a pool"));
    glossary_fini(&g);

    app_key(&f->app, '2');          /* reading chapter two, its first section */
    app_key(&f->app, ']');
    size_t before = f->app.top;
    app_key(&f->app, 't');
    assert_int_equal(f->app.screen, SCREEN_GLOSSARY);
    assert_int_equal(f->app.nshown_terms, 2); /* block and pool, in the order they appear */
    char *s = draw(&f->app);
    assert_non_null(strstr(s, "Terms in this section (2)"));
    free(s);
    app_key(&f->app, 'j');
    app_key(&f->app, KEY_RETURN);   /* pool: first explained in chapter one */
    assert_int_equal(f->app.screen, SCREEN_READER);
    assert_int_equal(f->app.chapter, 0);
    assert_string_equal(f->app.highlight, "pool");
    assert_non_null(strstr(f->app.notice, "Press ' to go back"));
    app_key(&f->app, '\'');         /* and back to the same line */
    assert_int_equal(f->app.chapter, 1);
    assert_int_equal(f->app.top, before);
    app_key(&f->app, 'T');          /* the whole glossary */
    s = draw(&f->app);
    assert_non_null(strstr(s, "Glossary: 2 terms"));
    free(s);
}

static void the_built_in_editor_edits_and_saves(void **state)
{
    (void)state;
    char path[] = "/tmp/pydive-editor-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "def f():\n    return 1\n", 23), 23);
    close(fd);
    Editor e;
    Buf err = {0};
    assert_true(editor_open(&e, path, &err));
    assert_int_equal(e.n, 2);
    editor_key(&e, KEY_DOWN_ARROW, 10);
    editor_key(&e, KEY_END_KEY, 10);
    editor_key(&e, KEY_RETURN, 10); /* keeps the indentation */
    for (const char *c = "x = 2"; *c; c++)
        editor_key(&e, *c, 10);
    editor_key(&e, KEY_BACKSPACE_KEY, 10);
    editor_key(&e, '3', 10);
    assert_true(e.dirty);
    assert_false(editor_key(&e, EDITOR_CTRL_X, 10)); /* unsaved: asks first */
    editor_key(&e, EDITOR_CTRL_O, 10);
    assert_false(e.dirty);
    assert_true(editor_key(&e, EDITOR_CTRL_X, 10));
    Buf got = {0};
    assert_true(file_read(path, 1000, &got, &err));
    assert_string_equal(got.data, "def f():\n    return 1\n    x = 3\n");
    editor_fini(&e);
    buf_fini(&got);
    buf_fini(&err);
    unlink(path);
}

static void help_lists_every_bound_key(void **state)
{
    Fixture *f = *state;
    f->app.h = 200;
    app_key(&f->app, '?');
    assert_int_equal(f->app.screen, SCREEN_HELP);
    char *s = draw(&f->app);
    for (size_t i = 0; i < key_nbindings; i++)
        if (key_bindings[i].help)
            assert_non_null(strstr(s, key_bindings[i].help));
    free(s);
    app_key(&f->app, KEY_ESCAPE);
    assert_int_equal(f->app.screen, SCREEN_HOME);
}

static void small_terminal_shows_the_gate(void **state)
{
    Fixture *f = *state;
    app_resize(&f->app, 40, 10);
    char *s = draw(&f->app);
    assert_non_null(strstr(s, "Terminal too small: 40x10"));
    free(s);
    assert_int_equal(app_key(&f->app, 'j') & REACT_QUIT, 0);
    assert_true(app_key(&f->app, 'q') & REACT_QUIT);
}

static void ascii_mode_draws_only_ascii(void **state)
{
    Fixture *f = *state;
    App a;
    app_init(&a, &f->course, &f->progress, "tester", true);
    app_resize(&a, 80, 24);
    app_key(&a, '1');
    for (int i = 0; i < 4; i++) {
        char *s = draw(&a);
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
            assert_true(*p < 0x80);
        free(s);
        app_key(&a, ' ');
    }
    app_fini(&a);
}

/* The Output pane wraps at spaces, not inside a word (issue 22). */
static void output_wraps_at_words(void **state)
{
    (void)state;
    Canvas *cv = canvas_new(12, 4, true);
    Buf out = {0};
    buf_adds(&out, "alpha beta gamma\n");
    program_pane_output(cv, (Rect){0, 0, 12, 4}, &out, false, 0);
    Buf text = {0};
    canvas_to_text(cv, &text);
    assert_non_null(strstr(buf_str(&text), "alpha beta"));
    assert_non_null(strstr(buf_str(&text), "\ngamma"));
    assert_null(strstr(buf_str(&text), "gam\n"));
    buf_fini(&out);
    buf_fini(&text);
    canvas_free(cv);
}

/* Lesson links read as section numbers and titles, never as raw anchors. */
static int link_lookup(int chapter, const char *id, size_t len, char *out, size_t cap,
                       const void *ctx)
{
    (void)ctx;
    if (chapter != 2 || len != 6 || memcmp(id, "cycles", 6) != 0)
        return 0;
    snprintf(out, cap, "S2.7 Cycles");
    return 1;
}

static bool link_lookup_b(int chapter, const char *id, size_t len, char *out, size_t cap,
                          const void *ctx)
{
    return link_lookup(chapter, id, len, out, cap, ctx) != 0;
}

static void lesson_links_read_as_sections(void **state)
{
    (void)state;
    markup_set_links(link_lookup_b, NULL);
    Styled st = {0};
    markup_plain("see ch02#cycles. `ch02#cycles` stays code; ch09#nowhere", &st);
    assert_string_equal(st.text, "see S2.7 Cycles. ch02#cycles stays code; chapter 9");
    styled_fini(&st);
    markup_set_links(NULL, NULL);
    char shown[256];
    source_shown("CPython docs (reference/content-facts.md §4.3); scripts in reference/x", shown,
                 sizeof shown);
    assert_string_equal(shown, "CPython docs");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(canvas_clips_and_measures),
        cmocka_unit_test(canvas_fit_adds_ellipsis),
        cmocka_unit_test(markup_strips_markers_and_tags_roles),
        cmocka_unit_test(layout_never_exceeds_width),
        cmocka_unit_test(layout_tags_are_unique_positions),
        cmocka_unit_test(position_survives_a_new_width),
        cmocka_unit_test_setup_teardown(home_lists_chapters_and_opens_them, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(reading_records_position_and_resume_returns, setup_app,
                                        teardown_app),
        cmocka_unit_test_setup_teardown(every_line_resumes_exactly, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(sections_read_to_the_end_are_marked, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(wheel_and_pages_scroll_the_reader, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(search_finds_and_opens_the_place, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(terms_lead_to_their_first_explanation, setup_app,
                                        teardown_app),
        cmocka_unit_test(the_built_in_editor_edits_and_saves),
        cmocka_unit_test(output_wraps_at_words),
        cmocka_unit_test(lesson_links_read_as_sections),
        cmocka_unit_test_setup_teardown(help_lists_every_bound_key, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(small_terminal_shows_the_gate, setup_app, teardown_app),
        cmocka_unit_test_setup_teardown(ascii_mode_draws_only_ascii, setup_app, teardown_app),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
