/*
 * doc: lays out lesson content into tagged, wrapped lines (see doc.h).
 *
 * Sections of this file: line storage, word wrapping, prose (paragraphs and
 * lists), blocks (text, code, callouts, references), the whole chapter.
 */
#include "view/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/glyphs.h"
#include "view/styled.h"

/* ---- line storage ------------------------------------------------------ */

typedef struct Tag {
    int section, block, sub;
} Tag;

static void push_line(Doc *d, const Styled *st, Tag *tag)
{
    d->lines = xgrow(d->lines, &d->cap, d->n + 1, sizeof *d->lines);
    DocLine *l = &d->lines[d->n++];
    l->len = st->len;
    l->text = xstrndup(st->text ? st->text : "", st->len);
    l->roles = xmalloc(st->len + 1);
    if (st->len)
        memcpy(l->roles, st->roles, st->len);
    l->section = tag->section;
    l->block = tag->block;
    l->sub = tag->sub++;
}

static void push_blank(Doc *d, Tag *tag)
{
    Styled empty = {0};
    push_line(d, &empty, tag);
}

void doc_add_line(Doc *d, const char *text, Role role)
{
    Styled st = {0};
    styled_adds(&st, text, role);
    Tag tag = {-1, -1, 0};
    push_line(d, &st, &tag);
    styled_fini(&st);
}

void doc_fini(Doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->lines[i].text);
        free(d->lines[i].roles);
    }
    free(d->lines);
    free(d->section_line);
    *d = (Doc){0};
}

/* ---- word wrapping ----------------------------------------------------- */

static size_t width_of(const char *s, size_t n)
{
    return utf8_width(s, n);
}

/* Wraps `st` into lines of at most `width` columns.  Each line starts with
 * `first` (on the first line) or `rest` (after), both already styled. */
static void wrap(Doc *d, const Styled *st, const Styled *first, const Styled *rest, int width,
                 Tag *tag)
{
    Styled line = {0};
    const Styled *prefix = first;
    size_t i = 0, n = st->len;
    while (i < n && st->text[i] == ' ')
        i++;
    bool any = false;
    while (i < n || !any) {
        styled_clear(&line);
        styled_add(&line, prefix->text ? prefix->text : "", prefix->len, ROLE_NORMAL);
        if (prefix->len)
            memcpy(line.roles, prefix->roles, prefix->len);
        size_t col = width_of(prefix->text ? prefix->text : "", prefix->len);
        size_t avail = (size_t)width > col + 1 ? (size_t)width - col : 1;
        size_t used = 0;
        bool placed = false;
        while (i < n) {
            /* Measure the next word only as far as this line could hold it,
             * so a 1 MB word costs a line's worth per line, not 1 MB. */
            size_t sep = placed ? 1 : 0;
            size_t room = avail > used + sep ? avail - used - sep : 0;
            size_t w_end = i, ww = 0;
            bool fits = true;
            while (w_end < n && st->text[w_end] != ' ') {
                uint32_t cp;
                size_t len = utf8_decode(st->text + w_end, n - w_end, &cp);
                size_t chw = (size_t)utf8_cp_width(cp);
                if (ww + chw > room) {
                    fits = false;
                    break;
                }
                ww += chw;
                w_end += len;
            }
            size_t need = ww + sep;
            if (!fits) {
                if (placed)
                    break;
                /* A word longer than the line: cut it where the measuring
                 * stopped, or after one character when not even that fits. */
                uint32_t cp;
                size_t cut = w_end > i ? w_end : i + utf8_decode(st->text + i, n - i, &cp);
                styled_add(&line, st->text + i, cut - i, ROLE_NORMAL);
                memcpy(line.roles + line.len - (cut - i), st->roles + i, cut - i);
                i = cut;
                placed = true;
                break;
            }
            if (placed) {
                styled_add(&line, " ", 1, ROLE_NORMAL);
                line.roles[line.len - 1] = st->roles[i > 0 ? i - 1 : 0];
            }
            styled_add(&line, st->text + i, w_end - i, ROLE_NORMAL);
            memcpy(line.roles + line.len - (w_end - i), st->roles + i, w_end - i);
            used += need;
            placed = true;
            i = w_end;
            while (i < n && st->text[i] == ' ')
                i++;
        }
        push_line(d, &line, tag);
        any = true;
        prefix = rest;
    }
    styled_fini(&line);
}

/* ---- prose: paragraphs and lists --------------------------------------- */

