/*
 * styled: role-tagged text and inline markup (see styled.h).
 *
 * The markup is deliberately small and forgiving: a marker that is never
 * closed is shown literally, so a typo in a lesson shows up as a visible
 * asterisk rather than swallowing the rest of the paragraph.
 */
#include "view/styled.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "view/glyphs.h"

void styled_add(Styled *st, const char *s, size_t n, Role role)
{
    size_t need = st->len + n + 1;
    if (need > st->cap) {
        size_t cap = st->cap;
        st->text = xgrow(st->text, &cap, need, 1);
        st->roles = xrealloc(st->roles, cap);
        st->cap = cap;
    }
    memcpy(st->text + st->len, s, n);
    memset(st->roles + st->len, (int)role, n);
    st->len += n;
    st->text[st->len] = '\0';
}

void styled_adds(Styled *st, const char *s, Role role)
{
    styled_add(st, s, strlen(s), role);
}

void styled_clear(Styled *st)
{
    st->len = 0;
    if (st->text)
        st->text[0] = '\0';
}

void styled_fini(Styled *st)
{
    free(st->text);
    free(st->roles);
    *st = (Styled){0};
}

/* Adds plain text, folding newlines to spaces and, in ASCII mode, spelling
 * out non-ASCII characters. */
static void add_plain(Styled *out, const char *s, size_t n, Role role, const MarkupOptions *opt)
{
    char *copy = xstrndup(s, n);
    for (char *p = copy; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    if (opt && opt->ascii) {
        char *a = glyph_asciify(copy);
        styled_adds(out, a, role);
        free(a);
    } else {
        styled_adds(out, copy, role);
    }
    free(copy);
}

static const char *find_close(const char *p, const char *end, const char *marker)
{
    size_t m = strlen(marker);
    for (const char *q = p; q + m <= end; q++)
        if (memcmp(q, marker, m) == 0)
            return q;
    return NULL;
}

void markup_inline(const char *s, size_t n, Role base, const MarkupOptions *opt, Styled *out)
{
    const char *p = s, *end = s + n, *run = s;
    while (p < end) {
        const char *open = NULL, *close = NULL;
        size_t mlen = 0;
        Role role = base;
        if (*p == '`') {
            open = p, mlen = 1, role = ROLE_CODE;
            close = find_close(p + 1, end, "`");
        } else if (p + 1 < end && p[0] == '*' && p[1] == '*') {
            open = p, mlen = 2, role = ROLE_STRONG;
            close = find_close(p + 2, end, "**");
        } else if (*p == '*' && p + 1 < end && p[1] != ' ') {
            open = p, mlen = 1, role = ROLE_EMPH;
            close = find_close(p + 1, end, "*");
        } else if (p + 1 < end && p[0] == '[' && p[1] == '[') {
            /* [[term]] or [[term|shown text]]: a glossary term, drawn as its text */
            close = find_close(p + 2, end, "]]");
            if (close) {
                add_plain(out, run, (size_t)(p - run), base, opt);
                const char *bar = memchr(p + 2, '|', (size_t)(close - p - 2));
                const char *shown = bar ? bar + 1 : p + 2;
                add_plain(out, shown, (size_t)(close - shown), ROLE_TERM, opt);
                p = run = close + 2;
                continue;
            }
        } else if (p + 1 < end && p[0] == '[' && p[1] == '^') {
            close = find_close(p + 2, end, "]");
            if (close) {
                add_plain(out, run, (size_t)(p - run), base, opt);
                int num = opt && opt->cite ? opt->cite(p + 2, (size_t)(close - p - 2), opt->cite_ctx) : 0;
                char mark[32];
                if (num > 0)
                    snprintf(mark, sizeof mark, "[%d]", num);
                else
                    snprintf(mark, sizeof mark, "[%.*s]", (int)(close - p - 1) > 24 ? 24 : (int)(close - p - 1), p + 1);
                styled_adds(out, mark, ROLE_CITE);
                p = run = close + 1;
                continue;
            }
        }
        if (open && close && close > open + mlen) {
            add_plain(out, run, (size_t)(open - run), base, opt);
            if (role == ROLE_CODE) /* code is literal */
                add_plain(out, open + mlen, (size_t)(close - open - mlen), role, opt);
            else /* emphasis may hold a term or a citation */
                markup_inline(open + mlen, (size_t)(close - open - mlen), role, opt, out);
            p = run = close + mlen;
            continue;
        }
        p++;
    }
    add_plain(out, run, (size_t)(end - run), base, opt);
}
