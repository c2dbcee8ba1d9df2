/*
 * app_exercise: an exercise on the program screen.
 *
 *   predict  the exercise's program steps as usual; before a step's line
 *            runs, its question takes the bottom of the screen, the learner
 *            types an answer, sees the verdict and the explanation, and the
 *            program goes on so the views show what really happened;
 *   fix      the learner's file (profile/work/ID.py, the starter at first)
 *            runs on the model and the exercise's check judges it; e opens
 *            it in $VISUAL/$EDITOR and every save reruns it (watch mode);
 *   sandbox  the same screen with nothing to pass: a playground.
 * The hint ladder (H) and the solution (S, after solving or giving up) are
 * recorded, and the outcome becomes assessment evidence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fsutil.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "sim/profile.h"
#include "view/app.h"
#include "view/keys.h"
#include "view/screens.h"

static int64_t mtime_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec
                                : 0;
}

static void save_state(App *a)
{
    if (!a->profile_dir || !a->ex)
        return;
    Buf err = {0};
    if (!exstate_save(a->profile_dir, a->ex->ex.id, &a->exst, &err))
        snprintf(a->notice, sizeof a->notice, "Exercise state not saved: %s", buf_str(&err));
    buf_fini(&err);
}

/* Solved or given up: once, the outcome becomes evidence for the stage. */
static unsigned record_outcome(App *a)
{
    const Exercise *ex = &a->ex->ex;
    if (a->assess_log)
        exstate_record(&a->exst, a->assess_log, ex->id, a->now, ex->difficulty,
                       (const char *const *)ex->competencies, ex->ncompetencies);
    save_state(a);
    return REACT_SAVE_NOW | REACT_PROGRESS;
}

/* (Re)loads the learner's file into the program screen and, for a fix,
 * runs the check on it. */
static unsigned run_work_file(App *a)
{
    Buf src = {0}, err = {0};
    if (!file_read(a->ex_work, 1 << 20, &src, &err)) {
        snprintf(a->notice, sizeof a->notice, "%s", buf_str(&err));
        buf_fini(&src), buf_fini(&err);
        return REACT_REDRAW;
    }
    a->ex_mtime = mtime_of(a->ex_work);
    ScreenId back = a->back[SCREEN_PROGRAM];
    ExHandle *keep = a->ex;
    a->ex = NULL; /* app_open_program must not close the exercise */
    if (keep->ex.lab) {
        Lab *lab = app_lab_load(keep->ex.lab, a->ex_work, buf_str(&src), src.len, 1);
        app_open_lab(a, lab, false);
        lab_finish(a->lab); /* to the end: the check judges what the program left */
    } else {
        Program *prog = calloc(1, sizeof *prog);
        program_init(prog, a->ex_work, buf_str(&src), src.len, exercise_profile(&keep->ex));
        int view = a->view_sel; /* a rerun after a save keeps the view on screen */
        app_open_program(a, prog, a->views ? a->views : PROGRAM_VIEW_ALL, false);
        a->view_sel = view;
        program_run(a->prog, 2000000); /* to the end: the check judges the final heap */
    }
    a->ex = keep;
    a->back[SCREEN_PROGRAM] = back;
    unsigned r = REACT_REDRAW;
    if (a->ex->ex.kind == EXERCISE_FIX) {
        if (a->ex_checked)
            excheck_fini(&a->ex_check);
        exrun_check(a->ex, buf_str(&src), src.len, a->ex_work, &a->ex_check);
        a->ex_checked = true;
        exstate_attempt(&a->exst, a->now);
        if (a->ex_check.passed && !a->exst.solved) {
            exstate_solve(&a->exst, a->now);
            snprintf(a->notice, sizeof a->notice,
                     "Solved! S shows the reference solution; X opens the next exercise.");
            r |= record_outcome(a);
        } else {
            save_state(a);
        }
    }
    buf_fini(&src), buf_fini(&err);
    return r;
}