typedef struct ProseCtx {
    int width;
    int indent;
    Role base;
    const MarkupOptions *opt;
    const char *lead;      /* drawn before the first line (callout bar), may be NULL */
    Role lead_role;
} ProseCtx;

/* Returns the length of a list marker at the start of a line ("- ", "* ",
 * "12. "), or 0. */
static size_t list_marker(const char *s, size_t n, bool *numbered)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
        *numbered = false;
        return 2;
    }
    size_t i = 0;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ') {
        *numbered = true;
        return i + 2;
    }
    return 0;
}

static void spaces(Styled *st, int n, Role role)
{
    for (int i = 0; i < n; i++)
        styled_add(st, " ", 1, role);
}

static void emit_item(Doc *d, const ProseCtx *c, const char *s, size_t n, const char *marker,
                      size_t mlen, bool numbered, Tag *tag)
{
    Styled body = {0}, first = {0}, rest = {0};
    markup_inline(s, n, c->base, c->opt, &body);
    if (c->lead) {
        styled_adds(&first, c->lead, c->lead_role);
        styled_adds(&rest, c->lead, c->lead_role);
    }
    spaces(&first, c->indent, ROLE_NORMAL);
    spaces(&rest, c->indent, ROLE_NORMAL);
    if (marker) {
        if (numbered) {
            styled_add(&first, marker, mlen - 1, c->base);
            styled_add(&first, " ", 1, c->base);
            spaces(&rest, (int)mlen, ROLE_NORMAL);
        } else {
            char g[8];
            size_t gl = utf8_encode(glyph(c->opt->ascii, GLYPH_BULLET), g);
            styled_adds(&first, "  ", ROLE_NORMAL);
            styled_add(&first, g, gl, ROLE_SUBTLE);
            styled_adds(&first, " ", ROLE_NORMAL);
            spaces(&rest, 4, ROLE_NORMAL);
        }
    }
    wrap(d, &body, &first, &rest, c->width, tag);
    styled_fini(&body);
    styled_fini(&first);
    styled_fini(&rest);
}

/* Lays out prose: blank lines separate paragraphs; a line starting with a
 * list marker starts an item; other lines continue the current one. */
static void emit_prose(Doc *d, const ProseCtx *c, const char *text, Tag *tag)
{
    const char *p = text;
    bool first_para = true;
    while (*p) {
        while (*p == '\n' || *p == ' ')
            p++;
        if (!*p)
            break;
        if (!first_para) {
            if (c->lead) {
                Styled lead = {0};
                styled_adds(&lead, c->lead, c->lead_role);
                push_line(d, &lead, tag);
                styled_fini(&lead);
            } else {
                push_blank(d, tag);
            }
        }
        first_para = false;
        /* One paragraph runs to the next blank line; items split it further. */
        const char *para_end = strstr(p, "\n\n");
        if (!para_end)
            para_end = p + strlen(p);
        const char *item = p;
        while (item < para_end) {
            bool numbered = false;
            size_t mlen = list_marker(item, (size_t)(para_end - item), &numbered);
            const char *body = item + mlen;
            const char *next = body;
            for (;;) {
                const char *nl = memchr(next, '\n', (size_t)(para_end - next));
                if (!nl) {
                    next = para_end;
                    break;
                }
                const char *ln = nl + 1;
                while (ln < para_end && *ln == ' ')
                    ln++;
                bool num2;
                if (ln >= para_end || list_marker(ln, (size_t)(para_end - ln), &num2)) {
                    next = ln < para_end ? ln : para_end;
                    break;
                }
                next = nl + 1;
            }
            emit_item(d, c, body, (size_t)(next - body), mlen ? item : NULL, mlen, numbered, tag);
            item = next;
        }
        p = para_end;
    }
}

void doc_add_prose(Doc *d, const char *text, int width, int indent, bool ascii)
{
    MarkupOptions opt = {.ascii = ascii};
    ProseCtx c = {.width = width, .indent = indent, .base = ROLE_NORMAL, .opt = &opt};
    Tag tag = {-1, -1, 0};
    emit_prose(d, &c, text, &tag);
}

/* ---- blocks ------------------------------------------------------------ */

static int cite_number(const char *id, size_t len, const void *ctx)
{
    const Chapter *ch = ctx;
    for (size_t i = 0; i < ch->nsources; i++)
        if (strlen(ch->sources[i].id) == len && memcmp(ch->sources[i].id, id, len) == 0)
            return (int)i + 1;
    return 0;
}

