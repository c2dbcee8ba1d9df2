/*
 * yemit: one YAML document through libyaml's emitter (see yemit.h).
 */
#include "learner/yemit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int to_buf(void *data, unsigned char *bytes, size_t size)
{
    buf_add(data, bytes, size);
    return 1;
}

static void emit(YEmit *em, yaml_event_t *ev)
{
    if (em->ok && !yaml_emitter_emit(&em->e, ev))
        em->ok = false; /* the emitter deletes the event either way */
}

void yemit_begin(YEmit *em, Buf *out)
{
    buf_clear(out);
    *em = (YEmit){.ok = true, .out = out};
    if (!yaml_emitter_initialize(&em->e)) {
        em->ok = false;
        return;
    }
    em->started = true;
    yaml_emitter_set_output(&em->e, to_buf, out);
    yaml_emitter_set_unicode(&em->e, 1);
    yaml_emitter_set_width(&em->e, -1); /* never fold a long id across lines */
    yaml_emitter_set_indent(&em->e, 2);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(em, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(em, &ev);
}

void yemit_finish(YEmit *em)
{
    yaml_event_t ev;
    yaml_document_end_event_initialize(&ev, 0); /* explicit "..." */
    emit(em, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(em, &ev);
    if (em->ok && !yaml_emitter_flush(&em->e))
        em->ok = false;
    if (em->started)
        yaml_emitter_delete(&em->e);
    if (!em->ok)
        buf_clear(em->out);
}

void yemit_scalar(YEmit *em, const char *s, bool quoted)
{
    yaml_event_t ev;
    if (!em->ok)
        return;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s, (int)strlen(s),
                                      1, 1,
                                      quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                             : YAML_PLAIN_SCALAR_STYLE)) {
        em->ok = false;
        return;
    }
    emit(em, &ev);
}

void yemit_str(YEmit *em, const char *key, const char *value)
{
    yemit_scalar(em, key, false);
    yemit_scalar(em, value ? value : "null", value != NULL);
}

void yemit_int(YEmit *em, const char *key, int64_t value)
{
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, value);
    yemit_scalar(em, key, false);
    yemit_scalar(em, num, false);
}

void yemit_dbl(YEmit *em, const char *key, double value)
{
    char num[40];
    snprintf(num, sizeof num, "%.6f", value);
    yemit_scalar(em, key, false);
    yemit_scalar(em, num, false);
}

void yemit_bool(YEmit *em, const char *key, bool value)
{
    yemit_scalar(em, key, false);
    yemit_scalar(em, value ? "true" : "false", false);
}

void yemit_list(YEmit *em, const char *key, char **items, size_t n)
{
    yemit_scalar(em, key, false);
    yemit_open(em, false, true);
    for (size_t i = 0; i < n; i++)
        yemit_scalar(em, items[i], true);
    yemit_close(em, false);
}

void yemit_open(YEmit *em, bool map, bool flow)
{
    yaml_event_t ev;
    if (map)
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                            flow ? YAML_FLOW_MAPPING_STYLE
                                                 : YAML_BLOCK_MAPPING_STYLE);
    else
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                             flow ? YAML_FLOW_SEQUENCE_STYLE
                                                  : YAML_BLOCK_SEQUENCE_STYLE);
    emit(em, &ev);
}

void yemit_close(YEmit *em, bool map)
{
    yaml_event_t ev;
    if (map)
        yaml_mapping_end_event_initialize(&ev);
    else
        yaml_sequence_end_event_initialize(&ev);
    emit(em, &ev);
}
