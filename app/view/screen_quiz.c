/*
 * screen_quiz: one assessment item at a time — the prompt, the choices, the
 * answer being typed, then whether it was right, the right answer and the
 * explanation; at the end, a summary of the session.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "view/doc.h"
#include "view/keys.h"
#include "view/screens.h"
#include "view/styled.h"

static const char *how_to_answer(ItemKind k)
{
    switch (k) {
    case ITEM_SINGLE: return "Type the number of your choice, then Enter.";
    case ITEM_MULTIPLE: return "Type the numbers of every right choice (for example 1 3), then Enter.";
    case ITEM_NUMERIC: return "Type a number, then Enter.";
    case ITEM_ORDERING: return "Type the numbers in the right order (for example 3 1 2), then Enter.";
    case ITEM_PREDICT: return "Type the output; write \\n for a new line. Then Enter.";
    case ITEM_NKINDS: break;
    }
    return "";
}

static void title_for(const App *a, char *out, size_t n)
{
    const Quiz *q = &a->quiz;
    int item = q->answered + (a->quiz_shown ? 0 : 1);
    switch (q->mode) {
    case QUIZ_CHAPTER:
        snprintf(out, n, "Chapter %d check %s item %d of %zu", q->chapter,
                 a->ascii ? "-" : "\xc2\xb7", item, q->nqueue);
        break;
    case QUIZ_STAGE:
        snprintf(out, n, "Stage assessment %s item %d of about %zu", a->ascii ? "-" : "\xc2\xb7",
                 item, q->planned);
        break;
    case QUIZ_REVIEW:
        snprintf(out, n, "Review %s item %d of %zu", a->ascii ? "-" : "\xc2\xb7", item, q->nqueue);
        break;
    }
}

static void add_item(App *a, Doc *d, const Item *it, int width)
{
    char line[256];
    snprintf(line, sizeof line, "%s %s difficulty %d %s %s", assess_kind_name(it->kind),
             a->ascii ? "-" : "\xc2\xb7", it->difficulty, a->ascii ? "-" : "\xc2\xb7",
             it->ncompetencies ? a->assess->competencies[it->competencies[0]].title : "");
    doc_add_line(d, line, ROLE_SUBTLE);
    doc_add_line(d, "", ROLE_NORMAL);
    doc_add_prose(d, it->prompt, width, 0, a->ascii);
    if (it->program) {
        doc_add_line(d, "", ROLE_NORMAL);
        const char *p = it->program;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            snprintf(line, sizeof line, "    %.*s", (int)len, p);
            doc_add_line(d, line, ROLE_CODEBLOCK);
            p += len + (nl ? 1 : 0);
        }
    }
    if (it->nchoices)
        doc_add_line(d, "", ROLE_NORMAL);
    for (size_t i = 0; i < it->nchoices; i++) {
        Buf b = {0};
        buf_printf(&b, "%zu. %s", i + 1, it->choices[i]);
        doc_add_prose(d, buf_str(&b), width, 2, a->ascii);
        buf_fini(&b);
    }
    doc_add_line(d, "", ROLE_NORMAL);
}

static void add_result(App *a, Doc *d, const Item *it, int width)
{
    const Score *s = &a->score;
    char line[256];
    const char *mark = a->ascii ? (s->result == RESULT_CORRECT ? "[right]" : "[not right]")
                                : (s->result == RESULT_CORRECT ? "\xe2\x9c\x93" : "\xe2\x9c\x97");
    if (s->result == RESULT_CORRECT)
        snprintf(line, sizeof line, "%s Right.", mark);
    else if (s->result == RESULT_PARTIAL)
        snprintf(line, sizeof line, "%s Partly right: %zu of %zu in the right place.", mark,
                 s->in_place, s->total);
    else
        snprintf(line, sizeof line, "%s Not right. Your answer: %s", mark, a->input);
    doc_add_line(d, line, s->result == RESULT_CORRECT ? ROLE_DONE : ROLE_WARNING);
    Buf ans = {0}, b = {0};
    if (it->kind == ITEM_PREDICT && s->expected)
        buf_adds(&ans, s->expected);
    else
        quiz_answer_text(it, &ans); /* it writes the buffer from the start */
    buf_printf(&b, "Answer: %s", buf_str(&ans));
    doc_add_prose(d, buf_str(&b), width, 0, a->ascii);
    buf_fini(&ans);
    buf_fini(&b);
    doc_add_line(d, "", ROLE_NORMAL);
    doc_add_prose(d, it->explanation, width, 0, a->ascii);
    if (it->nsources) {
        Buf src = {0};
        buf_adds(&src, "Sources: ");
        for (size_t i = 0; i < it->nsources; i++) {
            char shown[512];
            source_shown(it->sources[i], shown, sizeof shown);
            if (shown[0])
                buf_printf(&src, "%s%s", src.len > 9 ? "; " : "", shown);
        }
        doc_add_line(d, "", ROLE_NORMAL);
        doc_add_prose(d, buf_str(&src), width, 0, a->ascii);
        buf_fini(&src);
    }
}

