/*
 * cmd_exercise: `pydive exercise list|check|hint|reset|show|solution|run` —
 * the exercises for terminal and editor users.  `show` (a predict exercise
 * as plain text) is cmd_exercise_show.c, `pydive verify` is cmd_verify.c.
 *
 * The engine (script/exrun.h) runs the exercise; these commands wire its
 * results into the learner's records through an ExCli (cli/excli.h): per-
 * exercise state in <profile>/exercises/ID.state (learner/exstate.h), the
 * learner's file in <profile>/work/ID.py, and one piece of evidence per
 * exercise in the assessment record.  See docs/EXERCISES.md §9.  Every sub-
 * command on one exercise runs between one open and one close (on_exercise).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/excli.h"
#include "script/api_sim.h"

/* {====== one exercise: open, run the sub-command, close (one exit path) ====== */

typedef int (*ExBody)(ExCli *c, const char *id, bool flag);

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

static int on_exercise(int argc, char **argv, const char *profile, const char *flag, ExBody body)
{
    bool on = flag && cli_take_flag(&argc, argv, flag);
    const char *id = NULL;
    int rc = one_id(argc, argv, &id);
    if (rc)
        return rc;
    ExCli c;
    rc = excli_open(&c, profile, id, true);
    if (rc == 0)
        rc = body(&c, id, on);
    excli_close(&c);
    return rc;
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

static void list_exercises(ExCli *c, long want);

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
    if (rc == 0)
        list_exercises(&c, want);
    excli_close(&c);
    return rc;
}

