/*
 * cmd_exercise: `pydive exercise list|check|hint|reset|show|solution` and
 * `pydive verify` — the exercises for terminal and editor users, and the
 * check that every exercise still agrees with the model.
 *
 * The engine (script/exrun.h) runs the exercise; this file wires its
 * results into the learner's records through a Session, so progress and the
 * assessment record share one profile lock: per-exercise state in
 * <profile>/exercises/ID.state (learner/exstate.h), the learner's file in
 * <profile>/work/ID.py, and one piece of evidence per exercise in the
 * assessment record.  See docs/EXERCISES.md §9.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/fsutil.h"
#include "base/paths.h"
#include "base/xalloc.h"
#include "base/utf8.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "learner/exstate.h"
#include "script/api_sim.h"
#include "script/exrun.h"
#include "view/access.h"
#include "view/doc.h"
#include "view/styled.h"

#define WORK_FILE_MAX (256 * 1024)

/* {====== Shared set-up ====== */

typedef struct ExCli {
    Session s;
    bool session_open;
    ExEntry *index;
    size_t nindex;
    ExHandle h;
    bool loaded;
    const ExEntry *entry;
    ExState st;
    char *work;   /* <profile>/work/ID.py */
    int64_t now;
} ExCli;

static void excli_close(ExCli *c)
{
    if (c->loaded)
        exrun_fini(&c->h);
    exrun_index_free(c->index, c->nindex);
    if (c->session_open)
        session_close(&c->s);
    free(c->work);
    *c = (ExCli){0};
}

static const char *profile_dir(const ExCli *c)
{
    return c->s.store.profile_dir;
}

/* Opens the profile and loads exercise `id`; returns 0 or an exit status. */
static int excli_open(ExCli *c, const char *profile, const char *id, bool write)
{
    *c = (ExCli){0};
    c->now = clock_now();
    int rc = session_open(&c->s, profile, write);
    c->session_open = true;
    if (rc != 0)
        return rc;
    diag_print(&c->s.store_diags, stderr);
    c->nindex = exrun_index(c->s.content_dir, &c->index);
    if (!id)
        return 0;
    c->entry = exrun_index_find(c->index, c->nindex, id);
    if (!c->entry) {
        fprintf(stderr, "pydive: no exercise '%s' (see pydive exercise list)\n", id);
        return 2;
    }
    DiagList dl = {0};
    c->loaded = true;
    bool ok = exrun_load(&c->h, c->entry->path, &dl);
    if (!ok) {
        diag_print(&dl, stderr);
        fprintf(stderr, "pydive: exercise '%s' cannot be used until its file is fixed\n", id);
    }
    diag_fini(&dl);
    if (!ok)
        return 1;
    doc_links_use(&c->s.course); /* "ch02#cycles" in the texts reads "§2.3 ..." */
    const Chapter *ch = course_chapter_by_number(&c->s.course, c->h.chapter);
    if (ch && c->s.has_workshop) { /* a workshop pack decides which chapters are open */
        AccessCtx actx = {.workshop = &c->s.workshop,
                          .course = &c->s.course,
                          .progress = &c->s.progress,
                          .assess = c->s.assess_loaded ? &c->s.assess : NULL,
                          .log = c->s.assess_open ? &c->s.assess_log : NULL,
                          .now = c->now};
        ChapterAccess a = access_chapter(&actx, ch->id);
        if (a.state != ACCESS_OPEN) {
            fprintf(stderr, "pydive: exercise '%s' is in chapter %d, which this workshop has "
                            "not opened for you%s%s\n",
                    id, c->h.chapter, a.why[0] ? ": " : "", a.why);
            return 2;
        }
    }
    Buf err = {0};
    if (!exstate_load(profile_dir(c), id, &c->st, &err))
        fprintf(stderr, "pydive: warning: %s\n", buf_str(&err));
    buf_fini(&err);
    char *wdir = path_join(profile_dir(c), "work");
    const char *ext = c->h.ex.lab ? c->h.ex.lab->ext : "py";
    size_t n = strlen(id) + strlen(ext) + 2;
    char *name = xmalloc(n);
    snprintf(name, n, "%s.%s", id, ext);
    c->work = path_join(wdir, name);
    free(name);
    free(wdir);
    return 0;
}