static void add_glyph(Styled *st, bool ascii, Glyph g, Role role)
{
    char enc[4];
    styled_add(st, enc, utf8_encode(glyph(ascii, g), enc), role);
}

static void rule(Styled *st, bool ascii, int count, Role role)
{
    for (int i = 0; i < count; i++)
        add_glyph(st, ascii, GLYPH_HLINE, role);
}

static void emit_code(Doc *d, const Block *b, int width, bool ascii, Tag *tag)
{
    const char *p = b->text;
    int avail = width - 4 > 8 ? width - 4 : 8;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *raw = xstrndup(p, n);
        /* Tabs become four spaces; ASCII mode spells out the rest. */
        Styled code = {0};
        for (char *q = raw; *q; q++)
            if (*q == '\t')
                styled_adds(&code, "    ", ROLE_CODEBLOCK);
            else
                styled_add(&code, q, 1, ROLE_CODEBLOCK);
        free(raw);
        if (ascii) {
            char *a = glyph_asciify(code.text ? code.text : "");
            styled_clear(&code);
            styled_adds(&code, a, ROLE_CODEBLOCK);
            free(a);
        }
        size_t i = 0;
        bool cont = false;
        do {
            Styled line = {0};
            styled_adds(&line, "  ", ROLE_NORMAL);
            add_glyph(&line, ascii, cont ? GLYPH_WRAP : GLYPH_VLINE, ROLE_SUBTLE);
            styled_adds(&line, " ", ROLE_NORMAL);
            size_t start = i, w = 0;
            while (i < code.len) {
                uint32_t cp;
                size_t len = utf8_decode(code.text + i, code.len - i, &cp);
                int cw = utf8_cp_width(cp);
                if (w + (size_t)cw > (size_t)avail)
                    break;
                w += (size_t)cw;
                i += len;
            }
            if (i == start && i < code.len)
                i++;
            styled_add(&line, code.text ? code.text + start : "", i - start, ROLE_CODEBLOCK);
            push_line(d, &line, tag);
            styled_fini(&line);
            cont = true;
        } while (i < code.len);
        styled_fini(&code);
        if (!nl)
            break;
        p = nl + 1;
        if (!*p)
            break;
    }
}

static const char *callout_label(CalloutKind k)
{
    switch (k) {
    case CALLOUT_NOTE: return "Note";
    case CALLOUT_TIP: return "Tip";
    case CALLOUT_WARNING: return "Warning";
    case CALLOUT_MISCONCEPTION: return "Misconception";
    }
    return "Note";
}

static Role callout_role(CalloutKind k)
{
    switch (k) {
    case CALLOUT_NOTE: return ROLE_NOTE;
    case CALLOUT_TIP: return ROLE_TIP;
    case CALLOUT_WARNING: return ROLE_WARNING;
    case CALLOUT_MISCONCEPTION: return ROLE_MISCONCEPTION;
    }
    return ROLE_NOTE;
}

static void emit_callout(Doc *d, const Block *b, const MarkupOptions *opt, int width, Tag *tag)
{
    Role role = callout_role(b->callout);
    bool ascii = opt->ascii;
    int inner = width - 2;
    Styled top = {0}, indent = {0};
    styled_adds(&indent, "  ", ROLE_NORMAL);
    add_glyph(&top, ascii, GLYPH_TOP_LEFT, role);
    add_glyph(&top, ascii, GLYPH_HLINE, role);
    styled_adds(&top, " ", role);
    styled_adds(&top, callout_label(b->callout), role);
    if (b->title) {
        styled_adds(&top, ": ", role);
        markup_inline(b->title, strlen(b->title), role, opt, &top);
    }
    styled_adds(&top, " ", role);
    int used = 2 + (int)utf8_width(top.text, top.len);
    if (used < inner)
        rule(&top, ascii, inner - used, role);
    wrap(d, &top, &indent, &indent, width, tag); /* a long title wraps */
    styled_fini(&top);
    styled_fini(&indent);

    char lead[16];
    size_t ll = 0;
    lead[ll++] = ' ';
    lead[ll++] = ' ';
    ll += utf8_encode(glyph(ascii, GLYPH_VLINE), lead + ll);
    lead[ll++] = ' ';
    lead[ll] = '\0';
    ProseCtx c = {.width = width, .indent = 0, .base = ROLE_NORMAL, .opt = opt,
                  .lead = lead, .lead_role = role};
    emit_prose(d, &c, b->text, tag);

    Styled bottom = {0};
    styled_adds(&bottom, "  ", ROLE_NORMAL);
    add_glyph(&bottom, ascii, GLYPH_BOTTOM_LEFT, role);
    rule(&bottom, ascii, inner - 3 > 1 ? inner - 3 : 1, role);
    push_line(d, &bottom, tag);
    styled_fini(&bottom);
}

