/*
 * xalloc: allocation that never returns NULL.
 *
 * pydive cannot do anything useful once malloc fails, so these wrappers
 * print one line and exit(70) instead of pushing NULL checks through every
 * caller.  A zero size is treated as one byte so the result is always a
 * unique, freeable pointer.
 */
#ifndef PYDIVE_BASE_XALLOC_H
#define PYDIVE_BASE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of `elem` bytes each to at least `need` items; updates *cap. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
