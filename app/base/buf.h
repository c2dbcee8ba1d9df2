/*
 * buf: a growable byte string, always NUL-terminated.
 *
 * Zero-initialise (`Buf b = {0};`) to get an empty buffer; buf_fini frees it.
 * `buf_take` hands the bytes to the caller and leaves the buffer empty.
 */
#ifndef PYDIVE_BASE_BUF_H
#define PYDIVE_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
    char *data;   /* NUL-terminated once anything was added; NULL when empty */
    size_t len;   /* bytes used, not counting the NUL */
    size_t cap;   /* bytes allocated */
} Buf;

void buf_fini(Buf *b);
void buf_clear(Buf *b);
void buf_add(Buf *b, const void *bytes, size_t n);
void buf_adds(Buf *b, const char *s);
void buf_addc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends `s` as a JSON string: quoted, '"' and '\\' escaped, control bytes
 * as \u00XX; NULL appends null. */
void buf_json_str(Buf *b, const char *s);
/* Never NULL: an empty buffer reads as "". */
const char *buf_str(const Buf *b);
/* Returns the malloc'ed string (caller frees) and resets the buffer. */
char *buf_take(Buf *b);

#endif