/* Saves the exercise state and, when asked, the session (assessment record). */
static bool excli_save(ExCli *c, bool record)
{
    bool ok = true;
    Buf err = {0};
    if (c->s.store.read_only) {
        fputs("pydive: this profile is open elsewhere (read-only here); nothing is saved\n",
              stderr);
        return false;
    }
    if (!exstate_save(profile_dir(c), c->h.ex.id, &c->st, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        ok = false;
    }
    buf_fini(&err);
    if (record) {
        char why[256];
        if (!session_save(&c->s, why, sizeof why)) {
            fprintf(stderr, "pydive: %s\n", why);
            ok = false;
        }
    }
    return ok;
}

/* Adds the evidence (once, when the outcome is known) to the record. */
static bool excli_record(ExCli *c)
{
    if (!c->s.assess_open)
        return false;
    const Exercise *ex = &c->h.ex;
    return exstate_record(&c->st, &c->s.assess_log, ex->id, c->now, ex->difficulty,
                          (const char *const *)ex->competencies, ex->ncompetencies);
}

static bool write_file(const char *path, const char *text, Buf *err)
{
    char *slash = strrchr(path, '/');
    if (slash) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        bool ok = dir_make(dir, err);
        free(dir);
        if (!ok)
            return false;
    }
    return file_write_atomic(path, text, strlen(text), err);
}

/* Copies the starter into the work file when there is none yet. */
static bool ensure_work(ExCli *c, bool *created)
{
    *created = false;
    if (file_exists(c->work))
        return true;
    Buf err = {0};
    bool ok = write_file(c->work, c->h.ex.starter ? c->h.ex.starter : c->h.ex.program, &err);
    if (!ok)
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    buf_fini(&err);
    *created = ok;
    return ok;
}

/* Takes the id argument (argv[1] after the sub-command) and rejects extras. */
static int one_id(int argc, char **argv, const char **id)
{
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc != 2)
        return cli_usage_error("%s needs exactly one exercise ID", argv[0]);
    *id = argv[1];
    return 0;
}

static void indent(const char *text, const char *prefix)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("%s%.*s\n", prefix, (int)n, p);
        p += n + (nl != NULL);
    }
}

/* Prose as the learner reads it: lesson links as "§2.3 Cycles", markers
 * dropped (a static buffer: valid until the next call). */
static const char *prose(const char *text)
{
    static Styled st;
    styled_clear(&st);
    markup_plain(text ? text : "", &st);
    return st.text ? st.text : "";
}

/* "ch02#cycles" as the command that shows it: "pydive render chapter:2:cycles". */
static void print_read_link(const char *link)
{
    const char *hash = link ? strchr(link, '#') : NULL;
    if (hash)
        printf("Read: pydive render chapter:%d:%s\n", atoi(link + 2), hash + 1);
}

/* }====== */

/* {====== list ====== */

static const ExerciseRec *latest_evidence(const AssessLog *log, const char *id)
{
    const ExerciseRec *best = NULL;
    for (size_t i = 0; log && i < log->nexercises; i++)
        if (strcmp(log->exercises[i].exercise, id) == 0 &&
            (!best || log->exercises[i].at >= best->at))
            best = &log->exercises[i];
    return best;
}

static void status_text(const ExState *st, const ExerciseRec *rec, Buf *out)
{
    buf_clear(out);
    int hints = st->hints;
    if (st->solved || (rec && rec->solved)) {
        if (!st->solved && rec)
            hints = rec->hints;
        buf_printf(out, "solved, %d hint%s", hints, hints == 1 ? "" : "s");
    } else if (st->gave_up || (rec && !rec->solved && st->best_total == 0)) {
        buf_adds(out, "gave up");
    } else if (st->best_total > 0) {
        buf_printf(out, "%d of %d right", st->best_right, st->best_total);
    } else if (st->started) {
        buf_printf(out, "started, %d attempt%s, %d hint%s", st->attempts,
                   st->attempts == 1 ? "" : "s", hints, hints == 1 ? "" : "s");
    } else {
        buf_adds(out, "not started");
    }
}

