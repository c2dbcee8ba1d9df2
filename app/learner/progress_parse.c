/*
 * progress_parse: the strict reader of progress files (format in
 * progress_file.c).
 *
 * Drives libyaml's event API through a small recursive descent that mirrors
 * the schema.  Every problem becomes a "file:line:col: error: what was
 * expected" diagnostic (1-based).  Semantic errors (unknown, missing or
 * duplicate keys, wrong types, over-long ids) are all reported, up to
 * MAX_ERRORS; a syntax error, an anchor, alias or tag, or a newer schema
 * stops reading at once.  Size is capped by PROGRESS_FILE_MAX and the event
 * count by MAX_EVENTS; the schema itself bounds the nesting depth.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/xalloc.h"
#include "learner/progress.h"
#include "learner/store.h"

#define MAX_ERRORS 20
#define MAX_EVENTS 200000

typedef struct Reader {
    yaml_parser_t parser;
    yaml_event_t ev; /* the current event, valid while have_ev */
    bool have_ev;
    bool fatal;      /* stop reading: syntax error, alias, newer schema, ... */
    int errors;
    size_t events;
    const char *file;
    const char *text;
    size_t len;
    DiagList *diags;
} Reader;

static void report(Reader *r, DiagLevel level, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report(Reader *r, DiagLevel level, int line, int col, const char *fmt, ...)
{
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    diag_add(r->diags, level, r->file, line, col, "%s", buf_str(&msg));
    buf_fini(&msg);
    if (level != DIAG_ERROR)
        return;
    if (++r->errors == MAX_ERRORS) {
        diag_add(r->diags, DIAG_NOTE, r->file, 0, 0, "too many errors; stopped reading");
        r->fatal = true;
    }
}

/* libyaml marks are 0-based; diagnostics are 1-based. */
#define AT(mark) (int)(mark).line + 1, (int)(mark).column + 1

/* Reader errors carry only a byte offset: turn it into line and column,
 * counting columns in characters like the scanner does. */
static void offset_to_pos(const Reader *r, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < r->len; i++) {
        unsigned char c = (unsigned char)r->text[i];
        if (c == '\n') {
            ++*line;
            *col = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

static void syntax_error(Reader *r)
{
    yaml_parser_t *ps = &r->parser;
    const char *problem = ps->problem ? ps->problem : "unreadable YAML";
    switch (ps->error) {
    case YAML_MEMORY_ERROR:
        report(r, DIAG_ERROR, 0, 0, "out of memory while reading the file");
        break;
    case YAML_READER_ERROR: {
        int line, col;
        offset_to_pos(r, ps->problem_offset, &line, &col);
        if (ps->problem_value != -1)
            report(r, DIAG_ERROR, line, col, "%s (byte 0x%02X); expected UTF-8 text", problem,
                   (unsigned)ps->problem_value & 0xFFu);
        else
            report(r, DIAG_ERROR, line, col, "%s; expected UTF-8 text", problem);
        break;
    }
    default:
        report(r, DIAG_ERROR, AT(ps->problem_mark), "%s", problem);
        if (ps->context)
            report(r, DIAG_NOTE, AT(ps->context_mark), "%s", ps->context);
        break;
    }
    r->fatal = true;
}

static void drop_event(Reader *r)
{
    if (r->have_ev)
        yaml_event_delete(&r->ev);
    r->have_ev = false;
}

/* Advances to the next event; false (and r->fatal) when reading must stop. */
static bool next(Reader *r)
{
    drop_event(r);
    if (r->fatal)
        return false;
    if (!yaml_parser_parse(&r->parser, &r->ev)) {
        syntax_error(r);
        return false;
    }
    r->have_ev = true;
    yaml_event_t *ev = &r->ev;
    const yaml_char_t *anchor = NULL, *tag = NULL;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        report(r, DIAG_ERROR, AT(ev->start_mark),
               "aliases (*name) are not allowed in a progress file; expected a value");
        r->fatal = true;
        return false;
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor, tag = ev->data.scalar.tag;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor, tag = ev->data.mapping_start.tag;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor, tag = ev->data.sequence_start.tag;
        break;
    default:
        break;
    }
    if (anchor || tag) {
        report(r, DIAG_ERROR, AT(ev->start_mark),
               "%s are not allowed in a progress file; expected a plain value",
               anchor ? "anchors (&name)" : "tags (!name)");
        r->fatal = true;
        return false;
    }
    if (++r->events > MAX_EVENTS) {
        report(r, DIAG_ERROR, AT(ev->start_mark),
               "more than %d YAML events; expected a progress file of reasonable size",
               MAX_EVENTS);
        r->fatal = true;
        return false;
    }
    return true;
}

/* Skips the node that starts at the current event (already reported). */
static void skip_node(Reader *r)
{
    int depth = 0;
    do {
        yaml_event_type_t t = r->ev.type;
        if (t == YAML_MAPPING_START_EVENT || t == YAML_SEQUENCE_START_EVENT)
            depth++;
        else if (t == YAML_MAPPING_END_EVENT || t == YAML_SEQUENCE_END_EVENT)
            depth--;
        if (depth == 0)
            return;
    } while (next(r));
}

static const char *node_kind(const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_MAPPING_START_EVENT: return "a mapping";
    case YAML_SEQUENCE_START_EVENT: return "a list";
    case YAML_SCALAR_EVENT: return "a scalar";
    default: return "something else";
    }
}

static bool is_null_scalar(const yaml_event_t *ev)
{
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)ev->data.scalar.value;
    return strcmp(v, "") == 0 || strcmp(v, "~") == 0 || strcmp(v, "null") == 0;
}

