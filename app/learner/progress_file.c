/*
 * progress_file: the progress file format, written and read (see store.h).
 *
 * A progress file is one YAML document, written by libyaml's emitter so that
 * quoting is always right, and read with libyaml's event API by a strict
 * reader: every key is known and required, every value has one type, ids are
 * strings of at most PROGRESS_ID_MAX bytes, no anchors, aliases or tags, and
 * the document must end with an explicit "..." marker, so a file cut short at
 * any byte is recognised as damaged rather than read as less progress.
 *
 *     schema: 1
 *     profile: "alice"
 *     updated: 1700000300
 *     last_chapter: "02-gc"
 *     chapters:
 *     - id: "02-gc"
 *       section: "generations"     (null = chapter start)
 *       block: 3
 *       line: 0
 *       first_opened: 1700000000
 *       last_opened: 1700000300
 *       read:
 *       - "intro"
 *     ...
 *
 * The reader is progress_parse.c.  A file with a newer schema is refused with
 * a message naming the schema this pydive reads; there is nothing older to
 * migrate from yet.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "learner/progress.h"
#include "learner/store.h"

static int emit_to_buf(void *data, unsigned char *bytes, size_t size)
{
    buf_add(data, bytes, size);
    return 1;
}

typedef struct Emitter {
    yaml_emitter_t e;
    bool ok;
} Emitter;

static void emit(Emitter *em, yaml_event_t *ev)
{
    if (em->ok && !yaml_emitter_emit(&em->e, ev))
        em->ok = false; /* the emitter deletes the event either way */
}

static void emit_scalar(Emitter *em, const char *s, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s, (int)strlen(s), 1,
                                      1, style)) {
        em->ok = false;
        return;
    }
    emit(em, &ev);
}

static void emit_key(Emitter *em, const char *key)
{
    emit_scalar(em, key, YAML_PLAIN_SCALAR_STYLE);
}

/* Strings are always double-quoted: the emitter escapes quotes, newlines and
 * controls there, and a quoted "null" or "12" stays a string. */
static void emit_string(Emitter *em, const char *key, const char *value)
{
    emit_key(em, key);
    if (value && progress_id_ok(value))
        emit_scalar(em, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    else
        emit_scalar(em, "null", YAML_PLAIN_SCALAR_STYLE);
}

static void emit_int(Emitter *em, const char *key, int64_t value)
{
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, value);
    emit_key(em, key);
    emit_scalar(em, num, YAML_PLAIN_SCALAR_STYLE);
}

static void emit_mapping_start(Emitter *em)
{
    yaml_event_t ev;
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    emit(em, &ev);
}

static void emit_sequence_start(Emitter *em)
{
    yaml_event_t ev;
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
    emit(em, &ev);
}

static void emit_end(Emitter *em, bool mapping)
{
    yaml_event_t ev;
    if (mapping)
        yaml_mapping_end_event_initialize(&ev);
    else
        yaml_sequence_end_event_initialize(&ev);
    emit(em, &ev);
}

static void emit_chapter(Emitter *em, const ChapterProgress *c)
{
    emit_mapping_start(em);
    emit_string(em, "id", c->chapter_id);
    emit_string(em, "section", c->section_id);
    emit_int(em, "block", c->block);
    emit_int(em, "line", c->line);
    emit_int(em, "first_opened", c->first_opened);
    emit_int(em, "last_opened", c->last_opened);
    emit_key(em, "read");
    emit_sequence_start(em);
    for (size_t i = 0; i < c->nread; i++)
        if (progress_id_ok(c->read[i]))
            emit_scalar(em, c->read[i], YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    emit_end(em, false);
    emit_end(em, true);
}

void progress_serialize(const Progress *p, Buf *out)
{
    buf_clear(out);
    Emitter em = {.ok = true};
    if (!yaml_emitter_initialize(&em.e))
        return;
    yaml_emitter_set_output(&em.e, emit_to_buf, out);
    yaml_emitter_set_unicode(&em.e, 1);
    yaml_emitter_set_width(&em.e, -1); /* never fold a long id across lines */
    yaml_emitter_set_indent(&em.e, 2);

    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&em, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&em, &ev);
    emit_mapping_start(&em);
    emit_int(&em, "schema", PROGRESS_SCHEMA_VERSION);
    emit_string(&em, "profile", p->profile && progress_id_ok(p->profile) ? p->profile : "");
    emit_int(&em, "updated", p->updated);
    emit_string(&em, "last_chapter", p->last_chapter);
    emit_key(&em, "chapters");
    emit_sequence_start(&em);
    for (size_t i = 0; i < p->nchapters; i++)
        if (progress_id_ok(p->chapters[i].chapter_id))
            emit_chapter(&em, &p->chapters[i]);
    emit_end(&em, false);
    emit_end(&em, true);
    yaml_document_end_event_initialize(&ev, 0); /* explicit "...": see the top */
    emit(&em, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&em, &ev);
    if (em.ok && !yaml_emitter_flush(&em.e))
        em.ok = false;
    yaml_emitter_delete(&em.e);
    if (!em.ok)
        buf_clear(out); /* callers treat an empty result as "could not write" */
}
