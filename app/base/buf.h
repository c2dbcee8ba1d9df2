/*
 * buf: a growable byte string, always NUL-terminated.
 *
 * Zero-initialise (`Buf b = {0};`) to get an empty buffer; buf_fini frees it.
 * `buf_take` hands the bytes to the caller and leaves the buffer empty.
 */
#ifndef PYDIVE_BASE_BUF_H
#define PYDIVE_BASE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
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
/* Never NULL: an empty buffer reads as "". */
const char *buf_str(const Buf *b);
/* Returns the malloc'ed string (caller frees) and resets the buffer. */
char *buf_take(Buf *b);
/* For output a program may write without end: appends what keeps b within
 * `cap` bytes, and the first time anything is cut, one line that says so.
 * *cut remembers that (start it false). */
void buf_add_capped(Buf *b, const void *bytes, size_t n, size_t cap, bool *cut);

#endif
