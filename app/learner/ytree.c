/*
 * ytree: the libyaml event stream folded into a tree (see ytree.h), and the
 * typed getters the schema readers use.  Owns the safety rules for YAML read
 * by app/learner's assessment code; the progress file keeps its own reader.
 */
#include "learner/ytree.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/xalloc.h"
#include "course/yevents_read.h"

void yt_error(YtDoc *d, const YtNode *n, const char *fmt, ...)
{
    if (d->errors >= YTREE_MAX_ERRORS)
        return;
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    diag_add(d->diags, DIAG_ERROR, d->file, n ? n->line : 0, n ? n->col : 0, "%s",
             buf_str(&msg));
    buf_fini(&msg);
    if (++d->errors == YTREE_MAX_ERRORS)
        diag_add(d->diags, DIAG_NOTE, d->file, 0, 0, "too many errors; not reporting more");
}

static void error_at(YtDoc *d, yaml_mark_t m, const char *msg)
{
    diag_add(d->diags, DIAG_ERROR, d->file, (int)m.line + 1, (int)m.column + 1, "%s", msg);
    d->errors++;
}

static void node_free(YtNode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nkids; i++)
        node_free(n->kids[i]);
    free(n->kids);
    free(n->str);
    free(n);
}

void ytree_fini(YtDoc *d)
{
    node_free(d->root);
    d->root = NULL;
}

static YtNode *node_new(YtKind kind, yaml_mark_t m)
{
    YtNode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->col = (int)m.column + 1;
    return n;
}