bool app_open_exercise(App *a, const char *id)
{
    Buf e = {0};
    const char *dir = a->course ? a->course->dir : NULL;
    ExEntry *entries = NULL;
    size_t n = dir ? exrun_index(dir, &entries) : 0;
    const ExEntry *en = exrun_index_find(entries, n, id);
    ExHandle *h = calloc(1, sizeof *h);
    DiagList dl = {0};
    if (!en || !exrun_load(h, en->path, &dl)) {
        char *first = dl.len ? diag_format(&dl.items[0]) : NULL;
        snprintf(a->notice, sizeof a->notice, "Exercise '%s' cannot be opened%s%s", id,
                 first ? ": " : "", first ? first : "");
        free(first);
        diag_fini(&dl);
        exrun_index_free(entries, n);
        free(h);
        buf_fini(&e);
        return false;
    }
    diag_fini(&dl);
    exrun_index_free(entries, n);
    ScreenId back = a->screen;
    if (a->ex) { /* one exercise at a time */
        exrun_fini(a->ex);
        free(a->ex);
    }
    a->ex = h;
    memset(&a->exst, 0, sizeof a->exst);
    if (a->profile_dir)
        exstate_load(a->profile_dir, id, &a->exst, &e);
    exstate_touch(&a->exst, a->now);
    a->ex_step = 0;
    a->ex_asking = a->ex_judged = false;
    a->ex_right = a->ex_second = a->ex_tries = 0;
    a->ex_hints = 0;
    a->ex_show_solution = a->ex_confirm_give_up = false;
    free(a->ex_work);
    a->ex_work = NULL;
    const Exercise *ex = &h->ex;
    if (ex->kind == EXERCISE_PREDICT) {
        a->ex = NULL;
        if (ex->lab) {
            app_open_lab(a, app_lab_load(ex->lab, ex->id, ex->program, strlen(ex->program), 1),
                         false);
        } else {
            Program *prog = calloc(1, sizeof *prog);
            program_init(prog, ex->id, ex->program, strlen(ex->program), exercise_profile(ex));
            app_open_program(a, prog, PROGRAM_VIEW_ALL, false);
            app_program_first_view(a, ex->view);
        }
        a->ex = h;
    } else {
        /* Fix and sandbox: the learner's own copy, made once from the starter. */
        char name[128];
        snprintf(name, sizeof name, "work/%s.%s", ex->id, ex->lab ? ex->lab->ext : "py");
        a->ex_work = a->profile_dir ? path_join(a->profile_dir, name) : xstrdup("/tmp/pydive.py");
        if (!file_exists(a->ex_work)) {
            char *wdir = a->profile_dir ? path_join(a->profile_dir, "work") : xstrdup("/tmp");
            dir_make(wdir, &e);
            free(wdir);
            const char *start = ex->starter ? ex->starter : ex->program ? ex->program : "";
            file_write_atomic(a->ex_work, start, strlen(start), &e);
        }
        a->back[SCREEN_PROGRAM] = back;
        a->views = PROGRAM_VIEW_ALL;
        a->view_sel = 0;
        run_work_file(a);
        /* The check judged the end; the learner starts at the first line and
         * steps to it (a rerun after a save stays at the end). */
        if (a->lab && a->lab->st) {
            lab_seek(a->lab, 0);
        } else if (a->prog) {
            program_seek(a->prog, 0);
            app_program_first_view(a, ex->view);
        }
    }
    a->back[SCREEN_PROGRAM] = back;
    save_state(a);
    app_exercise_offer(a); /* a question on the first line asks at once */
    buf_fini(&e);
    return true;
}

void app_close_exercise(App *a)
{
    if (!a->ex)
        return;
    save_state(a);
    exrun_fini(a->ex);
    free(a->ex);
    a->ex = NULL;
    if (a->ex_checked)
        excheck_fini(&a->ex_check);
    a->ex_checked = false;
    free(a->ex_work);
    a->ex_work = NULL;
}

/* ---- predict: questions before their lines run ------------------------------- */

/* True when the next statement is a step's line and that step is unanswered:
 * the question opens (called before every step). */
bool app_exercise_holds_step(App *a)
{
    if (!a->ex || a->ex->ex.kind != EXERCISE_PREDICT || a->ex_step >= a->ex->ex.nsteps)
        return false;
    if (app_current_line(a) == a->ex->ex.steps[a->ex_step].at) {
        if (!a->ex_asking) {
            a->input[0] = a->input_err[0] = '\0';
            a->ex_pane_top = 0;
        }
        a->ex_asking = true;
        return true;
    }
    return false;
}

