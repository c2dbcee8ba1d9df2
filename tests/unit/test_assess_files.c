/*
 * Unit tests for the assessment files: the learner's assessments.yaml (round
 * trip, strict reader, files cut short, the store with its lock and damaged
 * files), the content validator on broken input (file:line:col), and every
 * shipped item of assessments/ (answers among the choices, the right answer
 * scores right, counts per chapter).  Files are written under mkdtemp
 * directories, never the real home.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/assess_store.h"
#include "learner/mastery.h"
#include "learner/quiz.h"
#include "learner/review.h"
#include "learner/roadmap.h"

#define NOW 1800000000LL
#define DAY 86400LL

#include "shipped_assessments.h"

/* ---- the assessments file ------------------------------------------------ */

static void sample_log(AssessLog *log)
{
    assess_log_init(log, "alice");
    const char *ids[] = {"memory-architecture", "garbage-collection"};
    assess_log_add_answer(log, "ch01-size-class", NOW, RESULT_WRONG, 1, ids, 2, 1);
    assess_log_add_answer(log, "ch01-lifo-reuse", NOW + 5, RESULT_PARTIAL, 2, ids, 1, 1);
    assess_log_add_exercise(log, "ex \"quoted\"", NOW + 9, true, 2, 3, ids + 1, 1);
    assess_log_add_rating(log, "async-services", NOW + 10, 4);
    assess_log_set_track(log, "training-infra");
    SessionRec *s = assess_log_add_session(log, SESSION_CHAPTER, 1, NOW);
    s->finished = NOW + 20;
    s->items = 2;
    s->overall = NULL;
    s->stages = calloc(2, sizeof *s->stages);
    s->stages[0] = (StageSnap){strdup("memory-architecture"), strdup("novice"), 0.125};
    s->stages[1] = (StageSnap){strdup("garbage-collection"), NULL, 0.2};
    s->nstages = 2;
    ReviewCard *c = assess_log_add_card(log, "ch01-size-class", 2.36, 20834);
    c->interval = 6;
    c->repetitions = 2;
    c->lapses = 1;
}

static void test_log_round_trip(void **state)
{
    (void)state;
    AssessLog log, back;
    sample_log(&log);
    Buf a = {0}, b = {0};
    assess_log_serialize(&log, &a);
    assert_true(a.len > 0);
    DiagList d = {0};
    bool ok = assess_log_parse(a.data, a.len, "a.yaml", &back, &d);
    if (!ok)
        diag_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(back.nanswers, 2);
    assert_int_equal(back.answers[1].result, RESULT_PARTIAL);
    assert_string_equal(back.exercises[0].exercise, "ex \"quoted\"");
    assert_int_equal(back.exercises[0].hints, 2);
    assert_string_equal(back.track, "training-infra");
    assert_null(back.sessions[0].stages[1].stage);
    assert_true(fabs(back.cards[0].ease - 2.36) < 1e-9);
    assess_log_serialize(&back, &b);
    assert_string_equal(buf_str(&a), buf_str(&b));
    buf_fini(&a);
    buf_fini(&b);
    diag_fini(&d);
    assess_log_fini(&log);
    assess_log_fini(&back);
}

/* Parses text that must fail with `needle` in a message at line:col. */
static void expect_bad(const char *text, const char *needle, int line)
{
    AssessLog out;
    DiagList d = {0};
    assert_false(assess_log_parse(text, strlen(text), "x.yaml", &out, &d));
    bool found = false;
    for (size_t i = 0; i < d.len; i++)
        if (strstr(d.items[i].msg, needle) && (line == 0 || d.items[i].line == line))
            found = true;
    if (!found)
        diag_print(&d, stderr);
    assert_true(found);
    assert_int_equal(out.nanswers, 0);
    diag_fini(&d);
    assess_log_fini(&out);
}

static void test_log_strict_reader(void **state)
{
    (void)state;
    AssessLog log;
    sample_log(&log);
    Buf good = {0};
    assess_log_serialize(&log, &good);
    assess_log_fini(&log);
    /* cut short anywhere before the end marker: damaged, never "less history" */
    for (size_t cut = 0; cut + 4 < good.len; cut += 7) {
        AssessLog out;
        DiagList d = {0};
        assert_false(assess_log_parse(good.data, cut, "x.yaml", &out, &d));
        assert_true(d.len > 0);
        diag_fini(&d);
        assess_log_fini(&out);
    }
    buf_fini(&good);
    expect_bad("profile: \"a\"\nschema: 1\n...\n", "schema", 1);
    expect_bad("schema: 9\nprofile: \"a\"\n...\n", "newer pydive", 1);
    const char *head = "schema: 1\nprofile: \"a\"\nupdated: 0\ntrack: null\n";
    const char *tail = "exercises: []\nratings: []\nsessions: []\nreview: []\n...\n";
    char text[1024];
    snprintf(text, sizeof text, "%sanswers:\n- item: \"x\"\n  at: 1\n  result: \"maybe\"\n"
             "  difficulty: 1\n  competencies: []\n  session: 1\n%s", head, tail);
    expect_bad(text, "unknown result 'maybe'", 8);
    snprintf(text, sizeof text, "%sanswers: []\ncolour: 1\n%s", head, tail);
    expect_bad(text, "unknown key 'colour'", 6);
    snprintf(text, sizeof text, "%sanswers: []\n%s", head, tail);
    char *dup = strstr(text, "review: []");
    memcpy(dup, "track: nul", 10); /* a key twice */
    expect_bad(text, "appears twice", 0);
}