/* Reads the current event as a string (or null when allowed) into *slot. */
static void read_string(Reader *r, const char *key, bool nullable, char **slot)
{
    yaml_event_t *ev = &r->ev;
    const char *want = nullable ? "a quoted string or null" : "a quoted string";
    if (ev->type != YAML_SCALAR_EVENT) {
        report(r, DIAG_ERROR, AT(ev->start_mark), "expected %s for '%s', found %s", want, key,
               node_kind(ev));
        skip_node(r);
        return;
    }
    const char *v = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (is_null_scalar(ev)) {
        if (!nullable)
            report(r, DIAG_ERROR, AT(ev->start_mark), "expected %s for '%s', found null", want,
                   key);
        free(*slot);
        *slot = NULL;
        return;
    }
    if (memchr(v, '\0', n)) {
        report(r, DIAG_ERROR, AT(ev->start_mark),
               "'%s' contains a NUL character; expected text without one", key);
        return;
    }
    if (n > PROGRESS_ID_MAX || !progress_id_ok(v)) {
        report(r, DIAG_ERROR, AT(ev->start_mark),
               "'%s' is %zu bytes long; expected at most %d bytes of UTF-8", key, n,
               PROGRESS_ID_MAX);
        return;
    }
    free(*slot);
    *slot = xstrndup(v, n);
}