/* After any key on the program screen: a question whose line is next opens
 * at once, before the learner steps. */
void app_exercise_offer(App *a)
{
    if (a->screen == SCREEN_PROGRAM && a->ex && !a->ex_asking && !a->running)
        app_exercise_holds_step(a);
}

static AnswerResult result_of(ExVerdict v)
{
    return v == EX_RIGHT ? RESULT_CORRECT : v == EX_PARTIAL ? RESULT_PARTIAL : RESULT_WRONG;
}

/* Judges the typed answer.  Each answer is evidence as it is; a first answer
 * that is not right gets a second try before the answer shows. */
static unsigned answer(App *a)
{
    const Exercise *ex = &a->ex->ex;
    const ExerciseStep *st = &ex->steps[a->ex_step];
    ExAnswer ans;
    Buf err = {0};
    if (!exrun_parse_answer(st, a->input, &ans, &err)) {
        snprintf(a->input_err, sizeof a->input_err, "%s", buf_str(&err));
        buf_fini(&err);
        return REACT_REDRAW;
    }
    buf_fini(&err);
    size_t in_place = 0;
    ExVerdict v = exrun_judge(st, &ans, &in_place);
    exstate_record_answer(a->assess_log, ex->id, a->ex_step + 1, a->now, result_of(v),
                          ex->difficulty, (const char *const *)ex->competencies,
                          ex->ncompetencies);
    exstate_touch(&a->exst, a->now);
    if (v != EX_RIGHT && a->ex_tries == 0) {
        a->ex_tries = 1;
        snprintf(a->input_err, sizeof a->input_err, "%s: one more try (the second counts too), "
                 "then the answer shows.", v == EX_PARTIAL ? "Partly right" : "Not right");
        a->input[0] = '\0';
        return REACT_REDRAW | REACT_SAVE_NOW;
    }
    a->ex_verdict = v;
    a->ex_right += v == EX_RIGHT;
    a->ex_second += v == EX_RIGHT && a->ex_tries > 0;
    a->ex_tries++;
    a->ex_judged = true;
    a->ex_pane_top = 0; /* the verdict and the explanation, from their first line */
    return REACT_REDRAW | REACT_SAVE_NOW;
}

/* The last question answered: the pass is scored and, the first time, kept
 * as the exercise's evidence. */
static unsigned end_pass(App *a)
{
    const Exercise *ex = &a->ex->ex;
    bool was_solved = a->exst.solved != 0;
    exstate_pass(&a->exst, a->assess_log, ex->id, a->ex_right, (int)ex->nsteps, a->now,
                 ex->difficulty, (const char *const *)ex->competencies, ex->ncompetencies);
    char second[64] = "";
    if (a->ex_second)
        snprintf(second, sizeof second, " (%d at the second try)", a->ex_second);
    snprintf(a->notice, sizeof a->notice, "%d of %zu right%s.%s", a->ex_right, ex->nsteps,
             second, (size_t)a->ex_right == ex->nsteps
                         ? (was_solved ? "" : " Solved.")
                         : " Not solved yet: g starts a new pass.");
    save_state(a);
    return REACT_SAVE_NOW | REACT_PROGRESS;
}

/* A new pass from the first question (g on a predict exercise). */
void app_exercise_restart(App *a)
{
    if (!a->ex || a->ex->ex.kind != EXERCISE_PREDICT)
        return;
    a->ex_step = 0;
    a->ex_right = a->ex_second = a->ex_tries = 0;
    a->ex_asking = a->ex_judged = false;
}

/* Keys while a question is open.  Esc leaves the exercise, as Esc does
 * everywhere on this screen and as the pane's key bar says (the answers
 * given so far are kept); less's keys scroll a body taller than the pane;
 * once judged, any other key goes on with the program. */