static void list_exercises(ExCli *c, long want)
{
    bool utf8 = session_utf8_locale();
    int shown = 0, last_chapter = -1, idw = 24; /* the id column fits the longest id */
    for (size_t i = 0; i < c->nindex; i++)
        if ((!want || c->index[i].chapter == want) && (int)strlen(c->index[i].id) > idw)
            idw = (int)strlen(c->index[i].id);
    Buf status = {0};
    for (size_t i = 0; i < c->nindex; i++) {
        const ExEntry *e = &c->index[i];
        if (want && e->chapter != want)
            continue;
        ExHandle h;
        DiagList dl = {0};
        bool ok = exrun_load(&h, e->path, &dl);
        diag_fini(&dl);
        if (e->chapter != last_chapter) {
            const Chapter *ch = course_chapter_by_number(&c->s.course, e->chapter);
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
        exstate_load(excli_profile_dir(c), e->id, &st, &err);
        buf_fini(&err);
        status_text(&st, latest_evidence(c->s.assess_open ? &c->s.assess_log : NULL, e->id),
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
}

/* }====== */

/* {====== check ====== */

static int exercise_check(ExCli *c, const char *id, bool flag)
{
    (void)flag;
    const Exercise *ex = &c->h.ex;
    int rc;
    if (ex->kind == EXERCISE_PREDICT) {
        fprintf(stderr, "pydive: '%s' is a predict exercise: answer it with pydive exercise "
                        "show %s\n", id, id);
        return 2;
    }
    bool created;
    if (!excli_ensure_work(c, &created))
        return 1;
    if (created)
        printf("Your file: %s (a copy of the starter). Edit it, then run this again.\n",
               c->work);
    Buf src = {0}, err = {0};
    if (!file_read(c->work, WORK_FILE_MAX, &src, &err)) {
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
        buf_fini(&src);
        buf_fini(&err);
        return 1;
    }
    buf_fini(&err);
    printf("%s: %s\nGoal: %s\n", ex->id, ex->title, excli_prose(ex->goal));
    if (ex->kind == EXERCISE_SANDBOX && ex->lab) { /* a lab playground: its output */
        Lab lab;
        DiagList dl = {0};
        rc = 1;
        if (lab_open(&lab, ex->lab, buf_str(&src), src.len, c->work, 1, &dl)) {
            lab_finish(&lab);
            fputs(buf_str(&lab.out), stdout);
            fputs(buf_str(&lab.err), stderr);
            rc = lab.exit_code ? 1 : 0;
        }
        diag_print(&dl, stderr);
        diag_fini(&dl);
        lab_close(&lab);
        exstate_touch(&c->st, c->now);
        excli_save(c, false);
        buf_fini(&src);
        return rc;
    }
    if (ex->kind == EXERCISE_SANDBOX) { /* a playground: run it and show what it printed */
        SimRun run;
        Buf e = {0};
        simrun_start(&run, buf_str(&src), src.len, c->work, ex->python, &e);
        simrun_finish(&run);
        fputs(buf_str(&run.out), stdout);
        fputs(buf_str(&run.err), stderr);
        printf("Arenas: %llu at the start, %llu at the end; the collector would find %zu "
               "objects in cycles.\n",
               (unsigned long long)run.arenas_start, (unsigned long long)simrun_arenas(&run),
               simrun_cyclic_garbage(&run));
        exstate_touch(&c->st, c->now);
        excli_save(c, false);
        rc = run.exit_code ? 1 : 0;
        simrun_fini(&run);
        buf_fini(&e);
        buf_fini(&src);
        return rc;
    }
    ExCheck r;
    bool ran = exrun_check(&c->h, buf_str(&src), src.len, c->work, &r);
    buf_fini(&src);
    if (r.output.len) {
        puts("Your program printed:");
        excli_indent(buf_str(&r.output), "  | ");
    }
    if (r.error_line)
        printf("Your program stopped with an error: %s\n", r.error_line);
    if (!ran) {
        printf("The exercise's check could not run: %s\n(This is not your fault; nothing was "
               "recorded.)\n", r.message ? r.message : "?");
        excheck_fini(&r);
        return 1;
    }
    exstate_attempt(&c->st, c->now);
    bool first = false;
    if (r.passed) {
        first = !c->st.solved;
        exstate_solve(&c->st, c->now);
        printf("PASS: %s\n", r.message ? r.message : "the goal is met.");
        if (first)
            printf("Solved in %d attempt%s with %d hint%s. The reference solution: pydive "
                   "exercise solution %s\n",
                   c->st.attempts, c->st.attempts == 1 ? "" : "s", c->st.hints,
                   c->st.hints == 1 ? "" : "s", id);
    } else {
        printf("FAIL: %s\n", r.message ? r.message : "the goal is not met yet.");
        printf("Attempt %d. Stuck? pydive exercise hint %s\n", c->st.attempts, id);
    }
    bool recorded = excli_record(c);
    bool saved = excli_save(c, recorded);
    rc = r.passed && saved ? 0 : 1;
    excheck_fini(&r);
    return rc;
}

/* }====== */

/* {====== hint, reset, solution ====== */

/* flag: --next */
static int exercise_hint(ExCli *c, const char *id, bool next)
{
    const Exercise *ex = &c->h.ex;
    int n = exrun_hint_count(ex);
    if (n == 0) {
        printf("'%s' has no hints: it is a free playground.\n", id);
        return 0;
    }
    bool took = false;
    if (next || c->st.hints == 0) {
        took = c->st.hints < n;
        exstate_next_hint(&c->st, n, c->now);
    }
    static const char *const rung_name[] = {"a nudge", "the concept", "part of the answer"};
    for (int k = 1; k <= c->st.hints; k++)
        printf("Hint %d of %d (%s): %s\n", k, n, rung_name[k - 1], excli_prose(exrun_hint(ex, k)));
    if (c->st.hints >= 2)
        excli_print_read_link(ex->hint_link);
    if (c->st.hints < n)
        printf("Next rung: pydive exercise hint %s --next\n", id);
    else if (!exstate_solution_open(&c->st))
        printf("That was the last hint. The full solution opens once you solve it, or with "
               "pydive exercise solution %s --give-up (recorded as not solved).\n", id);
    if (next && !took)
        puts("(No more hints.)");
    return !took || excli_save(c, false) ? 0 : 1;
}

static int exercise_reset(ExCli *c, const char *id, bool flag)
{
    (void)flag;
    if (c->h.ex.kind == EXERCISE_PREDICT) {
        printf("'%s' is a predict exercise: there is no file to reset.\n", id);
        return 0;
    }
    Buf old = {0}, err = {0};
    bool ok = true;
    if (file_exists(c->work)) {
        size_t n = strlen(c->work) + 5;
        char *bak = xmalloc(n);
        snprintf(bak, n, "%s.bak", c->work);
        ok = file_read(c->work, WORK_FILE_MAX, &old, &err) &&
             file_write_atomic(bak, buf_str(&old), old.len, &err);
        if (ok)
            printf("Your previous file is kept as %s\n", bak);
        free(bak);
    }
    if (ok)
        ok = excli_write_file(c->work, c->h.ex.starter ? c->h.ex.starter : c->h.ex.program, &err);
    if (ok)
        printf("%s is the starter again.\n", c->work);
    else
        fprintf(stderr, "pydive: %s\n", buf_str(&err));
    buf_fini(&old);
    buf_fini(&err);
    return ok ? 0 : 1;
}

/* flag: --give-up */
static int exercise_solution(ExCli *c, const char *id, bool give_up)
{
    const Exercise *ex = &c->h.ex;
    if (!ex->solution) {
        printf("'%s' is a playground: it has no solution.\n", id);
        return 0;
    }
    const Chapter *ch = course_chapter_by_number(&c->s.course, c->h.chapter);
    const WorkshopPolicy *pol =
        workshop_policy(c->s.has_workshop ? &c->s.workshop : NULL, ch ? ch->id : "");
    if (pol->solutions != SOLUTIONS_AFTER_GIVING_UP &&
        !workshop_solution_visible(pol, c->st.solved != 0, c->st.gave_up != 0)) {
        printf("This workshop shows the solution of '%s' %s.\n", id,
               pol->solutions == SOLUTIONS_NEVER ? "to nobody: ask your instructor"
                                                 : "only once you have solved it");
        return 1;
    }
    bool saved = true;
    if (pol->solutions != SOLUTIONS_ALWAYS && !exstate_solution_open(&c->st)) {
        if (!give_up) {
            printf("The solution opens once you have solved '%s'. To see it now, give up "
                   "explicitly:\n  pydive exercise solution %s --give-up\n(That is recorded "
                   "as not solved; hints first? pydive exercise hint %s)\n", id, id, id);
            return 1;
        }
        exstate_give_up(&c->st, c->now);
        bool recorded = excli_record(c);
        saved = excli_save(c, recorded);
        puts("Recorded as not solved.");
    }
    printf("Reference solution of %s:\n\n", id);
    fputs(ex->solution, stdout);
    if (ex->solution[0] && ex->solution[strlen(ex->solution) - 1] != '\n')
        putchar('\n');
    return saved ? 0 : 1;
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
    if (strcmp(argv[1], "list") == 0)
        return exercise_list(argc - 1, argv + 1, profile);
    static const struct {
        const char *name;
        ExBody body;
        const char *flag; /* the one flag it takes, or NULL */
    } subs[] = {{"check", exercise_check, NULL},  {"hint", exercise_hint, "--next"},
                {"reset", exercise_reset, NULL},  {"show", exercise_show, NULL},
                {"solution", exercise_solution, "--give-up"}};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return on_exercise(argc - 1, argv + 1, profile, subs[i].flag, subs[i].body);
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