static bool parse_int(const char *s, int64_t *out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (neg)
        p++;
    if (*p < '0' || *p > '9')
        return false;
    uint64_t v = 0;
    const uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        unsigned d = (unsigned)(*p - '0');
        if (v > (limit - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    return true;
}

static void read_int(Reader *r, const char *key, int64_t min, int64_t max, int64_t *out)
{
    yaml_event_t *ev = &r->ev;
    int64_t v;
    if (ev->type == YAML_SCALAR_EVENT && ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        parse_int((const char *)ev->data.scalar.value, &v) && v >= min && v <= max) {
        *out = v;
        return;
    }
    report(r, DIAG_ERROR, AT(ev->start_mark),
           "expected a whole number from %" PRId64 " to %" PRId64 " for '%s'", min, max, key);
    skip_node(r);
}

/* ---- the schema --------------------------------------------------------- */

/* Walks a block mapping whose MAPPING_START is the current event, calling
 * `field` with the value event current for each known key.  Reports unknown,
 * duplicate and missing keys.  Keys are given as a NULL-terminated list. */
typedef void (*FieldFn)(Reader *r, int index, void *ctx);

static bool read_mapping(Reader *r, const char *what, const char *const *keys, FieldFn field,
                         void *ctx)
{
    yaml_mark_t start = r->ev.start_mark;
    unsigned seen = 0;
    int nkeys = 0;
    while (keys[nkeys])
        nkeys++;
    while (next(r) && r->ev.type != YAML_MAPPING_END_EVENT) {
        if (r->ev.type != YAML_SCALAR_EVENT) {
            report(r, DIAG_ERROR, AT(r->ev.start_mark), "expected a key in %s, found %s", what,
                   node_kind(&r->ev));
            skip_node(r);
            if (next(r))
                skip_node(r);
            continue;
        }
        const char *k = (const char *)r->ev.data.scalar.value;
        yaml_mark_t kmark = r->ev.start_mark;
        int i = 0;
        while (i < nkeys && strcmp(k, keys[i]) != 0)
            i++;
        if (i == nkeys) {
            Buf list = {0};
            for (int j = 0; j < nkeys; j++)
                buf_printf(&list, "%s%s", j ? ", " : "", keys[j]);
            report(r, DIAG_ERROR, AT(kmark), "unknown key '%s' in %s (expected one of: %s)", k,
                   what, buf_str(&list));
            buf_fini(&list);
        } else if (seen & (1u << i)) {
            report(r, DIAG_ERROR, AT(kmark), "key '%s' appears twice in %s; expected it once",
                   k, what);
            i = nkeys;
        }
        if (!next(r))
            break;
        if (i == nkeys) {
            skip_node(r);
            continue;
        }
        seen |= 1u << i;
        field(r, i, ctx);
    }
    if (r->fatal)
        return false;
    for (int i = 0; i < nkeys; i++)
        if (!(seen & (1u << i)))
            report(r, DIAG_ERROR, AT(start), "%s has no '%s'; expected every one of its keys",
                   what, keys[i]);
    return true;
}

/* Reads a list of strings (the `read` field) into c->read. */
static void read_section_list(Reader *r, ChapterProgress *c)
{
    if (r->ev.type != YAML_SEQUENCE_START_EVENT) {
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "expected a list of section ids for 'read', found %s", node_kind(&r->ev));
        skip_node(r);
        return;
    }
    while (next(r) && r->ev.type != YAML_SEQUENCE_END_EVENT) {
        yaml_mark_t at = r->ev.start_mark;
        char *id = NULL;
        read_string(r, "read", false, &id);
        if (!id)
            continue;
        bool dup = false;
        for (size_t i = 0; i < c->nread && !dup; i++)
            dup = strcmp(c->read[i], id) == 0;
        if (dup) {
            report(r, DIAG_ERROR, AT(at), "section '%s' is listed twice in 'read'", id);
            free(id);
            continue;
        }
        c->read = xrealloc(c->read, (c->nread + 1) * sizeof *c->read);
        c->read[c->nread++] = id;
    }
}

static const char *const chapter_keys[] = {
    "id", "section", "block", "line", "first_opened", "last_opened", "read", NULL,
};

typedef struct ChapterCtx {
    ChapterProgress c;
    yaml_mark_t id_mark;
} ChapterCtx;

static void chapter_field(Reader *r, int index, void *ctx)
{
    ChapterCtx *cc = ctx;
    ChapterProgress *c = &cc->c;
    int64_t v;
    switch (index) {
    case 0:
        cc->id_mark = r->ev.start_mark;
        read_string(r, "id", false, &c->chapter_id);
        break;
    case 1: read_string(r, "section", true, &c->section_id); break;
    case 2:
    case 3:
        v = 0;
        read_int(r, chapter_keys[index], 0, INT32_MAX, &v);
        *(index == 2 ? &c->block : &c->line) = (int)v;
        break;
    case 4: read_int(r, "first_opened", 0, INT64_MAX, &c->first_opened); break;
    case 5: read_int(r, "last_opened", 0, INT64_MAX, &c->last_opened); break;
    case 6: read_section_list(r, c); break;
    }
}

static void read_chapters(Reader *r, Progress *p)
{
    if (r->ev.type != YAML_SEQUENCE_START_EVENT) {
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "expected a list of chapters for 'chapters', found %s", node_kind(&r->ev));
        skip_node(r);
        return;
    }
    while (next(r) && r->ev.type != YAML_SEQUENCE_END_EVENT) {
        if (r->ev.type != YAML_MAPPING_START_EVENT) {
            report(r, DIAG_ERROR, AT(r->ev.start_mark),
                   "expected a chapter (a mapping with id, section, ...), found %s",
                   node_kind(&r->ev));
            skip_node(r);
            continue;
        }
        ChapterCtx cc = {0};
        read_mapping(r, "a chapter", chapter_keys, chapter_field, &cc);
        const char *id = cc.c.chapter_id;
        if (id && progress_chapter_get(p, id)) {
            report(r, DIAG_ERROR, AT(cc.id_mark), "chapter '%s' is listed twice", id);
            id = NULL;
        }
        if (!id) {
            free(cc.c.chapter_id);
            free(cc.c.section_id);
            for (size_t j = 0; j < cc.c.nread; j++)
                free(cc.c.read[j]);
            free(cc.c.read);
            continue;
        }
        p->chapters = xrealloc(p->chapters, (p->nchapters + 1) * sizeof *p->chapters);
        p->chapters[p->nchapters++] = cc.c;
    }
}

