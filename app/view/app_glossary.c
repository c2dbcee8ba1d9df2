/*
 * app_glossary: what keys do with the glossary — the list of every marked
 * term (T), the terms of the section being read (t), going to a term's
 * first explanation (Enter) and back again (').
 */
#include <stdio.h>
#include <string.h>

#include "view/app.h"
#include "view/keys.h"
#include "view/screens.h"

static void ensure_glossary(App *a)
{
    if (!a->glossary_ready) {
        glossary_build(a->course, a->ascii, &a->glossary);
        a->glossary_ready = true;
    }
}

unsigned app_open_glossary(App *a, bool this_section)
{
    ensure_glossary(a);
    a->nshown_terms = 0;
    a->terms_of_section = false;
    if (this_section && a->chapter >= 0) {
        const Chapter *ch = &a->course->chapters[a->chapter];
        int sec = doc_section_of(&a->doc, a->top);
        if (sec >= 0 && (size_t)sec < ch->nsections) {
            a->nshown_terms = glossary_terms_in(&a->glossary, &ch->sections[sec], a->shown_terms,
                                                sizeof a->shown_terms / sizeof *a->shown_terms);
            a->terms_of_section = true;
        }
        if (a->nshown_terms == 0) {
            snprintf(a->notice, sizeof a->notice,
                     "No marked terms in this section; T lists them all.");
            return REACT_REDRAW;
        }
    }
    if (!a->terms_of_section)
        for (size_t i = 0; i < a->glossary.n && i < sizeof a->shown_terms / sizeof *a->shown_terms; i++)
            a->shown_terms[a->nshown_terms++] = i;
    if (a->screen != SCREEN_GLOSSARY)
        a->back[SCREEN_GLOSSARY] = a->screen;
    a->screen = SCREEN_GLOSSARY;
    a->term_sel = 0;
    return REACT_REDRAW;
}

/* Opens a term's first explanation, remembering where the reader was. */
static unsigned go_to_term(App *a, const GlossaryEntry *e)
{
    int from_chapter = a->chapter;
    size_t from_top = a->top;
    bool was_reading = a->back[SCREEN_GLOSSARY] == SCREEN_READER;
    if (!app_open_chapter(a, e->chapter, false))
        return REACT_REDRAW;
    if (was_reading) {
        a->has_jump = true;
        a->jump_chapter = from_chapter;
        a->jump_top = from_top;
    }
    size_t line = doc_find(&a->doc, e->section, e->block, 0);
    snprintf(a->highlight, sizeof a->highlight, "%s", e->term);
    app_scroll_to(a, line > 0 ? (long)line - 1 : 0);
    if (was_reading)
        snprintf(a->notice, sizeof a->notice, "First explanation of '%s'. Press ' to go back.",
                 e->term);
    return REACT_REDRAW | REACT_PROGRESS;
}

unsigned app_jump_back(App *a)
{
    if (!a->has_jump) {
        snprintf(a->notice, sizeof a->notice, "No jump to go back from.");
        return REACT_REDRAW;
    }
    a->has_jump = false;
    if (!app_open_chapter(a, a->jump_chapter, false))
        return REACT_REDRAW;
    app_scroll_to(a, (long)a->jump_top);
    return REACT_REDRAW | REACT_PROGRESS;
}

unsigned app_glossary_key(App *a, KeyAction act)
{
    int n = (int)a->nshown_terms;
    int page = (a->h - 3) / 2 > 1 ? (a->h - 3) / 2 : 1;
    switch (act) {
    case ACT_UP: case ACT_WHEEL_UP: a->term_sel--; break;
    case ACT_DOWN: case ACT_WHEEL_DOWN: a->term_sel++; break;
    case ACT_PAGE_UP: case ACT_HALF_UP: a->term_sel -= page; break;
    case ACT_PAGE_DOWN: case ACT_HALF_DOWN: a->term_sel += page; break;
    case ACT_TOP: a->term_sel = 0; break;
    case ACT_BOTTOM: a->term_sel = n - 1; break;
    case ACT_GLOSSARY: return app_open_glossary(a, false);
    case ACT_OPEN:
        if (n > 0)
            return go_to_term(a, &a->glossary.items[a->shown_terms[a->term_sel]]);
        return REACT_NONE;
    case ACT_BACK: app_back(a); return REACT_REDRAW;
    default: return REACT_NONE;
    }
    if (a->term_sel >= n)
        a->term_sel = n - 1;
    if (a->term_sel < 0)
        a->term_sel = 0;
    return REACT_REDRAW;
}

void screen_glossary_draw(App *a, Canvas *cv)
{
    char head[200];
    if (a->terms_of_section)
        snprintf(head, sizeof head, "Terms in this section (%zu) %s T lists all %zu",
                 a->nshown_terms, cv->ascii ? "-" : "\xc2\xb7", a->glossary.n);
    else
        snprintf(head, sizeof head, "Glossary: %zu terms, each where it is first explained",
                 a->glossary.n);
    chrome_top(a, cv, head, NULL);
    int rows = (cv->h - 3) / 2;
    int first = a->term_sel >= rows ? a->term_sel - rows + 1 : 0;
    for (int r = 0; r < rows && first + r < (int)a->nshown_terms; r++) {
        const GlossaryEntry *e = &a->glossary.items[a->shown_terms[first + r]];
        const Chapter *ch = &a->course->chapters[e->chapter];
        int y = 2 + 2 * r;
        bool sel = first + r == a->term_sel;
        char line[320];
        snprintf(line, sizeof line, "%s  (Ch %d %s %d.%d %s; mentioned %zu time%s)", e->term,
                 ch->number, cv->ascii ? "-" : "\xc2\xb7", ch->number, e->section + 1,
                 ch->sections[e->section].title, e->mentions, e->mentions == 1 ? "" : "s");
        if (sel) {
            canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_SELECTED);
            canvas_put(cv, 1, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_SELECTED);
        }
        canvas_text_fit(cv, 3, y, cv->w - 4, line, sel ? ROLE_SELECTED : ROLE_STRONG);
        canvas_text_fit(cv, 5, y + 1, cv->w - 6, e->excerpt, ROLE_NORMAL);
    }
    chrome_hints(a, cv, ON_GLOSSARY);
}
