#ifndef PYDIVE_PYRUN_STATIC_STR_311_H
#define PYDIVE_PYRUN_STATIC_STR_311_H
#include <stdbool.h>

/* True when CPython 3.11 keeps the str s (NUL-terminated UTF-8) as a
 * static object, its count at 999,999,999 plus the interpreter's own
 * references (static_str_311.c, generated). */
bool cpython311_static_str(const char *s);
/* True when CPython 3.13 keeps the interned str s immortal from startup. */
bool cpython313_immortal_str(const char *s);

#endif