static int exercise_list(int argc, char **argv, const char *profile)
{
    const char *chapter = NULL;
    if (cli_take_option(&argc, argv, "--chapter", &chapter) < 0)
        return 2;
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("unexpected argument '%s'", argv[1]);
    long want = 0;
    if (chapter) {
        char *end;
        want = strtol(chapter, &end, 10);
        if (*end || want < 1)
            return cli_usage_error("--chapter needs a chapter number, not '%s'", chapter);
    }
    ExCli c;
    int rc = excli_open(&c, profile, NULL, false);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    bool utf8 = session_utf8_locale();
    int shown = 0, last_chapter = -1, idw = 24; /* the id column fits the longest id */
    for (size_t i = 0; i < c.nindex; i++)
        if ((!want || c.index[i].chapter == want) && (int)strlen(c.index[i].id) > idw)
            idw = (int)strlen(c.index[i].id);
    Buf status = {0};
    for (size_t i = 0; i < c.nindex; i++) {
        const ExEntry *e = &c.index[i];
        if (want && e->chapter != want)
            continue;
        ExHandle h;
        DiagList dl = {0};
        bool ok = exrun_load(&h, e->path, &dl);
        diag_fini(&dl);
        if (e->chapter != last_chapter) {
            const Chapter *ch = course_chapter_by_number(&c.s.course, e->chapter);
            printf("%sChapter %d%s%s\n", shown ? "\n" : "", e->chapter, ch ? ": " : "",
                   ch ? ch->title : "");
            last_chapter = e->chapter;
        }
        shown++;
        if (!ok) {
            printf("  %-*s (this file has errors: pydive verify)\n", idw, e->id);
            exrun_fini(&h);
            continue;
        }
        ExState st;
        Buf err = {0};
        exstate_load(profile_dir(&c), e->id, &st, &err);
        buf_fini(&err);
        status_text(&st, latest_evidence(c.s.assess_open ? &c.s.assess_log : NULL, e->id),
                    &status);
        char stars[32] = "";
        for (int k = 1; k <= EXERCISE_DIFFICULTY_MAX; k++)
            strcat(stars, k <= h.ex.difficulty ? (utf8 ? "\xe2\x98\x85" : "*")
                                               : (utf8 ? "\xe2\x98\x86" : "."));
        /* the title after the status when the row fits 80 columns, else whole on
         * the next line (never cut) */
        int row = 2 + idw + 1 + 8 + 1 + 5 + 2 + 24 + 1 + (int)utf8_width(h.ex.title,
                                                                     strlen(h.ex.title));
        if (row <= 80)
            printf("  %-*s %-8s %s  %-24s %s\n", idw, e->id, exercise_kind_name(h.ex.kind),
                   stars, buf_str(&status), h.ex.title);
        else
            printf("  %-*s %-8s %s  %s\n      %s\n", idw, e->id, exercise_kind_name(h.ex.kind),
                   stars, buf_str(&status), h.ex.title);
        exrun_fini(&h);
    }
    buf_fini(&status);
    if (shown == 0)
        printf(want ? "No exercises in chapter %ld.\n" : "No exercises in this course.\n", want);
    else
        puts("\nWork on one: pydive exercise check ID (fix), exercise show ID (predict), "
             "exercise hint ID.");
    excli_close(&c);
    return 0;
}

/* }====== */

/* {====== check ====== */

