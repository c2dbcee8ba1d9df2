/*
 * yevents_read: libyaml's events of a text through one door (yevents.h):
 * parsed, or replayed from a stream kept in the validate window.  Used by
 * course/ydoc.c and learner/ytree.c, the two readers of YAML.
 */
#ifndef PYDIVE_COURSE_YEVENTS_READ_H
#define PYDIVE_COURSE_YEVENTS_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

struct YevStream;

typedef struct YEvents {
    struct YevStream *st; /* recording or replaying (owned while open), or NULL */
    size_t next;          /* replaying: the next event */
    bool replay;
    bool parser_ready;    /* the libyaml parser was initialized */
    bool has_cur;         /* parsing without keeping: cur is ours to delete */
    yaml_event_t cur;
    yaml_parser_t parser;
} YEvents;

/* Starts reading `text` (which must outlive the reader).  False when
 * libyaml cannot start (out of memory); nothing to close then. */
bool yev_open(YEvents *y, const unsigned char *text, size_t len);
/* The next event, valid until the next call or yev_close (the reader does
 * not delete it), or NULL on a parse error that yev_parser() describes. */
const yaml_event_t *yev_next(YEvents *y);
/* After an error: error, problem, problem_offset, problem_value,
 * problem_mark, context and context_mark as libyaml set them. */
const yaml_parser_t *yev_parser(const YEvents *y);
void yev_close(YEvents *y);

#endif
