/*
 * ydoc: libyaml events into a node tree, with the limits and diagnostics
 * described in ydoc.h.  One explicit stack of open collections replaces
 * recursion, so hostile nesting costs a bounded array, not the C stack.
 */
#include "course/ydoc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/printable.h"
#include "base/xalloc.h"
#include "course/yevents_read.h"

#define CHUNK_NODES 512

struct YChunk {
    YChunk *next;
    size_t used;
    YNode nodes[CHUNK_NODES];
};

typedef struct Frame {
    YNode *node;
    size_t cap; /* allocated slots in node->kids */
} Frame;

typedef struct Builder {
    YDoc *doc;
    DiagList *diags;
    Frame stack[YDOC_MAX_DEPTH];
    int depth;
    int ndocs;
    long nevents;
} Builder;

/* ---- storage ------------------------------------------------------------ */

static YNode *node_new(YDoc *doc, YKind kind, yaml_mark_t start)
{
    if (!doc->chunks || doc->chunks->used == CHUNK_NODES) {
        YChunk *c = xmalloc(sizeof *c);
        c->next = doc->chunks;
        c->used = 0;
        doc->chunks = c;
    }
    YNode *n = &doc->chunks->nodes[doc->chunks->used++];
    *n = (YNode){.kind = kind, .loc = {(int)start.line + 1, (int)start.column + 1}};
    return n;
}

void ydoc_fini(YDoc *doc)
{
    YChunk *c = doc->chunks;
    while (c) {
        for (size_t i = 0; i < c->used; i++) {
            free(c->nodes[i].str);
            free(c->nodes[i].kids);
        }
        YChunk *next = c->next;
        free(c);
        c = next;
    }
    free(doc->file);
    free(doc->src);
    free(doc->lines);
    *doc = (YDoc){0};
}

/* ---- diagnostics -------------------------------------------------------- */

void ydoc_error(YDoc *doc, DiagList *diags, SrcLoc at, const char *fmt, ...)
{
    if (++doc->nerrors > YDOC_MAX_ERRORS)
        return; /* counted; the caller says how many were left out */
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    diag_add(diags, DIAG_ERROR, doc->file, at.line, at.col, "%s", buf_str(&msg));
    buf_fini(&msg);
}

/* A limit or syntax problem: always reported, and ends the parse. */
static bool fatal(Builder *b, yaml_mark_t m, const char *msg)
{
    b->doc->nerrors++;
    diag_add(b->diags, DIAG_ERROR, b->doc->file, (int)m.line + 1, (int)m.column + 1, "%s",
             msg);
    return false;
}

/* Text a terminal would obey (ESC, BEL, C1, bidi overrides) never reaches a
 * screen from a lesson or a pack: refused where it is written (issue 20). */
static bool fatal_control(Builder *b, yaml_mark_t m, unsigned cp)
{
    char what[64], msg[160];
    printable_describe(cp, what, sizeof what);
    snprintf(msg, sizeof msg, "the text holds %s, which a terminal would not show as text; "
             "remove it", what);
    return fatal(b, m, msg);
}

static int count_code_points(const char *s, size_t n)
{
    int cps = 0;
    for (size_t i = 0; i < n; i++)
        cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cps;
}

static SrcLoc loc_of_offset(const YDoc *doc, size_t offset)
{
    SrcLoc at = {1, 1};
    size_t line_start = 0;
    if (offset > doc->srclen)
        offset = doc->srclen;
    for (size_t i = 0; i < offset; i++) {
        if (doc->src[i] == '\n') {
            at.line++;
            line_start = i + 1;
        }
    }
    at.col = 1 + count_code_points(doc->src + line_start, offset - line_start);
    return at;
}