static int exercise_check(int argc, char **argv, const char *profile)
{
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    const Exercise *ex = &c.h.ex;
    if (ex->kind == EXERCISE_PREDICT) {
        fprintf(stderr, "pydive: '%s' is a predict exercise: answer it with pydive exercise "
                        "show %s\n", id, id);
        excli_close(&c);
        return 2;
    }
    bool created;
    if (!ensure_work(&c, &created)) {
        excli_close(&c);
        return 1;
    }
    if (created)
        printf("Your file: %s (a copy of the starter). Edit it, then run this again.\n",
               c.work);
    Buf src = {0}, err = {0};
    if (!file_read(c.work, WORK_FILE_MAX, &src, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&src);
        buf_fini(&err);
        excli_close(&c);
        return 1;
    }
    buf_fini(&err);
    printf("%s: %s\nGoal: %s\n", ex->id, ex->title, prose(ex->goal));
    if (ex->kind == EXERCISE_SANDBOX && ex->lab) { /* a lab playground: its output */
        Lab lab;
        DiagList dl = {0};
        rc = 1;
        if (lab_open(&lab, ex->lab, buf_str(&src), src.len, c.work, 1, &dl)) {
            lab_finish(&lab);
            fputs(buf_str(&lab.out), stdout);
            fputs(buf_str(&lab.err), stderr);
            rc = lab.exit_code ? 1 : 0;
        }
        diag_print(&dl, stderr);
        diag_fini(&dl);
        lab_close(&lab);
        exstate_touch(&c.st, c.now);
        excli_save(&c, false);
        buf_fini(&src);
        excli_close(&c);
        return rc;
    }
    if (ex->kind == EXERCISE_SANDBOX) { /* a playground: run it and show what it printed */
        SimRun run;
        Buf e = {0};
        simrun_start(&run, buf_str(&src), src.len, c.work, NULL, &e);
        simrun_finish(&run);
        fputs(buf_str(&run.out), stdout);
        fputs(buf_str(&run.err), stderr);
        printf("Arenas: %llu at the start, %llu at the end; the collector would find %zu "
               "objects in cycles.\n",
               (unsigned long long)run.arenas_start, (unsigned long long)simrun_arenas(&run),
               simrun_cyclic_garbage(&run));
        exstate_touch(&c.st, c.now);
        excli_save(&c, false);
        rc = run.exit_code ? 1 : 0;
        simrun_fini(&run);
        buf_fini(&e);
        buf_fini(&src);
        excli_close(&c);
        return rc;
    }
    ExCheck r;
    bool ran = exrun_check(&c.h, buf_str(&src), src.len, c.work, &r);
    buf_fini(&src);
    if (r.output.len) {
        puts("Your program printed:");
        indent(buf_str(&r.output), "  | ");
    }
    if (r.error_line)
        printf("Your program stopped with an error: %s\n", r.error_line);
    if (!ran) {
        printf("The exercise's check could not run: %s\n(This is not your fault; nothing was "
               "recorded.)\n", r.message ? r.message : "?");
        excheck_fini(&r);
        excli_close(&c);
        return 1;
    }
    exstate_attempt(&c.st, c.now);
    bool first = false;
    if (r.passed) {
        first = !c.st.solved;
        exstate_solve(&c.st, c.now);
        printf("PASS: %s\n", r.message ? r.message : "the goal is met.");
        if (first)
            printf("Solved in %d attempt%s with %d hint%s. The reference solution: pydive "
                   "exercise solution %s\n",
                   c.st.attempts, c.st.attempts == 1 ? "" : "s", c.st.hints,
                   c.st.hints == 1 ? "" : "s", id);
    } else {
        printf("FAIL: %s\n", r.message ? r.message : "the goal is not met yet.");
        printf("Attempt %d. Stuck? pydive exercise hint %s\n", c.st.attempts, id);
    }
    bool recorded = excli_record(&c);
    bool saved = excli_save(&c, recorded);
    rc = r.passed && saved ? 0 : 1;
    excheck_fini(&r);
    excli_close(&c);
    return rc;
}

/* }====== */

/* {====== hint, reset, solution ====== */

static int exercise_hint(int argc, char **argv, const char *profile)
{
    bool next = cli_take_flag(&argc, argv, "--next");
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    const Exercise *ex = &c.h.ex;
    int n = exrun_hint_count(ex);
    if (n == 0) {
        printf("'%s' has no hints: it is a free playground.\n", id);
        excli_close(&c);
        return 0;
    }
    bool took = false;
    if (next || c.st.hints == 0) {
        took = c.st.hints < n;
        exstate_next_hint(&c.st, n, c.now);
    }
    static const char *const rung_name[] = {"a nudge", "the concept", "part of the answer"};
    for (int k = 1; k <= c.st.hints; k++)
        printf("Hint %d of %d (%s): %s\n", k, n, rung_name[k - 1], prose(exrun_hint(ex, k)));
    if (c.st.hints >= 2)
        print_read_link(ex->hint_link);
    if (c.st.hints < n)
        printf("Next rung: pydive exercise hint %s --next\n", id);
    else if (!exstate_solution_open(&c.st))
        printf("That was the last hint. The full solution opens once you solve it, or with "
               "pydive exercise solution %s --give-up (recorded as not solved).\n", id);
    if (next && !took)
        puts("(No more hints.)");
    bool saved = !took || excli_save(&c, false);
    excli_close(&c);
    return saved ? 0 : 1;
}