static const char *const root_keys[] = {
    "schema", "profile", "updated", "last_chapter", "chapters", NULL,
};

typedef struct RootCtx {
    Progress *p;
    bool first;
} RootCtx;

static void root_field(Reader *r, int index, void *ctx)
{
    RootCtx *rc = ctx;
    Progress *p = rc->p;
    bool first = rc->first;
    rc->first = false;
    if (first && index != 0) {
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "expected 'schema: %d' as the first key of a progress file",
               PROGRESS_SCHEMA_VERSION);
        r->fatal = true; /* without a schema nothing else can be trusted */
        return;
    }
    int64_t v = 0;
    switch (index) {
    case 0: {
        yaml_mark_t at = r->ev.start_mark;
        read_int(r, "schema", 1, INT32_MAX, &v);
        if (v > PROGRESS_SCHEMA_VERSION) {
            report(r, DIAG_ERROR, AT(at),
                   "this progress file has schema %" PRId64 ", written by a newer pydive; "
                   "this pydive reads schema %d (update pydive to keep this progress)",
                   v, PROGRESS_SCHEMA_VERSION);
            r->fatal = true;
        } else if (v < 1) {
            r->fatal = true;
        }
        p->schema_version = (int)v;
        break;
    }
    case 1: read_string(r, "profile", false, &p->profile); break;
    case 2: read_int(r, "updated", 0, INT64_MAX, &p->updated); break;
    case 3: read_string(r, "last_chapter", true, &p->last_chapter); break;
    case 4: read_chapters(r, p); break;
    }
}

static void read_document(Reader *r, Progress *p)
{
    if (!next(r) || r->ev.type != YAML_STREAM_START_EVENT || !next(r))
        return;
    if (r->ev.type == YAML_STREAM_END_EVENT) {
        report(r, DIAG_ERROR, 1, 1, "the file is empty; expected a mapping starting with "
                                    "'schema: %d'", PROGRESS_SCHEMA_VERSION);
        return;
    }
    if (!next(r)) /* past DOCUMENT_START */
        return;
    if (r->ev.type != YAML_MAPPING_START_EVENT) {
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "expected a mapping starting with 'schema: %d', found %s",
               PROGRESS_SCHEMA_VERSION, node_kind(&r->ev));
        return;
    }
    RootCtx rc = {.p = p, .first = true};
    if (!read_mapping(r, "the progress file", root_keys, root_field, &rc) || !next(r))
        return;
    if (r->ev.type == YAML_DOCUMENT_END_EVENT && r->ev.data.document_end.implicit) {
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "the file ends without its '...' end marker; it was cut short or edited");
        return;
    }
    if (!next(r))
        return;
    if (r->ev.type != YAML_STREAM_END_EVENT)
        report(r, DIAG_ERROR, AT(r->ev.start_mark),
               "expected the end of the file after '...'; a progress file holds one document");
}

bool progress_parse(const char *text, size_t len, const char *file, Progress *out,
                    DiagList *diags)
{
    progress_init(out, NULL);
    Reader r = {.file = file, .text = text, .len = len, .diags = diags};
    if (len > PROGRESS_FILE_MAX) {
        report(&r, DIAG_ERROR, 0, 0, "the file is %zu bytes; expected at most %d", len,
               PROGRESS_FILE_MAX);
        return false;
    }
    if (!yaml_parser_initialize(&r.parser)) {
        report(&r, DIAG_ERROR, 0, 0, "out of memory while reading the file");
        return false;
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
    read_document(&r, out);
    drop_event(&r);
    yaml_parser_delete(&r.parser);
    if (r.errors == 0 && !r.fatal)
        return true;
    if (r.errors == 0) /* stopped without saying why: never silently */
        report(&r, DIAG_ERROR, 0, 0, "the file could not be read as a progress file");
    int declared = out->schema_version;
    progress_fini(out);
    progress_init(out, NULL);
    if (declared > PROGRESS_SCHEMA_VERSION)
        out->schema_version = declared; /* the store keeps such a file as it is */
    return false;
}
