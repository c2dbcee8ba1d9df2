/*
 * Unit tests for the workshop pieces: SHA-256 against the FIPS 180-4
 * examples, the export formats (round trip in all three, every flipped byte
 * refused, a newer version refused), the merge rules on constructed records
 * with conflicting sides, and workshop.yaml errors with their positions.
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
#include "base/diag.h"
#include "base/fsutil.h"
#include "base/sha256.h"
#include "base/xalloc.h"
#include "course/workshop.h"
#include "learner/export.h"
#include "learner/merge.h"
#include "learner/store.h"
#include "learner/assess_store.h"

/* ---- SHA-256 --------------------------------------------------------------- */

static void sha256_matches_the_fips_examples(void **state)
{
    (void)state;
    char hex[SHA256_HEX];
    sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* one million 'a', fed in uneven pieces */
    Sha256 s;
    sha256_init(&s);
    char a[997];
    memset(a, 'a', sizeof a);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof a ? left : (left % 7) + 990;
        n = n > left ? left : n;
        sha256_update(&s, a, n);
        left -= n;
    }
    unsigned char d[SHA256_BYTES];
    sha256_final(&s, d);
    for (int i = 0; i < SHA256_BYTES; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* ---- a constructed record -------------------------------------------------- */

static void sample(Export *e)
{
    export_init(e, "alice");
    e->exported = 1764100000;
    e->course = xstrdup("Python Memory Model Deep Dive");
    e->pack = xstrdup("intro-workshop");
    e->pack_version = 2;
    Progress *p = &e->progress;
    progress_set_position(p, "memory-architecture", "size-classes", 3, 1, 1764000100);
    progress_mark_read(p, "memory-architecture", "the-puzzle", 1764000100);
    progress_mark_read(p, "memory-architecture", "odd, \"quoted\" ; id", 1764000200);
    progress_set_position(p, "caf\xc3\xa9-chapter", NULL, 0, 0, 1764000300);
    AssessLog *log = &e->log;
    log->updated = 1764000900;
    assess_log_set_track(log, "llm-api-service");
    const char *comps[] = {"memory-architecture", "semi;colon\\id"};
    assess_log_add_answer(log, "ch01-size-class", 1764000400, RESULT_WRONG, 1, comps, 2, 1);
    assess_log_add_answer(log, "ch01-arena, \"size\"", 1764000410, RESULT_CORRECT, 2, comps, 1, 1);
    assess_log_add_exercise(log, "ch02-cycles", 1764000500, true, 2, 2, comps, 1);
    assess_log_add_rating(log, "memory-architecture", 1764000600, 4);
    SessionRec *s = assess_log_add_session(log, SESSION_CHAPTER, 1, 1764000400);
    s->finished = 1764000420;
    s->items = 2;
    s->correct = 1;
    s->overall = NULL;
    s->stages = xcalloc(2, sizeof *s->stages);
    s->stages[s->nstages++] = (StageSnap){xstrdup("memory-architecture"), xstrdup("novice"), 0.25};
    s->stages[s->nstages++] = (StageSnap){xstrdup("garbage-collection"), NULL, 0.2};
    ReviewCard *c = assess_log_add_card(log, "ch01-size-class", 2.5, 20418);
    c->interval = 1;
    c->lapses = 1;
}

static void round_trips_in_every_format(void **state)
{
    (void)state;
    Export e;
    sample(&e);
    Buf ref = {0};
    export_write(&e, EXPORT_YAML, &ref);
    for (int f = EXPORT_YAML; f <= EXPORT_CSV; f++) {
        Buf out = {0}, again = {0};
        export_write(&e, (ExportFormat)f, &out);
        Export back;
        DiagList dl = {0};
        ExportStatus st = export_read(out.data, out.len, "x", &back, &dl);
        if (st != EXPORT_OK)
            diag_print(&dl, stderr);
        assert_int_equal(st, EXPORT_OK);
        assert_string_equal(back.checksum, e.checksum);
        export_write(&back, EXPORT_YAML, &again);
        assert_string_equal(buf_str(&again), buf_str(&ref));
        export_fini(&back);
        diag_fini(&dl);
        buf_fini(&out);
        buf_fini(&again);
    }
    buf_fini(&ref);
    export_fini(&e);
}

/* Every byte of every format, flipped in one bit, makes the file refused. */
static void a_flipped_byte_anywhere_is_refused(void **state)
{
    (void)state;
    Export e;
    sample(&e);
    for (int f = EXPORT_YAML; f <= EXPORT_CSV; f++) {
        Buf out = {0};
        export_write(&e, (ExportFormat)f, &out);
        size_t tampered = 0;
        for (size_t i = 0; i < out.len; i++) {
            char *copy = xstrndup(out.data, out.len);
            copy[i] ^= 0x01;
            Export back;
            DiagList dl = {0};
            ExportStatus st = export_read(copy, out.len, "x", &back, &dl);
            if (st == EXPORT_OK)
                fail_msg("format %d: flipping byte %zu ('%c') went unnoticed", f, i, out.data[i]);
            tampered += st == EXPORT_TAMPERED;
            export_fini(&back);
            diag_fini(&dl);
            free(copy);
        }
        assert_true(tampered > out.len / 4); /* most flips read fine and fail the checksum */
        buf_fini(&out);
    }
    export_fini(&e);
}

static void newer_versions_and_cut_files_get_their_own_status(void **state)
{
    (void)state;
    Export e;
    sample(&e);
    Buf out = {0};
    export_write(&e, EXPORT_JSON, &out);
    char *v2 = xstrdup(out.data);
    memcpy(strstr(v2, "\"version\": 1"), "\"version\": 2", 12);
    Export back;
    DiagList dl = {0};
    assert_int_equal(export_read(v2, strlen(v2), "x.json", &back, &dl), EXPORT_FUTURE);
    char *msg = diag_format(&dl.items[0]);
    assert_non_null(strstr(msg, "x.json:3:14: error: export version 2"));
    free(msg);
    export_fini(&back);
    diag_fini(&dl);
    for (int f = EXPORT_YAML; f <= EXPORT_CSV; f++) { /* cut anywhere: never OK */
        export_write(&e, (ExportFormat)f, &out);
        for (size_t cut = 0; cut + 1 < out.len; cut += 7) {
            assert_int_not_equal(export_read(out.data, cut, "x", &back, &dl), EXPORT_OK);
            export_fini(&back);
            diag_fini(&dl);
        }
    }
    free(v2);
    buf_fini(&out);
    export_fini(&e);
}

/* ---- merge ----------------------------------------------------------------------- */

static void add_session(AssessLog *log, int id, int chapter, int64_t start, int64_t end)
{
    SessionRec *s = assess_log_add_session(log, SESSION_CHAPTER, chapter, start);
    s->id = id;
    s->finished = end;
    s->items = 2;
}

static size_t count_answers(const AssessLog *log, const char *item, AnswerResult r, int session)
{
    size_t n = 0;
    for (size_t i = 0; i < log->nanswers; i++)
        n += strcmp(log->answers[i].item, item) == 0 && log->answers[i].result == r &&
             (session < 0 || log->answers[i].session == session);
    return n;
}

static void merge_keeps_every_answer_of_both_sides(void **state)
{
    (void)state;
    const char *c[] = {"memory-architecture"};
    AssessLog home, school;
    assess_log_init(&home, "alice");
    assess_log_init(&school, "alice");
    /* home: session 1 on chapter 1 */
    add_session(&home, 1, 1, 100, 300);
    assess_log_add_answer(&home, "q1", 100, RESULT_WRONG, 1, c, 1, 1);
    assess_log_add_answer(&home, "q2", 200, RESULT_CORRECT, 1, c, 1, 1);
    assess_log_add_card(&home, "q1", 2.5, 10);
    home.updated = 300;
    /* school: the same q1 answer, a conflicting one at the same second, and
     * its own session 1 (chapter 2, other times): a clash of ids */
    add_session(&school, 1, 2, 400, 600);
    assess_log_add_answer(&school, "q1", 100, RESULT_WRONG, 1, c, 1, 1);
    assess_log_add_answer(&school, "q1", 100, RESULT_CORRECT, 1, c, 1, 1);
    assess_log_add_answer(&school, "q3", 500, RESULT_WRONG, 1, c, 1, 1);
    ReviewCard *k = assess_log_add_card(&school, "q1", 2.36, 12);
    k->lapses = 2;
    assess_log_add_card(&school, "q3", 2.5, 11);
    assess_log_set_track(&school, "training-infra");
    school.updated = 600;

    MergeStats st = {0};
    assess_log_merge(&home, &school, &st);
    assert_int_equal(home.nanswers, 4);
    assert_int_equal(st.answers_added, 2);
    assert_int_equal(st.answers_same, 1);
    assert_int_equal(count_answers(&home, "q1", RESULT_WRONG, 1), 1);
    assert_int_equal(count_answers(&home, "q2", RESULT_CORRECT, 1), 1);
    /* the school session got id 2, and its answers followed it */
    assert_int_equal(home.nsessions, 2);
    assert_int_equal(st.sessions_renumbered, 1);
    assert_int_equal(home.sessions[1].id, 2);
    assert_int_equal(home.sessions[1].chapter, 2);
    assert_int_equal(count_answers(&home, "q1", RESULT_CORRECT, 2), 1);
    assert_int_equal(count_answers(&home, "q3", RESULT_WRONG, 2), 1);
    /* cards: the later due day wins, whole */
    assert_int_equal(assess_log_card_get(&home, "q1")->due, 12);
    assert_int_equal(assess_log_card_get(&home, "q1")->lapses, 2);
    assert_int_equal(assess_log_card_get(&home, "q3")->due, 11);
    assert_string_equal(home.track, "training-infra");
    assert_int_equal(home.updated, 600);
    /* sorted by time */
    for (size_t i = 1; i < home.nanswers; i++)
        assert_true(home.answers[i - 1].at <= home.answers[i].at);

    /* idempotent: again changes nothing */
    MergeStats again = {0};
    assess_log_merge(&home, &school, &again);
    assert_int_equal(merge_changes(&again), 0);
    assert_int_equal(home.nanswers, 4);
    assert_int_equal(home.nsessions, 2);

    /* the other way round: school learns home's answers, none lost */
    AssessLog back;
    assess_log_init(&back, "alice");
    assess_log_merge(&back, &school, NULL);
    assess_log_merge(&back, &home, NULL);
    assert_int_equal(back.nanswers, 4);
    assert_int_equal(back.nsessions, 2);
    assess_log_fini(&back);
    assess_log_fini(&home);
    assess_log_fini(&school);
}

static void merge_unites_reading_and_takes_the_later_position(void **state)
{
    (void)state;
    Progress a, b;
    progress_init(&a, "alice");
    progress_init(&b, "alice");
    progress_set_position(&a, "ch-a", "s1", 2, 0, 100);
    progress_mark_read(&a, "ch-a", "s1", 100);
    progress_set_position(&b, "ch-b", "t1", 0, 0, 150);
    progress_set_position(&b, "ch-a", "s3", 5, 1, 200);
    progress_mark_read(&b, "ch-a", "s2", 200);
    progress_mark_read(&b, "ch-a", "s1", 200);
    MergeStats st = {0};
    progress_merge(&a, &b, &st);
    const ChapterProgress *c = progress_chapter_get(&a, "ch-a");
    assert_int_equal(c->nread, 2);
    assert_string_equal(c->section_id, "s3");
    assert_int_equal(c->block, 5);
    assert_int_equal(c->first_opened, 100);
    assert_int_equal(c->last_opened, 200);
    assert_non_null(progress_chapter_get(&a, "ch-b"));
    assert_string_equal(a.last_chapter, "ch-a");
    assert_int_equal(st.chapters_added, 1);
    assert_int_equal(st.sections_added, 1);
    /* an older position does not win, and nothing read is forgotten */
    Progress old;
    progress_init(&old, "alice");
    progress_set_position(&old, "ch-a", "s0", 0, 0, 50);
    progress_merge(&a, &old, NULL);
    assert_string_equal(progress_chapter_get(&a, "ch-a")->section_id, "s3");
    assert_int_equal(progress_chapter_get(&a, "ch-a")->first_opened, 50);
    MergeStats again = {0};
    progress_merge(&a, &b, &again);
    assert_int_equal(merge_changes(&again), 0);
    progress_fini(&old);
    progress_fini(&a);
    progress_fini(&b);
}

/* export -> read -> merge into an empty record == the original, byte for byte */
static void export_then_import_into_empty_is_lossless(void **state)
{
    (void)state;
    Export e;
    sample(&e);
    for (int f = EXPORT_YAML; f <= EXPORT_CSV; f++) {
        Buf out = {0}, p1 = {0}, p2 = {0}, l1 = {0}, l2 = {0};
        export_write(&e, (ExportFormat)f, &out);
        Export back;
        DiagList dl = {0};
        assert_int_equal(export_read(out.data, out.len, "x", &back, &dl), EXPORT_OK);
        Progress p;
        AssessLog log;
        progress_init(&p, "alice");
        assess_log_init(&log, "alice");
        progress_merge(&p, &back.progress, NULL);
        assess_log_merge(&log, &back.log, NULL);
        progress_serialize(&e.progress, &p1);
        progress_serialize(&p, &p2);
        assess_log_serialize(&e.log, &l1);
        assess_log_serialize(&log, &l2);
        assert_string_equal(buf_str(&p1), buf_str(&p2));
        assert_string_equal(buf_str(&l1), buf_str(&l2));
        progress_fini(&p);
        assess_log_fini(&log);
        export_fini(&back);
        diag_fini(&dl);
        buf_fini(&out), buf_fini(&p1), buf_fini(&p2), buf_fini(&l1), buf_fini(&l2);
    }
    export_fini(&e);
}

/* ---- workshop.yaml ---------------------------------------------------------------- */

static void tiny_course(Course *c)
{
    static const char *const ids[] = {"memory", "gc"};
    *c = (Course){0};
    c->title = xstrdup("Tiny");
    c->nchapters = 2;
    c->chapters = xcalloc(2, sizeof *c->chapters);
    for (int i = 0; i < 2; i++) {
        Chapter *ch = &c->chapters[i];
        ch->id = xstrdup(ids[i]);
        ch->number = i + 1;
        ch->title = xstrdup(ids[i]);
        ch->nsections = 2;
        ch->sections = xcalloc(2, sizeof *ch->sections);
        ch->sections[0].id = xstrdup("intro");
        ch->sections[1].id = xstrdup("deep");
    }
}

static const char *const COMPS[] = {"memory-architecture", "garbage-collection"};
static const char *const STAGES[] = {"novice", "advanced-beginner", "competent", "proficient",
                                     "expert"};

/* Loads `text` as a workshop.yaml; returns the diagnostics formatted, one a line. */
static bool load_text(const char *text, bool with_refs, Workshop *w, Buf *msgs)
{
    char path[] = "/tmp/pydive-workshop-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    Course c;
    tiny_course(&c);
    WorkshopRefs refs = {true, COMPS, 2, STAGES, 5};
    DiagList dl = {0};
    bool ok = workshop_load(path, "pack/workshop.yaml", &c, with_refs ? &refs : NULL, w, &dl);
    buf_clear(msgs);
    for (size_t i = 0; i < dl.len; i++) {
        char *m = diag_format(&dl.items[i]);
        buf_printf(msgs, "%s\n", m);
        free(m);
    }
    diag_fini(&dl);
    course_fini(&c);
    unlink(path);
    return ok;
}

static void has_line(const Buf *msgs, const char *want)
{
    if (!strstr(buf_str(msgs), want))
        fail_msg("missing '%s' in:\n%s", want, buf_str(msgs));
}

static void a_good_plan_loads_with_its_policies(void **state)
{
    (void)state;
    Workshop w;
    Buf msgs = {0};
    bool ok = load_text("id: tiny\n"
                        "title: A tiny workshop\n"
                        "seed: 42\n"
                        "defaults: {solutions: never}\n"
                        "agenda:\n"
                        "  - chapter: gc\n"
                        "    minutes: 30\n"
                        "    sections: [{id: deep, minutes: 20}]\n"
                        "    policy: {skip: false, min_score: 70}\n"
                        "  - chapter: 1\n"
                        "    open: false\n"
                        "    policy:\n"
                        "      min_stage: {competency: garbage-collection, stage: competent}\n",
                        true, &w, &msgs);
    if (!ok)
        fail_msg("%s", buf_str(&msgs));
    assert_string_equal(w.title, "A tiny workshop");
    assert_true(w.has_seed);
    assert_int_equal(w.seed, 42);
    assert_int_equal(w.nagenda, 2);
    assert_string_equal(w.agenda[0].chapter_id, "gc"); /* the agenda's order, not the course's */
    assert_int_equal(w.agenda[0].nsections, 1);
    assert_int_equal(w.total_minutes, 30);
    assert_true(workshop_is_open(&w, "gc"));
    assert_false(workshop_is_open(&w, "memory"));
    assert_false(workshop_is_open(&w, "nope"));
    assert_true(workshop_is_open(NULL, "anything"));
    const WorkshopPolicy *p = workshop_policy(&w, "gc");
    assert_false(p->skip);
    assert_int_equal(p->min_score, 70);
    assert_int_equal(p->solutions, SOLUTIONS_NEVER); /* from the defaults */
    p = workshop_policy(&w, "memory");
    assert_true(p->skip);
    assert_int_equal(p->competency, 1);
    assert_int_equal(p->stage, 2);
    assert_false(workshop_solution_visible(p, true, true));
    p = workshop_policy(NULL, "memory"); /* no pack: the defaults */
    assert_true(workshop_solution_visible(p, false, true));
    assert_false(workshop_solution_visible(p, false, false));
    has_line(&msgs, "pack/workshop.yaml:10:5: warning: chapter 'memory' is last on the agenda");
    workshop_fini(&w);
    buf_fini(&msgs);
}

static void plan_errors_name_file_line_and_column(void **state)
{
    (void)state;
    Workshop w;
    Buf msgs = {0};
    bool ok = load_text("id: tiny\n"
                        "title: T\n"
                        "sede: 1\n"
                        "agenda:\n"
                        "  - chapter: nope\n"
                        "  - chapter: 9\n"
                        "  - chapter: gc\n"
                        "    minutes: 10\n"
                        "    sections:\n"
                        "      - {id: missing, minutes: 5}\n"
                        "      - {id: deep, minutes: 8}\n"
                        "      - {id: intro, minutes: 4}\n"
                        "    policy: {solutions: sometimes, skip: maybe}\n"
                        "  - chapter: gc\n"
                        "    policy: {min_score: 70}\n",
                        false, &w, &msgs);
    assert_false(ok);
    has_line(&msgs, "pack/workshop.yaml:3:1: error: unknown key 'sede'");
    has_line(&msgs, "pack/workshop.yaml:5:14: error: no chapter 'nope' in the pack's course "
                    "(its chapters: memory, gc)");
    has_line(&msgs, "pack/workshop.yaml:6:14: error: no chapter 9 in the pack's course");
    has_line(&msgs, "pack/workshop.yaml:10:14: error: chapter 2 has no section 'missing'");
    has_line(&msgs, "pack/workshop.yaml:10:7: error: the section time boxes add up to 12 "
                    "minutes, more than the chapter's 10");
    has_line(&msgs, "pack/workshop.yaml:13:25: error: ");
    has_line(&msgs, "'sometimes'");
    has_line(&msgs, "pack/workshop.yaml:13:42: error: expected true or false for 'skip'");
    has_line(&msgs, "pack/workshop.yaml:14:14: error: chapter 'gc' is on the agenda already "
                    "(line 7)");
    has_line(&msgs, "pack/workshop.yaml:15:25: error: 'min_score' needs the pack's assessments/");
    workshop_fini(&w);

    ok = load_text("id: Not An Id\ntitle: T\nseed: -3\nagenda: []\n"
                   "defaults: {min_stage: {competency: x, stage: guru}}\n", true, &w, &msgs);
    assert_false(ok);
    has_line(&msgs, "pack/workshop.yaml:1:5: error: 'Not An Id' is not a valid id");
    has_line(&msgs, "pack/workshop.yaml:3:7: error: expected a whole number");
    has_line(&msgs, "pack/workshop.yaml:4:9: error: 'agenda' must not be empty");
    has_line(&msgs, "pack/workshop.yaml:5:36: error: no competency 'x'");
    has_line(&msgs, "pack/workshop.yaml:5:46: error: no stage 'guru'");
    workshop_fini(&w);
    buf_fini(&msgs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha256_matches_the_fips_examples),
        cmocka_unit_test(round_trips_in_every_format),
        cmocka_unit_test(a_flipped_byte_anywhere_is_refused),
        cmocka_unit_test(newer_versions_and_cut_files_get_their_own_status),
        cmocka_unit_test(merge_keeps_every_answer_of_both_sides),
        cmocka_unit_test(merge_unites_reading_and_takes_the_later_position),
        cmocka_unit_test(export_then_import_into_empty_is_lossless),
        cmocka_unit_test(a_good_plan_loads_with_its_policies),
        cmocka_unit_test(plan_errors_name_file_line_and_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