static int exercise_reset(int argc, char **argv, const char *profile)
{
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    if (c.h.ex.kind == EXERCISE_PREDICT) {
        printf("'%s' is a predict exercise: there is no file to reset.\n", id);
        excli_close(&c);
        return 0;
    }
    Buf old = {0}, err = {0};
    bool ok = true;
    if (file_exists(c.work)) {
        size_t n = strlen(c.work) + 5;
        char *bak = xmalloc(n);
        snprintf(bak, n, "%s.bak", c.work);
        ok = file_read(c.work, WORK_FILE_MAX, &old, &err) &&
             file_write_atomic(bak, buf_str(&old), old.len, &err);
        if (ok)
            printf("Your previous file is kept as %s\n", bak);
        free(bak);
    }
    if (ok)
        ok = write_file(c.work, c.h.ex.starter ? c.h.ex.starter : c.h.ex.program, &err);
    if (ok)
        printf("%s is the starter again.\n", c.work);
    else
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    buf_fini(&old);
    buf_fini(&err);
    excli_close(&c);
    return ok ? 0 : 1;
}

static int exercise_solution(int argc, char **argv, const char *profile)
{
    bool give_up = cli_take_flag(&argc, argv, "--give-up");
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    const Exercise *ex = &c.h.ex;
    if (!ex->solution) {
        printf("'%s' is a playground: it has no solution.\n", id);
        excli_close(&c);
        return 0;
    }
    const Chapter *ch = course_chapter_by_number(&c.s.course, c.h.chapter);
    const WorkshopPolicy *pol =
        workshop_policy(c.s.has_workshop ? &c.s.workshop : NULL, ch ? ch->id : "");
    if (pol->solutions != SOLUTIONS_AFTER_GIVING_UP &&
        !workshop_solution_visible(pol, c.st.solved != 0, c.st.gave_up != 0)) {
        printf("This workshop shows the solution of '%s' %s.\n", id,
               pol->solutions == SOLUTIONS_NEVER ? "to nobody: ask your instructor"
                                                 : "only once you have solved it");
        excli_close(&c);
        return 1;
    }
    bool saved = true;
    if (pol->solutions != SOLUTIONS_ALWAYS && !exstate_solution_open(&c.st)) {
        if (!give_up) {
            printf("The solution opens once you have solved '%s'. To see it now, give up "
                   "explicitly:\n  pydive exercise solution %s --give-up\n(That is recorded "
                   "as not solved; hints first? pydive exercise hint %s)\n", id, id, id);
            excli_close(&c);
            return 1;
        }
        exstate_give_up(&c.st, c.now);
        bool recorded = excli_record(&c);
        saved = excli_save(&c, recorded);
        puts("Recorded as not solved.");
    }
    printf("Reference solution of %s:\n\n", id);
    fputs(ex->solution, stdout);
    if (ex->solution[0] && ex->solution[strlen(ex->solution) - 1] != '\n')
        putchar('\n');
    excli_close(&c);
    return saved ? 0 : 1;
}

/* }====== */

/* {====== show: a predict exercise as plain text ====== */

static bool read_line(Buf *line)
{
    buf_clear(line);
    int ch;
    bool any = false;
    while ((ch = getchar()) != EOF) {
        any = true;
        if (ch == '\n')
            break;
        buf_addc(line, (char)ch);
    }
    if (line->len > 0 && line->data[line->len - 1] == '\r')
        line->data[--line->len] = '\0';
    return any;
}

static void print_program(const char *program)
{
    int n = 1;
    const char *p = program;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        printf("  %3d | %.*s\n", n++, (int)len, p);
        p += len + (nl != NULL);
    }
}