static char tmpdir[64];

static int mk_tmp(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/pydive-assess-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int rm_tmp(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_store_save_and_damage(void **state)
{
    (void)state;
    AssessStore s;
    AssessLog log;
    DiagList d = {0};
    assert_true(assess_store_open(&s, tmpdir, "alice", true, &log, &d));
    assert_false(s.read_only);
    assert_int_equal(log.nanswers, 0);
    const char *ids[] = {"memory-architecture"};
    assess_log_add_answer(&log, "ch01-size-class", NOW, RESULT_CORRECT, 1, ids, 1, 1);
    Buf err = {0};
    assert_true(assess_store_save(&s, &log, &err));
    /* a second writer is refused while the first holds the lock */
    AssessStore s2;
    AssessLog log2;
    assert_true(assess_store_open(&s2, tmpdir, "alice", true, &log2, &d));
    assert_true(s2.read_only);
    assert_int_equal(log2.nanswers, 1);
    assert_false(assess_store_save(&s2, &log2, &err));
    assess_store_close(&s2);
    assess_log_fini(&log2);
    assess_store_close(&s);
    assess_log_fini(&log);
    diag_fini(&d);

    /* reopen: the answer survived */
    assert_true(assess_store_open(&s, tmpdir, "alice", false, &log, &d));
    assert_int_equal(log.nanswers, 1);
    char *path = strdup(s.path);
    assess_store_close(&s);
    assess_log_fini(&log);

    /* damage it: moved aside with a warning, the learner starts clean */
    assert_true(file_write_atomic(path, "schema: 1\nanswers: [\n", 21, &err));
    assert_true(assess_store_open(&s, tmpdir, "alice", true, &log, &d));
    assert_int_equal(log.nanswers, 0);
    assert_int_equal(diag_count(&d, DIAG_WARNING), 1);
    assert_non_null(strstr(d.items[0].msg, "moved to"));
    assert_false(file_exists(path));
    char *dir = strdup(path);
    *strrchr(dir, '/') = '\0';
    char **names;
    size_t n = dir_list(dir, "", &names), aside = 0;
    for (size_t i = 0; i < n; i++)
        aside += strncmp(names[i], "assessments.yaml.damaged-", 25) == 0;
    dir_list_free(names, n);
    assert_int_equal(aside, 1);
    assess_store_close(&s);
    assess_log_fini(&log);
    free(dir);
    free(path);
    diag_fini(&d);
    buf_fini(&err);
}

/* ---- the content validator ---------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char *p = path_join(dir, name);
    Buf err = {0};
    assert_true(file_write_atomic(p, text, strlen(text), &err));
    buf_fini(&err);
    free(p);
}

/* Copies the shipped non-item files into dir, plus one ch01.yaml. */
static void content_with(const char *dir, const char *ch01)
{
    const char *files[] = {"stages.yaml", "competencies.yaml", "model.yaml", "tracks.yaml",
                           "actions.yaml"};
    mkdir(dir, 0700);
    for (size_t i = 0; i < 5; i++) {
        char *src = path_join("assessments", files[i]);
        Buf text = {0}, err = {0};
        assert_true(file_read(src, 1 << 20, &text, &err));
        write_file(dir, files[i], buf_str(&text));
        buf_fini(&text);
        buf_fini(&err);
        free(src);
    }
    write_file(dir, "ch01.yaml", ch01);
}

static void expect_content_error(const char *ch01, const char *needle, int line, int col)
{
    char *dir = path_join(tmpdir, "content");
    content_with(dir, ch01);
    AssessContent c;
    DiagList d = {0};
    assert_false(assess_content_load(dir, &c, &d));
    bool found = false;
    for (size_t i = 0; i < d.len; i++)
        if (strstr(d.items[i].msg, needle) && d.items[i].line == line &&
            (col == 0 || d.items[i].col == col) && strstr(d.items[i].file, "ch01.yaml"))
            found = true;
    if (!found) {
        fprintf(stderr, "wanted '%s' at %d:%d, got:\n", needle, line, col);
        diag_print(&d, stderr);
    }
    assert_true(found);
    diag_fini(&d);
    assess_content_fini(&c);
    free(dir);
}

#define ITEM_HEAD "items:\n  - id: a\n    chapter: 1\n    competencies: [memory-architecture]\n" \
                  "    difficulty: 1\n    prompt: p\n    explanation: e\n    sources: [s]\n"

static void test_content_errors(void **state)
{
    (void)state;
    expect_content_error(ITEM_HEAD "    kind: single\n    choices: [x, y]\n    answer: z\n",
                         "not one of the choices", 11, 13);
    expect_content_error(ITEM_HEAD "    kind: numeric\n    answer: 3\n",
                         "no 'tolerance'", 2, 5);
    expect_content_error(ITEM_HEAD "    kind: single\n    choices: [x, y]\n    answer: x\n"
                         "    hint: h\n", "unknown key 'hint'", 12, 5);
    expect_content_error(ITEM_HEAD "    kind: multiple\n    choices: [x, y]\n    answer: x\n",
                         "expected a list of choices", 11, 13);
    expect_content_error(ITEM_HEAD "    kind: ordering\n    choices: [x, y]\n    answer: [x]\n",
                         "lists 1 of 2", 11, 13);
    expect_content_error(ITEM_HEAD "    kind: predict\n    program: print(1)\n    answer: '1'\n",
                         "no typed answer", 11, 13);
    expect_content_error(ITEM_HEAD "    kind: single\n    choices: [x, y]\n    answer: x\n"
                         "  - id: a\n    chapter: 1\n    competencies: [memory-architecture]\n"
                         "    difficulty: 1\n    prompt: p\n    explanation: e\n"
                         "    sources: [s]\n    kind: numeric\n    answer: 1\n"
                         "    tolerance: 0\n", "already used", 12, 9);
    expect_content_error("items:\n  - id: b\n    chapter: 1\n    competencies: [memory]\n"
                         "    difficulty: 4\n    kind: numeric\n    prompt: p\n    answer: 1\n"
                         "    tolerance: 0\n    explanation: e\n    sources: [s]\n",
                         "unknown competency 'memory'", 4, 20);
    expect_content_error(ITEM_HEAD "    kind: numeric\n    answer: 1\n    tolerance: -1\n",
                         "expected a number from 0", 11, 16);
    expect_content_error("items:\n  - id: c\n    chapter: 2\n", "chapter 2 in a file of "
                         "chapter 1", 3, 14);
}

static void test_shipped_items(void **state)
{
    (void)state;
    int per_chapter[8] = {0}, predict2 = 0;
    for (size_t i = 0; i < shipped.nitems; i++) {
        const Item *it = &shipped.items[i];
        per_chapter[it->chapter]++;
        assert_true(it->ncompetencies > 0);
        assert_true(it->nsources > 0);
        assert_true(it->difficulty >= 1 && it->difficulty <= 3);
        assert_non_null(it->explanation);
        switch (it->kind) {
        case ITEM_PREDICT:
            assert_non_null(it->program);
            assert_int_equal(it->nanswer, 0); /* the simulator computes it */
            predict2 += it->chapter == 2;
            break;
        case ITEM_NUMERIC:
            assert_true(it->tolerance >= 0);
            break;
        default:
            assert_true(it->nanswer >= 1);
            for (size_t k = 0; k < it->nanswer; k++)
                assert_true(it->answer[k] < it->nchoices);
            if (it->kind == ITEM_ORDERING)
                assert_int_equal(it->nanswer, it->nchoices);
            break;
        }
        /* the right answer scores as right */
        if (it->kind != ITEM_PREDICT) {
            Response r = {.number = it->number};
            for (size_t k = 0; k < it->nanswer; k++)
                r.choices[r.nchoices++] = it->answer[k];
            Score s;
            quiz_score(it, &r, NULL, &s);
            assert_int_equal(s.result, RESULT_CORRECT);
        }
    }
    assert_true(per_chapter[1] >= 8);
    assert_true(per_chapter[2] - predict2 >= 8);
    assert_int_equal(predict2, 5);
    for (int ch = 3; ch <= 7; ch++)
        assert_true(per_chapter[ch] >= 4);
    const char *need[] = {"memory-architecture", "garbage-collection", "concurrency-gil",
                          "bindings-capi", "async-services", "ecosystem-judgement",
                          "ai-era-practice"};
    for (size_t i = 0; i < 7; i++)
        assert_true(assess_competency_index(&shipped, need[i]) >= 0);
    assert_true(shipped.ntracks >= 3);
    assert_string_equal(shipped.stages[0].id, "novice");
    assert_string_equal(shipped.stages[4].id, "expert");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_round_trip),
        cmocka_unit_test(test_log_strict_reader),
        cmocka_unit_test_setup_teardown(test_store_save_and_damage, mk_tmp, rm_tmp),
        cmocka_unit_test_setup_teardown(test_content_errors, mk_tmp, rm_tmp),
        cmocka_unit_test(test_shipped_items),
    };
    return cmocka_run_group_tests(tests, load_shipped, free_shipped);
}