static void draw_summary(App *a, Canvas *cv)
{
    const Quiz *q = &a->quiz;
    chrome_top(a, cv, "Session finished", NULL);
    char line[200];
    snprintf(line, sizeof line, "You answered %d item%s and got %d right.", q->answered,
             q->answered == 1 ? "" : "s", q->correct);
    canvas_text_fit(cv, 2, 2, cv->w - 4, line, ROLE_HEADING);
    int y = 4;
    if (q->skipped_predict) {
        snprintf(line, sizeof line, "%zu predict-the-output item%s left out: they need the "
                                    "simulated CPython.", q->skipped_predict,
                 q->skipped_predict == 1 ? " was" : "s were");
        canvas_text_fit(cv, 2, y++, cv->w - 4, line, ROLE_NORMAL);
    }
    canvas_text_fit(cv, 2, y++, cv->w - 4,
                    q->answered ? "Your answers are saved; the dashboard shows your stage now."
                                : "Nothing was answered, so nothing was recorded.",
                    ROLE_NORMAL);
    canvas_text_fit(cv, 2, y + 1, cv->w - 4, "Enter goes back; any other key goes back and does its work there.", ROLE_SUBTLE);
    chrome_hints(a, cv, ON_QUIZ);
}

void screen_quiz_draw(App *a, Canvas *cv)
{
    if (a->quiz_done) {
        draw_summary(a, cv);
        return;
    }
    const Item *it = a->quiz_shown ? a->shown_item : a->quiz.current;
    char title[160], right[64];
    title_for(a, title, sizeof title);
    snprintf(right, sizeof right, "%d right so far", a->quiz.correct);
    chrome_top(a, cv, title, right);
    if (!it)
        return;
    int width = cv->w - 4;
    Doc d = {0};
    add_item(a, &d, it, width);
    if (a->quiz_shown)
        add_result(a, &d, it, width);
    int rows = cv->h - 2 - (a->quiz_shown ? 0 : 3);
    size_t first = d.n > (size_t)rows ? d.n - (size_t)rows : 0;
    for (int r = 0; r < rows && first + (size_t)r < d.n; r++) {
        const DocLine *l = &d.lines[first + (size_t)r];
        canvas_styled(cv, 2, 1 + r, cv->w - 3, l->text, l->len, l->roles);
    }
    doc_fini(&d);
    int y = cv->h - 4;
    if (!a->quiz_shown) {
        canvas_text_fit(cv, 2, y, cv->w - 4, how_to_answer(it->kind), ROLE_SUBTLE);
        int x = 2 + canvas_text(cv, 2, y + 1, cv->w - 4, "Your answer: ", ROLE_STRONG);
        x += canvas_text(cv, x, y + 1, cv->w - x - 2, a->input, ROLE_NORMAL);
        canvas_put(cv, x, y + 1, '_', ROLE_KEY);
        if (a->input_err[0])
            canvas_text_fit(cv, 2, y + 2, cv->w - 4, a->input_err, ROLE_ERROR);
        /* While typing, every key is part of the answer: say how to leave. */
        canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
        canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2,
                        "Enter answers  Backspace erases  Esc stops (answers so far are kept)",
                        ROLE_STATUS);
        return;
    }
    canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
    canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2, "Enter next item  ? help  Esc stops",
                    ROLE_STATUS);
}