static void report_parser_error(Builder *b, const yaml_parser_t *p)
{
    YDoc *doc = b->doc;
    doc->nerrors++;
    if (p->error == YAML_MEMORY_ERROR) {
        diag_add(b->diags, DIAG_ERROR, doc->file, 0, 0, "out of memory while parsing");
    } else if (p->error == YAML_READER_ERROR) {
        SrcLoc at = loc_of_offset(doc, p->problem_offset);
        if (p->problem_value != -1)
            diag_add(b->diags, DIAG_ERROR, doc->file, at.line, at.col,
                     "%s (found 0x%02X); lesson files must be UTF-8 text", p->problem,
                     (unsigned)p->problem_value);
        else
            diag_add(b->diags, DIAG_ERROR, doc->file, at.line, at.col,
                     "%s; lesson files must be UTF-8 text", p->problem);
    } else {
        const char *problem = p->problem ? p->problem : "invalid YAML";
        diag_add(b->diags, DIAG_ERROR, doc->file, (int)p->problem_mark.line + 1,
                 (int)p->problem_mark.column + 1, "invalid YAML: %s", problem);
        if (p->context)
            diag_add(b->diags, DIAG_NOTE, doc->file, (int)p->context_mark.line + 1,
                     (int)p->context_mark.column + 1, "%s", p->context);
    }
}

/* ---- building the tree -------------------------------------------------- */

typedef struct StrRef {
    const char *s;
    size_t index;
} StrRef;

static int cmp_strref(const void *pa, const void *pb)
{
    const StrRef *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

void ydoc_find_repeats(const char *const *strs, size_t n, size_t *first)
{
    StrRef *sorted = xmalloc((n ? n : 1) * sizeof *sorted);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        first[i] = i;
        if (strs[i])
            sorted[m++] = (StrRef){strs[i], i};
    }
    /* Sorting keeps this O(n log n): a file may hold 10,000 sections. */
    qsort(sorted, m, sizeof *sorted, cmp_strref);
    for (size_t i = 1; i < m; i++)
        if (strcmp(sorted[i].s, sorted[i - 1].s) == 0)
            first[sorted[i].index] = first[sorted[i - 1].index];
    free(sorted);
}

/* libyaml keeps repeated keys; a lesson author almost never means that. */
static void check_duplicate_keys(Builder *b, const YNode *map)
{
    size_t n = ymap_len(map);
    if (n < 2)
        return;
    const char **keys = xmalloc(n * sizeof *keys);
    size_t *first = xmalloc(n * sizeof *first);
    for (size_t i = 0; i < n; i++)
        keys[i] = ymap_key(map, i)->str;
    ydoc_find_repeats(keys, n, first);
    for (size_t i = 0; i < n; i++)
        if (first[i] != i)
            ydoc_error(b->doc, b->diags, ymap_key(map, i)->loc,
                       "duplicate key '%s' (first given at line %d)", keys[i],
                       ymap_key(map, first[i])->loc.line);
    free(keys);
    free(first);
}

static bool attach(Builder *b, YNode *node, yaml_mark_t m)
{
    if (b->depth == 0) {
        b->doc->root = node;
        return true;
    }
    Frame *f = &b->stack[b->depth - 1];
    if (f->node->kind == YNODE_MAP && f->node->nkids % 2 == 0 && node->kind != YNODE_SCALAR)
        return fatal(b, m, "a mapping key must be plain text, not a list or mapping");
    f->node->kids = xgrow(f->node->kids, &f->cap, f->node->nkids + 1, sizeof *f->node->kids);
    f->node->kids[f->node->nkids++] = node;
    return true;
}

static bool refuse_anchor_and_tag(Builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                                  const yaml_char_t *tag)
{
    if (anchor)
        return fatal(b, ev->start_mark, "anchors and aliases are not supported in lesson files");
    if (tag)
        return fatal(b, ev->start_mark, "tags (such as '!!str') are not supported in lesson files");
    return true;
}

