/*
 * export_read: an export file read back (see export.h) — which format it is,
 * where its checksum line is and whether the checksum holds, and the YAML /
 * JSON fields through ytree.  The CSV rows are read in export_csv.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "learner/assess_log_tree.h"
#include "learner/export.h"
#include "learner/ytree.h"

/* ---- the checksum line --------------------------------------------------- */

static bool is_hex64(const char *s)
{
    for (int i = 0; i < 64; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

/* Finds the last line starting with `prefix` ("checksum: \"sha256:" ...),
 * followed by 64 hex digits, `close`, a newline and exactly `trailer` (its
 * final newline optional).  Returns the line's offset, or -1. */
static long find_sum_line(const char *text, size_t len, const char *prefix, const char *close,
                          const char *trailer, char sum[SHA256_HEX])
{
    size_t pl = strlen(prefix), cl = strlen(close), tl = strlen(trailer);
    for (size_t at = len; at-- > 0;) {
        if (at > 0 && text[at - 1] != '\n')
            continue;
        if (len - at < pl + 64 + cl + 1 || memcmp(text + at, prefix, pl) != 0)
            continue;
        const char *hex = text + at + pl;
        const char *rest = hex + 64;
        size_t left = len - (size_t)(rest - text);
        if (!is_hex64(hex) || memcmp(rest, close, cl) != 0 || rest[cl] != '\n')
            return -1;
        rest += cl + 1;
        left -= cl + 1;
        if (!(left == tl && memcmp(rest, trailer, tl) == 0) &&
            !(tl > 0 && left == tl - 1 && memcmp(rest, trailer, tl - 1) == 0))
            return -1;
        memcpy(sum, hex, 64);
        sum[64] = '\0';
        return (long)at;
    }
    return -1;
}

static int line_of(const char *text, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Checks the digest of text[0..body) against `sum`; reports at `body`. */
ExportStatus export_verify(const char *text, size_t body, const char *sum, const char *file,
                           Export *out, DiagList *diags)
{
    export_digest(text, body, out->checksum);
    if (strcmp(out->checksum, sum) == 0)
        return EXPORT_OK;
    diag_add(diags, DIAG_ERROR, file, line_of(text, body), 1,
             "the checksum does not match the contents: the file was changed or damaged after "
             "it was exported (expected sha256:%.12s..., the contents give sha256:%.12s...)",
             sum, out->checksum);
    return EXPORT_TAMPERED;
}

/* ---- YAML and JSON fields -------------------------------------------------- */

static bool qstr(YtDoc *d, const YtNode *m, const char *key, bool nullable, char **out)
{
    const YtNode *v = yt_get(m, key);
    if (nullable && yt_is_null(v))
        return true;
    if (v && v->kind == YT_SCALAR && v->plain) {
        yt_error(d, v, "expected a quoted string for '%s'", key);
        return false;
    }
    return yt_string(d, v, key, out);
}

static int64_t num(YtDoc *d, const YtNode *m, const char *key, int64_t lo, int64_t hi)
{
    int64_t v = 0;
    yt_int(d, yt_get(m, key), key, lo, hi, &v);
    return v;
}

static void read_chapter(YtDoc *d, const YtNode *n, Progress *p)
{
    static const char *const k[] = {"id",           "section",     "block", "line",
                                    "first_opened", "last_opened", "read",  NULL};
    if (!yt_check_keys(d, n, "a chapter's progress", k, k))
        return;
    char *id = NULL, *section = NULL;
    if (!qstr(d, n, "id", false, &id))
        return;
    ChapterProgress *c = NULL;
    if (progress_chapter_get(p, id))
        yt_error(d, yt_get(n, "id"), "chapter '%s' is listed twice", id);
    else if (!(c = progress_chapter(p, id, true)))
        yt_error(d, yt_get(n, "id"), "'%s' is not a usable chapter id", id);
    qstr(d, n, "section", true, &section);
    if (c) {
        if (section && !progress_id_ok(section))
            yt_error(d, yt_get(n, "section"), "'%s' is not a usable section id", section);
        else
            c->section_id = section, section = NULL;
        c->block = (int)num(d, n, "block", 0, INT32_MAX);
        c->line = (int)num(d, n, "line", 0, INT32_MAX);
        c->first_opened = num(d, n, "first_opened", 0, INT64_MAX);
        c->last_opened = num(d, n, "last_opened", 0, INT64_MAX);
        char **read = NULL;
        size_t nread = 0;
        yt_strings(d, yt_get(n, "read"), "read", &read, &nread);
        for (size_t i = 0; i < nread; i++) {
            if (!progress_id_ok(read[i]))
                yt_error(d, yt_get(n, "read"), "'%s' is not a usable section id", read[i]);
            progress_mark_read(p, id, read[i], 0);
            free(read[i]);
        }
        free(read);
    }
    free(section);
    free(id);
}

static void read_progress(YtDoc *d, const YtNode *m, Progress *p)
{
    static const char *const k[] = {"updated", "last_chapter", "chapters", NULL};
    if (!yt_check_keys(d, m, "'progress'", k, k))
        return;
    const YtNode *l = yt_get(m, "chapters");
    if (!l || l->kind != YT_SEQ)
        yt_error(d, l, "expected a list for 'chapters', found %s", yt_kind_name(l));
    for (size_t i = 0; l && l->kind == YT_SEQ && i < l->nkids; i++)
        read_chapter(d, l->kids[i], p);
    qstr(d, m, "last_chapter", true, &p->last_chapter);
    if (p->last_chapter && !progress_id_ok(p->last_chapter))
        yt_error(d, yt_get(m, "last_chapter"), "'%s' is not a usable chapter id",
                 p->last_chapter);
    p->updated = num(d, m, "updated", 0, INT64_MAX);
}

static void read_fields(YtDoc *d, const YtNode *root, Export *e)
{
    static const char *const k[] = {"format", "version",      "profile",  "exported",
                                    "course", "pack",         "pack_version", "progress",
                                    "assessments", "checksum", NULL};
    static const char *const ak[] = {"updated", "track",    "answers", "exercises",
                                     "ratings", "sessions", "review",  NULL};
    if (!yt_check_keys(d, root, "an export", k, k))
        return;
    qstr(d, root, "profile", false, &e->profile);
    e->exported = num(d, root, "exported", 0, INT64_MAX);
    qstr(d, root, "course", true, &e->course);
    qstr(d, root, "pack", true, &e->pack);
    e->pack_version = (int)num(d, root, "pack_version", 0, 1000000);
    read_progress(d, yt_get(root, "progress"), &e->progress);
    const YtNode *a = yt_get(root, "assessments");
    if (yt_check_keys(d, a, "'assessments'", ak, ak))
        assess_log_read_fields(d, a, &e->log);
    free(e->progress.profile);
    e->progress.profile = e->profile ? xstrdup(e->profile) : NULL;
    free(e->log.profile);
    e->log.profile = e->profile ? xstrdup(e->profile) : NULL;
}

/* Format and version first: a newer export gets its own message even when
 * the rest would not read. */
static ExportStatus read_head(YtDoc *d, const YtNode *root, Export *e)
{
    const YtNode *f = yt_get(root, "format");
    if (!root || root->kind != YT_MAP || !f || f->kind != YT_SCALAR ||
        strcmp(f->str, EXPORT_FORMAT_NAME) != 0) {
        yt_error(d, f ? f : root, "not a pydive export (expected 'format: \"%s\"')",
                 EXPORT_FORMAT_NAME);
        return EXPORT_DAMAGED;
    }
    int64_t v = 0;
    if (!yt_int(d, yt_get(root, "version"), "version", 1, INT32_MAX, &v))
        return EXPORT_DAMAGED;
    e->version = (int)v;
    if (v > EXPORT_VERSION) {
        yt_error(d, yt_get(root, "version"), "export version %" PRId64 " was written by a "
                 "newer pydive; this pydive reads version %d (update pydive on this machine)",
                 v, EXPORT_VERSION);
        return EXPORT_FUTURE;
    }
    return EXPORT_OK;
}

static ExportStatus read_tree(const char *text, size_t len, const char *file, bool json,
                              Export *out, DiagList *diags)
{
    YtDoc d;
    ExportStatus st = EXPORT_DAMAGED;
    if (!ytree_parse(&d, text, len, file, diags) || !d.root) {
        if (!d.root && d.errors == 0)
            yt_error(&d, NULL, "the file is empty; expected a pydive export");
        goto done;
    }
    if ((st = read_head(&d, d.root, out)) != EXPORT_OK)
        goto done;
    char sum[SHA256_HEX];
    long body = json ? find_sum_line(text, len, "  \"checksum\": \"sha256:", "\"", "}\n", sum)
                     : find_sum_line(text, len, "checksum: \"sha256:", "\"", "...\n", sum);
    if (body < 0) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "no checksum line at the end: the file was cut "
                 "short or edited after it was exported");
        st = EXPORT_TAMPERED;
        goto done;
    }
    if ((st = export_verify(text, (size_t)body, sum, file, out, diags)) != EXPORT_OK)
        goto done;
    read_fields(&d, d.root, out);
    st = d.errors ? EXPORT_DAMAGED : EXPORT_OK;
done:
    ytree_fini(&d);
    return st;
}

ExportStatus export_read(const char *text, size_t len, const char *file, Export *out,
                         DiagList *diags)
{
    export_init(out, NULL);
    ExportStatus st;
    size_t skip = 0, bad;
    while (skip < len && (text[skip] == ' ' || text[skip] == '\n' || text[skip] == '\t'))
        skip++;
    if (len > EXPORT_FILE_MAX) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "the file is %zu bytes; an export is at most %d",
                 len, EXPORT_FILE_MAX);
        st = EXPORT_DAMAGED;
    } else if (memchr(text, '\0', len)) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "the file holds NUL bytes: it is damaged or not "
                 "a pydive export");
        st = EXPORT_DAMAGED;
    } else if ((bad = utf8_invalid_at(text, len)) < len) {
        /* YAML and JSON are UTF-8 by definition; CSV is held to the same rule,
         * so whatever one format accepts the other two can carry */
        int line = 1, col = 1;
        for (size_t i = 0; i < bad; i++)
            text[i] == '\n' ? (line++, col = 1) : col++;
        diag_add(diags, DIAG_ERROR, file, line, col, "a byte that is not UTF-8 text (0x%02x); "
                 "expected a pydive export, which is UTF-8", (unsigned char)text[bad]);
        st = EXPORT_DAMAGED;
    } else if (len > strlen(EXPORT_FORMAT_NAME) &&
               memcmp(text, EXPORT_FORMAT_NAME ",", strlen(EXPORT_FORMAT_NAME) + 1) == 0) {
        st = export_read_csv(text, len, file, out, diags);
    } else {
        st = read_tree(text, len, file, skip < len && text[skip] == '{', out, diags);
    }
    if (st != EXPORT_OK) {
        export_fini(out);
        export_init(out, NULL);
    }
    return st;
}
