/*
 * app_assess: what keys do on the skill-stage dashboard and in a quiz.
 *
 * A quiz runs one item at a time through learner/quiz.h: the learner types
 * an answer on one line (choice numbers, a number, or the predicted output)
 * exactly as `pydive assess` reads it, so the screen and the plain prompts
 * score the same way.  Every answer is recorded at once and asks for a save.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/utf8.h"
#include "learner/review.h"
#include "view/app.h"
#include "view/predict.h"
#include "view/keys.h"
#include "view/screens.h"

void app_set_assessments(App *a, const AssessContent *c, AssessLog *log, const char *error)
{
    a->assess = c;
    a->assess_log = log;
    snprintf(a->assess_error, sizeof a->assess_error, "%s", error ? error : "");
}

void app_tick(App *a, int64_t now)
{
    a->now = now;
    a->today = assess_day(now, clock_utc_offset(now));
}

static void clear_input(App *a)
{
    a->input[0] = '\0';
    a->input_err[0] = '\0';
}

unsigned app_start_quiz(App *a, QuizMode mode, int chapter)
{
    if (!a->assess || !a->assess_log) {
        snprintf(a->notice, sizeof a->notice, "Assessments are unavailable: %s",
                 a->assess_error[0] ? a->assess_error : "not loaded");
        return REACT_REDRAW;
    }
    if (a->quiz_on)
        quiz_fini(&a->quiz);
    quiz_start(&a->quiz, a->assess, a->assess_log, mode, chapter, a->now, a->today,
               predict_output, NULL);
    const Item *first = quiz_next(&a->quiz);
    if (!first) {
        quiz_fini(&a->quiz);
        if (mode == QUIZ_REVIEW) {
            int64_t next = review_next_day(a->assess_log, a->today);
            if (next > 0)
                snprintf(a->notice, sizeof a->notice,
                         "Nothing to review today; the next review is in %lld day(s).",
                         (long long)(next - a->today));
            else
                snprintf(a->notice, sizeof a->notice,
                         "Nothing to review: missed items come back here on a spaced schedule.");
        } else {
            snprintf(a->notice, sizeof a->notice, "No items to ask here yet.");
        }
        return REACT_REDRAW;
    }
    if (a->screen != SCREEN_QUIZ)
        a->back[SCREEN_QUIZ] = a->screen;
    a->screen = SCREEN_QUIZ;
    a->quiz_on = true;
    a->quiz_done = false;
    a->quiz_shown = false;
    clear_input(a);
    return REACT_REDRAW;
}

/* Ends the session: records it in the history (when anything was answered). */
static unsigned finish_quiz(App *a)
{
    if (!a->quiz_on)
        return REACT_NONE;
    if (a->quiz_shown)
        score_fini(&a->score);
    a->quiz_shown = false;
    bool recorded = quiz_finish(&a->quiz, a->assess_log, a->now);
    a->quiz_done = true;
    return REACT_REDRAW | (recorded ? REACT_SAVE_NOW | REACT_PROGRESS : 0);
}

static unsigned submit(App *a)
{
    const Item *it = a->quiz.current;
    if (!it)
        return REACT_NONE;
    Response r = {0};
    Buf err = {0};
    if (!quiz_parse_response(it, a->input, &r, &err)) {
        snprintf(a->input_err, sizeof a->input_err, "%s", buf_str(&err));
        buf_fini(&err);
        return REACT_REDRAW;
    }
    buf_fini(&err);
    quiz_answer(&a->quiz, a->assess_log, &r, a->now, &a->score);
    a->shown_item = it; /* quiz_answer moves past the item */
    a->quiz_shown = true;
    a->input_err[0] = '\0';
    return REACT_REDRAW | REACT_SAVE_NOW | REACT_PROGRESS;
}

static unsigned next_item(App *a)
{
    score_fini(&a->score);
    a->quiz_shown = false;
    clear_input(a);
    if (!quiz_next(&a->quiz))
        return finish_quiz(a);
    return REACT_REDRAW;
}

