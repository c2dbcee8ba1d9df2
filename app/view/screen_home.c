/*
 * screen_home: the series page — what the course is, Resume, the chapters
 * with the learner's progress, and a scrollable "about this series" pane
 * (guide, target readers, learning path).
 */
#include <stdio.h>
#include <string.h>

#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"

static size_t sections_read(const App *a, const Chapter *ch)
{
    size_t n = 0;
    for (size_t s = 0; s < ch->nsections; s++)
        n += a->progress && progress_is_read(a->progress, ch->id, ch->sections[s].id);
    return n;
}

static void build_about(App *a)
{
    const Course *c = a->course;
    Doc *d = &a->about;
    doc_fini(d);
    d->width = app_text_width(a) - 2;
    if (a->workshop) {
        const Workshop *w = a->workshop;
        char line[512];
        snprintf(line, sizeof line, "Workshop: %s", w->title ? w->title : "this pack");
        doc_add_line(d, line, ROLE_STRONG);
        for (size_t i = 0; i < w->nagenda; i++) {
            const Chapter *ch = course_chapter_by_id(c, w->agenda[i].chapter_id);
            snprintf(line, sizeof line, "%zu. %s%s%s", i + 1, ch ? ch->title : w->agenda[i].chapter_id,
                     w->agenda[i].minutes ? "" : "", w->agenda[i].open ? "" : " (not open yet)");
            char box[48] = "";
            if (w->agenda[i].minutes)
                snprintf(box, sizeof box, " - %d min", w->agenda[i].minutes);
            char item[600];
            snprintf(item, sizeof item, "%s%s", line, box);
            doc_add_prose(d, item, d->width, 2, a->ascii);
        }
        doc_add_line(d, "", ROLE_NORMAL);
    }
    doc_add_prose(d, c->guide, d->width, 0, a->ascii);
    doc_add_line(d, "", ROLE_NORMAL);
    doc_add_line(d, "Who it is for", ROLE_STRONG);
    for (size_t i = 0; i < c->nreaders; i++) {
        char item[2048];
        snprintf(item, sizeof item, "- %s", c->readers[i]);
        doc_add_prose(d, item, d->width, 0, a->ascii);
    }
    doc_add_line(d, "", ROLE_NORMAL);
    doc_add_line(d, "Learning path", ROLE_STRONG);
    for (size_t i = 0; i < c->npath; i++) {
        char item[2048];
        snprintf(item, sizeof item, "%zu. %s", i + 1, c->path[i]);
        doc_add_prose(d, item, d->width, 2, a->ascii);
    }
    a->about_width = a->w;
}

/* "Resume  Chapter 2 · 2.3 Title" or "Start  Chapter 1 · Title". */
static void resume_label(const App *a, char *out, size_t n)
{
    const char *dot = a->ascii ? "-" : "\xc2\xb7";
    const char *last = a->progress ? a->progress->last_chapter : NULL;
    const Chapter *ch = last ? course_chapter_by_id(a->course, last) : NULL;
    if (!ch) {
        const Chapter *first = a->course->nchapters ? &a->course->chapters[0] : NULL;
        snprintf(out, n, "Start reading  Chapter 1 %s %s", dot, first ? first->title : "");
        return;
    }
    const ChapterProgress *cp = progress_chapter_get(a->progress, ch->id);
    int s = cp && cp->section_id ? chapter_section_index(ch, cp->section_id) : -1;
    if (s >= 0)
        snprintf(out, n, "Resume  Chapter %d %s %d.%d %s", ch->number, dot, ch->number, s + 1,
                 ch->sections[s].title);
    else
        snprintf(out, n, "Resume  Chapter %d %s %s", ch->number, dot, ch->title);
}

static void draw_item(App *a, Canvas *cv, int y, int index, const char *text)
{
    bool sel = a->home_sel == index;
    if (sel) {
        canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_SELECTED);
        canvas_put(cv, 1, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_SELECTED);
    }
    canvas_text_fit(cv, 3, y, cv->w - 4, text, sel ? ROLE_SELECTED : ROLE_STRONG);
}

