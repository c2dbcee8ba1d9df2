/*
 * search: course-wide text search (see search.h).
 */
#include "view/search.h"

#include <stdio.h>
#include <string.h>

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

long search_find(const char *s, size_t n, const char *query)
{
    size_t q = strlen(query);
    if (q == 0 || q > n)
        return -1;
    for (size_t i = 0; i + q <= n; i++) {
        size_t k = 0;
        while (k < q && fold(s[i + k]) == fold(query[k]))
            k++;
        if (k == q)
            return (long)i;
    }
    return -1;
}

/* Backs up to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* About 60 bytes before the match and the rest up to the snippet's size,
 * newlines folded, cut on character boundaries. */
static void make_snippet(const char *s, size_t at, char *out, size_t len)
{
    size_t n = strlen(s);
    size_t from = at > 60 ? char_start(s, at - 60) : 0;
    size_t to = from + len - 8 < n ? char_start(s, from + len - 8) : n;
    size_t o = 0;
    if (from > 0)
        o += (size_t)snprintf(out, len, "...");
    for (size_t i = from; i < to && o + 4 < len; i++)
        out[o++] = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
    if (to < n && o + 4 < len)
        o += (size_t)snprintf(out + o, len - o, "...");
    out[o < len ? o : len - 1] = '\0';
}

static void add(SearchHit *hits, size_t max, size_t *count, int ch, int sec, int block,
                const char *text, long at)
{
    if (*count < max) {
        SearchHit *h = &hits[*count];
        h->chapter = ch;
        h->section = sec;
        h->block = block;
        make_snippet(text, (size_t)at, h->snippet, sizeof h->snippet);
    }
    (*count)++;
}

size_t search_course(const Course *c, const char *query, SearchHit *hits, size_t max)
{
    size_t count = 0;
    if (!query || !*query)
        return 0;
    for (size_t ci = 0; ci < c->nchapters; ci++) {
        const Chapter *ch = &c->chapters[ci];
        for (size_t si = 0; si < ch->nsections; si++) {
            const Section *sec = &ch->sections[si];
            long at = search_find(sec->title, strlen(sec->title), query);
            if (at >= 0)
                add(hits, max, &count, (int)ci, (int)si, -1, sec->title, at);
            for (size_t bi = 0; bi < sec->nblocks; bi++) {
                const char *t = sec->blocks[bi].text;
                at = t ? search_find(t, strlen(t), query) : -1;
                if (at >= 0)
                    add(hits, max, &count, (int)ci, (int)si, (int)bi, t, at);
            }
        }
    }
    return count;
}