/* Asks until the answer parses; false when the learner quits or input ends. */
static bool ask_step(const ExerciseStep *st, Buf *line, ExAnswer *a)
{
    Buf err = {0};
    bool ok = false;
    for (;;) {
        printf("Your answer (%s; q to stop): ", exrun_how_to_answer(st));
        fflush(stdout);
        if (!read_line(line) || strcmp(buf_str(line), "q") == 0)
            break;
        if (exrun_parse_answer(st, buf_str(line), a, &err)) {
            ok = true;
            break;
        }
        printf("That does not fit: %s.\n", buf_str(&err));
    }
    buf_fini(&err);
    if (!ok)
        putchar('\n');
    return ok;
}

/* The predict program, on the simulated CPython or on a lab. */
typedef struct Stepper {
    const LabClass *cls;
    SimRun run;
    Lab lab;
} Stepper;

static bool stepper_start(Stepper *sp, const Exercise *ex, Buf *err)
{
    sp->cls = ex->lab;
    if (!sp->cls)
        return simrun_start(&sp->run, ex->program, strlen(ex->program), ex->id, NULL, err);
    DiagList dl = {0};
    bool ok = lab_open(&sp->lab, sp->cls, ex->program, strlen(ex->program), ex->id, 1, &dl);
    if (!ok && dl.len) {
        char *d = diag_format(&dl.items[0]);
        buf_adds(err, d);
        free(d);
    }
    diag_fini(&dl);
    if (!ok)
        lab_close(&sp->lab);
    return ok;
}

static void stepper_to(Stepper *sp, int line)
{
    if (sp->cls && line)
        lab_run_to_line(&sp->lab, line);
    else if (sp->cls)
        lab_finish(&sp->lab);
    else if (line)
        simrun_run_to_line(&sp->run, line);
    else
        simrun_finish(&sp->run);
}

static const Buf *stepper_out(const Stepper *sp)
{
    return sp->cls ? &sp->lab.out : &sp->run.out;
}

static void stepper_fini(Stepper *sp)
{
    if (sp->cls)
        lab_close(&sp->lab);
    else
        simrun_fini(&sp->run);
}

