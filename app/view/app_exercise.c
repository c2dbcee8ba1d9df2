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
        program_init(prog, a->ex_work, buf_str(&src), src.len, sim_profile_default());
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
    a->ex_quiet = false;
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
            program_init(prog, ex->id, ex->program, strlen(ex->program), sim_profile_default());
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
    a->ex_quiet = false;
    if (app_current_line(a) == a->ex->ex.steps[a->ex_step].at) {
        if (!a->ex_asking)
            a->input[0] = a->input_err[0] = '\0';
        a->ex_asking = true;
        return true;
    }
    return false;
}

/* After any key on the program screen: a question whose line is next opens
 * at once, before the learner steps (unless Esc put it aside). */
void app_exercise_offer(App *a)
{
    if (a->screen == SCREEN_PROGRAM && a->ex && !a->ex_asking && !a->ex_quiet && !a->running)
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

unsigned app_exercise_input(App *a, int key)
{
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
    if (key == KEY_ESCAPE) {
        a->ex_asking = false; /* back to the program; the question waits on its line */
        a->ex_quiet = true;
        return REACT_REDRAW;
    }
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

/* ---- drawing: the exercise's pane at the bottom of the program screen ---------- */

static int pane_line(Canvas *cv, int y, int x, const char *text, Role role, int maxy)
{
    Doc d = {0};
    doc_add_prose(&d, text, cv->w - x - 1, 0, cv->ascii);
    for (size_t i = 0; i < d.n && y < maxy; i++, y++) {
        canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_NORMAL);
        canvas_styled(cv, x, y, cv->w - x - 1, d.lines[i].text, d.lines[i].len, d.lines[i].roles);
        if (role != ROLE_NORMAL)
            canvas_paint_row(cv, y, x, cv->w - 1, role);
    }
    doc_fini(&d);
    return y;
}

/* What the pane shows under its title when no question is open: the goal,
 * the last check, the newest hint, the solution or where it is, the file. */
typedef struct PaneItem {
    char text[1200];
    Role role;
} PaneItem;
#define PANE_ITEMS 6

static int pane_items(const App *a, PaneItem *it)
{
    const Exercise *ex = &a->ex->ex;
    int n = 0;
    snprintf(it[n].text, sizeof it[n].text, "%s", ex->goal);
    it[n++].role = ROLE_NORMAL;
    if (ex->kind == EXERCISE_FIX && a->ex_checked) {
        const char *why = a->ex_check.message ? a->ex_check.message
                          : a->ex_check.error_line ? a->ex_check.error_line : "";
        snprintf(it[n].text, sizeof it[n].text, "%s %s",
                 a->ex_check.passed ? "Check: passed." : "Check: not yet.", why);
        char *w = it[n].text + strlen(a->ex_check.passed ? "Check: passed. " : "Check: not yet. ");
        if (*w >= 'a' && *w <= 'z') /* the check's sentence starts a sentence here */
            *w = (char)(*w - 'a' + 'A');
        it[n++].role = a->ex_check.passed ? ROLE_DONE : ROLE_WARNING;
    }
    int nh = exrun_hint_count(ex);
    if (a->ex_hints > 0 && !a->ex_show_solution) { /* the newest rung, whole */
        snprintf(it[n].text, sizeof it[n].text, "Hint %d of %d%s: %s", a->ex_hints, nh,
                 a->ex_hints < nh ? " (H: the next)" : "", exrun_hint(ex, a->ex_hints));
        it[n++].role = ROLE_NOTE;
    }
    if (a->ex_show_solution && ex->solution) {
        if (ex->kind == EXERCISE_PREDICT)
            snprintf(it[n].text, sizeof it[n].text, "Solution: %s", ex->solution);
        else
            snprintf(it[n].text, sizeof it[n].text, "The solution is on the right, beside your "
                     "file (S hides it; also: pydive exercise solution %s).", ex->id);
        it[n++].role = ROLE_STRONG;
    }
    if (a->ex_work) {
        snprintf(it[n].text, sizeof it[n].text, "Your file: %s  (e edits it; every save reruns it)",
                 a->ex_work);
        it[n++].role = ROLE_SUBTLE;
    }
    return n;
}

static int prose_rows(const char *text, int width, bool ascii)
{
    Doc d = {0};
    doc_add_prose(&d, text, width, 0, ascii);
    int n = (int)d.n;
    doc_fini(&d);
    return n;
}

int app_exercise_pane_height(const App *a)
{
    if (!a->ex)
        return 0;
    if (a->ex_asking) { /* the question whole, its choices and the answer line */
        const ExerciseStep *st = &a->ex->ex.steps[a->ex_step];
        int rows = 2 + prose_rows(st->ask, a->w - 2, a->ascii) + 2;
        for (size_t i = 0; i < st->nchoices && !a->ex_judged; i++) {
            char c[512];
            snprintf(c, sizeof c, "%zu. %s", i + 1, st->choices[i]);
            rows += prose_rows(c, a->w - 4, a->ascii);
        }
        if (a->ex_judged)
            rows += 1 + prose_rows(st->explain, a->w - 2, a->ascii);
        else if (a->ex_hints > 0)
            rows += prose_rows(exrun_hint(&a->ex->ex, a->ex_hints), a->w - 16, a->ascii);
        int most = a->h - 5 > 6 ? a->h - 5 : 6; /* the program keeps a few rows */
        return rows > most ? most : rows < 8 ? 8 : rows;
    }
    PaneItem it[PANE_ITEMS];
    int n = pane_items(a, it), rows = 2; /* the title row and the key bar's row */
    for (int i = 0; i < n; i++)
        rows += prose_rows(it[i].text, a->w - 2, a->ascii);
    int most = a->h / 2 > 4 ? a->h / 2 : 4;
    return rows < 4 ? 4 : rows > most ? most : rows;
}

void app_exercise_draw_pane(App *a, Canvas *cv, int top)
{
    const Exercise *ex = &a->ex->ex;
    int bottom = cv->h - 1, y = top;
    canvas_fill(cv, (Rect){0, top, cv->w, bottom - top}, ' ', ROLE_NORMAL);
    for (int x = 0; x < cv->w; x++)
        canvas_put(cv, x, y, glyph(cv->ascii, GLYPH_HLINE), ROLE_SUBTLE);
    char head[256];
    static const char *const kinds[] = {"Predict", "Fix it", "Sandbox"};
    snprintf(head, sizeof head, " %s: %s %s", kinds[ex->kind], ex->title,
             a->exst.solved ? (cv->ascii ? "[solved]" : "\xe2\x9c\x93 solved") : "");
    canvas_text_fit(cv, 1, y++, cv->w - 2, head, ROLE_HEADING);
    if (a->ex_asking) {
        const ExerciseStep *st = &ex->steps[a->ex_step];
        char q[96];
        snprintf(q, sizeof q, "Question %zu of %zu (before line %d runs)%s", a->ex_step + 1,
                 ex->nsteps, st->at,
                 a->ex_tries == 1 && !a->ex_judged ? ": second try" : "");
        canvas_text_fit(cv, 1, y++, cv->w - 2, q, ROLE_SUBTLE);
        y = pane_line(cv, y, 1, st->ask, ROLE_NORMAL, bottom);
        /* once judged, the verdict names the answer: the room goes to the why */
        for (size_t i = 0; i < st->nchoices && y < bottom - 2 && !a->ex_judged; i++) {
            char c[512];
            snprintf(c, sizeof c, "%zu. %s", i + 1, st->choices[i]);
            y = pane_line(cv, y, 3, c, ROLE_NORMAL, bottom - 2);
        }
        if (a->ex_judged) {
            Buf right = {0}, msg = {0};
            exrun_answer_text(st, &right);
            bool second = a->ex_tries > 1;
            buf_printf(&msg, "%s Answer: %s",
                       a->ex_verdict == EX_RIGHT ? (second ? "Right at the second try." : "Right.")
                       : a->ex_verdict == EX_PARTIAL ? "Partly right, twice."
                                                     : "Not right, twice.",
                       buf_str(&right));
            y = pane_line(cv, y, 1, buf_str(&msg), a->ex_verdict == EX_RIGHT ? ROLE_DONE : ROLE_WARNING,
                          bottom);
            y = pane_line(cv, y, 1, st->explain, ROLE_NORMAL, bottom);
            buf_fini(&right), buf_fini(&msg);
            canvas_fill(cv, (Rect){0, bottom, cv->w, 1}, ' ', ROLE_STATUS);
            canvas_text_fit(cv, 1, bottom, cv->w - 2, "Any key: the program goes on, and the views "
                            "show what really happened", ROLE_STATUS);
            return;
        }
        if (a->ex_hints > 0) { /* H while asking: the newest rung, above the answer */
            char h[700];
            snprintf(h, sizeof h, "Hint %d of %d: %s", a->ex_hints, exrun_hint_count(ex),
                     exrun_hint(ex, a->ex_hints));
            pane_line(cv, y, 1, h, ROLE_NOTE, bottom - 1);
        }
        int x = 1 + canvas_text(cv, 1, bottom - 1, cv->w - 2, "Your answer: ", ROLE_STRONG);
        x += canvas_text(cv, x, bottom - 1, cv->w - x - 1, a->input, ROLE_NORMAL);
        canvas_put(cv, x, bottom - 1, '_', ROLE_KEY);
        canvas_fill(cv, (Rect){0, bottom, cv->w, 1}, ' ', ROLE_STATUS);
        canvas_text_fit(cv, 1, bottom, cv->w - 2,
                        a->input_err[0] ? a->input_err : exrun_how_to_answer(st), ROLE_STATUS);
        return;
    }
    PaneItem it[PANE_ITEMS];
    int n = pane_items(a, it);
    for (int i = 0; i < n && y < bottom; i++)
        y = pane_line(cv, y, 1, it[i].text, it[i].role, bottom);
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
