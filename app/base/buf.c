/*
 * buf: growable NUL-terminated byte string (see buf.h).
 */
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void buf_fini(Buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void buf_clear(Buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void buf_add(Buf *b, const void *bytes, size_t n)
{
    b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_adds(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_addc(Buf *b, char c)
{
    buf_add(b, &c, 1);
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    b->data = xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_str(const Buf *b)
{
    return b->data ? b->data : "";
}

char *buf_take(Buf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}


void buf_add_capped(Buf *b, const void *bytes, size_t n, size_t cap, bool *cut)
{
    if (*cut)
        return;
    size_t room = b->len < cap ? cap - b->len : 0;
    buf_add(b, bytes, n < room ? n : room);
    if (n > room) {
        *cut = true;
        buf_printf(b, "\n[pydive: output cut at %zu MiB]\n", cap >> 20);
    }
}