static int show_predict(ExCli *c)
{
    const Exercise *ex = &c->h.ex;
    puts("The program:\n");
    print_program(ex->program);
    if (ex->lab)
        printf("\nIt runs on the %s lab, one line at a time. At %zu point%s it stops and "
               "asks what will happen next.\n", ex->lab->title, ex->nsteps,
               ex->nsteps == 1 ? "" : "s");
    else
        printf("\nIt runs on the model of CPython %s, one line at a time. At %zu point%s it "
               "stops and asks what will happen next.\n",
               SIMRUN_DEFAULT_VERSION, ex->nsteps, ex->nsteps == 1 ? "" : "s");
    puts("Type your answer and press Enter; q stops (nothing is recorded then).");
    Stepper sp = {0};
    Buf err = {0}, line = {0}, ans = {0};
    if (!stepper_start(&sp, ex, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    int right = 0, second = 0;
    size_t answered = 0;
    size_t shown_out = 0;
    uint64_t arenas = sp.cls ? 0 : simrun_arenas(&sp.run);
    for (size_t i = 0; i < ex->nsteps; i++) {
        const ExerciseStep *st = &ex->steps[i];
        stepper_to(&sp, st->at);
        printf("\nStep %zu of %zu. The program stops before line %d:\n", i + 1, ex->nsteps,
               st->at);
        printf("  %3d | ", st->at);
        const char *p = ex->program;
        for (int k = 1; k < st->at && p; k++)
            p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
        if (p)
            printf("%.*s", (int)strcspn(p, "\n"), p);
        printf("\n%s\n", prose(st->ask));
        for (size_t k = 0; k < st->nchoices; k++)
            printf("  %zu) %s\n", k + 1, st->choices[k]);
        ExAnswer a;
        ExVerdict v = EX_WRONG;
        int tries = 0;
        while (tries < 2) { /* a second try before the answer shows */
            if (!ask_step(st, &line, &a))
                break;
            size_t in_place = 0;
            v = exrun_judge(st, &a, &in_place);
            tries++;
            if (c->s.assess_open) /* each answer, as it is, is evidence */
                exstate_record_answer(&c->s.assess_log, ex->id, i + 1, c->now,
                                      v == EX_RIGHT     ? RESULT_CORRECT
                                      : v == EX_PARTIAL ? RESULT_PARTIAL
                                                        : RESULT_WRONG,
                                      ex->difficulty, (const char *const *)ex->competencies,
                                      ex->ncompetencies);
            if (v == EX_RIGHT || tries == 2)
                break;
            printf("%s One more try (it counts too); then the answer shows.\n",
                   v == EX_PARTIAL ? "Partly right." : "Not right.");
        }
        if (tries == 0 || (v != EX_RIGHT && tries < 2))
            break;
        answered++;
        exrun_answer_text(st, &ans);
        if (v == EX_RIGHT) {
            right++;
            second += tries == 2;
            puts(tries == 2 ? "Right at the second try." : "Right.");
        } else if (v == EX_PARTIAL) {
            printf("Partly right, twice. The answer is %s.\n", buf_str(&ans));
        } else {
            printf("Not right, twice. The answer is %s.\n", buf_str(&ans));
        }
        stepper_to(&sp, exrun_reveal_line(ex, i));
        const Buf *out = stepper_out(&sp);
        if (out->len > shown_out) {
            puts("The program printed:");
            indent(buf_str(out) + shown_out, "  | ");
            shown_out = out->len;
        }
        if (!sp.cls) {
            uint64_t now_arenas = simrun_arenas(&sp.run);
            printf("The model now: %llu arena%s mapped (%s%lld since the last stop).\n",
                   (unsigned long long)now_arenas, now_arenas == 1 ? "" : "s",
                   now_arenas >= arenas ? "+" : "", (long long)now_arenas - (long long)arenas);
            arenas = now_arenas;
        }
        printf("Why: %s\n", prose(st->explain));
    }
    stepper_fini(&sp);
    buf_fini(&err);
    buf_fini(&line);
    buf_fini(&ans);
    if (answered < ex->nsteps) {
        puts("Stopped before the end; nothing recorded.");
        exstate_touch(&c->st, c->now);
        return excli_save(c, false) ? 0 : 1;
    }
    printf("\n%d of %zu right", right, ex->nsteps);
    if (second)
        printf(" (%d at the second try)", second);
    puts((size_t)right == ex->nsteps ? ". Solved." : ". Not solved yet: run it again to try.");
    bool first = !c->st.recorded;
    bool recorded = exstate_pass(&c->st, c->s.assess_open ? &c->s.assess_log : NULL, ex->id,
                                 right, (int)ex->nsteps, c->now, ex->difficulty,
                                 (const char *const *)ex->competencies, ex->ncompetencies);
    if (!first)
        puts("(This pass is kept in your progress; the first one is your evidence.)");
    print_read_link(ex->hint_link);
    /* the answers of a full pass are evidence, whichever pass it was */
    return excli_save(c, recorded || c->s.assess_open) ? 0 : 1;
}

static int exercise_show(int argc, char **argv, const char *profile)
{
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc != 0) {
        excli_close(&c);
        return rc;
    }
    const Exercise *ex = &c.h.ex;
    static const char *const kind_text[] = {"Predict, then observe", "Fix it", "Sandbox"};
    printf("%s: %s\n%s. Difficulty %d of 5.\nGoal: %s\n\n", ex->id, ex->title,
           kind_text[ex->kind], ex->difficulty, prose(ex->goal));
    if (ex->kind == EXERCISE_PREDICT) {
        rc = show_predict(&c);
    } else {
        puts(ex->kind == EXERCISE_FIX ? "The starter program:\n" : "The program:\n");
        print_program(ex->kind == EXERCISE_FIX ? ex->starter : ex->program);
        bool created = false;
        if (!ensure_work(&c, &created))
            rc = 1;
        else
            printf("\nYour file: %s\nCheck it with: pydive exercise check %s\n", c.work, id);
        exstate_touch(&c.st, c.now);
        excli_save(&c, false);
    }
    excli_close(&c);
    return rc;
}

/* }====== */

int cmd_exercise(int argc, char **argv)
{
    const char *profile = NULL;
    if (cli_take_option(&argc, argv, "--profile", &profile) < 0)
        return 2;
    if (argc < 2 || strcmp(argv[1], "--help") == 0)
        return argc < 2 ? cli_usage_error("exercise needs a sub-command: list, run, check, "
                                          "hint, reset, show, solution")
                        : cli_command_help("exercise");
    static const struct {
        const char *name;
        int (*fn)(int, char **, const char *);
    } subs[] = {{"list", exercise_list},   {"check", exercise_check}, {"hint", exercise_hint},
                {"reset", exercise_reset}, {"show", exercise_show},   {"solution", exercise_solution}};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].fn(argc - 1, argv + 1, profile);
    if (strcmp(argv[1], "run") == 0) { /* the screen: the course, opened on the exercise */
        if (argc != 3)
            return cli_usage_error("exercise run needs one exercise id");
        char a0[] = "pydive", a1[] = "--exercise", a3[] = "--profile";
        char *args[6] = {a0, a1, argv[2], NULL, NULL, NULL};
        int n = 3;
        if (profile) {
            args[n++] = a3;
            args[n++] = (char *)profile;
        }
        return cmd_open(n, args);
    }
    return cli_usage_error("unknown exercise sub-command '%s' (list, run, check, hint, reset, "
                           "show, solution)", argv[1]);
}