/* Typing an answer: the line editor owns every key but Enter and Esc. */
static unsigned input_key(App *a, int key)
{
    size_t len = strlen(a->input);
    if (key == KEY_RETURN)
        return submit(a);
    if (key == KEY_BACKSPACE_KEY) {
        while (len > 0 && ((unsigned char)a->input[len - 1] & 0xC0) == 0x80)
            len--;
        if (len > 0)
            len--;
        a->input[len] = '\0';
    } else if (key >= ' ' && key < KEY_SPECIAL && key != 127) {
        char enc[4];
        size_t n = utf8_encode((uint32_t)key, enc);
        if (len + n < sizeof a->input) {
            memcpy(a->input + len, enc, n);
            a->input[len + n] = '\0';
        }
    }
    a->input_err[0] = '\0';
    return REACT_REDRAW;
}

unsigned app_quiz_key(App *a, int key)
{
    if (a->quiz_done) { /* the summary: any key goes back */
        if (key == '?')
            return REACT_NONE;
        quiz_fini(&a->quiz);
        a->quiz_on = a->quiz_done = false;
        app_back(a);
        return REACT_REDRAW;
    }
    if (key == KEY_ESCAPE)
        return finish_quiz(a);
    if (!a->quiz_shown)
        return input_key(a, key);
    KeyAction act = keys_lookup(key, ON_QUIZ);
    if (act == ACT_OPEN || act == ACT_DOWN)
        return next_item(a);
    if (act == ACT_HELP) {
        a->back[SCREEN_HELP] = SCREEN_QUIZ;
        a->screen = SCREEN_HELP;
        a->help_top = 0;
        return REACT_REDRAW;
    }
    return REACT_NONE;
}

/* ---- the dashboard --------------------------------------------------------- */

static unsigned cycle_track(App *a)
{
    if (!a->assess || a->assess->ntracks == 0)
        return REACT_NONE;
    size_t next = 0;
    for (size_t i = 0; i < a->assess->ntracks; i++)
        if (a->assess_log->track && strcmp(a->assess->tracks[i].id, a->assess_log->track) == 0)
            next = (i + 1) % a->assess->ntracks;
    assess_log_set_track(a->assess_log, a->assess->tracks[next].id);
    snprintf(a->notice, sizeof a->notice, "Goal: %s (press t again for the next one)",
             a->assess->tracks[next].title);
    return REACT_REDRAW | REACT_SAVE_NOW | REACT_PROGRESS;
}

unsigned app_rate_yourself(App *a, const char *line)
{
    int area = 0, rating = 0;
    char extra;
    size_t n = a->assess ? a->assess->ncompetencies : 0;
    if (sscanf(line, "%d %d %c", &area, &rating, &extra) != 2 || area < 1 || (size_t)area > n ||
        rating < 1 || rating > 5) {
        snprintf(a->notice, sizeof a->notice,
                 "Type an area number (1-%zu) and a rating 1-5, like: 2 4", n);
        return REACT_REDRAW;
    }
    const Competency *c = &a->assess->competencies[area - 1];
    assess_log_add_rating(a->assess_log, c->id, a->now, rating);
    snprintf(a->notice, sizeof a->notice,
             "Noted: you rate yourself %d of 5 in %s (it counts as light evidence).", rating,
             c->title);
    return REACT_REDRAW | REACT_SAVE_NOW | REACT_PROGRESS;
}

unsigned app_dashboard_key(App *a, KeyAction act, int key)
{
    int digit = keys_digit(key);
    if (digit && a->assess)
        return app_start_quiz(a, QUIZ_CHAPTER, digit);
    switch (act) {
    case ACT_STAGE_TEST: return app_start_quiz(a, QUIZ_STAGE, 0);
    case ACT_REVIEW: return app_start_quiz(a, QUIZ_REVIEW, 0);
    case ACT_TRACK: return cycle_track(a);
    case ACT_UP: case ACT_WHEEL_UP: a->dash_top = a->dash_top > 0 ? a->dash_top - 1 : 0; break;
    case ACT_DOWN: case ACT_WHEEL_DOWN: a->dash_top++; break;
    case ACT_PAGE_UP: a->dash_top = a->dash_top > a->h / 2 ? a->dash_top - a->h / 2 : 0; break;
    case ACT_PAGE_DOWN: a->dash_top += a->h / 2; break;
    case ACT_TOP: a->dash_top = 0; break;
    case ACT_BOTTOM: a->dash_top = 1 << 20; break;
    case ACT_BACK: a->screen = SCREEN_HOME; break;
    default: return REACT_NONE;
    }
    return REACT_REDRAW; /* the dashboard clamps dash_top when drawing */
}
