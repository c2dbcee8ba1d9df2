/*
 * cmd_assess: `pydive assess [--chapter N]` and `pydive review` — quizzes in
 * plain text on stdin and stdout, with no curses, so a screen reader or a
 * script can take them.  One question at a time: the prompt, numbered
 * choices, one line of answer, then right or wrong with the explanation and
 * its sources.  The record is saved after every answer, so quitting (q, end
 * of input, or a kill) keeps what was answered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/assess_cli.h"
#include "view/styled.h"
#include "cli/cli.h"
#include "learner/mastery.h"
#include "learner/quiz.h"
#include "learner/review.h"
#include "view/predict.h"

static const char *how_to_answer(const Item *it)
{
    switch (it->kind) {
    case ITEM_SINGLE: return "the number of one choice";
    case ITEM_MULTIPLE: return "every right choice, numbers separated by spaces";
    case ITEM_ORDERING: return "all the numbers, in the right order";
    case ITEM_NUMERIC: return "a number";
    default: return "the output, with \\n between lines";
    }
}

static void show_item(const AssessContent *c, const Item *it, int n, const Quiz *q)
{
    printf("\nQuestion %d of %s%zu  [", n, q->mode == QUIZ_STAGE ? "up to " : "", q->planned);
    for (size_t k = 0; k < it->ncompetencies; k++)
        printf("%s%s", k ? ", " : "", c->competencies[it->competencies[k]].title);
    printf("; difficulty %d]\n%s\n", it->difficulty, it->prompt);
    if (it->program)
        printf("\n%s\n", it->program);
    for (size_t i = 0; i < it->nchoices; i++)
        printf("  %zu) %s\n", i + 1, it->choices[i]);
}

/* Turns "\n" typed in a predict answer into line breaks (in place). */
static void unescape(Buf *b)
{
    size_t w = 0;
    for (size_t r = 0; r < b->len; r++, w++) {
        if (b->data[r] == '\\' && r + 1 < b->len && b->data[r + 1] == 'n') {
            b->data[w] = '\n';
            r++;
        } else {
            b->data[w] = b->data[r];
        }
    }
    b->len = w;
    if (b->data)
        b->data[w] = '\0';
}

static void show_result(const Item *it, const Score *s)
{
    Buf ans = {0};
    quiz_answer_text(it, &ans);
    if (s->result == RESULT_CORRECT)
        puts("Right.");
    else if (s->result == RESULT_PARTIAL)
        printf("Partly right: %zu of %zu in the right place. The order is %s.\n", s->in_place,
               s->total, buf_str(&ans));
    else if (it->kind == ITEM_PREDICT)
        printf("Not quite. The simulator prints:\n%s\n", s->expected ? s->expected : "");
    else
        printf("Not quite. The answer is %s.\n", buf_str(&ans));
    printf("Why: %s\n", it->explanation);
    for (size_t i = 0; i < it->nsources; i++) {
        char shown[512];
        source_shown(it->sources[i], shown, sizeof shown); /* cites only what ships */
        if (shown[0])
            printf("Source: %s\n", shown);
    }
    buf_fini(&ans);
}