static long title_of(const DocTitles *t, const char *id)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (strcmp(t->ids[i], id) == 0)
            return (long)i;
    return -1;
}

static void emit_reference(Doc *d, const Block *b, bool ascii, const DocTitles *titles,
                           Tag *tag)
{
    Styled st = {0};
    styled_adds(&st, "  ", ROLE_NORMAL);
    add_glyph(&st, ascii, GLYPH_POINTER, ROLE_STRONG);
    long k = b->kind == BLOCK_EXERCISE ? title_of(titles, b->text) : -1;
    if (k >= 0) { /* "Exercise (predict): its title" */
        styled_adds(&st, " Exercise (", ROLE_STRONG);
        styled_adds(&st, titles->kinds[k], ROLE_STRONG);
        styled_adds(&st, "): ", ROLE_STRONG);
        /* the title shortened to keep "(press x)" on a narrow screen */
        const char *t = titles->titles[k];
        int room = d->width - 8 - (int)strlen(titles->kinds[k]) - 14 - 11;
        size_t bytes = 0;
        int cols = 0;
        while (t[bytes]) {
            uint32_t cp;
            size_t n = utf8_decode(t + bytes, strlen(t + bytes), &cp);
            int w = utf8_cp_width(cp);
            if (cols + w > (room > 8 ? room : 8))
                break;
            cols += w;
            bytes += n ? n : 1;
        }
        char *shown = xstrndup(t, bytes);
        styled_adds(&st, shown, ROLE_NORMAL);
        if (t[bytes])
            styled_adds(&st, ascii ? "..." : "\xe2\x80\xa6", ROLE_NORMAL);
        free(shown);
    } else {
        styled_adds(&st, b->kind == BLOCK_EXERCISE ? " Exercise: " : " Check yourself: ",
                    ROLE_STRONG);
        styled_adds(&st, b->text, ROLE_CODE);
    }
    styled_adds(&st, b->kind == BLOCK_EXERCISE ? "  (press x)" : "  (press c for the check)",
                ROLE_SUBTLE);
    push_line(d, &st, tag);
    styled_fini(&st);
}

static void emit_block(Doc *d, const Block *b, const MarkupOptions *opt, int width,
                       const DocTitles *titles, Tag *tag)
{
    switch (b->kind) {
    case BLOCK_TEXT: {
        ProseCtx c = {.width = width, .base = ROLE_NORMAL, .opt = opt};
        emit_prose(d, &c, b->text, tag);
        break;
    }
    case BLOCK_CODE: emit_code(d, b, width, opt->ascii, tag); break;
    case BLOCK_CALLOUT: emit_callout(d, b, opt, width, tag); break;
    case BLOCK_EXERCISE:
    case BLOCK_QUIZ: emit_reference(d, b, opt->ascii, titles, tag); break;
    }
}

/* ---- the whole chapter ------------------------------------------------- */

static void emit_heading(Doc *d, const char *text, bool ascii, Tag *tag)
{
    Styled st = {0};
    MarkupOptions opt = {.ascii = ascii};
    markup_inline(text, strlen(text), ROLE_HEADING, &opt, &st);
    Styled none = {0};
    wrap(d, &st, &none, &none, d->width, tag);
    size_t w = utf8_width(st.text, st.len);
    styled_clear(&st);
    rule(&st, ascii, (int)(w < (size_t)d->width ? w : (size_t)d->width), ROLE_SUBTLE);
    push_line(d, &st, tag);
    styled_fini(&st);
}