static void add_kid(YtNode *parent, YtNode *kid)
{
    parent->kids = xrealloc(parent->kids, (parent->nkids + 1) * sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

/* A mapping just closed: report keys given twice and keys that are not
 * plain strings (the schemas only use string keys). */
static void check_map(YtDoc *d, const YtNode *m)
{
    for (size_t i = 0; i < m->nkids; i += 2) {
        const YtNode *k = m->kids[i];
        if (k->kind != YT_SCALAR) {
            yt_error(d, k, "expected a key (a name), found %s", yt_kind_name(k));
            continue;
        }
        for (size_t j = 0; j < i; j += 2)
            if (m->kids[j]->kind == YT_SCALAR && strcmp(m->kids[j]->str, k->str) == 0) {
                yt_error(d, k, "key '%s' appears twice (first at line %d); expected it once",
                         k->str, m->kids[j]->line);
                break;
            }
    }
}

static bool refused(YtDoc *d, const yaml_event_t *ev)
{
    const yaml_char_t *anchor = NULL, *tag = NULL;
    if (ev->type == YAML_ALIAS_EVENT) {
        error_at(d, ev->start_mark, "aliases (*name) are not allowed; expected a plain value");
        return true;
    }
    if (ev->type == YAML_SCALAR_EVENT)
        anchor = ev->data.scalar.anchor, tag = ev->data.scalar.tag;
    else if (ev->type == YAML_MAPPING_START_EVENT)
        anchor = ev->data.mapping_start.anchor, tag = ev->data.mapping_start.tag;
    else if (ev->type == YAML_SEQUENCE_START_EVENT)
        anchor = ev->data.sequence_start.anchor, tag = ev->data.sequence_start.tag;
    if (anchor || tag) {
        error_at(d, ev->start_mark, anchor ? "anchors (&name) are not allowed; expected a "
                                             "plain value"
                                           : "tags (!name) are not allowed; expected a plain "
                                             "value");
        return true;
    }
    return false;
}

static void syntax_error(YtDoc *d, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "unreadable YAML";
    if (p->error == YAML_READER_ERROR)
        diag_add(d->diags, DIAG_ERROR, d->file, 0, 0, "%s at byte %zu; expected UTF-8 text",
                 problem, p->problem_offset);
    else
        error_at(d, p->problem_mark, problem);
    if (p->context)
        diag_add(d->diags, DIAG_NOTE, d->file, (int)p->context_mark.line + 1,
                 (int)p->context_mark.column + 1, "%s", p->context);
    if (p->error == YAML_READER_ERROR)
        d->errors++;
}

bool ytree_parse(YtDoc *d, const char *text, size_t len, const char *file, DiagList *diags)
{
    *d = (YtDoc){.file = file, .diags = diags};
    YEvents p;
    if (!yev_open(&p, (const unsigned char *)text, len)) {
        yt_error(d, NULL, "out of memory while reading the file");
        return false;
    }
    YtNode *stack[YTREE_MAX_DEPTH + 1];
    int depth = 0, docs = 0;
    size_t events = 0;
    bool ok = true, done = false;
    while (ok && !done) {
        const yaml_event_t *evp = yev_next(&p);
        if (!evp) {
            syntax_error(d, yev_parser(&p));
            ok = false;
            break;
        }
        const yaml_event_t ev = *evp; /* borrowed: yev_close frees it */
        if (++events > YTREE_MAX_EVENTS) {
            error_at(d, ev.start_mark, "too many YAML events; expected a smaller file");
            ok = false;
        } else if (refused(d, &ev)) {
            ok = false;
        }
        YtNode *n = NULL;
        switch (ok ? ev.type : YAML_NO_EVENT) {
        case YAML_STREAM_END_EVENT: done = true; break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                error_at(d, ev.start_mark, "a second YAML document; expected one per file");
                ok = false;
            }
            break;
        case YAML_DOCUMENT_END_EVENT: d->explicit_end = !ev.data.document_end.implicit; break;
        case YAML_SCALAR_EVENT:
            n = node_new(YT_SCALAR, ev.start_mark);
            n->str = xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
            n->len = ev.data.scalar.length;
            n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            if (memchr(n->str, '\0', n->len)) {
                error_at(d, ev.start_mark, "a NUL character; expected text without one");
                ok = false;
            }
            break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (depth == YTREE_MAX_DEPTH) {
                error_at(d, ev.start_mark, "nesting too deep; expected a flatter structure");
                ok = false;
                break;
            }
            n = node_new(ev.type == YAML_MAPPING_START_EVENT ? YT_MAP : YT_SEQ, ev.start_mark);
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT: {
            YtNode *closed = stack[--depth];
            if (closed->kind == YT_MAP)
                check_map(d, closed);
            if (depth == 0)
                d->root = closed;
            else
                add_kid(stack[depth - 1], closed);
            break;
        }
        default: break;
        }
        if (n && (n->kind == YT_MAP || n->kind == YT_SEQ)) {
            stack[depth++] = n;
        } else if (n) {
            if (depth == 0) {
                node_free(d->root);
                d->root = n;
            } else {
                add_kid(stack[depth - 1], n);
            }
        }
    }
    while (depth > 0)
        node_free(stack[--depth]);
    yev_close(&p);
    return ok && d->errors == 0;
}

const char *yt_kind_name(const YtNode *n)
{
    if (!n)
        return "nothing";
    if (n->kind == YT_MAP)
        return "a mapping";
    if (n->kind == YT_SEQ)
        return "a list";
    return yt_is_null(n) ? "null" : "a scalar";
}

bool yt_is_null(const YtNode *n)
{
    return n && n->kind == YT_SCALAR && n->plain &&
           (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0);
}

const YtNode *yt_get(const YtNode *map, const char *key)
{
    if (!map || map->kind != YT_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->nkids; i += 2)
        if (map->kids[i]->kind == YT_SCALAR && strcmp(map->kids[i]->str, key) == 0)
            return map->kids[i + 1];
    return NULL;
}

static bool in_list(const char *const *list, const char *s)
{
    for (; list && *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

bool yt_check_keys(YtDoc *d, const YtNode *n, const char *what, const char *const *known,
                   const char *const *required)
{
    if (!n || n->kind != YT_MAP) {
        yt_error(d, n, "expected %s (a mapping), found %s", what, yt_kind_name(n));
        return false;
    }
    for (size_t i = 0; i + 1 < n->nkids; i += 2) {
        const YtNode *k = n->kids[i];
        if (k->kind != YT_SCALAR || in_list(known, k->str))
            continue;
        Buf list = {0};
        for (const char *const *p = known; *p; p++)
            buf_printf(&list, "%s%s", p == known ? "" : ", ", *p);
        yt_error(d, k, "unknown key '%s' in %s; expected one of: %s", k->str, what,
                 buf_str(&list));
        buf_fini(&list);
    }
    for (const char *const *r = required; r && *r; r++)
        if (!yt_get(n, *r))
            yt_error(d, n, "%s has no '%s'; expected it to be given", what, *r);
    return true;
}

bool yt_string(YtDoc *d, const YtNode *n, const char *key, char **out)
{
    if (!n || n->kind != YT_SCALAR || yt_is_null(n)) {
        yt_error(d, n, "expected text for '%s', found %s", key, yt_kind_name(n));
        return false;
    }
    free(*out);
    *out = xstrdup(n->str);
    return true;
}

bool yt_int(YtDoc *d, const YtNode *n, const char *key, int64_t min, int64_t max, int64_t *out)
{
    if (n && n->kind == YT_SCALAR && n->plain && n->len > 0) {
        char *end;
        errno = 0;
        long long v = strtoll(n->str, &end, 10);
        if (*end == '\0' && errno == 0 && v >= min && v <= max) {
            *out = v;
            return true;
        }
    }
    yt_error(d, n, "expected a whole number from %lld to %lld for '%s'", (long long)min,
             (long long)max, key);
    return false;
}

bool yt_number(YtDoc *d, const YtNode *n, const char *key, double min, double max, double *out)
{
    if (n && n->kind == YT_SCALAR && n->plain && n->len > 0) {
        char *end;
        errno = 0;
        double v = strtod(n->str, &end);
        if (*end == '\0' && errno == 0 && isfinite(v) && v >= min && v <= max) {
            *out = v;
            return true;
        }
    }
    yt_error(d, n, "expected a number from %g to %g for '%s'", min, max, key);
    return false;
}

bool yt_bool(YtDoc *d, const YtNode *n, const char *key, bool *out)
{
    if (n && n->kind == YT_SCALAR && n->plain) {
        if (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0) {
            *out = n->str[0] == 't';
            return true;
        }
    }
    yt_error(d, n, "expected true or false for '%s'", key);
    return false;
}

bool yt_strings(YtDoc *d, const YtNode *n, const char *key, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!n || n->kind != YT_SEQ) {
        yt_error(d, n, "expected a list of text for '%s', found %s", key, yt_kind_name(n));
        return false;
    }
    bool ok = true;
    *out = xcalloc(n->nkids ? n->nkids : 1, sizeof **out);
    for (size_t i = 0; i < n->nkids; i++) {
        char *s = NULL;
        if (yt_string(d, n->kids[i], key, &s))
            (*out)[(*count)++] = s;
        else
            ok = false;
    }
    return ok;
}

bool yt_refuse_controls(YtDoc *d, const YtNode *n)
{
    if (!n)
        return true;
    if (n->kind == YT_SCALAR) {
        unsigned cp;
        if (printable_bad_at(n->str, n->len, PRINTABLE_LINES, &cp) == n->len)
            return true;
        char what[64];
        printable_describe(cp, what, sizeof what);
        yt_error(d, n, "the text holds %s, which a terminal would not show as text; remove it",
                 what);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n->nkids; i++) /* depth is capped by YTREE_MAX_DEPTH */
        ok &= yt_refuse_controls(d, n->kids[i]);
    return ok;
}