/* Asks until the answer parses; false when the learner quits or input ends. */
static bool ask(const Item *it, Buf *line, Response *r)
{
    Buf err = {0};
    bool ok = false;
    for (;;) {
        printf("Your answer (%s; q to stop): ", how_to_answer(it));
        fflush(stdout);
        if (!cli_read_line(line) || strcmp(buf_str(line), "q") == 0)
            break;
        if (it->kind == ITEM_PREDICT)
            unescape(line);
        if (quiz_parse_response(it, buf_str(line), r, &err)) {
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

static void print_summary(AssessCli *a, const Quiz *q)
{
    printf("\nYou answered %d question%s, %d right.\n", q->answered,
           q->answered == 1 ? "" : "s", q->correct);
    StageReport rep;
    mastery_report(&a->content, &a->log, a->now, &rep);
    for (size_t i = 0; i < rep.n; i++) {
        const CompetencyEstimate *e = &rep.comps[i];
        if (e->stage < 0)
            continue;
        char how[160];
        mastery_describe(e, how, sizeof how);
        printf("  %-42s %-18s %s\n", a->content.competencies[i].title,
               a->content.stages[e->stage].name, how);
    }
    stage_report_fini(&rep);
    size_t *due;
    size_t ndue = review_due(&a->log, &a->content, a->today + 1, &due);
    free(due);
    if (ndue > 0)
        printf("%zu missed item%s come%s back for review from tomorrow: pydive review\n", ndue,
               ndue == 1 ? "" : "s", ndue == 1 ? "s" : "");
    puts("Your stages and what would move you up: pydive stage");
}

/* Runs a started quiz to the end on stdin/stdout; returns the exit status. */
static int run_quiz(AssessCli *a, Quiz *q)
{
    Buf line = {0};
    int n = 0;
    bool saved = true;
    const Item *it;
    while ((it = quiz_next(q)) != NULL) {
        show_item(&a->content, it, ++n, q);
        Response r;
        if (!ask(it, &line, &r))
            break;
        Score s;
        assess_cli_tick(a);
        quiz_answer(q, &a->log, &r, a->now, &s);
        saved = assess_cli_save(a) && saved; /* before the verdict: what is shown is kept */
        show_result(it, &s);
        score_fini(&s);
    }
    buf_fini(&line);
    if (q->skipped_predict > 0)
        printf("\n(%zu predict-the-output item%s left out: they need the simulator.)\n",
               q->skipped_predict, q->skipped_predict == 1 ? " was" : "s were");
    assess_cli_tick(a);
    if (!quiz_finish(q, &a->log, a->now)) {
        puts("\nNo question answered; nothing recorded.");
        return 0;
    }
    saved = assess_cli_save(a) && saved;
    print_summary(a, q);
    return saved ? 0 : 1;
}

int cmd_assess(int argc, char **argv)
{
    const char *chapter = NULL;
    if (cli_take_option(&argc, argv, "--chapter", &chapter) < 0)
        return 2;
    AssessCli a;
    int rc = assess_cli_open(&a, &argc, argv, true);
    if (rc == 0)
        rc = assess_cli_no_more_args(argc, argv);
    if (rc != 0) {
        assess_cli_close(&a);
        return rc;
    }
    long n = 0;
    if (chapter) {
        char *end;
        n = strtol(chapter, &end, 10);
        bool known = *end == '\0' && *chapter != '\0';
        size_t count = 0;
        for (size_t i = 0; known && i < a.content.nitems; i++)
            count += a.content.items[i].chapter == n;
        if (!known || count == 0) {
            fprintf(stderr, "pydive: no assessment items for chapter '%s' (chapters 1-7)\n",
                    chapter);
            assess_cli_close(&a);
            return 2;
        }
    }
    if (a.store.read_only)
        fputs("pydive: this profile is read-only here; your answers will not be saved\n",
              stderr);
    Quiz q;
    quiz_start(&q, &a.content, &a.log, chapter ? QUIZ_CHAPTER : QUIZ_STAGE, (int)n, a.now,
               a.today, predict_output, NULL);
    if (chapter)
        printf("Chapter %ld check: %zu questions.\n", n, q.planned);
    else
        printf("Stage assessment across %zu competencies: up to %zu questions, harder after "
               "a right answer, easier after a wrong one.\n",
               a.content.ncompetencies, q.planned);
    puts("Type your answer and press Enter; q stops (what you answered is kept).");
    rc = run_quiz(&a, &q);
    quiz_fini(&q);
    assess_cli_close(&a);
    return rc;
}

int cmd_review(int argc, char **argv)
{
    AssessCli a;
    int rc = assess_cli_open(&a, &argc, argv, true);
    if (rc == 0)
        rc = assess_cli_no_more_args(argc, argv);
    if (rc != 0) {
        assess_cli_close(&a);
        return rc;
    }
    Quiz q;
    quiz_start(&q, &a.content, &a.log, QUIZ_REVIEW, 0, a.now, a.today, predict_output, NULL);
    if (q.nqueue == 0) {
        int64_t next = review_next_day(&a.log, a.today);
        char date[32];
        if (next < 0) {
            puts("Nothing to review: no missed items are waiting.");
        } else {
            assess_cli_date(next, date, sizeof date);
            printf("Nothing to review today. The next review is on %s.\n", date);
        }
        quiz_fini(&q);
        assess_cli_close(&a);
        return 0;
    }
    printf("Review: %zu item%s due today (spaced with SM-2).\n", q.nqueue,
           q.nqueue == 1 ? "" : "s");
    puts("Type your answer and press Enter; q stops (what you answered is kept).");
    rc = run_quiz(&a, &q);
    quiz_fini(&q);
    assess_cli_close(&a);
    return rc;
}
