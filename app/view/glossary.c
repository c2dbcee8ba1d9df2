/*
 * glossary: collecting marked terms (see glossary.h).
 */
#include "view/glossary.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "view/styled.h"

static bool is_text_block(const Block *b)
{
    return b->kind == BLOCK_TEXT || b->kind == BLOCK_CALLOUT;
}

/* The next [[...]] in s from *pos: the term's start and length. */
static bool next_mark(const char *s, size_t *pos, const char **term, size_t *len)
{
    const char *p = strstr(s + *pos, "[[");
    while (p) {
        const char *close = strstr(p + 2, "]]");
        if (!close)
            return false;
        const char *bar = memchr(p + 2, '|', (size_t)(close - p - 2));
        *term = p + 2;
        *len = (size_t)((bar ? bar : close) - p - 2);
        *pos = (size_t)(close + 2 - s);
        if (*len > 0 && *len < 64)
            return true;
        p = strstr(close + 2, "[[");
    }
    return false;
}

const GlossaryEntry *glossary_find(const Glossary *g, const char *term, size_t len)
{
    for (size_t i = 0; i < g->n; i++)
        if (strlen(g->items[i].term) == len && strncasecmp(g->items[i].term, term, len) == 0)
            return &g->items[i];
    return NULL;
}

/* The sentence of `text` around byte `at`, with its markup applied. */
static char *sentence_at(const char *text, size_t at, bool ascii)
{
    size_t from = at, to = at, n = strlen(text);
    /* Back to the end of the previous sentence or paragraph. */
    while (from > 0 && !(text[from - 1] == '.' && (text[from] == ' ' || text[from] == '\n')) &&
           !(from >= 2 && text[from - 1] == '\n' && text[from - 2] == '\n'))
        from--;
    while (from < at && (text[from] == ' ' || text[from] == '\n'))
        from++;
    while (to < n && !(text[to] == '.' && (to + 1 >= n || text[to + 1] == ' ' || text[to + 1] == '\n')))
        to++;
    if (to < n)
        to++;
    Styled st = {0};
    MarkupOptions opt = {.ascii = ascii};
    markup_inline(text + from, to - from, ROLE_NORMAL, &opt, &st);
    /* One line: runs of spaces folded, a list marker dropped. */
    const char *src = st.text ? st.text : "";
    while (*src == ' ' || *src == '-' || *src == '*')
        src++;
    char *out = xmalloc(strlen(src) + 1);
    size_t k = 0;
    for (const char *c = src; *c; c++)
        if (!(*c == ' ' && k > 0 && out[k - 1] == ' '))
            out[k++] = *c;
    out[k] = '\0';
    styled_fini(&st);
    if (strlen(out) > 200)
        strcpy(out + 196, "...");
    return out;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcasecmp(((const GlossaryEntry *)a)->term, ((const GlossaryEntry *)b)->term);
}

void glossary_build(const Course *c, bool ascii, Glossary *out)
{
    *out = (Glossary){0};
    size_t cap = 0;
    for (size_t ci = 0; ci < c->nchapters; ci++) {
        const Chapter *ch = &c->chapters[ci];
        for (size_t si = 0; si < ch->nsections; si++) {
            for (size_t bi = 0; bi < ch->sections[si].nblocks; bi++) {
                const Block *b = &ch->sections[si].blocks[bi];
                if (!is_text_block(b) || !b->text)
                    continue;
                size_t pos = 0, len;
                const char *term;
                while (next_mark(b->text, &pos, &term, &len)) {
                    GlossaryEntry *e = (GlossaryEntry *)glossary_find(out, term, len);
                    if (e) {
                        e->mentions++;
                        continue;
                    }
                    out->items = xgrow(out->items, &cap, out->n + 1, sizeof *out->items);
                    out->items[out->n++] = (GlossaryEntry){
                        .term = xstrndup(term, len), .chapter = (int)ci, .section = (int)si,
                        .block = (int)bi, .excerpt = sentence_at(b->text, (size_t)(term - b->text), ascii),
                        .mentions = 1};
                }
            }
        }
    }
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, cmp_entry);
}

void glossary_fini(Glossary *g)
{
    for (size_t i = 0; i < g->n; i++) {
        free(g->items[i].term);
        free(g->items[i].excerpt);
    }
    free(g->items);
    *g = (Glossary){0};
}

size_t glossary_terms_in(const Glossary *g, const Section *sec, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t bi = 0; bi < sec->nblocks; bi++) {
        const Block *b = &sec->blocks[bi];
        if (!is_text_block(b) || !b->text)
            continue;
        size_t pos = 0, len;
        const char *term;
        while (n < max && next_mark(b->text, &pos, &term, &len)) {
            const GlossaryEntry *e = glossary_find(g, term, len);
            size_t k = e ? (size_t)(e - g->items) : g->n;
            bool seen = false;
            for (size_t i = 0; i < n; i++)
                seen |= out[i] == k;
            if (e && !seen)
                out[n++] = k;
        }
    }
    return n;
}
