/*
 * styled: role-tagged text and inline markup (see styled.h).
 *
 * The markup is deliberately small and forgiving: a marker that is never
 * closed is shown literally, so a typo in a lesson shows up as a visible
 * asterisk rather than swallowing the rest of the paragraph.
 */
#include "view/styled.h"

#include <ctype.h>
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

static LinkLookup link_fn;
static const void *link_ctx;

void markup_set_links(LinkLookup fn, const void *ctx)
{
    link_fn = fn;
    link_ctx = ctx;
}

/* "chNN#id" at p (not inside a word): its length, or 0. */
static size_t link_at(const char *s, const char *p, const char *end, int *chapter)
{
    if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '/' || p[-1] == '.'))
        return 0;
    if (end - p < 6 || p[0] != 'c' || p[1] != 'h' || !isdigit((unsigned char)p[2]) ||
        !isdigit((unsigned char)p[3]) || p[4] != '#')
        return 0;
    const char *q = p + 5;
    while (q < end && (islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '-'))
        q++;
    while (q > p + 5 && q[-1] == '-')
        q--;
    if (q == p + 5)
        return 0;
    *chapter = (p[2] - '0') * 10 + (p[3] - '0');
    return (size_t)(q - p);
}

static void add_link(Styled *out, const char *p, size_t len, int chapter, const MarkupOptions *opt)
{
    char text[160];
    if (!link_fn || !link_fn(chapter, p + 5, len - 5, text, sizeof text, link_ctx))
        snprintf(text, sizeof text, "chapter %d", chapter);
    add_plain(out, text, strlen(text), ROLE_TERM, opt);
}

void markup_plain(const char *s, Styled *out)
{
    MarkupOptions opt = {0};
    markup_inline(s, strlen(s), ROLE_NORMAL, &opt, out);
}

void markup_inline(const char *s, size_t n, Role base, const MarkupOptions *opt, Styled *out)
{
    const char *p = s, *end = s + n, *run = s;
    while (p < end) {
        const char *open = NULL, *close = NULL;
        size_t mlen = 0;
        Role role = base;
        int chapter = 0;
        size_t link = *p == 'c' ? link_at(s, p, end, &chapter) : 0;
        if (link) {
            add_plain(out, run, (size_t)(p - run), base, opt);
            add_link(out, p, link, chapter, opt);
            p = run = p + link;
            continue;
        }
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
                else /* no list of sources here: the id, without the marker's caret */
                    snprintf(mark, sizeof mark, "[%.*s]", (int)(close - p - 2) > 24 ? 24 : (int)(close - p - 2), p + 2);
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

static bool cites_unshipped(const char *s, size_t n)
{
    static const char mark[] = "reference/";
    for (size_t i = 0; i + sizeof mark - 1 <= n; i++)
        if (memcmp(s + i, mark, sizeof mark - 1) == 0)
            return true;
    return false;
}

void source_shown(const char *src, char *out, size_t cap)
{
    if (cap == 0)
        return;
    /* first the parentheses that cite a note, then the ;-parts that do */
    char *tmp = xstrdup(src);
    size_t w = 0;
    for (const char *p = src; *p;) {
        const char *close = *p == '(' ? strchr(p, ')') : NULL;
        if (close && cites_unshipped(p, (size_t)(close - p))) {
            while (w > 0 && tmp[w - 1] == ' ')
                w--;
            p = close + 1;
            continue;
        }
        tmp[w++] = *p++;
    }
    tmp[w] = '\0';
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = tmp; *p;) {
        const char *semi = strstr(p, "; ");
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        if (!cites_unshipped(p, n) && o + n + 3 < cap) {
            o += (size_t)snprintf(out + o, cap - o, "%s%.*s", o ? "; " : "", (int)n, p);
        }
        p += n + (semi ? 2 : 0);
    }
    free(tmp);
}
