/*
 * cmd_exercise_show: `pydive exercise show ID` — an exercise as plain text.
 * A predict exercise runs on the model (or its lab) one stop at a time,
 * asking on stdin before each stop and judging the answer; a fix-it or a
 * sandbox shows its program and makes the learner's work file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "cli/excli.h"
#include "script/api_sim.h"

/* Asks until the answer parses; false when the learner quits or input ends. */
static bool ask_step(const ExerciseStep *st, Buf *line, ExAnswer *a)
{
    Buf err = {0};
    bool ok = false;
    for (;;) {
        printf("Your answer (%s; q to stop): ", exrun_how_to_answer(st));
        fflush(stdout);
        if (!cli_read_line(line) || strcmp(buf_str(line), "q") == 0)
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
        return simrun_start(&sp->run, ex->program, strlen(ex->program), ex->id, ex->python, err);
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
    excli_print_program(ex->program);
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
        printf("\n%s\n", excli_prose(st->ask));
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
            excli_indent(buf_str(out) + shown_out, "  | ");
            shown_out = out->len;
        }
        if (!sp.cls) {
            uint64_t now_arenas = simrun_arenas(&sp.run);
            printf("The model now: %llu arena%s mapped (%s%lld since the last stop).\n",
                   (unsigned long long)now_arenas, now_arenas == 1 ? "" : "s",
                   now_arenas >= arenas ? "+" : "", (long long)now_arenas - (long long)arenas);
            arenas = now_arenas;
        }
        printf("Why: %s\n", excli_prose(st->explain));
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
    excli_print_read_link(ex->hint_link);
    /* the answers of a full pass are evidence, whichever pass it was */
    return excli_save(c, recorded || c->s.assess_open) ? 0 : 1;
}

int exercise_show(ExCli *c, const char *id, bool flag)
{
    (void)flag;
    const Exercise *ex = &c->h.ex;
    int rc = 0;
    static const char *const kind_text[] = {"Predict, then observe", "Fix it", "Sandbox"};
    printf("%s: %s\n%s. Difficulty %d of 5.\nGoal: %s\n\n", ex->id, ex->title,
           kind_text[ex->kind], ex->difficulty, excli_prose(ex->goal));
    if (ex->kind == EXERCISE_PREDICT) {
        rc = show_predict(c);
    } else {
        puts(ex->kind == EXERCISE_FIX ? "The starter program:\n" : "The program:\n");
        excli_print_program(ex->kind == EXERCISE_FIX ? ex->starter : ex->program);
        bool created = false;
        if (!excli_ensure_work(c, &created))
            rc = 1;
        else
            printf("\nYour file: %s\nCheck it with: pydive exercise check %s\n", c->work, id);
        exstate_touch(&c->st, c->now);
        excli_save(c, false);
    }
    return rc;
}