static void draw_chapter_row(App *a, Canvas *cv, int y, size_t i)
{
    const Chapter *ch = &a->course->chapters[i];
    bool sel = a->home_sel == (int)i + 1;
    Role text_role = sel ? ROLE_SELECTED : ROLE_NORMAL;
    if (sel) {
        canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_SELECTED);
        canvas_put(cv, 1, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_SELECTED);
    }
    ChapterAccess acc = app_chapter_access(a, ch);
    if (acc.state != ACCESS_OPEN) { /* a workshop's plan holds it back: say so, no bar */
        char label[16];
        snprintf(label, sizeof label, "%d.", ch->number);
        canvas_text(cv, 3, y, 3, label, text_role);
        int x_right = app_text_width(a) - 1 - 27;
        canvas_text_fit(cv, 6, y, x_right - 7, ch->title, sel ? ROLE_SELECTED : ROLE_SUBTLE);
        canvas_text_fit(cv, x_right, y, 27,
                        acc.state == ACCESS_CLOSED ? "closed by the instructor" : "locked (Enter: why)",
                        sel ? ROLE_SELECTED : ROLE_WARNING);
        return;
    }
    size_t done = a->present ? 0 : sections_read(a, ch); /* a learner's own progress stays private */
    char num[16], count[32], mins[16];
    snprintf(num, sizeof num, "%d.", ch->number);
    snprintf(count, sizeof count, "%zu/%zu", done, ch->nsections);
    snprintf(mins, sizeof mins, "%3d min", ch->read_minutes);
    /* Right side: mark, bar, count, minutes — fixed width so rows align; a
     * narrow screen keeps the titles whole with a shorter bar and no minutes. */
    bool wide = app_text_width(a) >= 96;
    int barw = wide ? 10 : 5;
    int right_w = 2 + barw + 1 + 5 + (wide ? 1 + 7 : 0);
    int x_right = app_text_width(a) - 1 - right_w; /* rows no wider than the prose */
    canvas_text(cv, 3, y, 3, num, text_role);
    canvas_text_fit(cv, 6, y, x_right - 7, ch->title, text_role);
    Glyph mark = done == ch->nsections && done ? GLYPH_CHECK : GLYPH_DOT;
    if (done > 0)
        canvas_put(cv, x_right, y, glyph(cv->ascii, mark), done == ch->nsections ? ROLE_DONE : text_role);
    chrome_bar(cv, x_right + 2, y, barw, done, ch->nsections);
    canvas_text(cv, x_right + 3 + barw, y, 5, count, text_role);
    if (wide)
        canvas_text(cv, x_right + 9 + barw, y, 7, mins, sel ? ROLE_SELECTED : ROLE_SUBTLE);
}

void screen_home_draw(App *a, Canvas *cv)
{
    const Course *c = a->course;
    char right[64];
    snprintf(right, sizeof right, "profile: %s", a->profile ? a->profile : "-");
    chrome_top(a, cv, "pydive", a->present ? "presenter mode" : right);

    int y = 2;
    canvas_text_fit(cv, 1, y++, cv->w - 2, c->title, ROLE_HEADING);
    canvas_text_fit(cv, 1, y++, cv->w - 2, c->subtitle, ROLE_EMPH);
    char meta[256];
    const char *dot = cv->ascii ? " - " : " \xc2\xb7 ";
    /* the course's own status ("in progress": still being written) is said as
     * such, so it is not read as the learner's progress */
    snprintf(meta, sizeof meta, "%s%s%zu chapters%s%d min read%s%s%s", c->difficulty, dot,
             c->nchapters, dot, c->read_minutes, c->status ? dot : "",
             c->status && strcmp(c->status, "in progress") == 0 ? "course still being written"
             : c->status ? c->status : "", "");
    canvas_text_fit(cv, 1, y++, cv->w - 2, meta, ROLE_SUBTLE);
    y++;

    char label[512];
    resume_label(a, label, sizeof label);
    draw_item(a, cv, y++, 0, label);
    y++;
    for (size_t i = 0; i < c->nchapters; i++)
        draw_chapter_row(a, cv, y++, i);
    draw_item(a, cv, y++, (int)c->nchapters + 1, "Your skill stage, roadmap and review");
    int done = 0, total = 0;
    if (!a->present)
        app_exercise_tally(a, &done, &total);
    if (total > 0) { /* the practice as one path, as rustlings shows it */
        bool wide = app_text_width(a) >= 96;
        int barw = wide ? 10 : 5;
        int x_right = app_text_width(a) - 1 - (2 + barw + 1 + 5 + (wide ? 1 + 7 : 0));
        canvas_text_fit(cv, 3, y, x_right - 4, "Exercises, in lesson order (X: the next one)",
                        ROLE_SUBTLE);
        chrome_bar(cv, x_right + 2, y, barw, (size_t)done, (size_t)total);
        char count[32];
        snprintf(count, sizeof count, wide ? "%d/%d solved" : "%d/%d", done, total);
        canvas_text(cv, x_right + 3 + barw, y, 13, count, ROLE_SUBTLE);
        y++;
    }

    /* The about pane takes whatever rows are left. */
    int pane_top = y + 1, pane_h = cv->h - 1 - pane_top - 1;
    if (pane_h >= 2) {
        if (a->about_width != a->w)
            build_about(a);
        canvas_text(cv, 1, pane_top, cv->w - 2, "About this series", ROLE_HEADING);
        int max = (int)a->about.n - pane_h;
        if (a->about_top > (max > 0 ? max : 0))
            a->about_top = max > 0 ? max : 0;
        for (int r = 0; r < pane_h && a->about_top + r < (int)a->about.n; r++) {
            const DocLine *l = &a->about.lines[a->about_top + r];
            canvas_styled(cv, 1, pane_top + 1 + r, cv->w - 2, l->text, l->len, l->roles);
        }
        if (a->about.n > (size_t)pane_h) {
            char more[32];
            snprintf(more, sizeof more, "%d/%zu", a->about_top + pane_h < (int)a->about.n
                                                    ? a->about_top + pane_h : (int)a->about.n,
                     a->about.n);
            canvas_text(cv, cv->w - 1 - (int)strlen(more), pane_top, (int)strlen(more), more,
                        ROLE_SUBTLE);
        }
    }
    chrome_hints(a, cv, ON_HOME);
}