/* {====== verify ====== */

/* Checks what the script layer cannot: the hint's lesson link and the
 * competency ids against the loaded course and assessments. */
static void verify_refs(const Exercise *ex, const Course *course, const AssessContent *ac,
                        const char *src, DiagList *dl)
{
    if (ex->hint_link && course) {
        int chapter = atoi(ex->hint_link + 2);
        const char *section = strchr(ex->hint_link, '#') + 1;
        const Chapter *ch = course_chapter_by_number(course, chapter);
        if (!ch || chapter_section_index(ch, section) < 0) {
            const char *at = strstr(src, "hints");
            int line = 1;
            for (const char *p = src; at && p < at; p++)
                line += *p == '\n';
            diag_add(dl, DIAG_ERROR, ex->file, at ? line : ex->line, 0,
                     "the hint links %s, but chapter %d has no section '%s'", ex->hint_link,
                     chapter, section);
        }
    }
    for (size_t i = 0; ac && i < ex->ncompetencies; i++)
        if (assess_competency_index(ac, ex->competencies[i]) < 0)
            diag_add(dl, DIAG_ERROR, ex->file, ex->line, 0,
                     "unknown competency '%s' (see assessments/competencies.yaml)",
                     ex->competencies[i]);
}

static void verify_one(const char *path, const Course *course, const AssessContent *ac,
                       DiagList *dl, size_t *count)
{
    ExHandle h;
    (*count)++;
    if (exrun_load(&h, path, dl)) {
        exrun_verify(&h, dl);
        Buf src = {0}, err = {0};
        if (file_read(path, 1 << 20, &src, &err))
            verify_refs(&h.ex, course, ac, buf_str(&src), dl);
        buf_fini(&src);
        buf_fini(&err);
    }
    exrun_fini(&h);
}

int cmd_verify(int argc, char **argv)
{
    if (cli_take_flag(&argc, argv, "--help"))
        return cli_command_help("verify");
    if (cli_reject_unknown(argc, argv))
        return 2;
    Buf err = {0};
    char *content = paths_content_dir(&err);
    if (!content) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    DiagList dl = {0}, quiet = {0};
    Course course;
    bool have_course = course_load(content, &course, &quiet);
    char *adir = path_join(content, "assessments");
    AssessContent ac;
    bool have_ac = assess_content_load(adir, &ac, &quiet);
    free(adir);
    diag_fini(&quiet);
    size_t count = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            verify_one(argv[i], have_course ? &course : NULL, have_ac ? &ac : NULL, &dl,
                       &count);
    } else {
        ExEntry *idx;
        size_t n = exrun_index(content, &idx);
        for (size_t i = 0; i < n; i++)
            verify_one(idx[i].path, have_course ? &course : NULL, have_ac ? &ac : NULL, &dl,
                       &count);
        exrun_index_free(idx, n);
    }
    diag_print(&dl, stderr);
    size_t errors = diag_count(&dl, DIAG_ERROR);
    printf("verify: %zu exercise%s, %zu problem%s\n", count, count == 1 ? "" : "s", errors,
           errors == 1 ? "" : "s");
    diag_fini(&dl);
    if (have_course)
        course_fini(&course);
    if (have_ac)
        assess_content_fini(&ac);
    free(content);
    return errors ? 1 : 0;
}

/* }====== */