unsigned app_exercise_input(App *a, int key)
{
    if (key == KEY_ESCAPE) {
        a->ex_asking = a->ex_judged = false;
        a->ex_tries = 0;
        a->pool_open = false; /* not a step back to the map: out of the exercise */
        return app_program_key(a, ACT_BACK);
    }
    if (app_exercise_pane_scroll(a, key))
        return REACT_REDRAW;
    if (a->ex_judged) { /* any key: on with the program */
        if (key == '?')
            return REACT_NONE;
        a->ex_asking = a->ex_judged = false;
        a->ex_tries = 0;
        a->ex_step++;
        unsigned r = REACT_REDRAW;
        if (a->ex_step >= a->ex->ex.nsteps)
            r |= end_pass(a);
        return r | app_program_key(a, ACT_STEP); /* the line the question was about runs */
    }
    size_t len = strlen(a->input);
    if (key == 'H') /* no answer holds a capital letter: the hint ladder stays one key away */
        return app_exercise_key(a, ACT_HINT);
    if (key == KEY_RETURN)
        return answer(a);
    if (key == KEY_BACKSPACE_KEY) {
        while (len > 0 && ((unsigned char)a->input[len - 1] & 0xC0) == 0x80)
            len--;
        if (len > 0)
            a->input[len - 1] = '\0';
    } else if (key >= ' ' && key < KEY_SPECIAL && len + 4 < sizeof a->input) {
        len += utf8_encode((uint32_t)key, a->input + len);
        a->input[len] = '\0';
    }
    return REACT_REDRAW;
}

/* ---- keys and watch mode --------------------------------------------------------- */

unsigned app_exercise_key(App *a, KeyAction act)
{
    const Exercise *ex = &a->ex->ex;
    bool has_file = a->ex_work != NULL;
    switch (act) {
    case ACT_EDIT:
        if (!has_file)
            return REACT_NONE;
        return REACT_EDIT | REACT_REDRAW;
    case ACT_CHECK:
        return has_file ? run_work_file(a) : REACT_NONE;
    case ACT_HINT: {
        int n = exrun_hint_count(ex);
        if (n == 0) {
            snprintf(a->notice, sizeof a->notice, "This exercise has no hints: explore freely.");
            return REACT_REDRAW;
        }
        if (a->ex_hints < n) {
            a->ex_hints++;
            if (a->ex_hints > a->exst.hints)
                exstate_next_hint(&a->exst, n, a->now);
            save_state(a);
        }
        return REACT_REDRAW;
    }
    case ACT_SOLUTION:
        if (!ex->solution)
            return REACT_NONE;
        if (!exstate_solution_open(&a->exst)) {
            if (!a->ex_confirm_give_up) {
                a->ex_confirm_give_up = true;
                snprintf(a->notice, sizeof a->notice,
                         "The solution shows after solving. Press S again to give up and see it.");
                return REACT_REDRAW;
            }
            exstate_give_up(&a->exst, a->now);
            a->ex_show_solution = true;
            return REACT_REDRAW | record_outcome(a);
        }
        a->ex_show_solution = !a->ex_show_solution;
        return REACT_REDRAW;
    default: return REACT_NONE;
    }
}

/* Watch mode: a saved file reruns, as rustlings' watch does. */
unsigned app_exercise_idle(App *a)
{
    if (!a->ex || !a->ex_work || a->screen != SCREEN_PROGRAM)
        return REACT_NONE;
    int64_t m = mtime_of(a->ex_work);
    if (m != a->ex_mtime) {
        snprintf(a->notice, sizeof a->notice, "Saved: ran it again.");
        return run_work_file(a);
    }
    return REACT_NONE;
}

void app_open_editor(App *a)
{
    if (!a->ex_work)
        return;
    Editor *e = calloc(1, sizeof *e);
    Buf err = {0};
    if (!e || !editor_open(e, a->ex_work, &err)) {
        snprintf(a->notice, sizeof a->notice, "Cannot edit %s: %s", a->ex_work, buf_str(&err));
        free(e);
        buf_fini(&err);
        return;
    }
    buf_fini(&err);
    a->editor = e;
    a->screen = SCREEN_EDITOR;
}

unsigned app_editor_key(App *a, int key)
{
    if (!editor_key(a->editor, key, a->h - 2))
        return REACT_REDRAW;
    editor_fini(a->editor);
    free(a->editor);
    a->editor = NULL;
    a->screen = SCREEN_PROGRAM; /* watch mode sees the saved file on the next tick */
    return REACT_REDRAW;
}
