/*
 * yemit: writing one YAML document with libyaml's emitter, as the learner's
 * files are written (progress_file.c, assess_log_file.c): strings
 * double-quoted (the emitter escapes quotes, newlines and controls, and a
 * quoted "null" or "12" stays a string), never folded, indented by 2, and
 * ended by an explicit "..." so a file cut short reads as damaged.
 */
#ifndef PYDIVE_LEARNER_YEMIT_H
#define PYDIVE_LEARNER_YEMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "base/buf.h"

typedef struct YEmit {
    yaml_emitter_t e;
    bool ok;      /* false after any failure: later calls do nothing */
    bool started; /* the emitter was initialised (and must be deleted) */
    Buf *out;     /* where the text goes */
} YEmit;

/* Starts the document into *out (cleared first). */
void yemit_begin(YEmit *em, Buf *out);
/* Ends the document ("...") and frees the emitter; on any failure *out is
 * left empty, which callers take as "could not write". */
void yemit_finish(YEmit *em);

void yemit_scalar(YEmit *em, const char *s, bool quoted);
/* key: value pairs; a NULL string is written as null. */
void yemit_str(YEmit *em, const char *key, const char *value);
void yemit_int(YEmit *em, const char *key, int64_t value);
void yemit_dbl(YEmit *em, const char *key, double value); /* 6 decimals */
void yemit_bool(YEmit *em, const char *key, bool value);
/* key: a flow sequence of quoted strings */
void yemit_list(YEmit *em, const char *key, char **items, size_t n);
/* A mapping (map) or sequence, in block or flow style, and its end. */
void yemit_open(YEmit *em, bool map, bool flow);
void yemit_close(YEmit *em, bool map);

#endif