static bool on_scalar(Builder *b, const yaml_event_t *ev)
{
    if (!refuse_anchor_and_tag(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
        return false;
    if (ev->data.scalar.length > YDOC_MAX_SCALAR)
        return fatal(b, ev->start_mark, "text longer than 1 MiB is not supported in lesson files");
    unsigned cp;
    const char *v = (const char *)ev->data.scalar.value;
    if (printable_bad_at(v, ev->data.scalar.length, PRINTABLE_LINES, &cp) < ev->data.scalar.length)
        return fatal_control(b, ev->start_mark, cp);
    YNode *n = node_new(b->doc, YNODE_SCALAR, ev->start_mark);
    n->end_line = (int)ev->end_mark.line + 1;
    n->str = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
    n->len = ev->data.scalar.length;
    switch (ev->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = YSTYLE_QUOTED; break;
    case YAML_LITERAL_SCALAR_STYLE: n->style = YSTYLE_LITERAL; break;
    case YAML_FOLDED_SCALAR_STYLE: n->style = YSTYLE_FOLDED; break;
    default: n->style = YSTYLE_PLAIN; break;
    }
    return attach(b, n, ev->start_mark);
}

static bool on_start(Builder *b, const yaml_event_t *ev, YKind kind)
{
    const yaml_char_t *anchor = kind == YNODE_MAP ? ev->data.mapping_start.anchor
                                                  : ev->data.sequence_start.anchor;
    const yaml_char_t *tag = kind == YNODE_MAP ? ev->data.mapping_start.tag
                                               : ev->data.sequence_start.tag;
    if (!refuse_anchor_and_tag(b, ev, anchor, tag))
        return false;
    if (b->depth == YDOC_MAX_DEPTH)
        return fatal(b, ev->start_mark,
                     "lists and mappings nested deeper than 32 levels are not supported");
    YNode *n = node_new(b->doc, kind, ev->start_mark);
    if (!attach(b, n, ev->start_mark))
        return false;
    b->stack[b->depth++] = (Frame){.node = n};
    return true;
}

static void on_end(Builder *b, const yaml_event_t *ev)
{
    YNode *n = b->stack[--b->depth].node;
    n->end_line = (int)ev->end_mark.line + 1;
    if (n->kind == YNODE_MAP)
        check_duplicate_keys(b, n);
}

/* Handles one event; false ends the parse (the reason is reported). */
static bool on_event(Builder *b, const yaml_event_t *ev)
{
    if (++b->nevents > YDOC_MAX_EVENTS)
        return fatal(b, ev->start_mark,
                     "more than 1000000 YAML events; the file is too large to be a lesson");
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->ndocs > 1)
            return fatal(b, ev->start_mark,
                         "more than one document; a lesson file holds exactly one (remove this '---')");
        return true;
    case YAML_ALIAS_EVENT:
        return fatal(b, ev->start_mark, "anchors and aliases are not supported in lesson files");
    case YAML_SCALAR_EVENT: return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT: return on_start(b, ev, YNODE_SEQ);
    case YAML_MAPPING_START_EVENT: return on_start(b, ev, YNODE_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: on_end(b, ev); return true;
    default: return true;
    }
}

static void index_lines(YDoc *doc)
{
    size_t cap = 0;
    doc->lines = xgrow(NULL, &cap, 1, sizeof *doc->lines);
    doc->lines[doc->nlines++] = 0;
    for (size_t i = 0; i < doc->srclen; i++)
        if (doc->src[i] == '\n') {
            doc->lines = xgrow(doc->lines, &cap, doc->nlines + 1, sizeof *doc->lines);
            doc->lines[doc->nlines++] = i + 1;
        }
}

bool ydoc_parse(YDoc *doc, const char *display, const char *text, size_t len, DiagList *diags)
{
    *doc = (YDoc){.file = xstrdup(display)};
    doc->src = xstrndup(text, len);
    doc->srclen = len;
    index_lines(doc);
    if (len == 0) {
        ydoc_error(doc, diags, (SrcLoc){1, 1}, "the file is empty; expected a mapping");
        return false;
    }

    Builder b = {.doc = doc, .diags = diags};
    YEvents events;
    if (!yev_open(&events, (const unsigned char *)doc->src, len)) {
        diag_add(diags, DIAG_ERROR, doc->file, 0, 0, "out of memory while parsing");
        doc->nerrors++;
        return false;
    }
    bool ok = true, done = false;
    while (ok && !done) {
        const yaml_event_t *ev = yev_next(&events);
        if (!ev) {
            report_parser_error(&b, yev_parser(&events));
            ok = false;
            break;
        }
        done = ev->type == YAML_STREAM_END_EVENT;
        ok = on_event(&b, ev);
    }
    yev_close(&events);
    if (ok && !doc->root) {
        ydoc_error(doc, diags, (SrcLoc){1, 1},
                   "the file holds no YAML document (only comments or blank lines); expected a mapping");
        ok = false;
    }
    if (!ok)
        doc->root = NULL;
    return ok;
}

bool ydoc_read_file(YDoc *doc, const char *path, const char *display, DiagList *diags)
{
    Buf text = {0}, err = {0};
    bool ok;
    if (!file_read(path, YDOC_MAX_FILE, &text, &err)) {
        *doc = (YDoc){.file = xstrdup(display), .nerrors = 1};
        /* file_read names the path itself; the size refusal gets a position
         * and our wording, other failures (missing, unreadable) have none. */
        if (strstr(buf_str(&err), "larger than"))
            diag_add(diags, DIAG_ERROR, display, 1, 1,
                     "the file is larger than 4 MiB (%u bytes); lesson files must be smaller",
                     YDOC_MAX_FILE);
        else
            diag_add(diags, DIAG_ERROR, display, 0, 0, "%s", buf_str(&err));
        ok = false;
    } else {
        ok = ydoc_parse(doc, display, text.data, text.len, diags);
    }
    buf_fini(&text);
    buf_fini(&err);
    return ok;
}

/* ---- queries ------------------------------------------------------------ */

size_t ymap_len(const YNode *map)
{
    return map && map->kind == YNODE_MAP ? map->nkids / 2 : 0;
}

const YNode *ymap_key(const YNode *map, size_t i)
{
    return map->kids[2 * i];
}

const YNode *ymap_val(const YNode *map, size_t i)
{
    return map->kids[2 * i + 1];
}

const YNode *ymap_get(const YNode *map, const char *key)
{
    size_t n = ymap_len(map);
    for (size_t i = 0; i < n; i++)
        if (strcmp(ymap_key(map, i)->str, key) == 0)
            return ymap_val(map, i);
    return NULL;
}

/* Byte range of 1-based source line `line`; false past the end. */
static bool source_line(const YDoc *doc, int line, const char **s, size_t *n)
{
    if (line < 1 || (size_t)line > doc->nlines)
        return false;
    const char *p = doc->src + doc->lines[line - 1], *end = doc->src + doc->srclen;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *s = p;
    *n = (size_t)((nl ? nl : end) - p);
    if (*n > 0 && p[*n - 1] == '\r')
        (*n)--;
    return true;
}

/* Does the source at (line, col) read exactly like `want`? */
static bool source_matches(const YDoc *doc, SrcLoc at, const char *want, size_t n)
{
    const char *s;
    size_t len;
    if (!source_line(doc, at.line, &s, &len))
        return false;
    size_t i = 0;
    for (int c = 1; c < at.col && i < len; c++)
        do
            i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i + n <= len && memcmp(s + i, want, n) == 0;
}

static SrcLoc locate_in_literal(const YDoc *doc, const YNode *sc, size_t offset)
{
    int k = 0;
    size_t vstart = 0;
    for (size_t i = 0; i < offset; i++)
        if (sc->str[i] == '\n') {
            k++;
            vstart = i + 1;
        }
    const char *nl = memchr(sc->str + vstart, '\n', sc->len - vstart);
    size_t vlen = (size_t)((nl ? nl : sc->str + sc->len) - (sc->str + vstart));
    const char *s;
    size_t slen;
    /* Content starts on the line after the '|' indicator. */
    if (!source_line(doc, sc->loc.line + 1 + k, &s, &slen) || slen < vlen ||
        memcmp(s + slen - vlen, sc->str + vstart, vlen) != 0)
        return sc->loc;
    return (SrcLoc){sc->loc.line + 1 + k,
                    1 + count_code_points(s, slen - vlen) +
                        count_code_points(sc->str + vstart, offset - vstart)};
}

SrcLoc ydoc_locate(const YDoc *doc, const YNode *sc, size_t offset)
{
    if (sc->kind != YNODE_SCALAR || offset >= sc->len)
        return sc->loc;
    if (sc->style == YSTYLE_LITERAL)
        return locate_in_literal(doc, sc, offset);
    if (sc->style == YSTYLE_FOLDED || sc->end_line != sc->loc.line ||
        memchr(sc->str, '\n', sc->len))
        return sc->loc;
    SrcLoc at = sc->loc;
    at.col += (sc->style == YSTYLE_QUOTED) + count_code_points(sc->str, offset);
    size_t want = sc->len - offset < 2 ? sc->len - offset : 2;
    return source_matches(doc, at, sc->str + offset, want) ? at : sc->loc;
}
