/*
 * screen_search: the matches of a search across every chapter, two rows
 * each (where, and the text around it), with the match marked.
 */
#include <stdio.h>
#include <string.h>

#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"
#include "view/styled.h"

void screen_search_draw(App *a, Canvas *cv)
{
    char head[160];
    size_t kept = a->nhits < SEARCH_MAX_HITS ? a->nhits : SEARCH_MAX_HITS;
    if (a->nhits > kept)
        snprintf(head, sizeof head, "Search '%s': %zu matches (first %zu shown)", a->query,
                 a->nhits, kept);
    else
        snprintf(head, sizeof head, "Search '%s': %zu match%s", a->query, a->nhits,
                 a->nhits == 1 ? "" : "es");
    chrome_top(a, cv, head, NULL);
    if (kept == 0) {
        canvas_text_fit(cv, 2, 2, cv->w - 4, "Nothing found. Press / to search again, Esc to go back.",
                        ROLE_NORMAL);
        chrome_hints(a, cv, ON_SEARCH);
        return;
    }
    int rows = (cv->h - 3) / 2;
    int first = a->hit_sel >= rows ? a->hit_sel - rows + 1 : 0;
    for (int r = 0; r < rows && first + r < (int)kept; r++) {
        const SearchHit *h = &a->hits[first + r];
        const Chapter *ch = &a->course->chapters[h->chapter];
        int y = 2 + 2 * r;
        bool sel = first + r == a->hit_sel;
        char where[256];
        snprintf(where, sizeof where, "Ch %d %s %d.%d %s", ch->number, cv->ascii ? "-" : "\xc2\xb7",
                 ch->number, h->section + 1, ch->sections[h->section].title);
        if (sel) {
            canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_SELECTED);
            canvas_put(cv, 1, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_SELECTED);
        }
        canvas_text_fit(cv, 3, y, cv->w - 4, where, sel ? ROLE_SELECTED : ROLE_STRONG);
        /* The snippet with its markup applied, then the match marked. */
        Styled st = {0};
        MarkupOptions opt = {.ascii = cv->ascii};
        markup_inline(h->snippet, strlen(h->snippet), ROLE_NORMAL, &opt, &st);
        canvas_styled(cv, 5, y + 1, cv->w - 6, st.text ? st.text : "", st.len, st.roles);
        chrome_mark_matches(cv, 5, y + 1, st.text ? st.text : "", st.len, a->query);
        styled_fini(&st);
    }
    chrome_hints(a, cv, ON_SEARCH);
}

/* n / N in the reader while a search match is marked: to the next (previous)
 * line of this chapter holding it, as less does; at the last one it says so. */
unsigned app_reader_next_match(App *a, int dir)
{
    long n = (long)a->doc.n, at = (long)a->top + 1; /* the match is shown one row down */
    for (long i = at + dir; i >= 0 && i < n; i += dir) {
        const DocLine *l = &a->doc.lines[i];
        if (search_find(l->text, l->len, a->highlight) >= 0)
            return app_scroll_to(a, i > 0 ? i - 1 : 0);
    }
    snprintf(a->notice, sizeof a->notice, "No %s '%s' in this chapter (/ searches them all).",
             dir > 0 ? "more" : "earlier", a->highlight);
    return REACT_REDRAW;
}