static void emit_header(Doc *d, const Chapter *ch, const MarkupOptions *opt, Tag *tag)
{
    Styled st = {0}, none = {0};
    char buf[64];
    snprintf(buf, sizeof buf, "Chapter %d", ch->number);
    styled_adds(&st, buf, ROLE_SUBTLE);
    push_line(d, &st, tag);
    styled_clear(&st);
    markup_inline(ch->title, strlen(ch->title), ROLE_HEADING, opt, &st);
    wrap(d, &st, &none, &none, d->width, tag);
    styled_clear(&st);
    markup_inline(ch->subtitle, strlen(ch->subtitle), ROLE_EMPH, opt, &st);
    wrap(d, &st, &none, &none, d->width, tag);
    styled_clear(&st);
    snprintf(buf, sizeof buf, "%s %s %d min read %s %zu sections", ch->difficulty,
             opt->ascii ? "-" : "\xc2\xb7", ch->read_minutes, opt->ascii ? "-" : "\xc2\xb7",
             ch->nsections);
    styled_adds(&st, buf, ROLE_SUBTLE);
    wrap(d, &st, &none, &none, d->width, tag);
    push_blank(d, tag);
    styled_clear(&st);
    styled_adds(&st, "What you will learn", ROLE_STRONG);
    push_line(d, &st, tag);
    ProseCtx c = {.width = d->width, .base = ROLE_NORMAL, .opt = opt};
    for (size_t i = 0; i < ch->nobjectives; i++)
        emit_item(d, &c, ch->objectives[i], strlen(ch->objectives[i]), "- ", 2, false, tag);
    styled_fini(&st);
}

static void emit_sources(Doc *d, const Chapter *ch, const MarkupOptions *opt, Tag *tag)
{
    emit_heading(d, "Sources", opt->ascii, tag);
    for (size_t i = 0; i < ch->nsources; i++) {
        const Source *s = &ch->sources[i];
        Styled body = {0}, first = {0}, rest = {0};
        char mark[32];
        snprintf(mark, sizeof mark, "[%zu] ", i + 1);
        styled_adds(&first, mark, ROLE_CITE);
        spaces(&rest, (int)strlen(mark), ROLE_NORMAL);
        markup_inline(s->title, strlen(s->title), ROLE_NORMAL, opt, &body);
        wrap(d, &body, &first, &rest, d->width, tag);
        if (s->url) {
            styled_clear(&body);
            styled_adds(&body, s->url, ROLE_SUBTLE);
            wrap(d, &body, &rest, &rest, d->width, tag);
        }
        styled_fini(&body);
        styled_fini(&first);
        styled_fini(&rest);
    }
}

void doc_layout_chapter(Doc *d, const Chapter *ch, int width, bool ascii)
{
    doc_layout_chapter_titled(d, ch, width, ascii, NULL);
}

void doc_layout_chapter_titled(Doc *d, const Chapter *ch, int width, bool ascii,
                               const DocTitles *titles)
{
    doc_fini(d);
    d->width = width < 20 ? 20 : width;
    MarkupOptions opt = {.ascii = ascii, .cite = cite_number, .cite_ctx = ch};
    Tag tag = {-1, -1, 0};
    emit_header(d, ch, &opt, &tag);

    d->nsections = ch->nsections;
    d->section_line = xcalloc(ch->nsections + 1, sizeof *d->section_line);
    for (size_t s = 0; s < ch->nsections; s++) {
        const Section *sec = &ch->sections[s];
        tag = (Tag){(int)s, -1, 0};
        push_blank(d, &tag);
        d->section_line[s] = d->n;
        char *title = xmalloc(strlen(sec->title) + 32);
        sprintf(title, "%d.%zu %s", ch->number, s + 1, sec->title);
        emit_heading(d, title, ascii, &tag);
        free(title);
        for (size_t b = 0; b < sec->nblocks; b++) {
            tag = (Tag){(int)s, (int)b, 0};
            push_blank(d, &tag);
            emit_block(d, &sec->blocks[b], &opt, d->width, titles, &tag);
        }
    }
    tag = (Tag){(int)ch->nsections, -1, 0};
    push_blank(d, &tag);
    emit_sources(d, ch, &opt, &tag);
    push_blank(d, &tag);
    char end[64];
    snprintf(end, sizeof end, "End of chapter %d.", ch->number);
    Styled st = {0};
    styled_adds(&st, end, ROLE_SUBTLE);
    push_line(d, &st, &tag);
    styled_fini(&st);
}

size_t doc_find(const Doc *d, int section, int block, int sub)
{
    if (section < 0 || (size_t)section >= d->nsections)
        return 0;
    size_t best = d->section_line[section];
    if (best > 0 && d->lines[best - 1].section == section)
        best--; /* the blank line above the heading belongs to the section too */
    for (size_t i = best; i < d->n && d->lines[i].section == section; i++) {
        const DocLine *l = &d->lines[i];
        if (l->block < block || (l->block == block && l->sub <= sub))
            best = i;
        else
            break;
    }
    return best;
}

int doc_section_of(const Doc *d, size_t line)
{
    if (line >= d->n)
        return d->n ? d->lines[d->n - 1].section : -1;
    return d->lines[line].section;
}
