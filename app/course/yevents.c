/*
 * yevents: libyaml's event streams, parsed or replayed (yevents.h,
 * yevents_read.h).
 */
#include "course/yevents.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "course/yevents_read.h"

/* What the window keeps at most: the assessments and lessons of a course
 * are some twenty files under 1 MiB together. */
#define KEEP_STREAMS 48
#define KEEP_BYTES (16u << 20)

typedef struct YevStream {
    unsigned char *text; /* the key: a copy of the bytes read */
    size_t len;
    yaml_event_t *ev;    /* libyaml's events, kept undeleted */
    size_t n, cap;
    bool complete;       /* the stream's end or a parse error was reached */
    bool failed;         /* it ended with a parse error, described in err */
    yaml_parser_t err;
    struct YevStream *next; /* the kept list, most recently read first */
} YevStream;

static struct {
    bool on, these;
    YevStream *head;
    size_t count, bytes;
} keep;

static void stream_free(YevStream *s)
{
    for (size_t i = 0; i < s->n; i++)
        yaml_event_delete(&s->ev[i]);
    free(s->ev);
    free(s->text);
    free(s);
}

static void keep_put(YevStream *s)
{
    s->next = keep.head;
    keep.head = s;
    keep.count++;
    keep.bytes += s->len;
    while (keep.count > KEEP_STREAMS || keep.bytes > KEEP_BYTES) { /* drop the least recent */
        YevStream **pp = &keep.head;
        while ((*pp)->next)
            pp = &(*pp)->next;
        YevStream *old = *pp;
        *pp = NULL;
        keep.count--;
        keep.bytes -= old->len;
        stream_free(old);
    }
}

void yev_keep_begin(void) { keep.on = true; }

void yev_keep_these(bool on) { keep.these = on; }

void yev_keep_end(void)
{
    while (keep.head) {
        YevStream *s = keep.head;
        keep.head = s->next;
        stream_free(s);
    }
    keep.count = keep.bytes = 0;
    keep.on = keep.these = false;
}

bool yev_open(YEvents *y, const unsigned char *text, size_t len)
{
    memset(y, 0, sizeof *y);
    if (keep.on)
        for (YevStream **pp = &keep.head; *pp; pp = &(*pp)->next) {
            YevStream *s = *pp;
            if (s->len == len && memcmp(s->text, text, len) == 0) {
                *pp = s->next; /* the reader holds it until yev_close */
                keep.count--;
                keep.bytes -= s->len;
                y->st = s;
                y->replay = true;
                return true;
            }
        }
    if (!yaml_parser_initialize(&y->parser))
        return false;
    y->parser_ready = true;
    yaml_parser_set_input_string(&y->parser, text, len);
    if (keep.on && keep.these) {
        y->st = xcalloc(1, sizeof *y->st);
        y->st->text = xmalloc(len ? len : 1);
        memcpy(y->st->text, text, len);
        y->st->len = len;
    }
    return true;
}

const yaml_event_t *yev_next(YEvents *y)
{
    YevStream *s = y->st;
    if (y->replay)
        return y->next < s->n ? &s->ev[y->next++] : NULL; /* past the last: its error */
    if (y->has_cur) {
        yaml_event_delete(&y->cur);
        y->has_cur = false;
    }
    yaml_event_t ev;
    if (!yaml_parser_parse(&y->parser, &ev)) {
        if (s) {
            const yaml_parser_t *p = &y->parser;
            s->complete = s->failed = true;
            s->err.error = p->error;
            s->err.problem = p->problem;
            s->err.problem_offset = p->problem_offset;
            s->err.problem_value = p->problem_value;
            s->err.problem_mark = p->problem_mark;
            s->err.context = p->context;
            s->err.context_mark = p->context_mark;
        }
        return NULL;
    }
    if (!s) {
        y->cur = ev;
        y->has_cur = true;
        return &y->cur;
    }
    s->ev = xgrow(s->ev, &s->cap, s->n + 1, sizeof *s->ev);
    s->ev[s->n++] = ev;
    if (ev.type == YAML_STREAM_END_EVENT)
        s->complete = true;
    return &s->ev[s->n - 1];
}

const yaml_parser_t *yev_parser(const YEvents *y)
{
    return y->replay ? &y->st->err : &y->parser;
}

void yev_close(YEvents *y)
{
    if (y->has_cur)
        yaml_event_delete(&y->cur);
    if (y->parser_ready)
        yaml_parser_delete(&y->parser);
    if (y->st) {
        if (y->st->complete && keep.on)
            keep_put(y->st);
        else
            stream_free(y->st);
    }
    memset(y, 0, sizeof *y);
}
